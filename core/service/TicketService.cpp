#include "service/TicketService.h"

#include "auth/Permissions.h"
#include "domain/PhoneNumber.h"
#include "domain/TextRules.h"
#include "domain/TicketEvent.h"
#include "domain/TicketFold.h"
#include "sla/SlaClock.h"
#include "storage/Database.h"
#include "storage/EventStore.h"
#include "storage/Settings.h"
#include "storage/TicketNumbers.h"
#include "util/Clock.h"

#include <cmath>
#include <QHash>
#include <QSet>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace hotline {

TicketService::TicketService(Database &db, EventStore &store, const Clock &clock, SlaSource sla)
    : m_db(db), m_store(store), m_clock(clock), m_sla(std::move(sla))
{
}

QList<FieldError> TicketService::validate(const NewTicket &t)
{
    // Lengths in characters (code points) of what will be stored: free text without its invisible characters.
    QList<FieldError> errors;
    const QString summary = TextRules::stripped(t.summary, TextRules::Lines::Single).trimmed();
    const qsizetype summaryLength = TextRules::length(summary);
    if (summary.isEmpty())
        errors << FieldError{u"summary"_s, tr("Enter a short summary of the request.")};
    else if (summaryLength > kMaxSummary)
        errors << FieldError{u"summary"_s, tr("The summary is too long (%1 characters, at most %2).")
                                               .arg(summaryLength)
                                               .arg(kMaxSummary)};
    const qsizetype detailsLength = TextRules::length(TextRules::stripped(t.details, TextRules::Lines::Keep).trimmed());
    if (detailsLength > kMaxDetails)
        errors << FieldError{u"details"_s, tr("The details are too long (%1 characters, at most %2).")
                                               .arg(detailsLength)
                                               .arg(kMaxDetails)};
    if (const auto c = TextRules::firstForbidden(t.callerName))
        errors << FieldError{u"caller_name"_s, tr("The caller's name contains the invisible or control character %1.")
                                               .arg(TextRules::codePoint(*c))};
    else if (TextRules::length(t.callerName.trimmed()) > kMaxName)
        errors << FieldError{u"caller_name"_s, tr("The caller's name is too long (at most %1 characters).").arg(kMaxName)};
    if (const auto c = TextRules::firstForbidden(t.category))
        errors << FieldError{u"category"_s, tr("The category contains the invisible or control character %1.")
                                               .arg(TextRules::codePoint(*c))};
    if (const auto c = TextRules::firstForbidden(t.town))
        errors << FieldError{u"town"_s, tr("The town contains the invisible or control character %1.")
                                               .arg(TextRules::codePoint(*c))};
    const QString address = TextRules::stripped(t.address, TextRules::Lines::Single).trimmed();
    if (TextRules::length(address) > kMaxAddress)
        errors << FieldError{u"address"_s, tr("The address is too long (%1 characters, at most %2).")
                                               .arg(TextRules::length(address))
                                               .arg(kMaxAddress)};
    if (t.latitude.has_value() != t.longitude.has_value())
        errors << FieldError{t.latitude ? u"longitude"_s : u"latitude"_s,
                             tr("Give both latitude and longitude, or neither.")};
    if (t.latitude && !(std::isfinite(*t.latitude) && *t.latitude >= -90 && *t.latitude <= 90))
        errors << FieldError{u"latitude"_s, tr("The latitude must be a number from -90 to 90 degrees.")};
    if (t.longitude && !(std::isfinite(*t.longitude) && *t.longitude >= -180 && *t.longitude <= 180))
        errors << FieldError{u"longitude"_s, tr("The longitude must be a number from -180 to 180 degrees.")};
    if (!t.callerPhone.trimmed().isEmpty()) {
        QString why;
        if (!PhoneNumber::parse(t.callerPhone, &why))
            errors << FieldError{u"caller_phone"_s, why};
    }
    return errors;
}

