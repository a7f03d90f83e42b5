#pragma once

#include "reports/ReportCorrections.h"
#include "reports/ReportData.h"
#include "reports/ReportRanking.h"
#include "reports/ReportSeries.h"

#include <QCoreApplication>
#include <QTimeZone>

#include <optional>

namespace hotline {

class Database;

/** Everything the printed monthly report and the charts page show for one period, computed in one place. */
struct ReportBundle
{
    ReportData report;
    ReportSeries series;
    QList<ReportCorrection> corrections; ///< events after the end that changed the period's tickets
    QString centreName;
    QTimeZone zone;
    qint64 generatedMs = 0; ///< when it was computed (the workspace clock)
    int minCompleted = kDefaultMinCompletedForRank;

    QList<RankedDepartment> ranking() const { return rankByOnTimeRate(report, minCompleted); }
};

/** Computes a ReportBundle: the §6 report, the chart series and the corrections of a closed period. */
class ReportBundleBuilder final
{
    Q_DECLARE_TR_FUNCTIONS(ReportBundleBuilder)

public:
    static std::optional<ReportBundle> build(Database &db, const QTimeZone &zone, const QString &centreName, QDate from,
                                             QDate to, qint64 nowMs, int minCompleted, QString *error = nullptr);
};

} // namespace hotline
