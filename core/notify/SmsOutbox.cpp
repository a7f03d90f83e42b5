#include "notify/SmsOutbox.h"

#include "storage/Database.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace hotline {
namespace {

const QString kColumns = u"id, kind, ticket_id, event_id, department, audience, created_ms, state, attempts, "
                         "next_attempt_ms, last_error, sent_ms, recipients, text"_s;

OutboxMessage readRow(const QSqlQuery &q)
{
    OutboxMessage m;
    m.id = q.value(0).toString();
    m.kind = q.value(1).toString();
    m.ticketId = q.value(2).toString();
    m.eventId = q.value(3).toString();
    m.department = q.value(4).toString();
    m.audience = q.value(5).toString();
    m.createdMs = q.value(6).toLongLong();
    m.state = q.value(7).toString();
    m.attempts = q.value(8).toInt();
    m.nextAttemptMs = q.value(9).toLongLong();
    m.lastError = q.value(10).toString();
    if (!q.value(11).isNull())
        m.sentMs = q.value(11).toLongLong();
    m.recipients = q.value(12).toString();
    m.text = q.value(13).toString();
    return m;
}

QList<OutboxMessage> readAll(QSqlQuery &q)
{
    QList<OutboxMessage> out;
    if (!q.exec())
        return out;
    while (q.next())
        out << readRow(q);
    return out;
}

} // namespace

SmsOutbox::SmsOutbox(Database &db) : m_db(db) {}

