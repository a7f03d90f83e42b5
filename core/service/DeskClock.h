#pragma once

#include "sla/SlaClock.h"

#include <QCoreApplication>
#include <QString>

#include <optional>

namespace hotline {

struct Ticket;
class Settings;

/** What a ticket waiting at the centre waits for (PRODUCT §3, the centre's own clocks). */
enum class DeskStage {
    Dispatch, ///< registered, returned or reopened: waiting for (re-)dispatch, limit sla.dispatch_hours
    Callback, ///< replied by a department: waiting for the centre's callback and close, limit sla.callback_days
};

/**
 * The dispatch desk's colours, deliberately not the departments' green/yellow/red: a desk item is the
 * centre's own delay, never a department's breach, and must not be mistaken for one on the board or the wall.
 */
enum class DeskColour {
    Blue,    ///< waiting within the limit
    Amber,   ///< the limit is near (the same yellow rule as departments, see DeskClock)
    Magenta, ///< past the limit
};

QString toCode(DeskStage stage);   ///< "dispatch" | "callback"
QString toCode(DeskColour colour); ///< "blue" | "amber" | "magenta"

/** Where one desk item stands at one instant. */
struct DeskStatus
{
    DeskColour colour = DeskColour::Blue;
    qint64 deadlineS = 0;
    qint64 waitedSeconds = 0;    ///< working time since the stage began
    qint64 remainingSeconds = 0; ///< working time to the limit, negative past it
    std::optional<qint64> nextChange; ///< next colour change (UTC seconds); none once magenta
};

/**
 * The centre's stage clocks in working time (the project's WorkCalendar through SlaClock): a ticket that waits
 * at the centre since `since` has until since + the stage's limit in working time (a start outside working
 * hours counts from the next working period, as for departments). Amber follows the departments' yellow rule
 * (sla.yellow_hours before the limit), except that a limit shorter than twice that threshold turns amber at
 * half its length: with the defaults a ticket waiting for dispatch (2 h) turns amber after 1 h, a replied
 * ticket waiting for the callback (1 working day = 7 h) turns amber with 3 h left. Magenta strictly after
 * the limit. A plain value, cheap to copy; make a new one when settings or the calendar change.
 */
class DeskClock
{
    Q_DECLARE_TR_FUNCTIONS(DeskClock)

public:
    DeskClock() = default;
    DeskClock(const SlaClock &sla, qint64 dispatchLimitSeconds, int callbackDays);
    /** The clock as configured: sla.dispatch_hours, sla.callback_days and the SLA clock's calendar and threshold. */
    static DeskClock fromSettings(const SlaClock &sla, const Settings &settings);

    /** The stage a ticket waits in at the centre, or none (with a department, or closed). */
    static std::optional<DeskStage> stageOf(const Ticket &t);
    /** Whether a dispatch-stage ticket waits again (returned or reopened) rather than since registration. */
    static bool waitsAgain(const Ticket &t);

    const WorkCalendar &calendar() const { return m_dispatch.calendar(); }
    qint64 limitSeconds(DeskStage stage) const;
    /** Working seconds before the limit at which the item turns amber. */
    qint64 amberSeconds(DeskStage stage) const;
    qint64 deadline(DeskStage stage, qint64 sinceS) const;
    /** The instant the item turns amber (never before since). */
    qint64 amberAt(DeskStage stage, qint64 sinceS) const;
    DeskStatus status(DeskStage stage, qint64 sinceS, qint64 atS) const;

private:
    const SlaClock &clockFor(DeskStage stage) const;

    SlaClock m_dispatch; // both with the stage's amber threshold as their yellow threshold
    SlaClock m_callback;
    qint64 m_dispatchLimit = 0;
    qint64 m_callbackLimit = 0;
};

} // namespace hotline
