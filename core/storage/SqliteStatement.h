#pragma once

#include <QString>

#include <optional>

struct sqlite3;
struct sqlite3_stmt;

namespace hotline {

class Database;

/**
 * A prepared statement on the database's own SQLite connection, used directly through the sqlite3 library on
 * the hot paths (bulk import, the board): QSqlQuery's per-execution result set and per-value QVariant cost more
 * than SQLite itself there. It shares the connection, so it takes part in the same transactions.
 * Rows read must not outlive the next step.
 */
class SqliteStatement final
{
public:
    SqliteStatement(Database &db, const char *sql);
    /** The database's own sqlite3 connection (null if the driver is not QSQLITE). */
    static sqlite3 *connectionOf(Database &db);
    ~SqliteStatement();
    SqliteStatement(const SqliteStatement &) = delete;
    SqliteStatement &operator=(const SqliteStatement &) = delete;

    bool isValid() const { return m_stmt != nullptr; }
    QString error() const { return m_error; }

    // Parameters are 1-based, as in SQLite.
    void bind(int index, qint64 value);
    void bind(int index, const QString &value);
    /** Text already in UTF-8 (JSON payloads, hashes). */
    void bindUtf8(int index, const QByteArray &utf8);
    /** Binds NULL for an empty optional. */
    void bind(int index, const std::optional<qint64> &value);
    /** A real number, NULL for an empty optional. */
    void bind(int index, const std::optional<double> &value);
    void bindNull(int index);

    /** Runs a statement that returns no rows; resets it for the next use. */
    bool exec();
    /** Steps a query: true while there is a row; at the end (or on error) it resets itself. */
    bool next();
    /** Ends a query early. */
    void reset();

    qint64 int64(int column) const;
    QString text(int column) const;
    bool isNull(int column) const;

    /** Rows changed by the last exec(). */
    int changes() const;
    qint64 lastInsertRowId() const;

private:
    sqlite3 *m_db = nullptr;
    sqlite3_stmt *m_stmt = nullptr;
    QString m_error;
};

} // namespace hotline
