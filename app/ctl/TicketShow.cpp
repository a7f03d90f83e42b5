// hotlinectl ticket show: a ticket's state, its clocks (one per dispatch) and its timeline, as text or JSON.
#include "CtlContext.h"

#include "domain/DisplayNames.h"
#include "domain/Ticket.h"
#include "domain/TicketEvent.h"
#include "privacy/CallerPrivacy.h"
#include "privacy/CallerReveal.h"
#include "service/Followers.h"
#include "service/Attachments.h"
#include "service/TicketQueries.h"
#include "service/Workspace.h"
#include "calendar/WorkCalendar.h"
#include "sla/SlaClock.h"
#include "storage/Database.h"
#include "storage/EventStore.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace hotline::ctl {

int cmdTicketShow(CtlContext &ctx, Workspace &ws, const Actor &actor, const Ticket &ticket);

namespace {

/** One clock a department was given (a row of `dispatches`, kept by the fold). */
struct DeptClock
{
    QString department;
    qint64 atMs = 0;
    std::optional<qint64> deadlineS;
    std::optional<qint64> endedMs;
    QString outcome; ///< empty while running
    std::optional<bool> onTime;
    std::optional<qint64> breachedS;
    int extensions = 0;
};

QList<DeptClock> clocks(Database &db, const QString &ticketId)
{
    QList<DeptClock> all;
    QSqlQuery q(db.sql());
    q.prepare(u"SELECT department, at_ms, deadline_s, ended_ms, outcome, on_time, breached_s, extensions "
              "FROM dispatches WHERE ticket_id = ? ORDER BY at_ms, event_id"_s);
    q.addBindValue(ticketId);
    if (!q.exec())
        return all;
    const auto optional = [&q](int i) { return q.isNull(i) ? std::nullopt : std::optional<qint64>(q.value(i).toLongLong()); };
    while (q.next()) {
        DeptClock c;
        c.department = q.value(0).toString();
        c.atMs = q.value(1).toLongLong();
        c.deadlineS = optional(2);
        c.endedMs = optional(3);
        c.outcome = q.value(4).toString();
        c.onTime = q.isNull(5) ? std::nullopt : std::optional<bool>(q.value(5).toInt() != 0);
        c.breachedS = optional(6);
        c.extensions = q.value(7).toInt();
        all << c;
    }
    return all;
}

/** What the ticket waits for at the centre (dispatch or callback) and since when; empty when with a department. */
std::pair<QString, std::optional<qint64>> waiting(const Ticket &t, const QList<TicketEvent> &history)
{
    if (!t.isOpen())
        return {};
    if (!t.parentId.isEmpty() && t.state == TicketState::Registered)
        return {}; // a follower waits for its parent's reply, not at the desk
    if (t.state == TicketState::Registered) {
        // stage_since_ms when the fold keeps it; else the latest event that put it in the dispatch queue.
        std::optional<qint64> since = t.stageSinceMs;
        for (auto it = history.crbegin(); !since && it != history.crend(); ++it) {
            if (it->type == EventType::Registered || it->type == EventType::Returned || it->type == EventType::Reopened)
                since = it->atMs;
        }
        return {u"dispatch"_s, since};
    }
    if (t.state == TicketState::Replied)
        return {u"callback"_s, t.stageSinceMs ? t.stageSinceMs : t.repliedMs};
    return {};
}

class Shower
{
public:
    Shower(Workspace &ws, const Ticket &t, bool unmasked)
        : m_zone(ws.sla().calendar().timeZone()), m_t(t), m_unmasked(unmasked)
    {
        // Merges: the ticket it follows and the tickets that follow it (same incident, many callers).
        if (!t.parentId.isEmpty())
            m_parentNumber = ws.events().ticket(t.parentId).number;
        m_followers = Followers::direct(ws.database(), t.id);
        // Numbers it had before a renumbering (two consoles gave one alike): they still find it.
        QSqlQuery former(ws.database().sql());
        former.prepare(u"SELECT number FROM ticket_former_numbers WHERE ticket_id = ? ORDER BY at_ms, event_id"_s);
        former.addBindValue(t.id);
        if (former.exec()) {
            while (former.next())
                m_formerNumbers << former.value(0).toString();
        }
    }

