#include "department/DeskTicketModel.h"

#include "board/BoardColours.h"
#include "department/DeskTable.h"
#include "department/DeskText.h"
#include "domain/DisplayNames.h"

#include <QBrush>
#include <QFont>

#include <limits>

using namespace Qt::StringLiterals;

namespace hotline {
namespace {

QString oneLine(const QString &text)
{
    QString s = text;
    s.replace(u'\n', u' ');
    return s;
}

} // namespace

DeskTicketModel::DeskTicketModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void DeskTicketModel::setTickets(QList<Ticket> tickets, QHash<QString, QString> departmentNames, const SlaClock &sla,
                                 qint64 nowS)
{
    beginResetModel();
    m_tickets = std::move(tickets);
    m_departmentNames = std::move(departmentNames);
    m_sla = sla;
    m_now = nowS;
    endResetModel();
}

void DeskTicketModel::setNow(qint64 nowS)
{
    if (nowS == m_now)
        return;
    m_now = nowS;
    if (m_tickets.isEmpty())
        return;
    const int last = int(m_tickets.size()) - 1;
    Q_EMIT dataChanged(index(0, Dot), index(last, Dot), {Qt::DecorationRole, Qt::ToolTipRole, Qt::AccessibleTextRole});
    Q_EMIT dataChanged(index(0, Remaining), index(last, Remaining),
                       {Qt::DisplayRole, Qt::ForegroundRole, Qt::ToolTipRole});
}

int DeskTicketModel::rowOfTicket(const QString &ticketId) const
{
    for (int r = 0; r < m_tickets.size(); ++r) {
        if (m_tickets.at(r).id == ticketId)
            return r;
    }
    return -1;
}

QHash<int, QString> DeskTicketModel::columnSamples()
{
    Ticket waiting;
    waiting.extensionPending = true;
    return {
        {Number, DeskTable::sampleNumber()},
        {Department, DeskTable::sampleDepartment()},
        {Received, DeskTable::sampleMinute()},
        {Type, DeskTable::sampleType()},
        {State, stateText(waiting)},
        {Deadline, DeskTable::sampleMinute()},
        {Remaining, DeskText::countdown(-10LL * 3600)},
    };
}

QString DeskTicketModel::stateText(const Ticket &t)
{
    if (t.extensionPending)
        return tr("Extension requested");
    switch (t.state) {
    case TicketState::Dispatched:
        return tr("Waiting to sign");
    case TicketState::Signed:
        return tr("Signed");
    case TicketState::Replied:
        return tr("Replied");
    case TicketState::Registered:
    case TicketState::Closed:
        break;
    }
    return DisplayNames::of(t.state);
}

int DeskTicketModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_tickets.size());
}

int DeskTicketModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString DeskTicketModel::remainingText(const Ticket &t) const
{
    if (t.isCounting() && t.deadlineS)
        return DeskText::countdown(m_sla.remaining(m_now, *t.deadlineS));
    if (t.repliedMs)
        return t.replyOnTime.value_or(false) ? tr("Replied on time") : tr("Replied late");
    return {};
}

QVariant DeskTicketModel::display(const Ticket &t, int column) const
{
    const WorkCalendar &calendar = m_sla.calendar();
    switch (column) {
    case Dot:
        return {};
    case Number:
        return t.number;
    case Department:
        return DeskText::department(m_departmentNames.value(t.department), t.department);
    case Received:
        return t.dispatchedMs ? DeskText::localMinute(*t.dispatchedMs / 1000, calendar) : QString();
    case Type:
        return DisplayNames::of(t.type);
    case Summary:
        return oneLine(t.summary);
    case State:
        return stateText(t);
    case Deadline:
        return t.deadlineS ? DeskText::localMinute(*t.deadlineS, calendar) : QString();
    case Remaining:
        return remainingText(t);
    }
    return {};
}

QVariant DeskTicketModel::raw(const Ticket &t, int column) const
{
    constexpr qint64 kNever = std::numeric_limits<qint64>::max();
    switch (column) {
    case Dot:
    case Remaining:
        // At one instant remaining working time is monotonic in the deadline; stopped clocks sort last.
        return t.isCounting() ? t.deadlineS.value_or(kNever) : kNever;
    case Number:
        return t.number;
    case Department:
        return t.department;
    case Received:
        return t.dispatchedMs.value_or(0);
    case Type:
        return int(t.type);
    case Summary:
        return t.summary;
    case State:
        return int(t.state) * 2 + (t.extensionPending ? 1 : 0);
    case Deadline:
        return t.deadlineS.value_or(kNever);
    }
    return {};
}

QVariant DeskTicketModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Ticket &t = m_tickets.at(index.row());
    const int column = index.column();
    const bool counting = t.isCounting() && t.deadlineS;
    switch (role) {
    case Qt::DisplayRole:
        return display(t, column);
    case RawRole:
        return raw(t, column);
    case TicketIdRole:
        return t.id;
    case Qt::DecorationRole:
        if (column == Dot && counting)
            return BoardColours::dot(m_sla.colour(m_now, *t.deadlineS));
        return {};
    case Qt::AccessibleTextRole:
        if (column == Dot)
            return counting ? DisplayNames::of(m_sla.colour(m_now, *t.deadlineS)) : stateText(t);
        return display(t, column);
    case Qt::ToolTipRole:
        if (column == Dot && counting)
            return DisplayNames::of(m_sla.colour(m_now, *t.deadlineS));
        if (column == Summary)
            return t.summary;
        if (column == Remaining && counting)
            return tr("Working time left until %1").arg(DeskText::localMinute(*t.deadlineS, m_sla.calendar()));
        return {};
    case Qt::ForegroundRole:
        if (column == Remaining && counting && m_sla.remaining(m_now, *t.deadlineS) < 0)
            return QBrush(BoardColours::dot(Colour::Red));
        return {};
    case Qt::FontRole:
        if (t.state == TicketState::Dispatched && !t.extensionPending) { // not yet signed for: stands out
            QFont f;
            f.setBold(true);
            return f;
        }
        return {};
    case Qt::TextAlignmentRole:
        if (column == Remaining)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    default:
        return {};
    }
}

QVariant DeskTicketModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::ToolTipRole && section == Dot)
        return tr("Colour: red overdue, yellow due soon, green in time");
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Dot:
        return QString();
    case Number:
        return tr("Number");
    case Department:
        return tr("Department");
    case Received:
        return tr("Received");
    case Type:
        return tr("Type");
    case Summary:
        return tr("Summary");
    case State:
        return tr("State");
    case Deadline:
        return tr("Deadline");
    case Remaining:
        return tr("Remaining");
    }
    return {};
}

} // namespace hotline
