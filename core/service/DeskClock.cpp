#include "service/DeskClock.h"

#include "domain/Ticket.h"
#include "storage/Settings.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace hotline {
namespace {

SlaClock withThreshold(const SlaClock &sla, qint64 thresholdSeconds)
{
    SlaPolicy policy = sla.policy();
    policy.setYellowThresholdSeconds(std::max<qint64>(0, thresholdSeconds));
    return SlaClock(sla.calendar(), policy);
}

// The departments' threshold, or half the limit when the limit is shorter than twice the threshold: a 2 h
// limit with a 3 h threshold would otherwise be amber from its first second and amber would mean nothing.
qint64 amberFor(qint64 limit, qint64 threshold)
{
    return std::min(threshold, limit / 2);
}

} // namespace

QString toCode(DeskStage stage)
{
    return stage == DeskStage::Dispatch ? u"dispatch"_s : u"callback"_s;
}

QString toCode(DeskColour colour)
{
    switch (colour) {
    case DeskColour::Blue: return u"blue"_s;
    case DeskColour::Amber: return u"amber"_s;
    case DeskColour::Magenta: return u"magenta"_s;
    }
    return {};
}

DeskClock::DeskClock(const SlaClock &sla, qint64 dispatchLimitSeconds, int callbackDays)
    : m_dispatchLimit(std::max<qint64>(0, dispatchLimitSeconds)),
      m_callbackLimit(std::max<qint64>(0, qint64(callbackDays) * sla.calendar().dayLengthSeconds()))
{
    const qint64 threshold = sla.policy().yellowThresholdSeconds();
    m_dispatch = withThreshold(sla, amberFor(m_dispatchLimit, threshold));
    m_callback = withThreshold(sla, amberFor(m_callbackLimit, threshold));
}

DeskClock DeskClock::fromSettings(const SlaClock &sla, const Settings &settings)
{
    return DeskClock(sla, settings.dispatchLimitSeconds(), settings.callbackDays());
}

std::optional<DeskStage> DeskClock::stageOf(const Ticket &t)
{
    if (!t.exists() || t.closedMs || !t.stageSinceMs)
        return std::nullopt;
    return t.repliedMs ? DeskStage::Callback : DeskStage::Dispatch;
}

bool DeskClock::waitsAgain(const Ticket &t)
{
    return stageOf(t) == DeskStage::Dispatch && *t.stageSinceMs != t.registeredMs;
}

const SlaClock &DeskClock::clockFor(DeskStage stage) const
{
    return stage == DeskStage::Dispatch ? m_dispatch : m_callback;
}

qint64 DeskClock::limitSeconds(DeskStage stage) const
{
    return stage == DeskStage::Dispatch ? m_dispatchLimit : m_callbackLimit;
}

qint64 DeskClock::amberSeconds(DeskStage stage) const
{
    return clockFor(stage).policy().yellowThresholdSeconds();
}

qint64 DeskClock::deadline(DeskStage stage, qint64 sinceS) const
{
    return calendar().addWorkingSeconds(sinceS, limitSeconds(stage));
}

qint64 DeskClock::amberAt(DeskStage stage, qint64 sinceS) const
{
    return std::max(calendar().addWorkingSeconds(deadline(stage, sinceS), -amberSeconds(stage)), sinceS);
}

DeskStatus DeskClock::status(DeskStage stage, qint64 sinceS, qint64 atS) const
{
    DeskStatus d;
    d.deadlineS = deadline(stage, sinceS);
    const SlaStatus s = clockFor(stage).status(atS, d.deadlineS);
    d.colour = s.colour == Colour::Red ? DeskColour::Magenta : s.colour == Colour::Yellow ? DeskColour::Amber : DeskColour::Blue;
    d.remainingSeconds = s.remainingSeconds;
    d.nextChange = s.nextChange;
    d.waitedSeconds = std::max<qint64>(0, calendar().workingSecondsBetween(sinceS, atS));
    return d;
}

} // namespace hotline
