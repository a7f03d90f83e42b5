#include "notify/Escalator.h"

#include "domain/TicketFold.h"
#include "notify/MessageIds.h"
#include "notify/NotifyLog.h"
#include "notify/SmsOutbox.h"
#include "service/DeskClock.h"
#include "service/Workspace.h"
#include "sla/SlaClock.h"
#include "storage/Database.h"
#include "storage/EventStore.h"
#include "storage/Settings.h"
#include "util/Clock.h"

#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace hotline {
namespace {

constexpr QLatin1StringView kMessageKey{"message"};
constexpr QLatin1StringView kSystemActor{"system"};
constexpr qint64 kRetryAfterFailureS = 60;

} // namespace

Escalator::Escalator(Workspace &workspace, SmsOutbox &outbox, QObject *parent)
    : QObject(parent), m_ws(workspace), m_outbox(outbox)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        processDue();
        armTimer();
    });
    connect(&m_ws.events(), &EventStore::ticketsChanged, this, &Escalator::reschedule);
    m_desk = std::make_unique<DeskClock>(DeskClock::fromSettings(m_ws.sla(), m_ws.settings()));
    m_deskOn = !m_ws.settings().dispatchDutyPhones().isEmpty();
}

Escalator::~Escalator() = default;

std::optional<qint64> Escalator::deskAction(const Ticket &t, const DeskClock &desk, qint64 nowSecs, bool reminded,
                                            bool remindersOn)
{
    const std::optional<DeskStage> stage = DeskClock::stageOf(t);
    if (!stage || reminded || !remindersOn)
        return std::nullopt;
    const DeskStatus st = desk.status(*stage, *t.stageSinceMs / 1000, nowSecs);
    return st.colour == DeskColour::Blue ? st.nextChange : std::optional<qint64>(nowSecs);
}

QString Escalator::deskMessageId(const Ticket &t)
{
    const std::optional<DeskStage> stage = DeskClock::stageOf(t);
    if (!stage)
        return {};
    return MessageIds::messageId(MessageIds::deskEpisodeId(t.id, toCode(*stage), *t.stageSinceMs), u"desk"_s);
}

bool Escalator::deskReminded(const Ticket &t) const
{
    const QString id = deskMessageId(t);
    return !id.isEmpty() && m_outbox.message(id).has_value();
}

void Escalator::deskReminder(const Ticket &t, const DeskClock &desk, qint64 nowSecs, QList<OutboxMessage> &messages) const
{
    const std::optional<DeskStage> stage = DeskClock::stageOf(t);
    if (!stage || !m_deskOn || deskReminded(t) || desk.status(*stage, *t.stageSinceMs / 1000, nowSecs).colour == DeskColour::Blue)
        return;
    OutboxMessage m;
    m.id = deskMessageId(t);
    m.kind = u"desk"_s;
    m.ticketId = t.id;
    m.eventId = MessageIds::deskEpisodeId(t.id, toCode(*stage), *t.stageSinceMs); // the episode stands in for an event
    // Callback stage: the department that replied. Never NULL (waiting for dispatch): the column is NOT NULL and
    // the outbox's INSERT OR IGNORE would drop the row silently.
    m.department = t.department.isEmpty() ? u""_s : t.department;
    m.audience = u"desk"_s;
    m.createdMs = nowSecs * 1000;
    m.nextAttemptMs = nowSecs * 1000;
    messages << m;
}

std::optional<qint64> Escalator::nextAction(const Ticket &t, const SlaClock &sla, qint64 nowSecs)
{
    if (!t.isCounting())
        return std::nullopt;
    const qint64 deadline = *t.deadlineS;
    if (!t.reminderSent) {
        const SlaStatus st = sla.status(nowSecs, deadline);
        return st.colour == Colour::Green ? st.nextChange : std::optional<qint64>(nowSecs);
    }
    if (!t.overdueOpened)
        return deadline + 1; // red is strictly past the deadline
    return std::nullopt;
}

void Escalator::setAutomatic(bool on)
{
    m_automatic = on;
    if (on)
        armTimer();
    else
        m_timer.stop();
}

std::optional<qint64> Escalator::nextInstant() const
{
    if (m_due.empty())
        return std::nullopt;
    return m_due.begin()->first;
}

