// The monthly report's period edges, chart series, department ranking and the corrections of a closed month.
#include "TestWorkspace.h"
#include "calendar/WorkCalendar.h"
#include "domain/TicketEvent.h"
#include "reports/ReportBuilder.h"
#include "reports/ReportBundle.h"
#include "reports/ReportCorrections.h"
#include "reports/ReportRanking.h"
#include "reports/ReportSeries.h"
#include "storage/EventStore.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace hotline;
using namespace hotline::test;

class TestReportPeriods final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup() { m_tw.reset(); }
    void closedAtTheLastAndFirstSecond();
    void seriesAgreeWithTheReport();
    void rankingKeepsFewTicketsOffTheTop();
    void closedMonthIsStableWithoutCorrections();
    void reopenAfterTheMonthIsReported();
    void lateExtensionAndFirstDispatchAreReported();
    void openPeriodHasNoCorrections();

private:
    void append(const QString &ticket, EventType type, const QString &iso, QJsonObject payload = {});
    /** Registered, dispatched to department, replied (on time unless late), closed at closedIso. */
    void completed(const QString &ticket, const QString &department, const QString &registeredIso,
                   const QString &closedIso, bool late = false, const QString &channel = u"phone"_s);
    ReportData report(QDate from, QDate to);
    QList<ReportCorrection> corrections(QDate from, QDate to);
    QTimeZone zone() const { return m_tw->ws->sla().calendar().timeZone(); }

    std::unique_ptr<TestWorkspace> m_tw;
};

void TestReportPeriods::init()
{
    m_tw = std::make_unique<TestWorkspace>(u"2025-04-10T09:00:00+08:00"_s);
    QVERIFY2(m_tw->isValid(), qPrintable(m_tw->error));
    QCOMPARE(zone().id(), QByteArray("Asia/Shanghai"));
    m_tw->addDepartment(u"A01"_s, u"城管局"_s);
    m_tw->addDepartment(u"B02"_s, u"水务局"_s);
    m_tw->addDepartment(u"C03"_s, u"交通局"_s);
}

void TestReportPeriods::append(const QString &ticket, EventType type, const QString &iso, QJsonObject payload)
{
    QString error;
    const TicketEvent e = TicketEvent::make(ticket, type, ms(iso), u"tester"_s, u"01"_s, std::move(payload));
    QVERIFY2(m_tw->ws->events().append({e}, &error), qPrintable(ticket + u": "_s + error));
}

void TestReportPeriods::completed(const QString &ticket, const QString &department, const QString &registeredIso,
                                  const QString &closedIso, bool late, const QString &channel)
{
    append(
        ticket, EventType::Registered, registeredIso,
        {{Key::Number, ticket}, {Key::Channel, channel}, {Key::Type, u"complaint"_s}, {Key::SlaClass, u"handling"_s}});
    // Dispatched a second after registration; the deadline is the closing instant (on time) or before the reply.
    const qint64 closedS = secs(closedIso);
    append(ticket, EventType::Dispatched, registeredIso,
           {{Key::Department, department}, {Key::Deadline, late ? secs(registeredIso) + 60 : closedS}});
    append(ticket, EventType::Replied, QDateTime::fromSecsSinceEpoch(closedS - 1).toString(Qt::ISODateWithMs));
    append(ticket, EventType::Closed, closedIso);
}

ReportData TestReportPeriods::report(QDate from, QDate to)
{
    QString error;
    const auto r = ReportBuilder(m_tw->ws->database(), zone(), m_tw->clock.nowMs()).build(from, to, &error);
    if (!r)
        qWarning() << error;
    return r.value_or(ReportData {});
}

QList<ReportCorrection> TestReportPeriods::corrections(QDate from, QDate to)
{
    QString error;
    const auto c = ReportCorrections(m_tw->ws->database(), zone()).find(from, to, m_tw->clock.nowMs(), &error);
    if (!c)
        qWarning() << error;
    return c.value_or(QList<ReportCorrection> {});
}

