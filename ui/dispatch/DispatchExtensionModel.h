#pragma once

#include "calendar/WorkCalendar.h"
#include "domain/Ticket.h"

#include <QAbstractTableModel>
#include <QList>

namespace hotline {

/** What a department asked for: the latest extension_requested event of a ticket. */
struct DispatchExtensionRequest
{
    int days = 0;
    QString reason;
    qint64 atMs = 0;
    QString by;
};

/**
 * Tickets whose department asked for more time, waiting for the dispatcher's decision: number, department,
 * days requested and the reason (from the latest extension_requested event), when it was asked, and the
 * deadline in force. A thin adapter over rows the extension page gathers.
 */
class DispatchExtensionModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Number, Department, Days, Reason, Requested, Deadline, Summary, ColumnCount };
    Q_ENUM(Column)

    enum Role { RawRole = Qt::UserRole, TicketIdRole };
    Q_ENUM(Role)

    struct Row
    {
        Ticket ticket;
        QString departmentName;
        DispatchExtensionRequest request;
    };

    explicit DispatchExtensionModel(QObject *parent = nullptr);

    void setRows(QList<Row> rows, const WorkCalendar &calendar);
    const Row &rowAt(int row) const { return m_rows.at(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<Row> m_rows;
    WorkCalendar m_calendar;
};

} // namespace hotline
