// Sync with a real, private PostgreSQL server: server schema, push/pull, idempotence, server order, conflicts,
// malformed events, and the server's refusal to change its log.
#include "DatabaseProbe.h"
#include "PgTestServer.h"
#include "TestSupport.h"
#include "TestWorkspace.h"

#include "auth/Actor.h"
#include "service/TicketService.h"
#include "storage/Database.h"
#include "storage/EventStore.h"
#include "sync/PgConnection.h"
#include "sync/ReplicaStore.h"
#include "sync/ServerSchema.h"
#include "sync/SyncEngine.h"
#include "sync/SyncServer.h"

#include <QSqlQuery>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace hotline;
using namespace hotline::test;

namespace {

Actor taker(Workspace &ws) { return Actor{u"alice"_s, Role::CallTaker, QString(), ws.consoleCode()}; }
Actor dispatcher(Workspace &ws) { return Actor{u"bob"_s, Role::Dispatcher, QString(), ws.consoleCode()}; }

NewTicket complaint(const QString &summary)
{
    NewTicket t;
    t.type = TicketType::Complaint;
    t.callerName = u"张三"_s;
    t.callerPhone = u"13812345678"_s;
    t.summary = summary;
    return t;
}

} // namespace

class TestSync : public QObject
{
    Q_OBJECT

private:
    PgTestServer m_server;

    bool syncOnce(TestWorkspace &tw, SyncPassResult *result = nullptr, QString *errorOut = nullptr)
    {
        SyncEngine engine(tw.ws->database(), tw.clock);
        SyncPassResult r;
        QString error;
        const bool ok = engine.connectTo(m_server.url(), &error) && engine.runPass(&r, &error);
        if (result)
            *result = r;
        if (errorOut)
            *errorOut = error;
        if (!ok)
            qWarning() << "sync failed:" << error;
        return ok;
    }

