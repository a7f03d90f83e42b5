#pragma once

#include "storage/LogStamp.h"

#include <QDate>
#include <QList>
#include <QString>
#include <QTimeZone>

#include <optional>

namespace hotline {

struct Actor;

/**
 * part ÷ whole as a percentage in hundredths (9576 means 95.76 %), rounded half-up in integer arithmetic so
 * that 1/800 = 0.125 % gives 0.13 exactly; none when whole is 0 (nothing to divide by).
 */
std::optional<qint64> percentHundredths(qint64 part, qint64 whole);
/** The same rate as a number (95.76) for charts; print it with percentText() or 2 decimals. */
std::optional<double> percent(qint64 part, qint64 whole);
/** "95.76", "12.50", "0.00"; an empty string when there is no rate. */
QString percentText(std::optional<qint64> hundredths);

/** The PRODUCT §6 figures of one report row: a department, or the totals. */
struct ReportFigures
{
    qint64 received = 0; ///< tickets registered in the period
    qint64 dispatched = 0; ///< dispatches and transfers made in the period
    qint64 completed = 0; ///< tickets closed in the period
    qint64 onTime = 0; ///< completed tickets replied at or before the deadline in force, or closed at intake
    qint64 overdue = 0; ///< completed late + open past the deadline at the earlier of the end and now
    qint64 surveyed = 0; ///< callbacks with an answer in the period
    qint64 satisfied = 0;
    qint64 basicallySatisfied = 0;
    qint64 unsatisfied = 0;
    // A department judged on the dispatches it received (PRODUCT §6); in the totals, over all departments.
    qint64 replied = 0;    ///< dispatches in the period that this department replied to
    qint64 repliedOnTime = 0; ///< of those, replied by its own clock's deadline in force
    qint64 breaches = 0;   ///< its clocks that passed their deadline without a reply (also returned/transferred later)
    qint64 returns = 0;    ///< returns counted against it (after the misroute window)
    qint64 misroutes = 0;  ///< returns within the misroute window (cost nothing)
    qint64 extensions = 0; ///< extensions approved to it
    qint64 followUps = 0;  ///< the citizens' progress calls (催办) while its clocks ran (clocks started in the period)

    /** 按时办结率: on time ÷ completed. */
    std::optional<qint64> onTimeRateHundredths() const { return percentHundredths(onTime, completed); }
    std::optional<double> onTimeRate() const { return percent(onTime, completed); }
    /** 满意率: (satisfied + basically satisfied) ÷ surveyed. */
    std::optional<qint64> satisfactionRateHundredths() const
    {
        return percentHundredths(satisfied + basicallySatisfied, surveyed);
    }
    std::optional<double> satisfactionRate() const { return percent(satisfied + basicallySatisfied, surveyed); }
    /** A department's on-time rate by its own clocks: replied on time ÷ (replied on time + breaches), i.e. over
     *  the clocks judged so far (misroutes, hand-overs before the deadline and clocks still in time are not). */
    std::optional<qint64> ownOnTimeRateHundredths() const
    {
        return percentHundredths(repliedOnTime, repliedOnTime + breaches);
    }

    bool isZero() const { return *this == ReportFigures {}; }
    bool operator==(const ReportFigures &) const = default;
};

/** One department's row: the tickets whose latest dispatch went to it, and the dispatches made to it. */
struct DepartmentReport
{
    QString code;
    QString name; ///< the code itself when the department is missing from the departments table
    ReportFigures figures;

    bool operator==(const DepartmentReport &) const = default;
};

/** A §6 report: the period [from, to) as dates in the centre's zone, totals and department rows by code. */
struct ReportData
{
    QDate from;
    QDate to; ///< exclusive
    QTimeZone zone; ///< the centre's zone, in which from and to are dates
    /** Set while the period is not over when the report is computed: that instant ("now"), at which its open
     *  tickets were judged overdue or not. Unset for a closed period: they were judged at its end. */
    std::optional<qint64> runningAtMs;
    ReportFigures totals; ///< over all tickets, including those never dispatched (not a sum of the rows)
    QList<DepartmentReport> departments;
    /** The event log the figures were read from (same snapshot); every form prints it. Unset for a report not
     *  read from a database. */
    std::optional<LogStamp> log;

    bool operator==(const ReportData &) const = default;

    /** For a running period, what its readers are told: overdue counts the open tickets at runningAtMs; empty
     *  for a closed period. */
    QString runningNote() const;

    /** What a department's liaison reads: only that department's row, and totals that are that row (PRODUCT §1:
     *  a liaison sees their own department). A code without a row gives an all-zero row of that code. */
    ReportData scopedTo(const QString &departmentCode) const;
    /** The report as actor may read it (the permission table's view-reports): all of it, their own department's
     *  row only (a liaison: scopedTo), or none with error set. */
    std::optional<ReportData> readableBy(const Actor &actor, QString *error) const;
};

} // namespace hotline
