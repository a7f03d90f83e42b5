#pragma once

#include <QString>

namespace hotline {

class Database;

/**
 * The local half of password sync (resources/sql/015_user_secrets.sql): password changes made on a console that
 * joined a shared server wait here for the next sync pass, which sends them through the server's checking
 * function (core/sync/SecretSync); and the version of each hash this console holds, so a change made elsewhere
 * makes it forget the old one. A standalone console queues nothing: joining a new server sends all its hashes.
 */
class SecretOutbox final
{
public:
    /** The meta key of the server this database joined (SyncEngine::joinedKey(); core/auth cannot see core/sync). */
    static QString joinedKey() { return QStringLiteral("sync.joined_url"); }
    /** Whether the database joined a shared server, so that its password changes must reach it. */
    static bool isJoined(const Database &db);

    /** Queues name's new hash, proved by byName's key as held here (run it in the change's transaction). */
    static bool queue(Database &db, const QString &name, const QString &hash, const QString &byName,
                      const QString &byKey, qint64 nowMs, QString *error);
    /** The key part of name's hash on this console; empty when there is none. */
    static QString localKey(Database &db, const QString &name);

    /** The server's version of name's hash as held here (0: unknown). */
    static qint64 version(Database &db, const QString &name);
    static bool setVersion(Database &db, const QString &name, qint64 version, QString *error);
};

} // namespace hotline
