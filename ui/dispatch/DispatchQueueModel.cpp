#include "dispatch/DispatchQueueModel.h"

#include "department/DeskText.h"
#include "domain/DisplayNames.h"

#include <QBrush>
#include <QColor>
#include <QFont>

using namespace Qt::StringLiterals;

namespace hotline {
namespace {

const QColor kBackTint(0xff, 0xf3, 0xe0); // pale amber: the row came back from a department or a callback
const QColor kBackText(0xb7, 0x1c, 0x1c); // the reason itself

} // namespace

DispatchQueueModel::DispatchQueueModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void DispatchQueueModel::setRows(QList<Row> rows, const WorkCalendar &calendar)
{
    beginResetModel();
    m_rows = std::move(rows);
    m_calendar = calendar;
    endResetModel();
}

QString DispatchQueueModel::noteText(const Row &row)
{
    switch (row.note.kind) {
    case DispatchQueueNote::Kind::None:
        return {};
    case DispatchQueueNote::Kind::Returned:
        return tr("Returned by %1: %2")
            .arg(DeskText::department(row.backDepartmentName, row.note.department), row.note.reason);
    case DispatchQueueNote::Kind::Reopened:
        return row.note.reason.isEmpty() ? tr("Reopened after the callback")
                                         : tr("Reopened after the callback: %1").arg(row.note.reason);
    }
    return {};
}

int DispatchQueueModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int DispatchQueueModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant DispatchQueueModel::display(const Row &row, int column) const
{
    const Ticket &t = row.ticket;
    switch (column) {
    case Number:
        return t.number;
    case Registered:
        return DeskText::localMinute(t.registeredMs / 1000, m_calendar);
    case Channel:
        return DisplayNames::of(t.channel);
    case Type:
        return DisplayNames::of(t.type);
    case Town:
        return t.town;
    case Category:
        return t.category;
    case Summary: {
        QString s = t.summary;
        return s.replace(u'\n', u' ');
    }
    case Suggested:
        return row.suggestedCode.isEmpty() ? QString() : DeskText::department(row.suggestedName, row.suggestedCode);
    case BackReason:
        return noteText(row);
    }
    return {};
}

QVariant DispatchQueueModel::raw(const Row &row, int column) const
{
    const Ticket &t = row.ticket;
    switch (column) {
    case Number:
        return t.number;
    case Registered:
        return t.registeredMs;
    case Channel:
        return int(t.channel);
    case Type:
        return int(t.type);
    case Town:
        return t.town;
    case Category:
        return t.category;
    case Summary:
        return t.summary;
    case Suggested:
        return row.suggestedCode;
    case BackReason:
        return int(row.note.kind);
    }
    return {};
}

QVariant DispatchQueueModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    const bool back = row.note.kind != DispatchQueueNote::Kind::None;
    switch (role) {
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        return display(row, index.column());
    case RawRole:
        return raw(row, index.column());
    case TicketIdRole:
        return row.ticket.id;
    case SuggestedCodeRole:
        return row.suggestedCode;
    case Qt::ToolTipRole:
        if (index.column() == Summary)
            return row.ticket.summary;
        if (back && (index.column() == BackReason || index.column() == Number))
            return noteText(row);
        if (index.column() == Suggested && row.suggestedCode.isEmpty())
            return tr("No department is configured for this category: choose one.");
        return {};
    case Qt::BackgroundRole:
        return back ? QVariant(QBrush(kBackTint)) : QVariant();
    case Qt::ForegroundRole:
        return back && index.column() == BackReason ? QVariant(QBrush(kBackText)) : QVariant();
    case Qt::FontRole:
        if (back && index.column() == BackReason) {
            QFont f;
            f.setBold(true);
            return f;
        }
        return {};
    default:
        return {};
    }
}

QVariant DispatchQueueModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Number:
        return tr("Number");
    case Registered:
        return tr("Registered");
    case Channel:
        return tr("Channel");
    case Type:
        return tr("Type");
    case Town:
        return tr("Town");
    case Category:
        return tr("Category");
    case Summary:
        return tr("Summary");
    case Suggested:
        return tr("Suggested department");
    case BackReason:
        return tr("Came back because");
    }
    return {};
}

} // namespace hotline
