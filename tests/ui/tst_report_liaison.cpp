// The Reports page judged by who reads it: a supervisor's Year shows the annual assessment of every department,
// a liaison sees their own department's row and assessment line only, a year not begun shows no figure.
// Real widgets on the offscreen platform over a real SQLite file filled through TicketService.
#include "TestWorkspace.h"

#include "charts/ReportCharts.h"
#include "charts/ReportChartsView.h"
#include "reports/PeriodPicker.h"
#include "reports/ReportsPage.h"
#include "service/DemoData.h"
#include "service/TicketService.h"
#include "support/ConsoleSession.h"
#include "support/Prompts.h"

#include <QChart>
#include <QComboBox>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QTest>

#include <numeric>

using namespace Qt::StringLiterals;
using namespace hotline;
using namespace hotline::test;

class TestReportLiaison final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void supervisorSeesTheAssessmentOfTheYear();
    void yearNotBegunShowsNoFigure();
    void liaisonSeesTheirOwnRow();
    void liaisonSeesTheirOwnAssessmentLine();
    void demoYearAssessment();

private:
    std::unique_ptr<ReportsPage> pageFor(const Actor &actor);
    static void chooseYear(ReportsPage &page, int year);

    TestWorkspace m_tw {u"2025-03-03T09:00:00+08:00"_s};
    std::unique_ptr<ConsoleSession> m_session;
};

// A replies to its ticket in time (satisfied caller); B's ticket is still unanswered two days later, past its
// deadline (a breach); C received nothing this year.
void TestReportLiaison::initTestCase()
{
    Prompts::setTestMode(true);
    QVERIFY2(m_tw.isValid(), qPrintable(m_tw.error));
    m_tw.addDepartment(u"A"_s, u"城管局"_s);
    m_tw.addDepartment(u"B"_s, u"水务局"_s);
    m_tw.addDepartment(u"C"_s, u"交通局"_s);
    TicketService &s = m_tw.ws->tickets();
    const Actor desk = m_tw.ws->systemActor();
    const Actor liaisonA {u"liA"_s, Role::Liaison, u"A"_s, m_tw.ws->consoleCode()};
    QString e;
    NewTicket n;
    n.type = TicketType::Consult;
    n.summary = u"路灯不亮"_s;
    const QString t1 = s.registerTicket(desk, n, &e);
    const QString t2 = s.registerTicket(desk, n, &e);
    QVERIFY2(!t1.isEmpty() && !t2.isEmpty(), qPrintable(e));
    QVERIFY2(s.dispatch(desk, t1, u"A"_s, &e), qPrintable(e));
    QVERIFY2(s.dispatch(desk, t2, u"B"_s, &e), qPrintable(e));
    m_tw.setNow(u"2025-03-03T15:00:00+08:00"_s);
    QVERIFY2(s.reply(liaisonA, t1, u"已修复"_s, &e), qPrintable(e));
    QVERIFY2(s.callback(desk, t1, Satisfaction::Satisfied, QString(), &e), qPrintable(e));
    QVERIFY2(s.close(desk, t1, QString(), &e), qPrintable(e));
    m_tw.setNow(u"2025-03-05T12:00:00+08:00"_s);
}

std::unique_ptr<ReportsPage> TestReportLiaison::pageFor(const Actor &actor)
{
    m_session = std::make_unique<ConsoleSession>(*m_tw.ws, m_tw.clock, actor);
    auto page = std::make_unique<ReportsPage>(*m_session);
    page->resize(1400, 1000);
    page->show();
    return page;
}

void TestReportLiaison::chooseYear(ReportsPage &page, int year)
{
    page.periodPicker()->setMode(PeriodPicker::Mode::Year);
    page.periodPicker()->setDates(QDate(year, 6, 1));
}

void TestReportLiaison::supervisorSeesTheAssessmentOfTheYear()
{
    const auto page = pageFor({u"boss"_s, Role::Supervisor, {}, u"01"_s});
    QVERIFY(QTest::qWaitForWindowExposed(page.get()));
    auto *table = page->findChild<QTableWidget *>(u"assessmentTable"_s);
    QVERIFY(table);
    QVERIFY(!table->isVisible()); // a month: no assessment
    auto *mode = page->findChild<QComboBox *>(u"periodMode"_s);
    QVERIFY(mode->findText(u"Year"_s) >= 0);
    chooseYear(*page, 2025);
    QCOMPARE(page->periodPicker()->from(), QDate(2025, 1, 1));
    QCOMPARE(page->periodPicker()->to(), QDate(2026, 1, 1));
    QVERIFY(table->isVisible());
    QVERIFY(page->assessment());
    QVERIFY(page->assessment()->toDate());
    // A: 100 % on time and satisfied → 100.00; B: its one clock breached → 0.7 × 0 − 0.5 = −0.50; C: not assessed.
    QCOMPARE(table->rowCount(), 3);
    QCOMPARE(table->item(0, 2)->text(), u"A"_s);
    QCOMPARE(table->item(0, 0)->text(), u"1"_s);
    QCOMPARE(table->item(0, 8)->text(), u"100.00"_s);
    QCOMPARE(table->item(1, 2)->text(), u"B"_s);
    QCOMPARE(table->item(1, 6)->text(), u"1"_s); // breaches
    QCOMPARE(table->item(1, 8)->text(), u"-0.50"_s);
    QCOMPARE(table->item(2, 2)->text(), u"C"_s);
    QCOMPARE(table->item(2, 0)->text(), u"–"_s);
    auto *title = page->findChild<QLabel *>(u"assessmentTitle"_s);
    QVERIFY2(title->text().startsWith(u"Annual assessment 2025, to date"_s), qPrintable(title->text()));
    QVERIFY(title->text().contains(u"0.7 × on-time rate"_s));
    QVERIFY(page->findChild<QPushButton *>(u"exportAssessment"_s)->isEnabled());
}

