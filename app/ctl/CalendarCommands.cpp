// hotlinectl calendar import and deadline: the working calendar.
#include "CtlContext.h"

#include "calendar/HolidayCnParser.h"
#include "calendar/WorkCalendar.h"
#include "service/Workspace.h"
#include "sla/SlaClock.h"
#include "storage/CalendarStore.h"

#include <QFile>

using namespace Qt::StringLiterals;

namespace hotline::ctl {

int cmdCalendarImport(CtlContext &ctx)
{
    if (ctx.args.words.isEmpty())
        return ctx.fail(CtlContext::tr("Usage: hotlinectl calendar import FILE.json..."), Usage);
    // Read and check every file first: one bad file imports nothing.
    QList<CalendarDay> all;
    QStringList problems;
    for (const QString &path : std::as_const(ctx.args.words)) {
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly)) {
            problems << u"%1: %2"_s.arg(path, f.errorString());
            continue;
        }
        const HolidayCnFile parsed = HolidayCnParser::parse(f.readAll());
        if (!parsed.ok())
            problems << u"%1: %2"_s.arg(path, parsed.error);
        else
            all += parsed.days;
    }
    if (!problems.isEmpty())
        return ctx.fail(problems.join(u'\n') + u'\n' + CtlContext::tr("Nothing was imported."));
    Workspace *ws = ctx.workspace();
    if (!ws)
        return Failed;
    QString error;
    if (!ws->calendar().saveDays(all, &error))
        return ctx.fail(CtlContext::tr("Nothing was imported: %1").arg(error));
    ctx.print(CtlContext::tr("Imported %1 calendar days from %2 files.").arg(all.size()).arg(ctx.args.words.size()));
    return Ok;
}

int cmdDeadline(CtlContext &ctx)
{
    const QString clsText = ctx.args.value(u"--class"_s);
    const QString startText = ctx.args.value(u"--start"_s);
    const auto cls = slaClassFromCode(clsText);
    if (!cls || startText.isEmpty() || !ctx.args.words.isEmpty())
        return ctx.fail(CtlContext::tr("Usage: hotlinectl deadline --class consult|handling --start ISO8601"), Usage);
    QString error;
    const auto start = ctx.parseInstant(startText, &error);
    if (!start)
        return ctx.fail(error, Usage);
    Workspace *ws = ctx.workspace();
    if (!ws)
        return Failed;
    const SlaClock sla = ws->sla();
    const qint64 deadline = sla.deadline(*start / 1000, *cls);
    ctx.print(sla.calendar().toIsoLocal(deadline));
    // The answer is still given, but an administrator should know it ignores next year's holidays.
    for (int year = sla.calendar().toLocal(*start / 1000).date().year(); year <= sla.calendar().toLocal(deadline).date().year(); ++year) {
        if (!sla.calendar().hasDataForYear(year)) {
            ctx.fail(CtlContext::tr("warning: no holiday calendar for %1 has been imported; only weekends count as off days "
                                    "(hotlinectl calendar import FILE.json).")
                         .arg(year));
        }
    }
    return Ok;
}

} // namespace hotline::ctl
