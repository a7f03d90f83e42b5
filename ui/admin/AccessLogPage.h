#pragma once

#include <QWidget>

class QDateEdit;
class QLabel;
class QLineEdit;
class QTableWidget;

namespace hotline {

class ConsoleSession;

/**
 * The administrator's read-only view of the access log (docs/PRIVACY.md): who saw which caller in full, from
 * which console and when — each "Show number" and each unmasked export. Filters by user, ticket and date
 * (both dates included). Newest first. The core refuses the log to roles without Action::ViewAccessLog.
 */
class AccessLogPage final : public QWidget
{
    Q_OBJECT

public:
    enum Column { AtColumn, UserColumn, RoleColumn, ConsoleColumn, KindColumn, TicketColumn, CountColumn,
                  DetailColumn, ColumnCount };

    explicit AccessLogPage(ConsoleSession &session, QWidget *parent = nullptr);

    /** Reads the log again with the current filters. */
    void refresh();
    /** Sets the filters (an invalid date leaves that end open) and refreshes. */
    void setFilter(const QString &user, const QString &ticket, const QDate &from, const QDate &to);
    QTableWidget *table() const { return m_table; }

protected:
    void showEvent(QShowEvent *event) override;

private:
    ConsoleSession &m_session;
    QLineEdit *m_user = nullptr;
    QLineEdit *m_ticket = nullptr;
    QDateEdit *m_from = nullptr;
    QDateEdit *m_to = nullptr;
    QTableWidget *m_table = nullptr;
    QLabel *m_count = nullptr;
};

} // namespace hotline
