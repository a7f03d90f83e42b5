#include "reports/ReportBundle.h"

#include "reports/ReportBuilder.h"
#include "util/LogCategories.h"

#include <QElapsedTimer>

namespace hotline {

std::optional<ReportBundle> ReportBundleBuilder::build(Database &db, const QTimeZone &zone, const QString &centreName,
                                                       QDate from, QDate to, qint64 nowMs, int minCompleted,
                                                       QString *error)
{
    QString why;
    QElapsedTimer timer;
    timer.start();
    ReportBundle b;
    b.centreName = centreName;
    b.zone = zone;
    b.generatedMs = nowMs;
    b.minCompleted = minCompleted;
    std::optional<ReportData> report = ReportBuilder(db, zone).build(from, to, &why);
    const qint64 reportMs = timer.elapsed();
    std::optional<ReportSeries> series;
    std::optional<QList<ReportCorrection>> corrections;
    if (report)
        series = ReportSeriesBuilder(db, zone).build(from, to, &why);
    const qint64 seriesMs = timer.elapsed();
    if (series)
        corrections = ReportCorrections(db, zone).find(from, to, nowMs, &why);
    qCDebug(lcReports) << "bundle" << from << to << "report" << reportMs << "ms, series" << seriesMs - reportMs
                       << "ms, corrections" << timer.elapsed() - seriesMs << "ms";
    if (!corrections) {
        if (error)
            *error = why;
        return std::nullopt;
    }
    b.report = std::move(*report);
    b.series = std::move(*series);
    b.corrections = std::move(*corrections);
    return b;
}

} // namespace hotline
