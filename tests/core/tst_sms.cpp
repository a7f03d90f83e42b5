// SMS delivery through a real HTTP gateway on loopback: content, back-off, failures, exactly once, bad
// configuration, and hotlinectl escalate as a real process.
#include "FakeSmsGateway.h"
#include "TestSupport.h"
#include "TestWorkspace.h"

#include "notify/DepartmentContacts.h"
#include "notify/NotifyService.h"
#include "service/TicketService.h"
#include "storage/Database.h"
#include "storage/EventStore.h"
#include "storage/Settings.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QProcess>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace hotline;
using namespace hotline::test;

namespace {

QString dispatchOne(Workspace &ws)
{
    QString error;
    NewTicket n;
    n.summary = u"井盖缺失"_s;
    const QString id = ws.tickets().registerTicket(ws.systemActor(), n, &error);
    if (id.isEmpty() || !ws.tickets().dispatch(ws.systemActor(), id, u"D1"_s, &error))
        qWarning() << error;
    return id;
}

void prepare(TestWorkspace &tw, const QString &url)
{
    QString error;
    QVERIFY(DepartmentContacts(tw.ws->database()).save({u"D1"_s, u"城管局"_s, {u"13800000001"_s, u"13800000002"_s}, u"13900000009"_s}, &error));
    if (!url.isEmpty())
        QVERIFY2(tw.ws->settings().set(u"sms.url"_s, url, &error), qPrintable(error));
    QVERIFY(tw.ws->settings().set(u"sms.token"_s, u"s3cret"_s, &error));
    QVERIFY(tw.ws->settings().set(u"sms.timeout_seconds"_s, u"1"_s, &error));
}

// Runs one batch of due messages and waits (event loop, no sleep) until every answer is in.
void sendAndWait(NotifyService &n)
{
    QSignalSpy idle(&n.sender(), &SmsSender::idle);
    n.sender().sendDue();
    QTRY_VERIFY_WITH_TIMEOUT(!idle.isEmpty(), 15000);
}

// hotlinectl as a real process while this process's event loop keeps the gateway answering.
CtlResult runCtlAsync(const QStringList &args)
{
    QProcess p;
    p.start(hotlinectlPath(), args);
    CtlResult r;
    if (!p.waitForStarted())
        return r;
    QEventLoop loop; // keeps the gateway in this process answering while hotlinectl runs
    QObject::connect(&p, &QProcess::finished, &loop, &QEventLoop::quit);
    if (p.state() != QProcess::NotRunning)
        loop.exec();
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

} // namespace

class TestSms : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void reminderReachesTheGateway()
    {
        FakeSmsGateway gateway;
        QVERIFY(gateway.isListening());
        TestWorkspace tw(u"2025-03-03T09:00:00+08:00"_s);
        prepare(tw, gateway.url());
        const QString id = dispatchOne(*tw.ws);
        tw.setNow(u"2025-03-03T15:00:00+08:00"_s);
        NotifyService n(*tw.ws);
        QCOMPARE(n.start(false).reminders, 1);
        QTRY_COMPARE_WITH_TIMEOUT(gateway.accepted().size(), 1, 15000);
        QTRY_COMPARE(n.sender().inFlight(), 0);
        const GatewayRequest r = gateway.accepted().first();
        const OutboxMessage m = n.outbox().forTicket(id).first();
        QCOMPARE(r.method, QByteArray("POST"));
        QCOMPARE(r.authorization, QByteArray("Bearer s3cret"));
        QCOMPARE(r.body.value(u"id"_s).toString(), m.id);
        QCOMPARE(r.body.value(u"to"_s).toArray(), QJsonArray({u"13800000001"_s, u"13800000002"_s}));
        const QString text = r.body.value(u"text"_s).toString();
        QVERIFY2(text.contains(tw.ws->events().ticket(id).number) && text.contains(u"城管局"_s) && text.contains(u"3 h 00 min"_s),
                 qPrintable(text));
        const OutboxMessage sent = *n.outbox().message(m.id);
        QCOMPARE(sent.state, u"sent"_s);
        QCOMPARE(n.outbox().attempts(m.id).size(), 1);
        QCOMPARE(n.outbox().attempts(m.id).first().outcome, u"sent"_s);
        sendAndWait(n); // nothing is due any more
        QCOMPARE(gateway.requests().size(), 1);
    }

