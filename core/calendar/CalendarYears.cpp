#include "calendar/CalendarYears.h"

#include <algorithm>

namespace hotline {

bool CalendarYears::hasNotice(const WorkCalendar &calendar, int year)
{
    const QList<CalendarDay> days = calendar.days();
    return std::any_of(days.cbegin(), days.cend(),
                       [year](const CalendarDay &d) { return d.isOffDay && d.date.year() == year; });
}

std::optional<int> CalendarYears::latestNotice(const WorkCalendar &calendar)
{
    const QList<CalendarDay> days = calendar.days(); // sorted by date
    for (auto it = days.crbegin(); it != days.crend(); ++it) {
        if (it->isOffDay)
            return it->date.year();
    }
    return std::nullopt;
}

QDate CalendarYears::knownUntil(const WorkCalendar &calendar)
{
    const std::optional<int> latest = latestNotice(calendar);
    if (!latest)
        return calendar.coveredTo();
    return std::min(QDate(*latest + 1, 12, 31), calendar.coveredTo());
}

std::optional<int> CalendarYears::missingNotice(const WorkCalendar &calendar, qint64 nowUtcSecs)
{
    const QDate today = calendar.toLocal(nowUtcSecs).date();
    if (!hasNotice(calendar, today.year()))
        return today.year();
    if (today.month() >= 11 && !hasNotice(calendar, today.year() + 1))
        return today.year() + 1;
    return std::nullopt;
}

QString CalendarYears::missingNoticeWarning(int year)
{
    return tr("The holiday notice for %1 has not been entered: deadlines in %1 count only weekends as off days. "
              "An administrator should enter its off days and make-up working days (the Calendar tab of the console, "
              "or hotlinectl calendar import FILE.json / calendar set DATE off).")
        .arg(year);
}

} // namespace hotline
