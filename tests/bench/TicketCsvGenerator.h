#pragma once

#include <QString>

namespace hotline {
class SlaClock;
}

namespace hotline::bench {

/** What a generated historical ticket CSV (PRODUCT §7 format) contains. */
struct GeneratedCsv
{
    qint64 rows = 0;
    qint64 bytes = 0;
    qint64 closedAtIntake = 0; ///< consultations answered at intake (never dispatched)
    qint64 dispatched = 0;
    qint64 repliedLate = 0; ///< reply after the deadline the importer will compute
    qint64 open = 0; ///< not closed at the cut-off
    qint64 openUnanswered = 0; ///< dispatched, no reply: what the board shows
    qint64 surveyed = 0; ///< rows with a satisfaction answer
};

/**
 * Writes a realistic year of historical tickets for a hotline centre: `tickets` rows registered over the
 * year (fewer on off days, mostly in the daytime), about 18 departments (8 town governments and 10 district
 * bureaus), 16 categories, Chinese summaries (a few with ASCII quotes and commas, so RFC 4180 quoting is
 * exercised), valid mobile and landline phones, ISO instants with +08:00. Consistent as the importer
 * requires: registered ≤ dispatched ≤ replied ≤ closed, department set exactly when dispatched, satisfaction
 * only with closed_at, a dispatched closed ticket always replied. About a quarter of the tickets are
 * consultations closed at intake; of the replies about 5 % come after the deadline that `sla` gives (the
 * importer computes the same one); events after the cut-off (the end of the year) did not happen yet, so
 * the last days leave tickets open; 0.3 % of dispatched tickets were never answered. Deterministic for a
 * seed. Throws BenchError on a write error.
 */
GeneratedCsv writeHistoricalYearCsv(const QString &path, qint64 tickets, int year, const SlaClock &sla,
                                    quint64 seed = 20250101);

/**
 * Writes `tickets` open tickets that are dispatched and not answered at `atS` (UTC seconds): the countdown
 * board's worst day. Each was dispatched up to 1.2 of its time limit (working time) before atS, so at atS
 * the board shows green, yellow and red at once (roughly 70/10/20 %).
 */
GeneratedCsv writeOpenBoardCsv(const QString &path, qint64 tickets, qint64 atS, const SlaClock &sla,
                               quint64 seed = 20251217);

/** "2025-12-17T10:00:00+08:00" style: the instant in UTC+08:00, the centre's offset. */
QString isoPlus8(qint64 utcS);

} // namespace hotline::bench
