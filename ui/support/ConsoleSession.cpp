#include "support/ConsoleSession.h"

#include "auth/UserStore.h"
#include "notify/NotifyService.h"
#include "service/Workspace.h"
#include "storage/Database.h"
#include "storage/EventStore.h"
#include "storage/Settings.h"
#include "sync/ServerCredentials.h"
#include "util/Clock.h"

namespace hotline {

ConsoleSession::ConsoleSession(Workspace &workspace, const Clock &clock, Actor actor, QObject *parent)
    : QObject(parent), m_workspace(workspace), m_clock(clock), m_actor(std::move(actor))
{
    connect(&m_workspace.events(), &EventStore::ticketsChanged, this, &ConsoleSession::ticketsChanged);
    m_timer.setInterval(1000);
    m_timer.setTimerType(Qt::CoarseTimer);
    connect(&m_timer, &QTimer::timeout, this, &ConsoleSession::pulse);
}

SlaClock ConsoleSession::sla() const
{
    return m_workspace.sla();
}

void ConsoleSession::setTicking(bool on)
{
    if (on)
        m_timer.start();
    else
        m_timer.stop();
}

void ConsoleSession::startSync(const QString &serverUrl)
{
    m_sync.reset();
    const int intervalMs = m_workspace.settings().value(QStringLiteral("sync.interval_seconds")).toInt() * 1000;
    m_sync = std::make_unique<SyncService>(m_workspace.database().path(), serverUrl, m_clock, intervalMs);
    m_sync->attach(m_workspace.events());
    // The lock screen signs people in against the same server (a first sign-in at this console needs it).
    m_workspace.users().setRemoteCredentials(std::make_unique<ServerCredentials>(serverUrl));
    connect(m_sync.get(), &SyncService::statusChanged, this, [this](const SyncStatus &status) {
        // Joining a shared server gives this console its own code for ticket numbers, possibly mid-session.
        m_actor.console = m_workspace.consoleCode();
        m_syncStatus = status;
        Q_EMIT syncStatusChanged(status);
    });
    m_syncStatus = m_sync->status();
    Q_EMIT syncStatusChanged(m_syncStatus);
}

void ConsoleSession::stopSync()
{
    m_sync.reset();
    m_workspace.users().setRemoteCredentials(nullptr);
    m_syncStatus = SyncStatus{};
    Q_EMIT syncStatusChanged(m_syncStatus);
}

void ConsoleSession::syncNow()
{
    if (m_sync)
        m_sync->syncNow();
}

void ConsoleSession::setNotifyService(NotifyService *notify)
{
    if (m_notify)
        disconnect(&m_notify->escalator(), nullptr, this, nullptr);
    m_notify = notify;
    if (m_notify)
        connect(&m_notify->escalator(), &Escalator::accountabilityOpened, this, &ConsoleSession::reportAccountabilityOpened);
}

void ConsoleSession::reportAccountabilityOpened(const QStringList &ticketIds)
{
    if (!ticketIds.isEmpty())
        Q_EMIT accountabilityOpened(ticketIds);
}

void ConsoleSession::pulse()
{
    Q_EMIT tick(m_clock.nowSecs());
}

} // namespace hotline
