// hotline-bench: the performance figures of PRODUCT §8 (see docs/BENCHMARKS.md).
//
// stdout: one "name value unit" line per figure, then "# budget …" lines. Progress goes to stderr.
// Exit code 0 even when a budget is missed (benchmarks report, they do not gate); 1 on a real error
// (bad import, disagreeing report totals, I/O), 2 on bad options.

#include "BenchSupport.h"
#include "Benches.h"

#include <QCommandLineParser>
#include <QApplication>
#include <QDir>
#include <QLoggingCategory>
#include <QTemporaryDir>

#include <cstdio>
#include <exception>

using namespace Qt::StringLiterals;
using namespace hotline::bench;

namespace {

struct Group
{
    QString name;
    QStringList figures;
};

const QList<Group> &groups()
{
    static const QList<Group> kGroups {
        {u"sla"_s, {u"deadline_rate"_s, u"status_rate"_s}},
        {u"import"_s, {u"import_seconds"_s, u"import_rows_per_s"_s, u"import_csv_mb"_s, u"import_db_mb"_s}},
        {u"report"_s, {u"report_month_ms"_s, u"report_month_cold_ms"_s, u"report_month_sql_ms"_s, u"report_ratio"_s}},
        {u"report_pdf"_s, {u"report_pdf_compute_ms"_s, u"report_pdf_s"_s, u"report_pdf_pages"_s, u"report_pdf_kb"_s}},
        {u"board"_s, {u"board_ms"_s, u"board_cold_ms"_s}},
        {u"board_ui"_s, {u"board_first_paint_ms"_s, u"board_tick_ms"_s, u"board_tick_signal_ms"_s, u"board_tick_rows"_s,
                         u"board_rss_mb"_s}},
        {u"register"_s, {u"register_ms"_s, u"register_p95_ms"_s}},
        {u"sync"_s, {u"sync_push_per_s"_s, u"sync_catchup_s"_s, u"sync_catchup_events"_s, u"sync_notify_median_ms"_s,
                     u"sync_notify_p95_ms"_s}},
        {u"merge"_s, {u"merge_suggest_ms"_s, u"merge_suggest_typical_ms"_s}},
        {u"search"_s, {u"search_number_ms"_s, u"search_phone_ms"_s, u"search_phrase_ms"_s, u"search_two_ms"_s,
                       u"search_one_ms"_s, u"search_two_absent_ms"_s}},
    };
    return kGroups;
}

void usageError(const QString &message)
{
    std::fputs((u"hotline-bench: "_s + message + u"\n(see --help)\n"_s).toUtf8().constData(), stderr);
}

bool parseCount(const QString &text, qint64 minimum, qint64 *out)
{
    QString digits = text;
    digits.remove(u'_').remove(u',');
    bool ok = false;
    const qint64 n = digits.toLongLong(&ok);
    if (!ok || n < minimum)
        return false;
    *out = n;
    return true;
}

} // namespace