bool TicketService::departmentExists(const QString &code) const
{
    QSqlQuery q(m_db.sql());
    q.prepare(u"SELECT 1 FROM departments WHERE code = ?"_s);
    q.addBindValue(code);
    return q.exec() && q.next();
}

bool TicketService::permitted(const Actor &actor, EventType type, const Ticket &t, QString *error) const
{
    // The one permission table decides (auth/Permissions); the system's own events are not people's actions.
    const std::optional<Action> action = Permissions::actionFor(type);
    if (!action) {
        if (actor.role == Role::System)
            return true;
        *error = tr("Only the system records %1 events.").arg(toCode(type));
        return false;
    }
    return Permissions::allowsOn(actor, *action, t.state, t.department, error);
}

TicketEvent TicketService::registeredEvent(const Actor &actor, const NewTicket &input, const SlaClock &sla, qint64 now,
                                           const QString &number)
{
    const auto parsedPhone = PhoneNumber::parse(input.callerPhone);
    const QString phone = parsedPhone ? parsedPhone->normalized() : QString();
    QJsonObject p{
        {Key::Number, number},
        {Key::Channel, toCode(input.channel)},
        {Key::Type, toCode(input.type)},
        {Key::SlaClass, toCode(sla.policy().classFor(input.type, input.category))},
        {Key::Category, input.category.trimmed()},
        {Key::Town, input.town.trimmed()},
        {Key::CallerName, input.callerName.trimmed()},
        {Key::CallerPhone, phone},
        {Key::Summary, TextRules::stripped(input.summary, TextRules::Lines::Single).trimmed()},
        {Key::Details, TextRules::stripped(input.details, TextRules::Lines::Keep).trimmed()},
    };
    // The newer keys only when they say something, so a plain call's event reads as it always did.
    if (const QString address = TextRules::stripped(input.address, TextRules::Lines::Single).trimmed(); !address.isEmpty())
        p.insert(Key::Address, address);
    if (input.latitude && input.longitude) {
        p.insert(Key::Latitude, *input.latitude);
        p.insert(Key::Longitude, *input.longitude);
    }
    if (!input.citizenSms)
        p.insert(Key::CitizenSms, false);
    if (!input.source.isEmpty())
        p.insert(Key::Source, input.source);
    return TicketEvent::make(newUuid(), EventType::Registered, now, actor.user, actor.console, p);
}

QString TicketService::registerImpl(const Actor &actor, const NewTicket &input, const QString &closingAnswer, QString *error,
                                    const WithRegistration &within)
{
    const QList<FieldError> problems = validate(input);
    if (!problems.isEmpty()) {
        *error = problems.first().message;
        return {};
    }
    if (!permitted(actor, EventType::Registered, Ticket{}, error))
        return {};
    const SlaClock sla = m_sla();
    const qint64 now = m_clock.nowMs();
    // The number is taken in its own statement: a failed registration leaves a harmless gap.
    const QString number = TicketNumbers(m_db, sla.calendar().timeZone()).next(now, actor.console, error);
    if (number.isEmpty())
        return {};
    QList<TicketEvent> events{registeredEvent(actor, input, sla, now, number)};
    if (!closingAnswer.isNull()) {
        Ticket registered;
        registered.state = TicketState::Registered;
        if (!permitted(actor, EventType::Closed, registered, error))
            return {};
        events << TicketEvent::make(events.first().ticketId, EventType::Closed, now, actor.user, actor.console,
                                    {{Key::Text, TextRules::stripped(closingAnswer, TextRules::Lines::Keep).trimmed()}});
    }
    // The files come with the ticket: each checked before anything is written, each its Attached event.
    QList<PreparedAttachment> files;
    if (!input.files.isEmpty()) {
        Ticket registered;
        registered.state = TicketState::Registered;
        if (!permitted(actor, EventType::Attached, registered, error))
            return {};
        const qint64 maxBytes = Settings(m_db).attachmentMaxBytes();
        for (AttachmentFile f : input.files) {
            if (f.stage.isEmpty())
                f.stage = u"registration"_s;
            PreparedAttachment prepared;
            if (!Attachments::prepare(f, maxBytes, events.first().ticketId, actor, now, &prepared, error))
                return {};
            files << prepared;
        }
        for (qsizetype i = 0; i < files.size(); ++i)
            events.insert(1 + i, files.at(i).event); // right after the registration, before a closing
    }
    // Registration, its files and, for a consultation answered on the phone, its closing: one transaction, all or
    // nothing; with the intake's idempotency key when there is one.
    EventStore::WithinTransaction alsoWithin;
    if (within) {
        const QString ticketId = events.first().ticketId;
        alsoWithin = [&within, ticketId, number](QString *why) { return within(ticketId, number, why); };
    }
    if (!m_store.appendWith(events, [&](QString *e) { return Attachments::storeBlobs(m_db, files, e); }, error,
                            alsoWithin))
        return {};
    return events.first().ticketId;
}

