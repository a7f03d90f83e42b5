#pragma once

#include "notify/Accountability.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QTableWidget;

namespace hotline {

class ConsoleSession;
class TicketDetailDialog;

/**
 * The accountability log (问责, PRODUCT §4) for supervisors and administrators: every ticket that went past its
 * deadline, against its department, with when it went red and when (and how late in working time) it was
 * answered. Filter by department and month of the red instant; export as CSV for Excel; Enter or double-click
 * opens the ticket. Follows ticket changes while shown.
 */
class AccountabilityPage final : public QWidget
{
    Q_OBJECT

public:
    /** Table columns. */
    enum Column {
        NumberColumn,
        DepartmentColumn,
        DeadlineColumn,
        RedColumn,
        AnsweredColumn,
        LateColumn,
        UrgedColumn,
        ColumnCount
    };

    explicit AccountabilityPage(ConsoleSession &session, QWidget *parent = nullptr);

    /** Reads the records again with the current filter. */
    void refresh();
    /** Department code, empty for all. */
    void setDepartmentFilter(const QString &code);
    /** Any day of the month; an invalid date for all months. */
    void setMonthFilter(const QDate &month);
    const QList<AccountabilityRecord> &records() const { return m_records; }
    /** Asks where to save and writes the listed records as CSV (UTF-8 with BOM); false when cancelled or failed. */
    bool exportCsv();
    /** Opens the record's ticket non-modally; null when there is no such row. */
    TicketDetailDialog *openTicket(int row);

Q_SIGNALS:
    /** A ticket's detail was opened from the log. */
    void ticketOpened(const QString &ticketId);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void refreshSoon();
    void fillMonths(const QList<AccountabilityRecord> &all);
    QString format(qint64 ms) const;

    ConsoleSession &m_session;
    QComboBox *m_department = nullptr;
    QComboBox *m_month = nullptr;
    QTableWidget *m_table = nullptr;
    QLabel *m_summary = nullptr;
    QList<AccountabilityRecord> m_records;
    bool m_dirty = false;
    bool m_refreshQueued = false;
    qint64 m_lastMinute = 0;
};

} // namespace hotline
