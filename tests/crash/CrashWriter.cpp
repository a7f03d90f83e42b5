// Registers tickets in a loop on the database given as argument, exactly as the console does, and prints
// "<id> <number>" for each one only after registerTicket returned, i.e. after its commit: what the operator would
// have been shown. tst_crash_safety kills it (SIGKILL) at random moments and checks that every printed ticket
// survived. Usage: hotline_crash_writer DATABASE [MAX_TICKETS]
#include "service/TicketService.h"
#include "service/Workspace.h"
#include "storage/EventStore.h"
#include "util/Clock.h"

#include <QCoreApplication>

#include <cstdio>

using namespace Qt::StringLiterals;
using namespace hotline;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 2) {
        std::fprintf(stderr, "usage: hotline_crash_writer DATABASE [MAX_TICKETS]\n");
        return 2;
    }
    const qint64 max = args.size() > 2 ? args.at(2).toLongLong() : -1;
    SystemClock clock;
    QString error;
    auto ws = Workspace::open(args.at(1), clock, &error);
    if (!ws) {
        std::fprintf(stderr, "%s\n", qUtf8Printable(error));
        return 1;
    }
    std::printf("ready\n");
    std::fflush(stdout);
    const Actor taker{u"alice"_s, Role::CallTaker, QString(), ws->consoleCode()};
    for (qint64 i = 0; max < 0 || i < max; ++i) {
        NewTicket t;
        t.channel = Channel::Phone;
        t.type = i % 3 == 0 ? TicketType::Complaint : TicketType::Consult;
        t.callerName = u"测试"_s;
        t.callerPhone = u"13812345678"_s;
        t.summary = u"崩溃测试 "_s + QString::number(i);
        const QString id = ws->tickets().registerTicket(taker, t, &error);
        if (id.isEmpty()) {
            std::fprintf(stderr, "%s\n", qUtf8Printable(error));
            return 1;
        }
        const QString number = ws->events().ticket(id).number;
        // One write per line: a line is either complete in the pipe or absent when the kill comes.
        std::printf("%s %s\n", qUtf8Printable(id), qUtf8Printable(number));
        std::fflush(stdout);
    }
    return 0;
}
