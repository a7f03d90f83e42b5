#include "PgTestServer.h"

#include "sync/PgConnection.h"

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QTcpServer>
#include <QVersionNumber>

#include <unistd.h>

using namespace Qt::StringLiterals;

namespace hotline::test {

namespace {

QString findBinDir()
{
    QDir lib(u"/usr/lib/postgresql"_s);
    QVersionNumber best;
    QString bestDir;
    for (const QString &v : lib.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        const QVersionNumber n = QVersionNumber::fromString(v);
        if (QFileInfo::exists(lib.filePath(v + u"/bin/pg_ctl"_s)) && n > best) {
            best = n;
            bestDir = lib.filePath(v + u"/bin"_s);
        }
    }
    if (!bestDir.isEmpty())
        return bestDir;
    const QString onPath = QStandardPaths::findExecutable(u"pg_ctl"_s);
    return onPath.isEmpty() ? QString() : QFileInfo(onPath).absolutePath();
}

int freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

} // namespace

PgTestServer::PgTestServer(bool durable)
    : m_dir(QDir::tempPath() + u"/hotline-pg-XXXXXX"_s),
      m_durable(durable)
{
    m_binDir = findBinDir();
    m_dataDir = m_dir.path() + u"/data"_s;
    m_asPostgresUser = ::geteuid() == 0;
}

PgTestServer::~PgTestServer()
{
    if (m_running)
        stop();
}

QString PgTestServer::binary(const QString &name) const
{
    return m_binDir + u'/' + name;
}

bool PgTestServer::run(const QString &program, const QStringList &args, QString *output, int timeoutMs)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    if (m_asPostgresUser)
        p.start(u"runuser"_s, QStringList{u"-u"_s, u"postgres"_s, u"--"_s, program} + args);
    else
        p.start(program, args);
    if (!p.waitForFinished(timeoutMs)) {
        m_error = program + u": did not finish: "_s + p.errorString();
        p.kill();
        p.waitForFinished();
        return false;
    }
    const QString out = QString::fromLocal8Bit(p.readAll());
    if (output)
        *output = out;
    if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        m_error = program + u" failed: "_s + out;
        return false;
    }
    return true;
}

bool PgTestServer::start()
{
    if (m_running)
        return true;
    if (m_binDir.isEmpty()) {
        m_error = u"PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/pg_ctl): run tools/install-deps.sh"_s;
        return false;
    }
    if (!m_dir.isValid()) {
        m_error = u"cannot create a temporary folder"_s;
        return false;
    }
    if (!m_initialised) {
        if (m_asPostgresUser) {
            // The folder must belong to the server's user; QTemporaryDir made it 0700 for root.
            m_asPostgresUser = false;
            const bool chowned = run(u"chown"_s, {u"postgres:postgres"_s, m_dir.path()});
            m_asPostgresUser = true;
            if (!chowned)
                return false;
        }
        if (!run(binary(u"initdb"_s), {u"-D"_s, m_dataDir, u"-U"_s, u"hotline"_s, u"--auth=trust"_s, u"-E"_s,
                                       u"UTF8"_s, u"--locale=C"_s, u"--no-sync"_s}))
            return false;
        m_initialised = true;
        m_port = freePort();
    }
    QString options = u"-c listen_addresses=127.0.0.1 -c unix_socket_directories="_s + m_dir.path() + u" -p "_s
                      + QString::number(m_port) + u" -c max_connections=200"_s;
    if (!m_durable)
        options += u" -c fsync=off -c full_page_writes=off"_s;
    if (!run(binary(u"pg_ctl"_s), {u"-D"_s, m_dataDir, u"-l"_s, m_dir.path() + u"/server.log"_s, u"-o"_s, options,
                                   u"-w"_s, u"-t"_s, u"60"_s, u"start"_s}))
        return false;
    m_running = true;
    // The database the tests use.
    PgConnection pg;
    const QString admin = u"postgresql://hotline@127.0.0.1:"_s + QString::number(m_port) + u"/postgres"_s;
    if (!pg.connect(admin)) {
        m_error = pg.lastError();
        return false;
    }
    const PgResult exists = pg.exec("SELECT 1 FROM pg_database WHERE datname = 'hotline'");
    if (exists.rows() == 0 && !pg.run("CREATE DATABASE hotline")) {
        m_error = pg.lastError();
        return false;
    }
    return true;
}

bool PgTestServer::stop()
{
    if (!m_running)
        return true;
    const bool ok = run(binary(u"pg_ctl"_s), {u"-D"_s, m_dataDir, u"-m"_s, u"immediate"_s, u"-w"_s, u"stop"_s});
    if (ok)
        m_running = false;
    return ok;
}

QString PgTestServer::url() const
{
    return u"postgresql://hotline@127.0.0.1:"_s + QString::number(m_port) + u"/hotline"_s;
}

QString PgTestServer::urlAs(const QString &user, const QString &database) const
{
    return u"postgresql://"_s + user + u"@127.0.0.1:"_s + QString::number(m_port) + u'/' + database;
}

QString PgTestServer::createDatabase(const QString &name)
{
    PgConnection pg;
    if (!pg.connect(u"postgresql://hotline@127.0.0.1:"_s + QString::number(m_port) + u"/postgres"_s)
        || !pg.run("CREATE DATABASE " + name.toUtf8()))
        return {};
    return u"postgresql://hotline@127.0.0.1:"_s + QString::number(m_port) + u'/' + name;
}

} // namespace hotline::test
