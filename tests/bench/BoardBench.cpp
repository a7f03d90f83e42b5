#include "BenchFiles.h"
#include "Benches.h"
#include "TicketCsvGenerator.h"
#include "service/Board.h"
#include "service/Workspace.h"
#include "util/Clock.h"

#include <QDir>

using namespace Qt::StringLiterals;

namespace hotline::bench {

void runBoardBench(const BenchOptions &options, FigureSink &sink)
{
    sink.beginGroup(u"board"_s);
    const QString csvPath = QDir(options.workDir).filePath(u"hotline-bench-board.csv"_s);
    const QString dbPath = QDir(options.workDir).filePath(u"hotline-bench-board.db"_s);
    removeDatabaseFiles(dbPath);

    // A busy Wednesday morning in December: everything on the board was dispatched in the last weeks.
    const qint64 atS = 1765936800; // 2025-12-17T10:00:00+08:00
    ManualClock clock(atS * 1000);
    QString error;
    std::unique_ptr<Workspace> ws = Workspace::open(dbPath, clock, &error);
    if (!ws)
        throw BenchError(u"cannot open %1: %2"_s.arg(dbPath, error));

    note(u"generating %1 open tickets into %2"_s.arg(options.openTickets).arg(csvPath));
    const GeneratedCsv generated = writeOpenBoardCsv(csvPath, options.openTickets, atS, ws->sla());
    const ImportedCsv imported = importGenerated(*ws, csvPath, generated, options.importCacheMb);
    note(u"imported %1 open tickets in %2 s"_s.arg(imported.tickets).arg(imported.seconds, 0, 'f', 2));

    // A fresh connection: the first load meets an empty SQLite page cache, as when the console starts.
    ws.reset();
    ws = Workspace::open(dbPath, clock, &error);
    if (!ws)
        throw BenchError(u"cannot reopen %1: %2"_s.arg(dbPath, error));
    const SlaClock sla = ws->sla();
    BoardSnapshot board;
    const auto load = [&] { board = Board::load(ws->database(), sla, atS); };
    const QList<double> cold = timeRunsMs(1, load);
    const QList<double> warm = timeRunsMs(options.repeats, load);

    if (board.entries.size() != generated.openUnanswered
        || board.green + board.yellow + board.red != generated.openUnanswered) {
        throw BenchError(
            u"the board at %1 shows %2 tickets (%3 green, %4 yellow, %5 red), expected %6"_s.arg(isoPlus8(atS))
                .arg(board.entries.size())
                .arg(board.green)
                .arg(board.yellow)
                .arg(board.red)
                .arg(generated.openUnanswered));
    }
    note(u"board at %1: %2 green, %3 yellow, %4 red"_s.arg(isoPlus8(atS))
             .arg(board.green)
             .arg(board.yellow)
             .arg(board.red));
    sink.figure(u"board_ms"_s, median(warm), u"ms"_s, 1);
    sink.figure(u"board_cold_ms"_s, cold.constFirst(), u"ms"_s, 1);
    sink.budget(
        u"board_ms"_s, FigureSink::Direction::AtMost, 200, u"ms"_s, options.openTickets >= kBudgetOpenTickets,
        u"measured with %1 open tickets; the budget is for %2"_s.arg(options.openTickets).arg(kBudgetOpenTickets));
}

} // namespace hotline::bench
