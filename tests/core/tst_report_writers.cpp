#include "reports/DisplayWidth.h"
#include "reports/ReportData.h"
#include "reports/ReportWriters.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace hotline;

namespace {

// 7291/7614 = 95.76 %; 1/8 = 12.50 %; the second department has nothing to divide by.
ReportData sample()
{
    ReportData r;
    r.from = QDate(2025, 3, 1);
    r.to = QDate(2025, 4, 1);
    r.totals = {8000, 7700, 7800, 7477, 323, 10, 2, 1, 7, 7600, 7300, 400, 12, 5, 3, 4};
    r.departments = {{u"A01"_s, u"城管局"_s, {7614, 7700, 7614, 7291, 323, 8, 1, 0, 7, 7600, 7300, 400, 12, 5, 3, 4}},
                     {u"B02"_s, u"Water, Power & \"Gas\""_s, {}}};
    return r;
}

} // namespace

/** The text, CSV and JSON forms of a report, byte for byte. */
class TestReportWriters final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void displayWidth_data();
    void displayWidth();
    void json();
    void jsonParsesWithTheContractTypes();
    void jsonWithoutDepartments();
    void csv();
    void textIsAligned();
    void textNeverPrintsControlCharacters();
};

void TestReportWriters::displayWidth_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("width");
    QTest::newRow("latin") << u"Total"_s << 5;
    QTest::newRow("han") << u"城管局"_s << 6;
    QTest::newRow("mixed") << u"A01 城管"_s << 8;
    QTest::newRow("full-width") << u"ＡＢ（"_s << 6;
    QTest::newRow("combining accent") << u"e\u0301"_s << 1;
    QTest::newRow("extension B, a surrogate pair") << QString::fromUcs4(U"\U00020000") << 2;
    QTest::newRow("empty") << QString() << 0;
}

void TestReportWriters::displayWidth()
{
    QFETCH(QString, text);
    QFETCH(int, width);
    QCOMPARE(hotline::displayWidth(text), width);
    QCOMPARE(hotline::displayWidth(padToWidth(text, 10, true)), qMax(10, width));
    QVERIFY(padToWidth(text, 10, false).endsWith(text));
}

void TestReportWriters::json()
{
    const QByteArray expected = R"({
  "period": {"from": "2025-03-01", "to": "2025-04-01"},
  "totals": {"received": 8000, "dispatched": 7700, "completed": 7800, "on_time": 7477, "on_time_rate": 95.86, "overdue": 323, "surveyed": 10, "satisfied": 2, "basically_satisfied": 1, "unsatisfied": 7, "satisfaction_rate": 30.00, "replied": 7600, "replied_on_time": 7300, "own_on_time_rate": 94.81, "breaches": 400, "returns": 12, "misroutes": 5, "extensions": 3, "follow_ups": 4},
  "departments": [
    {"department": "城管局", "code": "A01", "received": 7614, "dispatched": 7700, "completed": 7614, "on_time": 7291, "on_time_rate": 95.76, "overdue": 323, "surveyed": 8, "satisfied": 1, "basically_satisfied": 0, "unsatisfied": 7, "satisfaction_rate": 12.50, "replied": 7600, "replied_on_time": 7300, "own_on_time_rate": 94.81, "breaches": 400, "returns": 12, "misroutes": 5, "extensions": 3, "follow_ups": 4},
    {"department": "Water, Power & \"Gas\"", "code": "B02", "received": 0, "dispatched": 0, "completed": 0, "on_time": 0, "on_time_rate": null, "overdue": 0, "surveyed": 0, "satisfied": 0, "basically_satisfied": 0, "unsatisfied": 0, "satisfaction_rate": null, "replied": 0, "replied_on_time": 0, "own_on_time_rate": null, "breaches": 0, "returns": 0, "misroutes": 0, "extensions": 0, "follow_ups": 0}
  ]
}
)";
    QCOMPARE(ReportWriter::json(sample()), expected);
    QCOMPARE(ReportWriter::write(sample(), ReportFormat::Json), expected);
}

void TestReportWriters::jsonParsesWithTheContractTypes()
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(ReportWriter::json(sample()), &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    const QJsonObject root = doc.object();
    QCOMPARE(root.keys(), (QStringList{u"departments"_s, u"period"_s, u"totals"_s}));
    QCOMPARE(root[u"period"_s][u"to"_s].toString(), u"2025-04-01"_s);
    const QJsonObject totals = root[u"totals"_s].toObject();
    QCOMPARE(totals.keys().size(), 19);
    QCOMPARE(totals[u"follow_ups"_s].toInteger(), qint64(4));
    QCOMPARE(totals[u"own_on_time_rate"_s].toDouble(), 94.81);
    QCOMPARE(totals[u"breaches"_s].toInteger(), qint64(400));
    QCOMPARE(totals[u"on_time_rate"_s].toDouble(), 95.86);
    QCOMPARE(totals[u"received"_s].toInteger(), qint64(8000));
    const QJsonArray departments = root[u"departments"_s].toArray();
    QCOMPARE(departments.size(), 2);
    const QJsonObject first = departments[0].toObject();
    QCOMPARE(first[u"department"_s].toString(), u"城管局"_s);
    QCOMPARE(first[u"code"_s].toString(), u"A01"_s);
    QCOMPARE(first[u"on_time_rate"_s].toDouble(), 95.76);
    QCOMPARE(first[u"satisfaction_rate"_s].toDouble(), 12.5);
    QCOMPARE(first.keys().size(), 21);
    const QJsonObject second = departments[1].toObject();
    QCOMPARE(second[u"department"_s].toString(), u"Water, Power & \"Gas\""_s);
    QVERIFY(second[u"on_time_rate"_s].isNull());
    QVERIFY(second[u"satisfaction_rate"_s].isNull());
}

