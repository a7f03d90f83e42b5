#pragma once

#include "dispatch/DispatchBatch.h"
#include "dispatch/DispatchHistoryCache.h"
#include "dispatch/DispatchPage.h"
#include "dispatch/DispatchQueueModel.h"

#include <optional>

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

namespace hotline {

class DepartmentChooser;

/**
 * The dispatch queue tab: registered tickets waiting for dispatch, oldest first, with the suggested
 * department and (highlighted) why a ticket came back. Dispatch the selected tickets to the chosen department
 * (button or Enter in the table), or each to its own suggested department — select all (Ctrl+A) and one click
 * for a micro-interview batch of 1,800. Filters by channel and category narrow the queue (select all then
 * selects only what is shown), and every column sorts. A batch runs in slices with a progress bar and a cancel button, the
 * queue is read again once at the end, and the summary "N dispatched, M failed: reasons" names every failure.
 */
class DispatchQueuePage final : public DispatchPage
{
    Q_OBJECT

public:
    explicit DispatchQueuePage(ConsoleSession &session, QWidget *parent = nullptr);
    ~DispatchQueuePage() override;

    void refresh() override;
    bool isBusy() const override;
    DispatchQueueModel *model() const { return m_model; }
    /** Shows only one channel's tickets (nullopt: every channel), e.g. a micro-interview's batch. */
    void setChannelFilter(std::optional<Channel> channel);
    /** Shows only one category's tickets (a null string: every category; an empty one: those without). */
    void setCategoryFilter(const QString &category);

public Q_SLOTS:
    /** Dispatches the selected tickets (or the current one) to the chosen department. */
    void dispatchChosen();
    /** Dispatches each selected ticket to its own suggested department. */
    void dispatchSuggested();
    /** Stops a running batch after the current ticket. */
    void cancelBatch();
    /** "Merge into…": asks for the parent (number or suggestion) of the current ticket, then mergeCurrentInto. */
    void mergeInto();
    /** Makes the current ticket follow the ticket with this number; false when refused (the result line says why). */
    bool mergeCurrentInto(const QString &parentNumber, const QString &reason);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void startBatch(QList<DispatchBatch::Job> jobs);
    void onBatchFinished();
    void prefillChooser();
    /** Puts the rows that pass the channel and category filters into the model, keeping the selection. */
    void applyFilter();
    void fillFilterChoices();
    void showResult(const QString &text, bool error);
    QList<int> selectedSourceRows() const;

    DispatchQueueModel *m_model = nullptr;
    QSortFilterProxyModel *m_proxy = nullptr;
    QList<DispatchQueueModel::Row> m_allRows; ///< the whole queue; the model holds the filtered part
    int m_back = 0;                           ///< of m_allRows, those that came back
    QComboBox *m_channelFilter = nullptr;
    QComboBox *m_categoryFilter = nullptr;
    QTableView *m_table = nullptr;
    DepartmentChooser *m_chooser = nullptr;
    QPushButton *m_dispatch = nullptr;
    QPushButton *m_suggested = nullptr;
    QPushButton *m_cancel = nullptr;
    QPushButton *m_mergeInto = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_count = nullptr;
    QLabel *m_result = nullptr;
    QPlainTextEdit *m_failures = nullptr;
    DispatchBatch *m_batch = nullptr;
    DispatchHistoryCache<DispatchQueueNote> m_notes;
};

} // namespace hotline
