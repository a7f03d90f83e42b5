// sync_*: the shared server (issue 4) on a private PostgreSQL server started for the run, durable settings
// (fsync on), loopback. Console A imports a generated history and pushes its whole outbox (push throughput);
// a new console B catches up from the server (catch-up); then A registers single tickets while B's sync thread
// waits for NOTIFY (latency from A's commit to the ticket in B's database).
#include "BenchFiles.h"
#include "Benches.h"
#include "PgTestServer.h"
#include "TicketCsvGenerator.h"

#include "auth/Actor.h"
#include "service/TicketService.h"
#include "service/Workspace.h"
#include "storage/Database.h"
#include "sync/PgConnection.h"
#include "sync/ServerSchema.h"
#include "sync/SyncEngine.h"
#include "sync/SyncWorker.h"
#include "util/Clock.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QMutex>
#include <QSqlQuery>
#include <QThread>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace hotline::bench {

namespace {

constexpr qint64 kBudgetCatchUpEvents = 1'000'000;
// The generated history has about 4.2 events per ticket: a little over the target, so the budget applies.
constexpr double kEventsPerTicket = 4.0;

std::unique_ptr<Workspace> openOrThrow(const QString &path, const Clock &clock)
{
    QString error;
    auto ws = Workspace::open(path, clock, &error);
    if (!ws)
        throw BenchError(u"cannot open %1: %2"_s.arg(path, error));
    return ws;
}

qint64 eventCount(Database &db)
{
    QSqlQuery q(db.sql());
    return q.exec(u"SELECT count(*) FROM events"_s) && q.next() ? q.value(0).toLongLong() : 0;
}

double percentile(QList<double> samples, double p)
{
    if (samples.isEmpty())
        return 0;
    std::sort(samples.begin(), samples.end());
    const qsizetype index = qsizetype(std::ceil(p * double(samples.size()))) - 1;
    return samples.at(std::clamp<qsizetype>(index, 0, samples.size() - 1));
}

} // namespace

