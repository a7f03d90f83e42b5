#include "board/BoardFilterProxy.h"

#include "board/BoardModel.h"

using namespace Qt::StringLiterals;

namespace hotline {

BoardFilterProxy::BoardFilterProxy(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setDynamicSortFilter(false);
    setSortRole(BoardModel::SortRole);
    setSortCaseSensitivity(Qt::CaseInsensitive);
}

void BoardFilterProxy::setSourceModel(QAbstractItemModel *model)
{
    m_board = qobject_cast<BoardModel *>(model);
    QSortFilterProxyModel::setSourceModel(model);
}

void BoardFilterProxy::refilter()
{
    invalidateFilter();
}

void BoardFilterProxy::setDepartment(const QString &code)
{
    if (code == m_department)
        return;
    m_department = code;
    refilter();
}

void BoardFilterProxy::setTown(const QString &town)
{
    if (town == m_town)
        return;
    m_town = town;
    refilter();
}

void BoardFilterProxy::setType(std::optional<TicketType> type)
{
    if (type == m_type)
        return;
    m_type = type;
    refilter();
}

QString BoardFilterProxy::compact(const QString &text)
{
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        if (c != u'-' && !c.isSpace())
            out += c.toUpper();
    }
    return out;
}

void BoardFilterProxy::setNumberSearch(const QString &text)
{
    if (text == m_search)
        return;
    m_search = text;
    m_compactSearch = compact(text);
    refilter();
}

bool BoardFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_department.isEmpty() && m_town.isEmpty() && !m_type && m_compactSearch.isEmpty())
        return true;
    QString department, town, number;
    TicketType type = TicketType::Consult;
    if (m_board) {
        const BoardModel::Row &r = m_board->row(sourceRow);
        department = r.departmentCode;
        town = r.town;
        number = r.number;
        type = r.type;
    } else {
        const QModelIndex i = sourceModel()->index(sourceRow, 0, sourceParent);
        department = i.data(BoardModel::DepartmentCodeRole).toString();
        town = i.data(BoardModel::TownRole).toString();
        number = i.data(BoardModel::NumberRole).toString();
        type = TicketType(i.data(BoardModel::TypeRole).toInt());
    }
    if (!m_department.isEmpty() && department != m_department)
        return false;
    if (!m_town.isEmpty() && town != m_town)
        return false;
    if (m_type && type != *m_type)
        return false;
    if (!m_compactSearch.isEmpty() && !compact(number).contains(m_compactSearch))
        return false;
    return true;
}

} // namespace hotline
