#pragma once

#include "calendar/WorkCalendar.h"
#include "domain/Enums.h"
#include "sla/SlaPolicy.h"

#include <QCoreApplication>
#include <QString>

#include <optional>

namespace hotline {

/** Where a dispatched, unanswered ticket's countdown stands at one instant. */
struct SlaStatus
{
    Colour colour = Colour::Green;
    qint64 remainingSeconds = 0;      // working time until the deadline; negative when overdue
    std::optional<qint64> nextChange; // instant of the next colour change; none once red
};

/**
 * Deadlines, remaining working time and colours (PRODUCT §3) from a calendar and a policy. Holds both by
 * value: a WorkCalendar copy only shares its immutable table, so a clock is a cheap, thread-safe snapshot;
 * when the administrator changes the calendar or policy, make a new clock. All instants are UTC seconds.
 */
class SlaClock
{
    Q_DECLARE_TR_FUNCTIONS(SlaClock)

public:
    SlaClock() = default;
    SlaClock(WorkCalendar calendar, SlaPolicy policy);

    const WorkCalendar &calendar() const { return m_calendar; }
    const SlaPolicy &policy() const { return m_policy; }

    /** The time limit in working seconds: (class days + extension days) * day length; negative totals count as 0. */
    qint64 durationSeconds(SlaClass cls, int extensionDays = 0) const;
    /** The earliest instant at which the working time since start equals the duration (the clock starts at
     *  dispatch; a start outside working hours counts from the next working period). */
    qint64 deadline(qint64 startUtcSecs, SlaClass cls, int extensionDays = 0) const;
    /**
     * The same deadline, or nothing (and why in *error, translated) when it cannot be known: when it would fall
     * after CalendarYears::knownUntil (a year whose holidays the calendar cannot know) or outside the calendar's
     * table, where deadline() would only give the table's edge. Every new deadline of a ticket is decided here.
     */
    std::optional<qint64> checkedDeadline(qint64 startUtcSecs, SlaClass cls, int extensionDays, QString *error) const;
    /** Working time from t to the deadline; negative working time past it. Does not tick off hours. */
    qint64 remaining(qint64 t, qint64 deadline) const;
    /** Red once t is strictly after the deadline; else yellow when remaining <= the threshold; else green. */
    Colour colour(qint64 t, qint64 deadline) const;
    /** The first instant after t with another colour: green -> yellow at the earliest instant whose remaining
     *  time is within the threshold, yellow -> red at deadline + 1 s; nothing once red. */
    std::optional<qint64> nextChange(qint64 t, qint64 deadline) const;
    /** Colour, remaining time and next change in one go. */
    SlaStatus status(qint64 t, qint64 deadline) const;

private:
    WorkCalendar m_calendar;
    SlaPolicy m_policy;
};

} // namespace hotline
