#include "board/EventDescriptions.h"

#include "calendar/WorkCalendar.h"
#include "domain/DisplayNames.h"
#include "domain/Ticket.h"

#include <QStringList>

using namespace Qt::StringLiterals;

namespace hotline {

QString EventDescriptions::localTime(qint64 utcSecs, const WorkCalendar &calendar)
{
    return calendar.toLocal(utcSecs).toString(u"yyyy-MM-dd HH:mm:ss"_s);
}

QString EventDescriptions::actor(const TicketEvent &event)
{
    if (event.console.isEmpty())
        return event.actor;
    return tr("%1 · console %2").arg(event.actor, event.console);
}

QString EventDescriptions::details(const TicketEvent &event, const WorkCalendar &calendar,
                                   const DepartmentName &departmentName)
{
    const QJsonObject &p = event.payload;
    const QString reason = p.value(Key::Reason).toString().trimmed();
    const QString text = p.value(Key::Text).toString().trimmed();
    const int days = p.value(Key::Days).toInt();
    QString department = p.value(Key::Department).toString();
    if (!department.isEmpty() && departmentName) {
        const QString name = departmentName(department);
        if (!name.isEmpty())
            department = name;
    }
    const QString deadline
        = p.contains(Key::Deadline) ? localTime(qint64(p.value(Key::Deadline).toDouble()), calendar) : QString();

    QStringList parts;
    const auto add = [&parts](const QString &s) {
        if (!s.isEmpty())
            parts << s;
    };
    switch (event.type) {
    case EventType::Registered: {
        const auto type = ticketTypeFromCode(p.value(Key::Type).toString());
        const auto channel = channelFromCode(p.value(Key::Channel).toString());
        if (channel)
            add(tr("Channel: %1").arg(DisplayNames::of(*channel)));
        if (type)
            add(tr("Type: %1").arg(DisplayNames::of(*type)));
        if (const QString category = p.value(Key::Category).toString(); !category.isEmpty())
            add(tr("Category: %1").arg(category));
        if (const QString town = p.value(Key::Town).toString(); !town.isEmpty())
            add(tr("Town: %1").arg(town));
        break;
    }
    case EventType::Dispatched:
        add(tr("To %1").arg(department));
        if (!deadline.isEmpty())
            add(tr("deadline %1").arg(deadline));
        break;
    case EventType::Transferred:
        add(tr("To %1").arg(department));
        if (!deadline.isEmpty())
            add(tr("new deadline %1").arg(deadline));
        if (!reason.isEmpty())
            add(tr("Reason: %1").arg(reason));
        break;
    case EventType::Replied:
        if (!text.isEmpty())
            add(tr("Reply: %1").arg(text));
        if (const QString parent = p.value(Key::ParentNumber).toString(); !parent.isEmpty())
            add(tr("the reply to ticket %1, which this one follows").arg(parent));
        break;
    case EventType::ExtensionRequested:
        add(tr("%n more working day(s)", nullptr, days));
        if (!reason.isEmpty())
            add(tr("Reason: %1").arg(reason));
        break;
    case EventType::ExtensionApproved:
        if (days > 0)
            add(tr("%n more working day(s)", nullptr, days));
        if (!deadline.isEmpty())
            add(tr("new deadline %1").arg(deadline));
        if (!reason.isEmpty())
            add(tr("Reason: %1").arg(reason));
        break;
    case EventType::ExtensionRefused:
    case EventType::Returned:
    case EventType::Reopened:
        if (!reason.isEmpty())
            add(tr("Reason: %1").arg(reason));
        break;
    case EventType::Urged:
    case EventType::Closed:
    case EventType::FollowedUp:
        if (!text.isEmpty())
            add(tr("Note: %1").arg(text));
        break;
    case EventType::DeadlineRedecided:
        if (p.contains(Key::OldDeadline))
            add(tr("deadline was %1").arg(localTime(qint64(p.value(Key::OldDeadline).toDouble()), calendar)));
        if (!deadline.isEmpty())
            add(tr("new deadline %1").arg(deadline));
        if (!reason.isEmpty())
            add(tr("Reason: %1").arg(reason));
        break;
    case EventType::Callback:
        if (const auto answer = satisfactionFromCode(p.value(Key::Satisfaction).toString()))
            add(tr("Satisfaction: %1").arg(DisplayNames::of(*answer)));
        if (!text.isEmpty())
            add(tr("Note: %1").arg(text));
        break;
    case EventType::Attached:
        add(tr("%1 (%2 bytes)").arg(p.value(Key::FileName).toString()).arg(qint64(p.value(Key::Size).toDouble())));
        break;
    case EventType::Merged:
        add(tr("follows ticket %1").arg(p.value(Key::ParentNumber).toString()));
        break;
    case EventType::CitizenSmsChanged:
        add(p.value(Key::CitizenSms).toBool(true) ? tr("the caller receives SMS again") : tr("the caller wants no SMS"));
        break;
    case EventType::Renumbered:
        add(tr("was %1, now %2").arg(p.value(Key::From).toString(), p.value(Key::To).toString()));
        if (!reason.isEmpty())
            add(tr("Reason: %1").arg(reason));
        break;
    case EventType::AdminChanged: // never in a ticket's history
    case EventType::Signed:
    case EventType::ReminderSent:
    case EventType::Overdue:
        break;
    }
    return parts.join(tr("; "));
}

} // namespace hotline