void TestReportPeriods::closedAtTheLastAndFirstSecond()
{
    // One ticket closed at the last second of March and one at the first second of April, centre time (+08:00).
    completed(u"last"_s, u"A01"_s, u"2025-03-31T20:00:00+08:00"_s, u"2025-03-31T23:59:59+08:00"_s);
    completed(u"first"_s, u"A01"_s, u"2025-03-31T20:00:00+08:00"_s, u"2025-04-01T00:00:00+08:00"_s);
    const ReportData march = report(QDate(2025, 3, 1), QDate(2025, 4, 1));
    const ReportData april = report(QDate(2025, 4, 1), QDate(2025, 5, 1));
    QCOMPARE(march.totals.received, 2);
    QCOMPARE(march.totals.completed, 1);
    QCOMPARE(april.totals.completed, 1);
    QCOMPARE(april.totals.received, 0);
    // In UTC both fall on 31 March: the bounds are the centre's midnights, not UTC's.
    QCOMPARE(ReportBuilder::startOfDayMs(QDate(2025, 4, 1), zone()), ms(u"2025-03-31T16:00:00Z"_s));
    const auto tickets = ReportSeriesBuilder(m_tw->ws->database(), zone(), m_tw->clock.nowMs())
                             .completedTickets(QDate(2025, 3, 1), QDate(2025, 4, 1), u"A01"_s);
    QVERIFY(tickets);
    QCOMPARE(tickets->size(), 1);
    QCOMPARE(tickets->first().number, u"last"_s);
    // The intake chart puts both on the last day of March.
    const auto series = ReportSeriesBuilder(m_tw->ws->database(), zone(), m_tw->clock.nowMs()).build(QDate(2025, 3, 1), QDate(2025, 4, 1));
    QVERIFY(series);
    QCOMPARE(series->days.size(), 31);
    QCOMPARE(series->intakeByChannel[0][30], 2);
    QCOMPARE(series->intakeByChannel[0][29], 0);
}

void TestReportPeriods::seriesAgreeWithTheReport()
{
    completed(u"a"_s, u"A01"_s, u"2025-03-03T00:00:00+08:00"_s, u"2025-03-05T10:00:00+08:00"_s, false, u"web"_s);
    completed(u"b"_s, u"A01"_s, u"2025-03-10T09:00:00+08:00"_s, u"2025-03-20T10:00:00+08:00"_s, true);
    completed(u"c"_s, u"B02"_s, u"2025-03-16T23:59:59+08:00"_s, u"2025-03-18T10:00:00+08:00"_s, true, u"wechat"_s);
    completed(u"d"_s, u"B02"_s, u"2025-02-27T09:00:00+08:00"_s, u"2025-03-02T10:00:00+08:00"_s);
    const QDate from(2025, 3, 1);
    const QDate to(2025, 4, 1);
    const ReportData r = report(from, to);
    const auto s = ReportSeriesBuilder(m_tw->ws->database(), zone(), m_tw->clock.nowMs()).build(from, to);
    QVERIFY(s);
    qint64 intake = 0;
    for (const QList<qint64> &channel : s->intakeByChannel)
        for (qint64 n : channel)
            intake += n;
    QCOMPARE(intake, r.totals.received);
    qint64 byType = 0;
    for (qint64 n : s->receivedByType)
        byType += n;
    QCOMPARE(byType, r.totals.received);
    const int web = int(ReportSeries::allChannels().indexOf(Channel::WeChat));
    QCOMPARE(s->intakeByChannel[web][15], 1); // c, at 23:59:59 on the 16th
    // Weeks run Monday to Sunday, clipped: 1–2 March, 3–9, 10–16, 17–23, 24–30, 31.
    QCOMPARE(s->overdueByWeek.size(), 6);
    QCOMPARE(s->overdueByWeek.first().from, from);
    QCOMPARE(s->overdueByWeek.first().to, QDate(2025, 3, 3));
    QCOMPARE(s->overdueByWeek.last().from, QDate(2025, 3, 31));
    QCOMPARE(s->overdueByWeek.last().to, to);
    for (const WeekOverdue &w : s->overdueByWeek)
        QCOMPARE(w.overdue, report(w.from, w.to).totals.overdue);
    QCOMPARE(s->overdueByWeek[3].overdue, 2); // b closed late on the 20th; c closed late on the 18th
}

