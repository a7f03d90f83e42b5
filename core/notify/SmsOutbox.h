#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <optional>

namespace hotline {

class Database;

/** One queued SMS (a row of sms_outbox). */
struct OutboxMessage
{
    QString id;         ///< deterministic (MessageIds), the gateway's "id"
    QString kind;       ///< "reminder" | "urge" | "desk" | "follow_up" | "citizen_registered" | "citizen_replied"
    QString ticketId;
    QString eventId;
    QString department; ///< department code
    QString audience;   ///< "duty" | "head" | "desk" | "citizen" (the ticket's caller)
    qint64 createdMs = 0;
    QString state;      ///< "pending" | "sent" | "sent_elsewhere" | "cancelled" (an SMS to a caller who declined since)
    int attempts = 0;
    qint64 nextAttemptMs = 0;
    QString lastError;
    std::optional<qint64> sentMs;
    QString recipients; ///< as last posted, ';'-separated
    QString text;       ///< as last posted
};

/** One logged attempt (a row of sms_attempts). */
struct SmsAttempt
{
    QString messageId;
    qint64 atMs = 0;
    QString claimant;
    QString outcome;    ///< sent | http_error | timeout | network | config | held_elsewhere | sent_elsewhere | claim_unavailable
    int httpStatus = 0; ///< 0 when there was no HTTP answer
    QString detail;
};

/**
 * The SMS outbox in the local database: messages are queued in the same transaction as their event (so none
 * is lost), leave it only as sent, and carry their back-off schedule and the log of every attempt.
 */
class SmsOutbox final
{
    Q_DECLARE_TR_FUNCTIONS(SmsOutbox)

public:
    explicit SmsOutbox(Database &db);

    /** Delay before the next try after `attempts` failed ones: 30 s doubling to at most one hour. */
    static qint64 backoffMs(int attempts);

    /** Queues inside the caller's write transaction; a message id already queued is left as it is. */
    bool enqueueWithin(const OutboxMessage &m, QString *error);
    /** Pending messages whose next attempt is due at nowMs, oldest first. */
    QList<OutboxMessage> due(qint64 nowMs, int limit = 100) const;
    /** Instant of the earliest pending attempt, if any message is pending. */
    std::optional<qint64> nextAttemptMs() const;
    std::optional<OutboxMessage> message(const QString &id) const;
    QList<OutboxMessage> forTicket(const QString &ticketId) const;
    int pendingCount() const;
    /** Every message, newest first (the administrator's SMS log). */
    QList<OutboxMessage> recent(int limit) const;
    QList<SmsAttempt> attempts(const QString &messageId) const;

    /** Logs a successful attempt and closes the message (elsewhere: another sender had already sent it). */
    bool recordSent(const SmsAttempt &a, const QString &recipients, const QString &text, bool elsewhere, QString *error);
    /** Logs a failed (or deferred) attempt and keeps the message pending until nextAttemptMs. counted: it was a
     *  real try at the gateway (bumps attempts and so the back-off). */
    bool recordFailure(const SmsAttempt &a, qint64 nextAttemptMs, bool counted, QString *error);
    /** Logs why a pending message will never be posted (outcome "cancelled") and closes it unsent. */
    bool recordCancelled(const SmsAttempt &a, QString *error);

private:
    bool logWithin(const SmsAttempt &a, QString *error);

    Database &m_db;
};

} // namespace hotline
