#include "BenchFiles.h"
#include "Benches.h"
#include "TicketCsvGenerator.h"
#include "io/TicketImporter.h"
#include "reports/ReportBuilder.h"
#include "service/Workspace.h"
#include "storage/Database.h"
#include "util/Clock.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTimeZone>

#include <array>
#include <sqlite3.h>

using namespace Qt::StringLiterals;

namespace hotline::bench {
namespace {

constexpr int kYear = 2025;
constexpr int kReportMonth = 11; // a full month with open tickets past their deadline at its end

/** The totals the hand-written query computes, in ReportFigures' order. */
using Totals = std::array<qint64, 9>;
const std::array<const char *, 9> kTotalNames {"received", "dispatched", "completed", "on_time",    "overdue",
                                               "surveyed", "satisfied",  "basic",     "unsatisfied"};

Totals totalsOf(const ReportFigures &f)
{
    return {f.received, f.dispatched, f.completed,          f.onTime,     f.overdue,
            f.surveyed, f.satisfied,  f.basicallySatisfied, f.unsatisfied};
}

QString describe(const Totals &t)
{
    QStringList parts;
    for (std::size_t i = 0; i < t.size(); ++i)
        parts << QString::fromLatin1(kTotalNames[i]) + u'=' + QString::number(t[i]);
    return parts.join(u' ');
}

// The §6 totals in ONE statement, written from PRODUCT §6 and the projection schema, not from ReportBuilder's
// queries: each scalar subquery is one index range. ?1/?2: the period in UTC ms; ?3: its end in whole seconds,
// rounded up (deadline_s < ?3 <=> the deadline is before the period's end). On time: no clock of the ticket
// ever breached (tickets.breached) and the reply in force was on time. Overdue = completed late + open at
// the period's end (still open, or closed since) past the deadline in force without an on-time reply; the
// terms "deadline_s IS NOT NULL AND reply_on_time IS NOT 1" are spelled so that a partial index on them
// (002_report_indexes.sql) can serve the query, as a careful hand-writer would.
constexpr const char *kTotalsSql = R"SQL(
SELECT r.n, d.n, c.n, c.on_time,
       c.n - c.on_time + o.still_open + o.closed_later,
       s.n, s.satisfied, s.basic, s.unsatisfied
FROM (SELECT COUNT(*) AS n FROM tickets WHERE registered_ms >= ?1 AND registered_ms < ?2) AS r,
     (SELECT COUNT(*) AS n FROM dispatches WHERE at_ms >= ?1 AND at_ms < ?2) AS d,
     (SELECT COUNT(*) AS n, COALESCE(SUM(on_time = 1 AND breached = 0), 0) AS on_time
        FROM tickets WHERE closed_ms >= ?1 AND closed_ms < ?2) AS c,
     (SELECT (SELECT COUNT(*) FROM tickets
               WHERE closed_ms IS NULL AND deadline_s IS NOT NULL AND deadline_s < ?3 AND dispatched_ms < ?2
                 AND reply_on_time IS NOT 1) AS still_open,
             (SELECT COUNT(*) FROM tickets
               WHERE closed_ms >= ?2 AND deadline_s IS NOT NULL AND deadline_s < ?3 AND dispatched_ms < ?2
                 AND reply_on_time IS NOT 1) AS closed_later) AS o,
     (SELECT COUNT(*) AS n,
             COALESCE(SUM(satisfaction = 'satisfied'), 0) AS satisfied,
             COALESCE(SUM(satisfaction = 'basic'), 0) AS basic,
             COALESCE(SUM(satisfaction = 'unsatisfied'), 0) AS unsatisfied
        FROM callbacks WHERE at_ms >= ?1 AND at_ms < ?2) AS s
)SQL";

/** A read-only connection of the sqlite3 C library to the benchmark's database. */
class RawDatabase
{
public:
    explicit RawDatabase(const QString &path)
    {
        const int rc = sqlite3_open_v2(QFile::encodeName(path).constData(), &m_db, SQLITE_OPEN_READONLY, nullptr);
        if (rc != SQLITE_OK)
            throw BenchError(u"sqlite3_open_v2(%1): %2"_s.arg(path, QString::fromUtf8(sqlite3_errstr(rc))));
    }
    ~RawDatabase() { sqlite3_close(m_db); }
    RawDatabase(const RawDatabase &) = delete;
    RawDatabase &operator=(const RawDatabase &) = delete;

