// board_ui: the countdown board's desktop figures with options.openTickets open tickets (PRODUCT §8, issue 3).
//
//   board_first_paint_ms   construct BoardView (load 100,000 rows) + show + events until the table painted
//   board_tick_ms          median main-thread cost of one 1 Hz tick in working time, including the repaint
//                          it causes (session.pulse() + QApplication::processEvents())
//   board_tick_signal_ms   the same without the repaint (model, proxy and view bookkeeping only)
//   board_tick_rows        most rows any of those ticks recomputed (a tick must not recompute every row)
//   board_rss_mb           resident memory (VmRSS) with the board shown
//
// Needs a QApplication (Widgets) on the offscreen platform and hotline_ui linked into hotline-bench; until
// then (no "board/BoardView.h" on the include path) this file compiles to nothing. To hook it in:
//   Benches.h:      void runUiBoardBench(const BenchOptions &options, FigureSink &sink);
//   main.cpp:       QApplication instead of QCoreApplication (set QT_QPA_PLATFORM=offscreen first when unset),
//                   a group {u"board_ui"_s, {u"board_first_paint_ms"_s, u"board_tick_ms"_s,
//                   u"board_tick_signal_ms"_s, u"board_tick_rows"_s, u"board_rss_mb"_s}} and
//                   `if (wanted(u"board_ui"_s)) runUiBoardBench(options, sink);`
//   CMakeLists.txt: target_link_libraries(hotline-bench PRIVATE hotline_ui Qt6::Widgets)

#if __has_include("board/BoardView.h")

#include "BenchFiles.h"
#include "BenchSupport.h"
#include "board/BoardModel.h"
#include "board/BoardView.h"
#include "domain/Ticket.h"
#include "service/Workspace.h"
#include "storage/Database.h"
#include "storage/EventStore.h"
#include "support/ConsoleSession.h"
#include "util/Clock.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QTableView>

#ifdef __GLIBC__
#include <malloc.h>
#endif

using namespace Qt::StringLiterals;

namespace hotline::bench {
namespace {

/** Sets a flag when the widget it watches paints. */
class PaintWatcher final : public QObject
{
public:
    bool painted = false;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint)
            painted = true;
        return QObject::eventFilter(watched, event);
    }
};

double residentMb()
{
    QFile status(u"/proc/self/status"_s);
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toDouble() / 1024.0;
    }
    return -1;
}

/**
 * Writes `count` open tickets straight through EventStore::appendWithin in one transaction (registered +
 * dispatched, as the ticket service writes them): each dispatched up to 1.2 of its time limit in working
 * time before atS, so the board shows green, yellow and red at once.
 */
void writeOpenTickets(Workspace &ws, qint64 count, qint64 atS)
{
    static const QStringList kTowns {u"桂城"_s, u"九江"_s, u"西樵"_s, u"丹灶"_s,
                                     u"狮山"_s, u"大沥"_s, u"里水"_s, u"罗村"_s};
    static const QStringList kSummaries {u"小区路灯不亮，夜间出行不便"_s, u"餐馆油烟扰民，影响居民休息"_s,
                                         u"道路井盖缺失，存在安全隐患"_s, u"咨询新生儿医保办理流程"_s,
                                         u"工地夜间施工噪音扰民"_s,       u"公交站台遮雨棚损坏"_s};
    const SlaClock sla = ws.sla();
    WriteTransaction tx(ws.database());
    if (!tx.isActive())
        throw BenchError(u"cannot start a transaction: %1"_s.arg(tx.error()));
    QSqlQuery department(ws.database().sql());
    department.prepare(u"INSERT OR IGNORE INTO departments(code, name) VALUES(?, ?)"_s);
    QStringList codes;
    for (int d = 1; d <= 18; ++d) {
        const QString code = u"B%1"_s.arg(d, 2, 10, QLatin1Char('0'));
        department.addBindValue(code);
        department.addBindValue(d <= 8 ? kTowns[d - 1] + u"镇人民政府"_s : u"区第%1局"_s.arg(d - 8));
        if (!department.exec())
            throw BenchError(u"cannot add department %1"_s.arg(code));
        codes << code;
    }

    QRandomGenerator random(20251217);
    constexpr qint64 kBatch = 5000;
    QList<TicketEvent> events;
    events.reserve(2 * kBatch);
    for (qint64 i = 0; i < count; ++i) {
        const TicketType type = i % 4 == 0 ? TicketType::Consult : TicketType::Complaint;
        const SlaClass cls = defaultSlaClass(type);
        const qint64 limit = sla.durationSeconds(cls);
        const qint64 elapsed = qint64(random.bounded(double(limit) * 1.2));
        const qint64 dispatchedS = sla.calendar().addWorkingSeconds(atS, -elapsed);
        const qint64 deadline = sla.deadline(dispatchedS, cls);
        const QString id = newUuid();
        const QString number = u"251217-90-%1"_s.arg(i + 1, 6, 10, QLatin1Char('0'));
        const QString town = kTowns[int(i % kTowns.size())];
        events << TicketEvent::make(id, EventType::Registered, (dispatchedS - 600) * 1000, u"bench"_s, u"90"_s,
                                    {{Key::Number, number},
                                     {Key::Channel, toCode(Channel::Phone)},
                                     {Key::Type, toCode(type)},
                                     {Key::SlaClass, toCode(cls)},
                                     {Key::Category, u"市政设施"_s},
                                     {Key::Town, town},
                                     {Key::CallerName, u"市民"_s},
                                     {Key::CallerPhone, u"138%1"_s.arg(i % 100000000, 8, 10, QLatin1Char('0'))},
                                     {Key::Summary, kSummaries[int(i % kSummaries.size())]},
                                     {Key::Details, QString()}});
        events << TicketEvent::make(
            id, EventType::Dispatched, dispatchedS * 1000, u"bench"_s, u"90"_s,
            {{Key::Department, codes[int(random.bounded(codes.size()))]}, {Key::Deadline, deadline}});
        if (events.size() >= 2 * kBatch || i + 1 == count) {
            QString error;
            if (!ws.events().appendWithin(events, &error, EventStore::Mode::Tolerant))
                throw BenchError(u"cannot write tickets: %1"_s.arg(error));
            events.clear();
        }
    }
    if (!tx.commit())
        throw BenchError(u"cannot commit tickets: %1"_s.arg(tx.error()));
}

} // namespace

