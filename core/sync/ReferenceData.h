#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QStringList>

namespace hotline {

class Database;

/** One row of a shared reference table as it travels: a compact JSON object, or a null content for a deletion. */
struct ReferenceRow
{
    QString table;
    QString key;
    qint64 version = 0;     ///< pulled: the server's version; pushed: the version the local edit started from
    QByteArray content;     ///< null: the row was deleted
    qint64 editedMs = 0;    ///< when the administrator changed it
    QString console;
    QString by;
    qint64 dirty = 0;       ///< pushed: the local write count read with it (see ReferenceData::pushed)
};

/** What the server's hotline_put_reference_row answered. */
struct ReferencePutResult
{
    QString outcome;        ///< written | kept (written over a concurrent edit) | lost (another edit kept) | same
    qint64 version = 0;     ///< the row's version on the server now
    QByteArray content;     ///< lost, same: what the server holds (null: deleted)
};

/**
 * Shared reference tables (departments with their contacts, categories, towns, calendar days, settings, users),
 * merged row by row with the shared server (docs/DEPLOYMENT.md "Reference data"). SQLite triggers (migration 14)
 * mark each changed row; the sync pushes marked rows through the server's checking function and applies pulled
 * rows one by one, each checked as `config set` and the importers check it (refused values are reported, never
 * stored). Two things never travel: users' password hashes (a pulled user keeps the local hash, a new one gets
 * none) and secret settings (Settings::isSecret, e.g. the SMS gateway's token, which lives only on the consoles
 * that send messages).
 */
class ReferenceData final
{
    Q_DECLARE_TR_FUNCTIONS(ReferenceData)

public:
    static const QStringList &tables();
    /** The column that keys the table's rows (code, name, date, key); empty for a table that is not shared. */
    static QString keyColumn(const QString &table);
    /** Whether a row stays on this console (secret settings). */
    static bool isLocalOnly(const QString &table, const QString &key);

    /** Rows changed here and not pushed yet, with their content now, editor and edit time (from the admin log). */
    static QList<ReferenceRow> dirtyRows(Database &db, qint64 nowMs, QString *error);
    /**
     * Records the server's answer to a pushed row: the row becomes clean at the answered version (unless written
     * again meanwhile). When the server kept another console's edit (lost), or holds an equal one (same), its
     * content is applied here and, for a lost edit, recorded as an administrative change by `system`, so the log
     * and the table agree on every console. The applied content is checked like a pulled row.
     */
    static bool pushed(Database &db, const ReferenceRow &row, const ReferencePutResult &answer,
                       QStringList *refused, QStringList *changedTables, QString *error);
    /** Marks every row of every shared table dirty (the first console seeds an empty server). */
    static bool markAllDirty(Database &db, QString *error);
    /** Marks every row of one table dirty, or forgets all marks of all tables (taking the server's data). */
    static bool markTableDirty(Database &db, const QString &table, QString *error);
    static bool forgetMarks(Database &db, QString *error);
    /** Deletes the local rows of a table that are not among keys and not marked (joining: the server's data wins). */
    static bool dropRowsNotIn(Database &db, const QString &table, const QStringList &keys, QString *error);

    /**
     * Applies rows pulled from the server in one transaction. A row marked here (changed since the last push) is
     * left alone: its push settles it. Each row is checked (checkRow); a refused one keeps the local row and is
     * appended to refused as "table key: reason" (settings: "key: reason" to refusedSettings). Rows a newer
     * console shares (unknown tables, unknown columns) are skipped, secret settings never taken.
     */
    static bool apply(Database &db, const QList<ReferenceRow> &rows, QStringList *refusedSettings,
                      QStringList *refused, QStringList *changedTables, QString *error);

    /** Empty when a row from the server may be stored, otherwise the translated reason. */
    static QString checkRow(const QString &table, const QString &key, const QJsonObject &row);
};

} // namespace hotline