QString TicketService::registerTicket(const Actor &actor, const NewTicket &input, QString *error)
{
    return registerImpl(actor, input, QString(), error);
}

QString TicketService::registerTicket(const Actor &actor, const NewTicket &input, const WithRegistration &within,
                                      QString *error)
{
    return registerImpl(actor, input, QString(), error, within);
}

QString TicketService::registerAndClose(const Actor &actor, const NewTicket &input, const QString &answer, QString *error)
{
    return registerImpl(actor, input, answer.isNull() ? u""_s : answer, error);
}

QStringList TicketService::registerMany(const Actor &actor, const QList<NewTicket> &inputs, QStringList *numbers,
                                       QString *error, const WithinRegistration &within)
{
    numbers->clear();
    for (qsizetype i = 0; i < inputs.size(); ++i) {
        const QList<FieldError> problems = validate(inputs.at(i));
        if (!problems.isEmpty()) {
            *error = tr("Ticket %1 of %2: %3").arg(i + 1).arg(inputs.size()).arg(problems.first().message);
            return {};
        }
    }
    if (!permitted(actor, EventType::Registered, Ticket{}, error))
        return {};
    const SlaClock sla = m_sla();
    const qint64 now = m_clock.nowMs();
    // Unlike registerImpl the numbers are taken inside the transaction: a failed batch must not leave a gap of
    // 1,800 numbers the centre then has to explain.
    WriteTransaction tx(m_db);
    if (!tx.isActive()) {
        *error = tx.error();
        return {};
    }
    TicketNumbers allocator(m_db, sla.calendar().timeZone());
    QList<TicketEvent> events;
    events.reserve(inputs.size());
    QStringList ids;
    ids.reserve(inputs.size());
    for (const NewTicket &input : inputs) {
        const QString number = allocator.next(now, actor.console, error);
        if (number.isEmpty()) {
            m_store.forgetPending();
            return {};
        }
        events << registeredEvent(actor, input, sla, now, number);
        ids << events.last().ticketId;
        *numbers << number;
    }
    const bool ok = m_store.appendNewTickets(events, error) && (!within || within(ids, *numbers, error));
    if (!ok || !tx.commit()) {
        if (ok)
            *error = tx.error();
        m_store.forgetPending();
        numbers->clear();
        return {};
    }
    m_store.announceCommitted();
    return ids;
}

