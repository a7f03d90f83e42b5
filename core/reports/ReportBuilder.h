#pragma once

#include "reports/ReportData.h"

#include <QCoreApplication>
#include <QDate>
#include <QStringList>
#include <QTimeZone>

#include <optional>

namespace hotline {

class Database;

/**
 * Computes the PRODUCT §6 report for a period from the projection tables (tickets, dispatches, callbacks,
 * departments) with a handful of indexed GROUP BY queries inside one read transaction (one snapshot).
 *
 * The period [from, to) is made of dates in the centre's zone; its bounds are the local starts of day
 * converted to UTC milliseconds. Definitions, all over the current projection:
 *  - received:   tickets with registered_ms in the period;
 *  - dispatched: rows of `dispatches` (dispatches and transfers) with at_ms in the period;
 *  - completed:  tickets with closed_ms in the period; on time: those with on_time = 1 (the reply came at or
 *                before the deadline in force, or the ticket was closed at intake without dispatch);
 *  - overdue:    completed in the period and not on time, plus the tickets open at the *cutoff* (closed_ms NULL
 *                or >= cutoff) whose deadline in force (the latest dispatch's, after extensions) has passed at
 *                the cutoff and that were not replied on time (no reply, or a late one). The cutoff is the
 *                earlier of the period's end and now (PRODUCT §6): a running month counts what is overdue now,
 *                exactly as the board's red, not the deadlines still to come before the month ends. A deadline
 *                has passed one second after it (deadline_s < cutoff in whole seconds, the board's red). A
 *                period that has not begun (now before `from`) counts no open ticket. A ticket still overdue
 *                across several periods counts in each;
 *  - surveyed:   rows of `callbacks` with at_ms in the period, split by answer; satisfaction rate =
 *                (satisfied + basically satisfied) ÷ surveyed.
 * Rows: a department's row counts the tickets whose latest dispatch went to it (tickets.department), except
 * `dispatched`, which counts the dispatches made to it, and callbacks, which count toward the department that
 * had the ticket when the caller answered (a later reopen does not move an unsatisfied answer away).
 * Tickets never dispatched (or back in the dispatch queue) count in the totals only, so the totals are not the
 * sum of the rows. Every department of the departments table gets a row, even when all zero (officials want to
 * see the whole list of member units); a code with figures but missing from that table gets a row named by its
 * code. Rows are ordered by code, which is stable and chosen by the administrator (names sort poorly across
 * Chinese and Latin text).
 * Because the projection is current, later events (a reopen, a transfer, an extension approved after the end of
 * the period) change the figures of past periods.
 */
class ReportBuilder final
{
    Q_DECLARE_TR_FUNCTIONS(ReportBuilder)

public:
    /** nowMs: the instant the report is computed at (the workspace Clock), which ends a running period. */
    ReportBuilder(Database &db, QTimeZone zone, qint64 nowMs);

    /** The report for [from, to); none, with error set (may be null), for an empty period or a database error. */
    std::optional<ReportData> build(QDate from, QDate to, QString *error = nullptr) const;

    /** Only the overdue total of [from, to), exactly as build() counts it, from the three queries it needs
     *  (the weekly overdue chart runs it once per week). */
    std::optional<qint64> overdueTotal(QDate from, QDate to, QString *error = nullptr) const;

    /** SQLite's plan for each query of the report, to check that every one is served by an index. */
    QStringList queryPlans(QDate from, QDate to) const;

    /** The UTC instant in ms at which the local date starts in zone. */
    static qint64 startOfDayMs(QDate date, const QTimeZone &zone);

private:
    Database &m_db;
    QTimeZone m_zone;
    qint64 m_nowMs;
};

} // namespace hotline
