#pragma once

#include <QString>
#include <QTemporaryDir>

#include <memory>

namespace hotline::test {

/**
 * A private PostgreSQL server for one test: initdb into a temporary folder, listening on a free loopback port
 * (and a socket in that folder), trust authentication, removed when the object dies. Run as root (CI), the
 * server runs as the `postgres` system user that Debian's postgresql package creates, because PostgreSQL
 * refuses to run as root. Uses the newest /usr/lib/postgresql/N/bin, or pg_ctl on PATH.
 */
class PgTestServer final
{
public:
    /** fsync=off makes tests fast; benchmarks keep it on to measure what a centre would see. */
    explicit PgTestServer(bool durable = false);
    ~PgTestServer();
    PgTestServer(const PgTestServer &) = delete;
    PgTestServer &operator=(const PgTestServer &) = delete;

    /** initdb (first time) and start; false with error() on failure. */
    bool start();
    /** Immediate shutdown (like a crash or a pulled cable: connections are cut). */
    bool stop();
    bool isRunning() const { return m_running; }
    QString error() const { return m_error; }
    int port() const { return m_port; }
    /** postgresql://hotline@127.0.0.1:PORT/hotline */
    QString url() const;
    /** postgresql://USER@127.0.0.1:PORT/DATABASE: the same server as another role (trust: no password asked). */
    QString urlAs(const QString &user, const QString &database = QStringLiteral("hotline")) const;
    /** A fresh database on this server (for tests that need several). */
    QString createDatabase(const QString &name);

private:
    bool run(const QString &program, const QStringList &args, QString *output = nullptr, int timeoutMs = 120000);
    QString binary(const QString &name) const;

    QTemporaryDir m_dir;
    QString m_binDir;
    QString m_dataDir;
    int m_port = 0;
    bool m_durable = false;
    bool m_initialised = false;
    bool m_running = false;
    bool m_asPostgresUser = false;
    QString m_error;
};

} // namespace hotline::test
