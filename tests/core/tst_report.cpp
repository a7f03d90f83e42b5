#include "domain/Ticket.h"
#include "domain/TicketEvent.h"
#include "reports/ReportBuilder.h"
#include "reports/ReportData.h"
#include "reports/ReportWriters.h"
#include "storage/Database.h"
#include "storage/EventStore.h"
#include "util/Clock.h"

#include <QDateTime>
#include <QJsonObject>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace hotline;

namespace {

const QTimeZone kShanghai(QByteArrayLiteral("Asia/Shanghai"));
// Every period of these tests is over at this instant (2026-01-01T00:00:00Z): open tickets are judged at its end.
const ManualClock kAfterThePeriods(qint64(1767225600) * 1000);

// An instant written with its offset, e.g. "2025-03-31T23:59:59+08:00".
qint64 at(const QString &iso)
{
    const QDateTime t = QDateTime::fromString(iso, Qt::ISODate);
    Q_ASSERT(t.isValid());
    return t.toMSecsSinceEpoch();
}

qint64 deadline(const QString &iso)
{
    return at(iso) / 1000;
}

ReportFigures figures(qint64 received, qint64 dispatched, qint64 completed, qint64 onTime, qint64 overdue,
                      qint64 surveyed, qint64 satisfied, qint64 basic, qint64 unsatisfied)
{
    return {received, dispatched, completed, onTime, overdue, surveyed, satisfied, basic, unsatisfied};
}

// The ticket figures of a row, without the department's own clocks (tested in tst_report_departments).
ReportFigures ticketFigures(ReportFigures f)
{
    f.replied = f.repliedOnTime = f.breaches = f.returns = f.misroutes = f.extensions = 0;
    return f;
}

char *describe(const ReportFigures &f)
{
    return QTest::toString(QStringLiteral("received %1 dispatched %2 completed %3 on_time %4 overdue %5 "
                                          "surveyed %6 satisfied %7 basic %8 unsatisfied %9")
                               .arg(f.received)
                               .arg(f.dispatched)
                               .arg(f.completed)
                               .arg(f.onTime)
                               .arg(f.overdue)
                               .arg(f.surveyed)
                               .arg(f.satisfied)
                               .arg(f.basicallySatisfied)
                               .arg(f.unsatisfied));
}

} // namespace

namespace hotline {
// Lets QCOMPARE print both sides of a mismatch.
char *toString(const ReportFigures &f)
{
    return describe(f);
}
} // namespace hotline

/** The §6 figures computed over a real database filled through the event store. */
class TestReport final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void rounding_data();
    void rounding();
    void emptyPeriodIsRefused();
    void periodBoundsAreLocalMidnights();
    void march();
    void april();
    void nothingToDivideByGivesNoRate();
    void unknownDepartmentGetsARowNamedByCode();
    void everyQueryUsesAnIndex();
    void writtenForms();

private:
    void append(const QString &ticket, EventType type, qint64 atMs, QJsonObject payload = {});
    void registered(const QString &ticket, qint64 atMs, const QString &type = u"complaint"_s);
    void dispatched(const QString &ticket, qint64 atMs, const QString &department, qint64 deadlineS,
                    EventType how = EventType::Dispatched);
    void callback(const QString &ticket, qint64 atMs, const QString &answer);
    ReportData report(QDate from, QDate to);
    const DepartmentReport *row(const ReportData &r, const QString &code);

    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<EventStore> m_store;
};

void TestReport::append(const QString &ticket, EventType type, qint64 atMs, QJsonObject payload)
{
    QString error;
    const TicketEvent e = TicketEvent::make(ticket, type, atMs, u"tester"_s, u"T1"_s, std::move(payload));
    QVERIFY2(m_store->append({e}, &error), qPrintable(ticket + u": "_s + error));
}

void TestReport::registered(const QString &ticket, qint64 atMs, const QString &type)
{
    append(ticket, EventType::Registered, atMs,
           {{Key::Number, ticket}, {Key::Channel, u"phone"_s}, {Key::Type, type},
            {Key::SlaClass, type == u"consult"_s ? u"consult"_s : u"handling"_s}});
}

