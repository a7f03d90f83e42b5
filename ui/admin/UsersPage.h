#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QTableWidget;

namespace hotline {

class ConsoleSession;

/** The administrator's list of console users and the form to add one (roles of PRODUCT §1). */
class UsersPage final : public QWidget
{
    Q_OBJECT

public:
    explicit UsersPage(ConsoleSession &session, QWidget *parent = nullptr);

    /** Reads the users again. */
    void refresh();

private:
    void addUser();

    ConsoleSession &m_session;
    QTableWidget *m_table = nullptr;
    QLineEdit *m_name = nullptr;
    QLineEdit *m_displayName = nullptr;
    QComboBox *m_role = nullptr;
    QComboBox *m_department = nullptr;
    QLineEdit *m_password = nullptr;
    QLabel *m_message = nullptr;
};

} // namespace hotline
