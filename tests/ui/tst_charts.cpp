// The reports page: charts equal to the report, the ticket list behind a bar, the period picker, exports and the
// note on a closed month changed afterwards. Real widgets on the offscreen platform over a real SQLite file.
#include "TestWorkspace.h"
#include "charts/ReportChartsView.h"
#include "domain/TicketEvent.h"
#include "reports/PeriodPicker.h"
#include "reports/ReportBuilder.h"
#include "reports/ReportsPage.h"
#include "reports/SavePathPrompt.h"
#include "service/DemoData.h"
#include "storage/EventStore.h"
#include "support/ConsoleSession.h"
#include "support/Prompts.h"

#include <QAbstractBarSeries>
#include <QBarSet>
#include <QChart>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace hotline;
using namespace hotline::test;

class TestCharts final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void chartsShowTheReportOfThePeriod();
    void clickingABarListsItsTickets();
    void periodPickerChangesThePeriod();
    void exportsCsvJsonAndPdf();
    void correctedMonthSaysSo();
    void runningMonthSaysWhenItWasJudged();
    void demoDataFillsEveryChart();

private:
    void add(const QString &ticket, EventType type, const QString &iso, QJsonObject payload = {});
    void completed(const QString &ticket, const QString &department, int day, bool late, const QString &channel,
                   const QString &type, const QString &answer);
    ReportsPage *page();

    TestWorkspace m_tw {u"2025-04-10T09:00:00+08:00"_s};
    QList<TicketEvent> m_events;
    std::unique_ptr<ConsoleSession> m_session;
    std::unique_ptr<ReportsPage> m_page;
};

void TestCharts::add(const QString &ticket, EventType type, const QString &iso, QJsonObject payload)
{
    m_events.append(TicketEvent::make(ticket, type, ms(iso), u"tester"_s, u"01"_s, std::move(payload)));
}

void TestCharts::completed(const QString &ticket, const QString &department, int day, bool late, const QString &channel,
                           const QString &type, const QString &answer)
{
    const QString d = u"2025-03-%1T"_s.arg(day, 2, 10, QChar(u'0'));
    add(ticket, EventType::Registered, d + u"09:00:00+08:00"_s,
        {{Key::Number, ticket},
         {Key::Channel, channel},
         {Key::Type, type},
         {Key::SlaClass, u"handling"_s},
         {Key::Summary, QString(u"路灯不亮 "_s + ticket)}});
    add(ticket, EventType::Dispatched, d + u"09:10:00+08:00"_s,
        {{Key::Department, department}, {Key::Deadline, secs(d + (late ? u"10:00:00+08:00"_s : u"18:00:00+08:00"_s))}});
    add(ticket, EventType::Replied, d + u"11:00:00+08:00"_s);
    add(ticket, EventType::Callback, d + u"12:00:00+08:00"_s, {{Key::Satisfaction, answer}});
    add(ticket, EventType::Closed, d + u"12:05:00+08:00"_s);
}

void TestCharts::initTestCase()
{
    Prompts::setTestMode(true);
    QVERIFY2(m_tw.isValid(), qPrintable(m_tw.error));
    m_tw.addDepartment(u"A01"_s, u"城管局"_s);
    m_tw.addDepartment(u"B02"_s, u"水务局"_s);
    m_tw.addDepartment(u"C03"_s, u"交通局"_s);
    // A01: 6 completed, 5 on time (ranked); B02: 2 completed, both on time (too few to rank); C03: nothing.
    const QStringList channels {u"phone"_s, u"wechat"_s, u"web"_s};
    const QStringList types {u"complaint"_s, u"help"_s, u"consult"_s};
    const QStringList answers {u"satisfied"_s, u"basic"_s, u"unsatisfied"_s};
    for (int i = 0; i < 6; ++i)
        completed(u"A%1"_s.arg(i), u"A01"_s, 3 + i * 4, i == 5, channels[i % 3], types[i % 3], answers[i % 3]);
    for (int i = 0; i < 2; ++i)
        completed(u"B%1"_s.arg(i), u"B02"_s, 10 + i, false, u"phone"_s, u"report"_s, u"satisfied"_s);
    QString error;
    QVERIFY2(m_tw.ws->events().append(m_events, &error), qPrintable(error));
    m_session
        = std::make_unique<ConsoleSession>(*m_tw.ws, m_tw.clock, Actor {u"boss"_s, Role::Supervisor, {}, u"01"_s});
    m_page = std::make_unique<ReportsPage>(*m_session);
    m_page->resize(1400, 1000);
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
}

ReportsPage *TestCharts::page()
{
    return m_page.get();
}

