#pragma once

#include "notify/SmsGateway.h"
#include "notify/SmsOutbox.h"

#include <QHash>
#include <QObject>
#include <QTimer>

namespace hotline {

class MessageClaims;
class Workspace;

/**
 * Delivers the SMS outbox: for each due message it checks the configuration, renders the text, claims the
 * message (MessageClaims: exactly once across senders), POSTs it and records the outcome with exponential
 * back-off. Runs on the thread that owns the workspace without ever waiting on the network.
 */
class SmsSender final : public QObject
{
    Q_OBJECT

public:
    /** Configuration problems are retried this long after (they wait for an administrator, not the gateway). */
    static constexpr qint64 kConfigRetryMs = 5 * 60 * 1000;

    SmsSender(Workspace &workspace, SmsOutbox &outbox, MessageClaims &claims, QObject *parent = nullptr);

    /** This process as a claimant: console code and a per-process token. */
    QString claimant() const { return m_claimant; }
    /** Tries every due message once (not those already on the way); returns how many were posted. */
    int sendDue();
    /** Messages posted and not answered yet. */
    int inFlight() const { return int(m_inFlight.size()); }
    /** With a real clock: sends by itself when messages fall due (re-checks the outbox at least once a minute). */
    void setAutomatic(bool on);

Q_SIGNALS:
    /** The gateway accepted a message. */
    void messageSent(const QString &messageId);
    /** An attempt failed; the message stays queued for a later attempt. */
    void attemptFailed(const QString &messageId, const QString &reason);
    /** A configuration problem that an administrator must fix (no URL, bad template, no contacts). */
    void problem(const QString &message);
    /** Nothing is on the way any more. */
    void idle();

private:
    struct Prepared
    {
        SmsRequest request;
        QString problem;
        QString cancelled; ///< why the message must not go out at all any more (the caller declined since)
    };
    Prepared prepare(const OutboxMessage &m) const;
    Prepared prepareDesk(const OutboxMessage &m, Prepared p) const;
    Prepared prepareCitizen(const OutboxMessage &m, Prepared p) const;
    void attempt(const OutboxMessage &m);
    void onFinished(const SmsResult &r);
    void defer(const OutboxMessage &m, const QString &outcome, const QString &detail, qint64 nextMs, bool counted);
    void armTimer();

    Workspace &m_ws;
    SmsOutbox &m_outbox;
    MessageClaims &m_claims;
    SmsGateway m_gateway;
    QString m_claimant;
    QString m_lastProblem; ///< the configuration problem last logged
    QHash<QString, OutboxMessage> m_inFlight; // by message id, with the request as posted
    QHash<QString, SmsRequest> m_posted;
    QTimer m_timer;
    bool m_automatic = false;
};

} // namespace hotline
