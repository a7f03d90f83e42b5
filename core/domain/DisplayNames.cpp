#include "domain/DisplayNames.h"

namespace hotline {

QString DisplayNames::of(Channel v)
{
    switch (v) {
    case Channel::Phone: return tr("Phone hotline");
    case Channel::Weibo: return tr("Microblog");
    case Channel::WeChat: return tr("WeChat");
    case Channel::Web: return tr("Website");
    case Channel::Petition: return tr("Online petition");
    case Channel::Interview: return tr("Micro-interview");
    case Channel::WalkIn: return tr("Walk-in or letter");
    }
    return {};
}

QString DisplayNames::of(TicketType v)
{
    switch (v) {
    case TicketType::Consult: return tr("Consultation");
    case TicketType::Complaint: return tr("Complaint");
    case TicketType::Help: return tr("Help request");
    case TicketType::Suggestion: return tr("Suggestion");
    case TicketType::Report: return tr("Report");
    }
    return {};
}

QString DisplayNames::of(SlaClass v)
{
    return v == SlaClass::Consult ? tr("Consult (1 working day)") : tr("Handling (5 working days)");
}

QString DisplayNames::of(Colour v)
{
    switch (v) {
    case Colour::Green: return tr("Green");
    case Colour::Yellow: return tr("Yellow");
    case Colour::Red: return tr("Red");
    }
    return {};
}

QString DisplayNames::of(Satisfaction v)
{
    switch (v) {
    case Satisfaction::Satisfied: return tr("Satisfied");
    case Satisfaction::Basic: return tr("Basically satisfied");
    case Satisfaction::Unsatisfied: return tr("Unsatisfied");
    }
    return {};
}

QString DisplayNames::of(TicketState v)
{
    switch (v) {
    case TicketState::Registered: return tr("Waiting for dispatch");
    case TicketState::Dispatched: return tr("Dispatched");
    case TicketState::Signed: return tr("Signed for");
    case TicketState::Replied: return tr("Replied");
    case TicketState::Closed: return tr("Closed");
    }
    return {};
}

QString DisplayNames::of(EventType v)
{
    switch (v) {
    case EventType::Registered: return tr("Registered");
    case EventType::Dispatched: return tr("Dispatched");
    case EventType::Signed: return tr("Signed for");
    case EventType::Replied: return tr("Replied");
    case EventType::ExtensionRequested: return tr("Extension requested");
    case EventType::ExtensionApproved: return tr("Extension approved");
    case EventType::ExtensionRefused: return tr("Extension refused");
    case EventType::Returned: return tr("Returned");
    case EventType::Transferred: return tr("Transferred");
    case EventType::Urged: return tr("Urged");
    case EventType::ReminderSent: return tr("Reminder SMS sent");
    case EventType::Overdue: return tr("Overdue: accountability opened");
    case EventType::Callback: return tr("Callback");
    case EventType::Closed: return tr("Closed");
    case EventType::Reopened: return tr("Reopened");
    case EventType::DeadlineRedecided: return tr("Deadline re-decided after a calendar change");
    case EventType::AdminChanged: return tr("Administrative change");
    case EventType::FollowedUp: return tr("Citizen asked about progress");
    case EventType::Attached: return tr("File attached");
    case EventType::Merged: return tr("Merged into another ticket");
    case EventType::CitizenSmsChanged: return tr("Citizen SMS preference changed");
    case EventType::Renumbered: return tr("Renumbered");
    }
    return {};
}

QString DisplayNames::of(Role v)
{
    switch (v) {
    case Role::CallTaker: return tr("Call-taker");
    case Role::Dispatcher: return tr("Dispatcher");
    case Role::Liaison: return tr("Department liaison");
    case Role::Supervisor: return tr("Supervisor");
    case Role::Administrator: return tr("Administrator");
    case Role::System: return tr("System");
    }
    return {};
}

QString DisplayNames::action(Action v)
{
    switch (v) {
    case Action::Register: return tr("register tickets");
    case Action::Dispatch: return tr("dispatch tickets");
    case Action::Sign: return tr("sign for tickets");
    case Action::Reply: return tr("reply to tickets");
    case Action::RequestExtension: return tr("request extensions");
    case Action::DecideExtension: return tr("approve or refuse extensions");
    case Action::Return: return tr("return tickets");
    case Action::Transfer: return tr("transfer tickets");
    case Action::Urge: return tr("urge tickets");
    case Action::Callback: return tr("record callbacks");
    case Action::Close: return tr("close tickets");
    case Action::Reopen: return tr("reopen tickets");
    case Action::ViewAllTickets: return tr("see every department's tickets");
    case Action::ViewCallerInFull: return tr("see callers' full names and numbers");
    case Action::ViewAccountability: return tr("see the accountability log");
    case Action::ViewReports: return tr("see reports");
    case Action::Export: return tr("export data");
    case Action::ManageUsers: return tr("manage users");
    case Action::ManageDepartments: return tr("manage departments");
    case Action::ManageReference: return tr("manage categories and towns");
    case Action::ManageCalendar: return tr("manage the holiday calendar");
    case Action::ManageConfig: return tr("change settings");
    case Action::ManageServer: return tr("manage the shared server connection");
    case Action::ViewAccessLog: return tr("see the access log");
    case Action::ImportTickets: return tr("import historical tickets");
    case Action::ReviewConflicts: return tr("review sync conflicts");
    case Action::ViewAudit: return tr("view the administrative changes");
    case Action::FollowUp: return tr("record a citizen's progress call");
    case Action::Attach: return tr("attach files");
    case Action::Merge: return tr("merge tickets of the same incident");
    case Action::ManageIntake: return tr("manage the electronic channels' tokens");
    case Action::Renumber: return tr("renumber tickets");
    }
    return {};
}

QString DisplayNames::countdown(qint64 seconds)
{
    return seconds < 0 ? tr("overdue %1").arg(clock(-seconds)) : clock(seconds);
}

QString DisplayNames::clock(qint64 seconds)
{
    const qint64 a = seconds < 0 ? -seconds : seconds;
    return (seconds < 0 ? QStringLiteral("-") : QString()) + QStringLiteral("%1:%2:%3")
                                                                 .arg(a / 3600)
                                                                 .arg((a / 60) % 60, 2, 10, QLatin1Char('0'))
                                                                 .arg(a % 60, 2, 10, QLatin1Char('0'));
}

QString DisplayNames::workingTime(qint64 seconds)
{
    const qint64 a = seconds < 0 ? -seconds : seconds;
    const QString text = tr("%1 h %2 min").arg(a / 3600).arg((a / 60) % 60, 2, 10, QLatin1Char('0'));
    return seconds < 0 ? tr("overdue %1").arg(text) : text;
}

} // namespace hotline
