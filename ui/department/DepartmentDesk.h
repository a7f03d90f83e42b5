#pragma once

#include <QWidget>

#include <optional>

class QLabel;
class QPushButton;
class QSortFilterProxyModel;
class QStackedWidget;
class QTableView;

namespace hotline {

class ConsoleSession;
class DeskTicketDetail;
class DeskTicketModel;
struct Ticket;

/**
 * The department liaison's desk (PRODUCT §1): the open tickets of the signed-in liaison's own department with
 * their countdown, and what the department does with them — sign for, reply (which stops the countdown),
 * ask for an extension, return a misrouted ticket to the dispatch queue with a reason. Follows
 * session.ticketsChanged and moves the countdown on session.tick. Whatever core refuses is shown in
 * "deskMessage". An actor who is not a liaison bound to a department sees an explanation instead.
 */
class DepartmentDesk final : public QWidget
{
    Q_OBJECT

public:
    explicit DepartmentDesk(ConsoleSession &session, QWidget *parent = nullptr);

    /** Whether the signed-in actor has a desk: a liaison bound to a department. */
    bool hasDesk() const;
    DeskTicketModel *model() const { return m_model; }

public Q_SLOTS:
    /** Reads the department's open tickets again, keeping the selection. */
    void refresh();
    /** Signs for every selected ticket that waits for it. */
    void signSelected();
    /** Asks the reply text and replies to the current ticket. */
    void replyCurrent();
    /** Asks the days and the reason and requests an extension for the current ticket. */
    void requestExtension();
    /** Asks the reason and returns the current ticket to the dispatch queue. */
    void returnCurrent();

private:
    QWidget *buildDesk();
    std::optional<Ticket> currentTicket() const;
    void showMessage(const QString &text, bool error);
    /** Shows what core refused, after reading the desk again. */
    void refused(const QString &error);
    void updateDetail();
    void updateActions();
    void updateCount();

    ConsoleSession &m_session;
    QStackedWidget *m_stack = nullptr;
    DeskTicketModel *m_model = nullptr;
    QSortFilterProxyModel *m_proxy = nullptr;
    QTableView *m_table = nullptr;
    DeskTicketDetail *m_detail = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_count = nullptr;
    QLabel *m_message = nullptr;
    QPushButton *m_sign = nullptr;
    QPushButton *m_reply = nullptr;
    QPushButton *m_extension = nullptr;
    QPushButton *m_return = nullptr;
    QPushButton *m_files = nullptr; ///< the ticket's detail with its photos: before/after photos (issue 15)
};

} // namespace hotline
