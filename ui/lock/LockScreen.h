#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;

namespace hotline {

class ConsoleSession;

/**
 * What an idle console shows instead of its content: who is signed in, a password field that unlocks with
 * that user's password (each wrong try counts toward the lockout), and "Sign out". It cannot be closed.
 */
class LockScreen final : public QWidget
{
    Q_OBJECT

public:
    explicit LockScreen(ConsoleSession &session, QWidget *parent = nullptr);

    /** Shows it over everything, with an empty password field that has the keyboard. */
    void present();
    /** Lets it hide again (only after unlocking or signing out). */
    void dismiss();

Q_SIGNALS:
    void unlocked();
    void signOutRequested();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void tryUnlock();

    ConsoleSession &m_session;
    QLineEdit *m_password = nullptr;
    QLabel *m_message = nullptr;
    bool m_dismissing = false;
};

} // namespace hotline
