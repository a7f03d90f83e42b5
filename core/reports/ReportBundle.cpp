#include "reports/ReportBundle.h"

#include "reports/ReportBuilder.h"
#include "storage/Database.h"
#include "util/LogCategories.h"

#include <QElapsedTimer>

#include <thread>

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
    // The closed-month check reads other rows than the figures and takes as long as either of them: it runs on a
    // second core with its own connection while this one computes the report and the chart series (the
    // monthly report of a million tickets stays within its budget only so). Without a second connection (the
    // file cannot be opened again) it runs here afterwards.
    std::optional<QList<ReportCorrection>> corrections;
    QString correctionsWhy;
    qint64 correctionsMs = 0;
    const QString path = db.path();
    std::thread worker([&] {
        QElapsedTimer own;
        own.start();
        QString openError;
        if (std::unique_ptr<Database> second = Database::open(path, &openError))
            corrections = ReportCorrections(*second, zone).find(from, to, nowMs, &correctionsWhy);
        correctionsMs = own.elapsed();
    });
    std::optional<ReportData> report = ReportBuilder(db, zone, nowMs).build(from, to, &why);
    const qint64 reportMs = timer.elapsed();
    std::optional<ReportSeries> series;
    if (report)
        series = ReportSeriesBuilder(db, zone, nowMs).build(from, to, &why);
    const qint64 seriesMs = timer.elapsed();
    worker.join();
    if (series && !corrections && correctionsWhy.isEmpty())
        corrections = ReportCorrections(db, zone).find(from, to, nowMs, &correctionsWhy);
    if (series && !corrections)
        why = correctionsWhy;
    qCDebug(lcReports) << "bundle" << from << to << "report" << reportMs << "ms, series" << seriesMs - reportMs
                       << "ms, corrections (in parallel)" << correctionsMs << "ms, all" << timer.elapsed() << "ms";
    if (!report || !series || !corrections) {
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
