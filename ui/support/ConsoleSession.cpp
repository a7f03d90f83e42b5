#include "support/ConsoleSession.h"

#include "service/Workspace.h"
#include "storage/EventStore.h"
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

void ConsoleSession::pulse()
{
    Q_EMIT tick(m_clock.nowSecs());
}

} // namespace hotline