void TestReport::dispatched(const QString &ticket, qint64 atMs, const QString &department, qint64 deadlineS,
                            EventType how)
{
    append(ticket, how, atMs, {{Key::Department, department}, {Key::Deadline, deadlineS}});
}

void TestReport::callback(const QString &ticket, qint64 atMs, const QString &answer)
{
    append(ticket, EventType::Callback, atMs, {{Key::Satisfaction, answer}});
}

ReportData TestReport::report(QDate from, QDate to)
{
    QString error;
    const std::optional<ReportData> r = ReportBuilder(*m_db, kShanghai, kAfterThePeriods.nowMs()).build(from, to, &error);
    if (!r)
        qWarning() << "report failed:" << error;
    return r.value_or(ReportData{});
}

const DepartmentReport *TestReport::row(const ReportData &r, const QString &code)
{
    for (const DepartmentReport &d : r.departments) {
        if (d.code == code)
            return &d;
    }
    return nullptr;
}

// Each ticket below exists for one fact; the comments give what it adds to the March 2025 report.
void TestReport::initTestCase()
{
    QVERIFY(kShanghai.isValid());
    QVERIFY(m_dir.isValid());
    QString error;
    m_db = Database::open(m_dir.filePath(u"report.db"_s), &error);
    QVERIFY2(m_db, qPrintable(error));
    m_store = std::make_unique<EventStore>(*m_db);
    for (const QString &insert : {u"INSERT INTO departments(code, name) VALUES('A01', '城管局')"_s,
                                  u"INSERT INTO departments(code, name) VALUES('B02', '水务局')"_s,
                                  u"INSERT INTO departments(code, name) VALUES('C03', 'Roads, Bridges')"_s})
        QVERIFY2(m_db->exec(insert, &error), qPrintable(error));

    // Period boundaries: February / March / April in Asia/Shanghai.
    registered(u"t00a"_s, at(u"2025-02-28T23:59:59.999+08:00"_s));        // February
    registered(u"t00"_s, at(u"2025-03-01T00:00:00+08:00"_s));             // March, received (no department)
    registered(u"t01"_s, at(u"2025-03-31T23:59:59.999+08:00"_s));         // March, received
    registered(u"t02"_s, at(u"2025-04-01T00:00:00+08:00"_s));             // April

    // A reply exactly at the deadline is on time; one second later is late.
    registered(u"t03"_s, at(u"2025-03-03T09:00:00+08:00"_s));
    dispatched(u"t03"_s, at(u"2025-03-03T09:10:00+08:00"_s), u"A01"_s, deadline(u"2025-03-10T09:10:00+08:00"_s));
    append(u"t03"_s, EventType::Replied, at(u"2025-03-10T09:10:00+08:00"_s));
    callback(u"t03"_s, at(u"2025-03-11T10:00:00+08:00"_s), u"satisfied"_s);
    append(u"t03"_s, EventType::Closed, at(u"2025-03-11T10:05:00+08:00"_s));
    registered(u"t04"_s, at(u"2025-03-03T09:00:00+08:00"_s));
    dispatched(u"t04"_s, at(u"2025-03-03T09:10:00+08:00"_s), u"A01"_s, deadline(u"2025-03-10T09:10:00+08:00"_s));
    append(u"t04"_s, EventType::Replied, at(u"2025-03-10T09:10:01+08:00"_s));
    callback(u"t04"_s, at(u"2025-03-12T10:00:00+08:00"_s), u"unsatisfied"_s);
    append(u"t04"_s, EventType::Closed, at(u"2025-03-12T10:05:00+08:00"_s)); // completed late: overdue

    // A consultation answered at intake: completed on time, in the totals only.
    registered(u"t05"_s, at(u"2025-03-05T10:00:00+08:00"_s), u"consult"_s);
    callback(u"t05"_s, at(u"2025-03-05T10:01:00+08:00"_s), u"basic"_s);
    append(u"t05"_s, EventType::Closed, at(u"2025-03-05T10:02:00+08:00"_s));

    // Open at the end of March past its deadline, never replied: overdue.
    registered(u"t06"_s, at(u"2025-03-20T09:00:00+08:00"_s));
    dispatched(u"t06"_s, at(u"2025-03-20T10:00:00+08:00"_s), u"B02"_s, deadline(u"2025-03-27T10:00:00+08:00"_s));
    // Replied on time but not yet closed: not overdue.
    registered(u"t07"_s, at(u"2025-03-20T09:00:00+08:00"_s));
    dispatched(u"t07"_s, at(u"2025-03-20T10:00:00+08:00"_s), u"B02"_s, deadline(u"2025-03-27T10:00:00+08:00"_s));
    append(u"t07"_s, EventType::Replied, at(u"2025-03-25T10:00:00+08:00"_s));

    // Transferred from A01 to B02: one dispatch each, the ticket itself counts for B02.
    registered(u"t08"_s, at(u"2025-03-06T09:00:00+08:00"_s));
    dispatched(u"t08"_s, at(u"2025-03-06T10:00:00+08:00"_s), u"A01"_s, deadline(u"2025-03-13T10:00:00+08:00"_s));
    dispatched(u"t08"_s, at(u"2025-03-07T10:00:00+08:00"_s), u"B02"_s, deadline(u"2025-03-14T10:00:00+08:00"_s),
               EventType::Transferred);
    append(u"t08"_s, EventType::Replied, at(u"2025-03-10T10:00:00+08:00"_s));
    callback(u"t08"_s, at(u"2025-03-14T10:00:00+08:00"_s), u"basic"_s);
    append(u"t08"_s, EventType::Closed, at(u"2025-03-15T10:00:00+08:00"_s));

    // Past its deadline at the end of March, replied and closed late in April: overdue in both months.
    registered(u"t09"_s, at(u"2025-03-24T09:00:00+08:00"_s));
    dispatched(u"t09"_s, at(u"2025-03-24T10:00:00+08:00"_s), u"A01"_s, deadline(u"2025-03-31T09:00:00+08:00"_s));
    append(u"t09"_s, EventType::Replied, at(u"2025-04-02T10:00:00+08:00"_s));
    callback(u"t09"_s, at(u"2025-04-02T15:00:00+08:00"_s), u"satisfied"_s);
    append(u"t09"_s, EventType::Closed, at(u"2025-04-03T10:00:00+08:00"_s));

    // Deadline after the end of March: not overdue in March, overdue in April (still unanswered).
    registered(u"t10"_s, at(u"2025-03-28T09:00:00+08:00"_s));
    dispatched(u"t10"_s, at(u"2025-03-28T10:00:00+08:00"_s), u"A01"_s, deadline(u"2025-04-03T10:00:00+08:00"_s));

    // Replied late and still open: overdue.
    registered(u"t11"_s, at(u"2025-03-10T09:00:00+08:00"_s));
    dispatched(u"t11"_s, at(u"2025-03-10T10:00:00+08:00"_s), u"B02"_s, deadline(u"2025-03-17T10:00:00+08:00"_s));
    append(u"t11"_s, EventType::Replied, at(u"2025-03-18T10:00:00+08:00"_s));

    // Registered and dispatched in February, closed on time in March.
    registered(u"t12"_s, at(u"2025-02-25T09:00:00+08:00"_s));
    dispatched(u"t12"_s, at(u"2025-02-25T10:00:00+08:00"_s), u"A01"_s, deadline(u"2025-03-04T10:00:00+08:00"_s));
    append(u"t12"_s, EventType::Replied, at(u"2025-03-03T10:00:00+08:00"_s));
    append(u"t12"_s, EventType::Closed, at(u"2025-03-05T10:00:00+08:00"_s));

    // Deadline exactly at the end of March: not yet past it then.
    registered(u"t14"_s, at(u"2025-03-25T09:00:00+08:00"_s));
    dispatched(u"t14"_s, at(u"2025-03-25T10:00:00+08:00"_s), u"A01"_s, deadline(u"2025-04-01T00:00:00+08:00"_s));

    // Late for the first deadline, on time for the extended one: on time.
    registered(u"t15"_s, at(u"2025-03-10T09:00:00+08:00"_s));
    dispatched(u"t15"_s, at(u"2025-03-10T10:00:00+08:00"_s), u"A01"_s, deadline(u"2025-03-17T10:00:00+08:00"_s));
    append(u"t15"_s, EventType::ExtensionRequested, at(u"2025-03-14T10:00:00+08:00"_s), {{Key::Days, 3}});
    append(u"t15"_s, EventType::ExtensionApproved, at(u"2025-03-14T11:00:00+08:00"_s),
           {{Key::Days, 3}, {Key::Deadline, deadline(u"2025-03-21T10:00:00+08:00"_s)}});
    append(u"t15"_s, EventType::Replied, at(u"2025-03-20T10:00:00+08:00"_s));
    append(u"t15"_s, EventType::Closed, at(u"2025-03-21T10:00:00+08:00"_s));

    // January: a department missing from the departments table.
    registered(u"t16"_s, at(u"2025-01-10T09:00:00+08:00"_s));
    dispatched(u"t16"_s, at(u"2025-01-10T10:00:00+08:00"_s), u"Z99"_s, deadline(u"2025-01-17T10:00:00+08:00"_s));
    append(u"t16"_s, EventType::Replied, at(u"2025-01-16T10:00:00+08:00"_s));
    append(u"t16"_s, EventType::Closed, at(u"2025-01-18T10:00:00+08:00"_s));
}

