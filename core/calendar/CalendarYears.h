#pragma once

#include "calendar/WorkCalendar.h"

#include <QCoreApplication>
#include <QDate>
#include <QString>

#include <optional>

namespace hotline {

/**
 * Which years the working calendar knows (docs/CALENDAR.md, "Which years the calendar knows").
 *
 * A year's holiday notice is *present* when the calendar holds at least one off day dated in that year, whether
 * shipped, imported or entered by an administrator: every notice gives New Year's Day off, and a make-up working
 * day alone does not count (the 2019 notice's working Saturday 2018-12-29 says nothing about 2018's holidays).
 * The calendar *knows* every day up to 31 December of the year after its latest notice: that following year is
 * counted Monday–Friday until its notice arrives (a late notice must not stop dispatch in January), with a
 * warning. Beyond it no deadline is given. A calendar that holds no notice at all is a plain Monday–Friday
 * calendar by choice and knows its whole table.
 */
class CalendarYears final
{
    Q_DECLARE_TR_FUNCTIONS(CalendarYears)

public:
    /** Whether an off day dated in that year is known. */
    static bool hasNotice(const WorkCalendar &calendar, int year);
    /** The latest year with a notice, or nothing. */
    static std::optional<int> latestNotice(const WorkCalendar &calendar);
    /** The last local day whose working time the calendar knows. */
    static QDate knownUntil(const WorkCalendar &calendar);

    /**
     * The year whose notice an administrator should enter now (at instant nowUtcSecs, read in the calendar's
     * zone), or nothing: the current year when its notice is missing, else, from 1 November, the next year when
     * its notice is missing.
     */
    static std::optional<int> missingNotice(const WorkCalendar &calendar, qint64 nowUtcSecs);
    /** The warning for a missing notice, saying what to do (translated). */
    static QString missingNoticeWarning(int year);
};

} // namespace hotline
