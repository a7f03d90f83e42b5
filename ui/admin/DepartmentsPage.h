#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QTableWidget;

namespace hotline {

class ConsoleSession;

/**
 * The administrator's departments: code, name, duty phones (reminder SMS) and the head's phone (urging SMS),
 * edited through DepartmentContacts with every number checked as PhoneNumber does, and imported from the same
 * CSV as `hotlinectl departments import` (all rows or none).
 */
class DepartmentsPage final : public QWidget
{
    Q_OBJECT

public:
    /** Table columns. */
    enum Column { CodeColumn, NameColumn, DutyColumn, HeadColumn, ColumnCount };

    explicit DepartmentsPage(ConsoleSession &session, QWidget *parent = nullptr);

    /** Reads the departments again. */
    void refresh();
    /** Saves the form (a new code adds a department); false with the reason shown next to the form. */
    bool saveDepartment();
    /** Asks for a CSV file (name,code,duty_phones,head_phone) and imports it. */
    void importCsv();
    /** Clears the form for a new department. */
    void newDepartment();

private:
    void showSelected();
    bool checkPhones();
    void showMessage(const QString &text, bool isError);

    ConsoleSession &m_session;
    QTableWidget *m_table = nullptr;
    QLineEdit *m_code = nullptr;
    QLineEdit *m_name = nullptr;
    QLineEdit *m_duty = nullptr;
    QLineEdit *m_head = nullptr;
    QLabel *m_dutyError = nullptr;
    QLabel *m_headError = nullptr;
    QLabel *m_message = nullptr;
};

} // namespace hotline