qint64 SmsOutbox::backoffMs(int attempts)
{
    const int doublings = std::clamp(attempts - 1, 0, 7); // 30 s · 2^7 > 1 h
    return std::min<qint64>(30'000LL << doublings, 3'600'000LL);
}

bool SmsOutbox::enqueueWithin(const OutboxMessage &m, QString *error)
{
    QSqlQuery q(m_db.sql());
    q.prepare(u"INSERT OR IGNORE INTO sms_outbox(id, kind, ticket_id, event_id, department, audience, created_ms, "
              "next_attempt_ms) VALUES(?, ?, ?, ?, ?, ?, ?, ?)"_s);
    for (const QVariant &v : {QVariant(m.id), QVariant(m.kind), QVariant(m.ticketId), QVariant(m.eventId),
                              QVariant(m.department), QVariant(m.audience), QVariant(m.createdMs), QVariant(m.nextAttemptMs)})
        q.addBindValue(v);
    if (!q.exec()) {
        *error = tr("Cannot queue the SMS: %1").arg(q.lastError().text());
        return false;
    }
    return true;
}

QList<OutboxMessage> SmsOutbox::due(qint64 nowMs, int limit) const
{
    QSqlQuery q(m_db.sql());
    q.prepare(u"SELECT "_s % kColumns
              % u" FROM sms_outbox WHERE state = 'pending' AND next_attempt_ms <= ? ORDER BY next_attempt_ms, id LIMIT ?"_s);
    q.addBindValue(nowMs);
    q.addBindValue(limit);
    return readAll(q);
}

std::optional<qint64> SmsOutbox::nextAttemptMs() const
{
    QSqlQuery q(m_db.sql());
    if (q.exec(u"SELECT MIN(next_attempt_ms) FROM sms_outbox WHERE state = 'pending'"_s) && q.next() && !q.value(0).isNull())
        return q.value(0).toLongLong();
    return std::nullopt;
}

std::optional<OutboxMessage> SmsOutbox::message(const QString &id) const
{
    QSqlQuery q(m_db.sql());
    q.prepare(u"SELECT "_s % kColumns % u" FROM sms_outbox WHERE id = ?"_s);
    q.addBindValue(id);
    const QList<OutboxMessage> rows = readAll(q);
    if (rows.isEmpty())
        return std::nullopt;
    return rows.first();
}

QList<OutboxMessage> SmsOutbox::forTicket(const QString &ticketId) const
{
    QSqlQuery q(m_db.sql());
    q.prepare(u"SELECT "_s % kColumns % u" FROM sms_outbox WHERE ticket_id = ? ORDER BY created_ms, id"_s);
    q.addBindValue(ticketId);
    return readAll(q);
}

int SmsOutbox::pendingCount() const
{
    QSqlQuery q(m_db.sql());
    return q.exec(u"SELECT COUNT(*) FROM sms_outbox WHERE state = 'pending'"_s) && q.next() ? q.value(0).toInt() : 0;
}

QList<OutboxMessage> SmsOutbox::recent(int limit) const
{
    QSqlQuery q(m_db.sql());
    q.prepare(u"SELECT "_s % kColumns % u" FROM sms_outbox ORDER BY created_ms DESC, id LIMIT ?"_s);
    q.addBindValue(limit);
    return readAll(q);
}

QList<SmsAttempt> SmsOutbox::attempts(const QString &messageId) const
{
    QList<SmsAttempt> out;
    QSqlQuery q(m_db.sql());
    q.prepare(u"SELECT at_ms, claimant, outcome, http_status, detail FROM sms_attempts WHERE message_id = ? ORDER BY id"_s);
    q.addBindValue(messageId);
    if (!q.exec())
        return out;
    while (q.next())
        out << SmsAttempt{messageId, q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(),
                          q.value(3).toInt(), q.value(4).toString()};
    return out;
}

bool SmsOutbox::logWithin(const SmsAttempt &a, QString *error)
{
    QSqlQuery q(m_db.sql());
    q.prepare(u"INSERT INTO sms_attempts(message_id, at_ms, claimant, outcome, http_status, detail) VALUES(?, ?, ?, ?, ?, ?)"_s);
    q.addBindValue(a.messageId);
    q.addBindValue(a.atMs);
    q.addBindValue(a.claimant);
    q.addBindValue(a.outcome);
    q.addBindValue(a.httpStatus > 0 ? QVariant(a.httpStatus) : QVariant());
    q.addBindValue(a.detail.isNull() ? u""_s : a.detail); // NULL is not "no detail"
    if (!q.exec()) {
        *error = tr("Cannot log the SMS attempt: %1").arg(q.lastError().text());
        return false;
    }
    return true;
}

bool SmsOutbox::recordSent(const SmsAttempt &a, const QString &recipients, const QString &text, bool elsewhere,
                           QString *error)
{
    WriteTransaction tx(m_db);
    if (!tx.isActive()) {
        *error = tx.error();
        return false;
    }
    QSqlQuery q(m_db.sql());
    q.prepare(u"UPDATE sms_outbox SET state = ?, sent_ms = ?, last_error = '', attempts = attempts + ?, "
              "recipients = CASE WHEN ? = '' THEN recipients ELSE ? END, text = CASE WHEN ? = '' THEN text ELSE ? END "
              "WHERE id = ?"_s);
    q.addBindValue(elsewhere ? u"sent_elsewhere"_s : u"sent"_s);
    q.addBindValue(a.atMs);
    q.addBindValue(elsewhere ? 0 : 1);
    // Bound as '' rather than NULL: an empty value keeps what the row had.
    const QString to = recipients.isNull() ? u""_s : recipients;
    const QString body = text.isNull() ? u""_s : text;
    q.addBindValue(to);
    q.addBindValue(to);
    q.addBindValue(body);
    q.addBindValue(body);
    q.addBindValue(a.messageId);
    if (!q.exec()) {
        *error = tr("Cannot record the sent SMS: %1").arg(q.lastError().text());
        return false;
    }
    if (!logWithin(a, error))
        return false;
    if (!tx.commit()) {
        *error = tx.error();
        return false;
    }
    return true;
}

bool SmsOutbox::recordFailure(const SmsAttempt &a, qint64 nextAttemptMs, bool counted, QString *error)
{
    WriteTransaction tx(m_db);
    if (!tx.isActive()) {
        *error = tx.error();
        return false;
    }
    QSqlQuery q(m_db.sql());
    q.prepare(u"UPDATE sms_outbox SET attempts = attempts + ?, next_attempt_ms = ?, last_error = ? WHERE id = ? AND state = 'pending'"_s);
    q.addBindValue(counted ? 1 : 0);
    q.addBindValue(nextAttemptMs);
    q.addBindValue(a.detail.isNull() ? u""_s : a.detail);
    q.addBindValue(a.messageId);
    if (!q.exec()) {
        *error = tr("Cannot reschedule the SMS: %1").arg(q.lastError().text());
        return false;
    }
    if (!logWithin(a, error))
        return false;
    if (!tx.commit()) {
        *error = tx.error();
        return false;
    }
    return true;
}

bool SmsOutbox::recordCancelled(const SmsAttempt &a, QString *error)
{
    WriteTransaction tx(m_db);
    if (!tx.isActive()) {
        *error = tx.error();
        return false;
    }
    QSqlQuery q(m_db.sql());
    q.prepare(u"UPDATE sms_outbox SET state = 'cancelled', last_error = ? WHERE id = ? AND state = 'pending'"_s);
    q.addBindValue(a.detail.isNull() ? u""_s : a.detail);
    q.addBindValue(a.messageId);
    if (!q.exec()) {
        *error = tr("Cannot record the cancelled SMS: %1").arg(q.lastError().text());
        return false;
    }
    if (!logWithin(a, error))
        return false;
    if (!tx.commit()) {
        *error = tx.error();
        return false;
    }
    return true;
}

} // namespace hotline
