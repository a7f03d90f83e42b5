// hotlinectl import tickets and departments import: bulk data, all rows or none.
#include "CtlContext.h"
#include "domain/TextRules.h"
#include "io/TicketImporter.h"
#include "service/Workspace.h"

#include <cstdio>

using namespace Qt::StringLiterals;

namespace hotline::ctl {
namespace {

// Every bad row as soon as it is found (--all-errors): a huge file's errors are never all held in memory.
void printNow(const QString &line)
{
    const QByteArray bytes = TextRules::visible(line).toUtf8() + '\n';
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stderr);
}

template<typename Importer> void setErrorListing(CtlContext &ctx, Importer &importer)
{
    if (ctx.args.has(u"--all-errors"_s))
        importer.setErrorSink(printNow);
}

int finish(CtlContext &ctx, const ImportResult &r, const QString &command, const QString &done)
{
    if (!r.ok) {
        if (!r.errors.isEmpty())
            ctx.fail(r.errors.join(u'\n'));
        if (r.unlisted > 0) {
            ctx.fail(CtlContext::tr("… and %1 more bad rows not listed; hotlinectl %2 --all-errors lists them all.")
                         .arg(r.unlisted)
                         .arg(command));
        }
        return ctx.fail(CtlContext::tr("Nothing was imported (%1 bad of %2 rows).").arg(r.badRows).arg(r.rows));
    }
    ctx.print(done);
    for (const QString &c : r.created)
        ctx.print(c);
    for (const QString &n : r.notes)
        ctx.print(n);
    return Ok;
}

} // namespace

int cmdImportTickets(CtlContext &ctx)
{
    if (ctx.args.words.size() != 1)
        return ctx.fail(CtlContext::tr("Usage: hotlinectl import tickets FILE.csv [--all-errors]"), Usage);
    Workspace *ws = ctx.workspace();
    if (!ws)
        return Failed;
    TicketImporter importer(*ws);
    setErrorListing(ctx, importer);
    const ImportResult r = importer.importFile(ctx.args.words.first());
    return finish(ctx, r, u"import tickets"_s, CtlContext::tr("Imported %1 tickets.").arg(r.imported));
}

int cmdDepartmentsImport(CtlContext &ctx)
{
    if (ctx.args.words.size() != 1)
        return ctx.fail(CtlContext::tr("Usage: hotlinectl departments import FILE.csv [--all-errors]"), Usage);
    Workspace *ws = ctx.workspace();
    if (!ws)
        return Failed;
    DepartmentImporter importer(*ws);
    setErrorListing(ctx, importer);
    const ImportResult r = importer.importFile(ctx.args.words.first());
    return finish(ctx, r, u"departments import"_s, CtlContext::tr("Imported %1 departments.").arg(r.imported));
}

} // namespace hotline::ctl
