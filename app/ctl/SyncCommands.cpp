// hotlinectl server init / sync: the shared PostgreSQL server (PRODUCT §5).
#include "CtlContext.h"

#include "service/Training.h"
#include "service/Workspace.h"
#include "sla/SlaClock.h"
#include "storage/Database.h"
#include "storage/Settings.h"
#include "sync/ConsoleLogins.h"
#include "sync/ConsoleRole.h"
#include "sync/PgConnection.h"
#include "sync/ReferenceConflicts.h"
#include "sync/ServerSchema.h"
#include "sync/SyncEngine.h"
#include "sync/SyncWorker.h"
#include "util/Clock.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimeZone>
#include <QTimer>

#include <csignal>
#include <memory>

#ifdef Q_OS_UNIX
#include <termios.h>
#include <unistd.h>
#endif

using namespace Qt::StringLiterals;

namespace hotline::ctl {

namespace {

volatile std::sig_atomic_t g_stopRequested = 0;

void requestStop(int)
{
    g_stopRequested = 1;
}

void printErr(const QString &line)
{
    const QByteArray bytes = line.toUtf8() + '\n';
    fwrite(bytes.constData(), 1, size_t(bytes.size()), stderr);
    fflush(stderr);
}

/**
 * The console role's password: HOTLINE_CONSOLE_PASSWORD, else one line of standard input (typed unseen on a
 * terminal). Never from argv, where every user of the machine could read it (ps).
 */
QByteArray consolePassword(const QString &role)
{
    const QByteArray fromEnvironment = qgetenv("HOTLINE_CONSOLE_PASSWORD");
    if (!fromEnvironment.isEmpty())
        return fromEnvironment;
    QFile in;
    if (!in.open(stdin, QIODevice::ReadOnly))
        return {};
#ifdef Q_OS_UNIX
    termios saved{};
    const bool terminal = isatty(STDIN_FILENO) && tcgetattr(STDIN_FILENO, &saved) == 0;
    if (terminal) {
        termios quiet = saved;
        quiet.c_lflag &= ~tcflag_t(ECHO);
        tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
        printErr(CtlContext::tr("Password for the console role %1: ").arg(role));
    }
#else
    Q_UNUSED(role);
#endif
    QByteArray line = in.readLine();
#ifdef Q_OS_UNIX
    if (terminal)
        tcsetattr(STDIN_FILENO, TCSANOW, &saved);
#endif
    while (line.endsWith('\n') || line.endsWith('\r'))
        line.chop(1);
    return line;
}

} // namespace

int cmdServerInit(CtlContext &ctx)
{
    const QString url = ctx.args.value(u"--url"_s, ctx.args.value(u"--server"_s));
    const QString bad = PgConnection::checkUrl(url);
    if (!bad.isEmpty())
        return ctx.fail(CtlContext::tr("server init needs --url postgresql://USER:PASSWORD@HOST:PORT/DATABASE (%1)").arg(bad),
                        Usage);
    PgConnection pg;
    if (!pg.connect(url))
        return ctx.fail(CtlContext::tr("cannot reach the server %1: %2").arg(PgConnection::redacted(url), pg.lastError()));
    QString error;
    int from = 0;
    if (!ServerSchema::migrate(pg, &error, &from))
        return ctx.fail(error);
    if (from == ServerSchema::latestVersion())
        ctx.print(CtlContext::tr("server schema is up to date (version %1)").arg(from));
    else
        ctx.print(CtlContext::tr("server schema migrated from version %1 to %2").arg(from).arg(ServerSchema::latestVersion()));
    if (ctx.args.has(u"--console-role"_s)) {
        const QString role = ctx.args.value(u"--console-role"_s);
        const QString badRole = ConsoleRole::checkName(role);
        if (!badRole.isEmpty())
            return ctx.fail(badRole, Usage);
        const QByteArray password = consolePassword(role);
        if (password.isEmpty())
            return ctx.fail(CtlContext::tr("the console role needs a password: set HOTLINE_CONSOLE_PASSWORD or give "
                                           "it on standard input"),
                            Usage);
        if (!ConsoleRole::apply(pg, role, password, &error))
            return ctx.fail(CtlContext::tr("the schema is ready, but the console role was not set up: %1").arg(error));
        ctx.print(CtlContext::tr("console role %1 may read events, push them through hotline_push, join, sync "
                                 "reference data and claim SMS; consoles connect as it").arg(role));
    }
    return Ok;
}

int cmdSync(CtlContext &ctx)
{
    Workspace *ws = ctx.workspace();
    if (!ws)
        return Failed;
    Database &db = ws->database();
    if (const QString refusal = Training::joinRefusal(db); !refusal.isEmpty())
        return ctx.fail(refusal); // before the address is remembered: nothing is written
    QString url = ctx.args.value(u"--server"_s, db.meta(SyncEngine::urlKey()));
    if (url.isEmpty())
        return ctx.fail(CtlContext::tr("no server: give --server postgresql://USER:PASSWORD@HOST:PORT/DATABASE"), Usage);
    const QString bad = PgConnection::checkUrl(url);
    if (!bad.isEmpty())
        return ctx.fail(CtlContext::tr("not a PostgreSQL address: %1").arg(bad), Usage);
    if (!db.setMeta(SyncEngine::urlKey(), url))
        return ctx.fail(CtlContext::tr("cannot write to the local database"));

    if (ctx.args.has(u"--once"_s)) {
        SyncEngine engine(db, ctx.clock());
        QString error;
        SyncPassResult r;
        if (!engine.connectTo(url, &error) || !engine.runPass(&r, &error))
            return ctx.fail(error);
        ctx.print(CtlContext::tr("console code: %1").arg(db.meta(u"console.code"_s)));
        ctx.print(CtlContext::tr("pushed: %1").arg(r.pushed));
        ctx.print(CtlContext::tr("pulled: %1").arg(r.pulled));
        ctx.print(CtlContext::tr("pending: %1").arg(r.pending));
        ctx.print(CtlContext::tr("conflicts: %1").arg(r.conflicts));
        if (r.numberClashes > 0)
            ctx.print(CtlContext::tr("number clashes: %1 (ticket numbers that name more than one ticket; hotlinectl "
                                     "verify lists them, hotlinectl ticket renumber resolves one)")
                          .arg(r.numberClashes));
        if (!r.clashingNumbers.isEmpty())
            ctx.print(CtlContext::tr("pushed numbers the server already had under another ticket: %1")
                          .arg(r.clashingNumbers.join(u", "_s)));
        if (r.skipped > 0)
            ctx.print(CtlContext::tr("kept aside (not understood by this version): %1").arg(r.skipped));
        for (const QString &refused : std::as_const(r.refusedSettings))
            ctx.print(CtlContext::tr("setting from the server refused (local value kept): %1").arg(refused));
        for (const QString &refused : std::as_const(r.refusedPasswords))
            ctx.print(CtlContext::tr("password change refused by the server (not sent again): %1").arg(refused));
        for (const QString &refused : std::as_const(r.refusedReference))
            ctx.print(CtlContext::tr("reference row from the server refused (local row kept): %1").arg(refused));
        if (r.referenceConflicts > 0)
            ctx.print(CtlContext::tr("reference conflicts not yet seen: %1 (hotlinectl sync conflicts)").arg(r.referenceConflicts));
        if (r.blobsPushed + r.blobsFetched + r.blobsRefused + r.blobsWaiting > 0)
            ctx.print(CtlContext::tr("files: %1 sent, %2 received, %3 not yet on the server, %4 refused (content does "
                                     "not match its hash)")
                          .arg(r.blobsPushed)
                          .arg(r.blobsFetched)
                          .arg(r.blobsWaiting)
                          .arg(r.blobsRefused));
        return Ok;
    }

    // A headless replica: sync until SIGINT/SIGTERM.
    const int interval = ws->settings().value(u"sync.interval_seconds"_s).toInt() * 1000;
    const QString path = db.path();
    std::signal(SIGINT, requestStop);
    std::signal(SIGTERM, requestStop);
    SyncService service(path, url, ctx.clock(), interval);
    QObject::connect(&service, &SyncService::statusChanged, [](const SyncStatus &s) {
        const QString when = QDateTime::currentDateTime().toString(Qt::ISODate);
        if (s.online)
            printErr(CtlContext::tr("%1 online, pending %2, conflicts %3").arg(when).arg(s.pending).arg(s.conflicts));
        else
            printErr(CtlContext::tr("%1 offline: %2").arg(when, s.error));
    });
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, [] {
        if (g_stopRequested)
            QCoreApplication::quit();
    });
    poll.start(200);
    QCoreApplication::exec();
    return Ok;
}

