#pragma once

#include <QCoreApplication>
#include <QObject>
#include <QTimer>

#include <optional>

namespace hotline {

class SmsOutbox;
class Workspace;
struct OutboxMessage;
struct Ticket;

/** What one pass of the CitizenNotifier queued. */
struct CitizenSmsResult
{
    int citizen = 0;        ///< SMS to callers queued now (registration, reply)
    int followUpAlerts = 0; ///< SMS to a department's duty phones about a progress call queued now
    QString error;          ///< set when a write failed (that batch is retried on the next pass)
};

/**
 * Queues the SMS that events call for, whoever wrote them: a console's operator, `hotlinectl`, the intake
 * service, the merge of a parent's reply onto its followers, or another console through the shared server.
 * Like the Escalator it never sends from the UI and never trusts one code path: it reads the event log in
 * local arrival order (events.seq) from a high-water mark kept in the database (meta "notify.event_seq"), so a
 * restart resumes where it stopped and a second pass adds nothing. Message ids derive from the event id
 * (MessageIds::messageId(event, audience)), so every console of a shared centre queues the same ids and the
 * claims (MessageClaims) let exactly one of them send.
 *
 *  - registered → one SMS to the caller (sms.citizen.registered_template);
 *  - replied    → one SMS to the caller (sms.citizen.replied_template), for every reply of every ticket;
 *  - followed_up while a department's clock runs → one SMS to that department's duty phones.
 *
 * The caller's SMS only when sms.citizen.enabled, the ticket's citizenSms and the caller's number is a mobile
 * number. Nothing for imported history or the demo data, nor for events older than kFreshMs when first seen (a
 * replica joining late would otherwise text last month's callers).
 */
class CitizenNotifier final : public QObject
{
    Q_OBJECT

public:
    /** Events older than this when the notifier first reads them call for no SMS any more. */
    static constexpr qint64 kFreshMs = 72LL * 3600 * 1000;
    /** Events read per write transaction. */
    static constexpr int kBatch = 500;
    /** The database's high-water mark (meta key). */
    static QString markKey();

    CitizenNotifier(Workspace &workspace, SmsOutbox &outbox, QObject *parent = nullptr);

    /** Queues what the events since the last pass call for. */
    CitizenSmsResult processNew();
    /** With a real clock: passes after local changes and at least every 30 s (other processes, the server). */
    void setAutomatic(bool on);

    /** The caller's number as the gateway gets it when it is a mobile number; none for landlines and the rest. */
    static std::optional<QString> mobileOf(const QString &phone);
    /** Why the caller of this ticket gets no SMS now; empty when they do. */
    static QString whyNoCitizenSms(Workspace &workspace, const Ticket &t);

Q_SIGNALS:
    /** SMS were queued: the sender should look at the outbox. */
    void queued(int count);
    void failed(const QString &message);

private:
    bool writeBatch(qint64 &mark, CitizenSmsResult &result, bool *more);

    Workspace &m_ws;
    SmsOutbox &m_outbox;
    QTimer m_timer;
    bool m_automatic = false;
    bool m_running = false;
};

} // namespace hotline
