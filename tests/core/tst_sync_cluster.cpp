// Several console processes on one private PostgreSQL server: concurrent registration and dispatch converge to
// the same state everywhere; a server that dies in the middle of a push loses nothing and doubles nothing.
// The test executable doubles as the console process: `tst_sync_cluster --actor DB URL COUNT SEED`.
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
#include "sync/SyncEngine.h"

#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QThread>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace hotline;
using namespace hotline::test;

namespace {




/** A console process: registers, dispatches its own and others' tickets, syncs every few actions. */
int runActor(const QString &path, const QString &url, int count, quint32 seed)
{
    SystemClock clock;
    QString error;
    auto ws = Workspace::open(path, clock, &error);
    if (!ws) {
        qCritical() << error;
        return 3;
    }
    SyncEngine engine(ws->database(), clock);
    if (!engine.connectTo(url, &error)) {
        qCritical() << error;
        return 4;
    }
    QRandomGenerator random(seed);
    const QString code = ws->consoleCode();
    const Actor taker{u"taker"_s + code, Role::CallTaker, QString(), code};
    const Actor dispatcher{u"dispatcher"_s + code, Role::Dispatcher, QString(), code};
    const QStringList departments{u"CG"_s, u"JT"_s};
    SyncPassResult r;
    for (int i = 0; i < count; ++i) {
        NewTicket t;
        t.type = TicketType::Complaint;
        t.callerPhone = u"138%1"_s.arg(random.bounded(10000000, 99999999));
        t.summary = u"控制台 %1 第 %2 件"_s.arg(code).arg(i);
        const QString id = ws->tickets().registerTicket(taker, t, &error);
        if (id.isEmpty()) {
            qCritical() << error;
            return 5;
        }
        if (i % 3 == 0)
            ws->tickets().dispatch(dispatcher, id, departments.at(int(random.bounded(2))), &error);
        // Dispatch somebody's waiting ticket: other consoles may be doing the same at this moment.
        QSqlQuery q(ws->database().sql());
        if (q.exec(u"SELECT id FROM tickets WHERE state = 'registered' ORDER BY number LIMIT 1"_s) && q.next()) {
            const QString other = q.value(0).toString();
            q.finish();
            ws->tickets().dispatch(dispatcher, other, departments.at(int(random.bounded(2))), &error);
        }
        if (i % 7 == 6 && !engine.runPass(&r, &error)) {
            qCritical() << error;
            return 6;
        }
    }
    for (int attempt = 0; attempt < 5; ++attempt) {
        if (!engine.runPass(&r, &error)) {
            qCritical() << error;
            return 7;
        }
        if (r.pending == 0)
            return 0;
    }
    return 8;
}

} // namespace