    // 500, dropped connections and a hanging gateway: every message arrives once it recovers, none twice.
    void failingGatewayRecoversWithoutRepeats()
    {
        FakeSmsGateway gateway;
        TestWorkspace tw(u"2025-03-03T09:00:00+08:00"_s);
        prepare(tw, gateway.url());
        for (int i = 0; i < 3; ++i)
            dispatchOne(*tw.ws);
        tw.setNow(u"2025-03-03T15:00:00+08:00"_s);
        NotifyService n(*tw.ws);
        gateway.setMode(FakeSmsGateway::Mode::Error500);
        n.escalator().start();
        sendAndWait(n);
        QCOMPARE(gateway.requests().size(), 3);
        QCOMPARE(n.outbox().pendingCount(), 3);
        sendAndWait(n); // backing off: not due again yet
        QCOMPARE(gateway.requests().size(), 3);

        // Qt resends a POST once itself when a kept-alive connection drops, so count attempts in the log.
        gateway.setMode(FakeSmsGateway::Mode::Drop);
        tw.clock.advanceSecs(30);
        sendAndWait(n);
        QVERIFY(gateway.requests().size() >= 6);
        gateway.setMode(FakeSmsGateway::Mode::Hang);
        tw.clock.advanceSecs(60); // second failure doubled the delay
        sendAndWait(n);
        QCOMPARE(n.outbox().pendingCount(), 3);
        QVERIFY(gateway.accepted().isEmpty());

        gateway.setMode(FakeSmsGateway::Mode::Ok);
        tw.clock.advanceSecs(120);
        sendAndWait(n);
        QCOMPARE(gateway.accepted().size(), 3);
        const QStringList ids = gateway.acceptedIds();
        QCOMPARE(QSet<QString>(ids.cbegin(), ids.cend()).size(), 3);
        QCOMPARE(n.outbox().pendingCount(), 0);
        const qsizetype before = gateway.requests().size();
        tw.clock.advanceSecs(3600);
        sendAndWait(n);
        QCOMPARE(gateway.requests().size(), before);
        const QList<SmsAttempt> log = n.outbox().attempts(gateway.acceptedIds().first());
        QStringList outcomes;
        for (const SmsAttempt &a : log)
            outcomes << a.outcome;
        QCOMPARE(outcomes, (QStringList{u"http_error"_s, u"network"_s, u"timeout"_s, u"sent"_s}));
    }

    // Two senders on one database (a console and a hotlinectl): the claim lets one post; the other sees it sent.
    void twoSendersOneMessage()
    {
        FakeSmsGateway gateway;
        TestWorkspace tw(u"2025-03-03T09:00:00+08:00"_s);
        prepare(tw, gateway.url());
        dispatchOne(*tw.ws);
        tw.setNow(u"2025-03-03T15:00:00+08:00"_s);
        QString error;
        auto second = Workspace::open(tw.path(), tw.clock, &error);
        QVERIFY(second);
        NotifyService a(*tw.ws);
        NotifyService b(*second);
        QCOMPARE(a.escalator().start().reminders, 1); // and a starts posting it at once
        QCOMPARE(b.escalator().start().reminders, 0); // already recorded by a
        QCOMPARE(a.sender().inFlight(), 1);
        QCOMPARE(b.sender().sendDue(), 0); // a holds the claim
        QTRY_COMPARE_WITH_TIMEOUT(a.sender().inFlight(), 0, 15000);
        tw.clock.advanceSecs(3600);
        QCOMPARE(b.sender().sendDue(), 0); // claim says sent: closed without posting
        QCOMPARE(gateway.requests().size(), 1);
        QCOMPARE(b.outbox().pendingCount(), 0);
    }