void TestReportWriters::jsonWithoutDepartments()
{
    ReportData r;
    r.from = QDate(2025, 1, 1);
    r.to = QDate(2025, 2, 1);
    const QByteArray out = ReportWriter::json(r);
    QVERIFY2(out.contains("\"on_time_rate\": null"), out.constData());
    QVERIFY2(out.endsWith("\"departments\": []\n}\n"), out.constData());
    QVERIFY(!QJsonDocument::fromJson(out).isNull());
}

void TestReportWriters::csv()
{
    const QByteArray expected = "\xEF\xBB\xBF"
                                "Department,Code,Received,Dispatched,Completed,On time,On-time rate (%),Overdue,"
                                "Surveyed,Satisfied,Basically satisfied,Unsatisfied,Satisfaction rate (%),Replied,Replied on time,"
                                "Own on-time rate (%),Breaches,Returns,Misroutes,Extensions,Follow-ups\r\n"
                                "城管局,A01,7614,7700,7614,7291,95.76,323,8,1,0,7,12.50,7600,7300,94.81,400,12,5,3,4\r\n"
                                "\"Water, Power & \"\"Gas\"\"\",B02,0,0,0,0,,0,0,0,0,0,,0,0,,0,0,0,0,0\r\n"
                                "Total,,8000,7700,7800,7477,95.86,323,10,2,1,7,30.00,7600,7300,94.81,400,12,5,3,4\r\n";
    QCOMPARE(ReportWriter::csv(sample()), expected);
    QCOMPARE(ReportWriter::write(sample(), ReportFormat::Csv), expected);

    // An imported department name that looks like a formula stays text in Excel.
    ReportData hostile = sample();
    hostile.departments[0].name = u"=HYPERLINK(\"http://x\")"_s;
    hostile.departments[1].code = u"@SUM(A1)"_s;
    const QByteArray bytes = ReportWriter::csv(hostile);
    QVERIFY2(bytes.contains("\"'=HYPERLINK(\"\"http://x\"\")\",A01,"), bytes.constData());
    QVERIFY2(bytes.contains(",'@SUM(A1),"), bytes.constData());
}

void TestReportWriters::textIsAligned()
{
    const QString text = QString::fromUtf8(ReportWriter::text(sample()));
    QStringList lines = text.split(u'\n');
    QCOMPARE(lines.takeLast(), QString()); // ends with a newline
    QCOMPARE(lines.first(), u"Hotline report: 2025-03-01 to 2025-03-31"_s);
    QCOMPARE(lines[1], QString());
    const QStringList table = lines.mid(2);
    QCOMPARE(table.size(), 6); // heading, rule, two departments, rule, totals
    const int width = hotline::displayWidth(table.first());
    for (const QString &line : table)
        QCOMPARE(hotline::displayWidth(line), width); // a CJK character counts twice
    QVERIFY(table[2].startsWith(u"城管局"_s));
    QCOMPARE(table[2].size(), width - 3);
    QVERIFY(table[2].contains(u" 12.50 "_s));
    QVERIFY(table[2].contains(QRegularExpression(u" 3 +4$"_s))); // extensions, then follow-ups last
    QVERIFY(table[3].contains(u" - "_s)); // no rate
    QVERIFY(table[4].startsWith(u"---"_s));
    QVERIFY(table[5].startsWith(u"Total "_s));
    QVERIFY(table[5].contains(u" 30.00 "_s));
    QVERIFY(table[5].contains(u" 94.81 "_s));
    // Numbers are right-aligned under their heading.
    const qsizetype column = table[0].indexOf(u"Received"_s) + 8;
    QVERIFY(table[2].left(column - 3).endsWith(u" 7614"_s)); // the han row is three characters shorter
    QVERIFY(table[5].left(column).endsWith(u"8000"_s));
}

void TestReportWriters::textNeverPrintsControlCharacters()
{
    // Found by attacking issue 13: a department name holding ESC (an older or hand-edited database) reached the
    // terminal raw through `hotlinectl report`.
    ReportData r = sample();
    r.departments[0].name = u"城管\u001B[2J局\u202E"_s;
    const QByteArray text = ReportWriter::text(r);
    QVERIFY(!text.contains('\x1b'));
    QVERIFY(!text.contains("\u202E"));
    QVERIFY2(text.contains("城管\\u001B[2J局\\u202E"), text.constData());
}

QTEST_GUILESS_MAIN(TestReportWriters)
#include "tst_report_writers.moc"
