#pragma once

#include "auth/Actor.h"
#include "sla/SlaClock.h"
#include "sync/SyncWorker.h"

#include <QObject>
#include <QStringList>
#include <QTimer>

#include <memory>

namespace hotline {

class Clock;
class Workspace;

/**
 * Everything a screen needs: the workspace (services and queries), the signed-in actor and the clock. It
 * forwards ticket changes and beats once a second (tick), so screens never run timers of their own; tests
 * drive the beat with pulse() after moving a ManualClock.
 */
class ConsoleSession final : public QObject
{
    Q_OBJECT

public:
    ConsoleSession(Workspace &workspace, const Clock &clock, Actor actor, QObject *parent = nullptr);

    Workspace &workspace() const { return m_workspace; }
    const Clock &clock() const { return m_clock; }
    const Actor &actor() const { return m_actor; }
    /** The SLA arithmetic in force (cached by the workspace). */
    SlaClock sla() const;
    /** Starts or stops the 1 Hz beat (tests keep it stopped and call pulse()). */
    void setTicking(bool on);

    /** Starts syncing with a shared server on a thread of its own (replaces a running sync). */
    void startSync(const QString &serverUrl);
    /** Back to standalone: the sync thread stops (what is pending stays queued in the local database). */
    void stopSync();
    bool isSyncing() const { return m_sync != nullptr; }
    SyncStatus syncStatus() const { return m_syncStatus; }
    /** A pass soon (after a reconnect, or when a screen wants fresh data). */
    void syncNow();

public Q_SLOTS:
    /** Emits tick() with the clock's current second. */
    void pulse();

Q_SIGNALS:
    /** Tickets whose state changed (this console or, later, a sync). */
    void ticketsChanged(const QStringList &ticketIds);
    /** Once a second: the clock's current instant in UTC seconds. */
    void tick(qint64 nowSecs);
    void syncStatusChanged(const hotline::SyncStatus &status);

private:
    Workspace &m_workspace;
    const Clock &m_clock;
    Actor m_actor;
    QTimer m_timer;
    std::unique_ptr<SyncService> m_sync;
    SyncStatus m_syncStatus;
};

} // namespace hotline
