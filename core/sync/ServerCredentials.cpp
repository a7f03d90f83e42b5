#include "sync/ServerCredentials.h"

#include "auth/UserStore.h"
#include "storage/Database.h"
#include "sync/SyncEngine.h"

using namespace Qt::StringLiterals;

namespace hotline {

ServerCredentials::ServerCredentials(QString url, int timeoutSeconds)
    : m_url(std::move(url)),
      m_timeoutSeconds(timeoutSeconds)
{
}

bool ServerCredentials::installFor(UserStore &users, const Database &db)
{
    const QString url = db.meta(SyncEngine::urlKey());
    if (db.meta(SyncEngine::joinedKey()).isEmpty() || url.isEmpty())
        return false;
    users.setRemoteCredentials(std::make_unique<ServerCredentials>(url));
    return true;
}

PgResult ServerCredentials::ask(const QByteArray &sql, const QList<QByteArray> &params, QString *error)
{
    for (int attempt = 0; attempt < 2; ++attempt) {
        if (!m_pg.isUp()) {
            m_pg.close();
            if (!m_pg.connect(m_url, m_timeoutSeconds)) {
                *error = m_pg.lastError();
                return {};
            }
        }
        PgResult r = m_pg.exec(sql, params);
        if (r.ok() || m_pg.isUp()) { // a refusal by the server is an answer: not asked again
            if (!r.ok())
                *error = r.error();
            return r;
        }
        *error = m_pg.lastError(); // the connection died (a restarted server): once more on a new one
    }
    return {};
}

std::optional<SignInParameters> ServerCredentials::parameters(const QString &name, QString *error)
{
    const PgResult r = ask("SELECT iterations, salt FROM hotline_sign_in_parameters($1)", {name.toUtf8()}, error);
    if (!r.ok() || r.rows() != 1)
        return std::nullopt;
    return SignInParameters{int(r.integer(0, 0)), r.text(0, 1)};
}

RemoteAnswer ServerCredentials::check(const QString &name, const QString &keyHex, qint64 *version, QString *error)
{
    const PgResult r = ask("SELECT accepted, locked, version FROM hotline_check_password($1, $2)",
                           {name.toUtf8(), keyHex.toLatin1()}, error);
    if (!r.ok() || r.rows() != 1)
        return RemoteAnswer::Unreachable;
    if (r.text(0, 1) == u"t"_s)
        return RemoteAnswer::Locked;
    if (r.text(0, 0) != u"t"_s)
        return RemoteAnswer::Refused;
    *version = r.integer(0, 2);
    return RemoteAnswer::Accepted;
}

} // namespace hotline
