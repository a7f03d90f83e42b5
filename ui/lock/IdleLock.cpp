#include "lock/IdleLock.h"

#include "lock/LockScreen.h"
#include "service/Workspace.h"
#include "storage/Settings.h"
#include "support/ConsoleSession.h"
#include "util/Clock.h"

#include <QApplication>
#include <QEvent>
#include <QProcess>
#include <QWidget>

using namespace Qt::StringLiterals;

namespace hotline {

IdleLock::IdleLock(ConsoleSession &session, QWidget *window, QObject *parent)
    : QObject(parent), m_session(session), m_window(window), m_lastInputMs(session.clock().nowMs())
{
    setObjectName(u"idleLock"_s);
    qApp->installEventFilter(this);
    // The timer only asks; whether the time has passed is decided by the clock.
    m_timer.setInterval(5000);
    connect(&m_timer, &QTimer::timeout, this, &IdleLock::check);
    m_timer.start();
}

IdleLock::~IdleLock() = default;

IdleLock *IdleLock::install(ConsoleSession &session, QWidget *window)
{
    auto *idle = new IdleLock(session, window, window);
    connect(idle, &IdleLock::signOutRequested, qApp, [] {
        // Signing out ends this process; a fresh one (same database, same options) asks who signs in next.
        QProcess::startDetached(QCoreApplication::applicationFilePath(), QCoreApplication::arguments().mid(1));
        QCoreApplication::quit();
    });
    return idle;
}

int IdleLock::idleMinutes() const
{
    bool ok = false;
    const int minutes = m_session.workspace().settings().value(u"security.idle_lock_minutes"_s).trimmed().toInt(&ok);
    // A malformed value keeps the protection on rather than switching it off.
    return ok && minutes >= 0 && minutes <= 24 * 60 ? minutes : kDefaultMinutes;
}

void IdleLock::check()
{
    const int minutes = idleMinutes();
    if (m_locked || minutes == 0)
        return;
    if (m_session.clock().nowMs() - m_lastInputMs >= qint64(minutes) * 60000)
        lock();
}

void IdleLock::lock()
{
    if (m_locked)
        return;
    m_locked = true;
    if (!m_screen) {
        m_screen = std::make_unique<LockScreen>(m_session);
        connect(m_screen.get(), &LockScreen::unlocked, this, &IdleLock::unlock);
        connect(m_screen.get(), &LockScreen::signOutRequested, this, &IdleLock::signOutRequested);
    }
    if (m_window)
        m_window->hide(); // hidden, not closed: everything typed so far is still there after unlocking
    m_screen->present();
    emit lockedChanged(true);
}

void IdleLock::unlock()
{
    if (!m_locked)
        return;
    m_locked = false;
    m_lastInputMs = m_session.clock().nowMs();
    m_screen->dismiss();
    if (m_window) {
        m_window->show();
        m_window->activateWindow();
    }
    emit lockedChanged(false);
}

bool IdleLock::eventFilter(QObject *watched, QEvent *event)
{
    switch (event->type()) {
    case QEvent::KeyPress:
    case QEvent::MouseButtonPress:
    case QEvent::MouseMove:
    case QEvent::Wheel:
    case QEvent::TouchBegin:
        if (!m_locked)
            m_lastInputMs = m_session.clock().nowMs();
        break;
    default:
        break;
    }
    return QObject::eventFilter(watched, event);
}

} // namespace hotline
