#include "sync/ServerMessageClaims.h"

#include "util/LogCategories.h"

#include <QDeadlineTimer>

using namespace Qt::StringLiterals;

namespace hotline {

namespace {
constexpr qint64 kReconnectPauseMs = 30000;
constexpr int kConnectTimeoutSeconds = 2;

qint64 steadyMs()
{
    return QDeadlineTimer::current().deadline();
}
} // namespace

ServerMessageClaims::ServerMessageClaims(QString serverUrl)
    : m_url(std::move(serverUrl))
{
}

bool ServerMessageClaims::ensureConnected(QString *error)
{
    if (m_pg.isUp())
        return true;
    if (steadyMs() < m_retryAfterMs) {
        *error = QCoreApplication::translate("hotline::ServerMessageClaims", "the shared server is not reachable");
        return false;
    }
    if (!m_pg.connect(m_url, kConnectTimeoutSeconds)) {
        m_retryAfterMs = steadyMs() + kReconnectPauseMs;
        *error = m_pg.lastError();
        return false;
    }
    return true;
}

Claim ServerMessageClaims::claim(const QString &messageId, const QString &claimant, qint64 nowMs, qint64 leaseMs)
{
    Claim c;
    if (!ensureConnected(&c.error))
        return c;
    // Take it when free, when the lease ran out, or renew our own; never once sent. Atomic in one statement.
    PgResult r = m_pg.exec(
        "INSERT INTO hotline_sms_claims AS c (message_id, holder, lease_until_ms) VALUES ($1, $2, $3) "
        "ON CONFLICT (message_id) DO UPDATE SET holder = excluded.holder, lease_until_ms = excluded.lease_until_ms "
        "WHERE c.sent_ms IS NULL AND (c.holder = excluded.holder OR c.lease_until_ms <= $4) "
        "RETURNING lease_until_ms",
        {messageId.toUtf8(), claimant.toUtf8(), QByteArray::number(nowMs + leaseMs), QByteArray::number(nowMs)});
    if (!r.ok()) {
        c.error = r.error();
        return c;
    }
    if (r.rows() == 1) {
        c.result = ClaimResult::Granted;
        c.holder = claimant;
        c.leaseUntilMs = r.integer(0, 0);
        return c;
    }
    PgResult held = m_pg.exec("SELECT holder, lease_until_ms, sent_ms FROM hotline_sms_claims WHERE message_id = $1",
                              {messageId.toUtf8()});
    if (!held.ok() || held.rows() != 1) {
        c.error = held.error();
        return c;
    }
    c.holder = held.text(0, 0);
    c.leaseUntilMs = held.integer(0, 1);
    c.result = held.isNull(0, 2) ? ClaimResult::HeldElsewhere : ClaimResult::AlreadySent;
    return c;
}

bool ServerMessageClaims::markSent(const QString &messageId, const QString &claimant, qint64 nowMs, QString *error)
{
    if (!ensureConnected(error))
        return false;
    PgResult r = m_pg.exec("INSERT INTO hotline_sms_claims AS c (message_id, holder, lease_until_ms, sent_ms) "
                           "VALUES ($1, $2, $3, $3) ON CONFLICT (message_id) DO UPDATE SET holder = excluded.holder, "
                           "sent_ms = excluded.sent_ms",
                           {messageId.toUtf8(), claimant.toUtf8(), QByteArray::number(nowMs)});
    if (!r.ok()) {
        *error = r.error();
        return false;
    }
    return true;
}

void ServerMessageClaims::release(const QString &messageId, const QString &claimant)
{
    QString error;
    if (!ensureConnected(&error)
        || !m_pg.run("UPDATE hotline_sms_claims SET lease_until_ms = 0 WHERE message_id = $1 AND holder = $2 "
                     "AND sent_ms IS NULL",
                     {messageId.toUtf8(), claimant.toUtf8()}))
        qCWarning(lcSync) << "cannot release the claim on" << messageId << (error.isEmpty() ? m_pg.lastError() : error);
}

} // namespace hotline