void TestReport::rounding_data()
{
    QTest::addColumn<qint64>("part");
    QTest::addColumn<qint64>("whole");
    QTest::addColumn<QString>("text");
    QTest::newRow("7291/7614") << qint64(7291) << qint64(7614) << u"95.76"_s;
    QTest::newRow("1/8") << qint64(1) << qint64(8) << u"12.50"_s;
    QTest::newRow("2/3") << qint64(2) << qint64(3) << u"66.67"_s;
    QTest::newRow("1/3") << qint64(1) << qint64(3) << u"33.33"_s;
    QTest::newRow("1/6") << qint64(1) << qint64(6) << u"16.67"_s;
    QTest::newRow("1/16") << qint64(1) << qint64(16) << u"6.25"_s;
    QTest::newRow("1/32 half up") << qint64(1) << qint64(32) << u"3.13"_s;
    QTest::newRow("1/80") << qint64(1) << qint64(80) << u"1.25"_s;
    QTest::newRow("1/400") << qint64(1) << qint64(400) << u"0.25"_s;
    QTest::newRow("1/800 half up") << qint64(1) << qint64(800) << u"0.13"_s;
    QTest::newRow("1/1600") << qint64(1) << qint64(1600) << u"0.06"_s;
    QTest::newRow("1/20000 half up") << qint64(1) << qint64(20000) << u"0.01"_s;
    QTest::newRow("1/20001 down") << qint64(1) << qint64(20001) << u"0.00"_s;
    QTest::newRow("0/5") << qint64(0) << qint64(5) << u"0.00"_s;
    QTest::newRow("5/5") << qint64(5) << qint64(5) << u"100.00"_s;
    QTest::newRow("large") << qint64(999999999) << qint64(1000000000) << u"100.00"_s;
    QTest::newRow("nothing to divide by") << qint64(0) << qint64(0) << QString();
    QTest::newRow("something over nothing") << qint64(3) << qint64(0) << QString();
}

