#include "notify/LocalMessageClaims.h"

#include "notify/NotifyLog.h"
#include "storage/Database.h"

#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace hotline {

LocalMessageClaims::LocalMessageClaims(Database &db) : m_db(db) {}

Claim LocalMessageClaims::claim(const QString &messageId, const QString &claimant, qint64 nowMs, qint64 leaseMs)
{
    Claim c;
    WriteTransaction tx(m_db);
    if (!tx.isActive()) {
        c.error = tx.error();
        return c;
    }
    QSqlQuery q(m_db.sql());
    q.prepare(u"SELECT holder, lease_until_ms, sent_ms FROM sms_claims WHERE message_id = ?"_s);
    q.addBindValue(messageId);
    if (!q.exec()) {
        c.error = q.lastError().text();
        return c;
    }
    if (q.next()) {
        const QString holder = q.value(0).toString();
        const qint64 leaseUntil = q.value(1).toLongLong();
        if (!q.value(2).isNull()) {
            c.result = ClaimResult::AlreadySent;
            c.holder = holder;
            return c;
        }
        if (holder != claimant && leaseUntil > nowMs) {
            c.result = ClaimResult::HeldElsewhere;
            c.holder = holder;
            c.leaseUntilMs = leaseUntil;
            return c;
        }
    }
    q.finish();
    QSqlQuery w(m_db.sql());
    w.prepare(u"INSERT INTO sms_claims(message_id, holder, lease_until_ms) VALUES(?, ?, ?) "
              "ON CONFLICT(message_id) DO UPDATE SET holder = excluded.holder, lease_until_ms = excluded.lease_until_ms"_s);
    w.addBindValue(messageId);
    w.addBindValue(claimant);
    w.addBindValue(nowMs + leaseMs);
    if (!w.exec() || !tx.commit()) {
        c.error = w.lastError().isValid() ? w.lastError().text() : tx.error();
        return c;
    }
    c.result = ClaimResult::Granted;
    c.holder = claimant;
    c.leaseUntilMs = nowMs + leaseMs;
    return c;
}

bool LocalMessageClaims::markSent(const QString &messageId, const QString &claimant, qint64 nowMs, QString *error)
{
    WriteTransaction tx(m_db);
    QSqlQuery q(m_db.sql());
    q.prepare(u"INSERT INTO sms_claims(message_id, holder, lease_until_ms, sent_ms) VALUES(?, ?, ?, ?) "
              "ON CONFLICT(message_id) DO UPDATE SET holder = excluded.holder, sent_ms = excluded.sent_ms"_s);
    q.addBindValue(messageId);
    q.addBindValue(claimant);
    q.addBindValue(nowMs);
    q.addBindValue(nowMs);
    if (!tx.isActive() || !q.exec() || !tx.commit()) {
        *error = tx.isActive() ? q.lastError().text() : tx.error();
        return false;
    }
    return true;
}

void LocalMessageClaims::release(const QString &messageId, const QString &claimant)
{
    WriteTransaction tx(m_db);
    QSqlQuery q(m_db.sql());
    q.prepare(u"UPDATE sms_claims SET lease_until_ms = 0 WHERE message_id = ? AND holder = ? AND sent_ms IS NULL"_s);
    q.addBindValue(messageId);
    q.addBindValue(claimant);
    if (!tx.isActive() || !q.exec() || !tx.commit())
        qCWarning(lcNotify) << "cannot release the claim on" << messageId << q.lastError().text();
}

} // namespace hotline
