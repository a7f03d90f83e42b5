#pragma once

#include "calendar/WorkCalendar.h"
#include "domain/Ticket.h"

#include <QAbstractTableModel>
#include <QList>

namespace hotline {

/** Why a ticket is back in the dispatch queue: a department returned it, or a callback reopened it. */
struct DispatchQueueNote
{
    enum class Kind { None, Returned, Reopened };
    Kind kind = Kind::None;
    QString department; ///< code of the department that returned it
    QString reason;
};

/**
 * The dispatcher's queue: registered tickets waiting for dispatch (new, returned and reopened), oldest first,
 * with the department suggested for each ticket's category and, highlighted, why a ticket came back. A thin
 * adapter: the dispatch page gathers the rows, the model only shows them.
 */
class DispatchQueueModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Number, Registered, Channel, Type, Town, Category, Summary, Suggested, BackReason, ColumnCount };
    Q_ENUM(Column)

    enum Role {
        RawRole = Qt::UserRole, ///< the cell's raw value for sorting
        TicketIdRole,
        SuggestedCodeRole, ///< code of the suggested department, empty when none
    };
    Q_ENUM(Role)

    /** One ticket of the queue with what the page found out about it. */
    struct Row
    {
        Ticket ticket;
        QString suggestedCode;
        QString suggestedName;
        QString backDepartmentName;
        DispatchQueueNote note;
    };

    explicit DispatchQueueModel(QObject *parent = nullptr);

    /** Replaces every row (one model reset); calendar gives the centre's zone for the times. */
    void setRows(QList<Row> rows, const WorkCalendar &calendar);
    const Row &rowAt(int row) const { return m_rows.at(row); }

    /** "Returned by 城管局 (CG): not ours" / "Reopened: …", empty for a new ticket. */
    static QString noteText(const Row &row);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QVariant display(const Row &row, int column) const;
    QVariant raw(const Row &row, int column) const;

    QList<Row> m_rows;
    WorkCalendar m_calendar;
};

} // namespace hotline
