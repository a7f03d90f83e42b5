#pragma once

#include "BenchSupport.h"

namespace hotline::bench {

/** deadline_rate, status_rate: SlaClock arithmetic on the built-in calendar, one core. */
void runSlaBench(const BenchOptions &options, FigureSink &sink);

/** import_* on a generated year of tickets, then report_* on the database it produced. */
void runImportAndReportBench(const BenchOptions &options, FigureSink &sink, bool reportWanted);

/** report_pdf_*: the printed monthly report (issue 6) over the imported history, importing it first if needed. */
void runReportPdfBench(const BenchOptions &options, FigureSink &sink);

/** board_ms, board_cold_ms on a database with options.openTickets open dispatched unanswered tickets. */
void runBoardBench(const BenchOptions &options, FigureSink &sink);

/** board_first_paint_ms, board_tick_ms, board_rss_mb: the console's board widget with options.openTickets open tickets. */
void runUiBoardBench(const BenchOptions &options, FigureSink &sink);

/** register_ms, register_p95_ms: a call-taker's registration until it is committed locally. */
void runRegisterBench(const BenchOptions &options, FigureSink &sink);

/** sync_*: push throughput, catch-up of a new console and NOTIFY latency on a private PostgreSQL server. */
void runSyncBench(const BenchOptions &options, FigureSink &sink);

/** merge_suggest_ms, merge_suggest_typical_ms: registration's same-incident suggestions over options.openTickets open tickets. */
void runMergeBench(const BenchOptions &options, FigureSink &sink);
/** search_*: search everything (issue 15) over the imported history, importing it first if needed. */
void runSearchBench(const BenchOptions &options, FigureSink &sink);

} // namespace hotline::bench
