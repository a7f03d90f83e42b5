#pragma once

#include <QWidget>

class QAction;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;

namespace hotline {

class ConsoleSession;
struct User;

/**
 * The administrator's list of console users, the form to add one (roles of PRODUCT §1), and what can be done
 * to the selected user: disable or enable, unlock, reset the password, change the role. Every action is
 * checked again in the core (UserStore), whatever this page offers.
 */
class UsersPage final : public QWidget
{
    Q_OBJECT

public:
    explicit UsersPage(ConsoleSession &session, QWidget *parent = nullptr);

    /** Reads the users again, keeping the selection. */
    void refresh();
    /** Selects a user's row (false when there is none). */
    bool select(const QString &name);

private:
    void addUser();
    void toggleDisabled();
    void unlock();
    void resetPassword();
    void changeRole();
    void updateActions();
    QString selectedName() const;
    QString statusText(const User &user) const;
    void report(bool ok, const QString &text);
    static void fillRoles(QComboBox *combo);
    void fillDepartments(QComboBox *combo) const;

    ConsoleSession &m_session;
    QTableWidget *m_table = nullptr;
    QLineEdit *m_name = nullptr;
    QLineEdit *m_displayName = nullptr;
    QComboBox *m_role = nullptr;
    QComboBox *m_department = nullptr;
    QLineEdit *m_password = nullptr;
    QLabel *m_message = nullptr;

    QLabel *m_selected = nullptr;
    QPushButton *m_toggleDisabled = nullptr;
    QPushButton *m_unlock = nullptr;
    QLineEdit *m_resetField = nullptr;
    QPushButton *m_reset = nullptr;
    QComboBox *m_changeRole = nullptr;
    QComboBox *m_changeDepartment = nullptr;
    QPushButton *m_applyRole = nullptr;
    QAction *m_toggleAction = nullptr;
    QAction *m_unlockAction = nullptr;
    QAction *m_resetAction = nullptr;
    QAction *m_roleAction = nullptr;
};

} // namespace hotline