bool TicketService::act(const Actor &actor, const QString &ticketId, EventType type, QJsonObject payload, QString *error)
{
    const Ticket t = m_store.ticket(ticketId);
    // Permission first: someone who may not act on the ticket learns nothing about its state.
    if (!permitted(actor, type, t, error))
        return false;
    // Free text (replies, answers, reasons, notes) loses invisible and control characters, keeping line breaks.
    for (const QLatin1StringView key : {Key::Text, Key::Reason}) {
        if (payload.contains(key))
            payload.insert(key, TextRules::stripped(payload.value(key).toString(), TextRules::Lines::Keep));
    }
    const TicketEvent e = TicketEvent::make(ticketId, type, m_clock.nowMs(), actor.user, actor.console, std::move(payload));
    // By the event, at its instant: an extension asked for after the deadline is refused here.
    const QString why = TicketFold::check(t, e);
    if (!why.isEmpty()) {
        *error = why;
        return false;
    }
    return m_store.append({e}, error);
}

bool TicketService::dispatch(const Actor &actor, const QString &ticketId, const QString &department, QString *error)
{
    if (!departmentExists(department)) {
        *error = tr("There is no department with the code \"%1\".").arg(department);
        return false;
    }
    const Ticket t = m_store.ticket(ticketId);
    const std::optional<qint64> deadline = m_sla().checkedDeadline(m_clock.nowSecs(), t.slaClass, 0, error);
    if (!deadline)
        return false;
    return act(actor, ticketId, EventType::Dispatched, {{Key::Department, department}, {Key::Deadline, *deadline}}, error);
}

QStringList TicketService::dispatchMany(const Actor &actor, const QList<DispatchOrder> &orders)
{
    QStringList reasons(orders.size());
    const SlaClock sla = m_sla();
    const qint64 now = m_clock.nowMs();
    QHash<QString, bool> departments;
    QSet<QString> seen;
    QList<TicketEvent> events;
    QList<qsizetype> eventOrder; // which order each event belongs to
    for (qsizetype i = 0; i < orders.size(); ++i) {
        const DispatchOrder &o = orders.at(i);
        auto known = departments.constFind(o.department);
        if (known == departments.constEnd())
            known = departments.insert(o.department, departmentExists(o.department));
        if (!known.value()) {
            reasons[i] = tr("There is no department with the code \"%1\".").arg(o.department);
            continue;
        }
        const Ticket t = m_store.ticket(o.ticketId);
        QString why = seen.contains(o.ticketId) ? tr("Ticket %1 is listed twice.").arg(t.number)
                                                 : TicketFold::check(t, EventType::Dispatched);
        if (why.isEmpty() && !permitted(actor, EventType::Dispatched, t, &why)) {
            reasons[i] = why;
            continue;
        }
        if (!why.isEmpty()) {
            reasons[i] = why;
            continue;
        }
        const std::optional<qint64> deadline = sla.checkedDeadline(now / 1000, t.slaClass, 0, &why);
        if (!deadline) {
            reasons[i] = why;
            continue;
        }
        seen.insert(o.ticketId);
        events << TicketEvent::make(o.ticketId, EventType::Dispatched, now, actor.user, actor.console,
                                    {{Key::Department, o.department}, {Key::Deadline, *deadline}});
        eventOrder << i;
    }
    QString error;
    if (!events.isEmpty() && !m_store.append(events, &error)) {
        for (qsizetype i : std::as_const(eventOrder))
            reasons[i] = error;
    }
    return reasons;
}

bool TicketService::transfer(const Actor &actor, const QString &ticketId, const QString &department, const QString &reason,
                             QString *error)
{
    if (!departmentExists(department)) {
        *error = tr("There is no department with the code \"%1\".").arg(department);
        return false;
    }
    const Ticket t = m_store.ticket(ticketId);
    if (t.department == department) {
        *error = tr("Ticket %1 is already with that department.").arg(t.number);
        return false;
    }
    const std::optional<qint64> deadline = m_sla().checkedDeadline(m_clock.nowSecs(), t.slaClass, 0, error);
    if (!deadline)
        return false;
    return act(actor, ticketId, EventType::Transferred,
               {{Key::Department, department}, {Key::Deadline, *deadline}, {Key::Reason, reason}}, error);
}

