#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace hotline {

class BoardFilterProxy;
class BoardModel;
class ConsoleSession;
class DeskPanel;
class TicketDetailDialog;

/**
 * The countdown board: everyone's view of open dispatched tickets and the supervisor's home. Counts of
 * red / yellow / green on top, filters by department, town, type and number, the table in urgency order
 * (built for 100,000 rows: fixed row height, no measuring of cell contents), a ticket's detail on
 * double-click or Enter, and for a supervisor the Urge (督办) action. Below it, for dispatchers and supervisors,
 * the dispatch desk (DeskPanel): tickets waiting at the centre, on the centre's own clocks.
 */
class BoardView final : public QWidget
{
    Q_OBJECT

public:
    explicit BoardView(ConsoleSession &session, QWidget *parent = nullptr);

    BoardModel *model() const { return m_model; }
    BoardFilterProxy *proxy() const { return m_proxy; }
    QTableView *table() const { return m_table; }
    /** The dispatch desk's section; null for roles that do not see it (liaisons). */
    DeskPanel *deskPanel() const { return m_desk; }
    /** The ticket of the current row, or an empty string. */
    QString currentTicketId() const;

public Q_SLOTS:
    /** Opens the ticket's detail (non-modal, deleted on close) and returns it. */
    TicketDetailDialog *openTicket(const QString &ticketId);
    /** Urges the current row's ticket (asks for a note). */
    void urgeCurrent();

Q_SIGNALS:
    /** A ticket's detail was opened. */
    void ticketOpened(const QString &ticketId);

private:
    QWidget *makeCount(const QString &objectName, const QString &caption, const QColor &colour, QLabel **number);
    void fillFilters();
    void applyFilters();
    void applySort(int column, Qt::SortOrder order);
    void updateCounts(int red, int yellow, int green);
    void updateShown();
    void updateActions();

    ConsoleSession &m_session;
    BoardModel *m_model = nullptr;
    BoardFilterProxy *m_proxy = nullptr;
    QLabel *m_red = nullptr;
    QLabel *m_yellow = nullptr;
    QLabel *m_green = nullptr;
    QLabel *m_shown = nullptr;
    QComboBox *m_department = nullptr;
    QComboBox *m_town = nullptr;
    QComboBox *m_type = nullptr;
    QLineEdit *m_search = nullptr;
    QTableView *m_table = nullptr;
    QPushButton *m_open = nullptr;
    QPushButton *m_urge = nullptr;
    DeskPanel *m_desk = nullptr;
};

} // namespace hotline
