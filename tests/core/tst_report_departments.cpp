// Reports judge each department on its own dispatches (PRODUCT §6, issue 14): histories made through
// TicketService, as the console makes them, on a real SQLite file; each department's row and the totals.
#include "TestWorkspace.h"

#include "auth/Permissions.h"
#include "reports/Assessment.h"
#include "reports/ReportBuilder.h"
#include "reports/ReportData.h"
#include "reports/ReportWriters.h"
#include "service/TicketService.h"
#include "storage/Settings.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace hotline;
using namespace hotline::test;

namespace {

const QTimeZone kShanghai(QByteArrayLiteral("Asia/Shanghai"));

const DepartmentReport *rowOf(const ReportData &r, const QString &code)
{
    for (const DepartmentReport &d : r.departments) {
        if (d.code == code)
            return &d;
    }
    return nullptr;
}

struct Own
{
    qint64 dispatched, replied, repliedOnTime, breaches, returns, misroutes, extensions;
};

QString describe(const ReportFigures &f)
{
    return u"dispatched %1 replied %2 on time %3 breaches %4 returns %5 misroutes %6 extensions %7"_s.arg(f.dispatched)
        .arg(f.replied)
        .arg(f.repliedOnTime)
        .arg(f.breaches)
        .arg(f.returns)
        .arg(f.misroutes)
        .arg(f.extensions);
}

bool same(const ReportFigures &f, const Own &o)
{
    return f.dispatched == o.dispatched && f.replied == o.replied && f.repliedOnTime == o.repliedOnTime
        && f.breaches == o.breaches && f.returns == o.returns && f.misroutes == o.misroutes
        && f.extensions == o.extensions;
}

} // namespace

class TestReportDepartments final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void eachDepartmentOnItsOwnDispatches();
    void totalsJudgeTickets();
    void runningClockPastItsDeadlineIsABreachAsOfTheCutoff();
    void writtenFormsCarryTheNewColumns();
    void liaisonSeesTheirOwnRow();
    void yearToDateAndNotBegun();
    void assessmentScoresAndRanks();
    void departmentRowsUseTheirIndex();

private:
    QString newTicket();
    void act(bool ok, const QString &error) { QVERIFY2(ok, qPrintable(error)); }
    ReportData marchAsOf(const QString &iso);
    Actor liaison(const QString &code) const { return Actor {u"li-"_s + code, Role::Liaison, code, m_tw->ws->consoleCode()}; }

    std::unique_ptr<TestWorkspace> m_tw;
    QString m_t1, m_t2, m_t3, m_t4, m_t5;
};

QString TestReportDepartments::newTicket()
{
    NewTicket n;
    n.type = TicketType::Consult; // one working day: deadline 24 h later on a Monday to Thursday
    n.summary = u"路灯不亮"_s;
    QString error;
    const QString id = m_tw->ws->tickets().registerTicket(m_tw->ws->systemActor(), n, &error);
    if (id.isEmpty())
        qWarning() << error;
    return id;
}

