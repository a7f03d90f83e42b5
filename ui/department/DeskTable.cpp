#include "department/DeskTable.h"

#include "domain/DisplayNames.h"

#include <QHeaderView>
#include <QItemSelection>
#include <QSet>
#include <QSortFilterProxyModel>
#include <QTableView>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace hotline {

QSortFilterProxyModel *DeskTable::attach(QTableView *view, QAbstractItemModel *model, int rawRole, int idRole)
{
    auto *proxy = new QSortFilterProxyModel(view);
    proxy->setSourceModel(model);
    proxy->setSortRole(rawRole);
    proxy->setFilterRole(idRole);
    proxy->setSortCaseSensitivity(Qt::CaseInsensitive);
    view->setModel(proxy);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setAlternatingRowColors(true);
    view->setWordWrap(false);
    view->setTabKeyNavigation(false); // Tab leaves the table for the buttons
    view->verticalHeader()->hide();
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 10);
    view->horizontalHeader()->setStretchLastSection(true);
    view->horizontalHeader()->setHighlightSections(false);
    view->setSortingEnabled(true);
    return proxy;
}

void DeskTable::fitColumns(QTableView *view, const QHash<int, QString> &samples, int textColumn, bool stretchText)
{
    QHeaderView *header = view->horizontalHeader();
    const QFontMetrics cellMetrics = view->fontMetrics();
    const QFontMetrics headerMetrics = header->fontMetrics();
    QAbstractItemModel *model = view->model();
    header->setStretchLastSection(!stretchText);
    for (int c = 0; c < model->columnCount(); ++c) {
        header->setSectionResizeMode(c, QHeaderView::Interactive);
        if (c == textColumn && stretchText) {
            header->setSectionResizeMode(c, QHeaderView::Stretch);
            continue;
        }
        if (c == textColumn) {
            header->resizeSection(c, cellMetrics.horizontalAdvance(u"路灯不亮，晚上很黑，影响出行安全，请尽快"_s));
            continue;
        }
        const QString title = model->headerData(c, Qt::Horizontal).toString();
        int width = headerMetrics.horizontalAdvance(title) + 28; // room for the sort arrow
        const auto sample = samples.constFind(c);
        if (sample != samples.cend()) {
            QFont bold = view->font(); // unsigned tickets are shown in bold
            bold.setBold(true);
            width = std::max(width, QFontMetrics(bold).horizontalAdvance(*sample) + 16);
        }
        header->resizeSection(c, std::max(width, cellMetrics.height() + 8));
    }
}

QString DeskTable::sampleNumber()
{
    return u"250303-01-00000"_s;
}

QString DeskTable::sampleMinute()
{
    return u"2025-03-03 09:00"_s;
}

QString DeskTable::sampleType()
{
    QString longest;
    for (TicketType t :
         {TicketType::Consult, TicketType::Complaint, TicketType::Help, TicketType::Suggestion, TicketType::Report}) {
        if (DisplayNames::of(t).size() > longest.size())
            longest = DisplayNames::of(t);
    }
    return longest;
}

QString DeskTable::sampleChannel()
{
    QString longest;
    for (Channel c : {Channel::Phone, Channel::Weibo, Channel::WeChat, Channel::Web, Channel::Petition,
                      Channel::Interview, Channel::WalkIn}) {
        if (DisplayNames::of(c).size() > longest.size())
            longest = DisplayNames::of(c);
    }
    return longest;
}

QString DeskTable::sampleDepartment()
{
    return u"城市管理和综合执法局 (CG)"_s;
}

QStringList DeskTable::selectedIds(const QTableView *view, int idRole)
{
    QStringList out;
    if (!view->selectionModel())
        return out;
    QModelIndexList rows = view->selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end(), [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
    out.reserve(rows.size());
    for (const QModelIndex &i : std::as_const(rows))
        out << i.data(idRole).toString();
    return out;
}

QString DeskTable::currentId(const QTableView *view, int idRole)
{
    const QModelIndex i = view->currentIndex();
    return i.isValid() ? i.siblingAtColumn(0).data(idRole).toString() : QString();
}

DeskTable::Selection DeskTable::save(const QTableView *view, int idRole)
{
    Selection s;
    s.ids = selectedIds(view, idRole);
    s.currentId = currentId(view, idRole);
    s.currentRow = view->currentIndex().isValid() ? view->currentIndex().row() : -1;
    return s;
}

void DeskTable::restore(QTableView *view, const Selection &saved, int idRole)
{
    QAbstractItemModel *model = view->model();
    QItemSelectionModel *sel = view->selectionModel();
    const int rows = model->rowCount();
    if (!sel || rows == 0 || (saved.ids.isEmpty() && saved.currentId.isEmpty()))
        return;
    const QSet<QString> wanted(saved.ids.cbegin(), saved.ids.cend());
    const int lastColumn = model->columnCount() - 1;
    QItemSelection selection;
    int currentRow = -1;
    int runStart = -1;
    for (int r = 0; r <= rows; ++r) {
        const bool in = r < rows && wanted.contains(model->index(r, 0).data(idRole).toString());
        if (r < rows && currentRow < 0 && !saved.currentId.isEmpty()
            && model->index(r, 0).data(idRole).toString() == saved.currentId)
            currentRow = r;
        if (in && runStart < 0)
            runStart = r;
        if (!in && runStart >= 0) { // one range per run of selected rows, not one per row
            selection.select(model->index(runStart, 0), model->index(r - 1, lastColumn));
            runStart = -1;
        }
    }
    if (currentRow < 0 && saved.currentRow >= 0) {
        currentRow = std::min(saved.currentRow, rows - 1);
        if (selection.isEmpty())
            selection.select(model->index(currentRow, 0), model->index(currentRow, lastColumn));
    }
    if (currentRow >= 0)
        sel->setCurrentIndex(model->index(currentRow, 0), QItemSelectionModel::NoUpdate);
    sel->select(selection, QItemSelectionModel::ClearAndSelect);
}

} // namespace hotline