int cmdSyncConflicts(CtlContext &ctx)
{
    const QString format = ctx.args.value(u"--format"_s, u"text"_s);
    if (!ctx.args.words.isEmpty() || (format != u"text"_s && format != u"json"_s))
        return ctx.fail(CtlContext::tr("Usage: hotlinectl sync conflicts [--format text|json]"), Usage);
    Workspace *ws = ctx.workspace();
    if (!ws)
        return Failed;
    QList<ReferenceConflict> list;
    QString error;
    if (!ReferenceConflicts(ws->database()).list(&list, &error))
        return ctx.fail(error);
    if (format == u"json"_s) {
        QJsonArray rows;
        for (const ReferenceConflict &c : std::as_const(list))
            rows.append(ReferenceConflicts::toJson(c));
        ctx.out += QJsonDocument(QJsonObject{{u"reference"_s, rows}}).toJson(QJsonDocument::Indented);
        return Ok;
    }
    if (list.isEmpty()) {
        ctx.print(CtlContext::tr("no reference conflicts"));
        return Ok;
    }
    const QTimeZone zone = ws->sla().calendar().timeZone();
    auto when = [&](qint64 ms) { return QDateTime::fromMSecsSinceEpoch(ms, zone).toString(u"yyyy-MM-dd HH:mm:ss"_s); };
    for (const ReferenceConflict &c : std::as_const(list)) {
        ctx.print(CtlContext::tr("%1 %2%3").arg(c.table, c.key, c.seen ? QString() : CtlContext::tr(" (new)")));
        ctx.print(CtlContext::tr("  kept: %1 by %2 on console %3: %4")
                      .arg(when(c.keptEditedMs), c.keptBy, c.keptConsole, ReferenceConflicts::describe(c.keptContent)));
        ctx.print(CtlContext::tr("  lost: %1 by %2 on console %3: %4")
                      .arg(when(c.lostEditedMs), c.lostBy, c.lostConsole, ReferenceConflicts::describe(c.lostContent)));
    }
    return Ok;
}

