#include "sync/ReferenceData.h"

#include "storage/Database.h"
#include "storage/Settings.h"
#include "util/LogCategories.h"

#include <QHash>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>

using namespace Qt::StringLiterals;

namespace hotline {

namespace {

/**
 * Settings from the server pass the same checks as `config set` (Settings::validate): a value that fails keeps
 * this console's current value (or the default, when it has none) and is reported as "key: reason". Keys this
 * version does not know are kept as they are: a newer console's, unused here.
 */
bool screenSettings(Database &db, QJsonArray *rows, QStringList *refused, QString *error)
{
    QHash<QString, QString> local;
    QSqlQuery q(db.sql());
    if (!q.exec(u"SELECT key, value FROM settings"_s)) {
        *error = q.lastError().text();
        return false;
    }
    while (q.next())
        local.insert(q.value(0).toString(), q.value(1).toString());
    QJsonArray kept;
    for (const QJsonValue &v : std::as_const(*rows)) {
        QJsonObject row = v.toObject();
        const QString key = row.value(u"key"_s).toString();
        if (!Settings::isKnown(key)) {
            kept.append(row);
            continue;
        }
        const QJsonValue value = row.value(u"value"_s);
        const QString why = value.isString() ? Settings::validate(key, value.toString())
                                             : ReferenceData::tr("the value is not text");
        if (why.isEmpty()) {
            kept.append(row);
            continue;
        }
        const QString report = key + u": "_s + why;
        qCWarning(lcSync).noquote() << "setting from the server refused, the local value is kept:" << report;
        if (refused)
            refused->append(report);
        if (local.contains(key)) {
            row.insert(u"value"_s, local.value(key));
            kept.append(row);
        }
    }
    *rows = kept;
    return true;
}

} // namespace

const QStringList &ReferenceData::tables()
{
    static const QStringList names{u"departments"_s, u"categories"_s, u"towns"_s,
                                   u"calendar_days"_s, u"settings"_s, u"users"_s};
    return names;
}

QStringList ReferenceData::dirty(Database &db)
{
    QStringList out;
    QSqlQuery q(db.sql());
    if (q.exec(u"SELECT name FROM sync_reference_dirty ORDER BY name"_s)) {
        while (q.next()) {
            if (tables().contains(q.value(0).toString()))
                out << q.value(0).toString();
        }
    }
    return out;
}

bool ReferenceData::markAllDirty(Database &db, QString *error)
{
    for (const QString &t : tables()) {
        if (!db.exec(u"INSERT OR IGNORE INTO sync_reference_dirty VALUES('"_s + t + u"')"_s, error))
            return false;
    }
    return true;
}

bool ReferenceData::clearDirty(Database &db, QString *error)
{
    return db.exec(u"DELETE FROM sync_reference_dirty"_s, error);
}

QByteArray ReferenceData::take(Database &db, const QString &table, QString *error)
{
    if (!tables().contains(table)) {
        *error = tr("not a shared table: %1").arg(table);
        return {};
    }
    WriteTransaction tx(db);
    QSqlQuery q(db.sql());
    q.setForwardOnly(true);
    if (!tx.isActive() || !q.exec(u"SELECT * FROM "_s + table + u" ORDER BY rowid"_s)) {
        *error = tx.isActive() ? q.lastError().text() : tx.error();
        return {};
    }
    QJsonArray rows;
    while (q.next()) {
        const QSqlRecord r = q.record();
        QJsonObject row;
        for (int i = 0; i < r.count(); ++i)
            // SQL NULL stays JSON null: a null text would otherwise travel as "" and collide in unique indexes
            // that exempt only NULL (categories.code, towns.code).
            row.insert(r.fieldName(i), r.isNull(i) ? QJsonValue(QJsonValue::Null) : QJsonValue::fromVariant(r.value(i)));
        rows.append(row);
    }
    q.finish();
    QSqlQuery clear(db.sql());
    clear.prepare(u"DELETE FROM sync_reference_dirty WHERE name = ?"_s);
    clear.addBindValue(table);
    if (!clear.exec() || !tx.commit()) {
        *error = clear.lastError().text();
        return {};
    }
    return QJsonDocument(rows).toJson(QJsonDocument::Compact);
}

bool ReferenceData::replace(Database &db, const QString &table, const QByteArray &content, QString *error,
                            QStringList *refused)
{
    if (!tables().contains(table))
        return true; // a table a newer console shares: nothing to do here
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(content, &parseError);
    if (!doc.isArray()) {
        *error = tr("the server's %1 document is not a JSON array: %2").arg(table, parseError.errorString());
        return false;
    }
    QStringList columns;
    {
        QSqlQuery info(db.sql());
        if (!info.exec(u"PRAGMA table_info("_s + table + u")"_s)) {
            *error = info.lastError().text();
            return false;
        }
        while (info.next())
            columns << info.value(1).toString();
    }
    // Only the columns both sides know: a newer console may share more, an older one fewer (defaults apply).
    QJsonArray rows = doc.array();
    if (table == u"settings"_s && !screenSettings(db, &rows, refused, error))
        return false;
    if (!rows.isEmpty()) {
        const QJsonObject first = rows.first().toObject();
        columns.removeIf([&](const QString &c) { return !first.contains(c) && !(table == u"users"_s && c == u"password_hash"_s); });
    }
    WriteTransaction tx(db);
    if (!tx.isActive()) {
        *error = tx.error();
        return false;
    }
    // Password hashes do not travel (server 008 empties them): each person keeps the hash held here, if any.
    QHash<QString, QString> localHashes;
    if (table == u"users"_s) {
        QSqlQuery hashes(db.sql());
        if (!hashes.exec(u"SELECT name, password_hash FROM users"_s)) {
            *error = hashes.lastError().text();
            return false;
        }
        while (hashes.next())
            localHashes.insert(hashes.value(0).toString(), hashes.value(1).toString());
    }
    if (!db.exec(u"DELETE FROM "_s + table, error))
        return false;
    QSqlQuery insert(db.sql());
    const QString placeholders = QString(u"?,"_s).repeated(columns.size()).chopped(1);
    if (!insert.prepare(u"INSERT INTO "_s + table + u"("_s + columns.join(u',') + u") VALUES("_s + placeholders + u")"_s)) {
        *error = insert.lastError().text();
        return false;
    }
    for (const QJsonValue &v : rows) {
        const QJsonObject row = v.toObject();
        for (int i = 0; i < columns.size(); ++i) {
            const QJsonValue cell = row.value(columns.at(i));
            // An empty code is no code (documents written before NULL travelled as null said "").
            const bool noCode = columns.at(i) == u"code"_s && table != u"departments"_s && cell.toString().isEmpty();
            if (table == u"users"_s && columns.at(i) == u"password_hash"_s) {
                insert.bindValue(i, localHashes.value(row.value(u"name"_s).toString(), u""_s));
                continue;
            }
            insert.bindValue(i, cell.isUndefined() || cell.isNull() || noCode ? QVariant() : cell.toVariant());
        }
        if (!insert.exec()) {
            *error = tr("the server's %1 document does not fit this database: %2")
                         .arg(table, insert.lastError().text());
            return false;
        }
    }
    QSqlQuery clear(db.sql());
    clear.prepare(u"DELETE FROM sync_reference_dirty WHERE name = ?"_s);
    clear.addBindValue(table);
    if (!clear.exec() || !db.bumpConfigGeneration()) {
        *error = tr("cannot record the %1 update").arg(table);
        return false;
    }
    if (!tx.commit()) {
        *error = tx.error();
        return false;
    }
    return true;
}

} // namespace hotline
