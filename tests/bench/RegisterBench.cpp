// register_ms: from the call-taker's "register" to the ticket committed in the local SQLite file (WAL), the
// path an operator waits for. Median and p95 over a few hundred registrations into a database that already
// holds the demo data set.
#include "Benches.h"

#include "service/DemoData.h"
#include "service/TicketService.h"
#include "service/Workspace.h"
#include "util/Clock.h"

#include <QDir>
#include <QElapsedTimer>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace hotline::bench {

void runRegisterBench(const BenchOptions &options, FigureSink &sink)
{
    sink.beginGroup(u"register"_s);
    ManualClock clock(QDateTime::fromString(u"2025-03-03T09:00:00+08:00"_s, Qt::ISODate).toMSecsSinceEpoch());
    QString error;
    const QString path = QDir(options.workDir).filePath(u"register-bench.db"_s);
    QFile::remove(path);
    std::unique_ptr<Workspace> ws = Workspace::open(path, clock, &error);
    if (!ws)
        throw BenchError(error);
    DemoSummary summary;
    if (!DemoData::populate(*ws, &summary, &error))
        throw BenchError(error);
    const Actor taker{u"bench"_s, Role::CallTaker, QString(), ws->consoleCode()};
    const int n = options.quick ? 50 : 400;
    QList<double> ms;
    for (int i = 0; i < n; ++i) {
        NewTicket t;
        t.channel = Channel::Phone;
        t.type = TicketType::Complaint;
        t.town = u"桂城"_s;
        t.category = u"市容环境"_s;
        t.callerName = u"陈先生"_s;
        t.callerPhone = u"1380013%1"_s.arg(8000 + i, 4, 10, QLatin1Char('0'));
        t.summary = u"夜间施工噪音扰民，影响休息（第%1次）"_s.arg(i);
        clock.advanceSecs(30);
        QElapsedTimer timer;
        timer.start();
        if (ws->tickets().registerTicket(taker, t, &error).isEmpty())
            throw BenchError(error);
        ms << double(timer.nsecsElapsed()) / 1e6;
    }
    std::sort(ms.begin(), ms.end());
    sink.figure(u"register_ms"_s, ms.at(ms.size() / 2), u"ms"_s, 2);
    sink.figure(u"register_p95_ms"_s, ms.at(ms.size() * 95 / 100), u"ms"_s, 2);
    sink.budget(u"register_p95_ms"_s, FigureSink::Direction::AtMost, 10, u"ms"_s);
}

} // namespace hotline::bench
