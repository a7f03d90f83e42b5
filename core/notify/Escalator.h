#pragma once

#include "domain/Ticket.h"
#include "notify/SmsOutbox.h"

#include <QCoreApplication>
#include <QHash>
#include <QObject>
#include <QTimer>

#include <memory>
#include <optional>
#include <set>
#include <utility>

namespace hotline {

class DeskClock;
class SmsOutbox;
class SlaClock;
class Workspace;

/** What one escalation pass did. */
struct EscalationResult
{
    int reminders = 0;           ///< ReminderSent events written now (each with its SMS queued)
    int deskReminders = 0;       ///< SMS to the dispatch desk queued now (one per stage episode, DeskClock)
    int overdue = 0;             ///< accountability records opened now
    QStringList overdueTickets;  ///< their ticket ids
    QString error;               ///< set when a write failed (nothing of that batch was written)
    int citizenSms = 0;          ///< SMS to callers queued now (NotifyService::start, CitizenNotifier)
    int followUpAlerts = 0;      ///< SMS to departments about progress calls queued now
};

/**
 * Turns colour changes into reminders and accountability (PRODUCT §4). Keeps, per counting ticket, the instant
 * of its next action (yellow → reminder + SMS, red → Overdue) in an ordered queue and wakes once, at the
 * earliest one; a change to a ticket reschedules only that ticket. At start it catches up with everything that
 * fell due while no escalator ran. Event and message ids are deterministic (MessageIds), so a second pass, a
 * second process or another console doing the same work adds nothing.
 *
 * It also watches the centre's own clocks (DeskClock): a ticket waiting for (re-)dispatch or for the callback
 * that turns amber queues one SMS to the dispatch desk's duty phones (dispatch.duty_phones), exactly once per
 * stage episode; the outbox row is its record (no event: the department's reminder and breach rules stay as
 * they are). Without duty phones nothing is queued.
 */
class Escalator final : public QObject
{
    Q_OBJECT

public:
    /** Tickets escalated per write transaction: short locks for the operators writing beside us. */
    static constexpr int kBatch = 200;

    Escalator(Workspace &workspace, SmsOutbox &outbox, QObject *parent = nullptr);
    ~Escalator() override;

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
    /** When a ticket waiting at the centre needs a desk reminder; none when it needs none (reminded: its
     *  episode's SMS is already queued; remindersOn: duty phones are configured). */
    static std::optional<qint64> deskAction(const Ticket &t, const DeskClock &desk, qint64 nowSecs, bool reminded,
                                            bool remindersOn);
    /** The SMS id of the ticket's current desk episode; empty when it waits for nothing at the centre. */
    static QString deskMessageId(const Ticket &t);

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
    bool deskReminded(const Ticket &t) const;
    void deskReminder(const Ticket &t, const DeskClock &desk, qint64 nowSecs, QList<OutboxMessage> &messages) const;
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
    std::unique_ptr<DeskClock> m_desk; // the centre's stage clocks, as configured at the last reload
    bool m_deskOn = false;             // duty phones configured: desk reminders are on
};

} // namespace hotline
