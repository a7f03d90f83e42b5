#pragma once

#include "calendar/CalendarDay.h"

#include <QDate>
#include <QList>
#include <QTimeZone>
#include <QtGlobal>

#include <functional>
#include <memory>
#include <vector>

namespace hotline {

/**
 * Precomputed working time of every local day in a date range, as UTC instants, so the cumulative working
 * time W(t) and its inverse cost O(1) and O(log days) without touching QTimeZone. Immutable once built.
 */
class WorkTimeTable
{
public:
    /**
     * Builds the table for the local days first..last (inclusive). QTimeZone is consulted only for days
     * near an offset transition; elsewhere the offset is constant and the arithmetic is exact.
     */
    static std::shared_ptr<const WorkTimeTable> build(const QTimeZone &zone, const QList<WorkingPeriod> &periods,
                                                      QDate first, QDate last,
                                                      const std::function<bool(QDate)> &isWorkingDay);

    /** Working seconds from the start of the table up to instant t (clamped to the table's range). */
    qint64 cumulativeAt(qint64 utcSecs) const;
    /**
     * The earliest instant t with cumulativeAt(t) == cumulative. Values at or below 0 give the start of the
     * table, values above the total give its end.
     */
    qint64 instantAt(qint64 cumulative) const;

    /** UTC instant of the local midnight that starts the first day. */
    qint64 rangeStart() const { return m_dayStart.front(); }
    /** UTC instant of the local midnight after the last day. */
    qint64 rangeEnd() const { return m_dayStart.back(); }
    qint64 totalWorkingSeconds() const { return m_cumWork.back(); }

private:
    // A working span relative to its day's start; int32 keeps the table small (a day is < 2^31 s).
    struct Span
    {
        qint32 begin;
        qint32 end;
    };

    std::size_t dayIndexOf(qint64 utcSecs) const;

    std::vector<qint64> m_dayStart;  // n + 1 entries: UTC of each local midnight, then the end of the range
    std::vector<qint64> m_cumWork;   // n + 1 entries: working seconds before each day
    std::vector<qint32> m_firstSpan; // n + 1 entries: day i owns m_spans[m_firstSpan[i] .. m_firstSpan[i+1])
    std::vector<Span> m_spans;
};

} // namespace hotline