int main(int argc, char *argv[])
{
    // The board figures paint real widgets; without a display they go to the offscreen platform.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"hotline-bench"_s);
    // The core's informational logging (e.g. "imported N tickets") is not part of what is measured.
    QLoggingCategory::setFilterRules(u"hotline.*.info=false\nhotline.*.debug=false"_s);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Performance figures of Hotline Console. Prints one \"name value unit\" line per figure, then "
        "\"# budget\" lines. Groups and figures: sla (deadline_rate, status_rate), import (import_seconds, "
        "import_rows_per_s, import_csv_mb), report (report_month_ms, report_month_cold_ms, "
        "report_month_sql_ms, report_ratio), report_pdf (report_pdf_compute_ms, report_pdf_s, "
        "report_pdf_pages, report_pdf_kb), board (board_ms, board_cold_ms)."_s);
    parser.addHelpOption();
    const QCommandLineOption quickOption(u"quick"_s,
                                         u"Scaled-down sizes (20,000 tickets, 5,000 open, 3 runs) for a smoke run."_s);
    const QCommandLineOption onlyOption(u"only"_s, u"Only this group or figure (repeatable, or comma-separated)."_s,
                                        u"NAME"_s);
    const QCommandLineOption ticketsOption(u"tickets"_s,
                                           u"Historical tickets to generate and import (default 1,000,000)."_s, u"N"_s);
    const QCommandLineOption openOption(u"open"_s, u"Open tickets on the board (default 100,000)."_s, u"N"_s);
    const QCommandLineOption repeatsOption(u"repeats"_s, u"Runs per short measurement, median reported (default 7)."_s,
                                           u"N"_s);
    const QCommandLineOption keepOption(u"keep"_s, u"Write the generated CSV and databases to DIR and keep them."_s,
                                        u"DIR"_s);
    const QCommandLineOption cacheOption(
        u"import-cache-mb"_s,
        u"Experiment: give the import's SQLite connection a page cache of MB megabytes "
        "(default: leave the core's setting)."_s,
        u"MB"_s);
    parser.addOptions({quickOption, onlyOption, ticketsOption, openOption, repeatsOption, keepOption, cacheOption});
    parser.process(app);
    if (!parser.positionalArguments().isEmpty()) {
        usageError(u"unexpected argument “%1”"_s.arg(parser.positionalArguments().constFirst()));
        return 2;
    }

    BenchOptions options;
    if (parser.isSet(quickOption)) {
        options.quick = true;
        options.tickets = 20'000;
        options.openTickets = 5'000;
        options.repeats = 3;
    }
    qint64 n = 0;
    if (parser.isSet(ticketsOption)) {
        if (!parseCount(parser.value(ticketsOption), 1000, &n)) {
            usageError(u"--tickets needs a whole number of at least 1000"_s);
            return 2;
        }
        options.tickets = n;
    }
    if (parser.isSet(openOption)) {
        if (!parseCount(parser.value(openOption), 1, &n)) {
            usageError(u"--open needs a whole number of at least 1"_s);
            return 2;
        }
        options.openTickets = n;
    }
    if (parser.isSet(repeatsOption)) {
        if (!parseCount(parser.value(repeatsOption), 1, &n) || n > 1000) {
            usageError(u"--repeats needs a whole number from 1 to 1000"_s);
            return 2;
        }
        options.repeats = int(n);
    }
    if (parser.isSet(cacheOption)) {
        if (!parseCount(parser.value(cacheOption), 1, &n) || n > 65536) {
            usageError(u"--import-cache-mb needs a whole number from 1 to 65536"_s);
            return 2;
        }
        options.importCacheMb = int(n);
    }
    QStringList known;
    for (const Group &g : groups())
        known << g.name << g.figures;
    for (const QString &value : parser.values(onlyOption)) {
        for (const QString &name : value.split(u',', Qt::SkipEmptyParts)) {
            if (!known.contains(name.trimmed())) {
                usageError(u"unknown figure or group “%1”; known: %2"_s.arg(name, known.join(u", "_s)));
                return 2;
            }
            options.only << name.trimmed();
        }
    }

    std::unique_ptr<QTemporaryDir> temporary;
    if (parser.isSet(keepOption)) {
        options.keepDir = QDir(parser.value(keepOption)).absolutePath();
        if (!QDir().mkpath(options.keepDir)) {
            usageError(u"cannot create %1"_s.arg(options.keepDir));
            return 2;
        }
        options.workDir = options.keepDir;
    } else {
        temporary = std::make_unique<QTemporaryDir>();
        if (!temporary->isValid()) {
            std::fputs("hotline-bench: error: cannot create a temporary folder\n", stderr);
            return 1;
        }
        options.workDir = temporary->path();
    }

    FigureSink sink(options.only);
    try {
        const auto wanted = [&](const QString &group) {
            for (const Group &g : groups()) {
                if (g.name == group)
                    return sink.anyWanted(g.name, g.figures);
            }
            return false;
        };
        if (wanted(u"sla"_s))
            runSlaBench(options, sink);
        if (wanted(u"import"_s) || wanted(u"report"_s))
            runImportAndReportBench(options, sink, wanted(u"report"_s));
        if (wanted(u"report_pdf"_s))
            runReportPdfBench(options, sink);
        if (wanted(u"board"_s))
            runBoardBench(options, sink);
        if (wanted(u"board_ui"_s))
            runUiBoardBench(options, sink);
        if (wanted(u"register"_s))
            runRegisterBench(options, sink);
        if (wanted(u"sync"_s))
            runSyncBench(options, sink);
        if (wanted(u"merge"_s))
            runMergeBench(options, sink);
        if (wanted(u"search"_s))
            runSearchBench(options, sink);
    } catch (const std::exception &e) {
        std::fprintf(stderr, "hotline-bench: error: %s\n", e.what());
        return 1;
    }
    const int missed = sink.printBudgets();
    if (missed > 0)
        note(u"%1 budget(s) missed (reported, not an error)"_s.arg(missed));
    if (!options.keepDir.isEmpty())
        note(u"generated files kept in %1"_s.arg(options.keepDir));
    return 0;
}
