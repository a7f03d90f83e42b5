#pragma once

#include "domain/Ticket.h"

#include <QAbstractTableModel>
#include <QList>
#include <QTimeZone>

namespace hotline {

/** A caller's earlier tickets for the registration form: number, date, summary, state (newest first). */
class CallerHistoryModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Number, Registered, Summary, State, ColumnCount };
    Q_ENUM(Column)

    /** Raw values for sorting and tests: the number, registration ms, summary, TicketState as int. */
    static constexpr int RawRole = Qt::UserRole;
    /** The ticket's id (every column). */
    static constexpr int TicketIdRole = Qt::UserRole + 1;

    explicit CallerHistoryModel(QTimeZone zone, QObject *parent = nullptr);

    void setTickets(const QList<Ticket> &tickets);
    const QList<Ticket> &tickets() const { return m_tickets; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QString dateText(qint64 ms) const;

    QTimeZone m_zone;
    QList<Ticket> m_tickets;
};

} // namespace hotline
