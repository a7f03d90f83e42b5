// The report of a period that is not over: open tickets are judged overdue at the earlier of the period's end and
// now (PRODUCT §6), so the running month agrees with the board's red at the same instant.
#include "TestSupport.h"
#include "TestWorkspace.h"
#include "calendar/WorkCalendar.h"
#include "domain/TicketEvent.h"
#include "reports/ReportBuilder.h"
#include "reports/ReportBundle.h"
#include "reports/ReportSeries.h"
#include "reports/ReportWriters.h"
#include "service/Board.h"
#include "sla/SlaClock.h"
#include "storage/EventStore.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace hotline;
using namespace hotline::test;

class TestReportRunning final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup() { m_tw.reset(); }
    void runningMonthCountsWhatIsOverdueNow();
    void aDeadlinePassesOneSecondAfterIt();
    void closedMonthJudgesAtItsEnd();
    void periodNotBegunCountsNoOpenTicket();
    void writersSayWhenOpenTicketsWereJudged();
    void weeklyBarsOfARunningMonth();
    void hotlinectlAgreesWithTheBoardOnTheDemo();

private:
    void append(const QString &ticket, EventType type, const QString &iso, QJsonObject payload = {});
    /** Registered and dispatched to A01 at dispatchedIso with the deadline deadlineIso. */
    void open(const QString &ticket, const QString &dispatchedIso, const QString &deadlineIso);
    ReportData report(QDate from, QDate to);
    int red();
    /** The report's overdue less its completed-late tickets: the open tickets it judged overdue. */
    static qint64 openOverdue(const ReportFigures &f) { return f.overdue - (f.completed - f.onTime); }
    QTimeZone zone() const { return m_tw->ws->sla().calendar().timeZone(); }

    std::unique_ptr<TestWorkspace> m_tw;
};

void TestReportRunning::init()
{
    m_tw = std::make_unique<TestWorkspace>(u"2025-04-10T09:00:00+08:00"_s);
    QVERIFY2(m_tw->isValid(), qPrintable(m_tw->error));
    m_tw->addDepartment(u"A01"_s, u"城管局"_s);
    // Overdue at the instant of the test (red on the board).
    open(u"late-open"_s, u"2025-04-01T09:00:00+08:00"_s, u"2025-04-08T18:00:00+08:00"_s);
    // Registered in March, its deadline passed in March, still open.
    open(u"march-open"_s, u"2025-03-20T09:00:00+08:00"_s, u"2025-03-28T18:00:00+08:00"_s);
    // Its deadline is the instant of the test: not yet past.
    open(u"due-now"_s, u"2025-04-02T09:00:00+08:00"_s, u"2025-04-10T09:00:00+08:00"_s);
    // Due later in April: the month counted it overdue before this fix, the board does not.
    open(u"future"_s, u"2025-04-09T09:00:00+08:00"_s, u"2025-04-20T18:00:00+08:00"_s);
    // Answered late and not closed: overdue in the report, off the board (the board shows unanswered tickets).
    open(u"late-reply"_s, u"2025-04-01T09:00:00+08:00"_s, u"2025-04-03T18:00:00+08:00"_s);
    append(u"late-reply"_s, EventType::Replied, u"2025-04-05T10:00:00+08:00"_s);
    // Completed late in April.
    open(u"closed-late"_s, u"2025-04-01T09:00:00+08:00"_s, u"2025-04-02T18:00:00+08:00"_s);
    append(u"closed-late"_s, EventType::Replied, u"2025-04-03T10:00:00+08:00"_s);
    append(u"closed-late"_s, EventType::Closed, u"2025-04-09T10:00:00+08:00"_s);
}

void TestReportRunning::append(const QString &ticket, EventType type, const QString &iso, QJsonObject payload)
{
    QString error;
    const TicketEvent e = TicketEvent::make(ticket, type, ms(iso), u"tester"_s, u"01"_s, std::move(payload));
    QVERIFY2(m_tw->ws->events().append({e}, &error), qPrintable(ticket + u": "_s + error));
}

void TestReportRunning::open(const QString &ticket, const QString &dispatchedIso, const QString &deadlineIso)
{
    append(ticket, EventType::Registered, dispatchedIso,
           {{Key::Number, ticket},
            {Key::Channel, u"phone"_s},
            {Key::Type, u"complaint"_s},
            {Key::SlaClass, u"handling"_s}});
    append(ticket, EventType::Dispatched, dispatchedIso,
           {{Key::Department, u"A01"_s}, {Key::Deadline, secs(deadlineIso)}});
}

