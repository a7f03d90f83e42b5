#pragma once

#include <QCoreApplication>
#include <QString>

namespace hotline {

class PgConnection;

/**
 * The shared server's schema: versioned, forward-only migrations (resources/server/NNN_*.sql), each applied
 * in one transaction under an advisory lock so that two consoles initialising at once do not race.
 */
class ServerSchema final
{
    Q_DECLARE_TR_FUNCTIONS(ServerSchema)

public:
    static int latestVersion();
    /** The server's schema version, 0 for an empty database, -1 on error. */
    static int version(PgConnection &pg, QString *error);
    /** Creates or migrates the schema; refuses a server written by a newer program. */
    static bool migrate(PgConnection &pg, QString *error, int *fromVersion = nullptr);
    /** Fails with a clear message unless the server is initialised and not newer than this program. */
    static bool check(PgConnection &pg, QString *error);
};

} // namespace hotline
