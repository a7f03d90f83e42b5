// hotlinectl report, board and permissions: what officials, supervisors and auditors read.
#include "CtlContext.h"

#include "auth/Permissions.h"
#include "calendar/WorkCalendar.h"
#include "print/AssessmentDocument.h"
#include "print/ReportDocument.h"
#include "reports/Assessment.h"
#include "reports/ReportBuilder.h"
#include "reports/ReportBundle.h"
#include "reports/ReportWriters.h"
#include "service/Board.h"
#include "service/DeskBoard.h"
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
    warnMissingNotice(ctx, sla.calendar(), atS);
    const BoardSnapshot board = Board::load(ws->database(), sla, atS);
    // The dispatch desk (the centre's own clocks) beside the departments' countdown: nothing open is left out.
    const DeskClock deskClock = DeskClock::fromSettings(sla, ws->settings());
    const DeskSnapshot desk = DeskBoard::load(ws->database(), deskClock, atS);
    if (format == u"json"_s)
        ctx.out += Board::toJson(board, sla, &desk, &deskClock);
    else
        ctx.out += Board::toText(board, sla, &desk, &deskClock).toUtf8();
    return Ok;
}

namespace {

// report --year YYYY [--assessment]: a calendar year in the centre's zone, never one that has not begun.
int yearReport(CtlContext &ctx, Workspace &ws, const QTimeZone &zone, const QString &format)
{
    if (!ctx.args.has(u"--year"_s))
        return ctx.fail(CtlContext::tr("--assessment needs --year YYYY (the calendar year assessed)."), Usage);
    if (ctx.args.has(u"--month"_s) || ctx.args.has(u"--from"_s) || ctx.args.has(u"--to"_s))
        return ctx.fail(CtlContext::tr("Give either --year, --month or --from/--to, not several."), Usage);
    static const QRegularExpression yearPattern(u"^\\d{4}$"_s);
    const QString yearText = ctx.args.value(u"--year"_s);
    if (!yearPattern.match(yearText).hasMatch())
        return ctx.fail(CtlContext::tr("\"%1\" is not a year like 2025.").arg(yearText), Usage);
    const int year = yearText.toInt();
    qint64 nowMs = ctx.clock().nowMs();
    if (ctx.args.has(u"--at"_s)) {
        QString error;
        const auto at = ctx.parseInstant(ctx.args.value(u"--at"_s), &error);
        if (!at)
            return ctx.fail(error, Usage);
        nowMs = *at;
    }
    QString error;
    const std::optional<ReportData> report = AssessmentBuilder::yearReport(ws.database(), zone, nowMs, year, &error);
    if (!report)
        return ctx.fail(CtlContext::tr("Cannot build the report: %1").arg(error));
    static const QHash<QString, ReportFormat> formats{
        {u"text"_s, ReportFormat::Text}, {u"csv"_s, ReportFormat::Csv}, {u"json"_s, ReportFormat::Json}};
    if (ctx.args.has(u"--assessment"_s)) {
        const Assessment assessment
            = AssessmentBuilder::assess(year, *report, AssessmentWeights::fromSettings(ws.settings()));
        if (format == u"pdf"_s) {
            const std::optional<QByteArray> pdf = AssessmentDocument::toPdf(assessment, ws.settings().centreName(),
                                                                             nowMs, &error);
            if (!pdf)
                return ctx.fail(CtlContext::tr("Cannot draw the PDF report: %1").arg(error));
            ctx.out += *pdf;
            return Ok;
        }
        ctx.out += AssessmentWriter::write(assessment, formats.value(format));
        return Ok;
    }
    if (format == u"pdf"_s) {
        const std::optional<ReportBundle> bundle
            = ReportBundleBuilder::build(ws.database(), zone, ws.settings().centreName(), report->from, report->to,
                                         nowMs, kDefaultMinCompletedForRank, &error);
        if (!bundle)
            return ctx.fail(CtlContext::tr("Cannot build the report: %1").arg(error));
        const std::optional<QByteArray> pdf = ReportDocument(*bundle).toPdf(&error);
        if (!pdf)
            return ctx.fail(CtlContext::tr("Cannot draw the PDF report: %1").arg(error));
        ctx.out += *pdf;
        return Ok;
    }
    ctx.out += ReportWriter::write(*report, formats.value(format));
    return Ok;
}

} // namespace

int cmdReport(CtlContext &ctx)
{
    const QString usage = CtlContext::tr("Usage: hotlinectl report [--month YYYY-MM | --from DATE --to DATE | "
                                         "--year YYYY [--assessment]] [--at ISO8601] [--format text|csv|json|pdf] "
                                         "[-o FILE]");
    const QString format = ctx.args.value(u"--format"_s, u"text"_s);
    static const QHash<QString, ReportFormat> formats{
        {u"text"_s, ReportFormat::Text}, {u"csv"_s, ReportFormat::Csv}, {u"json"_s, ReportFormat::Json}};
    if (!ctx.args.words.isEmpty() || (!formats.contains(format) && format != u"pdf"_s))
        return ctx.fail(usage, Usage);
    Workspace *ws = ctx.workspace();
    if (!ws)
        return Failed;
    const QTimeZone zone = ws->sla().calendar().timeZone();
    if (ctx.args.has(u"--year"_s) || ctx.args.has(u"--assessment"_s))
        return yearReport(ctx, *ws, zone, format);
    int code = Ok;
    const std::optional<CtlPeriod> period = ctx.period(zone, false, &code);
    if (!period)
        return code;
    // --at: the report as computed at that instant (like board --at, over today's projection): a period not over
    // then judges its open tickets there. Without a period, the month of that instant.
    qint64 nowMs = ctx.clock().nowMs();
    QDate from = period->from;
    QDate to = period->to;
    if (ctx.args.has(u"--at"_s)) {
        QString error;
        const auto at = ctx.parseInstant(ctx.args.value(u"--at"_s), &error);
        if (!at)
            return ctx.fail(error, Usage);
        nowMs = *at;
        if (!ctx.args.has(u"--month"_s) && !ctx.args.has(u"--from"_s)) {
            const QDate day = QDateTime::fromMSecsSinceEpoch(nowMs, zone).date();
            from = QDate(day.year(), day.month(), 1);
            to = from.addMonths(1);
        }
    }
    QString error;
    if (format == u"pdf"_s) {
        // main() made a QApplication on the offscreen platform for this path: fonts and charts need one.
        const std::optional<ReportBundle> bundle
            = ReportBundleBuilder::build(ws->database(), zone, ws->settings().centreName(), from, to,
                                         nowMs, kDefaultMinCompletedForRank, &error);
        if (!bundle)
            return ctx.fail(CtlContext::tr("Cannot build the report: %1").arg(error));
        const std::optional<QByteArray> pdf = ReportDocument(*bundle).toPdf(&error);
        if (!pdf)
            return ctx.fail(CtlContext::tr("Cannot draw the PDF report: %1").arg(error));
        ctx.out += *pdf;
        return Ok;
    }
    const std::optional<ReportData> report = ReportBuilder(ws->database(), zone, nowMs).build(from, to, &error);
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