// One week of March 2025 (Asia/Shanghai, working hours 08:30-12:00, 14:00-17:30). Consultations dispatched on
// Monday 09:00 are due Tuesday 09:00.
//  T1: A returns it Tuesday 10:00, an hour after its deadline (breach + return); B replies in time.
//  T2: transferred from A to C Tuesday 10:00, after A's deadline (A's breach); C replies in time.
//  T3: B returns it within the misroute window (costs B nothing); A replies in time. On time.
//  T4: C asks for 2 more days in time, approved; replies Wednesday within them. On time.
//  T5: D has not replied by Wednesday 12:00, three hours past its deadline: no event says so yet.
void TestReportDepartments::init()
{
    m_tw = std::make_unique<TestWorkspace>(u"2025-03-03T09:00:00+08:00"_s);
    QVERIFY2(m_tw->isValid(), qPrintable(m_tw->error));
    for (const auto &[code, name] : QList<std::pair<QString, QString>> {
             {u"A"_s, u"城管局"_s}, {u"B"_s, u"水务局"_s}, {u"C"_s, u"交通局"_s}, {u"D"_s, u"住建局"_s}})
        m_tw->addDepartment(code, name);
    TicketService &s = m_tw->ws->tickets();
    const Actor desk = m_tw->ws->systemActor();
    QString e;
    m_t1 = newTicket();
    m_t2 = newTicket();
    m_t3 = newTicket();
    m_t4 = newTicket();
    m_t5 = newTicket();
    act(s.dispatch(desk, m_t1, u"A"_s, &e), e);
    act(s.dispatch(desk, m_t2, u"A"_s, &e), e);
    act(s.dispatch(desk, m_t3, u"B"_s, &e), e);
    act(s.dispatch(desk, m_t4, u"C"_s, &e), e);
    act(s.dispatch(desk, m_t5, u"D"_s, &e), e);

    m_tw->setNow(u"2025-03-03T09:30:00+08:00"_s);
    act(s.returnTicket(liaison(u"B"_s), m_t3, u"不属于本单位"_s, &e), e);
    m_tw->setNow(u"2025-03-03T10:00:00+08:00"_s);
    act(s.dispatch(desk, m_t3, u"A"_s, &e), e);
    m_tw->setNow(u"2025-03-03T15:00:00+08:00"_s);
    act(s.reply(liaison(u"A"_s), m_t3, u"已修复"_s, &e), e);
    act(s.callback(desk, m_t3, Satisfaction::Satisfied, QString(), &e), e);
    act(s.close(desk, m_t3, QString(), &e), e);
    m_tw->setNow(u"2025-03-03T16:00:00+08:00"_s);
    act(s.requestExtension(liaison(u"C"_s), m_t4, 2, u"需要协调"_s, &e), e);
    m_tw->setNow(u"2025-03-03T17:00:00+08:00"_s);
    act(s.decideExtension(desk, m_t4, true, QString(), &e), e);

    m_tw->setNow(u"2025-03-04T10:00:00+08:00"_s);
    act(s.returnTicket(liaison(u"A"_s), m_t1, u"不属于本单位"_s, &e), e);
    act(s.transfer(desk, m_t2, u"C"_s, u"交通问题"_s, &e), e);
    m_tw->setNow(u"2025-03-04T10:30:00+08:00"_s);
    act(s.dispatch(desk, m_t1, u"B"_s, &e), e);
    m_tw->setNow(u"2025-03-04T11:00:00+08:00"_s);
    act(s.reply(liaison(u"B"_s), m_t1, u"已处理"_s, &e), e);
    act(s.reply(liaison(u"C"_s), m_t2, u"已处理"_s, &e), e);
    m_tw->setNow(u"2025-03-04T11:30:00+08:00"_s);
    act(s.callback(desk, m_t1, Satisfaction::Unsatisfied, QString(), &e), e);
    act(s.close(desk, m_t1, QString(), &e), e);
    act(s.callback(desk, m_t2, Satisfaction::Satisfied, QString(), &e), e);
    act(s.close(desk, m_t2, QString(), &e), e);

    m_tw->setNow(u"2025-03-05T10:00:00+08:00"_s);
    act(s.reply(liaison(u"C"_s), m_t4, u"已协调"_s, &e), e);
    act(s.callback(desk, m_t4, Satisfaction::Basic, QString(), &e), e);
    act(s.close(desk, m_t4, QString(), &e), e);
    m_tw->setNow(u"2025-03-05T12:00:00+08:00"_s);
}

void TestReportDepartments::cleanup()
{
    m_tw.reset();
}

ReportData TestReportDepartments::marchAsOf(const QString &iso)
{
    QString error;
    const std::optional<ReportData> r
        = ReportBuilder(m_tw->ws->database(), kShanghai, ms(iso)).build(QDate(2025, 3, 1), QDate(2025, 4, 1), &error);
    if (!r)
        qWarning() << error;
    return r.value_or(ReportData {});
}

