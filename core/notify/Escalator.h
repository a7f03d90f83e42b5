#pragma once

#include "domain/Ticket.h"

#include <QCoreApplication>
#include <QHash>
#include <QObject>
#include <QTimer>

#include <optional>
#include <set>
#include <utility>

namespace hotline {

class SmsOutbox;
class SlaClock;
class Workspace;

/** What one escalation pass did. */
struct EscalationResult
{
    int reminders = 0;           ///< ReminderSent events written now (each with its SMS queued)
    int overdue = 0;             ///< accountability records opened now
    QStringList overdueTickets;  ///< their ticket ids
    QString error;               ///< set when a write failed (nothing of that batch was written)
};

/**
 * Turns colour changes into reminders and accountability (PRODUCT §4). Keeps, per counting ticket, the instant
 * of its next action (yellow → reminder + SMS, red → Overdue) in an ordered queue and wakes once, at the
 * earliest one; a change to a ticket reschedules only that ticket. At start it catches up with everything that
 * fell due while no escalator ran. Event and message ids are deterministic (MessageIds), so a second pass, a
 * second process or another console doing the same work adds nothing.
 */
class Escalator final : public QObject
{
    Q_OBJECT

public:
    /** Tickets escalated per write transaction: short locks for the operators writing beside us. */
    static constexpr int kBatch = 200;

    Escalator(Workspace &workspace, SmsOutbox &outbox, QObject *parent = nullptr);

    /** Loads every counting ticket and acts on everything already due (the catch-up). */
    EscalationResult start();
    /** Acts on every ticket whose next action is due at the clock's current instant. */
    EscalationResult processDue();
    /** Reads all counting tickets again (after settings, calendar or a sync changed many). */
    void reload();
    /** The earliest pending action, UTC seconds. */
    std::optional<qint64> nextInstant() const;
    /** Tickets in the queue. */
    int scheduled() const { return int(m_due.size()); }
    /** With a real clock: wakes by itself at the next instant (at least every 10 minutes, to notice config edits). */
    void setAutomatic(bool on);

    /** When a ticket needs the escalator next (UTC seconds); none when it needs nothing more on this clock. */
    static std::optional<qint64> nextAction(const Ticket &t, const SlaClock &sla, qint64 nowSecs);

public Q_SLOTS:
    /** Re-reads these tickets and reschedules them (connected to EventStore::ticketsChanged). */
    void reschedule(const QStringList &ticketIds);

Q_SIGNALS:
    /** Reminders were recorded and their SMS queued. */
    void remindersQueued(int count);
    /** Accountability records were opened: supervisors must hear of it. */
    void accountabilityOpened(const QStringList &ticketIds);
    /** Writing escalation events failed; retried at the next wake-up. */
    void failed(const QString &message);

private:
    void schedule(const Ticket &t, const SlaClock &sla, qint64 nowSecs);
    void unschedule(const QString &ticketId);
    bool writeBatch(const QStringList &ticketIds, const SlaClock &sla, qint64 nowSecs, EscalationResult &result);
    void armTimer();
    void checkConfig();

    Workspace &m_ws;
    SmsOutbox &m_outbox;
    std::set<std::pair<qint64, QString>> m_due; // (instant, ticket id), earliest first
    QHash<QString, qint64> m_instantOf;
    QString m_generation; // configuration generation the queue was computed with
    QTimer m_timer;
    bool m_automatic = false;
    bool m_writing = false;
};

} // namespace hotline
