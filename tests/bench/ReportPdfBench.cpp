// report_pdf: the printed monthly report over the imported history (issue 6): what it computes, and the whole PDF.
#include "Benches.h"
#include "print/ReportDocument.h"
#include "reports/ReportBundle.h"
#include "service/Workspace.h"
#include "storage/Settings.h"
#include "util/Clock.h"

#include <QDir>
#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace hotline::bench {

void runReportPdfBench(const BenchOptions &options, FigureSink &sink)
{
    // The same database, month and "now" as the report group: November of the generated year, seen in January.
    const QString dbPath = QDir(options.workDir).filePath(u"hotline-bench-history.db"_s);
    if (!QFileInfo::exists(dbPath))
        runImportAndReportBench(options, sink, false); // --only report_pdf: import the history first
    sink.beginGroup(u"report_pdf"_s);
    ManualClock clock(qint64(1767574800) * 1000); // 2026-01-05T09:00:00+08:00
    QString error;
    std::unique_ptr<Workspace> ws = Workspace::open(dbPath, clock, &error);
    if (!ws)
        throw BenchError(u"cannot open %1: %2"_s.arg(dbPath, error));
    const QTimeZone zone = ws->sla().calendar().timeZone();
    const QDate from(2025, 11, 1);
    const QDate to = from.addMonths(1);

    std::optional<ReportBundle> bundle;
    const auto compute = [&] {
        bundle = ReportBundleBuilder::build(ws->database(), zone, ws->settings().centreName(), from, to, clock.nowMs(),
                                            kDefaultMinCompletedForRank, &error);
        if (!bundle)
            throw BenchError(u"ReportBundleBuilder::build: %1"_s.arg(error));
    };
    // Everything the printed report computes: the §6 report, the chart series (six weekly §6 reports among
    // them) and the corrections check of a closed month.
    timeRunsMs(1, compute); // cold run, not reported
    sink.figure(u"report_pdf_compute_ms"_s, median(timeRunsMs(options.repeats, compute)), u"ms"_s, 1);

    qsizetype bytes = 0;
    int pages = 0;
    const auto whole = [&] {
        compute();
        const ReportDocument document(*bundle);
        const std::optional<QByteArray> pdf = document.toPdf(&error);
        if (!pdf)
            throw BenchError(u"ReportDocument::toPdf: %1"_s.arg(error));
        bytes = pdf->size();
        pages = document.pageCount();
    };
    const double wholeMs = median(timeRunsMs(std::min(options.repeats, 5), whole));
    sink.figure(u"report_pdf_s"_s, wholeMs / 1000.0, u"s"_s, 2);
    sink.figure(u"report_pdf_pages"_s, pages, u"pages"_s);
    sink.figure(u"report_pdf_kb"_s, double(bytes) / 1024.0, u"KiB"_s);
    note(u"report %1: %2 departments, %3 corrections, %4 received"_s.arg(from.toString(u"yyyy-MM"_s))
             .arg(bundle->report.departments.size())
             .arg(bundle->corrections.size())
             .arg(bundle->report.totals.received));

    const bool fullSize = options.tickets >= kBudgetTickets;
    const QString notFull = u"measured on %1 tickets; the budget is for %2"_s.arg(options.tickets).arg(kBudgetTickets);
    sink.budget(u"report_pdf_compute_ms"_s, FigureSink::Direction::AtMost, 300, u"ms"_s, fullSize, notFull);
    sink.budget(u"report_pdf_s"_s, FigureSink::Direction::AtMost, 3, u"s"_s, fullSize, notFull);
}

} // namespace hotline::bench
