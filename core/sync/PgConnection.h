#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>

#include <memory>

struct pg_conn;
struct pg_result;

namespace hotline {

/** One result of a query: rows of text values (libpq's text format), or an error. */
class PgResult final
{
public:
    PgResult() = default;
    explicit PgResult(pg_result *r);
    ~PgResult();
    PgResult(PgResult &&other) noexcept;
    PgResult &operator=(PgResult &&other) noexcept;
    PgResult(const PgResult &) = delete;
    PgResult &operator=(const PgResult &) = delete;

    bool ok() const;
    QString error() const;
    /** The SQLSTATE code of a failed statement ("23505", "P0001"...), empty on success. */
    QByteArray sqlState() const;
    int rows() const;
    bool isNull(int row, int column) const;
    /** Raw bytes of a value (valid while this result lives). */
    const char *raw(int row, int column) const;
    int length(int row, int column) const;
    QString text(int row, int column) const;
    qint64 integer(int row, int column) const;

private:
    pg_result *m_result = nullptr;
};

/**
 * A libpq connection, used by one thread. The URL is handed to libpq unchanged, so everything libpq
 * understands works: `postgresql://user:pass@a:5432,b:5432/db?target_session_attrs=read-write&sslmode=require`
 * or the keyword form `host=a,b dbname=hotline ...`.
 */
class PgConnection final
{
    Q_DECLARE_TR_FUNCTIONS(PgConnection)

public:
    PgConnection();
    ~PgConnection();
    PgConnection(const PgConnection &) = delete;
    PgConnection &operator=(const PgConnection &) = delete;

    /** Checks a URL's syntax without connecting; empty when fine, otherwise libpq's reason. */
    static QString checkUrl(const QString &url);
    /** The URL with any password replaced by "***", for logs and the status bar. */
    static QString redacted(const QString &url);

    bool connect(const QString &url, int timeoutSeconds = 5);
    void close();
    bool isOpen() const;
    /** Whether libpq still believes the connection is up (it only learns otherwise when a call fails). */
    bool isUp() const;
    QString lastError() const { return m_error; }

    /** A statement without parameters (several separated by ';' are allowed). */
    PgResult exec(const QByteArray &sql);
    /** A statement with $1.. text parameters; a null QByteArray is SQL NULL. */
    PgResult exec(const QByteArray &sql, const QList<QByteArray> &params);
    /** Runs and reports success, recording the error. */
    bool run(const QByteArray &sql, const QList<QByteArray> &params = {});

    /**
     * A password hashed here the way the server expects it (SCRAM-SHA-256 by default), so the clear text never
     * travels in a statement or reaches the server's log. Empty on failure.
     */
    QByteArray encryptPassword(const QByteArray &password, const QByteArray &role);

    /** The socket to watch for notifications, or -1. */
    int socket() const;
    /** Reads what arrived on the socket and returns the channels notified since the last call. */
    QList<QByteArray> takeNotifications();

    /** A PostgreSQL array literal of text values ('{"a","b"}') for one $n parameter. */
    static QByteArray textArray(const QList<QByteArray> &values);

private:
    void remember(const PgResult &r);

    pg_conn *m_conn = nullptr;
    QString m_error;
};

} // namespace hotline
