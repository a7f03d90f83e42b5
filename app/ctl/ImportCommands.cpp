// hotlinectl import tickets and departments import: bulk data, all rows or none.
#include "CtlContext.h"

#include "io/TicketImporter.h"
#include "service/Workspace.h"

using namespace Qt::StringLiterals;

namespace hotline::ctl {
namespace {

int finish(CtlContext &ctx, const ImportResult &r, const QString &done)
{
    if (!r.ok) {
        ctx.fail(r.errors.join(u'\n'));
        return ctx.fail(CtlContext::tr("Nothing was imported (%1 bad of %2 rows).").arg(r.badRows).arg(r.rows));
    }
    ctx.print(done);
    for (const QString &c : r.created)
        ctx.print(c);
    return Ok;
}

} // namespace

int cmdImportTickets(CtlContext &ctx)
{
    if (ctx.args.words.size() != 1)
        return ctx.fail(CtlContext::tr("Usage: hotlinectl import tickets FILE.csv"), Usage);
    Workspace *ws = ctx.workspace();
    if (!ws)
        return Failed;
    const ImportResult r = TicketImporter(*ws).importFile(ctx.args.words.first());
    return finish(ctx, r, CtlContext::tr("Imported %1 tickets.").arg(r.imported));
}

int cmdDepartmentsImport(CtlContext &ctx)
{
    if (ctx.args.words.size() != 1)
        return ctx.fail(CtlContext::tr("Usage: hotlinectl departments import FILE.csv"), Usage);
    Workspace *ws = ctx.workspace();
    if (!ws)
        return Failed;
    const ImportResult r = DepartmentImporter(*ws).importFile(ctx.args.words.first());
    return finish(ctx, r, CtlContext::tr("Imported %1 departments.").arg(r.imported));
}

} // namespace hotline::ctl
