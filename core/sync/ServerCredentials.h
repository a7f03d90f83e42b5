#pragma once

#include "auth/RemoteCredentials.h"
#include "sync/PgConnection.h"

#include <QString>

namespace hotline {

class Database;
class UserStore;

/**
 * Sign-in against the shared server's users (server 008): the salt and count of a name's hash, then the check of
 * the key the console derived. Keeps its own connection, opened when first asked (with a short timeout, so an
 * unreachable server delays a sign-in by seconds, not minutes) and reopened after a failure.
 */
class ServerCredentials final : public RemoteCredentials
{
public:
    explicit ServerCredentials(QString url, int timeoutSeconds = 3);

    std::optional<SignInParameters> parameters(const QString &name, QString *error) override;
    RemoteAnswer check(const QString &name, const QString &keyHex, qint64 *version, QString *error) override;

    /** Gives users a ServerCredentials when db joined a server (the console, hotlinectl); true when it did. */
    static bool installFor(UserStore &users, const Database &db);

private:
    /** Runs a query, reconnecting once when the connection had died; failed with error otherwise. */
    PgResult ask(const QByteArray &sql, const QList<QByteArray> &params, QString *error);

    QString m_url;
    int m_timeoutSeconds;
    PgConnection m_pg;
};

} // namespace hotline
