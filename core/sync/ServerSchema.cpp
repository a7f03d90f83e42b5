#include "sync/ServerSchema.h"

#include "sync/PgConnection.h"

#include <QFile>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace hotline {

namespace {

const QStringList &migrationFiles()
{
    static const QStringList files{u":/server/001_events.sql"_s, u":/server/002_sms_claims.sql"_s,
                                   u":/server/003_event_chain.sql"_s, u":/server/004_attachments.sql"_s,
                                   u":/server/005_ticket_numbers.sql"_s, u":/server/006_reference_rows.sql"_s,
                                   u":/server/007_console_logins.sql"_s, u":/server/008_user_secrets.sql"_s,
                                   u":/server/009_history_codes.sql"_s};
    return files;
}

// Any fixed number: serialises concurrent `server init` runs.
constexpr const char *kLockSql = "SELECT pg_advisory_xact_lock(7312345)";

} // namespace

int ServerSchema::latestVersion()
{
    return int(migrationFiles().size());
}

int ServerSchema::version(PgConnection &pg, QString *error)
{
    PgResult exists = pg.exec("SELECT to_regclass('hotline_schema') IS NOT NULL");
    if (!exists.ok()) {
        *error = exists.error();
        return -1;
    }
    if (exists.text(0, 0) != u"t"_s)
        return 0;
    PgResult r = pg.exec("SELECT coalesce(max(version), 0) FROM hotline_schema");
    if (!r.ok()) {
        *error = r.error();
        return -1;
    }
    return int(r.integer(0, 0));
}

bool ServerSchema::migrate(PgConnection &pg, QString *error, int *fromVersion)
{
    if (!pg.run("BEGIN") || !pg.run(kLockSql)
        || !pg.run("CREATE TABLE IF NOT EXISTS hotline_schema (version integer PRIMARY KEY, "
                   "applied_at timestamptz NOT NULL DEFAULT now())")) {
        *error = pg.lastError();
        pg.run("ROLLBACK");
        return false;
    }
    const int current = version(pg, error);
    if (fromVersion)
        *fromVersion = current;
    if (current < 0) {
        pg.run("ROLLBACK");
        return false;
    }
    if (current > latestVersion()) {
        *error = tr("the server's schema (version %1) is newer than this program knows (%2); update the program")
                     .arg(current)
                     .arg(latestVersion());
        pg.run("ROLLBACK");
        return false;
    }
    for (int v = current + 1; v <= latestVersion(); ++v) {
        QFile file(migrationFiles().at(v - 1));
        if (!file.open(QIODevice::ReadOnly)) {
            *error = tr("server migration %1 is missing from this build").arg(v);
            pg.run("ROLLBACK");
            return false;
        }
        if (!pg.run(file.readAll())
            || !pg.run("INSERT INTO hotline_schema(version) VALUES ($1)", {QByteArray::number(v)})) {
            *error = tr("server migration %1 failed: %2").arg(v).arg(pg.lastError());
            pg.run("ROLLBACK");
            return false;
        }
    }
    if (!pg.run("COMMIT")) {
        *error = pg.lastError();
        return false;
    }
    return true;
}

bool ServerSchema::check(PgConnection &pg, QString *error)
{
    const int v = version(pg, error);
    if (v < 0)
        return false;
    if (v == 0) {
        *error = tr("the server has no Hotline schema yet; run `hotlinectl server init --url URL` first");
        return false;
    }
    if (v > latestVersion()) {
        *error = tr("the server's schema (version %1) is newer than this program knows (%2); update the program")
                     .arg(v)
                     .arg(latestVersion());
        return false;
    }
    if (v < latestVersion()) {
        *error = tr("the server's schema (version %1) is older than this program needs (%2); run "
                    "`hotlinectl server init --url URL` to migrate it")
                     .arg(v)
                     .arg(latestVersion());
        return false;
    }
    return true;
}

} // namespace hotline
