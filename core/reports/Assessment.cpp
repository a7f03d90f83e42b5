#include "reports/Assessment.h"

#include "domain/TextRules.h"
#include "io/CsvWriter.h"
#include "reports/DisplayWidth.h"
#include "reports/ReportBuilder.h"
#include "storage/Settings.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace hotline {
namespace {

QString jsonText(const QString &s)
{
    // A one-element array serialised compactly is ["…"]: the string with JSON's escapes.
    const QByteArray a = QJsonDocument(QJsonArray {s}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(a.mid(1, a.size() - 2));
}

QString hundredthsText(std::optional<qint64> h, const QString &none)
{
    if (!h)
        return none;
    const qint64 v = *h;
    const QString sign = v < 0 ? u"-"_s : QString();
    return sign + percentText(v < 0 ? -v : v);
}

QString weightText(double w)
{
    return QString::number(w, 'g', 6);
}

QList<QStringList> tableRows(const Assessment &a, const QString &none)
{
    QList<QStringList> rows;
    for (const AssessmentRow &r : a.rows)
        rows << AssessmentWriter::cells(r, none);
    return rows;
}

} // namespace

AssessmentWeights AssessmentWeights::fromSettings(const Settings &settings)
{
    return {settings.assessmentOnTimeWeight(), settings.assessmentSatisfactionWeight(),
            settings.assessmentBreachPenalty(), settings.assessmentReturnPenalty()};
}

Assessment Assessment::scopedTo(const QString &departmentCode) const
{
    Assessment scoped = *this;
    scoped.report = report.scopedTo(departmentCode);
    scoped.rows.clear();
    for (const AssessmentRow &r : rows) {
        if (r.code == departmentCode)
            scoped.rows << r;
    }
    return scoped;
}

std::optional<ReportData> AssessmentBuilder::yearReport(Database &db, const QTimeZone &zone, qint64 nowMs, int year,
                                                        QString *error)
{
    const QDate from(year, 1, 1);
    if (year < 1 || year > 9999 || !from.isValid()) {
        if (error)
            *error = tr("%1 is not a year like 2025.").arg(year);
        return std::nullopt;
    }
    if (nowMs < ReportBuilder::startOfDayMs(from, zone)) {
        if (error)
            *error = tr("The year %1 has not begun: there are no figures for it yet.").arg(year);
        return std::nullopt;
    }
    return ReportBuilder(db, zone, nowMs).build(from, from.addYears(1), error);
}

qint64 AssessmentBuilder::score(const ReportFigures &f, const AssessmentWeights &w)
{
    // In hundredths: the rates already are; a rate with nothing to divide by adds nothing.
    const double onTime = double(f.ownOnTimeRateHundredths().value_or(0));
    const double satisfaction = double(f.satisfactionRateHundredths().value_or(0));
    const double s = w.onTime * onTime + w.satisfaction * satisfaction
        - 100.0 * (w.breach * double(f.breaches) + w.returned * double(f.returns));
    return qint64(std::llround(s));
}

Assessment AssessmentBuilder::assess(int year, const ReportData &report, const AssessmentWeights &weights)
{
    Assessment a;
    a.year = year;
    a.report = report;
    a.weights = weights;
    for (const DepartmentReport &d : report.departments) {
        const ReportFigures &f = d.figures;
        AssessmentRow r {d.code,
                         d.name,
                         f.dispatched,
                         f.ownOnTimeRateHundredths(),
                         f.satisfactionRateHundredths(),
                         f.breaches,
                         f.returns,
                         std::nullopt,
                         0};
        if (f.dispatched > 0)
            r.score = score(f, weights);
        a.rows << r;
    }
    std::stable_sort(a.rows.begin(), a.rows.end(), [](const AssessmentRow &x, const AssessmentRow &y) {
        if (x.score.has_value() != y.score.has_value())
            return x.score.has_value();
        if (x.score && *x.score != *y.score)
            return *x.score > *y.score;
        return x.code < y.code;
    });
    // Competition ranking: equal scores share a rank (1, 2, 2, 4).
    for (qsizetype i = 0; i < a.rows.size(); ++i) {
        AssessmentRow &r = a.rows[i];
        if (!r.score)
            break;
        r.rank = (i > 0 && a.rows[i - 1].score == r.score) ? a.rows[i - 1].rank : int(i + 1);
    }
    return a;
}

QStringList AssessmentWriter::columnTitles()
{
    return {tr("Rank"),      tr("Department"), tr("Code"),    tr("Received"), tr("On-time rate (%)"),
            tr("Satisfaction rate (%)"), tr("Breaches"), tr("Returns"), tr("Score")};
}

QStringList AssessmentWriter::cells(const AssessmentRow &r, const QString &none)
{
    return {r.rank > 0 ? QString::number(r.rank) : none,
            r.name,
            r.code,
            QString::number(r.received),
            hundredthsText(r.onTimeRate, none),
            hundredthsText(r.satisfactionRate, none),
            QString::number(r.breaches),
            QString::number(r.returns),
            hundredthsText(r.score, none)};
}

QString AssessmentWriter::title(const Assessment &a)
{
    if (!a.toDate())
        return tr("Annual assessment %1").arg(a.year);
    return tr("Annual assessment %1, to date (as of %2)")
        .arg(a.year)
        .arg(QDateTime::fromMSecsSinceEpoch(*a.report.runningAtMs, a.report.zone).toString(u"yyyy-MM-dd HH:mm"_s));
}

QString AssessmentWriter::formula(const AssessmentWeights &w)
{
    return tr("Score = %1 × on-time rate + %2 × satisfaction rate − %3 × breaches − %4 × returns. On-time rate: "
              "replies on time ÷ (replies on time + breaches), by each department's own clocks.")
        .arg(weightText(w.onTime), weightText(w.satisfaction), weightText(w.breach), weightText(w.returned));
}

QByteArray AssessmentWriter::text(const Assessment &a)
{
    // Department and code read left to right; the rank and figures line up on their last digit.
    const QString table
        = alignedTable(columnTitles(), tableRows(a, u"-"_s), [](int column) { return column == 1 || column == 2; });
    QString out = title(a) + u'\n' + formula(a.weights) + u"\n\n"_s + table;
    if (a.report.log)
        out += u'\n' + a.report.log->text() + u'\n'; // the last line: which log these figures came from
    return out.toUtf8();
}

QByteArray AssessmentWriter::csv(const Assessment &a)
{
    QString out;
    CsvWriter writer(&out);
    writer.writeBom();
    writer.writeRow(columnTitles());
    for (QStringList row : tableRows(a, QString())) {
        for (QString &cell : row)
            cell = CsvWriter::neutralised(cell);
        writer.writeRow(row);
    }
    if (a.report.log) {
        // After an empty row, as in the report: a sheet summing the columns does not take it in.
        writer.writeRow(QStringList {});
        QStringList stamp = a.report.log->csvCells();
        for (QString &cell : stamp)
            cell = CsvWriter::neutralised(cell);
        writer.writeRow(stamp);
    }
    return out.toUtf8();
}

QByteArray AssessmentWriter::json(const Assessment &a)
{
    const auto num = [](std::optional<qint64> h) { return h ? hundredthsText(h, {}) : u"null"_s; };
    QString out = u"{\n  \"year\": "_s + QString::number(a.year) + u", \"to_date\": "_s
        + (a.toDate() ? u"true"_s : u"false"_s) + u",\n  \"period\": {\"from\": "_s
        + jsonText(a.report.from.toString(Qt::ISODate)) + u", \"to\": "_s + jsonText(a.report.to.toString(Qt::ISODate));
    if (a.report.runningAtMs)
        out += u", \"as_of\": "_s
            + jsonText(QDateTime::fromMSecsSinceEpoch(*a.report.runningAtMs, a.report.zone).toString(Qt::ISODate));
    out += u"},\n  \"weights\": {\"on_time\": "_s + weightText(a.weights.onTime) + u", \"satisfaction\": "_s
        + weightText(a.weights.satisfaction) + u", \"breach\": "_s + weightText(a.weights.breach)
        + u", \"return\": "_s + weightText(a.weights.returned) + u"},\n  \"departments\": ["_s;
    for (qsizetype i = 0; i < a.rows.size(); ++i) {
        const AssessmentRow &r = a.rows[i];
        out += (i == 0 ? u"\n    {"_s : u",\n    {"_s) + u"\"rank\": "_s
            + (r.rank > 0 ? QString::number(r.rank) : u"null"_s) + u", \"department\": "_s + jsonText(r.name)
            + u", \"code\": "_s + jsonText(r.code) + u", \"received\": "_s + QString::number(r.received)
            + u", \"on_time_rate\": "_s + num(r.onTimeRate) + u", \"satisfaction_rate\": "_s + num(r.satisfactionRate)
            + u", \"breaches\": "_s + QString::number(r.breaches) + u", \"returns\": "_s + QString::number(r.returns)
            + u", \"score\": "_s + num(r.score) + u'}';
    }
    out += a.rows.isEmpty() ? u"]"_s : u"\n  ]"_s;
    if (a.report.log)
        out += u",\n  \"log\": "_s + a.report.log->json();
    out += u"\n}\n"_s;
    return out.toUtf8();
}

QByteArray AssessmentWriter::write(const Assessment &a, ReportFormat format)
{
    switch (format) {
    case ReportFormat::Text:
        return text(a);
    case ReportFormat::Csv:
        return csv(a);
    case ReportFormat::Json:
        return json(a);
    }
    return {};
}

} // namespace hotline