    QJsonValue iso(std::optional<qint64> ms) const
    {
        return ms ? QJsonValue(QDateTime::fromMSecsSinceEpoch(*ms, m_zone).toString(Qt::ISODate)) : QJsonValue();
    }
    QJsonValue isoS(std::optional<qint64> s) const { return s ? iso(*s * 1000) : QJsonValue(); }
    QString text(std::optional<qint64> ms) const
    {
        return ms ? QDateTime::fromMSecsSinceEpoch(*ms, m_zone).toString(u"yyyy-MM-dd HH:mm"_s) : CtlContext::tr("—");
    }
    QString callerName(const QString &name) const { return m_unmasked ? name : CallerPrivacy::maskName(name); }
    QString callerPhone(const QString &phone) const { return m_unmasked ? phone : CallerPrivacy::maskPhone(phone); }

    QJsonObject json(const QList<DeptClock> &clocks, const QList<TicketEvent> &history,
                     const QList<AttachmentRow> &files) const
    {
        const Ticket &t = m_t;
        QJsonObject o{
            {u"id"_s, t.id},
            {u"number"_s, t.number},
            {u"former_numbers"_s, QJsonArray::fromStringList(m_formerNumbers)},
            {u"state"_s, toCode(t.state)},
            {u"type"_s, toCode(t.type)},
            {u"channel"_s, toCode(t.channel)},
            {u"class"_s, toCode(t.slaClass)},
            {u"category"_s, t.category},
            {u"town"_s, t.town},
            {u"caller_name"_s, callerName(t.callerName)},
            {u"caller_phone"_s, callerPhone(t.callerPhone)},
            {u"caller_masked"_s, !m_unmasked},
            {u"summary"_s, t.summary},
            {u"details"_s, t.details},
            {u"department"_s, t.department.isEmpty() ? QJsonValue() : QJsonValue(t.department)},
            {u"registered"_s, iso(t.registeredMs)},
            {u"dispatched"_s, iso(t.dispatchedMs)},
            {u"deadline"_s, isoS(t.deadlineS)},
            {u"extension_days"_s, t.extensionDays},
            {u"extension_pending"_s, t.extensionPending},
            {u"extension_requested"_s, iso(t.extensionRequestedMs)},
            {u"signed"_s, iso(t.signedMs)},
            {u"replied"_s, iso(t.repliedMs)},
            {u"reply_on_time"_s, t.replyOnTime ? QJsonValue(*t.replyOnTime) : QJsonValue()},
            {u"closed"_s, iso(t.closedMs)},
            {u"on_time"_s, t.onTime ? QJsonValue(*t.onTime) : QJsonValue()},
            {u"satisfaction"_s, t.satisfaction ? QJsonValue(toCode(*t.satisfaction)) : QJsonValue()},
            {u"urged"_s, t.urged},
            {u"breached"_s, t.breached},
        };
        o.insert(u"citizen_sms"_s, t.citizenSms); // issue 15: the caller accepts SMS about it
        o.insert(u"follow_ups"_s, t.followUps);   // the citizen's progress calls (催办)
        const auto [stage, since] = waiting(t, history);
        o.insert(u"parent"_s, t.parentId.isEmpty()
                                  ? QJsonValue()
                                  : QJsonValue(QJsonObject{{u"id"_s, t.parentId}, {u"number"_s, m_parentNumber}}));
        QJsonArray followers;
        for (const Ticket &f : m_followers)
            followers.append(QJsonObject{{u"id"_s, f.id}, {u"number"_s, f.number}, {u"state"_s, toCode(f.state)}});
        o.insert(u"followers"_s, followers);
        o.insert(u"waiting"_s, stage.isEmpty() ? QJsonValue()
                                               : QJsonValue(QJsonObject{{u"for"_s, stage}, {u"since"_s, iso(since)}}));
        QJsonArray dispatches;
        for (const DeptClock &c : clocks) {
            dispatches.append(QJsonObject{
                {u"department"_s, c.department},
                {u"at"_s, iso(c.atMs)},
                {u"deadline"_s, isoS(c.deadlineS)},
                {u"ended"_s, iso(c.endedMs)},
                {u"outcome"_s, c.outcome.isEmpty() ? QJsonValue(u"running"_s) : QJsonValue(c.outcome)},
                {u"on_time"_s, c.onTime ? QJsonValue(*c.onTime) : QJsonValue()},
                {u"breached"_s, c.breachedS.has_value()},
                {u"breached_at"_s, isoS(c.breachedS)},
                {u"extensions"_s, c.extensions},
            });
        }
        o.insert(u"dispatches"_s, dispatches);
        // The place and the files (issue 15).
        o.insert(u"address"_s, t.address);
        o.insert(u"latitude"_s, t.latitude ? QJsonValue(*t.latitude) : QJsonValue());
        o.insert(u"longitude"_s, t.longitude ? QJsonValue(*t.longitude) : QJsonValue());
        QJsonArray attachments;
        for (const AttachmentRow &f : files) {
            attachments.append(QJsonObject{{u"hash"_s, f.hash},
                                           {u"file_name"_s, f.fileName},
                                           {u"mime_type"_s, f.mimeType},
                                           {u"size"_s, f.size},
                                           {u"stage"_s, f.stage},
                                           {u"by"_s, f.actor},
                                           {u"at"_s, iso(f.atMs)},
                                           {u"received"_s, f.received}});
        }
        o.insert(u"attachments"_s, attachments);
        QJsonArray timeline;
        for (const TicketEvent &e : history) {
            QJsonObject payload = e.payload;
            if (payload.contains(Key::CallerName))
                payload.insert(Key::CallerName, callerName(payload.value(Key::CallerName).toString()));
            if (payload.contains(Key::CallerPhone))
                payload.insert(Key::CallerPhone, callerPhone(payload.value(Key::CallerPhone).toString()));
            for (const QLatin1StringView key : {Key::Deadline, Key::OldDeadline}) {
                if (payload.contains(key))
                    payload.insert(key, isoS(payload.value(key).toInteger()));
            }
            timeline.append(QJsonObject{{u"seq"_s, e.seq},
                                        {u"at"_s, iso(e.atMs)},
                                        {u"event"_s, toCode(e.type)},
                                        {u"actor"_s, e.actor},
                                        {u"console"_s, e.console},
                                        {u"payload"_s, payload}});
        }
        o.insert(u"timeline"_s, timeline);
        return o;
    }

