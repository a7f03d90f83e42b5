// hotlinectl report and board: what officials and supervisors read.
#include "CtlContext.h"

#include "service/Board.h"
#include "service/Workspace.h"
#include "sla/SlaClock.h"
#include "util/Clock.h"

using namespace Qt::StringLiterals;

namespace hotline::ctl {

int cmdBoard(CtlContext &ctx)
{
    const QString format = ctx.args.value(u"--format"_s, u"text"_s);
    if (!ctx.args.words.isEmpty() || (format != u"text"_s && format != u"json"_s))
        return ctx.fail(CtlContext::tr("Usage: hotlinectl board [--at ISO8601] [--format text|json]"), Usage);
    Workspace *ws = ctx.workspace();
    if (!ws)
        return Failed;
    qint64 atS = ctx.clock().nowSecs();
    if (ctx.args.has(u"--at"_s)) {
        QString error;
        const auto at = ctx.parseInstant(ctx.args.value(u"--at"_s), &error);
        if (!at)
            return ctx.fail(error, Usage);
        atS = *at / 1000;
    }
    const SlaClock sla = ws->sla();
    const BoardSnapshot board = Board::load(ws->database(), sla, atS);
    if (format == u"json"_s)
        ctx.out += Board::toJson(board, sla);
    else
        ctx.out += Board::toText(board, sla).toUtf8();
    return Ok;
}

int cmdReport(CtlContext &ctx)
{
    return ctx.fail(CtlContext::tr("report: not built yet"));
}

} // namespace hotline::ctl
