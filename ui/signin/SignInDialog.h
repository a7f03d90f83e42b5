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
 * database it lists the demo accounts so that a visitor can pick one.
 */
class SignInDialog final : public QDialog
{
    Q_OBJECT

public:
    explicit SignInDialog(Workspace &workspace, QWidget *parent = nullptr);

    /** The signed-in user after accept(). */
    std::optional<User> user() const { return m_user; }

private:
    void signIn();
    void createAdministrator();

    Workspace &m_workspace;
    bool m_firstRun = false;
    QLineEdit *m_name = nullptr;
    QLineEdit *m_displayName = nullptr;
    QLineEdit *m_password = nullptr;
    QLineEdit *m_confirm = nullptr;
    QListWidget *m_demoAccounts = nullptr;
    QLabel *m_message = nullptr;
    QPushButton *m_submit = nullptr;
    std::optional<User> m_user;
};

} // namespace hotline