namespace {

/** The owner's connection for the server commands below (--url, like server init); null after saying why. */
std::unique_ptr<PgConnection> ownerConnection(CtlContext &ctx, const QString &command, int *code)
{
    const QString url = ctx.args.value(u"--url"_s, ctx.args.value(u"--server"_s));
    const QString bad = PgConnection::checkUrl(url);
    if (!bad.isEmpty()) {
        *code = ctx.fail(CtlContext::tr("%1 needs --url postgresql://OWNER:PASSWORD@HOST:PORT/DATABASE (%2)")
                             .arg(command, bad),
                         Usage);
        return nullptr;
    }
    auto pg = std::make_unique<PgConnection>();
    QString error;
    if (!pg->connect(url)) {
        *code = ctx.fail(CtlContext::tr("cannot reach the server %1: %2").arg(PgConnection::redacted(url), pg->lastError()));
        return nullptr;
    }
    if (!ServerSchema::check(*pg, &error)) {
        *code = ctx.fail(error);
        return nullptr;
    }
    return pg;
}

} // namespace

int cmdServerAddConsole(CtlContext &ctx)
{
    if (ctx.args.words.size() != 1)
        return ctx.fail(CtlContext::tr("Usage: hotlinectl server add-console NAME --url URL [--code CC]"), Usage);
    const QString name = ctx.args.words.first();
    if (const QString bad = ConsoleRole::checkName(name); !bad.isEmpty())
        return ctx.fail(bad, Usage);
    int code = Failed;
    const std::unique_ptr<PgConnection> pg = ownerConnection(ctx, u"server add-console"_s, &code);
    if (!pg)
        return code;
    const QByteArray password = consolePassword(name);
    if (password.isEmpty())
        return ctx.fail(CtlContext::tr("the console login needs a password: set HOTLINE_CONSOLE_PASSWORD or give it "
                                       "on standard input"),
                        Usage);
    QString error;
    const QString consoleCode = ConsoleLogins::add(*pg, name, password, ctx.args.value(u"--code"_s), &error);
    if (consoleCode.isEmpty())
        return ctx.fail(error);
    ctx.print(CtlContext::tr("console login %1 has console code %2; the console at that desk syncs with "
                             "postgresql://%1:PASSWORD@HOST:PORT/DATABASE")
                  .arg(name, consoleCode));
    return Ok;
}

