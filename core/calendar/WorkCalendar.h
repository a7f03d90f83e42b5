#pragma once

#include "calendar/CalendarDay.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QMap>
#include <QTimeZone>

#include <memory>
#include <optional>

namespace hotline {

class WorkTimeTable;

/**
 * The centre's working calendar (PRODUCT §3): time zone, working hours, and dated overrides (holidays and
 * make-up days) over the Monday–Friday rule. Instants are seconds since the Unix epoch, UTC.
 *
 * A value type: copies are cheap and share an immutable precomputed table, so working-time computations
 * are O(1)/O(log n), never touch QTimeZone, and are safe from many threads. A change only drops the table;
 * the first computation afterwards builds it once (a millisecond or two, thread-safe), so configuring a
 * calendar step by step costs nothing. The table covers the local days 2000-01-01..2100-12-31, widened to
 * include a year either side of any override (at most 1900..2200); outside it no working time is counted:
 * instants before its start count as its start and instants after its end as its end.
 */
class WorkCalendar
{
    Q_DECLARE_TR_FUNCTIONS(WorkCalendar)

public:
    /** Asia/Shanghai, 08:30–12:00 and 14:00–17:30, Monday–Friday, no overrides. */
    WorkCalendar();

    /** Asia/Shanghai, or a fixed UTC+08:00 where the system has no time zone database. */
    static QTimeZone defaultTimeZone();
    /** 08:30–12:00 and 14:00–17:30. */
    static QList<WorkingPeriod> defaultWorkingPeriods();
    /** Why the periods are unusable (translated), or an empty string: they must be non-empty, valid whole
     *  seconds, each start before its end, sorted and non-overlapping, all within one day. */
    static QString validateWorkingPeriods(const QList<WorkingPeriod> &periods);

    QTimeZone timeZone() const { return m_zone; }
    /** Rejects (and explains in *error) an invalid zone, keeping the current one. */
    bool setTimeZone(const QTimeZone &zone, QString *error = nullptr);

    QList<WorkingPeriod> workingPeriods() const { return m_periods; }
    /** Rejects (and explains in *error) periods that validateWorkingPeriods refuses, keeping the current ones. */
    bool setWorkingPeriods(const QList<WorkingPeriod> &periods, QString *error = nullptr);
    /** Sum of the working periods: one "working day" of duration (25200 s = 7 h by default). */
    qint64 dayLengthSeconds() const { return m_dayLength; }

    /** Adds or replaces the override for day.date; false (and nothing changes) for an invalid date. */
    bool setDay(const CalendarDay &day);
    void removeDay(QDate date);
    /** Replaces all overrides (invalid dates are skipped; for a repeated date the last one wins). */
    void setDays(const QList<CalendarDay> &days);
    /** Adds or replaces the overrides for these dates, keeping the others (an import). */
    void mergeDays(const QList<CalendarDay> &days);
    /** All overrides, sorted by date. */
    QList<CalendarDay> days() const { return m_overrides.values(); }
    std::optional<CalendarDay> day(QDate date) const;
    /** Whether any override falls in that year, i.e. whether its holiday notice seems to be imported. */
    bool hasDataForYear(int year) const;

    /** The override if there is one, else Monday–Friday. */
    bool isWorkingDay(QDate date) const;

    /** Working seconds in [from, to); negative when to < from. */
    qint64 workingSecondsBetween(qint64 fromUtcSecs, qint64 toUtcSecs) const;
    /**
     * The earliest instant t with workingSecondsBetween(start, t) == workSeconds. For workSeconds > 0 a start
     * outside working hours counts from the next working period, and a result landing exactly on the end of a
     * period is that end (17:30, not 08:30 next day). For workSeconds < 0 it is the instant that much
     * working time before start, again the earliest one: when it falls on off time, the end of the working
     * period before it (7 h before Tuesday 08:30 is the previous Friday 17:30, not Monday 08:30; the same
     * rule as for deadlines). workSeconds == 0 gives start. Results are
     * clamped to the table range (see the class note), never before start for workSeconds > 0 nor after it
     * for workSeconds < 0.
     */
    qint64 addWorkingSeconds(qint64 startUtcSecs, qint64 workSeconds) const;

    /** The instant in the centre's zone. */
    QDateTime toLocal(qint64 utcSecs) const;
    /** ISO 8601 with the zone's offset, e.g. 2025-01-24T17:30:00+08:00. */
    QString toIsoLocal(qint64 utcSecs) const;

    /** First and last local day for which working time is counted. */
    QDate coveredFrom() const { return m_first; }
    QDate coveredTo() const { return m_last; }

    friend bool operator==(const WorkCalendar &a, const WorkCalendar &b);

private:
    struct Index;
    void invalidate();
    const WorkTimeTable &table() const;

    QTimeZone m_zone;
    QList<WorkingPeriod> m_periods;
    QMap<QDate, CalendarDay> m_overrides;
    qint64 m_dayLength = 0;
    QDate m_first;
    QDate m_last;
    std::shared_ptr<Index> m_index; // shared by copies until one of them changes
};

} // namespace hotline