void TestReport::rounding()
{
    QFETCH(qint64, part);
    QFETCH(qint64, whole);
    QFETCH(QString, text);
    QCOMPARE(percentText(percentHundredths(part, whole)), text);
    const std::optional<double> value = percent(part, whole);
    QCOMPARE(value.has_value(), !text.isEmpty());
    if (value) {
        QCOMPARE(QString::number(*value, 'f', 2), text);
        QCOMPARE(*value, text.toDouble());
    }
}

void TestReport::emptyPeriodIsRefused()
{
    QString error;
    const ReportBuilder builder(*m_db, kShanghai, kAfterThePeriods.nowMs());
    QVERIFY(!builder.build(QDate(2025, 3, 1), QDate(2025, 3, 1), &error));
    QVERIFY(!error.isEmpty());
    QVERIFY(!builder.build(QDate(2025, 4, 1), QDate(2025, 3, 1), &error));
    QVERIFY(!builder.build(QDate(), QDate(2025, 3, 1)));
}

void TestReport::periodBoundsAreLocalMidnights()
{
    // 2025-04-01T00:00:00+08:00 is 16:00 UTC the day before.
    QCOMPARE(ReportBuilder::startOfDayMs(QDate(2025, 4, 1), kShanghai), at(u"2025-03-31T16:00:00Z"_s));
    QCOMPARE(ReportBuilder::startOfDayMs(QDate(2025, 4, 1), QTimeZone::utc()), at(u"2025-04-01T00:00:00Z"_s));
    // One day in each month either side of a boundary.
    QCOMPARE(report(QDate(2025, 2, 28), QDate(2025, 3, 1)).totals.received, qint64(1)); // t00a
    QCOMPARE(report(QDate(2025, 3, 1), QDate(2025, 3, 2)).totals.received, qint64(1));  // t00
    QCOMPARE(report(QDate(2025, 3, 31), QDate(2025, 4, 1)).totals.received, qint64(1)); // t01
    QCOMPARE(report(QDate(2025, 4, 1), QDate(2025, 4, 2)).totals.received, qint64(1));  // t02
}

