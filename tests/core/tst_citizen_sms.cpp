// SMS to the citizen (registration, reply) and the citizen's progress calls (催办): through a real HTTP gateway
// on loopback, exactly once across passes, restarts and two consoles; opt-out, landlines and the centre's switch;
// template validation; masked logs; the follow-up event, its alert to the department, the report and the CLI.
#include "FakeSmsGateway.h"
#include "TestSupport.h"
#include "TestWorkspace.h"

#include "notify/DepartmentContacts.h"
#include "notify/NotifyService.h"
#include "notify/SmsTemplate.h"
#include "reports/ReportBuilder.h"
#include "reports/ReportWriters.h"
#include "service/TicketService.h"
#include "storage/Database.h"
#include "storage/EventStore.h"
#include "storage/Settings.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace hotline;
using namespace hotline::test;

namespace {

const QString kMobile = u"13812345678"_s;

void prepare(TestWorkspace &tw, const QString &url)
{
    QString error;
    QVERIFY(DepartmentContacts(tw.ws->database()).save({u"D1"_s, u"城管局"_s, {u"13800000001"_s}, u"13900000009"_s}, &error));
    QVERIFY2(tw.ws->settings().set(u"sms.url"_s, url, &error), qPrintable(error));
    QVERIFY(tw.ws->settings().set(u"sms.timeout_seconds"_s, u"1"_s, &error));
}

QString registerCall(Workspace &ws, const QString &phone, bool citizenSms = true)
{
    QString error;
    NewTicket n;
    n.type = TicketType::Complaint;
    n.summary = u"井盖缺失"_s;
    n.callerPhone = phone;
    n.citizenSms = citizenSms;
    const QString id = ws.tickets().registerTicket(ws.systemActor(), n, &error);
    if (id.isEmpty())
        qWarning() << error;
    return id;
}

bool dispatchAndSign(Workspace &ws, const QString &id)
{
    QString error;
    const bool ok = ws.tickets().dispatch(ws.systemActor(), id, u"D1"_s, &error) && ws.tickets().sign(ws.systemActor(), id, &error);
    if (!ok)
        qWarning() << error;
    return ok;
}

void sendAndWait(NotifyService &n)
{
    QSignalSpy idle(&n.sender(), &SmsSender::idle);
    n.sender().sendDue();
    QTRY_VERIFY_WITH_TIMEOUT(!idle.isEmpty(), 15000);
}

QList<GatewayRequest> to(const FakeSmsGateway &gateway, const QString &phone)
{
    QList<GatewayRequest> out;
    for (const GatewayRequest &r : gateway.accepted()) {
        if (r.body.value(u"to"_s).toArray().contains(phone))
            out << r;
    }
    return out;
}

QStringList g_log;
void capture(QtMsgType, const QMessageLogContext &, const QString &message)
{
    g_log << message;
}

} // namespace