bool TicketService::sign(const Actor &actor, const QString &ticketId, QString *error)
{
    return act(actor, ticketId, EventType::Signed, {}, error);
}

bool TicketService::reply(const Actor &actor, const QString &ticketId, const QString &text, QString *error)
{
    if (TextRules::stripped(text, TextRules::Lines::Keep).trimmed().isEmpty()) {
        *error = tr("Write the department's reply.");
        return false;
    }
    const Ticket t = m_store.ticket(ticketId);
    if (!permitted(actor, EventType::Replied, t, error))
        return false;
    if (!t.parentId.isEmpty()) { // a follower's answer is its parent's reply (followerReplies), never its own
        *error = tr("Ticket %1 follows ticket %2: reply to that ticket, and its reply answers this caller too.")
                     .arg(t.number, m_store.ticket(t.parentId).number);
        return false;
    }
    const TicketEvent e = TicketEvent::make(ticketId, EventType::Replied, m_clock.nowMs(), actor.user, actor.console,
                                            {{Key::Text, TextRules::stripped(text.trimmed(), TextRules::Lines::Keep)}});
    if (const QString why = TicketFold::check(t, e); !why.isEmpty()) {
        *error = why;
        return false;
    }
    // Every caller of the same incident is answered by this reply, in the same transaction.
    return m_store.append(QList<TicketEvent>{e} + followerReplies(t, e), error);
}

bool TicketService::requestExtension(const Actor &actor, const QString &ticketId, int days, const QString &reason, QString *error)
{
    if (days < 1 || days > 30) {
        *error = tr("An extension is 1 to 30 working days.");
        return false;
    }
    if (TextRules::stripped(reason, TextRules::Lines::Keep).trimmed().isEmpty()) {
        *error = tr("Give the reason for the extension.");
        return false;
    }
    return act(actor, ticketId, EventType::ExtensionRequested, {{Key::Days, days}, {Key::Reason, reason.trimmed()}}, error);
}

bool TicketService::decideExtension(const Actor &actor, const QString &ticketId, bool approve, const QString &reason,
                                    QString *error)
{
    if (!approve)
        return act(actor, ticketId, EventType::ExtensionRefused, {{Key::Reason, reason}}, error);
    const Ticket t = m_store.ticket(ticketId);
    // The requested days are in the latest extension_requested event.
    int days = 0;
    const QList<TicketEvent> events = m_store.history(ticketId);
    for (auto it = events.crbegin(); it != events.crend(); ++it) {
        if (it->type == EventType::ExtensionRequested) {
            days = it->payload.value(Key::Days).toInt();
            break;
        }
    }
    if (!t.dispatchedMs || days <= 0) {
        *error = tr("Ticket %1 has no extension request waiting.").arg(t.number);
        return false;
    }
    const std::optional<qint64> deadline
        = m_sla().checkedDeadline(*t.dispatchedMs / 1000, t.slaClass, t.extensionDays + days, error);
    if (!deadline)
        return false;
    return act(actor, ticketId, EventType::ExtensionApproved,
               {{Key::Days, days}, {Key::Deadline, *deadline}, {Key::Reason, reason}}, error);
}

std::optional<qint64> TicketService::calendarDeadline(const Ticket &t, QString *error) const
{
    if (!t.isCounting() || !t.dispatchedMs) {
        *error = tr("Ticket %1 has no running countdown.").arg(t.number);
        return std::nullopt;
    }
    return m_sla().checkedDeadline(*t.dispatchedMs / 1000, t.slaClass, t.extensionDays, error);
}