void TestCharts::chartsShowTheReportOfThePeriod()
{
    // The page opens on the last closed month.
    QCOMPARE(page()->periodPicker()->from(), QDate(2025, 3, 1));
    QCOMPARE(page()->periodPicker()->to(), QDate(2025, 4, 1));
    QVERIFY(page()->bundle());
    const ReportBundle &b = *page()->bundle();
    const auto report = ReportBuilder(m_tw.ws->database(), m_session->sla().calendar().timeZone(), m_tw.clock.nowMs())
                            .build(QDate(2025, 3, 1), QDate(2025, 4, 1));
    QVERIFY(report);
    QCOMPARE(b.report, *report);
    QCOMPARE(report->totals.completed, 8);

    ReportChartsView *charts = page()->charts();
    // On-time: a bar per department with completed tickets, best at the top (the last bar), B02 marked unranked.
    QCOMPARE(charts->departmentCodes(), (QStringList {u"B02"_s, u"A01"_s}));
    QCOMPARE(
        ReportCharts::values(charts->chart(ReportCharts::Kind::OnTimeByDepartment)),
        (QList<qreal> {*report->departments[1].figures.onTimeRate(), *report->departments[0].figures.onTimeRate()}));
    QCOMPARE(report->departments[0].figures.onTimeRate(), 83.33);
    // Intake: one bar per day of March, summing to received.
    const QList<qreal> intake = ReportCharts::values(charts->chart(ReportCharts::Kind::IntakeByChannel));
    QCOMPARE(intake.size(), 31);
    QCOMPARE(std::accumulate(intake.cbegin(), intake.cend(), 0.0), qreal(report->totals.received));
    QCOMPARE(intake[2], 1.0); // 3 March
    // Types: consult, complaint, help, suggestion, report.
    QCOMPARE(ReportCharts::values(charts->chart(ReportCharts::Kind::ShareByType)), (QList<qreal> {2, 2, 2, 0, 2}));
    // Overdue per week: the late one was closed on 23 March (week 17–23).
    const QList<qreal> overdue = ReportCharts::values(charts->chart(ReportCharts::Kind::OverdueByWeek));
    QCOMPARE(overdue, (QList<qreal> {0, 0, 0, 1, 0, 0})); // weeks 1–2, 3–9, 10–16, 17–23, 24–30, 31
    QCOMPARE(qint64(std::accumulate(overdue.cbegin(), overdue.cend(), 0.0)), report->totals.overdue);
    // Satisfaction: the answers of the totals.
    QCOMPARE(ReportCharts::values(charts->chart(ReportCharts::Kind::Satisfaction)),
             (QList<qreal> {qreal(report->totals.satisfied), qreal(report->totals.basicallySatisfied),
                            qreal(report->totals.unsatisfied)}));
    QCOMPARE(report->totals.satisfied, 4);

    if (const QString dir = qEnvironmentVariable("HOTLINE_SCREENSHOT_DIR"); !dir.isEmpty())
        QVERIFY(page()->grab().save(dir + u"/charts.png"_s));
}

void TestCharts::clickingABarListsItsTickets()
{
    QChart *chart = page()->charts()->chart(ReportCharts::Kind::OnTimeByDepartment);
    auto *series = qobject_cast<QAbstractBarSeries *>(chart->series().first());
    QVERIFY(series);
    // What a mouse click on the A01 bar emits.
    Q_EMIT series->clicked(1, series->barSets().first());
    auto *table = page()->findChild<QTableWidget *>(u"departmentTickets"_s);
    QCOMPARE(table->rowCount(), 6);
    QCOMPARE(table->item(0, 0)->text(), u"A0"_s);
    QCOMPARE(table->item(5, 3)->text(), u"late"_s);
    Q_EMIT series->clicked(0, series->barSets().last());
    QCOMPARE(table->rowCount(), 2);
    QCOMPARE(table->item(0, 0)->text(), u"B0"_s);
}

void TestCharts::periodPickerChangesThePeriod()
{
    PeriodPicker *picker = page()->periodPicker();
    picker->setMode(PeriodPicker::Mode::Quarter);
    QCOMPARE(picker->from(), QDate(2025, 1, 1));
    QCOMPARE(picker->to(), QDate(2025, 4, 1));
    QCOMPARE(page()->bundle()->report.from, QDate(2025, 1, 1));
    QCOMPARE(page()->bundle()->report.totals.completed, 8);
    picker->setMode(PeriodPicker::Mode::Custom);
    picker->setDates(QDate(2025, 3, 3), QDate(2025, 3, 3));
    QCOMPARE(page()->bundle()->report.to, QDate(2025, 3, 4));
    QCOMPARE(page()->bundle()->report.totals.received, 1);
    picker->setMode(PeriodPicker::Mode::Month);
    picker->setDates(QDate(2025, 3, 15));
    QCOMPARE(page()->bundle()->report.from, QDate(2025, 3, 1));
    QCOMPARE(page()->bundle()->report.to, QDate(2025, 4, 1));
}

