// hotlinectl calendar import and deadline: the working calendar.
#include "CtlContext.h"
#include "calendar/CalendarYears.h"
#include "calendar/HolidayCnParser.h"
#include "calendar/WorkCalendar.h"
#include "domain/TextRules.h"
#include "service/DeadlineReview.h"
#include "service/Workspace.h"
#include "sla/SlaClock.h"
#include "storage/CalendarStore.h"
#include "util/Clock.h"

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
        // A year's notice is a few kilobytes; /dev/zero or an endless pipe must not be read for ever.
        constexpr qint64 kMaxBytes = 16 * 1024 * 1024;
        const QByteArray bytes = f.read(kMaxBytes + 1);
        if (bytes.size() > kMaxBytes) {
            problems << CtlContext::tr("%1: longer than %2 bytes; reading stopped here (is this a holiday-cn JSON "
                                       "file?)")
                            .arg(path)
                            .arg(kMaxBytes);
            continue;
        }
        const HolidayCnFile parsed = HolidayCnParser::parse(bytes);
        if (!parsed.ok()) {
            problems << u"%1: %2"_s.arg(path, parsed.error);
            continue;
        }
        for (const CalendarDay &day : parsed.days) {
            if (const QString why = CalendarStore::validateDay(day); !why.isEmpty())
                problems << u"%1: %2"_s.arg(path, why);
        }
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
    const QList<DeadlineChange> changed = DeadlineReview::find(ws->database(), ws->events(), ws->tickets());
    if (!changed.isEmpty())
        ctx.fail(CtlContext::tr("note: the calendar now gives %n open ticket(s) another deadline; they keep theirs until "
                                "an administrator re-decides them (the Calendar tab of the console).",
                                nullptr, int(changed.size())));
    return Ok;
}

void warnMissingNotice(CtlContext &ctx, const WorkCalendar &calendar, qint64 atUtcSecs)
{
    if (const std::optional<int> year = CalendarYears::missingNotice(calendar, atUtcSecs))
        ctx.fail(CtlContext::tr("warning: %1").arg(CalendarYears::missingNoticeWarning(*year)));
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
    const WorkCalendar &calendar = sla.calendar();
    // Outside the years the calendar knows there is no answer rather than a wrong one.
    const std::optional<qint64> deadline = sla.checkedDeadline(*start / 1000, *cls, 0, &error);
    if (!deadline)
        return ctx.fail(error);
    ctx.print(calendar.toIsoLocal(*deadline));
    // The answer is still given, but an administrator should know when it ignores a year's holidays. The start
    // plays "now" for the November rule: a dispatch at that instant would see the same banner in the console.
    const std::optional<int> missingAtStart = CalendarYears::missingNotice(calendar, *start / 1000);
    if (missingAtStart)
        ctx.fail(CtlContext::tr("warning: %1").arg(CalendarYears::missingNoticeWarning(*missingAtStart)));
    for (int year = calendar.toLocal(*start / 1000).date().year(); year <= calendar.toLocal(*deadline).date().year(); ++year) {
        if (year != missingAtStart.value_or(0) && !CalendarYears::hasNotice(calendar, year))
            ctx.fail(CtlContext::tr("warning: %1").arg(CalendarYears::missingNoticeWarning(year)));
    }
    return Ok;
}

int cmdCalendarSet(CtlContext &ctx)
{
    const QString usage = CtlContext::tr("Usage: hotlinectl calendar set DATE... off|workday|normal [--note TEXT]");
    if (ctx.args.words.size() < 2)
        return ctx.fail(usage, Usage);
    const QString kind = ctx.args.words.last();
    if (kind != u"off"_s && kind != u"workday"_s && kind != u"normal"_s)
        return ctx.fail(CtlContext::tr("Unknown kind of day \"%1\": off, workday or normal.").arg(kind) + u'\n' + usage, Usage);
    const QString note = ctx.args.value(u"--note"_s);
    if (kind == u"normal"_s && !note.isEmpty())
        return ctx.fail(CtlContext::tr("A normal day has no note."), Usage);
    QList<CalendarDay> set;
    QList<QDate> remove;
    for (const QString &word : ctx.args.words.first(ctx.args.words.size() - 1)) {
        const QDate date = QDate::fromString(word, u"yyyy-MM-dd"_s);
        if (!date.isValid())
            return ctx.fail(CtlContext::tr("\"%1\" is not a date (YYYY-MM-DD).").arg(word) + u'\n' + usage, Usage);
        if (kind == u"normal"_s)
            remove << date;
        else
            set << CalendarDay{date, kind == u"off"_s, note};
    }
    Workspace *ws = ctx.workspace();
    if (!ws)
        return Failed;
    QString error;
    if (!ws->calendar().editDays(ws->systemActor(), set, remove, &error))
        return ctx.fail(CtlContext::tr("Nothing was changed: %1").arg(error));
    ctx.print(CtlContext::tr("Saved %n calendar date(s).", nullptr, int(set.size() + remove.size())));
    const QList<DeadlineChange> changed = DeadlineReview::find(ws->database(), ws->events(), ws->tickets());
    if (!changed.isEmpty())
        ctx.fail(CtlContext::tr("note: the calendar now gives %n open ticket(s) another deadline; they keep theirs until "
                                "an administrator re-decides them (the Calendar tab of the console).",
                                nullptr, int(changed.size())));
    return Ok;
}

int cmdCalendarList(CtlContext &ctx)
{
    const QString usage = CtlContext::tr("Usage: hotlinectl calendar list [--year YYYY]");
    if (!ctx.args.words.isEmpty())
        return ctx.fail(usage, Usage);
    int year = 0;
    if (ctx.args.has(u"--year"_s)) {
        bool ok = false;
        year = ctx.args.value(u"--year"_s).toInt(&ok);
        if (!ok || year < 1900 || year > 2200)
            return ctx.fail(CtlContext::tr("--year must be a year between 1900 and 2200.") + u'\n' + usage, Usage);
    }
    Workspace *ws = ctx.workspace();
    if (!ws)
        return Failed;
    const WorkCalendar calendar = ws->calendar().loadCalendar();
    for (const CalendarDay &d : calendar.days()) {
        if (year == 0 || d.date.year() == year)
            ctx.print(u"%1\t%2\t%3"_s.arg(d.date.toString(Qt::ISODate), d.isOffDay ? u"off"_s : u"workday"_s,
                                          TextRules::visible(d.name)));
    }
    if (year != 0 && !CalendarYears::hasNotice(calendar, year))
        ctx.fail(CtlContext::tr("warning: %1").arg(CalendarYears::missingNoticeWarning(year)));
    else if (year == 0)
        warnMissingNotice(ctx, calendar, ctx.clock().nowSecs());
    return Ok;
}

} // namespace hotline::ctl