void Escalator::armTimer()
{
    if (!m_automatic)
        return;
    const qint64 nowMs = m_ws.clock().nowMs();
    const std::optional<qint64> next = nextInstant();
    // Wake at the instant itself; at least every 10 minutes to notice settings or calendar edits.
    const qint64 wait = std::clamp<qint64>(next ? *next * 1000 - nowMs : 600'000, 0, 600'000);
    m_timer.start(int(wait));
}

void Escalator::unschedule(const QString &ticketId)
{
    const auto it = m_instantOf.constFind(ticketId);
    if (it == m_instantOf.constEnd())
        return;
    m_due.erase({*it, ticketId});
    m_instantOf.erase(it);
}

void Escalator::schedule(const Ticket &t, const SlaClock &sla, qint64 nowSecs)
{
    unschedule(t.id);
    std::optional<qint64> at = nextAction(t, sla, nowSecs);
    if (!at && !t.isCounting() && DeskClock::stageOf(t))
        at = deskAction(t, *m_desk, nowSecs, m_deskOn && deskReminded(t), m_deskOn);
    if (!at)
        return;
    m_due.insert({*at, t.id});
    m_instantOf.insert(t.id, *at);
}

void Escalator::checkConfig()
{
    if (m_ws.database().meta(u"config.generation"_s, u"0"_s) != m_generation)
        reload();
}

void Escalator::reload()
{
    m_due.clear();
    m_instantOf.clear();
    m_generation = m_ws.database().meta(u"config.generation"_s, u"0"_s);
    const SlaClock sla = m_ws.sla();
    const qint64 now = m_ws.clock().nowSecs();
    *m_desk = DeskClock::fromSettings(sla, m_ws.settings());
    m_deskOn = !m_ws.settings().dispatchDutyPhones().isEmpty();
    // Only what scheduling needs, straight from the partial index of counting tickets.
    QSqlQuery q(m_ws.database().sql());
    q.setForwardOnly(true);
    if (!q.exec(u"SELECT id, dispatched_ms, deadline_s, reminder_sent, overdue_opened FROM tickets "
                "WHERE closed_ms IS NULL AND replied_ms IS NULL AND deadline_s IS NOT NULL"_s)) {
        Q_EMIT failed(tr("Cannot read the open tickets: %1").arg(q.lastError().text()));
        return;
    }
    while (q.next()) {
        Ticket t;
        t.id = q.value(0).toString();
        t.dispatchedMs = q.value(1).toLongLong();
        t.deadlineS = q.value(2).toLongLong();
        t.reminderSent = q.value(3).toBool();
        t.overdueOpened = q.value(4).toBool();
        schedule(t, sla, now);
    }
    // The centre's own clocks, from their partial index (open tickets waiting at the centre only).
    if (m_deskOn && q.exec(u"SELECT id, registered_ms, replied_ms, stage_since_ms FROM tickets INDEXED BY tickets_stage "
                           "WHERE stage_since_ms IS NOT NULL AND closed_ms IS NULL"_s)) {
        while (q.next()) {
            Ticket t;
            t.id = q.value(0).toString();
            t.registeredMs = q.value(1).toLongLong();
            if (!q.value(2).isNull())
                t.repliedMs = q.value(2).toLongLong();
            t.stageSinceMs = q.value(3).toLongLong();
            schedule(t, sla, now);
        }
    }
    qCInfo(lcNotify) << "escalator watches" << m_due.size() << "tickets";
}

void Escalator::reschedule(const QStringList &ticketIds)
{
    if (m_writing)
        return; // processDue reschedules what it wrote itself
    const SlaClock sla = m_ws.sla();
    const qint64 now = m_ws.clock().nowSecs();
    for (const QString &id : ticketIds)
        schedule(m_ws.events().ticket(id), sla, now);
    armTimer();
}

EscalationResult Escalator::start()
{
    reload();
    EscalationResult r = processDue();
    armTimer();
    return r;
}

EscalationResult Escalator::processDue()
{
    checkConfig();
    EscalationResult result;
    const SlaClock sla = m_ws.sla();
    const qint64 now = m_ws.clock().nowSecs();
    QStringList dueIds;
    for (auto it = m_due.begin(); it != m_due.end() && it->first <= now; ++it)
        dueIds << it->second;
    for (qsizetype i = 0; i < dueIds.size(); i += kBatch) {
        const QStringList batch = dueIds.mid(i, kBatch);
        const bool ok = writeBatch(batch, sla, now, result);
        for (const QString &id : batch) {
            schedule(m_ws.events().ticket(id), sla, now);
            // Never spin on a ticket that could not be escalated: try it again a minute later.
            const auto at = m_instantOf.constFind(id);
            if (at != m_instantOf.constEnd() && *at <= now) {
                m_due.erase({*at, id});
                m_due.insert({now + kRetryAfterFailureS, id});
                m_instantOf.insert(id, now + kRetryAfterFailureS);
            }
        }
        if (!ok)
            Q_EMIT failed(result.error);
    }
    if (result.reminders + result.deskReminders > 0)
        Q_EMIT remindersQueued(result.reminders + result.deskReminders);
    if (!result.overdueTickets.isEmpty())
        Q_EMIT accountabilityOpened(result.overdueTickets);
    return result;
}

