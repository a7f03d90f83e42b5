#pragma once

#include <QObject>
#include <QPointer>
#include <QTimer>

#include <memory>

#include <QWidget>

namespace hotline {

class ConsoleSession;
class LockScreen;

/**
 * Locks a console on a shared terminal after security.idle_lock_minutes without keyboard or mouse input
 * (0 = never): the console window is hidden behind a LockScreen until its user types their password or signs
 * out. Idle time is measured with the session's Clock; a timer only triggers check(), which tests call after
 * moving a ManualClock. Not for the wall display, which shows nothing private.
 */
class IdleLock final : public QObject
{
    Q_OBJECT

public:
    static constexpr int kDefaultMinutes = 10;

    IdleLock(ConsoleSession &session, QWidget *window, QObject *parent = nullptr);
    ~IdleLock() override;

    /** Installs the lock on a console window (owned by it); "Sign out" restarts the console at its sign-in. */
    static IdleLock *install(ConsoleSession &session, QWidget *window);

    /** The setting in force (read at each check, so a change applies without a restart). */
    int idleMinutes() const;
    bool isLocked() const { return m_locked; }
    LockScreen *lockScreen() const { return m_screen.get(); }

public Q_SLOTS:
    /** Locks when the idle time has passed. */
    void check();
    void lock();

Q_SIGNALS:
    void lockedChanged(bool locked);
    /** The person at the lock screen chose to sign out: the session must close. */
    void signOutRequested();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void unlock();

    ConsoleSession &m_session;
    QPointer<QWidget> m_window;
    QTimer m_timer;
    qint64 m_lastInputMs = 0;
    bool m_locked = false;
    std::unique_ptr<LockScreen> m_screen;
};

} // namespace hotline
