#include "sync/ReferenceConflicts.h"

#include "storage/Database.h"

#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace hotline {

namespace {

QVariant textOrNull(const QByteArray &content)
{
    return content.isNull() ? QVariant() : QVariant(QString::fromUtf8(content));
}

QByteArray contentOf(const QVariant &v)
{
    return v.isNull() ? QByteArray() : v.toString().toUtf8();
}

} // namespace

bool ReferenceConflicts::store(const QList<ReferenceConflict> &conflicts, QString *error)
{
    if (conflicts.isEmpty())
        return true;
    WriteTransaction tx(m_db);
    if (!tx.isActive()) {
        *error = tx.error();
        return false;
    }
    for (const ReferenceConflict &c : conflicts) {
        QSqlQuery q(m_db.sql());
        q.prepare(u"INSERT OR IGNORE INTO sync_reference_conflicts(version, tbl, key, kept_version, kept_content, "
                  "kept_edited_ms, kept_console, kept_by, lost_content, lost_edited_ms, lost_console, lost_by) "
                  "VALUES(?,?,?,?,?,?,?,?,?,?,?,?)"_s);
        for (const QVariant &v : {QVariant(c.version), QVariant(c.table), QVariant(c.key), QVariant(c.keptVersion),
                                  textOrNull(c.keptContent), QVariant(c.keptEditedMs), QVariant(c.keptConsole),
                                  QVariant(c.keptBy), textOrNull(c.lostContent), QVariant(c.lostEditedMs),
                                  QVariant(c.lostConsole), QVariant(c.lostBy)})
            q.addBindValue(v);
        if (!q.exec()) {
            *error = q.lastError().text();
            return false;
        }
    }
    if (!tx.commit()) {
        *error = tx.error();
        return false;
    }
    return true;
}

bool ReferenceConflicts::list(QList<ReferenceConflict> *out, QString *error) const
{
    QSqlQuery q(m_db.sql());
    if (!q.exec(u"SELECT version, tbl, key, kept_version, kept_content, kept_edited_ms, kept_console, kept_by, "
                "lost_content, lost_edited_ms, lost_console, lost_by, seen FROM sync_reference_conflicts "
                "ORDER BY version DESC"_s)) {
        *error = q.lastError().text();
        return false;
    }
    while (q.next()) {
        ReferenceConflict c;
        c.version = q.value(0).toLongLong();
        c.table = q.value(1).toString();
        c.key = q.value(2).toString();
        c.keptVersion = q.value(3).toLongLong();
        c.keptContent = contentOf(q.value(4));
        c.keptEditedMs = q.value(5).toLongLong();
        c.keptConsole = q.value(6).toString();
        c.keptBy = q.value(7).toString();
        c.lostContent = contentOf(q.value(8));
        c.lostEditedMs = q.value(9).toLongLong();
        c.lostConsole = q.value(10).toString();
        c.lostBy = q.value(11).toString();
        c.seen = q.value(12).toInt() != 0;
        out->append(c);
    }
    return true;
}

qint64 ReferenceConflicts::unseenCount() const
{
    QSqlQuery q(m_db.sql());
    if (q.exec(u"SELECT count(*) FROM sync_reference_conflicts WHERE seen = 0"_s) && q.next())
        return q.value(0).toLongLong();
    return 0;
}

bool ReferenceConflicts::markAllSeen(QString *error)
{
    return m_db.exec(u"UPDATE sync_reference_conflicts SET seen = 1 WHERE seen = 0"_s, error);
}

qint64 ReferenceConflicts::lastVersion() const
{
    QSqlQuery q(m_db.sql());
    if (q.exec(u"SELECT coalesce(max(version), 0) FROM sync_reference_conflicts"_s) && q.next())
        return q.value(0).toLongLong();
    return 0;
}

QString ReferenceConflicts::describe(const QByteArray &content)
{
    if (content.isNull())
        return tr("(deleted)");
    const QJsonObject row = QJsonDocument::fromJson(content).object();
    QStringList parts;
    for (auto it = row.begin(); it != row.end(); ++it) {
        const QString value = it.value().toVariant().toString();
        if (!value.isEmpty()) // an empty head phone or code says nothing here
            parts << it.key() + u": "_s + value;
    }
    return parts.join(u", "_s);
}

QJsonObject ReferenceConflicts::toJson(const ReferenceConflict &c)
{
    auto content = [](const QByteArray &bytes) {
        return bytes.isNull() ? QJsonValue(QJsonValue::Null) : QJsonValue(QJsonDocument::fromJson(bytes).object());
    };
    return QJsonObject{{u"version"_s, c.version},
                       {u"table"_s, c.table},
                       {u"key"_s, c.key},
                       {u"kept"_s, QJsonObject{{u"version"_s, c.keptVersion},
                                               {u"content"_s, content(c.keptContent)},
                                               {u"edited_ms"_s, c.keptEditedMs},
                                               {u"console"_s, c.keptConsole},
                                               {u"by"_s, c.keptBy}}},
                       {u"lost"_s, QJsonObject{{u"content"_s, content(c.lostContent)},
                                               {u"edited_ms"_s, c.lostEditedMs},
                                               {u"console"_s, c.lostConsole},
                                               {u"by"_s, c.lostBy}}},
                       {u"seen"_s, c.seen}};
}

} // namespace hotline
