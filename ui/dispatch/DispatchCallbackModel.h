#pragma once

#include "calendar/WorkCalendar.h"
#include "domain/Ticket.h"

#include <QAbstractTableModel>
#include <QList>

namespace hotline {

/**
 * Replied tickets waiting for the callback to the citizen: who to call (name and phone, always masked — the
 * page's "Show number" reveals one caller and logs it), what the department answered and whether it answered
 * in time. A thin adapter over rows the callback page gathers.
 */
class DispatchCallbackModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Number, Department, Replied, OnTime, Reply, Caller, Phone, Summary, ColumnCount };
    Q_ENUM(Column)

    enum Role { RawRole = Qt::UserRole, TicketIdRole };
    Q_ENUM(Role)

    struct Row
    {
        Ticket ticket;
        QString departmentName;
        QString reply;
        QString parentNumber; ///< merged: the ticket this one follows (its reply answered this caller)
    };

    explicit DispatchCallbackModel(QObject *parent = nullptr);

    /** Replaces every row. */
    void setRows(QList<Row> rows, const WorkCalendar &calendar);
    const Row &rowAt(int row) const { return m_rows.at(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QVariant display(const Row &row, int column) const;

    QList<Row> m_rows;
    WorkCalendar m_calendar;
};

} // namespace hotline
