#pragma once

#include <QCoreApplication>
#include <QStringList>

namespace hotline {

class Database;
class PgConnection;

/**
 * Password hashes between a console and the shared server (server 008, local 015), one step of each sync pass:
 * push sends the password changes queued here (SecretOutbox) through the server's checking function, each proved
 * by the key of an administrator or of the user; pull makes this console forget its copy of a hash that changed
 * elsewhere (the next sign-in asks the server). Hashes never come down: the server hands out none.
 */
class SecretSync final
{
    Q_DECLARE_TR_FUNCTIONS(SecretSync)

public:
    SecretSync(PgConnection &pg, Database &db);

    /** At join: what was queued for another server is dropped; a console seeding a new server queues every hash
     *  it holds, so its administrators can sign in at the next consoles. */
    static bool atJoin(Database &db, bool seeding, qint64 nowMs, QString *error);
    /** Whether the server holds any password hash yet (a console seeds it only when not): 1, 0, or -1 on error. */
    static int serverHoldsHashes(PgConnection &pg, QString *error);

    /**
     * Sends what is queued, in order. A change the server refuses is reported in refused ("name: reason"), kept
     * with its reason and not sent again, and this console forgets that person's hash here (the server's stays in
     * force). False on a network or local error (the rest waits for the next pass).
     */
    bool push(QStringList *refused, QString *error);
    /** Forgets hashes that changed on the server since the last pull (not those this console holds the newest of). */
    bool pull(QString *error);

    static QString versionKey() { return QStringLiteral("sync.secrets_version"); }

private:
    bool networkFailure(const QString &why, QString *error);
    /** Marks outbox row id refused and forgets name's hash here, in one transaction. */
    bool refuse(qint64 id, const QString &name, const QString &why, QStringList *refused, QString *error);

    PgConnection &m_pg;
    Database &m_db;
};

} // namespace hotline
