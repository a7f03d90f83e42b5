#pragma once

#include "notify/MessageClaims.h"
#include "sync/PgConnection.h"

namespace hotline {

/**
 * MessageClaims on the shared PostgreSQL server (table hotline_sms_claims): with many consoles and headless
 * escalators on one server, each SMS is claimed by exactly one of them. One atomic statement per claim. When
 * the server cannot be reached the answer is Unavailable (the message waits in the local outbox), and a new
 * connection is not tried for a while, so a dead server costs the sender one short timeout, not one per message.
 */
class ServerMessageClaims final : public MessageClaims
{
public:
    explicit ServerMessageClaims(QString serverUrl);

    Claim claim(const QString &messageId, const QString &claimant, qint64 nowMs, qint64 leaseMs) override;
    bool markSent(const QString &messageId, const QString &claimant, qint64 nowMs, QString *error) override;
    void release(const QString &messageId, const QString &claimant) override;

private:
    bool ensureConnected(QString *error);

    QString m_url;
    PgConnection m_pg;
    qint64 m_retryAfterMs = 0; ///< steady-clock ms before which no reconnect is tried
};

} // namespace hotline