void TestReportPeriods::rankingKeepsFewTicketsOffTheTop()
{
    ReportData r;
    const auto row = [](const QString &code, qint64 completed, qint64 onTime) {
        DepartmentReport d {code, code, {}};
        d.figures.completed = completed;
        d.figures.onTime = onTime;
        return d;
    };
    r.departments = {row(u"ONE"_s, 1, 1),  row(u"BIG"_s, 20, 19), row(u"TIE"_s, 40, 38),
                     row(u"LOW"_s, 10, 5), row(u"NONE"_s, 0, 0),  row(u"FEW"_s, 4, 2)};
    const QList<RankedDepartment> ranked = rankByOnTimeRate(r, 5);
    QStringList order;
    QList<int> ranks;
    for (const RankedDepartment &d : ranked) {
        order << d.row.code;
        ranks << d.rank;
    }
    // 19/20 and 38/40 are both 95.00: a shared rank, more completed first; then the unranked, then no rate.
    QCOMPARE(order, (QStringList {u"TIE"_s, u"BIG"_s, u"LOW"_s, u"ONE"_s, u"FEW"_s, u"NONE"_s}));
    QCOMPARE(ranks, (QList<int> {1, 1, 3, 0, 0, 0}));
    QVERIFY(ranked[3].belowMinimum);
    QVERIFY(!ranked[5].belowMinimum); // nothing completed: no mark, no rate
    // With a minimum of 1 the single fast ticket tops the ranking.
    QCOMPARE(rankByOnTimeRate(r, 1).first().row.code, u"ONE"_s);
}

void TestReportPeriods::closedMonthIsStableWithoutCorrections()
{
    completed(u"a"_s, u"A01"_s, u"2025-03-03T09:00:00+08:00"_s, u"2025-03-05T10:00:00+08:00"_s);
    // Open at the end of March, replied and closed in April: ordinary events after the end.
    append(u"o"_s, EventType::Registered, u"2025-03-25T09:00:00+08:00"_s,
           {{Key::Number, u"o"_s}, {Key::Channel, u"phone"_s}, {Key::Type, u"help"_s}, {Key::SlaClass, u"handling"_s}});
    append(u"o"_s, EventType::Dispatched, u"2025-03-25T10:00:00+08:00"_s,
           {{Key::Department, u"B02"_s}, {Key::Deadline, secs(u"2025-03-28T10:00:00+08:00"_s)}});
    const ReportData atClose = report(QDate(2025, 3, 1), QDate(2025, 4, 1));
    append(u"o"_s, EventType::Replied, u"2025-04-02T10:00:00+08:00"_s);
    append(u"o"_s, EventType::Callback, u"2025-04-03T10:00:00+08:00"_s, {{Key::Satisfaction, u"satisfied"_s}});
    append(u"o"_s, EventType::Closed, u"2025-04-03T10:05:00+08:00"_s);
    ReportData later = report(QDate(2025, 3, 1), QDate(2025, 4, 1));
    // The figures are stable; the log stamp says the log has moved on (three more events).
    QVERIFY(later.log && atClose.log);
    QCOMPARE(later.log->events, atClose.log->events + 3);
    later.log = atClose.log;
    QCOMPARE(later, atClose);
    QCOMPARE(atClose.totals.overdue, 1);
    QVERIFY(corrections(QDate(2025, 3, 1), QDate(2025, 4, 1)).isEmpty());
    QVERIFY(ReportCorrections::note({}).isEmpty());
}

void TestReportPeriods::reopenAfterTheMonthIsReported()
{
    completed(u"r"_s, u"A01"_s, u"2025-03-03T09:00:00+08:00"_s, u"2025-03-05T10:00:00+08:00"_s);
    completed(u"s"_s, u"A01"_s, u"2025-03-03T09:00:00+08:00"_s, u"2025-03-06T10:00:00+08:00"_s);
    // Closed in February, reopened and closed again in April: never part of March.
    completed(u"feb"_s, u"B02"_s, u"2025-02-03T09:00:00+08:00"_s, u"2025-02-05T10:00:00+08:00"_s);
    const ReportData atClose = report(QDate(2025, 3, 1), QDate(2025, 4, 1));
    QCOMPARE(atClose.totals.completed, 2);
    append(u"r"_s, EventType::Reopened, u"2025-04-02T10:00:00+08:00"_s);
    append(u"feb"_s, EventType::Reopened, u"2025-04-02T11:00:00+08:00"_s);
    // The figures moved, and the report says which ticket did it.
    QCOMPARE(report(QDate(2025, 3, 1), QDate(2025, 4, 1)).totals.completed, 1);
    const QList<ReportCorrection> c = corrections(QDate(2025, 3, 1), QDate(2025, 4, 1));
    QCOMPARE(c.size(), 1);
    QCOMPARE(c.first().number, u"r"_s);
    QCOMPARE(c.first().type, EventType::Reopened);
    QCOMPARE(c.first().atMs, ms(u"2025-04-02T10:00:00+08:00"_s));
    // "ticket" or "ticket(s)" until the English catalogue has the plural of this new string.
    QVERIFY(ReportCorrections::summary(c).startsWith(u"Corrected after the period closed: 1 ticket"_s));
    QString error;
    const auto bundle = ReportBundleBuilder::build(m_tw->ws->database(), zone(), u"Centre"_s, QDate(2025, 3, 1),
                                                   QDate(2025, 4, 1), m_tw->clock.nowMs(), 5, &error);
    QVERIFY2(bundle, qPrintable(error));
    QCOMPARE(bundle->corrections, c);
}

