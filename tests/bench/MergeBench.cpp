// merge_suggest_ms: registration's "possibly the same incident" (DuplicateFinder) over options.openTickets open
// tickets, as the call-taker types; the busiest category and town holds a tenth of them (the worst case).
#include "Benches.h"
#include "BenchFiles.h"
#include "auth/Actor.h"
#include "service/DuplicateFinder.h"
#include "service/Workspace.h"
#include "storage/Database.h"
#include "storage/SqliteStatement.h"
#include "util/Clock.h"

#include <QDir>
#include <QRandomGenerator>

using namespace Qt::StringLiterals;

namespace hotline::bench {

void runMergeBench(const BenchOptions &options, FigureSink &sink)
{
    sink.beginGroup(u"merge"_s);
    const QString dbPath = QDir(options.workDir).filePath(u"hotline-bench-merge.db"_s);
    removeDatabaseFiles(dbPath);
    const qint64 nowMs = 1765936800000; // 2025-12-17T10:00:00+08:00
    ManualClock clock(nowMs);
    QString error;
    std::unique_ptr<Workspace> ws = Workspace::open(dbPath, clock, &error);
    if (!ws)
        throw BenchError(u"cannot open %1: %2"_s.arg(dbPath, error));

    const QStringList towns{u"桂城街道"_s, u"九江镇"_s, u"西樵镇"_s, u"丹灶镇"_s, u"狮山镇"_s, u"大沥镇"_s, u"里水镇"_s,
                            u"罗村街道"_s, u"松岗街道"_s, u"小塘街道"_s, u"官窑街道"_s, u"和顺街道"_s};
    const QStringList categories{u"市政设施"_s, u"环境卫生"_s, u"交通出行"_s, u"劳动保障"_s, u"住房建设"_s,
                                 u"医疗卫生"_s, u"教育"_s, u"市场监管"_s, u"公安"_s, u"供水供电"_s};
    const QStringList roads{u"南海大道"_s, u"海八路"_s, u"桂澜路"_s, u"佛山大道"_s, u"灯湖东路"_s, u"南桂路"_s,
                            u"季华路"_s, u"广佛路"_s, u"文华路"_s, u"天佑路"_s};
    const QStringList matters{u"井盖缺失"_s, u"路灯不亮"_s, u"垃圾堆积发臭"_s, u"噪音扰民"_s, u"占道经营"_s,
                              u"路面塌陷积水"_s, u"停水无通知"_s, u"施工夜间作业"_s, u"树木倒伏"_s, u"违章停车堵路"_s};
    QRandomGenerator rng(15);
    note(u"writing %1 open tickets into %2"_s.arg(options.openTickets).arg(dbPath));
    {
        // Projection rows straight in: the suggestions read only the projection.
        WriteTransaction tx(ws->database());
        SqliteStatement insert(ws->database(),
                               "INSERT INTO tickets(id, number, channel, type, sla_class, category, town, summary, "
                               "address, state, registered_ms, last_seq) "
                               "VALUES (?, ?, 'phone', 'report', 'handling', ?, ?, ?, ?, 'registered', ?, 0)");
        for (qint64 i = 0; i < options.openTickets; ++i) {
            const bool busiest = i % 10 == 0;
            const QString road = roads.at(rng.bounded(int(roads.size())));
            insert.bind(1, u"bench-%1"_s.arg(i));
            insert.bind(2, u"2025-%1"_s.arg(i, 7, 10, QChar(u'0')));
            insert.bind(3, busiest ? categories.first() : categories.at(rng.bounded(int(categories.size()))));
            insert.bind(4, busiest ? towns.first() : towns.at(rng.bounded(int(towns.size()))));
            insert.bind(5, road + u"%1号附近"_s.arg(rng.bounded(300)) + matters.at(rng.bounded(int(matters.size()))));
            insert.bind(6, road + u"%1号"_s.arg(rng.bounded(300)));
            insert.bind(7, nowMs - qint64(rng.bounded(14 * 24 * 3600)) * 1000); // the last two weeks
            if (!insert.exec())
                throw BenchError(u"cannot write the tickets: %1"_s.arg(insert.error()));
            insert.reset();
        }
        if (!tx.commit())
            throw BenchError(u"cannot commit the tickets: %1"_s.arg(tx.error()));
    }
    const Actor dispatcher{u"bench"_s, Role::Dispatcher, QString(), u"01"_s};
    const DuplicateFinder finder(ws->database());
    // One lookup per debounced pause while the summary grows, as the call-taker types it.
    const QStringList typing{u"南海"_s, u"南海大道"_s, u"南海大道12号"_s, u"南海大道12号井盖"_s, u"南海大道12号井盖不见了"_s};
    int found = 0;
    const auto busiest = [&] {
        for (const QString &summary : typing) {
            const DuplicateQuery q{categories.first(), towns.first(), u"南海大道12号"_s, summary, {}};
            found = int(finder.suggest(dispatcher, q, nowMs).size());
        }
    };
    const auto typical = [&] {
        for (const QString &summary : typing) {
            const DuplicateQuery q{categories.at(3), towns.at(5), u"南海大道12号"_s, summary, {}};
            finder.suggest(dispatcher, q, nowMs);
        }
    };
    const QList<double> worst = timeRunsMs(options.repeats, busiest);
    const QList<double> usual = timeRunsMs(options.repeats, typical);
    note(u"the busiest category and town suggested %1 tickets"_s.arg(found));
    sink.figure(u"merge_suggest_ms"_s, median(worst) / double(typing.size()), u"ms"_s, 2);
    sink.figure(u"merge_suggest_typical_ms"_s, median(usual) / double(typing.size()), u"ms"_s, 2);
    sink.budget(u"merge_suggest_ms"_s, FigureSink::Direction::AtMost, 50, u"ms"_s,
                options.openTickets >= kBudgetOpenTickets,
                u"measured with %1 open tickets; the budget is for %2"_s.arg(options.openTickets).arg(kBudgetOpenTickets));
}

} // namespace hotline::bench
