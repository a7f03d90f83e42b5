#pragma once

#include "auth/UserStore.h"

#include <QDialog>

#include <optional>

class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace hotline {

class Workspace;

/**
 * Signs a person in. On a database without users it asks for the first administrator instead; on a demo
 * database it lists the demo accounts so that a visitor can pick one. A user whose password an administrator
 * reset must choose a new one here before the console opens; anyone may change their own password here.
 */
class SignInDialog final : public QDialog
{
    Q_OBJECT

public:
    explicit SignInDialog(Workspace &workspace, QWidget *parent = nullptr);

    /** The signed-in user after accept(). */
    std::optional<User> user() const { return m_user; }

    /** Whether the dialog asks for a new password (after a reset, or "Change my password"). */
    bool isChangingPassword() const { return m_changing; }

private:
    void signIn();
    void createAdministrator();
    /** Shows the new-password fields; forced: the administrator reset the password. */
    void askForNewPassword(bool forced);
    void changePassword();

    Workspace &m_workspace;
    bool m_firstRun = false;
    QLineEdit *m_name = nullptr;
    QLineEdit *m_displayName = nullptr;
    QLineEdit *m_password = nullptr;
    QLineEdit *m_confirm = nullptr;
    QLineEdit *m_newPassword = nullptr;
    QLineEdit *m_newConfirm = nullptr;
    QWidget *m_newPasswordBox = nullptr;
    QPushButton *m_changeLink = nullptr;
    QLabel *m_title = nullptr;
    bool m_changing = false;
    QListWidget *m_demoAccounts = nullptr;
    QLabel *m_message = nullptr;
    QPushButton *m_submit = nullptr;
    std::optional<User> m_user;
};

} // namespace hotline
