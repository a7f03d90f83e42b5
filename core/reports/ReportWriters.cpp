#include "reports/ReportWriters.h"

#include "domain/TextRules.h"
#include "io/CsvWriter.h"
#include "reports/DisplayWidth.h"

#include <QDateTime>

using namespace Qt::StringLiterals;

namespace hotline {
namespace {

// Text and CSV columns after department and code, in the order of PRODUCT §6.
QStringList figureCells(const ReportFigures &f, const QString &noRate)
{
    const auto rate = [&](std::optional<qint64> h) { return h ? percentText(h) : noRate; };
    return {QString::number(f.received),    QString::number(f.dispatched),       QString::number(f.completed),
            QString::number(f.onTime),      rate(f.onTimeRateHundredths()),      QString::number(f.overdue),
            QString::number(f.surveyed),    QString::number(f.satisfied),        QString::number(f.basicallySatisfied),
            QString::number(f.unsatisfied), rate(f.satisfactionRateHundredths()),
            // The department judged on its own clocks (PRODUCT §6), after the ticket figures.
            QString::number(f.replied),     QString::number(f.repliedOnTime),    rate(f.ownOnTimeRateHundredths()),
            QString::number(f.breaches),    QString::number(f.returns),          QString::number(f.misroutes),
            QString::number(f.extensions),  QString::number(f.followUps)};
}

QList<QStringList> tableRows(const ReportData &report, const QString &noRate)
{
    QList<QStringList> rows;
    for (const DepartmentReport &d : report.departments)
        rows << (QStringList {d.name, d.code} + figureCells(d.figures, noRate));
    rows << (QStringList {ReportWriter::totalsLabel(), QString()} + figureCells(report.totals, noRate));
    return rows;
}

QString jsonString(const QString &s)
{
    QString out;
    out.reserve(s.size() + 2);
    out += u'"';
    for (const QChar c : s) {
        switch (c.unicode()) {
        case u'"':
            out += u"\\\""_s;
            break;
        case u'\\':
            out += u"\\\\"_s;
            break;
        case u'\n':
            out += u"\\n"_s;
            break;
        case u'\r':
            out += u"\\r"_s;
            break;
        case u'\t':
            out += u"\\t"_s;
            break;
        default:
            if (c.unicode() < 0x20)
                out += u"\\u"_s + QString::number(c.unicode(), 16).rightJustified(4, u'0');
            else
                out += c;
        }
    }
    out += u'"';
    return out;
}

// Written by hand rather than with QJsonDocument so that a rate prints as 12.50, exactly two decimals.
QString jsonFigures(const ReportFigures &f)
{
    const auto n = [](qint64 v) { return QString::number(v); };
    const auto rate = [](std::optional<qint64> h) { return h ? percentText(h) : u"null"_s; };
    return u"\"received\": "_s + n(f.received) + u", \"dispatched\": "_s + n(f.dispatched) + u", \"completed\": "_s
        + n(f.completed) + u", \"on_time\": "_s + n(f.onTime) + u", \"on_time_rate\": "_s
        + rate(f.onTimeRateHundredths()) + u", \"overdue\": "_s + n(f.overdue) + u", \"surveyed\": "_s + n(f.surveyed)
        + u", \"satisfied\": "_s + n(f.satisfied) + u", \"basically_satisfied\": "_s + n(f.basicallySatisfied)
        + u", \"unsatisfied\": "_s + n(f.unsatisfied) + u", \"satisfaction_rate\": "_s
        + rate(f.satisfactionRateHundredths()) + u", \"replied\": "_s + n(f.replied) + u", \"replied_on_time\": "_s
        + n(f.repliedOnTime) + u", \"own_on_time_rate\": "_s + rate(f.ownOnTimeRateHundredths())
        + u", \"breaches\": "_s + n(f.breaches) + u", \"returns\": "_s + n(f.returns) + u", \"misroutes\": "_s
        + n(f.misroutes) + u", \"extensions\": "_s + n(f.extensions) + u", \"follow_ups\": "_s + n(f.followUps);
}

} // namespace

QStringList ReportWriter::columnTitles()
{
    return {tr("Department"),
            tr("Code"),
            tr("Received"),
            tr("Dispatched"),
            tr("Completed"),
            tr("On time"),
            tr("On-time rate (%)"),
            tr("Overdue"),
            tr("Surveyed"),
            tr("Satisfied"),
            tr("Basically satisfied"),
            tr("Unsatisfied"),
            tr("Satisfaction rate (%)"),
            tr("Replied"),
            tr("Replied on time"),
            tr("Own on-time rate (%)"),
            tr("Breaches"),
            tr("Returns"),
            tr("Misroutes"),
            tr("Extensions"),
            tr("Follow-ups")};
}

QString ReportWriter::totalsLabel()
{
    return tr("Total");
}

QByteArray ReportWriter::text(const ReportData &report)
{
    // Department and code read left to right; figures line up on their last digit; a rule above the totals.
    const QList<QStringList> rows = tableRows(report, u"-"_s);
    const QString table = alignedTable(columnTitles(), rows, [](int column) { return column < 2; }, rows.size() - 1);

    QString out = tr("Hotline report: %1 to %2")
                      .arg(report.from.toString(Qt::ISODate), report.to.addDays(-1).toString(Qt::ISODate))
        + (report.runningAtMs && *report.runningAtMs >= report.from.startOfDay(report.zone).toMSecsSinceEpoch()
               ? tr(", to date")
               : QString())
        + u"\n"_s;
    if (const QString running = report.runningNote(); !running.isEmpty())
        out += running + u'\n';
    out += u"\n"_s + table;
    if (report.log)
        out += u'\n' + report.log->text() + u'\n'; // the last line: which log these figures came from
    return out.toUtf8();
}

QByteArray ReportWriter::csv(const ReportData &report)
{
    // The BOM tells Excel the file is UTF-8; CsvWriter ends rows with CRLF, as RFC 4180 and Excel expect.
    QString out;
    CsvWriter writer(&out);
    writer.writeBom();
    writer.writeRow(columnTitles());
    for (QStringList row : tableRows(report, QString())) {
        // Names come from imports: a cell that starts like a formula would run as one in a spreadsheet.
        for (QString &cell : row)
            cell = CsvWriter::neutralised(cell);
        writer.writeRow(row);
    }
    if (report.log) {
        // After an empty row, so that a sheet summing the table's columns does not take it in.
        writer.writeRow(QStringList {});
        QStringList stamp = report.log->csvCells();
        for (QString &cell : stamp)
            cell = CsvWriter::neutralised(cell);
        writer.writeRow(stamp);
    }
    return out.toUtf8();
}

QByteArray ReportWriter::json(const ReportData &report)
{
    QString out = u"{\n  \"period\": {\"from\": "_s + jsonString(report.from.toString(Qt::ISODate)) + u", \"to\": "_s
        + jsonString(report.to.toString(Qt::ISODate));
    // A running period says when its open tickets were judged (ISO 8601 with the centre's offset); a closed one
    // keeps the §7 shape exactly.
    if (report.runningAtMs)
        out += u", \"overdue_at\": "_s
            + jsonString(QDateTime::fromMSecsSinceEpoch(*report.runningAtMs, report.zone).toString(Qt::ISODate));
    out += u"},\n  \"totals\": {"_s + jsonFigures(report.totals) + u"},\n  \"departments\": ["_s;
    for (qsizetype i = 0; i < report.departments.size(); ++i) {
        const DepartmentReport &d = report.departments[i];
        out += (i == 0 ? u"\n    {"_s : u",\n    {"_s) + u"\"department\": "_s + jsonString(d.name) + u", \"code\": "_s
            + jsonString(d.code) + u", "_s + jsonFigures(d.figures) + u'}';
    }
    out += (report.departments.isEmpty() ? u"]"_s : u"\n  ]"_s);
    if (report.log)
        out += u",\n  \"log\": "_s + report.log->json();
    out += u"\n}\n"_s;
    return out.toUtf8();
}

QByteArray ReportWriter::write(const ReportData &report, ReportFormat format)
{
    switch (format) {
    case ReportFormat::Text:
        return text(report);
    case ReportFormat::Csv:
        return csv(report);
    case ReportFormat::Json:
        return json(report);
    }
    return {};
}

} // namespace hotline