    void badConfigurationIsReportedClearly()
    {
        TestWorkspace tw(u"2025-03-03T09:00:00+08:00"_s);
        prepare(tw, QString());
        const QString id = dispatchOne(*tw.ws);
        tw.setNow(u"2025-03-03T15:00:00+08:00"_s);
        NotifyService n(*tw.ws);
        QSignalSpy problems(&n.sender(), &SmsSender::problem);
        n.start(false);
        QCOMPARE(problems.size(), 1);
        QVERIFY(problems.first().first().toString().contains(u"sms.url"_s));
        const OutboxMessage waiting = n.outbox().forTicket(id).first();
        QCOMPARE(waiting.state, u"pending"_s);
        QCOMPARE(n.outbox().attempts(waiting.id).first().outcome, u"config"_s);

        QString error;
        QVERIFY(!tw.ws->settings().set(u"sms.template"_s, u"工单{number}{bogus}"_s, &error));
        QVERIFY2(error.contains(u"{bogus}"_s), qPrintable(error));
        QVERIFY(!tw.ws->settings().set(u"sms.url"_s, u"ftp://x"_s, &error));

        // A template that bypassed validation (an older program, a direct edit) stops the message, not the program.
        QVERIFY(tw.ws->settings().set(u"sms.url"_s, u"http://127.0.0.1:1/sms"_s, &error));
        QSqlQuery q(tw.ws->database().sql());
        QVERIFY(q.exec(u"INSERT OR REPLACE INTO settings(key, value) VALUES('sms.template', '{number} {oops}')"_s));
        tw.clock.advanceSecs(600);
        problems.clear();
        sendAndWait(n);
        QVERIFY(problems.size() == 1 && problems.first().first().toString().contains(u"{oops}"_s));

        // Unreachable host: a network failure, logged, and the message stays queued.
        QVERIFY(q.exec(u"DELETE FROM settings WHERE key = 'sms.template'"_s));
        tw.clock.advanceSecs(600);
        sendAndWait(n);
        const QList<SmsAttempt> log = n.outbox().attempts(waiting.id);
        QCOMPARE(log.last().outcome, u"network"_s);
        QVERIFY(log.last().detail.contains(u"Cannot reach the SMS gateway"_s));
        QCOMPARE(n.outbox().pendingCount(), 1);
    }

    void hotlinectlEscalateOnceAt()
    {
        FakeSmsGateway gateway;
        TestWorkspace tw(u"2025-03-03T09:00:00+08:00"_s);
        prepare(tw, gateway.url());
        dispatchOne(*tw.ws);
        tw.ws.reset();
        const QStringList db{u"--db"_s, tw.path()};
        CtlResult r = runCtlAsync(db + QStringList{u"escalate"_s, u"--once"_s, u"--at"_s, u"2025-03-03T14:59:59+08:00"_s});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(r.out.contains("Reminders: 0"));
        r = runCtlAsync(db + QStringList{u"escalate"_s, u"--once"_s, u"--at"_s, u"2025-03-03T15:00:00+08:00"_s});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(r.out.contains("Reminders: 1, accountability records: 0, SMS sent: 1, SMS waiting: 0."), r.out.constData());
        r = runCtlAsync(db + QStringList{u"escalate"_s, u"--once"_s, u"--at"_s, u"2025-03-03T15:00:00+08:00"_s});
        QVERIFY(r.out.contains("Reminders: 0, accountability records: 0, SMS sent: 0"));
        r = runCtlAsync(db + QStringList{u"escalate"_s, u"--once"_s, u"--at"_s, u"2025-03-04T09:00:01+08:00"_s});
        QVERIFY2(r.out.contains("accountability records: 1"), r.out.constData());
        QCOMPARE(gateway.requests().size(), 1);

        // Without a gateway: the reminder is recorded and queued, and the reason is on stderr with exit code 1.
        QVERIFY(runCtlAsync(db + QStringList{u"config"_s, u"set"_s, u"sms.url"_s, u""_s}).exitCode == 0);
        QVERIFY(runCtlAsync(db + QStringList{u"config"_s, u"get"_s, u"sms.url"_s}).out.trimmed().isEmpty());
        tw.reopen();
        dispatchOne(*tw.ws);
        tw.ws.reset();
        r = runCtlAsync(db + QStringList{u"escalate"_s, u"--once"_s, u"--at"_s, u"2025-03-04T15:00:00+08:00"_s});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("sms.url"), r.err.constData());
        QVERIFY2(r.err.contains("Reminders: 1"), r.err.constData());
        r = runCtlAsync(db + QStringList{u"config"_s, u"set"_s, u"sms.template"_s, u"{number} {nope}"_s});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains("{nope}"));
    }
};

QTEST_GUILESS_MAIN(TestSms)
#include "tst_sms.moc"
