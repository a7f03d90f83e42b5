#include "registration/CallerHistoryModel.h"

#include "domain/DisplayNames.h"

#include <QDateTime>

using namespace Qt::StringLiterals;

namespace hotline {

CallerHistoryModel::CallerHistoryModel(QTimeZone zone, QObject *parent)
    : QAbstractTableModel(parent)
    , m_zone(std::move(zone))
{
}

void CallerHistoryModel::setTickets(const QList<Ticket> &tickets)
{
    beginResetModel();
    m_tickets = tickets;
    endResetModel();
}

int CallerHistoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_tickets.size());
}

int CallerHistoryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString CallerHistoryModel::dateText(qint64 ms) const
{
    return QDateTime::fromMSecsSinceEpoch(ms, m_zone).toString(u"yyyy-MM-dd HH:mm"_s);
}

QVariant CallerHistoryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Ticket &t = m_tickets.at(index.row());
    if (role == TicketIdRole)
        return t.id;
    if (role == Qt::DisplayRole || role == RawRole) {
        const bool raw = role == RawRole;
        switch (Column(index.column())) {
        case Number:
            return t.number;
        case Registered:
            return raw ? QVariant(t.registeredMs) : QVariant(dateText(t.registeredMs));
        case Summary:
            return t.summary;
        case State:
            return raw ? QVariant(int(t.state)) : QVariant(DisplayNames::of(t.state));
        case ColumnCount:
            break;
        }
        return {};
    }
    if (role == Qt::ToolTipRole && index.column() == Summary)
        return t.details.isEmpty() ? t.summary : QString(t.summary + u"\n\n"_s + t.details);
    return {};
}

QVariant CallerHistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Number:
        return tr("Number");
    case Registered:
        return tr("Registered");
    case Summary:
        return tr("Summary");
    case State:
        return tr("State");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace hotline