    QStringList lines(const QList<DeptClock> &clocks, const QList<TicketEvent> &history,
                      const QList<AttachmentRow> &files) const
    {
        const Ticket &t = m_t;
        QStringList l;
        l << CtlContext::tr("Ticket %1 · %2 · %3 · %4")
                 .arg(t.number, DisplayNames::of(t.state), DisplayNames::of(t.type), DisplayNames::of(t.slaClass));
        if (!m_formerNumbers.isEmpty())
            l << CtlContext::tr("Formerly: %1").arg(m_formerNumbers.join(u", "_s));
        l << CtlContext::tr("Caller: %1 %2").arg(callerName(t.callerName), callerPhone(t.callerPhone));
        l << CtlContext::tr("Summary: %1").arg(t.summary);
        if (!t.address.isEmpty() || t.latitude)
            l << CtlContext::tr("Place: %1%2")
                     .arg(t.address, t.latitude && t.longitude
                                         ? u" (%1, %2)"_s.arg(QString::number(*t.latitude, 'f', 6),
                                                              QString::number(*t.longitude, 'f', 6))
                                         : QString());
        if (!t.department.isEmpty())
            l << CtlContext::tr("Department: %1, deadline %2").arg(t.department, text(t.deadlineS ? std::optional(*t.deadlineS * 1000) : std::nullopt));
        if (!t.parentId.isEmpty())
            l << CtlContext::tr("Follows %1 (the same incident): answered with it.").arg(m_parentNumber);
        if (!m_followers.isEmpty()) {
            QStringList numbers;
            for (const Ticket &f : m_followers)
                numbers << f.number;
            l << CtlContext::tr("Followers: %1").arg(numbers.join(u", "_s));
        }
        const auto [stage, since] = waiting(t, history);
        if (stage == u"dispatch"_s)
            l << CtlContext::tr("Waits for dispatch since %1.").arg(text(since));
        else if (stage == u"callback"_s)
            l << CtlContext::tr("Waits for the callback since %1.").arg(text(since));
        if (t.breached)
            l << CtlContext::tr("Breached: a department's clock passed its deadline without a reply.");
        if (t.followUps > 0)
            l << CtlContext::tr("Progress calls (催办): %1.").arg(t.followUps);
        if (!t.citizenSms)
            l << CtlContext::tr("The caller declined SMS about this ticket.");
        for (const DeptClock &c : clocks) {
            l << CtlContext::tr("  clock %1 from %2, deadline %3: %4%5")
                     .arg(c.department, text(c.atMs), text(c.deadlineS ? std::optional(*c.deadlineS * 1000) : std::nullopt),
                          c.outcome.isEmpty() ? CtlContext::tr("running") : c.outcome,
                          c.breachedS ? CtlContext::tr(", breached at %1").arg(text(*c.breachedS * 1000)) : QString());
        }
        for (const AttachmentRow &f : files) {
            l << CtlContext::tr("  file %1 (%2, %3 bytes, %4) by %5 at %6%7")
                     .arg(f.fileName, f.mimeType, QString::number(f.size), Attachments::stageName(f.stage), f.actor,
                          text(f.atMs), f.received ? QString() : CtlContext::tr(", not yet received"))
              << u"       %1"_s.arg(f.hash);
        }
        for (const TicketEvent &e : history)
            l << u"  %1  %2  %3"_s.arg(text(e.atMs), DisplayNames::of(e.type), e.actor);
        return l;
    }

private:
    QTimeZone m_zone;
    const Ticket &m_t;
    bool m_unmasked;
    QString m_parentNumber;
    QStringList m_formerNumbers;
    QList<Ticket> m_followers;
};

} // namespace

