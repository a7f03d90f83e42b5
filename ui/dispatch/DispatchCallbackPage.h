#pragma once

#include "dispatch/DispatchCallbackModel.h"
#include "dispatch/DispatchHistoryCache.h"
#include "dispatch/DispatchPage.h"

class QLabel;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

namespace hotline {

/**
 * The callbacks tab: replied tickets waiting for the call to the citizen. The dispatcher records the answer
 * (satisfied / basically satisfied / unsatisfied), which closes the ticket; after an unsatisfied answer the
 * dispatcher may reopen it, which puts it back in the dispatch queue. The list shows callers masked; "Show
 * number" reveals the selected ticket's caller (logged in the access log) so the dispatcher can ring them.
 */
class DispatchCallbackPage final : public DispatchPage
{
    Q_OBJECT

public:
    explicit DispatchCallbackPage(ConsoleSession &session, QWidget *parent = nullptr);

    void refresh() override;
    DispatchCallbackModel *model() const { return m_model; }

public Q_SLOTS:
    /** Asks the caller's answer, records the callback and closes the current ticket (reopen on request). */
    void callBackCurrent();
    /** Shows the selected ticket's caller in full (logged); false with a message when refused. */
    bool revealCurrent();

private:
    DispatchCallbackModel *m_model = nullptr;
    QSortFilterProxyModel *m_proxy = nullptr;
    QTableView *m_table = nullptr;
    QPushButton *m_callback = nullptr;
    QPushButton *m_reveal = nullptr; ///< only for roles that may see callers in full
    QLabel *m_caller = nullptr;      ///< the revealed caller of the selected ticket
    QString m_revealedId;
    DispatchHistoryCache<QString> m_replies;
};

} // namespace hotline
