#include "sla/SlaClock.h"

#include "calendar/CalendarYears.h"

#include <algorithm>
#include <utility>

using namespace Qt::StringLiterals;

namespace hotline {

SlaClock::SlaClock(WorkCalendar calendar, SlaPolicy policy)
    : m_calendar(std::move(calendar))
    , m_policy(std::move(policy))
{
}

qint64 SlaClock::durationSeconds(SlaClass cls, int extensionDays) const
{
    const qint64 days = std::max<qint64>(0, qint64(m_policy.durationDays(cls)) + extensionDays);
    return days * m_calendar.dayLengthSeconds();
}

qint64 SlaClock::deadline(qint64 startUtcSecs, SlaClass cls, int extensionDays) const
{
    return m_calendar.addWorkingSeconds(startUtcSecs, durationSeconds(cls, extensionDays));
}

std::optional<qint64> SlaClock::checkedDeadline(qint64 startUtcSecs, SlaClass cls, int extensionDays, QString *error) const
{
    const qint64 duration = durationSeconds(cls, extensionDays);
    const qint64 result = deadline(startUtcSecs, cls, extensionDays);
    const QDate knownUntil = CalendarYears::knownUntil(m_calendar);
    const QDate startDay = m_calendar.toLocal(startUtcSecs).date();
    // Clamped to the table's edge: the working time up to the result is less than the duration.
    const bool clamped = startDay < m_calendar.coveredFrom() || m_calendar.workingSecondsBetween(startUtcSecs, result) != duration;
    if (!clamped && m_calendar.toLocal(result).date() <= knownUntil)
        return result;
    if (error) {
        const QString start = m_calendar.toLocal(startUtcSecs).toString(u"yyyy-MM-dd HH:mm"_s);
        if (startDay < m_calendar.coveredFrom())
            *error = tr("No deadline can be computed for a start at %1: the working calendar begins on %2.")
                         .arg(start, m_calendar.coveredFrom().toString(Qt::ISODate));
        else
            *error = tr("No deadline can be computed for a start at %1: it would fall after %2, the last day whose "
                        "holidays the working calendar knows. An administrator must first enter the holiday notices "
                        "from %3 on (the Calendar tab of the console, or hotlinectl calendar import).")
                         .arg(start, knownUntil.toString(Qt::ISODate))
                         .arg(knownUntil.year());
    }
    return std::nullopt;
}

qint64 SlaClock::remaining(qint64 t, qint64 deadline) const
{
    return m_calendar.workingSecondsBetween(t, deadline);
}

Colour SlaClock::colour(qint64 t, qint64 deadline) const
{
    if (t > deadline)
        return Colour::Red;
    return remaining(t, deadline) <= m_policy.yellowThresholdSeconds() ? Colour::Yellow : Colour::Green;
}

std::optional<qint64> SlaClock::nextChange(qint64 t, qint64 deadline) const
{
    return status(t, deadline).nextChange;
}

SlaStatus SlaClock::status(qint64 t, qint64 deadline) const
{
    SlaStatus s;
    s.remainingSeconds = remaining(t, deadline);
    if (t > deadline) {
        s.colour = Colour::Red;
        return s;
    }
    const qint64 threshold = m_policy.yellowThresholdSeconds();
    if (s.remainingSeconds <= threshold) {
        s.colour = Colour::Yellow;
        s.nextChange = deadline + 1; // red is "strictly past the deadline"
        return s;
    }
    s.colour = Colour::Green;
    // Remaining time only falls while working, so yellow starts at the earliest instant with exactly
    // `threshold` left: the deadline moved back by the threshold (earliest, as addWorkingSeconds promises).
    // max(): only outside the calendar's range could that instant fail to lie after t.
    s.nextChange = std::max(m_calendar.addWorkingSeconds(deadline, -threshold), t + 1);
    return s;
}

} // namespace hotline
