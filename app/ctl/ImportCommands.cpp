// hotlinectl import tickets, import interview and departments import: bulk data, all rows or none.
#include "CtlContext.h"
#include "domain/TextRules.h"
#include "io/InterviewQuestions.h"
#include "io/TicketImporter.h"
#include "service/InterviewImport.h"
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

int cmdImportInterview(CtlContext &ctx)
{
    if (ctx.args.words.size() != 1)
        return ctx.fail(CtlContext::tr("Usage: hotlinectl import interview FILE [--type T] [--category NAME] [--town NAME]"),
                        Usage);
    InterviewDefaults defaults;
    if (ctx.args.has(u"--type"_s)) {
        const auto type = ticketTypeFromCode(ctx.args.value(u"--type"_s));
        if (!type)
            return ctx.fail(CtlContext::tr("\"%1\" is not a ticket type (consult, complaint, help, suggestion, report).")
                                .arg(ctx.args.value(u"--type"_s)),
                            Usage);
        defaults.type = *type;
    }
    defaults.category = ctx.args.value(u"--category"_s);
    defaults.town = ctx.args.value(u"--town"_s);
    Workspace *ws = ctx.workspace();
    if (!ws)
        return Failed;
    const QString path = ctx.args.words.first();
    InterviewQuestionFile file = InterviewQuestions::readFile(path, ws->sla().calendar().timeZone());
    if (!file.error.isEmpty())
        return ctx.fail(file.error);
    InterviewImport import(*ws);
    import.markImported(file);
    // Rows left out are listed (the good ones still go in), as the console's preview shows them.
    for (const InterviewQuestion &q : std::as_const(file.questions)) {
        if (q.state == InterviewQuestion::State::Problem)
            printNow(u"%1:%2: %3"_s.arg(path).arg(q.line).arg(q.reason));
        else if (q.state == InterviewQuestion::State::Imported)
            printNow(CtlContext::tr("%1:%2: already imported as %3").arg(path).arg(q.line).arg(q.reason));
    }
    const InterviewImportResult r = import.run(ws->systemActor(), file, defaults);
    if (!r.ok)
        return ctx.fail(CtlContext::tr("Nothing was imported: %1").arg(r.error));
    // The numbers alone on standard output, one a line: scripts capture them.
    for (const QString &number : r.numbers)
        ctx.print(number);
    return Ok;
}

} // namespace hotline::ctl
