#include "sync/ConsoleLogins.h"

#include "sync/ConsoleRole.h"
#include "sync/PgConnection.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace hotline {

namespace {

// The lock SyncServer::join and hotline_join_console take: codes are handed out one at a time.
constexpr const char *kCodeLockSql = "SELECT pg_advisory_xact_lock(7312346)";

bool validCode(const QString &code)
{
    static const QRegularExpression twoDigits(u"^[0-9]{2}$"_s);
    return twoDigits.match(code).hasMatch() && code != u"00"_s;
}

} // namespace

QString ConsoleLogins::add(PgConnection &pg, const QString &name, const QByteArray &password, const QString &code,
                           QString *error)
{
    if (!code.isEmpty() && !validCode(code)) {
        *error = tr("a console code is two digits from 01 to 99, not \"%1\"").arg(code);
        return {};
    }
    // A code bound to another login refuses before any role is made.
    if (!code.isEmpty()) {
        const PgResult taken = pg.exec("SELECT login FROM hotline_console_logins WHERE code = $1 AND login <> $2 "
                                       "AND removed_at IS NULL",
                                       {code.toUtf8(), name.toUtf8()});
        if (!taken.ok()) {
            *error = taken.error();
            return {};
        }
        if (taken.rows() > 0) {
            *error = tr("console code %1 belongs to the console login %2; remove that one first")
                         .arg(code, taken.text(0, 0));
            return {};
        }
    }
    // The role and its rights first (its own transaction): a role without a binding below can read but not push.
    if (!ConsoleRole::apply(pg, name, password, error))
        return {};
    auto fail = [&](const QString &why) {
        *error = why;
        pg.run("ROLLBACK");
        return QString();
    };
    if (!pg.run("BEGIN") || !pg.run(kCodeLockSql))
        return fail(pg.lastError());
    const QByteArray login = name.toUtf8();
    const PgResult mine = pg.exec("SELECT code FROM hotline_console_logins WHERE login = $1 AND removed_at IS NULL",
                                  {login});
    if (!mine.ok())
        return fail(mine.error());
    if (mine.rows() == 1) {
        const QString has = mine.text(0, 0);
        if (!code.isEmpty() && code != has)
            return fail(tr("console login %1 already has console code %2; remove it first to bind it to another")
                            .arg(name, has));
        if (!pg.run("COMMIT"))
            return fail(pg.lastError());
        return has;
    }
    QString chosen = code;
    if (!chosen.isEmpty()) {
        const PgResult taken = pg.exec("SELECT login FROM hotline_console_logins WHERE code = $1 AND removed_at IS NULL",
                                       {chosen.toUtf8()});
        if (!taken.ok())
            return fail(taken.error());
        if (taken.rows() > 0)
            return fail(tr("console code %1 belongs to the console login %2; remove that one first")
                            .arg(chosen, taken.text(0, 0)));
    } else {
        // The lowest code no console has ever had: an old code still names its tickets.
        const PgResult free = pg.exec(
            "SELECT to_char(n, 'FM00') FROM generate_series(1, 99) n "
            "WHERE NOT EXISTS (SELECT 1 FROM hotline_consoles c WHERE c.code = to_char(n, 'FM00')) "
            "AND NOT EXISTS (SELECT 1 FROM hotline_console_logins l WHERE l.code = to_char(n, 'FM00')) "
            "ORDER BY n LIMIT 1");
        if (!free.ok())
            return fail(free.error());
        if (free.rows() == 0)
            return fail(tr("the server has no free console code left (99 consoles)"));
        chosen = free.text(0, 0);
    }
    // A code no installation holds yet is reserved for the login's first join (hotline_join_console).
    if (!pg.run("INSERT INTO hotline_consoles(code, install_id, name) VALUES ($1, 'reserved:' || $2, $2) "
                "ON CONFLICT (code) DO NOTHING",
                {chosen.toUtf8(), login})
        || !pg.run("INSERT INTO hotline_console_logins(login, code) VALUES ($1, $2) ON CONFLICT (login) DO UPDATE "
                   "SET code = excluded.code, added_at = now(), removed_at = NULL, floor_ms = NULL, "
                   "import_marked = false",
                   {login, chosen.toUtf8()})
        || !pg.run("COMMIT"))
        return fail(tr("cannot bind console login %1 to code %2: %3").arg(name, chosen, pg.lastError()));
    return chosen;
}