void TestCharts::exportsCsvJsonAndPdf()
{
    QTemporaryDir dir;
    const auto exportTo = [&](const QString &button, const QString &name) -> QByteArray {
        const QString path = dir.filePath(name);
        SavePathPrompt::queueAnswer(path);
        QTest::mouseClick(page()->findChild<QPushButton *>(button), Qt::LeftButton);
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    };
    const QByteArray csv = exportTo(u"exportCsv"_s, u"r.csv"_s);
    QVERIFY(csv.startsWith("\xEF\xBB\xBF")); // the BOM that makes Excel read UTF-8
    QVERIFY(QString::fromUtf8(csv).contains(u"城管局"_s));
    const QJsonObject json = QJsonDocument::fromJson(exportTo(u"exportJson"_s, u"r.json"_s)).object();
    QCOMPARE(json.value(u"period"_s).toObject().value(u"from"_s).toString(), u"2025-03-01"_s);
    QCOMPARE(json.value(u"totals"_s).toObject().value(u"completed"_s).toInt(), 8);
    QVERIFY(exportTo(u"exportPdf"_s, u"r.pdf"_s).startsWith("%PDF"));
    // Cancelled: nothing written, nothing shown.
    SavePathPrompt::queueAnswer({});
    QTest::mouseClick(page()->findChild<QPushButton *>(u"exportCsv"_s), Qt::LeftButton);
    QVERIFY(Prompts::takeShown().isEmpty());
}

void TestCharts::correctedMonthSaysSo()
{
    auto *note = page()->findChild<QLabel *>(u"correctionsNote"_s);
    QVERIFY(note->isHidden());
    QString error;
    QVERIFY2(m_tw.ws->events().append({TicketEvent::make(u"A1"_s, EventType::Reopened,
                                                         ms(u"2025-04-02T10:00:00+08:00"_s), u"tester"_s, u"01"_s, {})},
                                      &error),
             qPrintable(error));
    page()->refresh();
    QVERIFY(!note->isHidden());
    QVERIFY2(note->text().startsWith(u"Corrected after the period closed: 1 ticket"_s), qPrintable(note->text()));
    QCOMPARE(page()->bundle()->report.totals.completed, 7);
}

void TestCharts::runningMonthSaysWhenItWasJudged()
{
    // The month of the session's clock is not over: its open tickets are judged now, and the page says so.
    const QDate today = m_tw.clock.nowUtc().toTimeZone(m_session->sla().calendar().timeZone()).date();
    page()->periodPicker()->setDates(today);
    const ReportBundle &b = *page()->bundle();
    QCOMPARE(b.report.runningAtMs, std::optional<qint64>(m_tw.clock.nowMs()));
    const auto report = ReportBuilder(m_tw.ws->database(), m_session->sla().calendar().timeZone(), m_tw.clock.nowMs())
                            .build(b.report.from, b.report.to);
    QVERIFY(report);
    QCOMPARE(b.report, *report);
    auto *note = page()->findChild<QLabel *>(u"correctionsNote"_s);
    QVERIFY(!note->isHidden());
    QVERIFY2(note->text().startsWith(u"The period is not over"_s), qPrintable(note->text()));
    page()->periodPicker()->setDates(QDate(2025, 3, 15));
    QVERIFY(!page()->bundle()->report.runningAtMs);
    QVERIFY(!note->text().contains(u"not over"_s));
}

void TestCharts::demoDataFillsEveryChart()
{
    // The demo district (17 departments, a few hundred tickets around "now"), this month so far.
    TestWorkspace tw(u"2025-03-28T16:00:00+08:00"_s);
    QString error;
    DemoSummary summary;
    QVERIFY2(DemoData::populate(*tw.ws, &summary, &error), qPrintable(error));
    ConsoleSession session(*tw.ws, tw.clock, Actor {u"boss"_s, Role::Administrator, {}, u"01"_s});
    ReportsPage demo(session);
    demo.resize(1400, 1000);
    demo.show();
    QVERIFY(QTest::qWaitForWindowExposed(&demo));
    demo.periodPicker()->setDates(QDate(2025, 3, 28));
    QVERIFY(demo.bundle());
    const ReportData &r = demo.bundle()->report;
    QCOMPARE(r.from, QDate(2025, 3, 1));
    QVERIFY(r.totals.received > 100);
    const qsizetype withRate = std::count_if(r.departments.cbegin(), r.departments.cend(),
                                             [](const DepartmentReport &d) { return d.figures.completed > 0; });
    QVERIFY(withRate > 5);
    QCOMPARE(demo.charts()->departmentCodes().size(), withRate);
    const QList<qreal> intake = ReportCharts::values(demo.charts()->chart(ReportCharts::Kind::IntakeByChannel));
    QCOMPARE(qint64(std::accumulate(intake.cbegin(), intake.cend(), 0.0)), r.totals.received);
    if (const QString dir = qEnvironmentVariable("HOTLINE_SCREENSHOT_DIR"); !dir.isEmpty())
        QVERIFY(demo.grab().save(dir + u"/charts-demo.png"_s));
}

QTEST_MAIN(TestCharts)
#include "tst_charts.moc"
