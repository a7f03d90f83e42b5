#pragma once

#include "reports/ReportData.h"
#include "reports/ReportWriters.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QStringList>
#include <QTimeZone>

#include <optional>

namespace hotline {

class Database;
class Settings;

/** The assessment's weights and penalties (settings `assessment.*`). */
struct AssessmentWeights
{
    double onTime = 0.7; ///< assessment.weight.on_time, per percentage point of the own on-time rate
    double satisfaction = 0.3; ///< assessment.weight.satisfaction, per percentage point of satisfaction
    double breach = 0.5; ///< assessment.penalty.breach, per breach
    double returned = 0.2; ///< assessment.penalty.return, per return counted against the department

    static AssessmentWeights fromSettings(const Settings &settings);
    bool operator==(const AssessmentWeights &) const = default;
};

/** One department in the annual assessment. */
struct AssessmentRow
{
    QString code;
    QString name;
    qint64 received = 0; ///< dispatches it received in the year
    std::optional<qint64> onTimeRate; ///< own on-time rate in hundredths of a percent (ReportFigures::ownOnTimeRate…)
    std::optional<qint64> satisfactionRate; ///< hundredths of a percent
    qint64 breaches = 0;
    qint64 returns = 0;
    std::optional<qint64> score; ///< hundredths; none: received nothing in the year, not assessed
    int rank = 0; ///< 1 = best score, equal scores share a rank; 0 = not assessed

    bool operator==(const AssessmentRow &) const = default;
};

/** The annual assessment of one calendar year (PRODUCT §6), from that year's report. */
struct Assessment
{
    int year = 0;
    ReportData report; ///< the year's report: period, zone, and runningAtMs while the year is not over ("to date")
    AssessmentWeights weights;
    QList<AssessmentRow> rows; ///< ranked: best score first, then the departments not assessed by code

    bool toDate() const { return report.runningAtMs.has_value(); }
    /** Only that department's row (a liaison's view); its rank among all departments is kept. */
    Assessment scopedTo(const QString &departmentCode) const;
};

/**
 * Score = weight.on_time × on-time % + weight.satisfaction × satisfaction % − penalty.breach × breaches
 * − penalty.return × returns, rounded half away from zero to hundredths. A rate with nothing to divide by adds
 * nothing; a department that received no dispatch in the year is not assessed (no score, listed last).
 */
class AssessmentBuilder final
{
    Q_DECLARE_TR_FUNCTIONS(AssessmentBuilder)

public:
    /** The report of calendar year `year` in zone, as of nowMs; refused (none, error set) for a year that has not
     *  begun at nowMs, so no figure is ever given for a period that has not happened. */
    static std::optional<ReportData> yearReport(Database &db, const QTimeZone &zone, qint64 nowMs, int year,
                                                QString *error);
    /** Scores and ranks the departments of a year's report. */
    static Assessment assess(int year, const ReportData &report, const AssessmentWeights &weights);
    /** The score of one row's figures, in hundredths (the formula above). */
    static qint64 score(const ReportFigures &figures, const AssessmentWeights &weights);
};

/** The assessment table as terminal text, CSV (UTF-8 with BOM) or JSON. */
class AssessmentWriter final
{
    Q_DECLARE_TR_FUNCTIONS(AssessmentWriter)

public:
    static QByteArray text(const Assessment &assessment);
    static QByteArray csv(const Assessment &assessment);
    /** {"year","to_date","period":{"from","to"},"weights":{…},"departments":[{"rank","department","code",
     *  "received","on_time_rate","satisfaction_rate","breaches","returns","score"}]}; null for no rate/score. */
    static QByteArray json(const Assessment &assessment);
    static QByteArray write(const Assessment &assessment, ReportFormat format);

    static QStringList columnTitles();
    /** One row's cells under columnTitles(); none marks a missing rank, rate or score. */
    static QStringList cells(const AssessmentRow &row, const QString &none);
    /** "Annual assessment 2025" or "Annual assessment 2026, to date (as of …)". */
    static QString title(const Assessment &assessment);
    /** The formula with the weights in force, for readers of every form. */
    static QString formula(const AssessmentWeights &weights);
};

} // namespace hotline
