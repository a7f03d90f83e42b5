#pragma once

#include "dispatch/DispatchPage.h"

class QComboBox;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

namespace hotline {

class DeskTicketModel;

/**
 * The "With departments" tab: tickets dispatched and not yet replied, with their countdown, for one department
 * or all; the dispatcher transfers a misrouted one from here to another department.
 */
class DispatchInProgressPage final : public DispatchPage
{
    Q_OBJECT

public:
    explicit DispatchInProgressPage(ConsoleSession &session, QWidget *parent = nullptr);

    void refresh() override;
    DeskTicketModel *model() const { return m_model; }

public Q_SLOTS:
    /** Asks the new department and the reason, and transfers the current ticket. */
    void transferCurrent();

private:
    DeskTicketModel *m_model = nullptr;
    QSortFilterProxyModel *m_proxy = nullptr;
    QTableView *m_table = nullptr;
    QComboBox *m_department = nullptr;
    QPushButton *m_transfer = nullptr;
};

} // namespace hotline
