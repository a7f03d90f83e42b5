#pragma once

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QSqlError>
#include <QString>

#include <memory>

namespace hotline {

/**
 * The local SQLite database: opening with checks, WAL, the schema version and forward-only migrations.
 * One instance owns one named connection; use it from the thread that opened it only (open another
 * instance on a worker thread).
 */
class Database final
{
    Q_DECLARE_TR_FUNCTIONS(Database)

public:
    /** The schema version this build writes; a file with a higher one is refused untouched. */
    static int latestSchemaVersion();

    /**
     * Opens (creating if missing) and migrates the database at path. Refuses, without modifying the file,
     * a file that is not an SQLite database and a database written by a newer program. Returns null and
     * sets error on failure.
     */
    static std::unique_ptr<Database> open(const QString &path, QString *error);

    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    QSqlDatabase sql() const { return QSqlDatabase::database(m_connectionName, false); }
    QString path() const { return m_path; }
    int schemaVersion() const;

    QString meta(const QString &key, const QString &fallback = {}) const;
    bool setMeta(const QString &key, const QString &value);

    /** Marks settings, calendar or categories as changed, so every cached SLA clock is rebuilt. */
    bool bumpConfigGeneration();

    /**
     * Runs one statement without results; on failure sets error (may be null) to a clear translated message for
     * the storage failures an operator can act on (full disk, read-only or damaged file), else the driver's text.
     */
    bool exec(const QString &statement, QString *error = nullptr);

    /**
     * The operator's words for an SQLite failure (SQLite's primary result code, e.g. 13 for SQLITE_FULL): what
     * happened, that the change was not saved and what was saved is kept, and what to do. Falls back to
     * driverText for failures without an operator remedy. Callers outside storage use it on QSqlError too.
     */
    static QString describeError(int sqliteCode, const QString &driverText, const QString &path = {});
    static QString describeError(const QSqlError &error, const QString &path = {});

private:
    Database(QString path, QString connectionName);
    bool migrate(QString *error);
    /** After a migration that needs it (see kRefoldAfter): derives the projection again from the events. */
    bool refoldIfNeeded(QString *error);

    QString m_path;
    QString m_connectionName;
    bool m_registered = false; ///< counted among this process's open files (see Database.cpp)
};

/**
 * A write transaction started with BEGIN IMMEDIATE, so a concurrent writer waits (busy timeout) at the
 * start instead of failing with SQLITE_BUSY half-way. Rolls back unless commit() succeeded.
 */
class WriteTransaction final
{
    Q_DISABLE_COPY_MOVE(WriteTransaction)

public:
    explicit WriteTransaction(Database &db);
    ~WriteTransaction();
    bool isActive() const { return m_active; }
    QString error() const { return m_error; }
    bool commit();
    void rollback();

private:
    Database &m_db;
    bool m_active = false;
    QString m_error;
};

} // namespace hotline
