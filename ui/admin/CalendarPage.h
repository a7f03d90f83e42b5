#pragma once

#include "service/DeadlineReview.h"

#include <QWidget>

class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace hotline {

class ConsoleSession;

/**
 * The administrator's working calendar (docs/CALENDAR.md): pick a year, see its off days and make-up working
 * days, add, correct or remove them (each change saved at once, in one transaction, through
 * CalendarStore::editDays, which checks the permission table). Below, the open tickets whose deadline the
 * calendar in force would now decide differently (DeadlineReview); an administrator re-decides the selected
 * ones with a reason (a deadline_redecided event each). Nothing changes a ticket's deadline silently.
 */
class CalendarPage final : public QWidget
{
    Q_OBJECT

public:
    enum DayColumn { DateColumn, KindColumn, NoteColumn, DayColumnCount };
    enum ChangeColumn { NumberColumn, DepartmentColumn, OldDeadlineColumn, NewDeadlineColumn, ChangeColumnCount };

    explicit CalendarPage(ConsoleSession &session, QWidget *parent = nullptr);

    int year() const;
    void setYear(int year);
    /** Reads the year's days, the notice status and the tickets to re-decide again. */
    void refresh();
    /** Saves the form's date as an off day or make-up working day (replacing what the date had). */
    bool saveDay();
    /** The selected days go back to the Monday–Friday rule. */
    bool removeSelectedDays();
    /** Re-decides the selected tickets (all listed ones if none is selected) with the reason in the form. */
    bool redecideSelected();

    const QList<DeadlineChange> &changes() const { return m_changes; }

Q_SIGNALS:
    /** The calendar was edited here (the notice banner looks again). */
    void calendarChanged();

private:
    void showMessage(const QString &text, bool isError);
    void showSelectedDay();

    ConsoleSession &m_session;
    QSpinBox *m_year = nullptr;
    QLabel *m_status = nullptr;
    QTableWidget *m_days = nullptr;
    QDateEdit *m_date = nullptr;
    QComboBox *m_kind = nullptr;
    QLineEdit *m_note = nullptr;
    QLabel *m_message = nullptr;
    QLabel *m_changesTitle = nullptr;
    QTableWidget *m_changesTable = nullptr;
    QLineEdit *m_reason = nullptr;
    QPushButton *m_redecide = nullptr;
    QList<DeadlineChange> m_changes;
    bool m_redeciding = false;
};

} // namespace hotline
