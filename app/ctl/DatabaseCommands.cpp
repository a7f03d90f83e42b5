// hotlinectl init, verify, rebuild and config: the database as a whole.
#include "CtlContext.h"

#include "service/DemoData.h"
#include "service/Workspace.h"
#include "storage/Database.h"
#include "storage/EventStore.h"
#include "storage/Settings.h"

#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace hotline::ctl {

int cmdInit(CtlContext &ctx)
{
    if (!ctx.args.words.isEmpty())
        return ctx.fail(CtlContext::tr("init takes no arguments (did you mean --demo?)."), Usage);
    Workspace *ws = ctx.workspace();
    if (!ws)
        return Failed;
    ctx.print(CtlContext::tr("Database %1 is ready (schema %2).").arg(ws->database().path()).arg(ws->database().schemaVersion()));
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

int cmdVerify(CtlContext &ctx)
{
    Workspace *ws = ctx.workspace();
    if (!ws)
        return Failed;
    const VerifyReport r = ws->events().verify();
    if (!r.message.isEmpty())
        return ctx.fail(CtlContext::tr("Cannot read the event log: %1").arg(r.message));
    if (!r.ok) {
        return ctx.fail(CtlContext::tr("The event log was altered: event %1 (sequence %2) does not match its recorded hash; "
                                       "%3 events before it are intact.")
                            .arg(r.firstBadId)
                            .arg(r.firstBadSeq)
                            .arg(r.checked - 1));
    }
    ctx.print(CtlContext::tr("OK: %1 events, hash chain intact.").arg(r.checked));
    return Ok;
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

int cmdConfig(CtlContext &ctx)
{
    const QStringList &w = ctx.args.words;
    const QString verb = w.value(0);
    if (verb == u"list"_s && w.size() == 1) {
        Workspace *ws = ctx.workspace();
        if (!ws)
            return Failed;
        for (const SettingSpec &s : Settings::specs())
            ctx.print(s.key + u'=' + ws->settings().value(s.key));
        return Ok;
    }
    if (verb == u"get"_s && w.size() == 2) {
        if (!Settings::isKnown(w.at(1)))
            return ctx.fail(Settings::validate(w.at(1), {}));
        Workspace *ws = ctx.workspace();
        if (!ws)
            return Failed;
        ctx.print(ws->settings().value(w.at(1)));
        return Ok;
    }
    if (verb == u"set"_s && w.size() == 3) {
        const QString why = Settings::validate(w.at(1), w.at(2));
        if (!why.isEmpty())
            return ctx.fail(why);
        Workspace *ws = ctx.workspace();
        if (!ws)
            return Failed;
        QString error;
        if (!ws->settings().set(w.at(1), w.at(2), &error))
            return ctx.fail(error);
        return Ok;
    }
    return ctx.fail(CtlContext::tr("Usage: hotlinectl config get KEY | config set KEY VALUE | config list"), Usage);
}

} // namespace hotline::ctl
