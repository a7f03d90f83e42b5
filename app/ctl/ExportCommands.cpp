#include "ExportCommands.h"

#include "CtlContext.h"
#include "privacy/AccessLog.h"
#include "privacy/TicketExport.h"
#include "service/Workspace.h"
#include "util/Clock.h"

#include <QDate>
#include <QDateTime>
#include <QDir>
#include <QRegularExpression>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace hotline::ctl {
namespace {

/** The operating-system user running hotlinectl: who the access log names for its exports. */
QString osUser()
{
    for (const char *name : {"USER", "USERNAME", "LOGNAME"}) {
        const QString value = qEnvironmentVariable(name);
        if (!value.isEmpty())
            return value;
    }
    return u"unknown"_s;
}

struct Period
{
    QDate from;
    QDate to; ///< exclusive
    QString text;
};

/** --month or --from/--to (dates, --to exclusive); without them fallback() decides. Null after printing why. */
std::optional<Period> period(CtlContext &ctx, const QTimeZone &zone, bool wholeHistoryByDefault, int *code)
{
    const bool hasMonth = ctx.args.has(u"--month"_s);
    const bool hasRange = ctx.args.has(u"--from"_s) || ctx.args.has(u"--to"_s);
    *code = Usage;
    if (hasMonth && hasRange) {
        ctx.fail(CtlContext::tr("Give either --month or --from/--to, not both."), Usage);
        return std::nullopt;
    }
    Period p;
    if (hasMonth) {
        static const QRegularExpression monthPattern(u"^\\d{4}-\\d{2}$"_s);
        const QString month = ctx.args.value(u"--month"_s);
        p.from = monthPattern.match(month).hasMatch() ? QDate::fromString(month + u"-01"_s, Qt::ISODate) : QDate();
        if (!p.from.isValid()) {
            ctx.fail(CtlContext::tr("\"%1\" is not a month like 2025-03.").arg(month), Usage);
            return std::nullopt;
        }
        p.to = p.from.addMonths(1);
        p.text = month;
    } else if (hasRange) {
        p.from = QDate::fromString(ctx.args.value(u"--from"_s), Qt::ISODate);
        p.to = QDate::fromString(ctx.args.value(u"--to"_s), Qt::ISODate);
        if (!p.from.isValid() || !p.to.isValid() || p.from >= p.to) {
            ctx.fail(CtlContext::tr("--from and --to must both be dates (YYYY-MM-DD) with --from before --to; "
                                    "--to is exclusive."),
                     Usage);
            return std::nullopt;
        }
        p.text = p.from.toString(Qt::ISODate) + u".."_s + p.to.toString(Qt::ISODate);
    } else if (wholeHistoryByDefault) {
        p.text = u"all"_s;
    } else {
        // Default: the current calendar month in the centre's zone.
        const QDate today = QDateTime::fromMSecsSinceEpoch(ctx.clock().nowMs(), zone).date();
        p.from = QDate(today.year(), today.month(), 1);
        p.to = p.from.addMonths(1);
        p.text = p.from.toString(u"yyyy-MM"_s);
    }
    *code = Ok;
    return p;
}

qint64 startMs(const QDate &day, const QTimeZone &zone)
{
    return QDateTime(day, QTime(0, 0), zone).toMSecsSinceEpoch();
}

} // namespace

int cmdExportTickets(CtlContext &ctx)
{
    const QString usage = CtlContext::tr("Usage: hotlinectl export tickets [--month YYYY-MM | --from DATE --to DATE] "
                                         "[-o FILE] [--unmasked]");
    if (!ctx.args.words.isEmpty())
        return ctx.fail(usage, Usage);
    Workspace *ws = ctx.workspace();
    if (!ws)
        return Failed;
    const QTimeZone zone = ws->sla().calendar().timeZone();
    int code = Ok;
    const std::optional<Period> p = period(ctx, zone, false, &code);
    if (!p)
        return code;

    TicketExportRequest request;
    request.fromMs = startMs(p->from, zone);
    request.toMs = startMs(p->to, zone);
    request.unmasked = ctx.args.has(u"--unmasked"_s);
    request.period = p->text;
    const QString output = ctx.args.value(u"-o"_s);
    request.target = output.isEmpty() ? u"stdout"_s : QDir::toNativeSeparators(QDir::current().absoluteFilePath(output));
    Actor by = ws->systemActor();
    by.user = osUser();
    QString error;
    const std::optional<TicketExportResult> result = TicketExport::run(*ws, by, request, &error);
    if (!result)
        return ctx.fail(error);
    ctx.out += result->csv;
    return Ok;
}

int cmdAccessLog(CtlContext &ctx)
{
    if (!ctx.args.words.isEmpty())
        return ctx.fail(CtlContext::tr("Usage: hotlinectl access-log [--from DATE --to DATE]"), Usage);
    if (ctx.args.has(u"--month"_s))
        return ctx.fail(CtlContext::tr("access-log takes --from and --to (dates, --to exclusive), not --month."),
                        Usage);
    Workspace *ws = ctx.workspace();
    if (!ws)
        return Failed;
    const QTimeZone zone = ws->sla().calendar().timeZone();
    int code = Ok;
    const std::optional<Period> p = period(ctx, zone, true, &code);
    if (!p)
        return code;
    AccessLogFilter filter;
    filter.limit = 1000000;
    if (p->from.isValid()) {
        filter.fromMs = startMs(p->from, zone);
        filter.toMs = startMs(p->to, zone);
    }
    QString error;
    const QList<AccessLogEntry> entries = AccessLog(ws->database(), ws->clock()).list(ws->systemActor(), filter, &error);
    if (!error.isEmpty())
        return ctx.fail(error);
    // Tab-separated with a header: readable in a terminal, and cut/awk/Excel take it as it is.
    ctx.print(u"at\tkind\tuser\trole\tconsole\tticket\ttickets\tdetail"_s);
    static const QRegularExpression separators(u"[\t\r\n]"_s);
    for (const AccessLogEntry &e : entries) {
        QStringList fields {QDateTime::fromMSecsSinceEpoch(e.atMs, zone).toString(Qt::ISODate),
                            AccessLog::kindCode(e.kind), e.user, toCode(e.role), e.console, e.ticketNumber,
                            QString::number(e.tickets), e.detail};
        for (QString &f : fields)
            f.replace(separators, u" "_s); // a file name with a tab must not shift the columns
        ctx.print(fields.join(u'\t'));
    }
    return Ok;
}

} // namespace hotline::ctl
