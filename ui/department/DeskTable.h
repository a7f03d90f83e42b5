#pragma once

#include <QHash>
#include <QStringList>

class QAbstractItemModel;
class QSortFilterProxyModel;
class QTableView;

namespace hotline {

/**
 * The table habits shared by the desk and the dispatch view: rows selected whole, sortable through a proxy on
 * the model's raw-value role, and the selection (by ticket id) kept across a model reset.
 */
class DeskTable final
{
public:
    /** Puts model behind a sorting proxy (sort role rawRole) in view; returns the proxy (owned by view). The
     *  proxy's filter role is idRole, which never changes, so a beat never makes it filter or sort again. */
    static QSortFilterProxyModel *attach(QTableView *view, QAbstractItemModel *model, int rawRole, int idRole);
    /** Sizes each column to its header and a sample of its widest usual content (never by measuring every row,
     *  which a 100,000-row list cannot afford). The text column (a summary, a reason) either gets room for a
     *  sentence, the last column taking what is left, or (stretchText) takes what the others leave — for a list
     *  whose text is also shown beside it and whose last columns (the countdown) must stay in sight. */
    static void fitColumns(QTableView *view, const QHash<int, QString> &samples, int textColumn,
                           bool stretchText = false);
    /** Sample texts for the usual columns: a ticket number, a minute, the longest type and channel names. */
    static QString sampleNumber();
    static QString sampleMinute();
    static QString sampleType();
    static QString sampleChannel();
    /** A long department name with its code. */
    static QString sampleDepartment();

    /** Ticket ids of the selected rows, in the view's order. */
    static QStringList selectedIds(const QTableView *view, int idRole);
    /** Ticket id of the current row, or empty. */
    static QString currentId(const QTableView *view, int idRole);

    /** What was selected before a reset, to select it again afterwards. */
    struct Selection
    {
        QStringList ids;
        QString currentId;
        int currentRow = -1;
    };
    static Selection save(const QTableView *view, int idRole);
    /** Selects the saved ids that are still there; when the current row left (it was dispatched, say), the row
     *  that took its place becomes current and selected, so the operator can go on with the keyboard. */
    static void restore(QTableView *view, const Selection &saved, int idRole);
};

} // namespace hotline
