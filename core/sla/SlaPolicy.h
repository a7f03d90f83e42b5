#pragma once

#include "domain/Enums.h"

#include <QCoreApplication>
#include <QHash>
#include <QString>

namespace hotline {

/**
 * The time limits (PRODUCT §3): working days per SLA class (consult 1, handling 5), the yellow threshold
 * (3 h of working time), and categories that override the class their ticket type implies. A plain value.
 */
class SlaPolicy
{
    Q_DECLARE_TR_FUNCTIONS(SlaPolicy)

public:
    static constexpr int kDefaultConsultDays = 1;
    static constexpr int kDefaultHandlingDays = 5;
    static constexpr qint64 kDefaultYellowThresholdSeconds = 3 * 3600;

    int durationDays(SlaClass cls) const;
    /** Rejects (and explains in *error) fewer than 1 or more than 365 working days. */
    bool setDurationDays(SlaClass cls, int days, QString *error = nullptr);

    /** Working seconds of remaining time at or below which a ticket is yellow. */
    qint64 yellowThresholdSeconds() const { return m_yellowThreshold; }
    /** Rejects (and explains in *error) a negative threshold. */
    bool setYellowThresholdSeconds(qint64 seconds, QString *error = nullptr);

    QHash<QString, SlaClass> categoryOverrides() const { return m_categoryOverrides; }
    void setCategoryOverrides(const QHash<QString, SlaClass> &overrides) { m_categoryOverrides = overrides; }
    void setCategoryOverride(const QString &category, SlaClass cls) { m_categoryOverrides.insert(category, cls); }
    void removeCategoryOverride(const QString &category) { m_categoryOverrides.remove(category); }

    /** The category's override if it has one (exact name), else consult for a consultation, handling otherwise. */
    SlaClass classFor(TicketType type, const QString &category) const;

    friend bool operator==(const SlaPolicy &, const SlaPolicy &) = default;

private:
    int m_consultDays = kDefaultConsultDays;
    int m_handlingDays = kDefaultHandlingDays;
    qint64 m_yellowThreshold = kDefaultYellowThresholdSeconds;
    QHash<QString, SlaClass> m_categoryOverrides;
};

} // namespace hotline