class TestSyncCluster : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void threeConsoleProcessesConverge()
    {
        PgTestServer server;
        QVERIFY2(server.start(), qPrintable(server.error()));
        QCOMPARE(runCtl({u"server"_s, u"init"_s, u"--url"_s, server.url()}).exitCode, 0);
        {
            // The centre's first console brings the departments.
            TestWorkspace seed(u"2026-11-26T10:00:00+08:00"_s);
            seed.addDepartment(u"CG"_s, u"城管局"_s);
            seed.addDepartment(u"JT"_s, u"交通局"_s);
            SyncEngine engine(seed.ws->database(), seed.clock);
            QString error;
            SyncPassResult r;
            QVERIFY2(engine.connectTo(server.url(), &error) && engine.runPass(&r, &error), qPrintable(error));
        }
        QTemporaryDir dir;
        const int perConsole = 120;
        QList<QProcess *> consoles;
        QStringList paths;
        for (int i = 0; i < 3; ++i) {
            paths << dir.filePath(u"console%1.db"_s.arg(i));
            auto *p = new QProcess(this);
            p->setProcessChannelMode(QProcess::ForwardedErrorChannel);
            p->start(QCoreApplication::applicationFilePath(),
                     {u"--actor"_s, paths.last(), server.url(), QString::number(perConsole), QString::number(i + 1)});
            consoles << p;
        }
        for (QProcess *p : std::as_const(consoles)) {
            QVERIFY(p->waitForFinished(240000));
            QCOMPARE(p->exitStatus(), QProcess::NormalExit);
            QCOMPARE(p->exitCode(), 0);
        }
        // Everyone pulls what the others pushed after their last pass; a new console shows the server's view.
        paths << dir.filePath(u"newcomer.db"_s);
        QStringList states, reports, conflictLists;
        for (const QString &path : std::as_const(paths)) {
            const CtlResult sync = runCtl({u"sync"_s, u"--once"_s, u"--db"_s, path, u"--server"_s, server.url()});
            QVERIFY2(sync.exitCode == 0, sync.err.constData());
            const CtlResult report = runCtl({u"report"_s, u"--db"_s, path, u"--month"_s, u"2026-11"_s, u"--format"_s, u"json"_s});
            QCOMPARE(report.exitCode, 0);
            // The figures must agree; the log stamp names each replica's own local chain (its head differs with the
            // order events arrived in), so only its event count is compared.
            QJsonObject json = QJsonDocument::fromJson(report.out).object();
            QVERIFY(json.contains(u"log"_s));
            QJsonObject log = json.value(u"log"_s).toObject();
            log.remove(u"head"_s);
            json.insert(u"log"_s, log);
            reports << QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Compact));
            SystemClock clock;
            QString error;
            auto db = Database::open(path, &error);
            QVERIFY(db);
            QCOMPARE(scalar(*db, u"SELECT count(*) FROM tickets"_s), 3 * perConsole);
            QCOMPARE(ReplicaStore(*db, clock).pendingCount(), 0);
            states << projectionText(*db);
            conflictLists << conflictIds(*db);
        }
        for (int i = 1; i < paths.size(); ++i) {
            QVERIFY2(states.at(i) == states.at(0), qPrintable(u"projection of "_s + paths.at(i)));
            QCOMPARE(reports.at(i), reports.at(0));
            QCOMPARE(conflictLists.at(i), conflictLists.at(0));
        }
        qInfo() << "conflicting dispatches recorded on every console:" << conflictLists.at(0).count(u',') + (conflictLists.at(0).isEmpty() ? 0 : 1);
        // The server: every event once, numbered 1..N without a gap.
        PgConnection pg;
        QVERIFY(pg.connect(server.url()));
        const PgResult r = pg.exec("SELECT count(*), count(DISTINCT id), min(server_seq), max(server_seq) FROM hotline_events");
        QCOMPARE(r.integer(0, 0), r.integer(0, 1));
        QCOMPARE(r.integer(0, 2), 1);
        QCOMPARE(r.integer(0, 3), r.integer(0, 0));
    }

    void headlessReplicaKeepsSyncingUntilStopped()
    {
        PgTestServer server;
        QVERIFY2(server.start(), qPrintable(server.error()));
        QCOMPARE(runCtl({u"server"_s, u"init"_s, u"--url"_s, server.url()}).exitCode, 0);
        TestWorkspace a(u"2026-11-26T10:00:00+08:00"_s);
        QCOMPARE(runCtl({u"sync"_s, u"--once"_s, u"--db"_s, a.path(), u"--server"_s, server.url()}).exitCode, 0);
        a.reopen();
        QTemporaryDir dir;
        const QString wallDb = dir.filePath(u"wall.db"_s);
        // A wall display machine: `hotlinectl sync` without --once, as a service would run it.
        QProcess replica;
        replica.setProcessChannelMode(QProcess::ForwardedChannels);
        replica.start(hotlinectlPath(), {u"sync"_s, u"--db"_s, wallDb, u"--server"_s, server.url()});
        QVERIFY(replica.waitForStarted());
        QString error;
        // Let it join and finish a first pass on an empty log: the ticket must come by a later pass.
        QElapsedTimer joining;
        joining.start();
        bool joined = false;
        while (!joined && joining.elapsed() < 30000) {
            QThread::msleep(50);
            if (QFileInfo::exists(wallDb)) {
                auto db = Database::open(wallDb, &error);
                joined = db && !db->meta(u"sync.last_ms"_s).isEmpty();
            }
        }
        QVERIFY(joined);
        NewTicket t;
        t.summary = u"大屏同步"_s;
        const QString id = a.ws->tickets().registerTicket(Actor{u"t"_s, Role::CallTaker, QString(), a.ws->consoleCode()},
                                                          t, &error);
        QVERIFY(!id.isEmpty());
        SyncEngine engine(a.ws->database(), a.clock);
        SyncPassResult r;
        QVERIFY(engine.connectTo(server.url(), &error) && engine.runPass(&r, &error));
        bool arrived = false;
        QElapsedTimer waited;
        waited.start();
        while (!arrived && waited.elapsed() < 30000) {
            QThread::msleep(100);
            if (!QFileInfo::exists(wallDb))
                continue;
            SystemClock clock;
            auto db = Database::open(wallDb, &error);
            arrived = db && scalar(*db, u"SELECT count(*) FROM tickets WHERE id = '"_s + id + u"'"_s) == 1;
        }
        if (!arrived) {
            auto db = Database::open(wallDb, &error);
            PgConnection pg;
            pg.connect(server.url());
            qWarning() << "pushed" << r.pushed << "server has" << pg.exec("SELECT count(*) FROM hotline_events").integer(0, 0);
            qWarning() << "replica has" << scalar(*db, u"SELECT count(*) FROM events"_s) << "events, cursor"
                       << db->meta(u"sync.pulled_seq"_s) << "code" << db->meta(u"console.code"_s) << error;
        }
        QVERIFY(arrived);
        replica.terminate(); // SIGTERM: a clean stop
        QVERIFY(replica.waitForFinished(30000));
        QCOMPARE(replica.exitStatus(), QProcess::NormalExit);
        QCOMPARE(replica.exitCode(), 0);
    }

    void serverStoppedInTheMiddleOfAPush()
    {
        PgTestServer server;
        QVERIFY2(server.start(), qPrintable(server.error()));
        QCOMPARE(runCtl({u"server"_s, u"init"_s, u"--url"_s, server.url()}).exitCode, 0);
        TestWorkspace a(u"2026-11-26T10:00:00+08:00"_s);
        QCOMPARE(runCtl({u"sync"_s, u"--once"_s, u"--db"_s, a.path(), u"--server"_s, server.url()}).exitCode, 0);
        a.reopen();
        const Actor taker{u"taker"_s, Role::CallTaker, QString(), a.ws->consoleCode()};
        const int tickets = 400;
        QString error;
        for (int i = 0; i < tickets; ++i) {
            NewTicket t;
            t.summary = u"断网测试 %1"_s.arg(i);
            QVERIFY(!a.ws->tickets().registerTicket(taker, t, &error).isEmpty());
        }
        const qint64 local = scalar(a.ws->database(), u"SELECT count(*) FROM events"_s);

        QProcess push;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"HOTLINE_SYNC_PUSH_BATCH"_s, u"5"_s); // 80 round trips: time to pull the plug between two
        push.setProcessEnvironment(env);
        push.setProcessChannelMode(QProcess::MergedChannels);
        push.start(hotlinectlPath(), {u"sync"_s, u"--once"_s, u"--db"_s, a.path(), u"--server"_s, server.url()});
        PgConnection watch;
        QVERIFY(watch.connect(server.url()));
        qint64 seen = 0;
        QElapsedTimer waited;
        waited.start();
        while (seen == 0 && waited.elapsed() < 60000) {
            seen = watch.exec("SELECT count(*) FROM hotline_events").integer(0, 0);
            if (seen == 0)
                QThread::msleep(2);
        }
        QVERIFY(seen > 0);
        QVERIFY(server.stop());
        QVERIFY(push.waitForFinished(60000));
        QVERIFY2(push.exitCode() == 1, push.readAll().constData()); // reported, not crashed
        a.reopen();
        const qint64 stillPending = ReplicaStore(a.ws->database(), a.clock).pendingCount();
        qInfo() << "server stopped after" << seen << "events reached it;" << stillPending << "still pending locally";
        QVERIFY(stillPending > 0);

        QVERIFY(server.start());
        const CtlResult again = runCtl({u"sync"_s, u"--once"_s, u"--db"_s, a.path(), u"--server"_s, server.url()});
        QVERIFY2(again.exitCode == 0, again.err.constData());
        a.reopen();
        QCOMPARE(ReplicaStore(a.ws->database(), a.clock).pendingCount(), 0);
        PgConnection pg;
        QVERIFY(pg.connect(server.url()));
        const PgResult r = pg.exec("SELECT count(*), count(DISTINCT id), max(server_seq) FROM hotline_events");
        QCOMPARE(r.integer(0, 0), local);
        QCOMPARE(r.integer(0, 1), local);
        QCOMPARE(r.integer(0, 2), local);
        QVERIFY(a.ws->events().verify().ok);
    }
};

int main(int argc, char **argv)
{
    if (argc == 6 && qstrcmp(argv[1], "--actor") == 0) {
        QCoreApplication app(argc, argv);
        return runActor(QString::fromLocal8Bit(argv[2]), QString::fromLocal8Bit(argv[3]), atoi(argv[4]),
                        quint32(atoi(argv[5])));
    }
    QCoreApplication app(argc, argv);
    TestSyncCluster test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_sync_cluster.moc"
