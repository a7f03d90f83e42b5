#include "registration/DraftStore.h"

#include "storage/Database.h"

#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace hotline {

DraftStore::DraftStore(Database &db)
    : m_db(db)
{
}

std::optional<StoredDraft> DraftStore::load(const QString &user) const
{
    QSqlQuery q(m_db.sql());
    q.prepare(u"SELECT saved_ms, content FROM drafts WHERE user = ?"_s);
    q.addBindValue(user);
    if (!q.exec() || !q.next())
        return std::nullopt;
    const QJsonDocument doc = QJsonDocument::fromJson(q.value(1).toString().toUtf8());
    if (!doc.isObject())
        return std::nullopt;
    return StoredDraft {q.value(0).toLongLong(), doc.object()};
}

bool DraftStore::save(const QString &user, qint64 savedMs, const QJsonObject &content, QString *error)
{
    WriteTransaction tx(m_db);
    if (!tx.isActive()) {
        if (error)
            *error = tr("The draft could not be saved: %1").arg(tx.error());
        return false;
    }
    QSqlQuery q(m_db.sql());
    q.prepare(u"INSERT INTO drafts(user, saved_ms, content) VALUES(?, ?, ?) "
              u"ON CONFLICT(user) DO UPDATE SET saved_ms = excluded.saved_ms, content = excluded.content"_s);
    q.addBindValue(user);
    q.addBindValue(savedMs);
    q.addBindValue(QString::fromUtf8(QJsonDocument(content).toJson(QJsonDocument::Compact)));
    if (!q.exec()) {
        if (error)
            *error = tr("The draft could not be saved: %1").arg(q.lastError().text());
        return false;
    }
    q.finish();
    if (!tx.commit()) {
        if (error)
            *error = tr("The draft could not be saved: %1").arg(tx.error());
        return false;
    }
    return true;
}

bool DraftStore::clear(const QString &user, QString *error)
{
    WriteTransaction tx(m_db);
    if (!tx.isActive()) {
        if (error)
            *error = tr("The draft could not be removed: %1").arg(tx.error());
        return false;
    }
    QSqlQuery q(m_db.sql());
    q.prepare(u"DELETE FROM drafts WHERE user = ?"_s);
    q.addBindValue(user);
    if (!q.exec()) {
        if (error)
            *error = tr("The draft could not be removed: %1").arg(q.lastError().text());
        return false;
    }
    q.finish();
    if (!tx.commit()) {
        if (error)
            *error = tr("The draft could not be removed: %1").arg(tx.error());
        return false;
    }
    return true;
}

} // namespace hotline
