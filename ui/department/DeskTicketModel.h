#pragma once

#include "domain/Ticket.h"
#include "sla/SlaClock.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

namespace hotline {

/**
 * Open tickets that are with departments, with their countdown: the liaison's desk and the dispatcher's
 * "With departments" list. A thin adapter over the Tickets that TicketQueries returned. Colour and remaining
 * working time are never stored: data() computes them for the cells a view asks for, so a beat (setNow) is
 * one dataChanged over the Dot and Remaining columns whatever the number of rows, and leaves the sort keys
 * (RawRole: the deadline) untouched so that a sorting proxy does not re-sort every second.
 */
class DeskTicketModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Dot, Number, Department, Received, Type, Summary, State, Deadline, Remaining, ColumnCount };
    Q_ENUM(Column)

    enum Role {
        RawRole = Qt::UserRole, ///< the cell's raw value for sorting (instants stay numbers)
        TicketIdRole,
    };
    Q_ENUM(Role)

    explicit DeskTicketModel(QObject *parent = nullptr);

    /** Replaces every row (one model reset). departmentNames maps codes to names for the Department column. */
    void setTickets(QList<Ticket> tickets, QHash<QString, QString> departmentNames, const SlaClock &sla, qint64 nowS);
    /** Moves the countdown to nowS (UTC seconds): refreshes the Dot and Remaining cells only. */
    void setNow(qint64 nowS);
    qint64 now() const { return m_now; }

    const Ticket &ticketAt(int row) const { return m_tickets.at(row); }
    /** Row of a ticket id, or -1. */
    int rowOfTicket(const QString &ticketId) const;

    /** Sample contents for DeskTable::fitColumns. */
    static QHash<int, QString> columnSamples();
    /** What the desk calls a ticket's state: waiting to sign, signed, replied, extension requested. */
    static QString stateText(const Ticket &t);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QVariant display(const Ticket &t, int column) const;
    QVariant raw(const Ticket &t, int column) const;
    QString remainingText(const Ticket &t) const;

    QList<Ticket> m_tickets;
    QHash<QString, QString> m_departmentNames;
    SlaClock m_sla;
    qint64 m_now = 0;
};

} // namespace hotline
