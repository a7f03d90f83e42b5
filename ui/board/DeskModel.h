#pragma once

#include "service/DeskBoard.h"

#include <QAbstractTableModel>

namespace hotline {

class ConsoleSession;

/**
 * The dispatch desk's table (DeskBoard): open tickets waiting at the centre for (re-)dispatch or for the
 * callback, most urgent first, in the desk's own colours. The list is small (what waits at the centre, not
 * the departments' 100,000), so it is simply read again when tickets change and every 30 s (reminder
 * states come from the outbox); each tick only recomputes colours and times in memory.
 */
class DeskModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Dot, Number, Stage, Since, Waited, Remaining, Deadline, Reminder, Summary, ColumnCount };
    Q_ENUM(Column)
    enum ItemDataRole { TicketIdRole = Qt::UserRole, ColourRole, StageRole, RemainingRole };

    explicit DeskModel(ConsoleSession &session, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    const DeskSnapshot &snapshot() const { return m_desk; }
    const DeskClock &clock() const { return m_clock; }
    /** Reads the desk again from the projection. */
    void reload();
    /** "12 working days 3 h 05 min": a wait measured in the centre's working time. */
    static QString formatWorking(qint64 seconds, qint64 dayLengthSeconds);

Q_SIGNALS:
    void countsChanged(int magenta, int amber, int blue);

private:
    void onTick(qint64 nowSecs);
    QString reminderText(const DeskEntry &e) const;

    ConsoleSession &m_session;
    DeskClock m_clock;
    DeskSnapshot m_desk;
    qint64 m_loadedAt = 0;
};

} // namespace hotline