QString ConsoleLogins::remove(PgConnection &pg, const QString &name, QString *error)
{
    const QString bad = ConsoleRole::checkName(name);
    if (!bad.isEmpty()) {
        *error = bad;
        return {};
    }
    auto fail = [&](const QString &why) {
        *error = why;
        pg.run("ROLLBACK");
        return QString();
    };
    if (!pg.run("BEGIN") || !pg.run(kCodeLockSql))
        return fail(pg.lastError());
    const PgResult gone = pg.exec("UPDATE hotline_console_logins SET removed_at = now() "
                                  "WHERE login = $1 AND removed_at IS NULL RETURNING code, quote_ident(login), "
                                  "quote_ident(current_schema())",
                                  {name.toUtf8()});
    if (!gone.ok())
        return fail(gone.error());
    if (gone.rows() != 1)
        return fail(tr("there is no console login %1 on this server").arg(name));
    const QString code = gone.text(0, 0);
    const QByteArray quoted = gone.text(0, 1).toUtf8();
    const QByteArray schema = gone.text(0, 2).toUtf8();
    // Every right this owner gave, whatever the parts of ConsoleRole's list grant today.
    for (const QByteArray &sql : QList<QByteArray>{"ALTER ROLE " + quoted + " NOLOGIN",
                                  "REVOKE ALL ON ALL TABLES IN SCHEMA " + schema + " FROM " + quoted,
                                  "REVOKE ALL ON ALL SEQUENCES IN SCHEMA " + schema + " FROM " + quoted,
                                  "REVOKE ALL ON ALL FUNCTIONS IN SCHEMA " + schema + " FROM " + quoted}) {
        if (!pg.run(sql))
            return fail(tr("cannot end console login %1: %2").arg(name, pg.lastError()));
    }
    if (!pg.run("COMMIT"))
        return fail(pg.lastError());
    // Sessions still open lose their rights at once (the push also asks hotline_login_console() each time); ending
    // them needs pg_signal_backend or a superuser, which an owner may not have: best effort.
    pg.exec("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = $1", {name.toUtf8()});
    return code;
}

bool ConsoleLogins::list(PgConnection &pg, QList<ConsoleEntry> *out, QString *error)
{
    const PgResult r = pg.exec("SELECT c.code, coalesce(l.login, ''), "
                               "CASE WHEN c.install_id LIKE 'reserved:%' THEN '' ELSE c.name END, "
                               "l.removed_at IS NOT NULL, coalesce(l.floor_ms, 0) "
                               "FROM hotline_consoles c LEFT JOIN hotline_console_logins l ON l.code = c.code "
                               "ORDER BY c.code, l.removed_at IS NOT NULL, l.added_at");
    if (!r.ok()) {
        *error = r.error();
        return false;
    }
    for (int i = 0; i < r.rows(); ++i)
        out->append({r.text(i, 0), r.text(i, 1), r.text(i, 2), r.text(i, 3) == u"t"_s, r.integer(i, 4)});
    return true;
}

bool ConsoleLogins::settings(PgConnection &pg, QList<QPair<QString, QString>> *out, QString *error)
{
    const PgResult r = pg.exec("SELECT key, value FROM hotline_server_settings ORDER BY key");
    if (!r.ok()) {
        *error = r.error();
        return false;
    }
    for (int i = 0; i < r.rows(); ++i)
        out->append({r.text(i, 0), r.text(i, 1)});
    return true;
}

bool ConsoleLogins::setSetting(PgConnection &pg, const QString &key, const QString &value, QString *error)
{
    if (key != u"max_skew_seconds"_s) {
        *error = tr("unknown server setting \"%1\" (known: max_skew_seconds)").arg(key);
        return false;
    }
    bool ok = false;
    const qint64 seconds = value.toLongLong(&ok);
    if (!ok || seconds < 1 || seconds > 604800) {
        *error = tr("max_skew_seconds is a whole number of seconds from 1 to 604800, not \"%1\"").arg(value);
        return false;
    }
    if (!pg.run("INSERT INTO hotline_server_settings(key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE "
                "SET value = excluded.value, updated_at = now()",
                {key.toUtf8(), QByteArray::number(seconds)})) {
        *error = pg.lastError();
        return false;
    }
    return true;
}

} // namespace hotline
