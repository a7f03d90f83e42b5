#pragma once

#include "reports/ReportData.h"

#include <QList>

namespace hotline {

/** Completed tickets a department needs before it is ranked, unless the reader chooses otherwise. */
inline constexpr int kDefaultMinCompletedForRank = 5;

/** A department row in ranking order: its rank by on-time rate, or none when it has too few completed tickets. */
struct RankedDepartment
{
    DepartmentReport row;
    int rank = 0; ///< 1 = best on-time rate; 0 = not ranked (see belowMinimum)
    bool belowMinimum = false; ///< completed some tickets, but fewer than the minimum: marked, listed after the ranked

    bool operator==(const RankedDepartment &) const = default;
};

/**
 * Orders the departments by on-time completion rate so that one fast ticket cannot top the ranking: the ranked
 * ones (at least minCompleted completed tickets) first, best rate first, equal rates sharing a rank (1, 2, 2, 4);
 * then those with fewer completed tickets (marked, unranked) by rate; then those with nothing completed. Ties
 * are broken by more completed tickets, then by code, so the order is stable.
 */
QList<RankedDepartment> rankByOnTimeRate(const ReportData &report, int minCompleted);

} // namespace hotline
