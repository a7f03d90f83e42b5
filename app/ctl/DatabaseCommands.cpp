// hotlinectl init, verify, rebuild and config: the database as a whole.
#include "CtlContext.h"

#include "io/StrictUtf8.h"
#include "service/DemoData.h"
#include "service/Training.h"
#include "service/Workspace.h"
#include "sla/SlaClock.h"
#include "calendar/WorkCalendar.h"
#include "storage/ChainVerifier.h"
#include "storage/Database.h"
#include "storage/EventStore.h"
#include "storage/LogStamp.h"
#include "storage/NumberClashes.h"
#include "storage/ProjectionVerifier.h"
#include "storage/Settings.h"
#include "sync/PgConnection.h"
#include "sync/ServerChainVerifier.h"

#include <QFile>
#include <QSqlQuery>

#include <cstdio>
#include <optional>

using namespace Qt::StringLiterals;

namespace hotline::ctl {

int cmdInit(CtlContext &ctx)
{
    if (!ctx.args.words.isEmpty())
        return ctx.fail(CtlContext::tr("init takes no arguments (did you mean --demo or --training?)."), Usage);
    if (ctx.args.has(u"--training"_s) && ctx.args.has(u"--demo"_s))
        return ctx.fail(CtlContext::tr("Give either --demo or --training: a training database starts without tickets."),
                        Usage);
    Workspace *ws = ctx.workspace();
    if (!ws)
        return Failed;
    ctx.print(CtlContext::tr("Database %1 is ready (schema %2).").arg(ws->database().path()).arg(ws->database().schemaVersion()));
    if (ctx.args.has(u"--training"_s)) {
        if (Training::isTraining(ws->database())) {
            ctx.print(CtlContext::tr("It is a training database; its training users keep their password."));
            return Ok;
        }
        QString error;
        QString password;
        QStringList users;
        if (!Training::create(*ws, &password, &users, &error))
            return ctx.fail(error);
        ctx.print(CtlContext::tr("Training database: %n training user(s), one per role and department:", nullptr,
                                 int(users.size())));
        ctx.print(u"  "_s + users.join(u' '));
        // Printed this once and stored nowhere but as hashes; the users can be given new ones with
        // users reset-password.
        ctx.print(CtlContext::tr("Their password (shown only now): %1").arg(password));
        ctx.privateOutput = true;
    }
    if (ctx.args.has(u"--demo"_s)) {
        QString error;
        DemoSummary summary;
        if (!DemoData::populate(*ws, &summary, &error))
            return ctx.fail(CtlContext::tr("Could not add the demo data: %1").arg(error));
        ctx.print(CtlContext::tr("Demo data: %1 departments, %2 tickets (%3 on the board: %4 green, %5 yellow, %6 red).")
                      .arg(summary.departments)
                      .arg(summary.tickets)
                      .arg(summary.green + summary.yellow + summary.red)
                      .arg(summary.green)
                      .arg(summary.yellow)
                      .arg(summary.red));
    }
    return Ok;
}

namespace {

/** The outcome of a chain check: "ok" on stdout, or "CODE: what was found" on stderr with exit code 1. */
int reportChain(CtlContext &ctx, const ChainFinding &f, const QString &position, const QString &what)
{
    if (!f.error.isEmpty())
        return ctx.fail(CtlContext::tr("Cannot read %1: %2").arg(what, f.error));
    if (f.problem != ChainProblem::None) {
        // The code word stays untranslated so scripts can match it.
        return ctx.fail(ChainFinding::code(f.problem) + u": "_s + f.describe(position) + u". "_s
                        + CtlContext::tr("%1 events before it are intact.").arg(f.checked));
    }
    ctx.print(CtlContext::tr("OK: %1 events, hash chain intact.").arg(f.checked));
    return Ok;
}

/** The projection check: "OK: …" and the log stamp on stdout, or "projection: the first difference" on stderr. */
int reportProjection(CtlContext &ctx, const ProjectionFinding &f)
{
    if (!f.error.isEmpty())
        return ctx.fail(CtlContext::tr("Cannot compare the projection with the event log: %1").arg(f.error));
    if (f.first) {
        // The code word stays untranslated so scripts can match it.
        ctx.fail(u"projection: "_s + f.first->describe() + u". "_s
                 + CtlContext::tr("%1 of %2 tickets (or rows) differ from what the events give; hotlinectl rebuild "
                                  "derives the projection again from the events.")
                       .arg(f.differing)
                       .arg(f.tickets));
        // stdout is not written when a command fails: the stamp goes with the finding.
        return ctx.fail(f.log.text());
    }
    ctx.print(CtlContext::tr("OK: the projection of %1 tickets (%2 dispatch and callback rows) is what the events give.")
                  .arg(f.tickets)
                  .arg(f.rows));
    ctx.print(f.log.text());
    return Ok;
}

/**
 * Numbers two consoles gave alike (issue 16): not damage to the record, so verify still succeeds, but listed for a
 * dispatcher to resolve with a renumbering.
 */
void reportNumberClashes(CtlContext &ctx, Workspace &ws)
{
    NumberClashes clashes(ws.database());
    const qint64 count = clashes.count();
    if (count == 0)
        return;
    ctx.print(CtlContext::tr("number clashes: %1 ticket number(s) name more than one ticket (two consoles gave them "
                             "alike); a dispatcher renumbers one of each: hotlinectl ticket renumber NUMBER --id "
                             "PREFIX --as USER")
                  .arg(count));
    ctx.print(NumberClashes::describe(clashes.list(), ws.sla().calendar().timeZone()));
}

int verifyServer(CtlContext &ctx)
{
    const QString url = ctx.args.value(u"--server"_s);
    const QString bad = PgConnection::checkUrl(url);
    if (!bad.isEmpty())
        return ctx.fail(CtlContext::tr("verify --server needs postgresql://USER:PASSWORD@HOST:PORT/DATABASE (%1)").arg(bad),
                        Usage);
    // The replica's copy is compared only when a database is named: the default one may not belong to this server.
    Workspace *ws = nullptr;
    if (ctx.args.has(u"--db"_s)) {
        ws = ctx.workspace();
        if (!ws)
            return Failed;
    }
    PgConnection pg;
    if (!pg.connect(url))
        return ctx.fail(CtlContext::tr("cannot reach the server %1: %2").arg(PgConnection::redacted(url), pg.lastError()));
    qint64 compared = 0;
    const ChainFinding f = ServerChainVerifier::verify(pg, ws ? &ws->database() : nullptr, &compared);
    const int code = reportChain(ctx, f, u"server_seq"_s, CtlContext::tr("the server's event log"));
    if (code == Ok && ws)
        ctx.print(CtlContext::tr("%1 events match the copies this console pulled.").arg(compared));
    if (code != Ok)
        return code;
    // The chain holds; the server's own rules (schema 7) about who pushed what and when.
    QList<AuthorityFinding> findings;
    qint64 total = 0;
    QString error;
    const PgResult allowed = pg.exec("SELECT has_function_privilege('hotline_authority_findings(integer)', 'EXECUTE')");
    if (allowed.ok() && allowed.text(0, 0) != u"t"_s) {
        ctx.print(CtlContext::tr("Console codes and receive times not checked: this login may not read them (use the "
                                 "owner or a console login)."));
        return Ok;
    }
    if (!ServerChainVerifier::authorityFindings(pg, 20, &findings, &total, &error))
        return ctx.fail(CtlContext::tr("Cannot read %1: %2").arg(CtlContext::tr("the server's event log"), error));
    if (total == 0) {
        ctx.print(CtlContext::tr("OK: every event's console code is its login's and its time is within the skew of "
                                 "when the server received it."));
        return Ok;
    }
    // The code word stays untranslated so scripts can match it.
    for (const AuthorityFinding &finding : std::as_const(findings))
        ctx.fail(u"authority: "_s + finding.describe() + u"."_s);
    return ctx.fail(CtlContext::tr("%1 events break the server's rules on console codes and times (the first %2 are "
                                   "listed); see docs/TAMPER-EVIDENCE.md.")
                        .arg(total)
                        .arg(findings.size()));
}

} // namespace

int cmdVerify(CtlContext &ctx)
{
    if (!ctx.args.words.isEmpty())
        return ctx.fail(CtlContext::tr("verify takes no arguments (did you mean --server URL?)."), Usage);
    if (ctx.args.has(u"--server"_s))
        return verifyServer(ctx);
    Workspace *ws = ctx.workspace();
    if (!ws)
        return Failed;
    const ChainFinding chain = ChainVerifier::verify(ws->database());
    if (!chain.ok()) {
        // Folding a log that is itself wrong proves nothing; the stamp still says which log this is (on stderr
        // with the finding: stdout is not written when a command fails).
        const int code = reportChain(ctx, chain, u"seq"_s, CtlContext::tr("the event log"));
        if (const std::optional<LogStamp> stamp = LogStamp::read(ws->database()))
            ctx.fail(stamp->text());
        return code;
    }
    reportChain(ctx, chain, u"seq"_s, CtlContext::tr("the event log"));
    const int code = reportProjection(ctx, ProjectionVerifier::verify(ws->database()));
    if (code == Ok)
        reportNumberClashes(ctx, *ws);
    return code;
}

int cmdRebuild(CtlContext &ctx)
{
    Workspace *ws = ctx.workspace();
    if (!ws)
        return Failed;
    QString error;
    if (!ws->events().rebuildProjection(&error))
        return ctx.fail(CtlContext::tr("Rebuild failed, nothing changed: %1").arg(error));
    QSqlQuery q(ws->database().sql());
    const int count = q.exec(u"SELECT count(*) FROM tickets"_s) && q.next() ? q.value(0).toInt() : 0;
    ctx.print(CtlContext::tr("Rebuilt the projection of %1 tickets from the event log.").arg(count));
    return Ok;
}

namespace {

/** A value from --from-file PATH or --stdin: a secret then appears in no process list or shell history. */
std::optional<QString> valueFromInput(CtlContext &ctx, QString *error)
{
    constexpr qint64 kMaxBytes = 64 * 1024;
    QFile file;
    const bool fromStdin = ctx.args.has(u"--stdin"_s);
    const QString path = ctx.args.value(u"--from-file"_s);
    if (!fromStdin)
        file.setFileName(path);
    if (fromStdin ? !file.open(stdin, QIODevice::ReadOnly) : !file.open(QIODevice::ReadOnly)) {
        *error = CtlContext::tr("Cannot read %1: %2").arg(fromStdin ? u"stdin"_s : path, file.errorString());
        return std::nullopt;
    }
    const QByteArray bytes = file.read(kMaxBytes + 1);
    if (bytes.size() > kMaxBytes) {
        *error = CtlContext::tr("%1 is longer than %2 bytes; a setting is a single value.")
                     .arg(fromStdin ? u"stdin"_s : path)
                     .arg(kMaxBytes);
        return std::nullopt;
    }
    QString text(bytes.size(), Qt::Uninitialized);
    const qsizetype units = decodeStrictUtf8(bytes.constData(), bytes.size(), reinterpret_cast<char16_t *>(text.data()));
    if (units < 0) {
        *error = CtlContext::tr("%1 is not UTF-8 text.").arg(fromStdin ? u"stdin"_s : path);
        return std::nullopt;
    }
    text.truncate(units);
    // One final line break (echo, editors) is not part of the value; anything else is validated as it is.
    if (text.endsWith(u'\n'))
        text.chop(text.endsWith(u"\r\n"_s) ? 2 : 1);
    // An empty input is a failed `pass show` or a wrong file far more often than a wish to clear the token.
    if (text.isEmpty()) {
        *error = CtlContext::tr("%1 is empty; nothing was changed. To clear the setting, give an empty value: "
                                "hotlinectl config set KEY \"\"")
                     .arg(fromStdin ? u"stdin"_s : path);
        return std::nullopt;
    }
    return text;
}

} // namespace

int cmdConfig(CtlContext &ctx)
{
    const QStringList &w = ctx.args.words;
    const QString verb = w.value(0);
    const bool fromInput = ctx.args.has(u"--from-file"_s) || ctx.args.has(u"--stdin"_s);
    if (fromInput && (verb != u"set"_s || w.size() != 2 || (ctx.args.has(u"--from-file"_s) && ctx.args.has(u"--stdin"_s))))
        return ctx.fail(CtlContext::tr("Usage: hotlinectl config set KEY --from-file PATH | config set KEY --stdin"),
                        Usage);
    if (verb == u"list"_s && w.size() == 1) {
        Workspace *ws = ctx.workspace();
        if (!ws)
            return Failed;
        for (const SettingSpec &s : Settings::specs())
            ctx.print(s.key + u'=' + Settings::shown(s.key, ws->settings().value(s.key)));
        return Ok;
    }
    if (verb == u"get"_s && w.size() == 2) {
        if (!Settings::isKnown(w.at(1)))
            return ctx.fail(Settings::validate(w.at(1), {}));
        Workspace *ws = ctx.workspace();
        if (!ws)
            return Failed;
        // A secret is never printed: whoever needs it again sets it again.
        ctx.print(Settings::shown(w.at(1), ws->settings().value(w.at(1))));
        return Ok;
    }
    if (verb == u"set"_s && (w.size() == 3 || (fromInput && w.size() == 2))) {
        QString value = w.value(2);
        if (fromInput) {
            QString error;
            const std::optional<QString> read = valueFromInput(ctx, &error);
            if (!read)
                return ctx.fail(error);
            value = *read;
        } else if (Settings::isSecret(w.at(1)) && !value.isEmpty()) {
            ctx.fail(CtlContext::tr("warning: a secret on the command line can be seen by other users and stays in "
                                    "the shell's history; prefer config set %1 --stdin or --from-file PATH.")
                         .arg(w.at(1)));
        }
        const QString why = Settings::validate(w.at(1), value);
        if (!why.isEmpty())
            return ctx.fail(why);
        Workspace *ws = ctx.workspace();
        if (!ws)
            return Failed;
        QString error;
        if (!ws->settings().set(ws->systemActor(), w.at(1), value, &error))
            return ctx.fail(error);
        return Ok;
    }
    return ctx.fail(CtlContext::tr("Usage: hotlinectl config get KEY | config set KEY VALUE | config set KEY "
                                   "--from-file PATH | config set KEY --stdin | config list"),
                    Usage);
}

} // namespace hotline::ctl
