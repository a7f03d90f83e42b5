// The historical ticket CSV (PRODUCT §7), from an administrator's file: the streaming reader validates every row
// without crashing, and the importer, on a real SQLite database, takes either every row or none.
#include "FuzzSupport.h"

#include "domain/PhoneNumber.h"
#include "io/TicketCsv.h"
#include "io/TicketImporter.h"
#include "service/Workspace.h"
#include "storage/Database.h"
#include "util/Clock.h"

#include <QBuffer>
#include <QDateTime>
#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <memory>

using namespace Qt::StringLiterals;
using namespace hotline;

namespace {

struct Fixture
{
    QTemporaryDir dir;
    ManualClock clock{QDateTime::fromString(u"2026-01-05T09:00:00+08:00"_s, Qt::ISODate).toMSecsSinceEpoch()};
    QString pristine; // a migrated, empty database, copied back after every import that committed
    QString path;
    QString input;
    std::unique_ptr<Workspace> ws;

    void reset()
    {
        ws.reset();
        for (const QString &suffix : {u""_s, u"-wal"_s, u"-shm"_s})
            QFile::remove(path + suffix);
        if (!QFile::copy(pristine, path))
            hotline::fuzz::fail("cannot copy the pristine database");
        QString error;
        ws = Workspace::open(path, clock, &error);
        if (!ws)
            hotline::fuzz::fail("cannot open the fuzz database", error.toUtf8());
    }
};

Fixture *g_fixture = nullptr;

qint64 count(Workspace &ws, const QString &table)
{
    QSqlQuery q(ws.database().sql());
    return q.exec(u"SELECT count(*) FROM "_s + table) && q.next() ? q.value(0).toLongLong() : -1;
}

void checkReader(const QByteArray &in)
{
    QBuffer buffer;
    buffer.setData(in);
    buffer.open(QIODevice::ReadOnly);
    TicketCsvReader reader(&buffer);
    TicketCsvRow row;
    qint64 lastLine = 0;
    while (reader.readRow(row)) {
        FUZZ_CHECK(row.line >= lastLine, in);
        lastLine = row.line;
        if (!row.isValid())
            continue;
        const HistoricalTicket &t = row.ticket;
        FUZZ_CHECK(!t.number.isEmpty() && t.number.size() <= TicketCsvLimits::Number, in);
        FUZZ_CHECK(t.summary.size() <= TicketCsvLimits::Summary, in);
        FUZZ_CHECK(t.dispatchedAt.has_value() == !t.department.isEmpty(), in);
        if (!t.callerPhone.isEmpty()) {
            const auto phone = PhoneNumber::parse(t.callerPhone);
            FUZZ_CHECK(phone && phone->normalized() == t.callerPhone, in);
        }
    }
}

void checkImporter(const QByteArray &in)
{
    Fixture &fx = *g_fixture;
    {
        QFile f(fx.input);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(in) != in.size())
            hotline::fuzz::fail("cannot write the input file");
    }
    const qint64 eventsBefore = count(*fx.ws, u"events"_s);
    TicketImporter importer(*fx.ws);
    const ImportResult result = importer.importFile(fx.input);
    const qint64 eventsAfter = count(*fx.ws, u"events"_s);
    if (!result.ok) {
        FUZZ_CHECK(!result.errors.isEmpty(), in);
        FUZZ_CHECK(result.imported == 0 && eventsAfter == eventsBefore, in); // all or nothing
        return;
    }
    FUZZ_CHECK(result.badRows == 0 && result.imported == result.rows, in);
    FUZZ_CHECK(count(*fx.ws, u"tickets"_s) == result.imported, in);
    fx.reset(); // the next input starts from the same empty database
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    hotline::fuzz::initApplication(argc, argv);
    g_fixture = new Fixture; // outlives the fuzzing loop on purpose (libFuzzer exits without returning)
    if (!g_fixture->dir.isValid())
        hotline::fuzz::fail("no temporary folder");
    g_fixture->pristine = g_fixture->dir.filePath(u"pristine.db"_s);
    g_fixture->path = g_fixture->dir.filePath(u"fuzz.db"_s);
    g_fixture->input = g_fixture->dir.filePath(u"input.csv"_s);
    {
        QString error;
        auto ws = Workspace::open(g_fixture->pristine, g_fixture->clock, &error);
        if (!ws)
            hotline::fuzz::fail("cannot create the fuzz database", error.toUtf8());
        ws->database().exec(u"PRAGMA wal_checkpoint(TRUNCATE)"_s);
    }
    g_fixture->reset();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 256 * 1024)
        return 0;
    const QByteArray in = hotline::fuzz::bytes(data, size);
    checkReader(in);
    checkImporter(in);
    return 0;
}