void TestReportDepartments::eachDepartmentOnItsOwnDispatches()
{
    const ReportData r = marchAsOf(u"2025-03-05T12:00:00+08:00"_s);
    const QList<std::pair<QString, Own>> expected {
        // A: T1, T2, T3 received; replied T3 in time; breached T1 (returned late) and T2 (transferred late).
        {u"A"_s, {3, 1, 1, 2, 1, 0, 0}},
        // B: T3 misrouted back within the window (no cost), T1 replied in time.
        {u"B"_s, {2, 1, 1, 0, 0, 1, 0}},
        // C: T2 (by transfer) and T4 (extended in time) both replied in time.
        {u"C"_s, {2, 2, 2, 0, 0, 0, 1}},
        // D: T5 still running, past its deadline at the cutoff.
        {u"D"_s, {1, 0, 0, 1, 0, 0, 0}},
    };
    for (const auto &[code, own] : expected) {
        const DepartmentReport *d = rowOf(r, code);
        QVERIFY2(d, qPrintable(code));
        QVERIFY2(same(d->figures, own), qPrintable(code + u": "_s + describe(d->figures)));
    }
    // A's own on-time rate counts its breaches: 1 ÷ (1 + 2).
    QCOMPARE(rowOf(r, u"A"_s)->figures.ownOnTimeRateHundredths(), std::optional<qint64>(3333));
    QCOMPARE(rowOf(r, u"D"_s)->figures.ownOnTimeRateHundredths(), std::optional<qint64>(0));
}

void TestReportDepartments::totalsJudgeTickets()
{
    const ReportData r = marchAsOf(u"2025-03-05T12:00:00+08:00"_s);
    // The department figures add up over every clock; on time judges the ticket: T1 and T2 breached on their
    // first clock, so a later on-time reply by another department does not make them on time.
    QVERIFY2(same(r.totals, {8, 4, 4, 3, 1, 1, 1}), qPrintable(describe(r.totals)));
    QCOMPARE(r.totals.received, 5);
    QCOMPARE(r.totals.completed, 4);
    QCOMPARE(r.totals.onTime, 2);
    QCOMPARE(r.totals.onTimeRateHundredths(), std::optional<qint64>(5000));
    // Overdue: the two completed late, and T5 open past its deadline.
    QCOMPARE(r.totals.overdue, 3);
}

void TestReportDepartments::runningClockPastItsDeadlineIsABreachAsOfTheCutoff()
{
    // Before T5's deadline (Tuesday 09:00) D has not breached yet; one second after it, it has, with no event.
    // The two earlier as-of instants are judged on today's projection (later events already happened): only the
    // running clock's judgement moves with the cutoff.
    QCOMPARE(rowOf(marchAsOf(u"2025-03-04T09:00:00+08:00"_s), u"D"_s)->figures.breaches, 0);
    QCOMPARE(rowOf(marchAsOf(u"2025-03-04T09:00:01+08:00"_s), u"D"_s)->figures.breaches, 1);
    // A closed period (February) is judged at its end: nothing of March in it.
    QString error;
    const std::optional<ReportData> feb = ReportBuilder(m_tw->ws->database(), kShanghai, ms(u"2025-03-05T12:00:00+08:00"_s))
                                              .build(QDate(2025, 2, 1), QDate(2025, 3, 1), &error);
    QVERIFY2(feb, qPrintable(error));
    QCOMPARE(feb->totals.breaches, 0);
    QCOMPARE(feb->totals.dispatched, 0);
}

void TestReportDepartments::writtenFormsCarryTheNewColumns()
{
    const ReportData r = marchAsOf(u"2025-03-05T12:00:00+08:00"_s);
    const QJsonObject json = QJsonDocument::fromJson(ReportWriter::json(r)).object();
    const QJsonObject a = [&] {
        for (const QJsonValue &v : json.value(u"departments"_s).toArray()) {
            if (v.toObject().value(u"code"_s).toString() == u"A"_s)
                return v.toObject();
        }
        return QJsonObject {};
    }();
    QCOMPARE(a.value(u"breaches"_s).toInt(), 2);
    QCOMPARE(a.value(u"returns"_s).toInt(), 1);
    QCOMPARE(a.value(u"replied"_s).toInt(), 1);
    QCOMPARE(a.value(u"replied_on_time"_s).toInt(), 1);
    QCOMPARE(a.value(u"own_on_time_rate"_s).toDouble(), 33.33);
    QCOMPARE(json.value(u"totals"_s).toObject().value(u"misroutes"_s).toInt(), 1);
    QCOMPARE(json.value(u"totals"_s).toObject().value(u"extensions"_s).toInt(), 1);

    const QStringList csv = QString::fromUtf8(ReportWriter::csv(r)).split(u"\r\n"_s);
    QVERIFY(csv.first().endsWith(u"Replied,Replied on time,Own on-time rate (%),Breaches,Returns,Misroutes,Extensions,Follow-ups"_s));
    QVERIFY2(csv.filter(u",A,"_s).value(0).endsWith(u",1,1,33.33,2,1,0,0,0"_s), qPrintable(csv.join(u'\n')));
    const QString text = QString::fromUtf8(ReportWriter::text(r));
    QVERIFY(text.contains(u"Breaches"_s));
    QVERIFY2(text.startsWith(u"Hotline report: 2025-03-01 to 2025-03-31, to date"_s), qPrintable(text));
}

