// hotlinectl intake token add|list|revoke and hotlinectl serve: the electronic channels' intake service
// (docs/INTAKE.md).
#include "CtlContext.h"
#include "TicketActor.h"

#include "IntakeHttpServer.h"
#include "domain/Ticket.h"
#include "intake/IntakeTokens.h"
#include "service/Workspace.h"
#include "sla/SlaClock.h"
#include "storage/Database.h"
#include "storage/Settings.h"
#include "sync/SyncEngine.h"
#include "sync/SyncWorker.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>
#include <QTimeZone>

#include <csignal>
#include <cstdio>

using namespace Qt::StringLiterals;

namespace hotline::ctl {
namespace {

volatile std::sig_atomic_t g_stop = 0;

void requestStop(int)
{
    g_stop = 1;
}

void printErr(const QString &line)
{
    const QByteArray bytes = line.toUtf8() + '\n';
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stderr);
    std::fflush(stderr);
}

/** Who changes tokens: --as USER (password on stdin, an administrator), else hotlinectl itself like `config set`. */
std::optional<Actor> tokenActor(CtlContext &ctx, Workspace &ws, int *code)
{
    *code = Failed;
    if (!ctx.args.has(u"--as"_s))
        return ws.systemActor();
    return ticketActor(ctx, ws, Action::ManageIntake, Ticket{}, code);
}

QString usage()
{
    return CtlContext::tr("Usage: hotlinectl intake token add NAME --channel web|wechat|weibo|petition|interview | "
                          "intake token list [--format text|json] | intake token revoke NAME");
}

/** HOST:PORT, [IPv6]:PORT or PORT alone (on 127.0.0.1). */
bool parseListen(const QString &text, QHostAddress *host, quint16 *port)
{
    QString h = u"127.0.0.1"_s;
    QString p = text;
    const qsizetype colon = text.lastIndexOf(u':');
    if (colon >= 0) {
        h = text.left(colon);
        p = text.mid(colon + 1);
        if (h.startsWith(u'[') && h.endsWith(u']'))
            h = h.mid(1, h.size() - 2);
    }
    bool ok = false;
    const uint n = p.toUInt(&ok);
    if (!ok || n > 65535)
        return false;
    *port = quint16(n);
    if (h == u"localhost"_s)
        h = u"127.0.0.1"_s;
    *host = QHostAddress(h);
    return !host->isNull();
}

} // namespace

int cmdIntake(CtlContext &ctx)
{
    const QStringList &w = ctx.args.words;
    if (w.value(0) != u"token"_s)
        return ctx.fail(usage(), Usage);
    const QString verb = w.value(1);
    if (verb == u"list"_s && w.size() == 2) {
        const QString format = ctx.args.value(u"--format"_s, u"text"_s);
        if (format != u"text"_s && format != u"json"_s)
            return ctx.fail(usage(), Usage);
        Workspace *ws = ctx.workspace();
        if (!ws)
            return Failed;
        QString error;
        const QList<IntakeToken> tokens = IntakeTokens(ws->database()).all(&error);
        if (!error.isEmpty())
            return ctx.fail(error);
        const QTimeZone zone = ws->sla().calendar().timeZone();
        const auto when = [&](qint64 ms) { return QDateTime::fromMSecsSinceEpoch(ms, zone).toString(Qt::ISODate); };
        if (format == u"json"_s) {
            QJsonArray rows;
            for (const IntakeToken &t : tokens)
                rows << QJsonObject{{u"name"_s, t.name},
                                    {u"channel"_s, toCode(t.channel)},
                                    {u"created"_s, when(t.createdMs)},
                                    {u"created_by"_s, t.createdBy},
                                    {u"revoked"_s, t.revokedMs ? QJsonValue(when(*t.revokedMs)) : QJsonValue()}};
            ctx.out += QJsonDocument(rows).toJson(QJsonDocument::Indented);
            return Ok;
        }
        for (const IntakeToken &t : tokens) {
            ctx.print(u"%1\t%2\t%3\t%4"_s.arg(t.name, toCode(t.channel), when(t.createdMs),
                                               t.revokedMs ? CtlContext::tr("revoked %1").arg(when(*t.revokedMs))
                                                           : CtlContext::tr("active")));
        }
        return Ok;
    }
    if (verb == u"add"_s && w.size() == 3) {
        const std::optional<Channel> channel = channelFromCode(ctx.args.value(u"--channel"_s));
        if (!channel)
            return ctx.fail(usage(), Usage);
        Workspace *ws = ctx.workspace();
        if (!ws)
            return Failed;
        int code = Failed;
        const std::optional<Actor> by = tokenActor(ctx, *ws, &code);
        if (!by)
            return code;
        QString error;
        const QString token = IntakeTokens(ws->database()).add(*by, w.at(2), *channel, &error);
        if (token.isEmpty())
            return ctx.fail(error);
        ctx.print(token);
        printErr(CtlContext::tr("Token %1 (%2) added. It is shown only now: give it to the integration; only its "
                                "hash is kept.")
                     .arg(w.at(2), toCode(*channel)));
        ctx.privateOutput = true; // -o FILE: readable by its owner only, like an unmasked export
        return Ok;
    }
    if (verb == u"revoke"_s && w.size() == 3) {
        Workspace *ws = ctx.workspace();
        if (!ws)
            return Failed;
        int code = Failed;
        const std::optional<Actor> by = tokenActor(ctx, *ws, &code);
        if (!by)
            return code;
        QString error;
        if (!IntakeTokens(ws->database()).revoke(*by, w.at(2), &error))
            return ctx.fail(error);
        ctx.print(CtlContext::tr("Token %1 revoked: its requests are refused from now on.").arg(w.at(2)));
        return Ok;
    }
    return ctx.fail(usage(), Usage);
}