void TestReportLiaison::yearNotBegunShowsNoFigure()
{
    const auto page = pageFor({u"boss"_s, Role::Supervisor, {}, u"01"_s});
    chooseYear(*page, 2026);
    QVERIFY(!page->bundle());
    QVERIFY(!page->assessment());
    QCOMPARE(page->findChild<QTableWidget *>(u"assessmentTable"_s)->rowCount(), 0);
    const QString note = page->findChild<QLabel *>(u"correctionsNote"_s)->text();
    QVERIFY2(note.contains(u"2026 has not begun"_s), qPrintable(note));
    QVERIFY(!page->findChild<QPushButton *>(u"exportAssessment"_s)->isEnabled());
}

void TestReportLiaison::liaisonSeesTheirOwnRow()
{
    const auto page = pageFor({u"liB"_s, Role::Liaison, u"B"_s, u"01"_s});
    page->periodPicker()->setDates(QDate(2025, 3, 1)); // March, running
    QVERIFY(page->bundle());
    const ReportData &r = page->bundle()->report;
    QCOMPARE(r.departments.size(), 1);
    QCOMPARE(r.departments.first().code, u"B"_s);
    QCOMPARE(r.totals, r.departments.first().figures); // totals are their row, not the centre's
    QCOMPARE(r.totals.dispatched, 1);
    QCOMPARE(r.totals.breaches, 1);
    QCOMPARE(r.totals.completed, 0); // A's completed ticket is not theirs
}

void TestReportLiaison::liaisonSeesTheirOwnAssessmentLine()
{
    const auto page = pageFor({u"liB"_s, Role::Liaison, u"B"_s, u"01"_s});
    chooseYear(*page, 2025);
    auto *table = page->findChild<QTableWidget *>(u"assessmentTable"_s);
    QCOMPARE(table->rowCount(), 1);
    QCOMPARE(table->item(0, 2)->text(), u"B"_s);
    QCOMPARE(table->item(0, 0)->text(), u"2"_s); // their rank among all departments
}

void TestReportLiaison::demoYearAssessment()
{
    // The demo district (17 departments) this year so far: every department has a line, ranked by score.
    TestWorkspace tw(u"2025-03-28T16:00:00+08:00"_s);
    QString error;
    DemoSummary summary;
    QVERIFY2(DemoData::populate(*tw.ws, &summary, &error), qPrintable(error));
    ConsoleSession session(*tw.ws, tw.clock, Actor {u"boss"_s, Role::Supervisor, {}, u"01"_s});
    ReportsPage page(session);
    page.resize(1400, 1000);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    chooseYear(page, 2025);
    QVERIFY(page.assessment());
    const Assessment &a = *page.assessment();
    QCOMPARE(a.rows.size(), page.bundle()->report.departments.size());
    QVERIFY(a.rows.size() >= 10);
    std::optional<qint64> previous;
    for (const AssessmentRow &r : a.rows) {
        if (!r.score)
            continue;
        QVERIFY(!previous || *previous >= *r.score);
        previous = r.score;
    }
    QCOMPARE(page.findChild<QTableWidget *>(u"assessmentTable"_s)->rowCount(), a.rows.size());
    // A year's intake is binned by month (365 day labels do not read): one bar a month up to the as-of month (the
    // year runs: no bar for a month that has not begun), nothing lost.
    QChart *intakeChart = page.charts()->chart(ReportCharts::Kind::IntakeByChannel);
    QCOMPARE(intakeChart->title(), ReportCharts::tr("Monthly intake by channel"));
    const QList<qreal> intake = ReportCharts::values(intakeChart);
    QVERIFY(page.bundle()->report.runningAtMs);
    const QDate asOf = QDateTime::fromMSecsSinceEpoch(*page.bundle()->report.runningAtMs, page.bundle()->report.zone).date();
    QCOMPARE(asOf.year(), 2025);
    QCOMPARE(intake.size(), asOf.month());
    QCOMPARE(qint64(std::accumulate(intake.cbegin(), intake.cend(), 0.0)), page.bundle()->report.totals.received);
    if (const QString dir = qEnvironmentVariable("HOTLINE_SCREENSHOT_DIR"); !dir.isEmpty())
        QVERIFY(page.grab().save(dir + u"/assessment.png"_s));
}

QTEST_MAIN(TestReportLiaison)
#include "tst_report_liaison.moc"