void TestReportDepartments::liaisonSeesTheirOwnRow()
{
    const ReportData r = marchAsOf(u"2025-03-05T12:00:00+08:00"_s).scopedTo(u"A"_s);
    QCOMPARE(r.departments.size(), 1);
    QCOMPARE(r.departments.first().code, u"A"_s);
    QCOMPARE(r.totals, r.departments.first().figures);
    QCOMPARE(r.totals.breaches, 2);
    const QByteArray json = ReportWriter::json(r);
    QVERIFY(!json.contains("水务局"));
    QVERIFY(!json.contains("\"B\""));
    // The permission table lets a liaison see reports for their own department only.
    QCOMPARE(Permissions::grant(Role::Liaison, Action::ViewReports), Grant::OwnDepartment);
    QVERIFY(!Permissions::allows(Role::Liaison, Action::Export));
}

void TestReportDepartments::yearToDateAndNotBegun()
{
    QString error;
    const qint64 now = ms(u"2025-03-05T12:00:00+08:00"_s);
    std::optional<ReportData> y = AssessmentBuilder::yearReport(m_tw->ws->database(), kShanghai, now, 2025, &error);
    QVERIFY2(y, qPrintable(error));
    QCOMPARE(y->from, QDate(2025, 1, 1));
    QCOMPARE(y->to, QDate(2026, 1, 1));
    QCOMPARE(y->runningAtMs, std::optional<qint64>(now)); // to date
    QCOMPARE(y->totals.dispatched, 8);
    // A year not yet begun is refused, even one second before it starts in the centre's zone.
    QVERIFY(!AssessmentBuilder::yearReport(m_tw->ws->database(), kShanghai, now, 2026, &error));
    QVERIFY2(error.contains(u"2026"_s) && error.contains(u"not begun"_s), qPrintable(error));
    QVERIFY(!AssessmentBuilder::yearReport(m_tw->ws->database(), kShanghai, ms(u"2025-12-31T23:59:59+08:00"_s), 2026,
                                           &error));
    QVERIFY(AssessmentBuilder::yearReport(m_tw->ws->database(), kShanghai, ms(u"2026-01-01T00:00:01+08:00"_s), 2026,
                                          &error));
    // A past year is closed: not "to date".
    y = AssessmentBuilder::yearReport(m_tw->ws->database(), kShanghai, now, 2024, &error);
    QVERIFY2(y, qPrintable(error));
    QVERIFY(!y->runningAtMs);
}

