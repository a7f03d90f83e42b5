// hotlinectl report, board and permissions: what officials, supervisors and auditors read.
#include "CtlContext.h"

#include "auth/Permissions.h"
#include "calendar/WorkCalendar.h"
#include "print/ReportDocument.h"
#include "reports/ReportBuilder.h"
#include "reports/ReportBundle.h"
#include "reports/ReportWriters.h"
#include "service/Board.h"
#include "service/Workspace.h"
#include "sla/SlaClock.h"
#include "storage/Settings.h"
#include "util/Clock.h"

#include <QDateTime>
#include <QHash>
#include <QRegularExpression>

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
    const QString usage = CtlContext::tr("Usage: hotlinectl report [--month YYYY-MM | --from DATE --to DATE] "
                                         "[--format text|csv|json|pdf] [-o FILE]");
    const QString format = ctx.args.value(u"--format"_s, u"text"_s);
    static const QHash<QString, ReportFormat> formats{
        {u"text"_s, ReportFormat::Text}, {u"csv"_s, ReportFormat::Csv}, {u"json"_s, ReportFormat::Json}};
    if (!ctx.args.words.isEmpty() || (!formats.contains(format) && format != u"pdf"_s))
        return ctx.fail(usage, Usage);
    const bool hasMonth = ctx.args.has(u"--month"_s);
    const bool hasRange = ctx.args.has(u"--from"_s) || ctx.args.has(u"--to"_s);
    if (hasMonth && hasRange)
        return ctx.fail(CtlContext::tr("Give either --month or --from/--to, not both."), Usage);
    Workspace *ws = ctx.workspace();
    if (!ws)
        return Failed;
    const QTimeZone zone = ws->sla().calendar().timeZone();
    QDate from;
    QDate to;
    if (hasMonth) {
        static const QRegularExpression monthPattern(u"^\\d{4}-\\d{2}$"_s);
        const QString month = ctx.args.value(u"--month"_s);
        from = monthPattern.match(month).hasMatch() ? QDate::fromString(month + u"-01"_s, Qt::ISODate) : QDate();
        if (!from.isValid())
            return ctx.fail(CtlContext::tr("\"%1\" is not a month like 2025-03.").arg(month), Usage);
        to = from.addMonths(1);
    } else if (hasRange) {
        from = QDate::fromString(ctx.args.value(u"--from"_s), Qt::ISODate);
        to = QDate::fromString(ctx.args.value(u"--to"_s), Qt::ISODate);
        if (!from.isValid() || !to.isValid() || from >= to)
            return ctx.fail(CtlContext::tr("--from and --to must both be dates (YYYY-MM-DD) with --from before --to; "
                                           "--to is exclusive."),
                            Usage);
    } else {
        // Default: the current calendar month in the centre's zone.
        const QDate today = QDateTime::fromMSecsSinceEpoch(ctx.clock().nowMs(), zone).date();
        from = QDate(today.year(), today.month(), 1);
        to = from.addMonths(1);
    }
    QString error;
    if (format == u"pdf"_s) {
        // main() made a QApplication on the offscreen platform for this path: fonts and charts need one.
        const std::optional<ReportBundle> bundle
            = ReportBundleBuilder::build(ws->database(), zone, ws->settings().centreName(), from, to,
                                         ctx.clock().nowMs(), kDefaultMinCompletedForRank, &error);
        if (!bundle)
            return ctx.fail(CtlContext::tr("Cannot build the report: %1").arg(error));
        const std::optional<QByteArray> pdf = ReportDocument(*bundle).toPdf(&error);
        if (!pdf)
            return ctx.fail(CtlContext::tr("Cannot draw the PDF report: %1").arg(error));
        ctx.out += *pdf;
        return Ok;
    }
    const std::optional<ReportData> report = ReportBuilder(ws->database(), zone).build(from, to, &error);
    if (!report)
        return ctx.fail(CtlContext::tr("Cannot build the report: %1").arg(error));
    ctx.out += ReportWriter::write(*report, formats.value(format));
    return Ok;
}

int cmdPermissions(CtlContext &ctx)
{
    // The same table core enforces and the console reads; needs no database.
    ctx.out += Permissions::markdownTable().toUtf8();
    return Ok;
}

} // namespace hotline::ctl
