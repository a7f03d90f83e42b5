#include "calendar/WorkCalendar.h"

#include "calendar/WorkTimeTable.h"

#include <algorithm>
#include <mutex>

using namespace Qt::StringLiterals;

namespace hotline {

namespace {

// Working time is counted for at least these years; overrides outside them widen the range.
constexpr int kFirstYear = 2000;
constexpr int kLastYear = 2100;
// Hard bounds, so that a typo such as 9025-01-01 cannot make a table of millions of days.
constexpr int kMinYear = 1900;
constexpr int kMaxYear = 2200;

QString hhmmss(QTime t)
{
    return t.toString(u"HH:mm:ss"_s);
}

} // namespace

/** The table for one state of the calendar, built on first use by whichever copy needs it first. */
struct WorkCalendar::Index
{
    std::once_flag once;
    std::shared_ptr<const WorkTimeTable> table;
};

WorkCalendar::WorkCalendar()
    : m_zone(defaultTimeZone())
    , m_periods(defaultWorkingPeriods())
{
    invalidate();
}

QTimeZone WorkCalendar::defaultTimeZone()
{
    QTimeZone zone(QByteArrayLiteral("Asia/Shanghai"));
    // Without a time zone database (a bare container) China's fixed offset is still right.
    return zone.isValid() ? zone : QTimeZone(8 * 3600);
}

QList<WorkingPeriod> WorkCalendar::defaultWorkingPeriods()
{
    return {{QTime(8, 30), QTime(12, 0)}, {QTime(14, 0), QTime(17, 30)}};
}

QString WorkCalendar::validateWorkingPeriods(const QList<WorkingPeriod> &periods)
{
    if (periods.isEmpty())
        return tr("At least one working period is needed.");
    for (qsizetype i = 0; i < periods.size(); ++i) {
        const WorkingPeriod &p = periods.at(i);
        const int number = int(i + 1);
        if (!p.start.isValid() || !p.end.isValid())
            return tr("Working period %1 has an invalid start or end time.").arg(number);
        if (p.start.msec() != 0 || p.end.msec() != 0)
            return tr("Working period %1 must start and end on whole seconds.").arg(number);
        if (p.start >= p.end)
            return tr("Working period %1 (%2–%3) must end after it starts, on the same day.")
                .arg(number)
                .arg(hhmmss(p.start), hhmmss(p.end));
        if (i > 0 && p.start < periods.at(i - 1).end)
            return tr("Working period %1 (%2–%3) must start at or after the end of the previous one (%4): "
                      "periods must be in order and must not overlap.")
                .arg(number)
                .arg(hhmmss(p.start), hhmmss(p.end), hhmmss(periods.at(i - 1).end));
    }
    return {};
}

bool WorkCalendar::setTimeZone(const QTimeZone &zone, QString *error)
{
    if (!zone.isValid()) {
        if (error)
            *error = tr("The time zone is not valid.");
        return false;
    }
    m_zone = zone;
    invalidate();
    return true;
}

bool WorkCalendar::setWorkingPeriods(const QList<WorkingPeriod> &periods, QString *error)
{
    const QString problem = validateWorkingPeriods(periods);
    if (!problem.isEmpty()) {
        if (error)
            *error = problem;
        return false;
    }
    m_periods = periods;
    invalidate();
    return true;
}

bool WorkCalendar::setDay(const CalendarDay &day)
{
    if (!day.date.isValid())
        return false;
    m_overrides.insert(day.date, day);
    invalidate();
    return true;
}

void WorkCalendar::removeDay(QDate date)
{
    if (m_overrides.remove(date) > 0)
        invalidate();
}

void WorkCalendar::setDays(const QList<CalendarDay> &days)
{
    m_overrides.clear();
    mergeDays(days);
}

void WorkCalendar::mergeDays(const QList<CalendarDay> &days)
{
    for (const CalendarDay &d : days) {
        if (d.date.isValid())
            m_overrides.insert(d.date, d);
    }
    invalidate();
}

std::optional<CalendarDay> WorkCalendar::day(QDate date) const
{
    const auto it = m_overrides.constFind(date);
    return it == m_overrides.cend() ? std::nullopt : std::optional<CalendarDay>(*it);
}

bool WorkCalendar::hasDataForYear(int year) const
{
    const auto it = m_overrides.lowerBound(QDate(year, 1, 1));
    return it != m_overrides.cend() && it.key().year() == year;
}

bool WorkCalendar::isWorkingDay(QDate date) const
{
    if (!date.isValid())
        return false;
    const auto it = m_overrides.constFind(date);
    if (it != m_overrides.cend())
        return !it->isOffDay;
    return date.dayOfWeek() <= 5;
}

qint64 WorkCalendar::workingSecondsBetween(qint64 fromUtcSecs, qint64 toUtcSecs) const
{
    const WorkTimeTable &t = table();
    return t.cumulativeAt(toUtcSecs) - t.cumulativeAt(fromUtcSecs);
}

qint64 WorkCalendar::addWorkingSeconds(qint64 startUtcSecs, qint64 workSeconds) const
{
    if (workSeconds == 0)
        return startUtcSecs;
    const WorkTimeTable &table = this->table();
    const qint64 before = table.cumulativeAt(startUtcSecs);
    // Compare before adding, so that absurd amounts cannot overflow.
    if (workSeconds > table.totalWorkingSeconds() - before)
        return std::max(table.rangeEnd(), startUtcSecs);
    if (workSeconds < -before)
        return std::min(table.rangeStart(), startUtcSecs);
    const qint64 t = table.instantAt(before + workSeconds);
    return workSeconds > 0 ? std::max(t, startUtcSecs) : std::min(t, startUtcSecs);
}

QDateTime WorkCalendar::toLocal(qint64 utcSecs) const
{
    return QDateTime::fromSecsSinceEpoch(utcSecs, m_zone);
}

QString WorkCalendar::toIsoLocal(qint64 utcSecs) const
{
    return toLocal(utcSecs).toString(Qt::ISODate);
}

bool operator==(const WorkCalendar &a, const WorkCalendar &b)
{
    return a.m_zone == b.m_zone && a.m_periods == b.m_periods && a.m_overrides == b.m_overrides;
}

void WorkCalendar::invalidate()
{
    m_dayLength = 0;
    for (const WorkingPeriod &p : std::as_const(m_periods))
        m_dayLength += p.start.secsTo(p.end);

    int firstYear = kFirstYear;
    int lastYear = kLastYear;
    if (!m_overrides.isEmpty()) {
        firstYear = std::clamp(std::min(firstYear, m_overrides.firstKey().year() - 1), kMinYear, kFirstYear);
        lastYear = std::clamp(std::max(lastYear, m_overrides.lastKey().year() + 1), kLastYear, kMaxYear);
    }
    m_first = QDate(firstYear, 1, 1);
    m_last = QDate(lastYear, 12, 31);
    m_index = std::make_shared<Index>(); // copies made earlier keep the old one
}

const WorkTimeTable &WorkCalendar::table() const
{
    // Copies sharing this index have the same rules, so any of them may build it.
    std::call_once(m_index->once, [this] {
        m_index->table = WorkTimeTable::build(m_zone, m_periods, m_first, m_last,
                                              [this](QDate date) { return isWorkingDay(date); });
    });
    return *m_index->table;
}

} // namespace hotline