class TestCitizenSms : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void registrationAndReplyOnceEach()
    {
        FakeSmsGateway gateway;
        QVERIFY(gateway.isListening());
        TestWorkspace tw(u"2025-03-03T09:00:00+08:00"_s);
        prepare(tw, gateway.url());
        const QString id = registerCall(*tw.ws, u"138 1234 5678"_s);
        const QString number = tw.ws->events().ticket(id).number;
        {
            NotifyService n(*tw.ws);
            QCOMPARE(n.start(false).citizenSms, 1);
            QTRY_COMPARE_WITH_TIMEOUT(gateway.accepted().size(), 1, 15000);
            QTRY_COMPARE(n.sender().inFlight(), 0);
            const GatewayRequest r = gateway.accepted().first();
            QCOMPARE(r.body.value(u"to"_s).toArray(), QJsonArray({kMobile}));
            const QString text = r.body.value(u"text"_s).toString();
            QVERIFY2(text.contains(number) && text.contains(u"已受理"_s), qPrintable(text));

            QVERIFY(dispatchAndSign(*tw.ws, id));
            QString error;
            QVERIFY2(tw.ws->tickets().reply(tw.ws->systemActor(), id, u"井盖已于今日补装。"_s, &error), qPrintable(error));
            QCOMPARE(n.citizen().processNew().citizen, 1);
            sendAndWait(n);
            QTRY_COMPARE_WITH_TIMEOUT(gateway.accepted().size(), 2, 15000);
            const QString reply = gateway.accepted().last().body.value(u"text"_s).toString();
            QVERIFY2(reply.contains(number) && reply.contains(u"城管局"_s) && reply.contains(u"井盖已于今日补装"_s),
                     qPrintable(reply));
            // A second pass finds nothing new; nothing due is posted again.
            QCOMPARE(n.citizen().processNew().citizen, 0);
            sendAndWait(n);
            QCOMPARE(gateway.requests().size(), 2);
            // The record says what happened, with the caller's number masked.
            int sent = 0;
            for (const OutboxMessage &m : n.outbox().forTicket(id)) {
                QCOMPARE(m.audience, u"citizen"_s);
                QCOMPARE(m.state, u"sent"_s);
                QCOMPARE(m.recipients, u"138****5678"_s);
                ++sent;
            }
            QCOMPARE(sent, 2);
        }
        // A restart (a new process on the same file) sends nothing again.
        tw.reopen();
        NotifyService again(*tw.ws);
        const EscalationResult r = again.start(false);
        QCOMPARE(r.citizenSms, 0);
        sendAndWait(again);
        QCOMPARE(gateway.requests().size(), 2);
    }

    // Any replied event: the one a merge writes onto a follower too, appended straight to the store.
    void everyRepliedEventAnswersItsCaller()
    {
        FakeSmsGateway gateway;
        TestWorkspace tw(u"2025-03-03T09:00:00+08:00"_s);
        prepare(tw, gateway.url());
        const QString id = registerCall(*tw.ws, u"13900001111"_s);
        QVERIFY(dispatchAndSign(*tw.ws, id));
        NotifyService n(*tw.ws);
        n.start(false);
        QString error;
        const TicketEvent replied = TicketEvent::make(id, EventType::Replied, tw.clock.nowMs(), u"system"_s,
                                                      tw.ws->consoleCode(), {{Key::Text, u"已随主工单一并处理。"_s}});
        QVERIFY2(tw.ws->events().append({replied}, &error), qPrintable(error));
        QCOMPARE(n.citizen().processNew().citizen, 1);
        sendAndWait(n);
        QTRY_COMPARE_WITH_TIMEOUT(to(gateway, u"13900001111"_s).size(), 2, 15000);
        QVERIFY(to(gateway, u"13900001111"_s).last().body.value(u"text"_s).toString().contains(u"已随主工单一并处理"_s));
    }

    // Two consoles on one file: the claim lets one post; the other's pass finds the work done.
    void twoConsolesSendOnce()
    {
        FakeSmsGateway gateway;
        TestWorkspace tw(u"2025-03-03T09:00:00+08:00"_s);
        prepare(tw, gateway.url());
        QString error;
        auto second = Workspace::open(tw.path(), tw.clock, &error);
        QVERIFY(second);
        NotifyService a(*tw.ws);
        NotifyService b(*second);
        registerCall(*tw.ws, kMobile);
        QCOMPARE(a.citizen().processNew().citizen, 1);
        QCOMPARE(b.citizen().processNew().citizen, 0);
        a.sender().sendDue();
        QCOMPARE(b.sender().sendDue(), 0); // a holds the claim
        QTRY_COMPARE_WITH_TIMEOUT(a.sender().inFlight(), 0, 15000);
        tw.clock.advanceSecs(3600);
        QCOMPARE(b.sender().sendDue(), 0);
        QCOMPARE(gateway.requests().size(), 1);
    }

    void optOutLandlineAndSwitchAreHonoured()
    {
        FakeSmsGateway gateway;
        TestWorkspace tw(u"2025-03-03T09:00:00+08:00"_s);
        prepare(tw, gateway.url());
        NotifyService n(*tw.ws);
        n.start(false);
        const QString declined = registerCall(*tw.ws, u"13900002222"_s, false);
        const QString landline = registerCall(*tw.ws, u"0757-86280000"_s);
        const QString noPhone = registerCall(*tw.ws, QString());
        QCOMPARE(n.citizen().processNew().citizen, 0);
        QVERIFY(n.outbox().forTicket(declined).isEmpty());
        QVERIFY(n.outbox().forTicket(landline).isEmpty());
        QVERIFY(n.outbox().forTicket(noPhone).isEmpty());
        QVERIFY(CitizenNotifier::whyNoCitizenSms(*tw.ws, tw.ws->events().ticket(landline)).contains(u"not a mobile"_s));

        // Declined after it was queued (the gateway failed the first try): never posted again, the record says so.
        gateway.setMode(FakeSmsGateway::Mode::Error500);
        const QString late = registerCall(*tw.ws, u"13900003333"_s);
        QCOMPARE(n.citizen().processNew().citizen, 1);
        QTRY_COMPARE_WITH_TIMEOUT(n.sender().inFlight(), 0, 15000);
        gateway.setMode(FakeSmsGateway::Mode::Ok);
        tw.clock.advanceSecs(120);
        QString error;
        QVERIFY2(tw.ws->tickets().setCitizenSms(tw.ws->systemActor(), late, false, &error), qPrintable(error));
        QVERIFY(!tw.ws->tickets().setCitizenSms(tw.ws->systemActor(), late, false, &error)); // nothing changes
        sendAndWait(n);
        const OutboxMessage m = n.outbox().forTicket(late).first();
        QCOMPARE(m.state, u"cancelled"_s);
        QVERIFY(m.lastError.contains(u"declined"_s));

        // Turned off for the centre: nothing is queued.
        QVERIFY(tw.ws->settings().set(u"sms.citizen.enabled"_s, u"0"_s, &error));
        const QString off = registerCall(*tw.ws, u"13900004444"_s);
        QCOMPARE(n.citizen().processNew().citizen, 0);
        QVERIFY(n.outbox().forTicket(off).isEmpty());
        sendAndWait(n);
        QCOMPARE(gateway.accepted().size(), 0);
        // Back on: the caller who re-accepted is texted about the next reply, not the missed registration.
        QVERIFY(!tw.ws->settings().set(u"sms.citizen.enabled"_s, u"2"_s, &error));
    }

    void templatesAreValidated()
    {
        const QString key = u"sms.citizen.replied_template"_s;
        QVERIFY(Settings::validate(key, u"工单{number}：{reply}"_s).isEmpty());
        QVERIFY(Settings::validate(key, u"工单{number}还剩{remaining}"_s).contains(u"{remaining}"_s));
        QVERIFY(Settings::validate(key, u"您的问题已答复：{reply}"_s).contains(u"{number}"_s));
        QVERIFY(!Settings::validate(u"sms.citizen.registered_template"_s, u"   "_s).isEmpty());
        QVERIFY(!Settings::validate(u"sms.citizen.registered_template"_s, QString(301, u'字') + u"{number}"_s).isEmpty());
        // The department's templates do not take {reply}.
        QVERIFY(!Settings::validate(u"sms.template"_s, u"工单{number}：{reply}"_s).isEmpty());
        QString error;
        SmsTemplate::Values v;
        v.number = u"250303-01-0001"_s;
        v.reply = QString(500, u'答');
        const QString text = SmsTemplate::renderCitizen(u"{number}:{reply}"_s, v, &error);
        QCOMPARE(text.size(), 15 + SmsTemplate::kMaxReply);
        QVERIFY(text.endsWith(u'…'));
        QVERIFY(SmsTemplate::renderCitizen(u"{deadline}"_s, v, &error).isNull());
        QVERIFY(!error.isEmpty());
    }

    void logsNeverShowTheWholeNumber()
    {
        FakeSmsGateway gateway;
        TestWorkspace tw(u"2025-03-03T09:00:00+08:00"_s);
        prepare(tw, gateway.url());
        QLoggingCategory::setFilterRules(u"hotline.*=true"_s);
        g_log.clear();
        const QtMessageHandler previous = qInstallMessageHandler(capture);
        gateway.setMode(FakeSmsGateway::Mode::Error500);
        registerCall(*tw.ws, kMobile);
        NotifyService n(*tw.ws);
        n.start(false);
        QTRY_COMPARE_WITH_TIMEOUT(n.sender().inFlight(), 0, 15000);
        gateway.setMode(FakeSmsGateway::Mode::Ok);
        tw.clock.advanceSecs(120);
        sendAndWait(n);
        qInstallMessageHandler(previous);
        QLoggingCategory::setFilterRules(QString());
        QTRY_COMPARE_WITH_TIMEOUT(gateway.accepted().size(), 1, 15000);
        QVERIFY(!g_log.isEmpty());
        for (const QString &line : std::as_const(g_log))
            QVERIFY2(!line.contains(kMobile), qPrintable(line));
        for (const OutboxMessage &m : n.outbox().recent(10)) {
            QVERIFY(!m.recipients.contains(kMobile));
            for (const SmsAttempt &a : n.outbox().attempts(m.id))
                QVERIFY2(!a.detail.contains(kMobile), qPrintable(a.detail));
        }
    }

    // A progress call counts on the ticket and the running clock, tells the department once, and reaches the report.
    void followUpCountsAndAlertsOnce()
    {
        FakeSmsGateway gateway;
        TestWorkspace tw(u"2025-03-03T09:00:00+08:00"_s);
        prepare(tw, gateway.url());
        QString error;
        const QString waiting = registerCall(*tw.ws, QString());
        QVERIFY(tw.ws->tickets().followUp(tw.ws->systemActor(), waiting, u"问进展"_s, &error));
        QCOMPARE(tw.ws->events().ticket(waiting).followUps, 1);
        const QString id = registerCall(*tw.ws, QString());
        QVERIFY(dispatchAndSign(*tw.ws, id));
        QVERIFY2(tw.ws->tickets().followUp(tw.ws->systemActor(), id, u"市民再次来电询问进展"_s, &error), qPrintable(error));
        QVERIFY(!tw.ws->tickets().followUp(tw.ws->systemActor(), id, QString(1001, u'问'), &error));
        QVERIFY(error.contains(u"1000"_s));
        const Ticket t = tw.ws->events().ticket(id);
        QCOMPARE(t.followUps, 1);
        QCOMPARE(t.clocks.last().followUps, 1);
        const TicketEvent e = tw.ws->events().history(id).last();
        QCOMPARE(e.type, EventType::FollowedUp);
        QCOMPARE(e.payload.value(Key::Department).toString(), u"D1"_s);
        QCOMPARE(e.payload.value(Key::Text).toString(), u"市民再次来电询问进展"_s);
        // A call-taker may, a liaison may not.
        const Actor liaison{u"li"_s, Role::Liaison, u"D1"_s, tw.ws->consoleCode()};
        QVERIFY(!tw.ws->tickets().followUp(liaison, id, u"x"_s, &error));

        NotifyService n(*tw.ws);
        const EscalationResult r = n.start(false);
        QCOMPARE(r.followUpAlerts, 1); // the one while D1's clock ran; none for the ticket in the queue
        QTRY_COMPARE_WITH_TIMEOUT(gateway.accepted().size(), 1, 15000);
        const GatewayRequest sms = gateway.accepted().first();
        QCOMPARE(sms.body.value(u"to"_s).toArray(), QJsonArray({u"13800000001"_s}));
        QVERIFY(sms.body.value(u"text"_s).toString().contains(t.number));
        QCOMPARE(n.citizen().processNew().followUpAlerts, 0);

        const std::optional<ReportData> report
            = ReportBuilder(tw.ws->database(), tw.ws->sla().calendar().timeZone(), tw.clock.nowMs())
                  .build(QDate(2025, 3, 1), QDate(2025, 4, 1), &error);
        QVERIFY2(report, qPrintable(error));
        QCOMPARE(report->totals.followUps, 1);
        QCOMPARE(report->departments.size(), 1);
        QCOMPARE(report->departments.first().figures.followUps, 1);
        const QJsonObject json = QJsonDocument::fromJson(ReportWriter::json(*report)).object();
        QCOMPARE(json.value(u"totals"_s).toObject().value(u"follow_ups"_s).toInt(), 1);
    }

    void hotlinectlFollowUpAndSms()
    {
        QVERIFY2(!hotlinectlPath().isEmpty(), "HOTLINECTL is not set (run through ctest)");
        QTemporaryDir dir;
        const QString db = dir.filePath(u"training.db"_s);
        QCOMPARE(runCtl({u"--db"_s, db, u"init"_s, u"--training"_s}).exitCode, 0);
        CtlResult r = runCtl({u"--db"_s, db, u"ticket"_s, u"register"_s, u"--summary"_s, u"路灯不亮"_s, u"--caller-phone"_s,
                              kMobile, u"--no-sms"_s});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QString number = QString::fromUtf8(r.out).trimmed();
        const auto scalar = [&](const QString &sql) {
            QVariant value;
            {
                QSqlDatabase c = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"probe"_s);
                c.setDatabaseName(db);
                if (c.open()) {
                    QSqlQuery q(c);
                    if (q.exec(sql) && q.next())
                        value = q.value(0);
                }
            }
            QSqlDatabase::removeDatabase(u"probe"_s);
            return value;
        };
        QCOMPARE(scalar(u"SELECT citizen_sms FROM tickets WHERE number = '%1'"_s.arg(number)).toInt(), 0);
        r = runCtl({u"--db"_s, db, u"ticket"_s, u"sms"_s, number, u"--on"_s});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(scalar(u"SELECT citizen_sms FROM tickets WHERE number = '%1'"_s.arg(number)).toInt(), 1);
        QCOMPARE(runCtl({u"--db"_s, db, u"ticket"_s, u"sms"_s, number}).exitCode, 2); // --on or --off
        r = runCtl({u"--db"_s, db, u"ticket"_s, u"follow-up"_s, number, u"--text"_s, u"市民询问进展"_s});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(scalar(u"SELECT follow_ups FROM tickets WHERE number = '%1'"_s.arg(number)).toInt(), 1);
        r = runCtl({u"--db"_s, db, u"ticket"_s, u"show"_s, number, u"--format"_s, u"json"_s});
        const QJsonObject shown = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(shown.value(u"follow_ups"_s).toInt(), 1);
        QCOMPARE(shown.value(u"citizen_sms"_s).toBool(), true);
        r = runCtl({u"--db"_s, db, u"ticket"_s, u"follow-up"_s, number});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("--text"), r.err.constData());
    }
};

QTEST_GUILESS_MAIN(TestCitizenSms)
#include "tst_citizen_sms.moc"