ReportData TestReportRunning::report(QDate from, QDate to)
{
    QString error;
    const auto r = ReportBuilder(m_tw->ws->database(), zone(), m_tw->clock.nowMs()).build(from, to, &error);
    if (!r)
        qWarning() << error;
    return r.value_or(ReportData {});
}

int TestReportRunning::red()
{
    return Board::load(m_tw->ws->database(), m_tw->ws->sla(), m_tw->clock.nowSecs()).red;
}

void TestReportRunning::runningMonthCountsWhatIsOverdueNow()
{
    const ReportData april = report(QDate(2025, 4, 1), QDate(2025, 5, 1));
    QCOMPARE(april.runningAtMs, std::optional<qint64>(ms(u"2025-04-10T09:00:00+08:00"_s)));
    QCOMPARE(april.totals.completed, 1);
    QCOMPARE(april.totals.onTime, 0);
    // closed-late + late-open + march-open + late-reply; not due-now (not yet past), not future (20 April).
    QCOMPARE(april.totals.overdue, 4);
    QCOMPARE(april.departments.first().figures.overdue, 4);
    QCOMPARE(red(), 2);
    // The board's red, and the tickets answered late that wait to be closed (answered, so not on the board).
    QCOMPARE(openOverdue(april.totals), red() + 1);
}

void TestReportRunning::aDeadlinePassesOneSecondAfterIt()
{
    // Half a second after due-now's deadline: the board is not red yet (whole seconds) and neither is the report.
    m_tw->clock.setMs(ms(u"2025-04-10T09:00:00.500+08:00"_s));
    QCOMPARE(report(QDate(2025, 4, 1), QDate(2025, 5, 1)).totals.overdue, 4);
    QCOMPARE(red(), 2);
    m_tw->setNow(u"2025-04-10T09:00:01+08:00"_s);
    const ReportData april = report(QDate(2025, 4, 1), QDate(2025, 5, 1));
    QCOMPARE(april.totals.overdue, 5);
    QCOMPARE(red(), 3);
    QCOMPARE(openOverdue(april.totals), red() + 1);
}

void TestReportRunning::closedMonthJudgesAtItsEnd()
{
    // March is over: its open tickets are judged at its end, whatever happened since.
    const ReportData march = report(QDate(2025, 3, 1), QDate(2025, 4, 1));
    QVERIFY(!march.runningAtMs);
    QVERIFY(march.runningNote().isEmpty());
    QCOMPARE(march.totals.overdue, 1); // march-open
    // Once April is over, every deadline of April has passed at its end: future counts too.
    m_tw->setNow(u"2025-05-02T09:00:00+08:00"_s);
    const ReportData april = report(QDate(2025, 4, 1), QDate(2025, 5, 1));
    QVERIFY(!april.runningAtMs);
    QCOMPARE(april.totals.overdue, 6);
    // At the last second of April it is still running: future and due-now are past, as on the board.
    m_tw->setNow(u"2025-04-30T23:59:59+08:00"_s);
    const ReportData lastSecond = report(QDate(2025, 4, 1), QDate(2025, 5, 1));
    QVERIFY(lastSecond.runningAtMs);
    QCOMPARE(lastSecond.totals.overdue, 6);
    QCOMPARE(red(), 4);
}

void TestReportRunning::periodNotBegunCountsNoOpenTicket()
{
    const ReportData may = report(QDate(2025, 5, 1), QDate(2025, 6, 1));
    QCOMPARE(may.totals.overdue, 0);
    QVERIFY(may.runningAtMs);
    QVERIFY2(may.runningNote().contains(u"not begun"_s), qPrintable(may.runningNote()));
    QCOMPARE(*ReportBuilder(m_tw->ws->database(), zone(), m_tw->clock.nowMs())
                  .overdueTotal(QDate(2025, 5, 1), QDate(2025, 6, 1)),
             0);
}