bool Escalator::writeBatch(const QStringList &ticketIds, const SlaClock &sla, qint64 nowSecs, EscalationResult &result)
{
    const QString console = m_ws.consoleCode();
    const qint64 threshold = sla.policy().yellowThresholdSeconds();
    WriteTransaction tx(m_ws.database());
    if (!tx.isActive()) {
        result.error = tr("Cannot escalate: %1").arg(tx.error());
        return false;
    }
    // Read inside the write transaction: another escalator on this file may have done the work a moment ago.
    QList<TicketEvent> events;
    QList<OutboxMessage> messages;
    QStringList changed;
    QStringList overdue;
    int deskCount = 0;
    for (const QString &id : ticketIds) {
        Ticket t = m_ws.events().ticket(id);
        if (!t.isCounting()) {
            const qsizetype before = messages.size();
            deskReminder(t, *m_desk, nowSecs, messages);
            deskCount += int(messages.size() - before);
            continue;
        }
        if (!TicketFold::check(t, EventType::ReminderSent).isEmpty())
            continue;
        const qint64 deadline = *t.deadlineS;
        const QJsonObject base{{Key::Department, t.department}, {Key::Deadline, deadline}};
        if (!t.reminderSent && sla.colour(nowSecs, deadline) != Colour::Green) {
            // Stamped with the instant the ticket turned yellow (deterministic on every console), not when noticed.
            const qint64 yellowAt = std::max(sla.calendar().addWorkingSeconds(deadline, -threshold), *t.dispatchedMs / 1000);
            TicketEvent e{MessageIds::escalationEventId(t, EventType::ReminderSent), t.id, EventType::ReminderSent,
                          yellowAt * 1000, kSystemActor, console, base, 0, {}};
            const QString messageId = MessageIds::messageId(e.id, u"duty"_s);
            e.payload.insert(kMessageKey, messageId);
            events << e;
            OutboxMessage m;
            m.id = messageId;
            m.kind = u"reminder"_s;
            m.ticketId = t.id;
            m.eventId = e.id;
            m.department = t.department;
            m.audience = u"duty"_s;
            m.createdMs = nowSecs * 1000;
            m.nextAttemptMs = nowSecs * 1000;
            messages << m;
        }
        if (!t.overdueOpened && nowSecs > deadline) {
            events << TicketEvent{MessageIds::escalationEventId(t, EventType::Overdue), t.id, EventType::Overdue,
                                  (deadline + 1) * 1000, kSystemActor, console, base, 0, {}};
            overdue << t.id;
        }
        changed << t.id;
    }
    if (events.isEmpty() && messages.isEmpty())
        return true;
    int added = 0;
    m_writing = true;
    bool ok = events.isEmpty() || m_ws.events().appendWithin(events, &result.error, EventStore::Mode::Strict, &added);
    for (qsizetype i = 0; ok && i < messages.size(); ++i)
        ok = m_outbox.enqueueWithin(messages.at(i), &result.error);
    if (ok && !tx.commit()) {
        result.error = tx.error();
        ok = false;
    }
    if (ok) {
        result.reminders += int(messages.size()) - deskCount;
        result.deskReminders += deskCount;
        result.overdue += int(overdue.size());
        result.overdueTickets << overdue;
        qCInfo(lcNotify) << "escalated" << changed.size() << "tickets:" << messages.size() - deskCount << "reminders,"
                         << overdue.size() << "accountability records," << deskCount << "dispatch desk reminders";
        if (!changed.isEmpty())
            Q_EMIT m_ws.events().ticketsChanged(changed); // appendWithin leaves the notification to the transaction's owner
    } else {
        result.error = tr("Cannot record reminders and accountability: %1").arg(result.error);
        qCWarning(lcNotify) << result.error;
    }
    m_writing = false;
    return ok;
}

} // namespace hotline
