// hotlinectl import tickets and departments import: bulk data, all rows or none.
#include "CtlContext.h"

#include "io/TicketImporter.h"
#include "service/Workspace.h"

using namespace Qt::StringLiterals;

namespace hotline::ctl {
namespace {

int finish(CtlContext &ctx, const ImportResult &r, const QString &what)
{
    if (!r.ok) {
        ctx.fail(r.errors.join(u'\n'));
        return ctx.fail(CtlContext::tr("Nothing was imported (%1 bad of %2 rows).").arg(r.errors.size()).arg(r.rows));
    }
    ctx.print(CtlContext::tr("Imported %1 %2.").arg(r.imported).arg(what));
    for (const QString &c : r.created)
        ctx.print(CtlContext::tr("Created %1").arg(c));
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
    TicketImporter importer(*ws);
    return finish(ctx, importer.importFile(ctx.args.words.first()), CtlContext::tr("tickets"));
}

int cmdDepartmentsImport(CtlContext &ctx)
{
    if (ctx.args.words.size() != 1)
        return ctx.fail(CtlContext::tr("Usage: hotlinectl departments import FILE.csv"), Usage);
    Workspace *ws = ctx.workspace();
    if (!ws)
        return Failed;
    DepartmentImporter importer(*ws);
    return finish(ctx, importer.importFile(ctx.args.words.first()), CtlContext::tr("departments"));
}

} // namespace hotline::ctl