void runSyncBench(const BenchOptions &options, FigureSink &sink)
{
    sink.beginGroup(u"sync"_s);
    const qint64 targetEvents = options.quick ? 20'000 : kBudgetCatchUpEvents;
    test::PgTestServer server(true);
    if (!server.start())
        throw BenchError(u"cannot start a private PostgreSQL server: "_s + server.error());
    {
        PgConnection pg;
        QString error;
        if (!pg.connect(server.url()) || !ServerSchema::migrate(pg, &error))
            throw BenchError(u"server init: "_s + error + pg.lastError());
    }
    note(u"private PostgreSQL on 127.0.0.1:%1 (fsync on)"_s.arg(server.port()));

    SystemClock clock;
    const QString pathA = options.workDir + u"/sync-console-a.db"_s;
    const QString pathB = options.workDir + u"/sync-console-b.db"_s;
    const QString csvPath = options.workDir + u"/sync-history.csv"_s;
    removeDatabaseFiles(pathA);
    removeDatabaseFiles(pathB);

    // Console A: a history in its outbox.
    auto a = openOrThrow(pathA, clock);
    const qint64 tickets = std::max<qint64>(1000, qint64(double(targetEvents) / kEventsPerTicket) + 1);
    const GeneratedCsv generated = writeHistoricalYearCsv(csvPath, tickets, 2025, a->sla());
    importGenerated(*a, csvPath, generated, 0);
    const qint64 events = eventCount(a->database());
    note(u"console A holds %1 events of %2 tickets to push"_s.arg(events).arg(tickets));

    QString error;
    SyncPassResult pushed;
    QElapsedTimer timer;
    {
        SyncEngine engine(a->database(), clock);
        if (!engine.connectTo(server.url(), &error))
            throw BenchError(error);
        timer.start();
        if (!engine.runPass(&pushed, &error))
            throw BenchError(u"push: "_s + error);
    }
    const double pushSeconds = elapsedMs(timer) / 1000.0;
    if (pushed.pushed != events || pushed.pending != 0)
        throw BenchError(u"pushed %1 of %2 events"_s.arg(pushed.pushed).arg(events));
    sink.figure(u"sync_push_per_s"_s, double(events) / pushSeconds, u"per_s"_s);
    sink.budget(u"sync_push_per_s"_s, FigureSink::Direction::AtLeast, 20000, u"per_s"_s);

    // Console B: new, catches up from the server.
    auto b = openOrThrow(pathB, clock);
    SyncPassResult caught;
    timer.restart();
    {
        SyncEngine engine(b->database(), clock);
        if (!engine.connectTo(server.url(), &error) || !engine.runPass(&caught, &error))
            throw BenchError(u"catch-up: "_s + error);
    }
    const double catchUpSeconds = elapsedMs(timer) / 1000.0;
    if (caught.pulled != events)
        throw BenchError(u"console B pulled %1 of %2 events"_s.arg(caught.pulled).arg(events));
    sink.figure(u"sync_catchup_s"_s, catchUpSeconds, u"s"_s, 2);
    sink.figure(u"sync_catchup_events"_s, double(events), u"events"_s);
    sink.budget(u"sync_catchup_s"_s, FigureSink::Direction::AtMost, 60, u"s"_s, events >= kBudgetCatchUpEvents,
                u"measured on %1 events, the budget is for 1,000,000"_s.arg(events));
    b.reset();

    // Latency: both consoles run their sync threads; B's period is long, so only NOTIFY can bring it early.
    SyncService serviceA(pathA, server.url(), clock, 60000);
    SyncService serviceB(pathB, server.url(), clock, 60000);
    QMutex mutex;
    QHash<QString, qint64> arrivedNs;
    QElapsedTimer epoch;
    epoch.start();
    QObject::connect(
        serviceB.worker(), &SyncWorker::ticketsChanged, serviceB.worker(),
        [&](const QStringList &ids) {
            const qint64 now = epoch.nsecsElapsed();
            QMutexLocker lock(&mutex);
            for (const QString &id : ids)
                arrivedNs.insert(id, now);
        },
        Qt::DirectConnection);
    const auto waitUntil = [](const std::function<bool()> &done, int timeoutMs) {
        QElapsedTimer t;
        t.start();
        while (!done() && t.elapsed() < timeoutMs) {
            QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
            QThread::msleep(1);
        }
        return done();
    };
    waitUntil([&] { return serviceA.status().online && serviceB.status().online; }, 30000);
    const Actor taker{u"bench"_s, Role::CallTaker, QString(), a->consoleCode()};
    QList<double> latencies;
    const int samples = options.quick ? 10 : 60;
    for (int i = 0; i < samples; ++i) {
        NewTicket t;
        t.summary = u"延迟测量 %1"_s.arg(i);
        const qint64 start = epoch.nsecsElapsed();
        const QString id = a->tickets().registerTicket(taker, t, &error);
        if (id.isEmpty())
            throw BenchError(error);
        serviceA.nudge(); // what the console does after every local commit
        const bool arrived = waitUntil(
            [&] {
                QMutexLocker lock(&mutex);
                return arrivedNs.contains(id);
            },
            10000);
        if (!arrived)
            throw BenchError(u"ticket %1 did not reach console B within 10 s"_s.arg(id));
        QMutexLocker lock(&mutex);
        latencies << double(arrivedNs.value(id) - start) / 1e6;
        lock.unlock();
        QThread::msleep(20 + (i * 37) % 150); // not in step with any timer
    }
    sink.figure(u"sync_notify_median_ms"_s, median(latencies), u"ms"_s, 1);
    sink.figure(u"sync_notify_p95_ms"_s, percentile(latencies, 0.95), u"ms"_s, 1);
    sink.budget(u"sync_notify_p95_ms"_s, FigureSink::Direction::AtMost, 1000, u"ms"_s);
}

} // namespace hotline::bench