void runUiBoardBench(const BenchOptions &options, FigureSink &sink)
{
    sink.beginGroup(u"board_ui"_s);
    if (!qobject_cast<QApplication *>(QCoreApplication::instance()))
        throw BenchError(u"board_ui needs a QApplication (Widgets)"_s);
    const QString dbPath = QDir(options.workDir).filePath(u"hotline-bench-board-ui.db"_s);
    removeDatabaseFiles(dbPath);

    // A busy Wednesday morning in December, as for board_ms.
    const qint64 atS = 1765936800; // 2025-12-17T10:00:00+08:00
    ManualClock clock(atS * 1000);
    QString error;
    std::unique_ptr<Workspace> ws = Workspace::open(dbPath, clock, &error);
    if (!ws)
        throw BenchError(u"cannot open %1: %2"_s.arg(dbPath, error));
    note(u"writing %1 open tickets into %2"_s.arg(options.openTickets).arg(dbPath));
    QElapsedTimer writing;
    writing.start();
    writeOpenTickets(*ws, options.openTickets, atS);
    note(u"wrote them in %1 s"_s.arg(elapsedMs(writing) / 1000.0, 0, 'f', 1));
    // A fresh connection, as when the console starts; and give back what writing used, so that the
    // resident size is the board's.
    ws.reset();
#ifdef __GLIBC__
    malloc_trim(0);
#endif
    ws = Workspace::open(dbPath, clock, &error);
    if (!ws)
        throw BenchError(u"cannot reopen %1: %2"_s.arg(dbPath, error));
    ConsoleSession session(*ws, clock, Actor {u"bench"_s, Role::Supervisor, QString(), u"90"_s});

    // Qt's own first-widget costs (fonts, style) are paid by the sign-in dialog before the board appears.
    {
        QWidget warmUp;
        warmUp.show();
        QApplication::processEvents();
    }

    PaintWatcher watcher;
    QElapsedTimer firstPaint;
    firstPaint.start();
    auto view = std::make_unique<BoardView>(session);
    view->table()->viewport()->installEventFilter(&watcher);
    view->resize(1400, 900);
    view->show();
    while (!watcher.painted && firstPaint.elapsed() < 60'000)
        QApplication::processEvents();
    const double paintMs = elapsedMs(firstPaint);
    if (!watcher.painted)
        throw BenchError(u"the board never painted"_s);
    const BoardModel &model = *view->model();
    if (model.rowCount() != options.openTickets)
        throw BenchError(u"the board shows %1 tickets, expected %2"_s.arg(model.rowCount()).arg(options.openTickets));
    note(
        u"board: %1 red, %2 yellow, %3 green"_s.arg(model.redCount()).arg(model.yellowCount()).arg(model.greenCount()));

    // Ticks in working time: every one moves the countdown, some move colour boundaries.
    QList<double> withPaint;
    QList<double> signalOnly;
    int mostRows = 0;
    const int ticks = options.quick ? 20 : 50;
    for (int i = 0; i < ticks; ++i) {
        clock.advanceSecs(1);
        watcher.painted = false;
        QElapsedTimer t;
        t.start();
        session.pulse();
        signalOnly << elapsedMs(t);
        QApplication::processEvents();
        withPaint << elapsedMs(t);
        mostRows = std::max(mostRows, model.lastTick().rowsRecomputed);
        if (!model.lastTick().countdownAdvanced)
            throw BenchError(u"a working-time tick did not advance the countdown"_s);
    }
    const double rss = residentMb();

    const bool full = options.openTickets >= kBudgetOpenTickets;
    const QString whyNot
        = u"measured with %1 open tickets; the budget is for %2"_s.arg(options.openTickets).arg(kBudgetOpenTickets);
    sink.figure(u"board_first_paint_ms"_s, paintMs, u"ms"_s, 1);
    sink.figure(u"board_tick_ms"_s, median(withPaint), u"ms"_s, 3);
    sink.figure(u"board_tick_signal_ms"_s, median(signalOnly), u"ms"_s, 3);
    sink.figure(u"board_tick_rows"_s, mostRows, u"rows"_s);
    sink.figure(u"board_rss_mb"_s, rss, u"MB"_s, 1);
    sink.budget(u"board_first_paint_ms"_s, FigureSink::Direction::AtMost, 1000, u"ms"_s, full, whyNot);
    sink.budget(u"board_tick_ms"_s, FigureSink::Direction::AtMost, 2, u"ms"_s, full, whyNot);
    sink.budget(u"board_rss_mb"_s, FigureSink::Direction::AtMost, 300, u"MB"_s, full, whyNot);
    view.reset();
}

} // namespace hotline::bench

#endif // __has_include("board/BoardView.h")
