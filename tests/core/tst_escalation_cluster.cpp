// Exactly once across consoles (issue 5): three escalator processes, each on its own replica of one shared
// PostgreSQL server, watch the same 1,000 tickets turn yellow; the SMS gateway gets exactly 1,000 messages.
#include "FakeSmsGateway.h"
#include "PgTestServer.h"
#include "TestSupport.h"
#include "TestWorkspace.h"

#include "auth/Actor.h"
#include "notify/DepartmentContacts.h"
#include "service/TicketService.h"
#include "storage/Database.h"
#include "storage/Settings.h"
#include "sync/ServerMessageClaims.h"
#include "sync/SyncEngine.h"

#include <QProcess>
#include <QSet>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace hotline;
using namespace hotline::test;

class TestEscalationCluster : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void serverClaimsFollowTheContract()
    {
        PgTestServer server;
        QVERIFY2(server.start(), qPrintable(server.error()));
        QCOMPARE(runCtl({u"server"_s, u"init"_s, u"--url"_s, server.url()}).exitCode, 0);
        ServerMessageClaims a(server.url()), b(server.url());
        const QString id = u"msg-1"_s;
        QCOMPARE(a.claim(id, u"01/a"_s, 1000, 500).result, ClaimResult::Granted);
        const Claim other = b.claim(id, u"02/b"_s, 1200, 500);
        QCOMPARE(other.result, ClaimResult::HeldElsewhere);
        QCOMPARE(other.holder, u"01/a"_s);
        QCOMPARE(other.leaseUntilMs, 1500);
        QCOMPARE(a.claim(id, u"01/a"_s, 1300, 500).result, ClaimResult::Granted); // a retry renews
        // a crashed: its lease runs out and b takes over.
        QCOMPARE(b.claim(id, u"02/b"_s, 1900, 500).result, ClaimResult::Granted);
        QCOMPARE(a.claim(id, u"01/a"_s, 2000, 500).result, ClaimResult::HeldElsewhere);
        b.release(id, u"02/b"_s); // its attempt failed: anyone may retry at once
        QCOMPARE(a.claim(id, u"01/a"_s, 2100, 500).result, ClaimResult::Granted);
        QString error;
        QVERIFY(a.markSent(id, u"01/a"_s, 2200, &error));
        QCOMPARE(b.claim(id, u"02/b"_s, 9000, 500).result, ClaimResult::AlreadySent);
        QCOMPARE(a.claim(id, u"01/a"_s, 9000, 500).result, ClaimResult::AlreadySent);
        // A dead server: Unavailable with a reason, quickly, and the message simply waits.
        QVERIFY(server.stop());
        ServerMessageClaims dead(server.url());
        const Claim down = dead.claim(u"msg-2"_s, u"01/a"_s, 1, 1);
        QCOMPARE(down.result, ClaimResult::Unavailable);
        QVERIFY(!down.error.isEmpty());
    }

    void threeEscalatorsSendEachReminderOnce()
    {
        PgTestServer server;
        QVERIFY2(server.start(), qPrintable(server.error()));
        QCOMPARE(runCtl({u"server"_s, u"init"_s, u"--url"_s, server.url()}).exitCode, 0);
        FakeSmsGateway gateway;
        QVERIFY(gateway.isListening());

        // The centre's first console: contacts, the gateway, 1,000 consultations dispatched Monday 09:00.
        TestWorkspace seed(u"2025-03-03T09:00:00+08:00"_s);
        QString error;
        QVERIFY(DepartmentContacts(seed.ws->database())
                    .save({u"CG"_s, u"城管局"_s, {u"13800000001"_s}, u"13900000009"_s}, &error));
        QVERIFY2(seed.ws->settings().set(u"sms.url"_s, gateway.url(), &error), qPrintable(error));
        SyncEngine engine(seed.ws->database(), seed.clock);
        SyncPassResult r;
        QVERIFY2(engine.connectTo(server.url(), &error), qPrintable(error));
        const Actor taker{u"taker"_s, Role::CallTaker, QString(), seed.ws->consoleCode()};
        const Actor dispatcher{u"dispatcher"_s, Role::Dispatcher, QString(), seed.ws->consoleCode()};
        const int tickets = 1000;
        QList<DispatchOrder> orders;
        for (int i = 0; i < tickets; ++i) {
            NewTicket t;
            t.type = TicketType::Consult;
            t.summary = u"咨询 %1"_s.arg(i);
            const QString id = seed.ws->tickets().registerTicket(taker, t, &error);
            QVERIFY2(!id.isEmpty(), qPrintable(error));
            orders << DispatchOrder{id, u"CG"_s};
        }
        const QStringList refused = seed.ws->tickets().dispatchMany(dispatcher, orders);
        QVERIFY(std::all_of(refused.cbegin(), refused.cend(), [](const QString &why) { return why.isEmpty(); }));
        QVERIFY2(engine.runPass(&r, &error), qPrintable(error));
        QCOMPARE(r.pending, 0);

        // Three replicas catch up, then escalate at the same instant, at the same time.
        QTemporaryDir dir;
        QList<QProcess *> escalators;
        for (int i = 0; i < 3; ++i) {
            const QString db = dir.filePath(u"escalator%1.db"_s.arg(i));
            const CtlResult sync = runCtl({u"sync"_s, u"--once"_s, u"--db"_s, db, u"--server"_s, server.url()});
            QVERIFY2(sync.exitCode == 0, sync.err.constData());
            auto *p = new QProcess(this);
            p->setProcessChannelMode(QProcess::ForwardedErrorChannel);
            p->setProgram(hotlinectlPath());
            p->setArguments({u"escalate"_s, u"--once"_s, u"--at"_s, u"2025-03-03T15:00:00+08:00"_s, u"--db"_s, db});
            escalators << p;
        }
        for (QProcess *p : std::as_const(escalators))
            p->start();
        // The gateway lives on this thread: keep its event loop turning while the escalators run.
        QTRY_VERIFY_WITH_TIMEOUT(std::all_of(escalators.cbegin(), escalators.cend(),
                                             [](QProcess *p) { return p->state() == QProcess::NotRunning; }),
                                 240000);
        for (QProcess *p : std::as_const(escalators)) {
            QCOMPARE(p->exitStatus(), QProcess::NormalExit);
            QCOMPARE(p->exitCode(), 0);
        }
        const QStringList ids = gateway.acceptedIds();
        const QSet<QString> distinct(ids.cbegin(), ids.cend());
        qInfo() << "gateway requests:" << gateway.requests().size() << "accepted:" << ids.size()
                << "distinct:" << distinct.size();
        QCOMPARE(distinct.size(), tickets);
        QCOMPARE(ids.size(), tickets);
        QCOMPARE(gateway.requests().size(), tickets);
    }
};

QTEST_GUILESS_MAIN(TestEscalationCluster)
#include "tst_escalation_cluster.moc"