void TestReport::march()
{
    const ReportData r = report(QDate(2025, 3, 1), QDate(2025, 4, 1));
    QCOMPARE(r.from, QDate(2025, 3, 1));
    QCOMPARE(r.to, QDate(2025, 4, 1));
    // received 13 = A01 6 + B02 4 + 3 never dispatched (t00, t01, t05); completed 6 includes t05 (intake).
    QCOMPARE(ticketFigures(r.totals), figures(13, 11, 6, 5, 4, 4, 1, 2, 1));
    QCOMPARE(percentText(r.totals.onTimeRateHundredths()), u"83.33"_s);
    QCOMPARE(percentText(r.totals.satisfactionRateHundredths()), u"75.00"_s);

    QCOMPARE(r.departments.size(), 3);
    QCOMPARE(r.departments[0].code, u"A01"_s);
    QCOMPARE(r.departments[0].name, u"城管局"_s);
    QCOMPARE(r.departments[1].code, u"B02"_s);
    QCOMPARE(r.departments[2].code, u"C03"_s);
    // A01: t03 t04 t09 t10 t14 t15; dispatches t03 t04 t08(first) t09 t10 t14 t15; completed t03 t04 t12 t15;
    // overdue t04 (late) + t09 (open past deadline at the end of March).
    const ReportFigures a = r.departments[0].figures;
    QCOMPARE(ticketFigures(a), figures(6, 7, 4, 3, 2, 2, 1, 0, 1));
    QCOMPARE(percentText(a.onTimeRateHundredths()), u"75.00"_s);
    QCOMPARE(percentText(a.satisfactionRateHundredths()), u"50.00"_s);
    // B02: t06 t07 t08 (transferred in) t11; overdue t06 (never replied) + t11 (replied late, open).
    const ReportFigures b = r.departments[1].figures;
    QCOMPARE(ticketFigures(b), figures(4, 4, 1, 1, 2, 1, 0, 1, 0));
    QCOMPARE(percentText(b.onTimeRateHundredths()), u"100.00"_s);
    QCOMPARE(percentText(b.satisfactionRateHundredths()), u"100.00"_s);
    // Each department on its own clocks (the fold's dispatches rows), as of the end of March: A01 replied 3 of its 7
    // by then (one more reply came in April), 2 in time, breached 2, one extension approved; B02 replied 3 of its 4,
    // 2 in time, breached 2.
    QCOMPARE(a.replied, 3);
    QCOMPARE(a.repliedOnTime, 2);
    QCOMPARE(a.breaches, 2);
    QCOMPARE(a.extensions, 1);
    QCOMPARE(b.replied, 3);
    QCOMPARE(b.breaches, 2);
    QCOMPARE(r.totals.breaches, a.breaches + b.breaches);
    // C03 has done nothing but still gets its row.
    QVERIFY(r.departments[2].figures.isZero());
    QVERIFY(!r.departments[2].figures.onTimeRate());
    QVERIFY(!r.departments[2].figures.satisfactionRate());
}

