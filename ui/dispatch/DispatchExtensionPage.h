#pragma once

#include "dispatch/DispatchExtensionModel.h"
#include "dispatch/DispatchHistoryCache.h"
#include "dispatch/DispatchPage.h"

class QPushButton;
class QSortFilterProxyModel;
class QTableView;

namespace hotline {

/**
 * The extension requests tab: approve (the deadline moves by the requested working days, counted from the
 * dispatch) or refuse with a reason; a ticket whose department should not have it can be transferred from here.
 */
class DispatchExtensionPage final : public DispatchPage
{
    Q_OBJECT

public:
    explicit DispatchExtensionPage(ConsoleSession &session, QWidget *parent = nullptr);

    void refresh() override;
    DispatchExtensionModel *model() const { return m_model; }

public Q_SLOTS:
    /** Approves the requests of the selected tickets. */
    void approveSelected();
    /** Asks a reason and refuses the request of the current ticket. */
    void refuseCurrent();
    /** Transfers the current ticket to another department. */
    void transferCurrent();

private:
    void updateActions();

    DispatchExtensionModel *m_model = nullptr;
    QSortFilterProxyModel *m_proxy = nullptr;
    QTableView *m_table = nullptr;
    QPushButton *m_approve = nullptr;
    QPushButton *m_refuse = nullptr;
    QPushButton *m_transfer = nullptr;
    DispatchHistoryCache<DispatchExtensionRequest> m_requests;
};

} // namespace hotline
