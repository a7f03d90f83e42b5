#include "reports/ReportRanking.h"

#include <algorithm>

namespace hotline {
namespace {

// 0 ranked, 1 below the minimum, 2 nothing completed (no rate).
int group(const ReportFigures &f, int minCompleted)
{
    if (f.completed == 0)
        return 2;
    return f.completed >= minCompleted ? 0 : 1;
}

} // namespace

QList<RankedDepartment> rankByOnTimeRate(const ReportData &report, int minCompleted)
{
    minCompleted = std::max(minCompleted, 1);
    QList<RankedDepartment> out;
    out.reserve(report.departments.size());
    for (const DepartmentReport &d : report.departments)
        out.append(RankedDepartment {d, 0, group(d.figures, minCompleted) == 1});
    std::stable_sort(out.begin(), out.end(), [minCompleted](const RankedDepartment &a, const RankedDepartment &b) {
        const int ga = group(a.row.figures, minCompleted);
        const int gb = group(b.row.figures, minCompleted);
        if (ga != gb)
            return ga < gb;
        const qint64 ra = a.row.figures.onTimeRateHundredths().value_or(-1);
        const qint64 rb = b.row.figures.onTimeRateHundredths().value_or(-1);
        if (ra != rb)
            return ra > rb;
        if (a.row.figures.completed != b.row.figures.completed)
            return a.row.figures.completed > b.row.figures.completed;
        return a.row.code < b.row.code;
    });
    // Competition ranking on the rounded rate, the figure the reader sees: equal rates share a rank.
    qint64 previousRate = -1;
    int previousRank = 0;
    for (int i = 0; i < out.size(); ++i) {
        RankedDepartment &r = out[i];
        if (group(r.row.figures, minCompleted) != 0)
            break;
        const qint64 rate = r.row.figures.onTimeRateHundredths().value_or(-1);
        r.rank = rate == previousRate ? previousRank : i + 1;
        previousRate = rate;
        previousRank = r.rank;
    }
    return out;
}

} // namespace hotline
