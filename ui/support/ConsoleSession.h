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
class NotifyService;
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

    /** The reminders and accountability the console runs (not owned; null in tests and on a wall machine).
     *  Its escalator's new accountability records are forwarded as accountabilityOpened(). */
    void setNotifyService(NotifyService *notify);
    NotifyService *notifyService() const { return m_notify; }

public Q_SLOTS:
    /** Emits tick() with the clock's current second. */
    void pulse();
    /** Tells the screens that accountability records were opened (the console's catch-up before sign-in too). */
    void reportAccountabilityOpened(const QStringList &ticketIds);

Q_SIGNALS:
    /** Tickets whose state changed (this console or, later, a sync). */
    void ticketsChanged(const QStringList &ticketIds);
    /** Once a second: the clock's current instant in UTC seconds. */
    void tick(qint64 nowSecs);
    void syncStatusChanged(const hotline::SyncStatus &status);
    /** Tickets went past their deadline and accountability records were opened: supervisors must hear of it. */
    void accountabilityOpened(const QStringList &ticketIds);

private:
    Workspace &m_workspace;
    const Clock &m_clock;
    Actor m_actor;
    QTimer m_timer;
    std::unique_ptr<SyncService> m_sync;
    SyncStatus m_syncStatus;
    NotifyService *m_notify = nullptr;
};

} // namespace hotline
