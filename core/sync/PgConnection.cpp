#include "sync/PgConnection.h"

#include <QRegularExpression>

#include <libpq-fe.h>

#include <vector>

using namespace Qt::StringLiterals;

namespace hotline {

PgResult::PgResult(pg_result *r)
    : m_result(r)
{
}

PgResult::~PgResult()
{
    if (m_result)
        PQclear(m_result);
}

PgResult::PgResult(PgResult &&other) noexcept
    : m_result(std::exchange(other.m_result, nullptr))
{
}

PgResult &PgResult::operator=(PgResult &&other) noexcept
{
    if (this != &other) {
        if (m_result)
            PQclear(m_result);
        m_result = std::exchange(other.m_result, nullptr);
    }
    return *this;
}

bool PgResult::ok() const
{
    if (!m_result)
        return false;
    const ExecStatusType s = PQresultStatus(m_result);
    return s == PGRES_COMMAND_OK || s == PGRES_TUPLES_OK;
}

QString PgResult::error() const
{
    if (!m_result)
        return QCoreApplication::translate("hotline::PgConnection", "no connection to the server");
    return QString::fromUtf8(PQresultErrorMessage(m_result)).trimmed();
}

QByteArray PgResult::sqlState() const
{
    if (!m_result)
        return {};
    const char *s = PQresultErrorField(m_result, PG_DIAG_SQLSTATE);
    return s ? QByteArray(s) : QByteArray();
}

int PgResult::rows() const
{
    return m_result ? PQntuples(m_result) : 0;
}

bool PgResult::isNull(int row, int column) const
{
    return PQgetisnull(m_result, row, column) != 0;
}

const char *PgResult::raw(int row, int column) const
{
    return PQgetvalue(m_result, row, column);
}

int PgResult::length(int row, int column) const
{
    return PQgetlength(m_result, row, column);
}

QString PgResult::text(int row, int column) const
{
    return QString::fromUtf8(raw(row, column), length(row, column));
}

qint64 PgResult::integer(int row, int column) const
{
    return QByteArray::fromRawData(raw(row, column), length(row, column)).toLongLong();
}

PgConnection::PgConnection() = default;

PgConnection::~PgConnection()
{
    close();
}

QString PgConnection::checkUrl(const QString &url)
{
    if (url.trimmed().isEmpty())
        return tr("no server address given");
    char *err = nullptr;
    PQconninfoOption *options = PQconninfoParse(url.toUtf8().constData(), &err);
    if (!options) {
        const QString why = err ? QString::fromUtf8(err).trimmed() : tr("not a PostgreSQL address");
        PQfreemem(err);
        return why;
    }
    PQconninfoFree(options);
    return {};
}

QString PgConnection::redacted(const QString &url)
{
    QString out = url;
    static const QRegularExpression userinfo(u"(://[^:/@]+):[^@/]*@"_s);
    out.replace(userinfo, u"\\1:***@"_s);
    static const QRegularExpression keyword(u"(password\\s*=\\s*)('[^']*'|\\S+)"_s);
    out.replace(keyword, u"\\1***"_s);
    return out;
}

bool PgConnection::connect(const QString &url, int timeoutSeconds)
{
    close();
    const QString problem = checkUrl(url);
    if (!problem.isEmpty()) {
        m_error = problem;
        return false;
    }
    // connect_timeout and application_name are added as keywords, so they also work with a URL.
    const QByteArray dsn = url.toUtf8();
    const char *keys[] = {"dbname", "connect_timeout", "application_name", nullptr};
    const QByteArray timeout = QByteArray::number(qMax(1, timeoutSeconds));
    const char *values[] = {dsn.constData(), timeout.constData(), "hotline-console", nullptr};
    m_conn = PQconnectdbParams(keys, values, 1);
    if (!m_conn || PQstatus(m_conn) != CONNECTION_OK) {
        m_error = m_conn ? QString::fromUtf8(PQerrorMessage(m_conn)).trimmed() : tr("out of memory");
        close();
        return false;
    }
    PQsetClientEncoding(m_conn, "UTF8");
    m_error.clear();
    return true;
}

void PgConnection::close()
{
    if (m_conn)
        PQfinish(m_conn);
    m_conn = nullptr;
}

bool PgConnection::isOpen() const
{
    return m_conn != nullptr;
}

bool PgConnection::isUp() const
{
    return m_conn && PQstatus(m_conn) == CONNECTION_OK;
}

void PgConnection::remember(const PgResult &r)
{
    if (!r.ok())
        m_error = r.error();
}

PgResult PgConnection::exec(const QByteArray &sql)
{
    if (!m_conn) {
        m_error = tr("not connected to the server");
        return PgResult();
    }
    PgResult r(PQexec(m_conn, sql.constData()));
    remember(r);
    return r;
}

PgResult PgConnection::exec(const QByteArray &sql, const QList<QByteArray> &params)
{
    if (!m_conn) {
        m_error = tr("not connected to the server");
        return PgResult();
    }
    std::vector<const char *> values;
    std::vector<int> lengths;
    values.reserve(size_t(params.size()));
    lengths.reserve(size_t(params.size()));
    for (const QByteArray &p : params) {
        values.push_back(p.isNull() ? nullptr : p.constData());
        lengths.push_back(int(p.size()));
    }
    PgResult r(PQexecParams(m_conn, sql.constData(), int(params.size()), nullptr, values.data(), lengths.data(),
                            nullptr, 0));
    remember(r);
    return r;
}

bool PgConnection::run(const QByteArray &sql, const QList<QByteArray> &params)
{
    return (params.isEmpty() ? exec(sql) : exec(sql, params)).ok();
}

QByteArray PgConnection::encryptPassword(const QByteArray &password, const QByteArray &role)
{
    if (!m_conn) {
        m_error = tr("not connected to the server");
        return {};
    }
    char *hashed = PQencryptPasswordConn(m_conn, password.constData(), role.constData(), nullptr);
    if (!hashed) {
        m_error = QString::fromUtf8(PQerrorMessage(m_conn)).trimmed();
        return {};
    }
    const QByteArray out(hashed);
    PQfreemem(hashed);
    return out;
}

int PgConnection::socket() const
{
    return m_conn ? PQsocket(m_conn) : -1;
}

QList<QByteArray> PgConnection::takeNotifications()
{
    QList<QByteArray> channels;
    if (!m_conn)
        return channels;
    PQconsumeInput(m_conn);
    while (PGnotify *n = PQnotifies(m_conn)) {
        channels << QByteArray(n->relname);
        PQfreemem(n);
    }
    return channels;
}

QByteArray PgConnection::textArray(const QList<QByteArray> &values)
{
    qsizetype size = 2;
    for (const QByteArray &v : values)
        size += v.size() + 3;
    QByteArray out;
    out.reserve(size + size / 16);
    out += '{';
    bool first = true;
    for (const QByteArray &v : values) {
        if (!first)
            out += ',';
        first = false;
        out += '"';
        for (char c : v) {
            if (c == '"' || c == '\\')
                out += '\\';
            out += c;
        }
        out += '"';
    }
    out += '}';
    return out;
}

} // namespace hotline
