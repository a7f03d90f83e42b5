#pragma once

#include "domain/Enums.h"
#include "sla/SlaClock.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QStringList>

#include <limits>
#include <memory>
#include <vector>

namespace hotline {

class ConsoleSession;
struct Ticket;

/**
 * The countdown board (PRODUCT §3): open, dispatched, unanswered tickets, most urgent first, as a thin
 * table adapter over Board::load. A liaison's board holds only their department's tickets.
 *
 * Why a tick is cheap: rows are kept in deadline order, and at any one instant remaining working time is
 * monotonic in the deadline, so the colours always form three runs — red, then yellow, then green. The
 * model stores only the two run boundaries and the instants at which the first yellow row turns red and
 * the first green row turns yellow (the earliest next colour change of all rows). A tick before both
 * instants recomputes no colour at all; a tick after one of them moves the boundary by binary search and
 * emits dataChanged for exactly the rows that changed colour. Remaining time is never stored: data()
 * computes it for the cells a view asks for, and a tick emits one dataChanged over the Remaining column
 * only when working time passed since the previous tick (never at night, at weekends or on holidays).
 *
 * Ticket changes (session.ticketsChanged) are applied row by row — re-query the ticket, then update in
 * place, remove, or insert at its deadline position — up to kBulkChangeLimit ids; a bigger batch (a bulk
 * dispatch, a sync catching up) reloads everything.
 */
class BoardModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Dot, Number, Department, Town, Type, Summary, Deadline, Remaining, ColumnCount };
    Q_ENUM(Column)

    enum ItemDataRole {
        SortRole = Qt::UserRole, ///< raw value of the cell for sorting (numbers stay numbers)
        TicketIdRole,
        ColourRole, ///< int(Colour)
        DeadlineRole, ///< UTC seconds
        RemainingRole, ///< working seconds, negative when overdue
        DepartmentCodeRole,
        TownRole,
        TypeRole, ///< int(TicketType)
        NumberRole,
    };
    Q_ENUM(ItemDataRole)

    /** What the board keeps of one ticket. Colour and remaining time are derived, never stored. */
    struct Row
    {
        QString ticketId;
        QString number;
        QString departmentCode;
        QString departmentName;
        QString town;
        QString summary;
        qint64 deadlineS = 0;
        TicketType type = TicketType::Consult;
        mutable QString deadlineText; ///< formatted on first display
    };

    /** What the last tick did (for tests and hotline-bench). */
    struct TickStats
    {
        int rowsRecomputed = 0; ///< rows whose colour was recomputed because it changed
        int colourEvaluations = 0; ///< SlaClock colour/next-change evaluations the tick needed
        bool countdownAdvanced = false; ///< working time passed: the Remaining column was refreshed
    };

    /** More ids than this in one ticketsChanged reload the whole board instead. */
    static constexpr int kBulkChangeLimit = 400;
    /** Every this many ticks the model checks whether the calendar or SLA policy changed (then reloads). */
    static constexpr int kSlaCheckTicks = 60;

    explicit BoardModel(ConsoleSession &session, QObject *parent = nullptr);
    ~BoardModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    const Row &row(int r) const { return *m_rows[size_t(r)]; }
    Colour colourAt(int r) const;
    qint64 remainingAt(int r) const;
    /** The row of a ticket, or -1 when it is not on the board. */
    int rowOfTicket(const QString &ticketId) const;

    int redCount() const { return m_redEnd; }
    int yellowCount() const { return m_yellowEnd - m_redEnd; }
    int greenCount() const { return int(m_rows.size()) - m_yellowEnd; }

    /** The instant (UTC seconds) the board stands at: the last tick, or the last reload. */
    qint64 now() const { return m_now; }
    const SlaClock &sla() const { return m_sla; }
    /** The department the board is limited to (a liaison's), or empty for every department. */
    QString departmentScope() const { return m_scope; }
    TickStats lastTick() const { return m_lastTick; }

    /** "1:05:09" for a countdown, "overdue 0:10:00" past the deadline (working time both). */
    static QString formatRemaining(qint64 seconds);

public Q_SLOTS:
    /** Reads the whole board again (ticks do this by themselves within a minute of a calendar or SLA
     *  settings change; call it to have it at once). */
    void reload();
    /** The 1 Hz beat: moves the board to nowSecs, touching only rows whose colour changes. */
    void advanceTo(qint64 nowSecs);
    /** Applies changed tickets (row by row, or a reload for a big batch). */
    void applyChanges(const QStringList &ticketIds);

Q_SIGNALS:
    /** The number of red, yellow and green tickets changed. */
    void countsChanged(int red, int yellow, int green);

private:
    void applyOne(const QString &ticketId);
    std::unique_ptr<Row> makeRow(const Ticket &t);
    int lowerBound(qint64 deadlineS, const QString &number) const;
    void removeRowAt(int r);
    void insertRow(std::unique_ptr<Row> row);
    void locateBoundaries(int *evaluations);
    void updateNextChanges(int *evaluations);
    void emitCountsIfChanged();
    void emitRowsChanged(int first, int last);
    QString intern(const QString &s);
    QString departmentName(const QString &code);

    ConsoleSession &m_session;
    SlaClock m_sla;
    QString m_scope;
    bool m_seesNothing = false; // a liaison without a department

    std::vector<std::unique_ptr<Row>> m_rows; // pointers: an insert moves 8 bytes per row, not a whole Row
    struct Key
    {
        qint64 deadlineS;
        QString number;
    };
    QHash<QString, Key> m_keys; // ticket id -> sort key, to find a row by binary search
    QHash<QString, QString> m_departmentNames;
    QHash<QString, QString> m_strings; // one copy of each department and town name

    qint64 m_now = 0;
    int m_redEnd = 0; // rows [0, m_redEnd) are red
    int m_yellowEnd = 0; // rows [m_redEnd, m_yellowEnd) are yellow, the rest green
    static constexpr qint64 kNever = std::numeric_limits<qint64>::max();
    qint64 m_nextRedAt = kNever; // the first yellow row turns red
    qint64 m_nextYellowAt = kNever; // the first green row turns yellow
    int m_shownRed = -1;
    int m_shownYellow = -1;
    int m_shownGreen = -1;
    TickStats m_lastTick;
    int m_ticksSinceSlaCheck = 0;
};

} // namespace hotline
