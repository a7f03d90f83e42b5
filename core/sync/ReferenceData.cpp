#include "sync/ReferenceData.h"

#include "auth/Actor.h"
#include "domain/Enums.h"
#include "storage/AdminAudit.h"
#include "storage/Database.h"
#include "storage/Settings.h"
#include "util/LogCategories.h"

#include <QHash>
#include <QSet>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>

using namespace Qt::StringLiterals;

namespace hotline {

namespace {

// Never travels: the server's own sign-in check (part "secrets") holds what it needs.
constexpr auto kPasswordHash = "password_hash"_L1;

AdminEntity entityOf(const QString &table)
{
    if (table == u"departments"_s)
        return AdminEntity::Department;
    if (table == u"categories"_s)
        return AdminEntity::Category;
    if (table == u"towns"_s)
        return AdminEntity::Town;
    if (table == u"calendar_days"_s)
        return AdminEntity::CalendarDay;
    if (table == u"users"_s)
        return AdminEntity::User;
    return AdminEntity::Setting;
}

struct Column
{
    QString name;
    bool notNull = false;
};

QList<Column> columnsOf(Database &db, const QString &table, QString *error)
{
    QList<Column> out;
    QSqlQuery info(db.sql());
    if (!info.exec(u"PRAGMA table_info("_s + table + u")"_s)) {
        *error = info.lastError().text();
        return out;
    }
    while (info.next())
        out.append(Column{info.value(1).toString(), info.value(3).toInt() != 0});
    return out;
}

/** The row as it travels: every column but the password hash; SQL NULL stays JSON null. Null when absent. */
QByteArray rowContent(Database &db, const QString &table, const QString &key, QString *error)
{
    QSqlQuery q(db.sql());
    q.prepare(u"SELECT * FROM "_s + table + u" WHERE "_s + ReferenceData::keyColumn(table) + u" = ?"_s);
    q.addBindValue(key);
    if (!q.exec()) {
        *error = q.lastError().text();
        return {};
    }
    if (!q.next())
        return {};
    const QSqlRecord r = q.record();
    QJsonObject row;
    for (int i = 0; i < r.count(); ++i) {
        if (r.fieldName(i) == kPasswordHash)
            continue;
        // A null text would otherwise travel as "" and collide in unique indexes that exempt only NULL.
        row.insert(r.fieldName(i), r.isNull(i) ? QJsonValue(QJsonValue::Null) : QJsonValue::fromVariant(r.value(i)));
    }
    return QJsonDocument(row).toJson(QJsonDocument::Compact);
}

bool setTracking(Database &db, const QString &table, const QString &key, qint64 version, QString *error)
{
    QSqlQuery q(db.sql());
    q.prepare(u"INSERT INTO sync_reference_rows(tbl, key, base_version, dirty) VALUES(?, ?, ?, 0) "
              "ON CONFLICT(tbl, key) DO UPDATE SET base_version = excluded.base_version, dirty = 0"_s);
    q.addBindValue(table);
    q.addBindValue(key);
    q.addBindValue(version);
    if (!q.exec()) {
        *error = q.lastError().text();
        return false;
    }
    return true;
}

enum class Applied { Changed, Refused, Failed };

/**
 * Stores one row from the server (content null: deletes it), checked first; the row's mark is reset to the
 * server's version. Only columns both sides know; a user's password hash is never touched (a new user gets none).
 */
Applied applyOne(Database &db, const QString &table, const QString &key, qint64 version, const QByteArray &content,
                 QString *why, QString *error)
{
    const QString keyColumn = ReferenceData::keyColumn(table);
    if (content.isNull()) {
        QSqlQuery del(db.sql());
        del.prepare(u"DELETE FROM "_s + table + u" WHERE "_s + keyColumn + u" = ?"_s);
        del.addBindValue(key);
        if (!del.exec()) {
            *error = del.lastError().text();
            return Applied::Failed;
        }
        return setTracking(db, table, key, version, error) ? Applied::Changed : Applied::Failed;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(content, &parseError);
    if (!doc.isObject()) {
        *why = ReferenceData::tr("not a JSON object");
        return Applied::Refused;
    }
    const QJsonObject row = doc.object();
    *why = ReferenceData::checkRow(table, key, row);
    if (!why->isEmpty())
        return Applied::Refused;
    const QList<Column> columns = columnsOf(db, table, error);
    if (columns.isEmpty())
        return Applied::Failed;
    QStringList names;
    QVariantList values;
    bool hasHash = false;
    for (const Column &c : columns) {
        if (c.name == kPasswordHash) {
            hasHash = true;
            continue;
        }
        if (!row.contains(c.name))
            continue; // an older console's row: the local value (or the default) stays
        const QJsonValue cell = row.value(c.name);
        // An empty code is no code (rows written before NULL travelled as null said "").
        const bool noCode = c.name == u"code"_s && table != u"departments"_s && cell.toString().isEmpty();
        names << c.name;
        values << (cell.isNull() || noCode ? QVariant() : cell.toVariant());
    }
    QSqlQuery exists(db.sql());
    exists.prepare(u"SELECT 1 FROM "_s + table + u" WHERE "_s + keyColumn + u" = ?"_s);
    exists.addBindValue(key);
    if (!exists.exec()) {
        *error = exists.lastError().text();
        return Applied::Failed;
    }
    const bool update = exists.next();
    exists.finish();
    QSqlQuery write(db.sql());
    if (update) {
        QStringList sets;
        for (const QString &n : std::as_const(names))
            sets << n + u" = ?"_s;
        write.prepare(u"UPDATE "_s + table + u" SET "_s + sets.join(u", "_s) + u" WHERE "_s + keyColumn + u" = ?"_s);
        for (const QVariant &v : std::as_const(values))
            write.addBindValue(v);
        write.addBindValue(key);
    } else {
        if (hasHash) { // a user new here: no password until the server's sign-in check vouches for one
            names << QString(kPasswordHash);
            values << u""_s;
        }
        write.prepare(u"INSERT INTO "_s + table + u"("_s + names.join(u',') + u") VALUES("_s
                      + QString(u"?,"_s).repeated(names.size()).chopped(1) + u")"_s);
        for (const QVariant &v : std::as_const(values))
            write.addBindValue(v);
    }
    if (!write.exec()) {
        // A row that contradicts this database (a unique name taken by another row...): refused, reported.
        *why = ReferenceData::tr("does not fit this database: %1").arg(write.lastError().databaseText());
        return Applied::Refused;
    }
    return setTracking(db, table, key, version, error) ? Applied::Changed : Applied::Failed;
}

void report(const QString &table, const QString &key, const QString &why, QStringList *refusedSettings,
            QStringList *refused)
{
    const QString line = table == u"settings"_s ? QString(key + u": "_s + why) : QString(table + u" "_s + key + u": "_s + why);
    qCWarning(lcSync).noquote() << "reference row from the server refused, the local row is kept:" << line;
    QStringList *to = table == u"settings"_s ? refusedSettings : refused;
    if (to)
        to->append(line);
}

} // namespace

const QStringList &ReferenceData::tables()
{
    static const QStringList names{u"departments"_s, u"categories"_s, u"towns"_s,
                                   u"calendar_days"_s, u"settings"_s, u"users"_s};
    return names;
}

QString ReferenceData::keyColumn(const QString &table)
{
    static const QHash<QString, QString> keys{{u"departments"_s, u"code"_s},   {u"categories"_s, u"name"_s},
                                              {u"towns"_s, u"name"_s},         {u"calendar_days"_s, u"date"_s},
                                              {u"settings"_s, u"key"_s},       {u"users"_s, u"name"_s}};
    return keys.value(table);
}

bool ReferenceData::isLocalOnly(const QString &table, const QString &key)
{
    return table == u"settings"_s && Settings::isSecret(key);
}

QList<ReferenceRow> ReferenceData::dirtyRows(Database &db, qint64 nowMs, QString *error)
{
    QList<ReferenceRow> out;
    QSqlQuery q(db.sql());
    if (!q.exec(u"SELECT tbl, key, base_version, dirty FROM sync_reference_rows WHERE dirty > 0 ORDER BY tbl, key"_s)) {
        *error = q.lastError().text();
        return out;
    }
    while (q.next()) {
        const QString table = q.value(0).toString();
        const QString key = q.value(1).toString();
        if (!tables().contains(table))
            continue;
        if (isLocalOnly(table, key)) { // never pushed: its mark has no use
            QSqlQuery clear(db.sql());
            clear.prepare(u"UPDATE sync_reference_rows SET dirty = 0 WHERE tbl = ? AND key = ?"_s);
            clear.addBindValue(table);
            clear.addBindValue(key);
            clear.exec();
            continue;
        }
        ReferenceRow row;
        row.table = table;
        row.key = key;
        row.version = q.value(2).toLongLong();
        row.dirty = q.value(3).toLongLong();
        out.append(row);
    }
    q.finish();
    if (out.isEmpty())
        return out;
    // Who changed each row and when: this console's latest administrative event for it (not pushed yet, or
    // recorded under this console's code); a row changed without one (seeding) is stamped now, by `system`.
    QHash<QString, std::pair<qint64, QString>> edits;
    QSqlQuery log(db.sql());
    log.prepare(u"SELECT json_extract(payload, '$.entity'), json_extract(payload, '$.key'), at_ms, actor FROM events "
                "WHERE ticket_id = ? AND type = ? AND (server_seq IS NULL OR console = ?) ORDER BY seq"_s);
    log.addBindValue(QString(kAdminStream));
    log.addBindValue(toCode(EventType::AdminChanged));
    log.addBindValue(db.meta(u"console.code"_s, u"01"_s));
    if (log.exec()) {
        while (log.next())
            edits.insert(log.value(0).toString() + u'\n' + log.value(1).toString(),
                         {log.value(2).toLongLong(), log.value(3).toString()});
    }
    for (ReferenceRow &row : out) {
        QString why;
        row.content = rowContent(db, row.table, row.key, &why);
        if (!why.isEmpty()) {
            *error = why;
            return {};
        }
        const auto edit = edits.value(AdminAudit::entityCode(entityOf(row.table)) + u'\n' + row.key,
                                      {nowMs, u"system"_s});
        row.editedMs = edit.first;
        row.by = edit.second;
    }
    return out;
}

bool ReferenceData::pushed(Database &db, const ReferenceRow &row, const ReferencePutResult &answer,
                           QStringList *refused, QStringList *changedTables, QString *error)
{
    WriteTransaction tx(db);
    if (!tx.isActive()) {
        *error = tx.error();
        return false;
    }
    QSqlQuery q(db.sql());
    q.prepare(u"SELECT dirty FROM sync_reference_rows WHERE tbl = ? AND key = ?"_s);
    q.addBindValue(row.table);
    q.addBindValue(row.key);
    if (!q.exec()) {
        *error = q.lastError().text();
        return false;
    }
    const bool unchanged = q.next() && q.value(0).toLongLong() == row.dirty;
    q.finish();
    if (answer.outcome == u"lost"_s && unchanged) {
        // Another console's later edit was kept: take it, and say so in the log (by `system`), so that the log's
        // last word on this row is the kept value on every console.
        AdminAudit audit(db, {entityOf(row.table)});
        QString why;
        const Applied a = applyOne(db, row.table, row.key, answer.version, answer.content, &why, error);
        if (a == Applied::Failed)
            return false;
        if (a == Applied::Refused) {
            report(row.table, row.key, why, refused, refused);
            if (!setTracking(db, row.table, row.key, answer.version, error))
                return false;
        } else {
            if (!audit.record(Actor{u"system"_s, Role::System, QString(), QString()}, error, u"sync_conflict"_s))
                return false;
            if (changedTables && !changedTables->contains(row.table))
                changedTables->append(row.table);
            if (!db.bumpConfigGeneration()) {
                *error = tr("cannot record the %1 update").arg(row.table);
                return false;
            }
        }
    } else if (answer.outcome != u"lost"_s) {
        // Written (or already there): clean at the server's version, unless written again meanwhile, in which
        // case that write goes next, based on this version.
        QSqlQuery upd(db.sql());
        upd.prepare(u"UPDATE sync_reference_rows SET base_version = ?, dirty = CASE WHEN dirty = ? THEN 0 ELSE dirty END, "
                  "edited_ms = ?, edited_by = ? WHERE tbl = ? AND key = ?"_s);
        upd.addBindValue(answer.version);
        upd.addBindValue(row.dirty);
        upd.addBindValue(row.editedMs);
        upd.addBindValue(row.by);
        upd.addBindValue(row.table);
        upd.addBindValue(row.key);
        if (!upd.exec()) {
            *error = upd.lastError().text();
            return false;
        }
    }
    // Lost while written again here: the newer write goes next pass, still based on the old version, so the
    // server weighs it against the kept edit.
    if (!tx.commit()) {
        *error = tx.error();
        return false;
    }
    return true;
}

bool ReferenceData::markTableDirty(Database &db, const QString &table, QString *error)
{
    const QString key = keyColumn(table);
    if (key.isEmpty())
        return true;
    return db.exec(u"INSERT INTO sync_reference_rows(tbl, key, dirty) SELECT '"_s + table + u"', "_s + key
                       + u", 1 FROM "_s + table + u" WHERE true ON CONFLICT(tbl, key) DO UPDATE SET dirty = dirty + 1"_s,
                   error);
}

bool ReferenceData::markAllDirty(Database &db, QString *error)
{
    for (const QString &t : tables()) {
        if (!markTableDirty(db, t, error))
            return false;
    }
    return true;
}

bool ReferenceData::forgetMarks(Database &db, QString *error)
{
    return db.exec(u"DELETE FROM sync_reference_rows"_s, error);
}

bool ReferenceData::dropRowsNotIn(Database &db, const QString &table, const QStringList &keys, QString *error)
{
    const QString key = keyColumn(table);
    if (key.isEmpty())
        return true;
    WriteTransaction tx(db);
    if (!tx.isActive()) {
        *error = tx.error();
        return false;
    }
    QSet<QString> wanted(keys.cbegin(), keys.cend());
    QStringList drop;
    QSqlQuery q(db.sql());
    if (!q.exec(u"SELECT "_s + key + u" FROM "_s + table)) {
        *error = q.lastError().text();
        return false;
    }
    while (q.next()) {
        const QString k = q.value(0).toString();
        if (!wanted.contains(k) && !isLocalOnly(table, k))
            drop << k;
    }
    q.finish();
    for (const QString &k : std::as_const(drop)) {
        QSqlQuery del(db.sql());
        del.prepare(u"DELETE FROM "_s + table + u" WHERE "_s + key + u" = ?"_s);
        del.addBindValue(k);
        if (!del.exec()) {
            *error = del.lastError().text();
            return false;
        }
    }
    if (!drop.isEmpty() && !db.bumpConfigGeneration()) {
        *error = tr("cannot record the %1 update").arg(table);
        return false;
    }
    if (!tx.commit()) {
        *error = tx.error();
        return false;
    }
    return true;
}

bool ReferenceData::apply(Database &db, const QList<ReferenceRow> &rows, QStringList *refusedSettings,
                          QStringList *refused, QStringList *changedTables, QString *error)
{
    if (rows.isEmpty())
        return true;
    WriteTransaction tx(db);
    if (!tx.isActive()) {
        *error = tx.error();
        return false;
    }
    bool changed = false;
    for (const ReferenceRow &row : rows) {
        if (!tables().contains(row.table) || isLocalOnly(row.table, row.key))
            continue; // a table a newer console shares; a secret this console keeps to itself
        QSqlQuery t(db.sql());
        t.prepare(u"SELECT base_version, dirty FROM sync_reference_rows WHERE tbl = ? AND key = ?"_s);
        t.addBindValue(row.table);
        t.addBindValue(row.key);
        if (!t.exec()) {
            *error = t.lastError().text();
            return false;
        }
        if (t.next() && (t.value(1).toLongLong() > 0 || t.value(0).toLongLong() >= row.version))
            continue; // changed here since (its push settles it), or this console's own write
        t.finish();
        QString why;
        switch (applyOne(db, row.table, row.key, row.version, row.content, &why, error)) {
        case Applied::Failed:
            return false;
        case Applied::Refused:
            report(row.table, row.key, why, refusedSettings, refused);
            break;
        case Applied::Changed:
            changed = true;
            if (changedTables && !changedTables->contains(row.table))
                changedTables->append(row.table);
            break;
        }
    }
    if (changed && !db.bumpConfigGeneration()) {
        *error = tr("cannot record the reference update");
        return false;
    }
    if (!tx.commit()) {
        *error = tx.error();
        return false;
    }
    return true;
}

} // namespace hotline
