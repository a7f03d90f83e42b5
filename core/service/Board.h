#pragma once

#include "domain/Enums.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace hotline {

class Database;
class DeskClock;
class SlaClock;
struct DeskSnapshot;

/** One open, dispatched, unanswered ticket on the countdown board. */
struct BoardEntry
{
    QString ticketId;
    QString number;
    QString departmentCode;
    QString departmentName;
    QString town;
    TicketType type = TicketType::Consult;
    QString summary;
    qint64 deadlineS = 0;
    Colour colour = Colour::Green;
    qint64 remainingSeconds = 0; ///< working time; negative when overdue
};

/** The board at one instant: most urgent first, with counts per colour. */
struct BoardSnapshot
{
    qint64 atS = 0;
    int green = 0;
    int yellow = 0;
    int red = 0;
    QList<BoardEntry> entries;
};

/**
 * Reads the countdown board from the projection (one indexed query, colours computed in memory). The board
 * "at" an instant shows today's open tickets as they stand at that instant (tickets dispatched later are left
 * out); it does not replay history, so a ticket answered since then is not shown for a past instant.
 */
class Board final
{
    Q_DECLARE_TR_FUNCTIONS(Board)

public:
    /** The board; with departmentCode set, only that department's tickets (what a liaison sees). */
    static BoardSnapshot load(Database &db, const SlaClock &sla, qint64 atS, const QString &departmentCode = {});
    /** The JSON board of PRODUCT §7; with a desk, its "desk" array too (DeskBoard::toJson). */
    static QByteArray toJson(const BoardSnapshot &board, const SlaClock &sla, const DeskSnapshot *desk = nullptr,
                             const DeskClock *deskClock = nullptr);
    /** A table for terminals; with a desk, the dispatch desk's section after the departments' countdown. */
    static QString toText(const BoardSnapshot &board, const SlaClock &sla, const DeskSnapshot *desk = nullptr,
                          const DeskClock *deskClock = nullptr);
};

} // namespace hotline