    /** Prepares, binds, steps and finalises the totals query: what a caller of raw SQL would pay each time. */
    Totals totals(qint64 fromMs, qint64 toMs, qint64 toS) const
    {
        sqlite3_stmt *stmt = nullptr;
        if (sqlite3_prepare_v2(m_db, kTotalsSql, -1, &stmt, nullptr) != SQLITE_OK)
            throw BenchError(u"cannot prepare the totals query: "_s + QString::fromUtf8(sqlite3_errmsg(m_db)));
        sqlite3_bind_int64(stmt, 1, fromMs);
        sqlite3_bind_int64(stmt, 2, toMs);
        sqlite3_bind_int64(stmt, 3, toS);
        Totals t {};
        const int rc = sqlite3_step(stmt);
        if (rc == SQLITE_ROW) {
            for (int i = 0; i < int(t.size()); ++i)
                t[std::size_t(i)] = sqlite3_column_int64(stmt, i);
        }
        sqlite3_finalize(stmt);
        if (rc != SQLITE_ROW)
            throw BenchError(u"the totals query failed: "_s + QString::fromUtf8(sqlite3_errmsg(m_db)));
        return t;
    }

private:
    sqlite3 *m_db = nullptr;
};

std::unique_ptr<Workspace> openWorkspace(const QString &path, const Clock &clock)
{
    QString error;
    std::unique_ptr<Workspace> ws = Workspace::open(path, clock, &error);
    if (!ws)
        throw BenchError(u"cannot open %1: %2"_s.arg(path, error));
    return ws;
}

} // namespace

ImportedCsv importGenerated(Workspace &ws, const QString &csvPath, const GeneratedCsv &generated, int cacheMb)
{
    if (cacheMb > 0) {
        // An experiment (--import-cache-mb), not the product's configuration: how much of the import's time
        // is SQLite's 2 MB default page cache spilling to the WAL and reading pages back.
        QString error;
        if (!ws.database().exec(u"PRAGMA cache_size = -%1"_s.arg(qint64(cacheMb) * 1024), &error))
            throw BenchError(u"PRAGMA cache_size: "_s + error);
        note(u"experiment: SQLite page cache of %1 MB for the import"_s.arg(cacheMb));
    }
    TicketImporter importer(ws);
    importer.setMaxErrors(20);
    const CpuTimes cpuBefore = cpuTimes();
    QElapsedTimer timer;
    timer.start();
    const ImportResult result = importer.importFile(csvPath);
    const double seconds = elapsedMs(timer) / 1000.0;
    const CpuTimes cpuAfter = cpuTimes();
    // Wall time is the figure; CPU time tells a slow import from a busy machine (2 shared cores).
    note(u"import of %1: %2 s wall, %3 s user CPU, %4 s system CPU"_s.arg(QFileInfo(csvPath).fileName())
             .arg(seconds, 0, 'f', 1)
             .arg(cpuAfter.user - cpuBefore.user, 0, 'f', 1)
             .arg(cpuAfter.system - cpuBefore.system, 0, 'f', 1));
    if (!result.ok) {
        throw BenchError(u"importing %1 failed (%2 errors):\n  %3"_s.arg(csvPath)
                             .arg(result.errors.size())
                             .arg(result.errors.mid(0, 20).join(u"\n  "_s)));
    }
    if (result.imported != generated.rows || result.rows != generated.rows) {
        throw BenchError(u"importing %1: %2 rows read and %3 imported, but %4 were written"_s.arg(csvPath)
                             .arg(result.rows)
                             .arg(result.imported)
                             .arg(generated.rows));
    }
    return ImportedCsv {seconds, result.imported};
}

