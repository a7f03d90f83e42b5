// search: "search everything" (issue 15) over the imported history: a number, a caller's phone, a Chinese phrase
// (trigram index), a two-character and a one-character word (the newest-first scan), as the console asks them.
#include "Benches.h"

#include "auth/Actor.h"
#include "service/TicketSearch.h"
#include "service/Workspace.h"
#include "storage/Database.h"
#include "util/Clock.h"

#include <QDir>
#include <QFileInfo>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace hotline::bench {
namespace {

QString scalar(Database &db, const QString &sql)
{
    QSqlQuery q(db.sql());
    if (!q.exec(sql) || !q.next())
        throw BenchError(u"search bench: %1 returned nothing"_s.arg(sql));
    return q.value(0).toString();
}

} // namespace

void runSearchBench(const BenchOptions &options, FigureSink &sink)
{
    const QString dbPath = QDir(options.workDir).filePath(u"hotline-bench-history.db"_s);
    if (!QFileInfo::exists(dbPath))
        runImportAndReportBench(options, sink, false); // --only search: import the history first
    sink.beginGroup(u"search"_s);
    ManualClock clock(qint64(1767574800) * 1000); // 2026-01-05T09:00:00+08:00, as the report group
    QString error;
    std::unique_ptr<Workspace> ws = Workspace::open(dbPath, clock, &error);
    if (!ws)
        throw BenchError(u"cannot open %1: %2"_s.arg(dbPath, error));
    const qint64 tickets = scalar(ws->database(), u"SELECT count(*) FROM tickets"_s).toLongLong();
    const qint64 documents = scalar(ws->database(), u"SELECT count(*) FROM ticket_search"_s).toLongLong();
    if (documents != tickets)
        throw BenchError(u"the search index holds %1 documents for %2 tickets"_s.arg(documents).arg(tickets));
    // A ticket from the middle of the year: its number and its caller's phone.
    const QString middle = u"SELECT %1 FROM tickets WHERE caller_phone LIKE '1%' ORDER BY registered_ms LIMIT 1 OFFSET "_s
                           + QString::number(tickets / 2);
    const QString number = scalar(ws->database(), middle.arg(u"number"_s));
    const QString phone = scalar(ws->database(), middle.arg(u"caller_phone"_s));

    // The supervisor sees every ticket: the widest search, nothing filtered away after the index.
    const Actor supervisor{u"bench"_s, Role::Supervisor, {}, ws->consoleCode()};
    TicketSearch search(ws->database());
    struct Query
    {
        QString figure;
        QString text;
        bool budgeted;
    };
    const QList<Query> queries{
        {u"search_number_ms"_s, number, true},
        {u"search_phone_ms"_s, phone, true},
        {u"search_phrase_ms"_s, u"电梯长期故障"_s, true}, // 3+ characters: the trigram index
        {u"search_two_ms"_s, u"电梯"_s, true},            // 2 characters: newest first until the page is full
        {u"search_one_ms"_s, u"梯"_s, true},
        {u"search_two_absent_ms"_s, u"火箭"_s, false},    // the worst case: a short word no ticket has
    };
    const bool fullSize = options.tickets >= kBudgetTickets;
    const QString notFull = u"measured on %1 tickets; the budget is for %2"_s.arg(options.tickets).arg(kBudgetTickets);
    for (const Query &q : queries) {
        SearchResult r;
        const auto run = [&] {
            r = search.search(supervisor, q.text);
            if (!r.ok())
                throw BenchError(u"search %1: %2"_s.arg(q.text, r.error));
        };
        timeRunsMs(1, run); // a cold run, not reported
        const double ms = median(timeRunsMs(options.repeats, run));
        note(u"search “%1”: %2 shown of %3%4"_s.arg(q.text)
                 .arg(r.tickets.size())
                 .arg(r.more ? u"more than "_s : QString())
                 .arg(r.total));
        if (q.figure != u"search_two_absent_ms"_s && r.tickets.isEmpty())
            throw BenchError(u"search %1 found nothing in the generated history"_s.arg(q.text));
        sink.figure(q.figure, ms, u"ms"_s, 1);
        if (q.budgeted)
            sink.budget(q.figure, FigureSink::Direction::AtMost, 200, u"ms"_s, fullSize, notFull);
    }
}

} // namespace hotline::bench
