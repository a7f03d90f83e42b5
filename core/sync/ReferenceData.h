#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QStringList>

namespace hotline {

class Database;

/**
 * Shared reference tables (departments, categories, towns, calendar, settings, users) as whole-table JSON
 * documents. A local change marks its table (SQLite triggers, migration 5); the sync pushes marked tables and
 * replaces local tables with newer documents from the server. Last writer wins per table: these change
 * rarely and only by administrators.
 */
class ReferenceData final
{
    Q_DECLARE_TR_FUNCTIONS(ReferenceData)

public:
    static const QStringList &tables();
    static QStringList dirty(Database &db);
    static bool markAllDirty(Database &db, QString *error);
    static bool clearDirty(Database &db, QString *error);
    /** The table as a JSON array of row objects, and its mark cleared, in one transaction. */
    static QByteArray take(Database &db, const QString &table, QString *error);
    /**
     * Replaces the table with a document (only columns this version knows), clearing the mark. Settings are
     * validated as `config set` does: a refused value is not stored (the local one stays) and is appended to
     * refused as "key: reason" (and logged).
     */
    static bool replace(Database &db, const QString &table, const QByteArray &content, QString *error,
                        QStringList *refused = nullptr);
};

} // namespace hotline
