#pragma once

#include "domain/Enums.h"

#include <QSortFilterProxyModel>

#include <optional>

namespace hotline {

class BoardModel;

/**
 * Filters the countdown board by department, town, type and a number search. Dynamic sorting and
 * filtering are off on purpose: the board's once-a-second dataChanged over the Remaining column must not
 * make the proxy re-filter or re-sort 100,000 rows. Filters are re-applied when they change, and the
 * board model re-inserts a row whose department, town or type changed, so nothing goes stale. Sorting is
 * explicit (sort(column), or sort(-1) for the board's own urgency order).
 */
class BoardFilterProxy final : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit BoardFilterProxy(QObject *parent = nullptr);

    void setSourceModel(QAbstractItemModel *model) override;

    /** Only this department's tickets (code); empty for all. */
    void setDepartment(const QString &code);
    QString department() const { return m_department; }
    /** Only this town; empty for all. */
    void setTown(const QString &town);
    QString town() const { return m_town; }
    /** Only this type; nullopt for all. */
    void setType(std::optional<TicketType> type);
    std::optional<TicketType> type() const { return m_type; }
    /** Numbers containing this text; dashes and spaces are ignored on both sides, so "0301 0012" finds
     *  "250301-01-0012". */
    void setNumberSearch(const QString &text);
    QString numberSearch() const { return m_search; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    static QString compact(const QString &text);
    void refilter();

    BoardModel *m_board = nullptr; // fast path: read rows directly instead of through QVariant
    QString m_department;
    QString m_town;
    std::optional<TicketType> m_type;
    QString m_search;
    QString m_compactSearch;
};

} // namespace hotline
