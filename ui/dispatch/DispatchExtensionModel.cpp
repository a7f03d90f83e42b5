#include "dispatch/DispatchExtensionModel.h"

#include "department/DeskText.h"

using namespace Qt::StringLiterals;

namespace hotline {

DispatchExtensionModel::DispatchExtensionModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void DispatchExtensionModel::setRows(QList<Row> rows, const WorkCalendar &calendar)
{
    beginResetModel();
    m_rows = std::move(rows);
    m_calendar = calendar;
    endResetModel();
}

int DispatchExtensionModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int DispatchExtensionModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant DispatchExtensionModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    const Ticket &t = row.ticket;
    const DispatchExtensionRequest &r = row.request;
    if (role == TicketIdRole)
        return t.id;
    if (role == RawRole) {
        switch (index.column()) {
        case Number:
            return t.number;
        case Department:
            return t.department;
        case Days:
            return r.days;
        case Reason:
            return r.reason;
        case Requested:
            return r.atMs;
        case Deadline:
            return t.deadlineS.value_or(0);
        case Summary:
            return t.summary;
        }
        return {};
    }
    if (role == Qt::ToolTipRole && (index.column() == Reason || index.column() == Summary))
        return index.column() == Reason ? r.reason : t.summary;
    if (role == Qt::TextAlignmentRole && index.column() == Days)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole && role != Qt::AccessibleTextRole)
        return {};
    switch (index.column()) {
    case Number:
        return t.number;
    case Department:
        return DeskText::department(row.departmentName, t.department);
    case Days:
        return r.days > 0 ? tr("%n working day(s)", nullptr, r.days) : QString();
    case Reason: {
        QString s = r.reason;
        return s.replace(u'\n', u' ');
    }
    case Requested:
        return r.atMs > 0 ? DeskText::localMinute(r.atMs / 1000, m_calendar) : QString();
    case Deadline:
        return t.deadlineS ? DeskText::localMinute(*t.deadlineS, m_calendar) : QString();
    case Summary: {
        QString s = t.summary;
        return s.replace(u'\n', u' ');
    }
    }
    return {};
}

QVariant DispatchExtensionModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Number:
        return tr("Number");
    case Department:
        return tr("Department");
    case Days:
        return tr("Days requested");
    case Reason:
        return tr("Reason");
    case Requested:
        return tr("Requested");
    case Deadline:
        return tr("Current deadline");
    case Summary:
        return tr("Summary");
    }
    return {};
}

} // namespace hotline