int cmdTicketShow(CtlContext &ctx, Workspace &ws, const Actor &actor, const Ticket &found)
{
    // The console's visibility: a liaison sees only their own department's tickets (and learns nothing else).
    const std::optional<Ticket> ticket = ws.queries().ticket(actor, found.id);
    if (!ticket)
        return ctx.fail(CtlContext::tr("There is no ticket %1.").arg(ctx.args.words.value(1)));
    Ticket t = *ticket;
    const bool unmasked = ctx.args.has(u"--unmasked"_s);
    if (unmasked) {
        // The console's "Show number": the table decides and each view is logged before anything is shown.
        QString error;
        const std::optional<RevealedCaller> caller = CallerReveal::reveal(ws, actor, t.id, &error);
        if (!caller)
            return ctx.fail(error);
        t.callerName = caller->name;
        t.callerPhone = caller->phone;
        ctx.privateOutput = true;
    }
    const QList<TicketEvent> history = ws.queries().history(actor, t.id);
    const QList<DeptClock> all = clocks(ws.database(), t.id);
    const QList<AttachmentRow> files = ws.attachments().list(actor, t.id);
    const Shower shower(ws, t, unmasked);
    if (ctx.args.value(u"--format"_s) == u"json"_s)
        ctx.out += QJsonDocument(shower.json(all, history, files)).toJson(QJsonDocument::Indented);
    else
        ctx.print(shower.lines(all, history, files).join(u'\n'));
    return Ok;
}

} // namespace hotline::ctl
