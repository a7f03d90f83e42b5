#include "domain/TicketFold.h"

#include <algorithm>
#include <climits>
#include <cmath>

namespace hotline {
namespace {

// A deadline from another console's event: any JSON number folds to the same value everywhere, without the
// undefined double-to-integer conversion of an out-of-range one (found by the event_decode fuzzer).
qint64 deadlineOf(const TicketEvent &e)
{
    return qint64(std::clamp(e.payload.value(Key::Deadline).toDouble(), -9.0e15, 9.0e15));
}

QString str(const TicketEvent &e, QLatin1StringView key)
{
    return e.payload.value(key).toString();
}

// A coordinate only when the payload holds a finite number (a missing or odd value is "no place").
std::optional<double> optDouble(const TicketEvent &e, QLatin1StringView key)
{
    const QJsonValue v = e.payload.value(key);
    return v.isDouble() && std::isfinite(v.toDouble()) ? std::optional<double>(v.toDouble()) : std::nullopt;
}

// Replies at or before the deadline (whole seconds) are on time.
bool replyIsOnTime(const Ticket &t, qint64 repliedMs)
{
    return t.deadlineS && repliedMs / 1000 <= *t.deadlineS;
}

// An instant strictly after a deadline (whole seconds), the same comparison as replyIsOnTime.
bool isPast(qint64 atMs, const std::optional<qint64> &deadlineS)
{
    return deadlineS && atMs / 1000 > *deadlineS;
}

DepartmentClock *runningClock(Ticket &t)
{
    return !t.clocks.isEmpty() && t.clocks.last().isRunning() ? &t.clocks.last() : nullptr;
}

// The clock passed its deadline in force without a reply: the breach is that department's for good.
void breach(Ticket &t, DepartmentClock &c)
{
    if (!c.breachedS)
        c.breachedS = c.deadlineS;
    t.breached = true;
}

// Ends the running clock: a reply, a return or a transfer away. Ending after the deadline is a breach, except a
// misroute (the department was never the right one, decided by the service when it recorded the return).
void endClock(Ticket &t, const TicketEvent &e, ClockOutcome outcome)
{
    DepartmentClock *c = runningClock(t);
    if (!c)
        return;
    c->endedMs = e.atMs;
    c->outcome = outcome;
    const bool late = isPast(e.atMs, c->deadlineS);
    if (outcome == ClockOutcome::Replied)
        c->onTime = !late;
    if (late && outcome != ClockOutcome::Misroute)
        breach(t, *c);
}

void startClock(Ticket &t, const TicketEvent &e)
{
    t.state = TicketState::Dispatched;
    t.department = str(e, Key::Department);
    t.dispatchedMs = e.atMs;
    t.stageSinceMs.reset(); // with a department: the department's countdown runs, not the centre's
    t.deadlineS = deadlineOf(e);
    t.extensionDays = 0;
    t.extensionPending = false;
    t.extensionRequestedMs.reset();
    t.signedMs.reset();
    t.repliedMs.reset();
    t.replyOnTime.reset();
    t.reminderSent = false;
    t.overdueOpened = false;
    DepartmentClock c;
    c.id = e.id;
    c.department = t.department;
    c.startMs = e.atMs;
    c.deadlineS = t.deadlineS;
    t.clocks.append(c);
    t.clockId = e.id;
}

void backToQueue(Ticket &t)
{
    t.state = TicketState::Registered;
    t.department.clear();
    t.dispatchedMs.reset();
    t.deadlineS.reset();
    t.extensionDays = 0;
    t.extensionPending = false;
    t.extensionRequestedMs.reset();
    t.signedMs.reset();
    t.repliedMs.reset();
    t.replyOnTime.reset();
    t.reminderSent = false;
    t.overdueOpened = false;
}

// A new deadline in force (approved extension, re-decision) for the ticket and its running clock.
void moveDeadline(Ticket &t, const TicketEvent &e)
{
    t.deadlineS = deadlineOf(e);
    if (DepartmentClock *c = runningClock(t))
        c->deadlineS = t.deadlineS;
    t.reminderSent = false; // the new deadline gets its own reminder and accountability
    t.overdueOpened = false;
}

} // namespace

QString TicketFold::check(const Ticket &t, EventType type)
{
    if (type == EventType::AdminChanged)
        return tr("An administrative change is not a ticket's event."); // the admin stream never folds into a ticket
    if (type == EventType::Registered)
        return t.exists() ? tr("Ticket %1 is already registered.").arg(t.number) : QString();
    if (!t.exists())
        return tr("No such ticket.");
    const bool closed = t.closedMs.has_value();
    const bool withDepartment = t.state == TicketState::Dispatched || t.state == TicketState::Signed;
    switch (type) {
    case EventType::AdminChanged:
    case EventType::Registered:
        break;
    case EventType::Dispatched:
        if (t.state != TicketState::Registered || closed)
            return tr("Ticket %1 is not waiting for dispatch.").arg(t.number);
        if (!t.parentId.isEmpty())
            return tr("Ticket %1 follows another ticket and is answered with it.").arg(t.number);
        break;
    case EventType::Replied:
        // A follower is answered by its parent's reply (TicketService::reply), waiting at the centre.
        if (!t.parentId.isEmpty()) {
            if (closed || withDepartment)
                return tr("Ticket %1 is not waiting for its parent's reply.").arg(t.number);
            break;
        }
        [[fallthrough]];
    case EventType::Transferred:
    case EventType::Returned:
    case EventType::ExtensionRequested:
        if (!withDepartment)
            return tr("Ticket %1 is not with a department.").arg(t.number);
        if (type == EventType::ExtensionRequested && t.extensionPending)
            return tr("Ticket %1 already has an extension request waiting.").arg(t.number);
        break;
    case EventType::Signed:
        if (t.state != TicketState::Dispatched)
            return tr("Ticket %1 is not waiting to be signed for.").arg(t.number);
        break;
    case EventType::ExtensionApproved:
    case EventType::ExtensionRefused:
        if (!withDepartment || !t.extensionPending)
            return tr("Ticket %1 has no extension request waiting.").arg(t.number);
        break;
    case EventType::Urged:
    case EventType::ReminderSent:
    case EventType::Overdue:
    case EventType::DeadlineRedecided:
        if (!t.isCounting())
            return tr("Ticket %1 has no running countdown.").arg(t.number);
        break;
    case EventType::Callback:
        if (closed || (t.state != TicketState::Replied && t.dispatchedMs))
            return tr("Ticket %1 has no department reply to call back about.").arg(t.number);
        break;
    case EventType::Closed:
        if (closed)
            return tr("Ticket %1 is already closed.").arg(t.number);
        if (t.state != TicketState::Replied && t.state != TicketState::Registered)
            return tr("Ticket %1 is still with a department.").arg(t.number);
        break;
    case EventType::Reopened:
        if (!closed)
            return tr("Ticket %1 is not closed.").arg(t.number);
        break;
    case EventType::FollowedUp:
    case EventType::Attached:
    case EventType::CitizenSmsChanged:
    case EventType::Renumbered: // a clash is resolved whatever the ticket's stage
        break; // a citizen may ask, and a file may come, at any stage
    case EventType::Merged:
        if (closed)
            return tr("Ticket %1 is closed.").arg(t.number);
        if (!t.parentId.isEmpty())
            return tr("Ticket %1 already follows another ticket.").arg(t.number);
        // Only a ticket waiting for dispatch follows another: a department's clock would be left running for
        // nobody, and a replied caller already has an answer.
        if (withDepartment)
            return tr("Ticket %1 is with a department: return it to the dispatch queue before merging it.").arg(t.number);
        if (t.state != TicketState::Registered)
            return tr("Ticket %1 already has a department's reply: call the caller back and close it instead.")
                .arg(t.number);
        break;
    }
    return {};
}

QString TicketFold::check(const Ticket &t, const TicketEvent &e)
{
    QString why = check(t, e.type);
    // An extension is asked for before the deadline in force; after it the breach has happened and no decision
    // can take it back.
    if (why.isEmpty() && e.type == EventType::ExtensionRequested && isPast(e.atMs, t.deadlineS))
        why = tr("The deadline of ticket %1 has passed: an extension must be requested before the deadline.").arg(t.number);
    if (why.isEmpty() && e.type == EventType::Renumbered && str(e, Key::To).trimmed().isEmpty())
        why = tr("Renumbering ticket %1 needs its new number.").arg(t.number);
    return why;
}

bool TicketFold::apply(Ticket &t, const TicketEvent &e)
{
    if (!check(t, e).isEmpty())
        return false;
    switch (e.type) {
    case EventType::AdminChanged:
        break; // refused by check() above
    case EventType::Registered:
        t.id = e.ticketId;
        t.number = str(e, Key::Number);
        t.channel = channelFromCode(str(e, Key::Channel)).value_or(Channel::Phone);
        t.type = ticketTypeFromCode(str(e, Key::Type)).value_or(TicketType::Consult);
        t.slaClass = slaClassFromCode(str(e, Key::SlaClass)).value_or(defaultSlaClass(t.type));
        t.category = str(e, Key::Category);
        t.town = str(e, Key::Town);
        t.callerName = str(e, Key::CallerName);
        t.callerPhone = str(e, Key::CallerPhone);
        t.summary = str(e, Key::Summary);
        t.details = str(e, Key::Details);
        t.address = str(e, Key::Address);
        t.latitude = optDouble(e, Key::Latitude);
        t.longitude = optDouble(e, Key::Longitude);
        t.citizenSms = e.payload.value(Key::CitizenSms).toBool(true);
        t.state = TicketState::Registered;
        t.registeredMs = e.atMs;
        t.stageSinceMs = e.atMs; // waiting for dispatch
        break;
    case EventType::Dispatched:
    case EventType::Transferred: // a transfer hands the ticket to another department with a new clock
        if (e.type == EventType::Transferred)
            endClock(t, e, ClockOutcome::Transferred);
        startClock(t, e);
        break;
    case EventType::Signed:
        t.state = TicketState::Signed;
        t.signedMs = e.atMs;
        break;
    case EventType::Replied:
        t.state = TicketState::Replied;
        t.repliedMs = e.atMs;
        // A follower has no deadline of its own: it is on time when its parent's reply was (carried in the event).
        t.replyOnTime = t.parentId.isEmpty() ? replyIsOnTime(t, e.atMs) : e.payload.value(Key::OnTime).toBool();
        if (!t.parentId.isEmpty())
            t.department = str(e, Key::Department); // who answered, for lists and the callback desk
        t.replyText = str(e, Key::Text);
        // A request still waiting does not stretch the deadline: only an approval does.
        t.extensionPending = false;
        t.extensionRequestedMs.reset();
        endClock(t, e, ClockOutcome::Replied);
        t.stageSinceMs = e.atMs; // waiting for the centre's callback
        break;
    case EventType::ExtensionRequested:
        // In time (check() refused a late one): the breach, if the deadline passes, waits for the decision.
        t.extensionPending = true;
        t.extensionRequestedMs = e.atMs;
        break;
    case EventType::ExtensionApproved:
        t.extensionPending = false;
        t.extensionRequestedMs.reset();
        // Summed in 64 bits: many approvals of huge "days" must not overflow.
        t.extensionDays = int(std::clamp<qint64>(qint64(t.extensionDays) + e.payload.value(Key::Days).toInt(), 0, INT_MAX));
        if (DepartmentClock *c = runningClock(t))
            ++c->extensions;
        moveDeadline(t, e);
        break;
    case EventType::ExtensionRefused:
        t.extensionPending = false;
        t.extensionRequestedMs.reset();
        // Refused after the deadline it was holding: the breach happened at that deadline.
        if (DepartmentClock *c = runningClock(t); c && isPast(e.atMs, c->deadlineS))
            breach(t, *c);
        break;
    case EventType::DeadlineRedecided:
        // The only way a calendar change reaches a ticket: an administrator's decision, with its reason. A breach
        // already on record stays (its deadline was passed).
        moveDeadline(t, e);
        break;
    case EventType::Returned:
        endClock(t, e, e.payload.value(Key::Misroute).toBool() ? ClockOutcome::Misroute : ClockOutcome::Returned);
        backToQueue(t);
        t.stageSinceMs = e.atMs; // waiting for re-dispatch
        break;
    case EventType::Urged:
        ++t.urged;
        break;
    case EventType::ReminderSent:
        t.reminderSent = true;
        break;
    case EventType::Overdue:
        t.overdueOpened = true;
        // The escalator saw the deadline pass; a request made in time holds the breach until it is decided.
        if (DepartmentClock *c = runningClock(t); c && !t.extensionPending && isPast(e.atMs, c->deadlineS))
            breach(t, *c);
        break;
    case EventType::Callback:
        t.satisfaction = satisfactionFromCode(str(e, Key::Satisfaction));
        break;
    case EventType::Closed:
        t.state = TicketState::Closed;
        t.closedMs = e.atMs;
        t.stageSinceMs.reset();
        // Never on time once any clock breached; otherwise closed at intake (not with a department) is on time,
        // and a replied ticket is on time when that reply was.
        // A follower answered by its parent's reply (replied, never dispatched itself) is on time as that reply was.
        t.onTime = !t.breached && (t.dispatchedMs || t.repliedMs ? t.replyOnTime.value_or(false) : true);
        break;
    case EventType::Reopened:
        // An unsatisfied caller's matter goes back to the dispatch queue; a new dispatch starts a new clock.
        backToQueue(t);
        t.stageSinceMs = e.atMs; // waiting for dispatch again
        t.parentId.clear();      // a reopened follower's matter is handled on its own from now on
        t.closedMs.reset();
        t.onTime.reset();
        break;
    case EventType::FollowedUp:
        ++t.followUps;
        if (DepartmentClock *c = runningClock(t))
            ++c->followUps;
        break;
    case EventType::Attached:
        ++t.attachments;
        break;
    case EventType::Merged:
        t.parentId = str(e, Key::Parent);
        t.stageSinceMs.reset(); // not waiting for dispatch: it follows its parent until the parent's reply
        break;
    case EventType::CitizenSmsChanged:
        t.citizenSms = e.payload.value(Key::CitizenSms).toBool(true);
        break;
    case EventType::Renumbered:
        // The old number stays findable through ticket_former_numbers (kept from the events themselves).
        t.number = str(e, Key::To).trimmed();
        break;
    }
    t.lastSeq = e.seq;
    return true;
}

} // namespace hotline