void TestReportRunning::writersSayWhenOpenTicketsWereJudged()
{
    const ReportData april = report(QDate(2025, 4, 1), QDate(2025, 5, 1));
    const QJsonObject json = QJsonDocument::fromJson(ReportWriter::json(april)).object();
    QCOMPARE(json[u"period"_s][u"overdue_at"_s].toString(), u"2025-04-10T09:00:00+08:00"_s);
    QCOMPARE(json[u"totals"_s][u"overdue"_s].toInt(), 4);
    const QString text = QString::fromUtf8(ReportWriter::text(april));
    QVERIFY2(text.contains(u"not over"_s) && text.contains(u"2025-04-10 09:00:00"_s), qPrintable(text));
    // CSV keeps its table (Excel users sort and sum it); its overdue column is the same figure.
    const QStringList csv = QString::fromUtf8(ReportWriter::csv(april)).split(u"\r\n"_s);
    // The table, then an empty row and the log stamp (verify prints the same stamp).
    QVERIFY2(csv.size() >= 4 && csv.last().isEmpty() && csv[csv.size() - 4].startsWith(u"Total,,5,5,1,0,0.00,4,"_s)
                 && csv[csv.size() - 3].isEmpty() && csv[csv.size() - 2].startsWith(u"Event log,"_s),
             qPrintable(csv.join(u'|')));
    // A closed month keeps the §7 shape exactly.
    const ReportData march = report(QDate(2025, 3, 1), QDate(2025, 4, 1));
    QVERIFY(
        !QJsonDocument::fromJson(ReportWriter::json(march)).object()[u"period"_s].toObject().contains(u"overdue_at"_s));
    QVERIFY(!QString::fromUtf8(ReportWriter::text(march)).contains(u"not over"_s));
}

void TestReportRunning::weeklyBarsOfARunningMonth()
{
    const QDate from(2025, 4, 1);
    const QDate to(2025, 5, 1);
    QString error;
    const auto bundle = ReportBundleBuilder::build(m_tw->ws->database(), zone(), u"Centre"_s, from, to,
                                                   m_tw->clock.nowMs(), kDefaultMinCompletedForRank, &error);
    QVERIFY2(bundle, qPrintable(error));
    QCOMPARE(bundle->report, report(from, to));
    const QList<WeekOverdue> &weeks = bundle->series.overdueByWeek;
    QCOMPARE(weeks.size(), 5); // 1–6, 7–13, 14–20, 21–27, 28–30 April
    // The first week ended before now: judged at its end (closed-late was closed after it, so it is open there).
    QCOMPARE(weeks[0].overdue, 3); // closed-late (deadline 2 April), late-reply (3 April), march-open
    // The running week: as the month, now.
    QCOMPARE(weeks[1].overdue, 4);
    // Weeks that have not begun: nothing yet, not today's figure repeated.
    QCOMPARE(weeks[2].overdue, 0);
    QCOMPARE(weeks[3].overdue, 0);
    QCOMPARE(weeks[4].overdue, 0);
}

void TestReportRunning::hotlinectlAgreesWithTheBoardOnTheDemo()
{
    // The demo (made at hotlinectl's own clock) has red, yellow and green tickets whose deadlines fall later in
    // the month: a report judging them at the month's end counted them all (68 overdue against 9 red).
    const QString db = m_tw->dir.filePath(u"demo.db"_s);
    CtlResult r = runCtl({u"--db"_s, db, u"init"_s, u"--demo"_s});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    r = runCtl({u"--db"_s, db, u"board"_s, u"--format"_s, u"json"_s});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QJsonObject now = QJsonDocument::fromJson(r.out).object();
    const QString at = now[u"at"_s].toString();
    QVERIFY(now[u"counts"_s][u"red"_s].toInt() > 0 && now[u"counts"_s][u"green"_s].toInt() > 0);
    // Now, and two days later when more deadlines have passed (the board and the report at the same --at).
    const QDateTime first = QDateTime::fromString(at, Qt::ISODate);
    QVERIFY(first.isValid());
    for (const QString &instant : {at, first.addDays(2).toString(Qt::ISODate)}) {
        r = runCtl({u"--db"_s, db, u"board"_s, u"--at"_s, instant, u"--format"_s, u"json"_s});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const int red = QJsonDocument::fromJson(r.out).object()[u"counts"_s][u"red"_s].toInt();
        // Without --month: the month of that instant, judged at it.
        r = runCtl({u"--db"_s, db, u"report"_s, u"--at"_s, instant, u"--format"_s, u"json"_s});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonObject report = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(report[u"period"_s][u"overdue_at"_s].toString(), instant);
        QCOMPARE(report[u"period"_s][u"from"_s].toString(), instant.left(7) + u"-01"_s);
        const QJsonObject t = report[u"totals"_s].toObject();
        // Completed late in the month, plus exactly the board's red (the demo answers no ticket late and leaves it
        // open, the one kind the report counts that the board does not show).
        QCOMPARE(t[u"overdue"_s].toInt() - (t[u"completed"_s].toInt() - t[u"on_time"_s].toInt()), red);
    }
    r = runCtl({u"--db"_s, db, u"report"_s, u"--at"_s, u"yesterday"_s});
    QCOMPARE(r.exitCode, 2);
}

QTEST_GUILESS_MAIN(TestReportRunning)
#include "tst_report_running.moc"
