#include "calendar/WorkTimeTable.h"

#include <QDateTime>

#include <algorithm>

namespace hotline {

namespace {

constexpr qint64 kSecsPerDay = 86400;
constexpr qint64 kUnixEpochJulianDay = 2440588; // 1970-01-01

// A local wall-clock time counted as if it were UTC; the real instant is this minus the zone's offset.
qint64 naiveSecs(QDate date, qint64 secsOfDay)
{
    return (date.toJulianDay() - kUnixEpochJulianDay) * kSecsPerDay + secsOfDay;
}

/** Walks forward through a zone's offset transitions while the table is built day by day. */
class OffsetCursor
{
public:
    OffsetCursor(const QTimeZone &zone, QDate first, QDate last)
    {
        const QDateTime from(first.addDays(-3), QTime(0, 0), QTimeZone::utc());
        const QDateTime to(last.addDays(3), QTime(0, 0), QTimeZone::utc());
        m_current = zone.offsetFromUtc(from);
        if (zone.hasTransitions()) {
            const QTimeZone::OffsetDataList list = zone.transitions(from, to);
            m_transitions.reserve(std::size_t(list.size()));
            for (const QTimeZone::OffsetData &t : list)
                m_transitions.push_back({t.atUtc.toSecsSinceEpoch(), t.offsetFromUtc});
        }
    }