    void seedReference(TestWorkspace &tw)
    {
        tw.addDepartment(u"CG"_s, u"城管局"_s);
        tw.addDepartment(u"JT"_s, u"交通局"_s);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_server.start(), qPrintable(m_server.error()));
        const CtlResult r = runCtl({u"server"_s, u"init"_s, u"--url"_s, m_server.url()});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(QString::fromUtf8(r.out).contains(u"migrated from version 0 to"_s), r.out.constData());
    }

    void serverInitIsRepeatableAndChecksUrls()
    {
        CtlResult again = runCtl({u"server"_s, u"init"_s, u"--url"_s, m_server.url()});
        QCOMPARE(again.exitCode, 0);
        QVERIFY(QString::fromUtf8(again.out).contains(u"up to date"_s));
        CtlResult bad = runCtl({u"server"_s, u"init"_s, u"--url"_s, u"postgresql://[oops"_s});
        QCOMPARE(bad.exitCode, 2);
        CtlResult dead = runCtl({u"server"_s, u"init"_s, u"--url"_s, u"postgresql://hotline:secret@127.0.0.1:1/hotline"_s});
        QCOMPARE(dead.exitCode, 1);
        QVERIFY2(QString::fromUtf8(dead.err).contains(u"cannot reach"_s), dead.err.constData());
        QVERIFY2(!QString::fromUtf8(dead.err).contains(u"secret"_s), "the password must not be printed");
        // Several hosts and libpq options are accepted as libpq accepts them.
        QVERIFY(PgConnection::checkUrl(u"postgresql://u:p@a:5432,b:5433/db?target_session_attrs=read-write&sslmode=require"_s).isEmpty());
        QVERIFY(PgConnection::checkUrl(u"host=a,b port=5432,5433 dbname=h target_session_attrs=read-write"_s).isEmpty());
        QVERIFY(!PgConnection::checkUrl(u"postgresql://u@h/db?nosuchoption=1"_s).isEmpty());
        QCOMPARE(PgConnection::redacted(u"postgresql://u:secret@h/db"_s), u"postgresql://u:***@h/db"_s);
    }

    void severalHostsReachTheWritableOne()
    {
        // A replicated centre lists its servers; libpq tries them in turn and keeps the writable one.
        QVERIFY(!m_server.createDatabase(u"multi"_s).isEmpty());
        const QString multi = u"postgresql://hotline@127.0.0.1:1,127.0.0.1:%1/multi?target_session_attrs=read-write&sslmode=disable"_s
                                  .arg(m_server.port());
        QCOMPARE(runCtl({u"server"_s, u"init"_s, u"--url"_s, multi}).exitCode, 0);
        TestWorkspace a;
        SyncEngine engine(a.ws->database(), a.clock);
        QString error;
        SyncPassResult r;
        QVERIFY2(engine.connectTo(multi, &error) && engine.runPass(&r, &error), qPrintable(error));
        const QString keywords = u"host=127.0.0.1,127.0.0.1 port=1,%1 dbname=hotline user=hotline target_session_attrs=read-write"_s
                                     .arg(m_server.port());
        PgConnection pg;
        QVERIFY2(pg.connect(keywords), qPrintable(pg.lastError()));
        // sslmode=require against a server without TLS is refused with libpq's reason, not a crash.
        QVERIFY(!pg.connect(m_server.url() + u"?sslmode=require"_s));
        QVERIFY(!pg.lastError().isEmpty());
    }

    void serverRefusesUpdateDeleteTruncate()
    {
        TestWorkspace a;
        seedReference(a);
        QString error;
        QVERIFY(!a.ws->tickets().registerTicket(taker(*a.ws), complaint(u"路灯不亮"_s), &error).isEmpty());
        QVERIFY(syncOnce(a));
        PgConnection pg;
        QVERIFY(pg.connect(m_server.url()));
        QVERIFY(pg.exec("SELECT count(*) FROM hotline_events").integer(0, 0) > 0);
        for (const QByteArray &sql : {QByteArray("UPDATE hotline_events SET actor = 'mallory'"),
                                      QByteArray("DELETE FROM hotline_events"), QByteArray("TRUNCATE hotline_events")}) {
            const PgResult r = pg.exec(sql);
            QVERIFY2(!r.ok(), sql.constData());
            QVERIFY2(r.error().contains(u"append-only"_s), qPrintable(r.error()));
        }
    }

    void twoConsolesSeeEachOthersTicketsWithDistinctCodes()
    {
        const QString url = m_server.createDatabase(u"pair"_s);
        QVERIFY(!url.isEmpty());
        QVERIFY(runCtl({u"server"_s, u"init"_s, u"--url"_s, url}).exitCode == 0);
        TestWorkspace a, b;
        seedReference(a);
        auto sync = [&](TestWorkspace &tw) {
            SyncEngine engine(tw.ws->database(), tw.clock);
            SyncPassResult r;
            QString error;
            const bool ok = engine.connectTo(url, &error) && engine.runPass(&r, &error);
            if (!ok)
                qWarning() << error;
            return ok;
        };
        QVERIFY(sync(a)); // a seeds the reference data and keeps code 01
        QVERIFY(sync(b)); // b takes the server's reference data and gets 02
        QCOMPARE(a.ws->consoleCode(), u"01"_s);
        QCOMPARE(b.ws->consoleCode(), u"02"_s);
        QCOMPARE(scalar(b.ws->database(), u"SELECT count(*) FROM departments"_s), 2);

        QString error;
        const QString fromA = a.ws->tickets().registerTicket(taker(*a.ws), complaint(u"A 的工单"_s), &error);
        const QString fromB = b.ws->tickets().registerTicket(taker(*b.ws), complaint(u"B 的工单"_s), &error);
        QVERIFY(!fromA.isEmpty() && !fromB.isEmpty());
        QVERIFY(b.ws->events().ticket(fromB).number.contains(u"-02-"_s));
        QCOMPARE(ReplicaStore(a.ws->database(), a.clock).pendingCount(), 1);
        QVERIFY(sync(a));
        QVERIFY(sync(b));
        QVERIFY(sync(a));
        QCOMPARE(ReplicaStore(a.ws->database(), a.clock).pendingCount(), 0);
        QVERIFY(a.ws->events().ticket(fromB).exists());
        QVERIFY(b.ws->events().ticket(fromA).exists());
        QCOMPARE(projectionText(a.ws->database()), projectionText(b.ws->database()));

        // A reference change on b reaches a.
        QSqlQuery q(b.ws->database().sql());
        QVERIFY(q.exec(u"INSERT INTO departments(code, name) VALUES('SW', '水务局')"_s));
        QVERIFY(sync(b));
        QVERIFY(sync(a));
        QCOMPARE(scalar(a.ws->database(), u"SELECT count(*) FROM departments WHERE code = 'SW'"_s), 1);
    }

    void duplicatePushAndReplayedPullChangeNothing()
    {
        TestWorkspace a;
        seedReference(a);
        QVERIFY(syncOnce(a)); // joined first: its numbers carry its own code
        QString error;
        for (int i = 0; i < 30; ++i)
            QVERIFY(!a.ws->tickets().registerTicket(taker(*a.ws), complaint(u"重复 %1"_s.arg(i)), &error).isEmpty());
        const QList<TicketEvent> events = ReplicaStore(a.ws->database(), a.clock).pending(1000, &error);
        QCOMPARE(events.size(), 30);
        PgConnection pg;
        QVERIFY(pg.connect(m_server.url()));
        SyncServer server(pg);
        const qint64 before = server.lastSequence(&error);
        QHash<QString, qint64> first, second;
        QVERIFY(server.push(events, &first, &error));
        QVERIFY(server.push(events, &second, &error)); // e.g. the acknowledgement was lost
        QCOMPARE(first, second);
        QCOMPARE(server.lastSequence(&error), before + 30);
        // Gapless: the numbers handed out are exactly before+1 .. before+30.
        QList<qint64> seqs = first.values();
        std::sort(seqs.begin(), seqs.end());
        QCOMPARE(seqs.first(), before + 1);
        QCOMPARE(seqs.last(), before + 30);

        QVERIFY(syncOnce(a)); // acknowledges through the pull and the push of the same ids
        QCOMPARE(ReplicaStore(a.ws->database(), a.clock).pendingCount(), 0);
        const QString state = projectionText(a.ws->database());
        const qint64 eventCount = scalar(a.ws->database(), u"SELECT count(*) FROM events"_s);
        // Replay every page from the start.
        QVERIFY(a.ws->database().setMeta(ReplicaStore::cursorKey(), u"0"_s));
        SyncPassResult r;
        QVERIFY(syncOnce(a, &r));
        QCOMPARE(r.pulled, 0);
        QCOMPARE(scalar(a.ws->database(), u"SELECT count(*) FROM events"_s), eventCount);
        QCOMPARE(projectionText(a.ws->database()), state);
        QVERIFY(a.ws->events().verify().ok);
    }

    void malformedAndUnknownVersionEventsAreKeptAsideNotFatal()
    {
        TestWorkspace a;
        seedReference(a);
        QVERIFY(syncOnce(a));
        PgConnection pg;
        QVERIFY(pg.connect(m_server.url()));
        // Written by "a newer console" straight into the server (through its push function).
        QVERIFY(pg.run("SELECT * FROM hotline_push(ARRAY['00000000-0000-8000-8000-00000000bad1', "
                       "'00000000-0000-8000-8000-00000000bad2', '00000000-0000-8000-8000-00000000bad3'], "
                       "ARRAY['t1','t2','t3'], ARRAY['registered','teleported','registered'], ARRAY[1,2,3]::bigint[], "
                       "ARRAY['x','x','x'], ARRAY['99','99','99'], ARRAY['{broken','{}','{}'], ARRAY[1,1,2]::smallint[])"));
        QString error;
        const QString after = a.ws->tickets().registerTicket(taker(*a.ws), complaint(u"之后"_s), &error);
        TestWorkspace b;
        SyncPassResult r;
        QVERIFY(syncOnce(a));
        QVERIFY(syncOnce(b, &r));
        QCOMPARE(r.skipped, 3);
        QVERIFY(b.ws->events().ticket(after).exists()); // later events still arrive
        QCOMPARE(scalar(b.ws->database(), u"SELECT count(*) FROM sync_skipped"_s), 3);
        QCOMPARE(scalar(b.ws->database(), u"SELECT count(*) FROM sync_skipped WHERE reason LIKE '%version 2%'"_s), 1);
        // They stay aside on the next pass, without repeating or blocking anything.
        QVERIFY(syncOnce(b, &r));
        QCOMPARE(scalar(b.ws->database(), u"SELECT count(*) FROM sync_skipped"_s), 3);
    }

    void concurrentDispatchResolvesInServerOrderEverywhere()
    {
        TestWorkspace a, b;
        seedReference(a);
        QVERIFY(syncOnce(a));
        QVERIFY(syncOnce(b));
        QString error;
        const QString id = a.ws->tickets().registerTicket(taker(*a.ws), complaint(u"两人同时派单"_s), &error);
        QVERIFY(syncOnce(a));
        QVERIFY(syncOnce(b));
        QVERIFY(b.ws->events().ticket(id).exists());
        // Both dispatch while neither has heard of the other's dispatch.
        QVERIFY2(b.ws->tickets().dispatch(dispatcher(*b.ws), id, u"JT"_s, &error), qPrintable(error));
        QVERIFY2(a.ws->tickets().dispatch(dispatcher(*a.ws), id, u"CG"_s, &error), qPrintable(error));
        QVERIFY(syncOnce(b)); // b's dispatch reaches the server first
        QVERIFY(syncOnce(a));
        QVERIFY(syncOnce(b));
        QCOMPARE(a.ws->events().ticket(id).department, u"JT"_s);
        QCOMPARE(b.ws->events().ticket(id).department, u"JT"_s);
        QCOMPARE(projectionText(a.ws->database()), projectionText(b.ws->database()));
        // a's dispatch is not lost: both consoles list it as a conflict for a dispatcher.
        const std::array<TestWorkspace *, 2> both{&a, &b};
        for (TestWorkspace *tw : both) {
            QSqlQuery q(tw->ws->database().sql());
            QVERIFY(q.exec(u"SELECT type, reason FROM sync_conflicts WHERE ticket_id = '"_s + id + u"'"_s));
            QVERIFY(q.next());
            QCOMPARE(q.value(0).toString(), u"dispatched"_s);
            QVERIFY(!q.value(1).toString().isEmpty());
            QVERIFY(!q.next());
        }
        QCOMPARE(ReplicaStore(a.ws->database(), a.clock).conflictCount(), 1);
    }

    void consoleOfflineForADayCatchesUp()
    {
        TestWorkspace a(u"2025-03-03T09:00:00+08:00"_s), c(u"2025-03-03T09:00:00+08:00"_s);
        seedReference(a);
        QVERIFY(syncOnce(a));
        QVERIFY(syncOnce(c));
        const qint64 before = scalar(a.ws->database(), u"SELECT count(*) FROM tickets"_s);
        QString error;
        // c loses its network for a day and keeps registering; a goes on working and syncing.
        for (int i = 0; i < 500; ++i) {
            c.clock.setMs(c.clock.nowMs() + 150 * 1000);
            QVERIFY(!c.ws->tickets().registerTicket(taker(*c.ws), complaint(u"离线 %1"_s.arg(i)), &error).isEmpty());
        }
        for (int i = 0; i < 40; ++i) {
            const QString id = a.ws->tickets().registerTicket(taker(*a.ws), complaint(u"在线 %1"_s.arg(i)), &error);
            QVERIFY(a.ws->tickets().dispatch(dispatcher(*a.ws), id, i % 2 ? u"CG"_s : u"JT"_s, &error));
            if (i % 10 == 9)
                QVERIFY(syncOnce(a));
        }
        QCOMPARE(ReplicaStore(c.ws->database(), c.clock).pendingCount(), 500);
        c.setNow(u"2025-03-04T09:00:00+08:00"_s);
        SyncPassResult r;
        QVERIFY(syncOnce(c, &r));
        QCOMPARE(r.pushed, 500);
        QVERIFY(r.pulled >= 80); // a's registrations and dispatches
        QCOMPARE(r.pending, 0);
        QVERIFY(syncOnce(a));
        QCOMPARE(scalar(a.ws->database(), u"SELECT count(*) FROM tickets"_s), before + 540);
        QCOMPARE(projectionText(a.ws->database()), projectionText(c.ws->database()));
    }

    void deadServerIsReportedAndNothingIsLost()
    {
        PgTestServer dying;
        QVERIFY2(dying.start(), qPrintable(dying.error()));
        QVERIFY(runCtl({u"server"_s, u"init"_s, u"--url"_s, dying.url()}).exitCode == 0);
        TestWorkspace a;
        seedReference(a);
        QString error;
        QVERIFY(!a.ws->tickets().registerTicket(taker(*a.ws), complaint(u"离线"_s), &error).isEmpty());
        QVERIFY(dying.stop());
        SyncEngine engine(a.ws->database(), a.clock);
        QVERIFY(!engine.connectTo(dying.url(), &error));
        QVERIFY2(error.contains(u"cannot reach"_s), qPrintable(error));
        QCOMPARE(ReplicaStore(a.ws->database(), a.clock).pendingCount(), 1); // still queued
        // The operator keeps working offline.
        QVERIFY(!a.ws->tickets().registerTicket(taker(*a.ws), complaint(u"仍离线"_s), &error).isEmpty());
        QVERIFY(dying.start());
        SyncPassResult r;
        QVERIFY2(engine.connectTo(dying.url(), &error) && engine.runPass(&r, &error), qPrintable(error));
        QCOMPARE(r.pushed, 2);
        QCOMPARE(r.pending, 0);
    }
};

QTEST_GUILESS_MAIN(TestSync)
#include "tst_sync.moc"