int cmdServe(CtlContext &ctx)
{
    if (ctx.args.words.size() != 0)
        return ctx.fail(CtlContext::tr("Usage: hotlinectl serve --listen HOST:PORT"), Usage);
    QHostAddress host;
    quint16 port = 0;
    const QString listenAt = ctx.args.value(u"--listen"_s, u"127.0.0.1:8311"_s);
    if (!parseListen(listenAt, &host, &port))
        return ctx.fail(CtlContext::tr("--listen needs HOST:PORT, e.g. 127.0.0.1:8311 (not %1)").arg(listenAt), Usage);
    Workspace *ws = ctx.workspace();
    if (!ws)
        return Failed;
    Database &db = ws->database();
    IntakeHttpServer server(*ws);
    QString error;
    const quint16 bound = server.start(host, port, &error);
    if (bound == 0)
        return ctx.fail(CtlContext::tr("cannot listen on %1: %2").arg(listenAt, error));
    printErr(CtlContext::tr("serving %1 on http://%2:%3/ (stop with Ctrl+C)")
                 .arg(db.path(), host.protocol() == QAbstractSocket::IPv6Protocol ? u"["_s + host.toString() + u"]"_s
                                                                                  : host.toString())
                 .arg(bound));

    // Beside a replica: every accepted request is pushed at once (the store's append nudges the sync worker), and
    // the worker pulls every sync.interval_seconds, so the consoles see a request within seconds.
    std::unique_ptr<SyncService> sync;
    const QString url = db.meta(SyncEngine::urlKey());
    if (!url.isEmpty()) {
        const int interval = ws->settings().value(u"sync.interval_seconds"_s).toInt() * 1000;
        sync = std::make_unique<SyncService>(db.path(), url, ctx.clock(), interval);
        sync->attach(ws->events());
        server.setOnAccepted([s = sync.get()] { s->nudge(); });
        QObject::connect(sync.get(), &SyncService::statusChanged, [](const SyncStatus &s) {
            if (!s.online)
                printErr(CtlContext::tr("%1 shared server offline: %2")
                             .arg(QDateTime::currentDateTime().toString(Qt::ISODate), s.error));
        });
        printErr(CtlContext::tr("syncing with the shared server every %1 s").arg(interval / 1000));
    }
    std::signal(SIGINT, requestStop);
    std::signal(SIGTERM, requestStop);
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, [] {
        if (g_stop)
            QCoreApplication::quit();
    });
    poll.start(200);
    QCoreApplication::exec();
    printErr(CtlContext::tr("stopped"));
    return Ok;
}

} // namespace hotline::ctl