void TestReportDepartments::assessmentScoresAndRanks()
{
    QString error;
    const qint64 now = ms(u"2025-03-05T12:00:00+08:00"_s);
    const std::optional<ReportData> y = AssessmentBuilder::yearReport(m_tw->ws->database(), kShanghai, now, 2025, &error);
    QVERIFY2(y, qPrintable(error));
    const AssessmentWeights w = AssessmentWeights::fromSettings(m_tw->ws->settings());
    QCOMPARE(w, (AssessmentWeights {0.7, 0.3, 0.5, 0.2}));
    const Assessment a = AssessmentBuilder::assess(2025, *y, w);
    QVERIFY(a.toDate());
    QCOMPARE(a.rows.size(), 4);
    // C: 100 % on time, satisfied + basic = 100 % → 100.00.
    // B: 100 % on time, its caller unsatisfied → 70.00.
    // A: 33.33 % on time, satisfied → 0.7 × 33.33 + 30 − 0.5 × 2 − 0.2 × 1 = 52.13.
    // D: 0 % on time, nobody surveyed, one breach → −0.50.
    const QStringList order {a.rows[0].code, a.rows[1].code, a.rows[2].code, a.rows[3].code};
    QCOMPARE(order, (QStringList {u"C"_s, u"B"_s, u"A"_s, u"D"_s}));
    QCOMPARE(a.rows[0].score, std::optional<qint64>(10000));
    QCOMPARE(a.rows[1].score, std::optional<qint64>(7000));
    QCOMPARE(a.rows[2].score, std::optional<qint64>(5213));
    QCOMPARE(a.rows[3].score, std::optional<qint64>(-50));
    QCOMPARE(a.rows[2].rank, 3);
    QCOMPARE(a.rows[2].breaches, 2);
    QCOMPARE(a.rows[2].returns, 1);

    // The weights are settings: judged on satisfaction alone, A (98.80) passes B (its caller unsatisfied: 0).
    QVERIFY2(m_tw->ws->settings().set(u"assessment.weight.on_time"_s, u"0"_s, &error), qPrintable(error));
    QVERIFY2(m_tw->ws->settings().set(u"assessment.weight.satisfaction"_s, u"1"_s, &error), qPrintable(error));
    const Assessment bySatisfaction
        = AssessmentBuilder::assess(2025, *y, AssessmentWeights::fromSettings(m_tw->ws->settings()));
    QCOMPARE(bySatisfaction.rows[1].code, u"A"_s);
    QCOMPARE(bySatisfaction.rows[1].score, std::optional<qint64>(9880));
    QCOMPARE(bySatisfaction.rows[2].code, u"B"_s);

    // Every written form carries the table.
    const QJsonObject json = QJsonDocument::fromJson(AssessmentWriter::json(a)).object();
    QCOMPARE(json.value(u"year"_s).toInt(), 2025);
    QVERIFY(json.value(u"to_date"_s).toBool());
    const QJsonObject first = json.value(u"departments"_s).toArray().first().toObject();
    QCOMPARE(first.value(u"code"_s).toString(), u"C"_s);
    QCOMPARE(first.value(u"rank"_s).toInt(), 1);
    QCOMPARE(first.value(u"score"_s).toDouble(), 100.0);
    QCOMPARE(json.value(u"departments"_s).toArray().last().toObject().value(u"score"_s).toDouble(), -0.5);
    const QString text = QString::fromUtf8(AssessmentWriter::text(a));
    QVERIFY2(text.startsWith(u"Annual assessment 2025, to date"_s), qPrintable(text));
    QVERIFY(text.contains(u"52.13"_s));
    const QString csv = QString::fromUtf8(AssessmentWriter::csv(a));
    QVERIFY(csv.contains(u"3,城管局,A,3,33.33,100.00,2,1,52.13\r\n"_s));
    // A liaison's assessment: their line, with their rank among all.
    const Assessment own = a.scopedTo(u"A"_s);
    QCOMPARE(own.rows.size(), 1);
    QCOMPARE(own.rows.first().rank, 3);
}

void TestReportDepartments::departmentRowsUseTheirIndex()
{
    const QStringList plans = ReportBuilder(m_tw->ws->database(), kShanghai, ms(u"2025-03-05T12:00:00+08:00"_s))
                                  .queryPlans(QDate(2025, 3, 1), QDate(2025, 4, 1));
    const QStringList dispatches = plans.filter(u"FROM dispatches"_s);
    QCOMPARE(dispatches.size(), 1);
    QVERIFY2(dispatches.first().contains(u"USING INDEX dispatches_"_s), qPrintable(dispatches.first()));
    QVERIFY2(!dispatches.first().contains(u"SCAN dispatches"_s) || dispatches.first().contains(u"USING"_s),
             qPrintable(dispatches.first()));
}

QTEST_GUILESS_MAIN(TestReportDepartments)
#include "tst_report_departments.moc"
