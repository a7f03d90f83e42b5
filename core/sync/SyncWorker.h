#pragma once

#include <QMetaType>
#include <QObject>
#include <QString>
#include <QStringList>

#include <memory>

class QSocketNotifier;
class QThread;
class QTimer;

namespace hotline {

class Clock;
class Database;
class EventStore;
class SyncEngine;

/** What the status bar shows about sync. */
struct SyncStatus
{
    bool configured = false; ///< a server is set (otherwise: standalone)
    bool online = false;
    qint64 lastSyncMs = 0;   ///< end of the last successful pass, 0 = never
    qint64 pending = 0;      ///< local events not yet on the server
    qint64 conflicts = 0;    ///< actions no longer valid in server order, not yet seen by a dispatcher
    qint64 numberClashes = 0; ///< of the conflicts: ticket numbers that name more than one ticket (issue 16)
    QString server;          ///< address without password
    QString error;           ///< why offline
    qint64 referenceConflicts = 0; ///< reference data edited on two consoles at once, not yet seen here (administrators)
    QStringList refused;     ///< reference values from the server refused in this session (the last 20, "key: reason")
};

/**
 * Runs sync on its own thread with its own SQLite and PostgreSQL connections: a pass every interval, at once
 * on a NOTIFY from the server or a local change, and reconnects with back-off (interval × 2ⁿ, at most a
 * minute) when the server is gone. The periodic pass doubles as the probe: libpq does not signal a dead
 * connection, a failing query does.
 */
class SyncWorker final : public QObject
{
    Q_OBJECT

public:
    SyncWorker(QString databasePath, QString serverUrl, const Clock &clock, int intervalMs);
    ~SyncWorker() override;

    static constexpr int kMaxBackoffMs = 60000;

public Q_SLOTS:
    void start();
    /** Something changed locally: sync soon (while offline only the pending count is refreshed; the back-off
     *  timer decides when to try the server again, so a busy call-taker does not hammer a dead server). */
    void nudge();
    /** Try now, even while backing off (the operator asked, or the server is known to be back). */
    void syncNow();
    void stop();

Q_SIGNALS:
    void statusChanged(const hotline::SyncStatus &status);
    /** Tickets changed by pulled events, after the commit. */
    void ticketsChanged(const QStringList &ticketIds);
    /** Shared reference data (departments, users, settings...) was replaced from the server. */
    void referenceChanged(const QStringList &tables);
    void stopped();

private:
    void tick();
    void pass();
    void goOffline(const QString &why);
    void watchSocket();
    void publish();

    QString m_path;
    QString m_url;
    const Clock &m_clock;
    int m_intervalMs;
    int m_failures = 0;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<SyncEngine> m_engine;
    QTimer *m_timer = nullptr;
    QTimer *m_soon = nullptr;
    QSocketNotifier *m_notifier = nullptr;
    SyncStatus m_status;
};

/** Owns the sync thread for a console or a headless replica. */
class SyncService final : public QObject
{
    Q_OBJECT

public:
    SyncService(const QString &databasePath, const QString &serverUrl, const Clock &clock, int intervalMs,
                QObject *parent = nullptr);
    ~SyncService() override;

    SyncWorker *worker() const { return m_worker; }
    SyncStatus status() const { return m_status; }
    void nudge();
    void syncNow();
    /**
     * Wires a console's event store: every local append nudges a push, and tickets changed by pulled events
     * are announced through the store (so the screens and the escalator see them like local changes).
     */
    void attach(EventStore &events);

Q_SIGNALS:
    void statusChanged(const hotline::SyncStatus &status);

private:
    QThread *m_thread = nullptr;
    SyncWorker *m_worker = nullptr;
    SyncStatus m_status;
};

} // namespace hotline

Q_DECLARE_METATYPE(hotline::SyncStatus)
