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
    const std::optional<CtlPeriod> p = ctx.period(zone, false, &code);
    if (!p)
        return code;

    TicketExportRequest request;
    request.fromMs = startMs(p->from, zone);
    request.toMs = startMs(p->to, zone);
    request.unmasked = ctx.args.has(u"--unmasked"_s);
    request.period = p->text;
    const QString output = ctx.args.value(u"-o"_s);
    request.target = output.isEmpty() || output == u"-"_s ? u"stdout"_s : QDir::toNativeSeparators(QDir::current().absoluteFilePath(output));
    Actor by = ws->systemActor();
    by.user = osUser();
    QString error;
    const std::optional<TicketExportResult> result = TicketExport::run(*ws, by, request, &error);
    if (!result)
        return ctx.fail(error);
    ctx.out += result->csv;
    ctx.privateOutput = request.unmasked; // callers in full: the file is the owner's only (0600)
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
    const std::optional<CtlPeriod> p = ctx.period(zone, true, &code);
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
    ctx.privateOutput = true; // who looked at which caller: the owner's only
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