int cmdServerRemoveConsole(CtlContext &ctx)
{
    if (ctx.args.words.size() != 1)
        return ctx.fail(CtlContext::tr("Usage: hotlinectl server remove-console NAME --url URL"), Usage);
    int code = Failed;
    const std::unique_ptr<PgConnection> pg = ownerConnection(ctx, u"server remove-console"_s, &code);
    if (!pg)
        return code;
    QString error;
    const QString consoleCode = ConsoleLogins::remove(*pg, ctx.args.words.first(), &error);
    if (consoleCode.isEmpty())
        return ctx.fail(error);
    ctx.print(CtlContext::tr("console login %1 (console code %2) can no longer connect or push; its events stay")
                  .arg(ctx.args.words.first(), consoleCode));
    return Ok;
}

int cmdServerConsoles(CtlContext &ctx)
{
    if (!ctx.args.words.isEmpty())
        return ctx.fail(CtlContext::tr("Usage: hotlinectl server consoles --url URL"), Usage);
    int code = Failed;
    const std::unique_ptr<PgConnection> pg = ownerConnection(ctx, u"server consoles"_s, &code);
    if (!pg)
        return code;
    QList<ConsoleEntry> all;
    QString error;
    if (!ConsoleLogins::list(*pg, &all, &error))
        return ctx.fail(error);
    for (const ConsoleEntry &e : std::as_const(all)) {
        QString state;
        if (e.login.isEmpty())
            state = CtlContext::tr("no console login: may read, not push");
        else if (e.removed)
            state = CtlContext::tr("login %1 removed").arg(e.login);
        else if (e.installation.isEmpty())
            state = CtlContext::tr("login %1, not joined yet").arg(e.login);
        else if (e.floorMs == 0)
            state = CtlContext::tr("login %1, no completed pass yet").arg(e.login);
        else
            state = CtlContext::tr("login %1, last completed pass from %2")
                        .arg(e.login, QDateTime::fromMSecsSinceEpoch(e.floorMs, Qt::UTC).toString(Qt::ISODate));
        ctx.print(u"%1  %2  %3"_s.arg(e.code, e.installation.isEmpty() ? u"-"_s : e.installation, state));
    }
    return Ok;
}

int cmdServerConfig(CtlContext &ctx)
{
    if (ctx.args.words.size() > 2)
        return ctx.fail(CtlContext::tr("Usage: hotlinectl server config --url URL [KEY [VALUE]]"), Usage);
    int code = Failed;
    const std::unique_ptr<PgConnection> pg = ownerConnection(ctx, u"server config"_s, &code);
    if (!pg)
        return code;
    QString error;
    if (ctx.args.words.size() == 2) {
        if (!ConsoleLogins::setSetting(*pg, ctx.args.words.at(0), ctx.args.words.at(1), &error))
            return ctx.fail(error);
    }
    QList<QPair<QString, QString>> all;
    if (!ConsoleLogins::settings(*pg, &all, &error))
        return ctx.fail(error);
    bool found = false;
    for (const auto &[key, value] : std::as_const(all)) {
        if (ctx.args.words.isEmpty() || key == ctx.args.words.first()) {
            ctx.print(u"%1 = %2"_s.arg(key, value));
            found = true;
        }
    }
    if (!found && !ctx.args.words.isEmpty())
        return ctx.fail(CtlContext::tr("unknown server setting \"%1\"").arg(ctx.args.words.first()));
    return Ok;
}

} // namespace hotline::ctl
