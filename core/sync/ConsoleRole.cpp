#include "sync/ConsoleRole.h"

#include "sync/PgConnection.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace hotline {

namespace {

// Everything a console does on the server (core/sync, resources/server/00*.sql), and nothing more.
// %1 is the quoted role name.
const char *const kGrants[] = {
    "REVOKE ALL ON hotline_schema, hotline_events, hotline_sequence, hotline_consoles, hotline_reference, "
    "hotline_sms_claims FROM %1",
    "REVOKE ALL ON SEQUENCE hotline_reference_version FROM %1",
    "REVOKE ALL ON FUNCTION hotline_push(text[], text[], text[], bigint[], text[], text[], text[], smallint[]) FROM %1",
    // Schema check, pull, the sequence's last number.
    "GRANT SELECT ON hotline_schema, hotline_events, hotline_sequence TO %1",
    // Events go in only through the push function, which runs as the owner and chains them.
    "GRANT EXECUTE ON FUNCTION hotline_push(text[], text[], text[], bigint[], text[], text[], text[], smallint[]) "
    "TO %1",
    // Join.
    "GRANT SELECT, INSERT ON hotline_consoles TO %1",
    // SMS claims (claim, renew, mark sent, release).
    "GRANT SELECT, INSERT, UPDATE ON hotline_sms_claims TO %1",
    // Attachments: bytes go in only through the function that checks their hash; pull reads them.
    "REVOKE ALL ON hotline_attachment_blobs FROM %1",
    "GRANT SELECT ON hotline_attachment_blobs TO %1",
    "GRANT EXECUTE ON FUNCTION hotline_put_blob(text, bytea) TO %1",
    // Reference data: read by row (and the conflicts between rows); written only through the function that checks
    // each row and keeps secrets off the server. The old whole-table documents (password hashes, the SMS token)
    // are not readable at all.
    "REVOKE ALL ON hotline_reference_rows, hotline_reference_conflicts FROM %1",
    "REVOKE ALL ON SEQUENCE hotline_reference_row_version FROM %1",
    "GRANT SELECT ON hotline_reference_rows, hotline_reference_conflicts TO %1",
    "GRANT EXECUTE ON FUNCTION hotline_put_reference_row(text, text, bigint, text, bigint, text, text) TO %1",
    // One login per console (007): join with the login's code, advance its floor, read verify's findings.
    "GRANT EXECUTE ON FUNCTION hotline_join_console(text, text) TO %1",
    "GRANT EXECUTE ON FUNCTION hotline_console_floor(bigint) TO %1",
    "GRANT EXECUTE ON FUNCTION hotline_authority_findings(integer) TO %1",
    // Ticket numbers the server knows under another ticket (clash detection at push and join, server schema 5).
    "GRANT EXECUTE ON FUNCTION hotline_clashing_numbers(text[], text[]) TO %1",
    // The old console codes a login's history carries, named once when it joins with history (server schema 9).
    "GRANT EXECUTE ON FUNCTION hotline_join_history_codes(text[]) TO %1",
    // Password hashes (server 008): never readable; sign-in and password changes only through the functions.
    "REVOKE ALL ON hotline_user_secrets, hotline_sign_in_checks, hotline_secret_pepper FROM %1",
    "GRANT EXECUTE ON FUNCTION hotline_sign_in_parameters(text), hotline_check_password(text, text), "
    "hotline_set_password(text, text, text, text), hotline_seed_passwords(text[], text[]), "
    "hotline_password_changes(bigint) TO %1",
};

} // namespace

QString ConsoleRole::checkName(const QString &name)
{
    static const QRegularExpression valid(u"^[a-z_][a-z0-9_]{0,62}$"_s);
    if (!valid.match(name).hasMatch())
        return tr("the console role name \"%1\" must be lower-case letters, digits or _ (at most 63, not starting "
                  "with a digit)")
            .arg(name);
    if (name.startsWith(u"pg_"_s))
        return tr("role names starting with pg_ are reserved by PostgreSQL");
    return {};
}