bool TicketService::redecideDeadline(const Actor &actor, const QString &ticketId, const QString &reason, QString *error)
{
    if (reason.trimmed().isEmpty()) {
        *error = tr("Say why the deadline is re-decided.");
        return false;
    }
    const Ticket t = m_store.ticket(ticketId);
    if (!permitted(actor, EventType::DeadlineRedecided, t, error))
        return false;
    const std::optional<qint64> deadline = calendarDeadline(t, error);
    if (!deadline)
        return false;
    if (*deadline == *t.deadlineS) {
        *error = tr("The calendar in force gives ticket %1 the deadline it already has.").arg(t.number);
        return false;
    }
    return act(actor, ticketId, EventType::DeadlineRedecided,
               {{Key::OldDeadline, *t.deadlineS}, {Key::Deadline, *deadline}, {Key::Reason, reason.trimmed()}}, error);
}

bool TicketService::returnTicket(const Actor &actor, const QString &ticketId, const QString &reason, QString *error)
{
    if (TextRules::stripped(reason, TextRules::Lines::Keep).trimmed().isEmpty()) {
        *error = tr("Say why the ticket is returned.");
        return false;
    }
    // Decided once, here, like a deadline: a return within the misroute window (working time since this clock's
    // dispatch or transfer) says the ticket went to the wrong department, and costs that department nothing.
    const Ticket t = m_store.ticket(ticketId);
    bool misroute = false;
    if (t.dispatchedMs) {
        const qint64 worked = m_sla().calendar().workingSecondsBetween(*t.dispatchedMs / 1000, m_clock.nowSecs());
        const qint64 window = Settings(m_db).misrouteWindowSeconds(); // 0: no window, every return counts
        misroute = window > 0 && worked <= window;
    }
    return act(actor, ticketId, EventType::Returned, {{Key::Reason, reason.trimmed()}, {Key::Misroute, misroute}}, error);
}

bool TicketService::urge(const Actor &actor, const QString &ticketId, const QString &note, QString *error)
{
    return act(actor, ticketId, EventType::Urged, {{Key::Text, note}}, error);
}

bool TicketService::callback(const Actor &actor, const QString &ticketId, Satisfaction answer, const QString &note,
                             QString *error)
{
    return act(actor, ticketId, EventType::Callback, {{Key::Satisfaction, toCode(answer)}, {Key::Text, note}}, error);
}

bool TicketService::followUp(const Actor &actor, const QString &ticketId, const QString &note, QString *error)
{
    const QString text = TextRules::stripped(note, TextRules::Lines::Keep).trimmed();
    if (TextRules::length(text) > kMaxNote) {
        *error = tr("The note is too long (%1 characters, at most %2).").arg(TextRules::length(text)).arg(kMaxNote);
        return false;
    }
    const Ticket t = m_store.ticket(ticketId);
    // The department whose clock the call counts against, for the history (the fold counts it on that clock).
    const DepartmentClock *running = t.runningClock();
    const QString department = running ? running->department : QString();
    return act(actor, ticketId, EventType::FollowedUp, {{Key::Text, text}, {Key::Department, department}}, error);
}

bool TicketService::setCitizenSms(const Actor &actor, const QString &ticketId, bool on, QString *error)
{
    const Ticket t = m_store.ticket(ticketId);
    if (!t.id.isEmpty() && t.citizenSms == on && Permissions::allowsOn(actor, Action::Register, t.state, t.department, nullptr)) {
        *error = on ? tr("The caller of ticket %1 already receives SMS.").arg(t.number)
                    : tr("The caller of ticket %1 already receives no SMS.").arg(t.number);
        return false;
    }
    return act(actor, ticketId, EventType::CitizenSmsChanged, {{Key::CitizenSms, on}}, error);
}

bool TicketService::close(const Actor &actor, const QString &ticketId, const QString &note, QString *error)
{
    if (!refuseCloseWithWaitingFollowers(ticketId, error))
        return false;
    return act(actor, ticketId, EventType::Closed, {{Key::Text, note}}, error);
}

bool TicketService::reopen(const Actor &actor, const QString &ticketId, const QString &reason, QString *error)
{
    return act(actor, ticketId, EventType::Reopened, {{Key::Reason, reason}}, error);
}

} // namespace hotline
