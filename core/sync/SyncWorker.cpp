#include "sync/SyncWorker.h"

#include "storage/Database.h"
#include "storage/EventStore.h"
#include "sync/PgConnection.h"
#include "sync/SyncEngine.h"
#include "util/Clock.h"
#include "util/LogCategories.h"

#include <QSocketNotifier>
#include <QThread>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace hotline {

SyncWorker::SyncWorker(QString databasePath, QString serverUrl, const Clock &clock, int intervalMs)
    : m_path(std::move(databasePath)),
      m_url(std::move(serverUrl)),
      m_clock(clock),
      m_intervalMs(qMax(100, intervalMs))
{
    m_status.configured = !m_url.isEmpty();
    m_status.server = PgConnection::redacted(m_url);
}

SyncWorker::~SyncWorker() = default;

void SyncWorker::start()
{
    QString error;
    m_db = Database::open(m_path, &error);
    if (!m_db) {
        goOffline(error);
        return;
    }
    m_engine = std::make_unique<SyncEngine>(*m_db, m_clock);
    m_status.lastSyncMs = m_db->meta(SyncEngine::lastSyncKey(), u"0"_s).toLongLong();
    m_timer = new QTimer(this);
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, &SyncWorker::tick);
    m_soon = new QTimer(this);
    m_soon->setSingleShot(true);
    m_soon->setInterval(50); // coalesces a burst of local changes into one pass
    connect(m_soon, &QTimer::timeout, this, &SyncWorker::tick);
    tick();
}

void SyncWorker::nudge()
{
    if (m_failures > 0 && m_engine) {
        m_status.pending = m_engine->pendingCount();
        publish();
        return;
    }
    syncNow();
}

void SyncWorker::syncNow()
{
    if (m_soon && !m_soon->isActive())
        m_soon->start();
}

void SyncWorker::stop()
{
    if (m_timer)
        m_timer->stop();
    if (m_soon)
        m_soon->stop();
    delete m_notifier;
    m_notifier = nullptr;
    m_engine.reset();
    m_db.reset();
    Q_EMIT stopped();
}

void SyncWorker::tick()
{
    if (!m_engine)
        return;
    m_soon->stop();
    if (!m_engine->isConnected()) {
        QString error;
        if (!m_engine->connectTo(m_url, &error)) {
            goOffline(error);
            return;
        }
        watchSocket();
    }
    pass();
}

void SyncWorker::pass()
{
    SyncPassResult result;
    QString error;
    if (!m_engine->runPass(&result, &error)) {
        goOffline(error);
        return;
    }
    m_failures = 0;
    m_status.online = true;
    m_status.error.clear();
    m_status.lastSyncMs = m_clock.nowMs();
    m_status.pending = result.pending;
    m_status.conflicts = result.conflicts;
    m_status.referenceConflicts = result.referenceConflicts;
    // Kept for the session (a refused row is pulled once): the status bar names them until the console restarts.
    for (const QString &line : result.refusedSettings + result.refusedReference) {
        if (!m_status.refused.contains(line))
            m_status.refused.append(line);
    }
    while (m_status.refused.size() > 20)
        m_status.refused.removeFirst();
    m_status.numberClashes = result.numberClashes;
    if (!result.clashingNumbers.isEmpty())
        qCWarning(lcSync) << "pushed ticket numbers the server already had under another ticket:" << result.clashingNumbers;
    if (!result.referenceUpdated.isEmpty())
        Q_EMIT referenceChanged(result.referenceUpdated);
    if (!result.changedTickets.isEmpty()) {
        result.changedTickets.removeDuplicates();
        Q_EMIT ticketsChanged(result.changedTickets);
    }
    publish();
    m_timer->start(m_intervalMs);
}

void SyncWorker::goOffline(const QString &why)
{
    if (m_status.online || m_failures == 0)
        qCWarning(lcSync) << "offline:" << why;
    delete m_notifier;
    m_notifier = nullptr;
    if (m_engine)
        m_engine->disconnect();
    m_status.online = false;
    m_status.error = why;
    if (m_engine) {
        // What the operator recorded meanwhile is waiting: say how much, even without a server.
        m_status.pending = m_engine->pendingCount();
        m_status.conflicts = m_engine->conflictCount();
    }
    ++m_failures;
    publish();
    if (m_timer) {
        const qint64 backoff = qint64(m_intervalMs) << qMin(m_failures - 1, 10);
        m_timer->start(int(qMin<qint64>(backoff, kMaxBackoffMs)));
    }
}

void SyncWorker::watchSocket()
{
    delete m_notifier;
    m_notifier = nullptr;
    const int fd = m_engine->socket();
    if (fd < 0)
        return;
    m_notifier = new QSocketNotifier(fd, QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, [this] {
        bool lost = false;
        const bool nudged = m_engine->takeNudge(&lost);
        if (lost)
            goOffline(tr("the connection to the server was lost"));
        else if (nudged)
            nudge();
    });
}

void SyncWorker::publish()
{
    Q_EMIT statusChanged(m_status);
}

SyncService::SyncService(const QString &databasePath, const QString &serverUrl, const Clock &clock, int intervalMs,
                         QObject *parent)
    : QObject(parent),
      m_thread(new QThread(this)),
      m_worker(new SyncWorker(databasePath, serverUrl, clock, intervalMs))
{
    qRegisterMetaType<SyncStatus>();
    m_status.configured = !serverUrl.isEmpty();
    m_status.server = PgConnection::redacted(serverUrl);
    m_thread->setObjectName(u"hotline-sync"_s);
    m_worker->moveToThread(m_thread);
    connect(m_thread, &QThread::started, m_worker, &SyncWorker::start);
    connect(m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &SyncWorker::statusChanged, this, [this](const SyncStatus &s) {
        m_status = s;
        Q_EMIT statusChanged(s);
    });
    m_thread->start();
}

SyncService::~SyncService()
{
    QMetaObject::invokeMethod(m_worker, &SyncWorker::stop, Qt::BlockingQueuedConnection);
    m_thread->quit();
    m_thread->wait();
}

void SyncService::attach(EventStore &events)
{
    connect(&events, &EventStore::appended, this, &SyncService::nudge);
    // Queued: the worker emits on its thread; the store and its listeners live on this one.
    connect(m_worker, &SyncWorker::ticketsChanged, &events, &EventStore::announceExternalChanges,
            Qt::QueuedConnection);
}

void SyncService::nudge()
{
    QMetaObject::invokeMethod(m_worker, &SyncWorker::nudge, Qt::QueuedConnection);
}

void SyncService::syncNow()
{
    QMetaObject::invokeMethod(m_worker, &SyncWorker::syncNow, Qt::QueuedConnection);
}

} // namespace hotline
