#include "sla/SlaPolicy.h"

namespace hotline {

namespace {
constexpr int kMaxDurationDays = 365; // a year of working days: anything longer is a typo
} // namespace

int SlaPolicy::durationDays(SlaClass cls) const
{
    return cls == SlaClass::Consult ? m_consultDays : m_handlingDays;
}

bool SlaPolicy::setDurationDays(SlaClass cls, int days, QString *error)
{
    if (days < 1 || days > kMaxDurationDays) {
        if (error)
            *error = tr("A time limit must be between 1 and %1 working days, not %2.").arg(kMaxDurationDays).arg(days);
        return false;
    }
    (cls == SlaClass::Consult ? m_consultDays : m_handlingDays) = days;
    return true;
}

bool SlaPolicy::setYellowThresholdSeconds(qint64 seconds, QString *error)
{
    if (seconds < 0) {
        if (error)
            *error = tr("The yellow warning threshold cannot be negative.");
        return false;
    }
    m_yellowThreshold = seconds;
    return true;
}

SlaClass SlaPolicy::classFor(TicketType type, const QString &category) const
{
    const auto it = m_categoryOverrides.constFind(category);
    return it != m_categoryOverrides.cend() ? *it : defaultSlaClass(type);
}

} // namespace hotline