void TestReport::april()
{
    const ReportData r = report(QDate(2025, 4, 1), QDate(2025, 5, 1));
    // t09 completed late; open past deadline on 1 May: t06, t10, t11, t14 (t07 was replied on time).
    QCOMPARE(ticketFigures(r.totals), figures(1, 0, 1, 0, 5, 1, 1, 0, 0));
    QCOMPARE(percentText(r.totals.onTimeRateHundredths()), u"0.00"_s);
    QCOMPARE(ticketFigures(row(r, u"A01"_s)->figures), figures(0, 0, 1, 0, 3, 1, 1, 0, 0));
    QCOMPARE(ticketFigures(row(r, u"B02"_s)->figures), figures(0, 0, 0, 0, 2, 0, 0, 0, 0));
}

void TestReport::nothingToDivideByGivesNoRate()
{
    const ReportData r = report(QDate(2025, 2, 1), QDate(2025, 3, 1));
    QCOMPARE(ticketFigures(r.totals), figures(2, 1, 0, 0, 0, 0, 0, 0, 0)); // t00a, t12 (its deadline is in March)
    QVERIFY(!r.totals.onTimeRate());
    QVERIFY(!r.totals.satisfactionRate());
    QCOMPARE(ticketFigures(row(r, u"A01"_s)->figures), figures(1, 1, 0, 0, 0, 0, 0, 0, 0));
}

void TestReport::unknownDepartmentGetsARowNamedByCode()
{
    const ReportData r = report(QDate(2025, 1, 1), QDate(2025, 2, 1));
    QCOMPARE(ticketFigures(r.totals), figures(1, 1, 1, 1, 0, 0, 0, 0, 0));
    QCOMPARE(r.departments.size(), 4);
    QCOMPARE(r.departments.last().code, u"Z99"_s);
    QCOMPARE(r.departments.last().name, u"Z99"_s);
    QCOMPARE(r.departments.last().figures, r.totals);
    QCOMPARE(percentText(r.totals.onTimeRateHundredths()), u"100.00"_s);
}

void TestReport::everyQueryUsesAnIndex()
{
    const QStringList plans = ReportBuilder(*m_db, kShanghai, kAfterThePeriods.nowMs()).queryPlans(QDate(2025, 3, 1), QDate(2025, 4, 1));
    QCOMPARE(plans.size(), 6);
    for (const QString &plan : plans) {
        const QString steps = plan.section(u" => "_s, 1);
        QVERIFY2(steps.contains(u"USING INDEX"_s) || steps.contains(u"USING COVERING INDEX"_s), qPrintable(plan));
        QVERIFY2(!steps.contains(u"SCAN"_s), qPrintable(plan));
    }
}

void TestReport::writtenForms()
{
    const ReportData r = report(QDate(2025, 3, 1), QDate(2025, 4, 1));
    const QByteArray json = ReportWriter::json(r);
    QVERIFY2(json.startsWith("{\n  \"period\": {\"from\": \"2025-03-01\", \"to\": \"2025-04-01\"},\n"), json.constData());
    QVERIFY2(json.contains(R"({"department": "城管局", "code": "A01", "received": 6, "dispatched": 7, "completed": 4, )"
                           R"("on_time": 3, "on_time_rate": 75.00, "overdue": 2, "surveyed": 2, "satisfied": 1, )"
                           R"("basically_satisfied": 0, "unsatisfied": 1, "satisfaction_rate": 50.00, "replied": )"),
             json.constData());
    QVERIFY2(json.contains(R"("on_time_rate": 83.33)"), json.constData());
    const QByteArray csv = ReportWriter::csv(r);
    QVERIFY(csv.startsWith("\xEF\xBB\xBF"));
    QVERIFY2(csv.contains("\r\n\"Roads, Bridges\",C03,0,0,0,0,,0,0,0,0,0,,0,0,,0,0,0,0,0\r\n"), csv.constData());
    // The totals row, then an empty row and the log stamp.
    QVERIFY2(csv.contains("\r\nTotal,,13,11,6,5,83.33,4,4,1,2,1,75.00,6,4,50.00,4,0,0,1,0\r\n\r\nEvent log,"), csv.constData());
    QVERIFY2(csv.endsWith((u","_s + r.log->head + u","_s + QString::number(r.log->events) + u"\r\n"_s).toUtf8()),
             csv.constData());
}

QTEST_GUILESS_MAIN(TestReport)
#include "tst_report.moc"