bool ConsoleRole::apply(PgConnection &pg, const QString &name, const QByteArray &password, QString *error)
{
    auto fail = [&](const QString &why) {
        *error = why;
        pg.run("ROLLBACK");
        return false;
    };
    const QString bad = checkName(name);
    if (!bad.isEmpty()) {
        *error = bad;
        return false;
    }
    if (password.isEmpty()) {
        *error = tr("the console role needs a password");
        return false;
    }
    const QByteArray role = name.toUtf8();
    if (!pg.run("BEGIN"))
        return fail(pg.lastError());
    const PgResult me = pg.exec("SELECT current_user, pg_get_userbyid(c.relowner), quote_ident($1), "
                                "quote_ident(current_database()), quote_ident(current_schema()) "
                                "FROM pg_class c WHERE c.oid = 'hotline_events'::regclass",
                                {role});
    if (!me.ok() || me.rows() != 1)
        return fail(me.ok() ? tr("the server has no Hotline schema yet") : me.error());
    if (me.text(0, 0) == name || me.text(0, 1) == name)
        return fail(tr("the console role must not be the owner of the Hotline tables (%1)").arg(name));
    const QByteArray quoted = me.text(0, 2).toUtf8();
    const QByteArray database = me.text(0, 3).toUtf8();
    const QByteArray schema = me.text(0, 4).toUtf8();

    // An existing role must not carry powers that would defeat the point (or act as the owner through membership).
    const PgResult existing = pg.exec("SELECT r.rolsuper OR r.rolcreaterole OR r.rolcreatedb OR r.rolreplication OR "
                                      "r.rolbypassrls, pg_has_role(r.oid, c.relowner, 'MEMBER') "
                                      "FROM pg_roles r, pg_class c "
                                      "WHERE r.rolname = $1 AND c.oid = 'hotline_events'::regclass",
                                      {role});
    if (!existing.ok())
        return fail(existing.error());
    const bool exists = existing.rows() == 1;
    if (exists && existing.text(0, 0) == u"t"_s)
        return fail(tr("role %1 is a superuser or may create roles, databases or replicate; a console role must not "
                       "be, choose another name")
                        .arg(name));
    if (exists && existing.text(0, 1) == u"t"_s)
        return fail(tr("role %1 is a member of the owner of the Hotline tables; choose another name").arg(name));

    const QByteArray hashed = pg.encryptPassword(password, role);
    if (hashed.isEmpty())
        return fail(pg.lastError());
    const PgResult literal = pg.exec("SELECT quote_literal($1)", {hashed});
    if (!literal.ok() || literal.rows() != 1)
        return fail(literal.error());
    const QByteArray secret = literal.text(0, 0).toUtf8();
    // A new role gets PostgreSQL's defaults (no superuser, no CREATEROLE...); an existing one was checked above.
    // Naming those attributes would need a superuser even to turn them off.
    const QByteArray create = (exists ? "ALTER ROLE " : "CREATE ROLE ") + quoted + " WITH LOGIN PASSWORD " + secret;
    if (!pg.run(create))
        return fail(tr("cannot create or update role %1: %2").arg(name, pg.lastError()));
    // Usually granted to PUBLIC already; granting again would need the database's or schema's owner.
    const PgResult reach = pg.exec("SELECT has_database_privilege($1, current_database(), 'CONNECT'), "
                                   "has_schema_privilege($1, current_schema(), 'USAGE')",
                                   {role});
    if (!reach.ok() || reach.rows() != 1)
        return fail(reach.error());
    if ((reach.text(0, 0) != u"t"_s && !pg.run("GRANT CONNECT ON DATABASE " + database + " TO " + quoted))
        || (reach.text(0, 1) != u"t"_s && !pg.run("GRANT USAGE ON SCHEMA " + schema + " TO " + quoted)))
        return fail(tr("cannot let role %1 reach the database: %2").arg(name, pg.lastError()));
    for (const char *grant : kGrants) {
        if (!pg.run(QByteArray(grant).replace("%1", quoted)))
            return fail(tr("cannot set the console role's rights: %1").arg(pg.lastError()));
    }
    if (!pg.run("COMMIT"))
        return fail(pg.lastError());
    return true;
}

} // namespace hotline
