#pragma once

#include "service/TicketQueries.h"

#include <QComboBox>

namespace hotline {

/**
 * An editable department combo for the keyboard: completion over name and code alike, so typing "cg" or
 * "城管" finds "城管局 (CG)". currentCode() only answers for a department that was really chosen — an item,
 * or a typed name or code matching one exactly — never a guess.
 */
class DepartmentChooser final : public QComboBox
{
    Q_OBJECT

public:
    explicit DepartmentChooser(QWidget *parent = nullptr);

    /** Sets the departments offered; keeps the choice when it is still offered. */
    void setDepartments(const QList<Department> &departments);
    /** The chosen department's code, or empty when the text names none. */
    QString currentCode() const;
    /** Chooses the department with this code; an empty or unknown code clears the choice. */
    void setCurrentCode(const QString &code);

private:
    QList<Department> m_departments;
};

} // namespace hotline
