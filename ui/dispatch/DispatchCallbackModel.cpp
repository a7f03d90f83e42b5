#include "dispatch/DispatchCallbackModel.h"

#include "board/BoardColours.h"
#include "department/DeskText.h"
#include "privacy/CallerPrivacy.h"

#include <QBrush>

using namespace Qt::StringLiterals;

namespace hotline {
namespace {

QString oneLine(QString s)
{
    return s.replace(u'\n', u' ');
}

} // namespace

DispatchCallbackModel::DispatchCallbackModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void DispatchCallbackModel::setRows(QList<Row> rows, const WorkCalendar &calendar)
{
    beginResetModel();
    m_rows = std::move(rows);
    m_calendar = calendar;
    endResetModel();
}

int DispatchCallbackModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int DispatchCallbackModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant DispatchCallbackModel::display(const Row &row, int column) const
{
    const Ticket &t = row.ticket;
    switch (column) {
    case Number:
        return t.number;
    case Department:
        return DeskText::department(row.departmentName, t.department);
    case Replied:
        return t.repliedMs ? DeskText::localMinute(*t.repliedMs / 1000, m_calendar) : QString();
    case OnTime:
        return t.replyOnTime.value_or(false) ? tr("On time") : tr("Late");
    case Reply:
        return oneLine(row.reply);
    case Caller:
        return CallerPrivacy::shownName(t.callerName);
    case Phone:
        return CallerPrivacy::shownPhone(t.callerPhone);
    case Summary:
        return row.parentNumber.isEmpty() ? oneLine(t.summary)
                                          : tr("follows %1 · %2").arg(row.parentNumber, oneLine(t.summary));
    }
    return {};
}

QVariant DispatchCallbackModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    const Ticket &t = row.ticket;
    switch (role) {
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        return display(row, index.column());
    case TicketIdRole:
        return t.id;
    case RawRole:
        switch (index.column()) {
        case Number:
            return t.number;
        case Department:
            return t.department;
        case Replied:
            return t.repliedMs.value_or(0);
        case OnTime:
            return t.replyOnTime.value_or(false) ? 1 : 0;
        case Reply:
            return row.reply;
        case Caller: // sorting sees what the list shows, nothing more
            return CallerPrivacy::maskName(t.callerName);
        case Phone:
            return CallerPrivacy::maskPhone(t.callerPhone);
        case Summary:
            return t.summary;
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == Reply)
            return row.reply;
        if (index.column() == Summary)
            return t.summary;
        return {};
    case Qt::ForegroundRole:
        if (index.column() == OnTime && !t.replyOnTime.value_or(false))
            return QBrush(BoardColours::dot(Colour::Red));
        return {};
    default:
        return {};
    }
}

QVariant DispatchCallbackModel::headerData(int section, Qt::Orientation orientation, int role) const
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
    case Replied:
        return tr("Replied");
    case OnTime:
        return tr("In time");
    case Reply:
        return tr("Department's reply");
    case Caller:
        return tr("Caller");
    case Phone:
        return tr("Phone");
    case Summary:
        return tr("Summary");
    }
    return {};
}

} // namespace hotline
