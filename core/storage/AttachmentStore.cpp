#include "storage/AttachmentStore.h"

#include "storage/Database.h"

#include <QCryptographicHash>
#include <QSqlQuery>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace hotline {

AttachmentStore::AttachmentStore(Database &db)
    : m_db(db)
{
}

QString AttachmentStore::hashOf(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

bool AttachmentStore::putBlob(const QString &hash, const QByteArray &bytes, QString *error)
{
    QSqlQuery q(m_db.sql());
    q.prepare(u"INSERT OR IGNORE INTO attachment_blobs(hash, size, data) VALUES(?, ?, ?)"_s);
    q.addBindValue(hash);
    q.addBindValue(qint64(bytes.size()));
    q.addBindValue(bytes);
    if (!q.exec()) {
        *error = Database::describeError(q.lastError(), m_db.path());
        return false;
    }
    return true;
}

bool AttachmentStore::hasBlob(const QString &hash) const
{
    QSqlQuery q(m_db.sql());
    q.prepare(u"SELECT 1 FROM attachment_blobs WHERE hash = ?"_s);
    q.addBindValue(hash);
    return q.exec() && q.next();
}

std::optional<QByteArray> AttachmentStore::blob(const QString &hash) const
{
    QSqlQuery q(m_db.sql());
    q.prepare(u"SELECT data FROM attachment_blobs WHERE hash = ?"_s);
    q.addBindValue(hash);
    if (q.exec() && q.next())
        return q.value(0).toByteArray();
    return std::nullopt;
}

QList<AttachmentRow> AttachmentStore::forTicket(const QString &ticketId) const
{
    QSqlQuery q(m_db.sql());
    q.prepare(u"SELECT a.event_id, a.ticket_id, a.hash, a.file_name, a.mime_type, a.size, a.stage, a.actor, a.at_ms, "
              "EXISTS (SELECT 1 FROM attachment_blobs b WHERE b.hash = a.hash) "
              "FROM ticket_attachments a WHERE a.ticket_id = ? ORDER BY a.at_ms, a.rowid"_s);
    q.addBindValue(ticketId);
    QList<AttachmentRow> out;
    if (!q.exec())
        return out;
    while (q.next()) {
        AttachmentRow r;
        r.eventId = q.value(0).toString();
        r.ticketId = q.value(1).toString();
        r.hash = q.value(2).toString();
        r.fileName = q.value(3).toString();
        r.mimeType = q.value(4).toString();
        r.size = q.value(5).toLongLong();
        r.stage = q.value(6).toString();
        r.actor = q.value(7).toString();
        r.atMs = q.value(8).toLongLong();
        r.received = q.value(9).toInt() != 0;
        out << r;
    }
    return out;
}

QStringList AttachmentStore::ticketsWith(const QString &hash) const
{
    QSqlQuery q(m_db.sql());
    q.prepare(u"SELECT DISTINCT ticket_id FROM ticket_attachments WHERE hash = ?"_s);
    q.addBindValue(hash);
    QStringList out;
    if (q.exec()) {
        while (q.next())
            out << q.value(0).toString();
    }
    return out;
}

QStringList AttachmentStore::missingBlobs(int limit) const
{
    QSqlQuery q(m_db.sql());
    q.prepare(u"SELECT DISTINCT a.hash FROM ticket_attachments a "
              "WHERE NOT EXISTS (SELECT 1 FROM attachment_blobs b WHERE b.hash = a.hash) ORDER BY a.hash LIMIT ?"_s);
    q.addBindValue(limit);
    QStringList out;
    if (q.exec()) {
        while (q.next())
            out << q.value(0).toString();
    }
    return out;
}

} // namespace hotline