void TestReportPeriods::lateExtensionAndFirstDispatchAreReported()
{
    // Past its deadline at the end of March; an extension asked in time (26 March) and approved in April moves the
    // deadline (one asked after the deadline is refused: issue 14).
    append(u"x"_s, EventType::Registered, u"2025-03-20T09:00:00+08:00"_s,
           {{Key::Number, u"x"_s}, {Key::Channel, u"phone"_s}, {Key::Type, u"help"_s}, {Key::SlaClass, u"handling"_s}});
    append(u"x"_s, EventType::Dispatched, u"2025-03-20T10:00:00+08:00"_s,
           {{Key::Department, u"B02"_s}, {Key::Deadline, secs(u"2025-03-27T10:00:00+08:00"_s)}});
    // Registered on 31 March and dispatched on 1 April: its department row in March changes.
    append(u"q"_s, EventType::Registered, u"2025-03-31T23:00:00+08:00"_s,
           {{Key::Number, u"q"_s}, {Key::Channel, u"phone"_s}, {Key::Type, u"help"_s}, {Key::SlaClass, u"handling"_s}});
    QCOMPARE(report(QDate(2025, 3, 1), QDate(2025, 4, 1)).totals.overdue, 1);
    // Requested in time (before the 27 March deadline; a later request would be refused), decided in April.
    append(u"x"_s, EventType::ExtensionRequested, u"2025-03-26T09:00:00+08:00"_s, {{Key::Days, 5}});
    append(u"x"_s, EventType::ExtensionApproved, u"2025-04-01T10:00:00+08:00"_s,
           {{Key::Days, 5}, {Key::Deadline, secs(u"2025-04-03T10:00:00+08:00"_s)}});
    append(u"q"_s, EventType::Dispatched, u"2025-04-01T08:30:00+08:00"_s,
           {{Key::Department, u"C03"_s}, {Key::Deadline, secs(u"2025-04-08T10:00:00+08:00"_s)}});
    const ReportData now = report(QDate(2025, 3, 1), QDate(2025, 4, 1));
    QCOMPARE(now.totals.overdue, 0);
    QCOMPARE(now.departments[2].figures.received, 1); // C03 now holds q
    const QList<ReportCorrection> c = corrections(QDate(2025, 3, 1), QDate(2025, 4, 1));
    QCOMPARE(c.size(), 2);
    QCOMPARE(c[0].number, u"q"_s);
    QCOMPARE(c[0].type, EventType::Dispatched);
    QCOMPARE(c[1].number, u"x"_s);
    QCOMPARE(c[1].type, EventType::ExtensionApproved);
    // The extension is a correction; the first dispatch is only told as such, not as a correction.
    QVERIFY(!ReportCorrections::isCorrection(c[0]));
    QVERIFY(ReportCorrections::isCorrection(c[1]));
    QVERIFY(ReportCorrections::summary(c).startsWith(u"Corrected after the period closed: 1 ticket"_s));
    QVERIFY2(
        ReportCorrections::note(c).contains(u"1 ticket(s) registered in the period were first dispatched after it"_s)
            || ReportCorrections::note(c).contains(u"1 ticket registered in the period was"_s),
        qPrintable(ReportCorrections::note(c)));
    QVERIFY(ReportCorrections::summary({c[0]}).isEmpty());
}

void TestReportPeriods::openPeriodHasNoCorrections()
{
    completed(u"r"_s, u"A01"_s, u"2025-04-03T09:00:00+08:00"_s, u"2025-04-05T10:00:00+08:00"_s);
    append(u"r"_s, EventType::Reopened, u"2025-04-08T10:00:00+08:00"_s);
    // April is still running on 10 April: nothing is "after the period" yet.
    QVERIFY(corrections(QDate(2025, 4, 1), QDate(2025, 5, 1)).isEmpty());
    // The first week of April is over, and the reopen came after it.
    QCOMPARE(corrections(QDate(2025, 4, 1), QDate(2025, 4, 7)).size(), 1);
}

QTEST_GUILESS_MAIN(TestReportPeriods)
#include "tst_report_periods.moc"