void runImportAndReportBench(const BenchOptions &options, FigureSink &sink, bool reportWanted)
{
    sink.beginGroup(u"import"_s);
    const QString csvPath = QDir(options.workDir).filePath(u"hotline-bench-history.csv"_s);
    const QString dbPath = QDir(options.workDir).filePath(u"hotline-bench-history.db"_s);
    removeDatabaseFiles(dbPath);

    // Now is the first working Monday after the data's year, as if the history were imported then.
    ManualClock clock(qint64(1767574800) * 1000); // 2026-01-05T09:00:00+08:00
    std::unique_ptr<Workspace> ws = openWorkspace(dbPath, clock);

    note(u"generating %1 tickets of %2 into %3"_s.arg(options.tickets).arg(kYear).arg(csvPath));
    QElapsedTimer timer;
    timer.start();
    const GeneratedCsv generated = writeHistoricalYearCsv(csvPath, options.tickets, kYear, ws->sla());
    note(u"generated in %1 s: %2 rows, %3 bytes; %4 closed at intake, %5 dispatched, %6 replied late, %7 open "
         "(%8 dispatched and unanswered), %9 surveyed"_s.arg(elapsedMs(timer) / 1000.0, 0, 'f', 1)
             .arg(generated.rows)
             .arg(generated.bytes)
             .arg(generated.closedAtIntake)
             .arg(generated.dispatched)
             .arg(generated.repliedLate)
             .arg(generated.open)
             .arg(generated.openUnanswered)
             .arg(generated.surveyed));

    note(u"importing (one transaction)…"_s);
    const ImportedCsv imported = importGenerated(*ws, csvPath, generated, options.importCacheMb);
    sink.figure(u"import_seconds"_s, imported.seconds, u"s"_s, 2);
    sink.figure(u"import_rows_per_s"_s, double(imported.tickets) / imported.seconds, u"per_s"_s);
    sink.figure(u"import_csv_mb"_s, double(generated.bytes) / 1e6, u"MB"_s, 1);
    const int schema = ws->database().schemaVersion();
    const double withWalMb = double(databaseBytes(dbPath)) / 1e6;
    // Closing checkpoints the write-ahead log into the database file: not part of import_seconds, but what
    // `hotlinectl import` also pays before it exits.
    timer.restart();
    ws.reset();
    note(u"database %1 (schema version %2): %3 MB with its WAL after the import; closing (checkpoint) took %4 s, "
         "leaving %5 MB"_s.arg(dbPath)
             .arg(schema)
             .arg(withWalMb, 0, 'f', 1)
             .arg(elapsedMs(timer) / 1000.0, 0, 'f', 1)
             .arg(double(databaseBytes(dbPath)) / 1e6, 0, 'f', 1));
    // The file after the checkpoint: what the history costs on disk (the search index is part of it).
    sink.figure(u"import_db_mb"_s, double(databaseBytes(dbPath)) / 1e6, u"MB"_s, 1);
    const bool fullSize = options.tickets >= kBudgetTickets;
    const QString notFull = u"measured at %1 tickets; the budget is for %2"_s.arg(options.tickets).arg(kBudgetTickets);
    sink.budget(u"import_seconds"_s, FigureSink::Direction::AtMost, 60, u"s"_s, fullSize, notFull);

    if (!reportWanted)
        return;

    // A fresh connection, so that the first report meets an empty SQLite page cache (the OS cache is warm).
    sink.beginGroup(u"report"_s);
    ws = openWorkspace(dbPath, clock);
    const QTimeZone zone = ws->sla().calendar().timeZone();
    const QDate from(kYear, kReportMonth, 1);
    const QDate to = from.addMonths(1);
    const ReportBuilder builder(ws->database(), zone, clock.nowMs());
    std::optional<ReportData> report;
    QString error;
    const auto build = [&] {
        report = builder.build(from, to, &error);
        if (!report)
            throw BenchError(
                u"ReportBuilder::build(%1, %2): %3"_s.arg(from.toString(Qt::ISODate), to.toString(Qt::ISODate), error));
    };
    const QList<double> cold = timeRunsMs(1, build);
    const QList<double> warm = timeRunsMs(options.repeats, build);
    const double builderMs = median(warm);
    sink.figure(u"report_month_ms"_s, builderMs, u"ms"_s, 1);
    sink.figure(u"report_month_cold_ms"_s, cold.constFirst(), u"ms"_s, 1);

    // The period bounds, computed here without ReportBuilder: local midnights in the centre's zone.
    const qint64 fromMs = QDateTime(from, QTime(0, 0), zone).toMSecsSinceEpoch();
    const qint64 toMs = QDateTime(to, QTime(0, 0), zone).toMSecsSinceEpoch();
    const qint64 toS = toMs / 1000 + (toMs % 1000 > 0 ? 1 : 0);
    const RawDatabase raw(dbPath);
    Totals rawTotals {};
    const auto rawRun = [&] { rawTotals = raw.totals(fromMs, toMs, toS); };
    timeRunsMs(1, rawRun); // its own cold run, not reported
    const double rawMs = median(timeRunsMs(options.repeats, rawRun));
    sink.figure(u"report_month_sql_ms"_s, rawMs, u"ms"_s, 1);
    sink.figure(u"report_ratio"_s, builderMs / rawMs, u"x"_s, 2);

    const Totals builderTotals = totalsOf(report->totals);
    note(u"report %1: %2 (%3 department rows)"_s.arg(from.toString(u"yyyy-MM"_s), describe(builderTotals))
             .arg(report->departments.size()));
    if (builderTotals != rawTotals) {
        throw BenchError(u"ReportBuilder and the hand-written SQL disagree on %1:\n  builder: %2\n  sql:     %3"_s.arg(
            from.toString(u"yyyy-MM"_s), describe(builderTotals), describe(rawTotals)));
    }
    // A month of a generated year always has tickets, closures and answers; late ones from about 20,000 a year.
    const bool overdueExpected = options.tickets >= 20'000;
    if (builderTotals[0] == 0 || builderTotals[2] == 0 || builderTotals[5] == 0
        || (overdueExpected && builderTotals[4] == 0))
        throw BenchError(
            u"the report of %1 is implausibly empty: %2"_s.arg(from.toString(u"yyyy-MM"_s), describe(builderTotals)));

    const QString notFullReport
        = u"measured on %1 tickets; the budget is for %2"_s.arg(options.tickets).arg(kBudgetTickets);
    sink.budget(u"report_month_ms"_s, FigureSink::Direction::AtMost, 300, u"ms"_s, fullSize, notFullReport);
}

} // namespace hotline::bench
