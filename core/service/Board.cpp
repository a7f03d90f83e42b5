#include "service/Board.h"

#include "calendar/WorkCalendar.h"
#include "domain/DisplayNames.h"
#include "domain/TextRules.h"
#include "service/DeskBoard.h"
#include "sla/SlaClock.h"
#include "storage/Database.h"
#include "storage/SqliteStatement.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace hotline {

BoardSnapshot Board::load(Database &db, const SlaClock &sla, qint64 atS, const QString &departmentCode)
{
    BoardSnapshot board;
    board.atS = atS;
    // Department names from a small map rather than a join per row.
    QHash<QString, QString> names;
    {
        QSqlQuery d(db.sql());
        if (d.exec(u"SELECT code, name FROM departments"_s)) {
            while (d.next())
                names.insert(d.value(0).toString(), d.value(1).toString());
        }
    }
    // Deadline order is urgency order: remaining time is monotonic in the deadline at a fixed instant. The
    // partial index holds exactly the counting tickets in that order (without INDEXED BY, SQLite prefers the
    // closed_ms index and sorts every open ticket). Read through sqlite3 directly: 100,000 rows through
    // QSqlQuery cost more in QVariant and UTF-16 conversions than SQLite takes to find them.
    SqliteStatement q(db, "SELECT t.id, t.number, t.department, t.town, t.type, t.summary, t.deadline_s "
                          "FROM tickets t INDEXED BY tickets_open_deadline "
                          "WHERE t.closed_ms IS NULL AND t.replied_ms IS NULL AND t.deadline_s IS NOT NULL "
                          "AND t.dispatched_ms <= ? AND (?2 = '' OR t.department = ?2) ORDER BY t.deadline_s, t.number");
    if (!q.isValid())
        return board;
    q.bind(1, atS * 1000 + 999);
    q.bind(2, departmentCode.isNull() ? u""_s : departmentCode);
    QHash<QString, QString> towns; // a few dozen distinct values: share one string each
    while (q.next()) {
        BoardEntry e;
        e.ticketId = q.text(0);
        e.number = q.text(1);
        const QString code = q.text(2);
        const auto department = names.constFind(code);
        e.departmentCode = department != names.constEnd() ? department.key() : code;
        e.departmentName = department != names.constEnd() ? department.value() : QString();
        const QString town = q.text(3);
        auto sharedTown = towns.constFind(town);
        if (sharedTown == towns.constEnd())
            sharedTown = towns.insert(town, town);
        e.town = sharedTown.value();
        e.type = ticketTypeFromCode(q.text(4)).value_or(TicketType::Complaint);
        e.summary = q.text(5);
        e.deadlineS = q.int64(6);
        e.colour = sla.colour(atS, e.deadlineS);
        e.remainingSeconds = sla.remaining(atS, e.deadlineS);
        switch (e.colour) {
        case Colour::Green: ++board.green; break;
        case Colour::Yellow: ++board.yellow; break;
        case Colour::Red: ++board.red; break;
        }
        board.entries << std::move(e);
    }
    return board;
}

QByteArray Board::toJson(const BoardSnapshot &board, const SlaClock &sla, const DeskSnapshot *desk, const DeskClock *deskClock)
{
    QJsonArray tickets;
    for (const BoardEntry &e : board.entries) {
        tickets.append(QJsonObject{
            {u"number"_s, e.number},
            {u"department"_s, e.departmentName.isEmpty() ? e.departmentCode : e.departmentName},
            {u"department_code"_s, e.departmentCode},
            {u"colour"_s, toCode(e.colour)},
            {u"deadline"_s, sla.calendar().toIsoLocal(e.deadlineS)},
            {u"remaining_seconds"_s, e.remainingSeconds},
        });
    }
    QJsonObject root{
        {u"at"_s, sla.calendar().toIsoLocal(board.atS)},
        {u"counts"_s, QJsonObject{{u"green"_s, board.green}, {u"yellow"_s, board.yellow}, {u"red"_s, board.red}}},
        {u"tickets"_s, tickets},
    };
    if (desk && deskClock) {
        root.insert(u"desk"_s, DeskBoard::toJson(*desk, *deskClock));
        root.insert(u"desk_counts"_s, QJsonObject{{u"blue"_s, desk->blue}, {u"amber"_s, desk->amber}, {u"magenta"_s, desk->magenta}});
        root.insert(u"desk_reminders"_s, desk->remindersOn());
    }
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

QString Board::toText(const BoardSnapshot &board, const SlaClock &sla, const DeskSnapshot *desk, const DeskClock *deskClock)
{
    QString out = tr("Board at %1: %2 red, %3 yellow, %4 green\n")
                      .arg(sla.calendar().toIsoLocal(board.atS))
                      .arg(board.red)
                      .arg(board.yellow)
                      .arg(board.green);
    for (const BoardEntry &e : board.entries) {
        out += u"%1  %2  %3  %4  %5\n"_s.arg(
            toCode(e.colour).leftJustified(6), e.number.leftJustified(16),
            DisplayNames::clock(e.remainingSeconds).rightJustified(10), sla.calendar().toIsoLocal(e.deadlineS),
            TextRules::visible(e.departmentName.isEmpty() ? e.departmentCode : e.departmentName));
    }
    if (desk && deskClock)
        out += u'\n' + DeskBoard::toText(*desk, *deskClock);
    return out;
}

} // namespace hotline