    // True (and the offset) when no transition falls in [fromUtc, toUtc]; calls must come in rising order.
    bool constantOver(qint64 fromUtc, qint64 toUtc, int *offset)
    {
        while (m_next < m_transitions.size() && m_transitions[m_next].atUtc <= fromUtc)
            m_current = m_transitions[m_next++].offsetAfter;
        if (m_next < m_transitions.size() && m_transitions[m_next].atUtc <= toUtc)
            return false;
        *offset = m_current;
        return true;
    }

private:
    struct Transition
    {
        qint64 atUtc;
        int offsetAfter;
    };
    std::vector<Transition> m_transitions;
    std::size_t m_next = 0;
    int m_current = 0;
};

} // namespace

std::shared_ptr<const WorkTimeTable> WorkTimeTable::build(const QTimeZone &zone, const QList<WorkingPeriod> &periods,
                                                          QDate first, QDate last,
                                                          const std::function<bool(QDate)> &isWorkingDay)
{
    auto table = std::make_shared<WorkTimeTable>();
    const qint64 n = std::max<qint64>(1, first.daysTo(last) + 1);
    table->m_dayStart.reserve(std::size_t(n + 1));
    table->m_cumWork.reserve(std::size_t(n + 1));
    table->m_firstSpan.reserve(std::size_t(n + 1));
    table->m_spans.reserve(std::size_t(n * periods.size() * 5 / 7 + 8));

    OffsetCursor offsets(zone, first, last);
    // Local wall-clock (date, seconds of day) -> UTC; exact arithmetic unless an offset change is near.
    auto toUtc = [&zone](QDate date, qint64 secsOfDay, bool constant, int offset) -> qint64 {
        if (constant)
            return naiveSecs(date, secsOfDay) - offset;
        const QDateTime local = secsOfDay == 0 ? date.startOfDay(zone)
                                               : QDateTime(date, QTime(0, 0).addSecs(int(secsOfDay)), zone);
        if (local.isValid())
            return local.toSecsSinceEpoch();
        const qint64 naive = naiveSecs(date, secsOfDay);
        return naive - zone.offsetFromUtc(QDateTime::fromSecsSinceEpoch(naive, QTimeZone::utc()));
    };

    // Every local day's offset situation, decided once (a window of +-3 days covers any real UTC offset).
    std::vector<std::pair<bool, int>> dayOffset(std::size_t(n + 1));
    for (qint64 i = 0; i <= n; ++i) {
        const qint64 naiveMidnight = naiveSecs(first.addDays(i), 0);
        int offset = 0;
        const bool constant = offsets.constantOver(naiveMidnight - 3 * kSecsPerDay, naiveMidnight + 3 * kSecsPerDay,
                                                   &offset);
        dayOffset[std::size_t(i)] = {constant, offset};
        const qint64 start = toUtc(first.addDays(i), 0, constant, offset);
        // Guard monotony even for a pathological zone, so lookups can rely on sorted day starts.
        table->m_dayStart.push_back(i == 0 ? start : std::max(start, table->m_dayStart.back() + 1));
    }

    qint64 cum = 0;
    for (qint64 i = 0; i < n; ++i) {
        const QDate date = first.addDays(i);
        table->m_cumWork.push_back(cum);
        table->m_firstSpan.push_back(qint32(table->m_spans.size()));
        if (!isWorkingDay(date))
            continue;
        const qint64 dayStart = table->m_dayStart[std::size_t(i)];
        const qint64 dayLength = table->m_dayStart[std::size_t(i + 1)] - dayStart;
        const auto [constant, offset] = dayOffset[std::size_t(i)];
        qint64 previousEnd = 0;
        for (const WorkingPeriod &p : periods) {
            qint64 begin = toUtc(date, p.start.msecsSinceStartOfDay() / 1000, constant, offset) - dayStart;
            qint64 end = toUtc(date, p.end.msecsSinceStartOfDay() / 1000, constant, offset) - dayStart;
            // On a DST day a period may shrink (spring forward) or grow (fall back); never let spans cross.
            begin = std::clamp(begin, previousEnd, dayLength);
            end = std::clamp(end, begin, dayLength);
            if (end == begin)
                continue;
            table->m_spans.push_back({qint32(begin), qint32(end)});
            cum += end - begin;
            previousEnd = end;
        }
    }
    table->m_cumWork.push_back(cum);
    table->m_firstSpan.push_back(qint32(table->m_spans.size()));
    return table;
}

std::size_t WorkTimeTable::dayIndexOf(qint64 utcSecs) const
{
    // Days are 86400 s long except around offset changes, so the guess is right or one off.
    const std::size_t days = m_dayStart.size() - 1;
    std::size_t i = std::min(std::size_t((utcSecs - m_dayStart.front()) / kSecsPerDay), days - 1);
    while (utcSecs < m_dayStart[i])
        --i;
    while (utcSecs >= m_dayStart[i + 1])
        ++i;
    return i;
}

qint64 WorkTimeTable::cumulativeAt(qint64 utcSecs) const
{
    if (utcSecs <= m_dayStart.front())
        return 0;
    if (utcSecs >= m_dayStart.back())
        return m_cumWork.back();
    const std::size_t i = dayIndexOf(utcSecs);
    const qint64 rel = utcSecs - m_dayStart[i];
    qint64 work = m_cumWork[i];
    for (qint32 k = m_firstSpan[i]; k < m_firstSpan[i + 1]; ++k) {
        const Span &s = m_spans[std::size_t(k)];
        if (rel <= s.begin)
            break;
        if (rel < s.end)
            return work + (rel - s.begin);
        work += s.end - s.begin;
    }
    return work;
}

qint64 WorkTimeTable::instantAt(qint64 cumulative) const
{
    if (cumulative <= 0)
        return m_dayStart.front();
    if (cumulative > m_cumWork.back())
        return m_dayStart.back();
    // First day boundary whose cumulative work reaches the target: the target lies inside the day before it.
    const auto it = std::lower_bound(m_cumWork.begin(), m_cumWork.end(), cumulative);
    const std::size_t i = std::size_t(it - m_cumWork.begin()) - 1;
    qint64 left = cumulative - m_cumWork[i]; // > 0
    for (qint32 k = m_firstSpan[i]; k < m_firstSpan[i + 1]; ++k) {
        const Span &s = m_spans[std::size_t(k)];
        const qint64 length = s.end - s.begin;
        if (left <= length) // "<=": a target met exactly at a span's end is that end, not the next start
            return m_dayStart[i] + s.begin + left;
        left -= length;
    }
    return m_dayStart[i + 1]; // unreachable: the day's spans add up to the difference of cumulatives
}

} // namespace hotline
