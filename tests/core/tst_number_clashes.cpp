// A ticket number two consoles gave alike (issue 16, part "clash"), on a real, private PostgreSQL server and real
// SQLite replicas: both tickets stay whole everywhere, the clash is detected at push, listed identically on every
// console and resolved by a renumbering; a database with its own tickets joins when none of its numbers clashes
// and is refused (writing nothing) when one does; an upgrade from schema 12 brings back a ticket the old UNIQUE
// number lost; and `hotlinectl ticket renumber` through the real binary.
#include "DatabaseProbe.h"
#include "PgTestServer.h"
#include "TestSupport.h"
#include "TestWorkspace.h"

#include "auth/UserStore.h"
#include "intake/IntakeApi.h"
#include "calendar/WorkCalendar.h"
#include "io/TicketImporter.h"
#include "reports/ReportBuilder.h"
#include "service/Board.h"
#include "service/TicketSearch.h"
#include "service/TicketService.h"
#include "sla/SlaClock.h"
#include "storage/Database.h"
#include "storage/EventStore.h"
#include "storage/NumberClashes.h"
#include "storage/TicketLookup.h"
#include "sync/PgConnection.h"
#include "sync/ReplicaStore.h"
#include "sync/SyncEngine.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace hotline;
using namespace hotline::test;

namespace {

const QByteArray kHeader = "number,channel,type,category,town,department,caller_name,caller_phone,summary,registered_at,"
                           "dispatched_at,replied_at,closed_at,satisfaction\n";

/** A historical ticket dispatched to CG and not answered yet: on the board, received in March 2025. */
QByteArray openRow(const QString &number, const QString &summary)
{
    return u"%1,phone,complaint,,,CG,,,%2,2025-03-03T09:00:00+08:00,2025-03-03T09:30:00+08:00,,,\n"_s.arg(number, summary)
        .toUtf8();
}

Actor dispatcher(Workspace &ws) { return Actor{u"bob"_s, Role::Dispatcher, QString(), ws.consoleCode()}; }
Actor taker(Workspace &ws) { return Actor{u"alice"_s, Role::CallTaker, QString(), ws.consoleCode()}; }

NewTicket complaint(const QString &summary)
{
    NewTicket t;
    t.type = TicketType::Complaint;
    t.summary = summary;
    return t;
}

/** The clashes as "NUMBER: id,id", the same text on every console that folded the same events. */
QString clashText(Database &db)
{
    QStringList lines;
    for (const NumberClash &c : NumberClashes(db).list()) {
        QStringList ids;
        for (const TicketCandidate &t : c.tickets)
            ids << t.ticket.id;
        ids.sort();
        lines << c.number + u": "_s + ids.join(u',');
    }
    return lines.join(u'\n');
}

QStringList boardNumbers(Workspace &ws, qint64 nowS)
{
    QStringList numbers;
    for (const BoardEntry &e : Board::load(ws.database(), ws.sla(), nowS).entries)
        numbers << e.number;
    numbers.sort();
    return numbers;
}

qint64 receivedInMarch(Workspace &ws, qint64 nowMs)
{
    QString error;
    const std::optional<ReportData> r
        = ReportBuilder(ws.database(), ws.sla().calendar().timeZone(), nowMs).build(QDate(2025, 3, 1), QDate(2025, 4, 1), &error);
    return r ? r->totals.received : -1;
}

} // namespace

class TestNumberClashes : public QObject
{
    Q_OBJECT

private:
    PgTestServer m_server;

    QString freshServer(const QString &name)
    {
        const QString url = m_server.createDatabase(name);
        if (url.isEmpty() || runCtl({u"server"_s, u"init"_s, u"--url"_s, url}).exitCode != 0)
            return {};
        return url;
    }

    bool sync(TestWorkspace &tw, const QString &url, SyncPassResult *result = nullptr, QString *errorOut = nullptr)
    {
        SyncEngine engine(tw.ws->database(), tw.clock);
        SyncPassResult r;
        QString error;
        const bool ok = engine.connectTo(url, &error) && engine.runPass(&r, &error);
        if (result)
            *result = r;
        if (errorOut)
            *errorOut = error;
        return ok;
    }

    bool import(TestWorkspace &tw, const QByteArray &rows)
    {
        const QString path = tw.dir.filePath(u"history.csv"_s);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return false;
        f.write(kHeader + rows);
        f.close();
        const ImportResult r = TicketImporter(*tw.ws).importFile(path);
        if (!r.ok)
            qWarning() << r.errors;
        return r.ok;
    }

    /** The ticket with this number that the console registered (its Registered event's console). */
    static QString ticketOf(Workspace &ws, const QString &number, const QString &console)
    {
        for (const TicketCandidate &c : TicketLookup(ws.database()).byNumber(number)) {
            if (c.console == console)
                return c.ticket.id;
        }
        return {};
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_server.start(), qPrintable(m_server.error()));
    }

    void overlappingImportsKeepBothTicketsEverywhere()
    {
        const QString url = freshServer(u"overlap"_s);
        QVERIFY(!url.isEmpty());
        TestWorkspace a(u"2025-03-03T11:00:00+08:00"_s), b(u"2025-03-03T11:00:00+08:00"_s);
        a.addDepartment(u"CG"_s, u"城管局"_s);
        QVERIFY(sync(a, url)); // 01, seeds the departments
        QVERIFY(sync(b, url)); // 02, takes them
        QCOMPARE(b.ws->consoleCode(), u"02"_s);
        // Each console imports its own history; both files hold H-0002 (different matters).
        QVERIFY(import(a, openRow(u"H-0001"_s, u"甲站 路灯"_s) + openRow(u"H-0002"_s, u"甲站 噪音"_s)));
        QVERIFY(import(b, openRow(u"H-0002"_s, u"乙站 积水"_s) + openRow(u"H-0003"_s, u"乙站 占道"_s)));

        QVERIFY(sync(a, url));
        SyncPassResult pushedByB;
        QVERIFY(sync(b, url, &pushedByB));
        // Detected at push: the server had H-0002 under a's ticket.
        QCOMPARE(pushedByB.clashingNumbers, QStringList{u"H-0002"_s});
        QVERIFY(sync(a, url));

        const QString fromA = ticketOf(*a.ws, u"H-0002"_s, u"01"_s);
        const QString fromB = ticketOf(*a.ws, u"H-0002"_s, u"02"_s);
        QVERIFY(!fromA.isEmpty() && !fromB.isEmpty() && fromA != fromB);
        QStringList pair{fromA, fromB};
        pair.sort();
        const QString expectedClash = u"H-0002: "_s + pair.join(u',');
        for (TestWorkspace *tw : {&a, &b}) {
            Workspace &ws = *tw->ws;
            // Both tickets whole: in the projection, on the board, in the month's report and in search.
            QCOMPARE(scalar(ws.database(), u"SELECT count(*) FROM tickets"_s), 4);
            QCOMPARE(ws.events().ticket(fromA).summary, u"甲站 噪音"_s);
            QCOMPARE(ws.events().ticket(fromB).summary, u"乙站 积水"_s);
            QCOMPARE(boardNumbers(ws, tw->clock.nowSecs()),
                     (QStringList{u"H-0001"_s, u"H-0002"_s, u"H-0002"_s, u"H-0003"_s}));
            QCOMPARE(receivedInMarch(ws, tw->clock.nowMs()), 4);
            const SearchResult found = TicketSearch(ws.database()).search(ws.systemActor(), u"H-0002"_s);
            QCOMPARE(found.tickets.size(), 2);
            // Listed, identically, as a conflict for a dispatcher; no number names "the" ticket any more.
            QCOMPARE(clashText(ws.database()), expectedClash);
            QCOMPARE(ReplicaStore(ws.database(), tw->clock).conflictCount(), 1);
            QVERIFY(!ws.events().ticketByNumber(u"H-0002"_s).exists());
            const TicketMatch m = TicketLookup(ws.database()).resolve(u"H-0002"_s, {}, ws.sla().calendar().timeZone());
            QVERIFY(m.outcome == TicketMatch::Outcome::Ambiguous);
            QVERIFY2(m.message.contains(u"乙站 积水"_s) && m.message.contains(u"甲站 噪音"_s), qPrintable(m.message));
            QVERIFY(ws.events().verify().ok);
        }
        QCOMPARE(projectionText(a.ws->database()), projectionText(b.ws->database()));

        // A call-taker may not renumber; a dispatcher on b renumbers b's ticket, an audited event.
        QString error;
        QVERIFY(b.ws->tickets().renumber(taker(*b.ws), fromB, u"同号"_s, &error).isEmpty());
        QVERIFY2(error.contains(u"renumber"_s), qPrintable(error));
        const QString renumbered = b.ws->tickets().renumber(dispatcher(*b.ws), fromB, u"两台控制台同号"_s, &error);
        QVERIFY2(!renumbered.isEmpty(), qPrintable(error));
        QVERIFY(renumbered.contains(u"-02-"_s)); // from b's own sequence
        QCOMPARE(NumberClashes(b.ws->database()).count(), 0);
        QVERIFY(sync(b, url));
        QVERIFY(sync(a, url));
        for (TestWorkspace *tw : {&a, &b}) {
            Workspace &ws = *tw->ws;
            QCOMPARE(NumberClashes(ws.database()).count(), 0);
            QCOMPARE(ReplicaStore(ws.database(), tw->clock).conflictCount(), 0);
            QCOMPARE(ws.events().ticket(fromB).number, renumbered);
            QCOMPARE(ws.events().ticketByNumber(u"H-0002"_s).id, fromA); // the number names one ticket again
            QCOMPARE(ws.events().ticketByNumber(renumbered).id, fromB);
            // The old number still finds it: in search, and in its history (from, to, reason, who).
            const SearchResult found = TicketSearch(ws.database()).search(ws.systemActor(), u"H-0002"_s);
            QStringList ids;
            for (const Ticket &t : found.tickets)
                ids << t.id;
            ids.sort();
            QCOMPARE(ids, pair);
            QCOMPARE(scalar(ws.database(), u"SELECT count(*) FROM ticket_former_numbers WHERE number = 'H-0002' AND ticket_id = '%1'"_s.arg(fromB)), 1);
            const TicketEvent last = ws.events().history(fromB).constLast();
            QCOMPARE(last.type, EventType::Renumbered);
            QCOMPARE(last.actor, u"bob"_s);
            QCOMPARE(last.payload.value(Key::From).toString(), u"H-0002"_s);
            QCOMPARE(last.payload.value(Key::Reason).toString(), u"两台控制台同号"_s);
        }
        QCOMPARE(projectionText(a.ws->database()), projectionText(b.ws->database()));
        // A rebuild from the events gives the same (the former numbers are kept from the events, not the fold).
        QVERIFY2(a.ws->events().rebuildProjection(&error), qPrintable(error));
        QCOMPARE(projectionText(a.ws->database()), projectionText(b.ws->database()));
        QCOMPARE(a.ws->events().ticketByNumber(u"H-0002"_s).id, fromA);
    }

    void joinWithHistoryWithoutClashes()
    {
        const QString url = freshServer(u"history_ok"_s);
        QVERIFY(!url.isEmpty());
        TestWorkspace a(u"2025-03-03T10:00:00+08:00"_s);
        a.addDepartment(u"CG"_s, u"城管局"_s);
        QVERIFY(sync(a, url));
        QString error;
        QVERIFY(!a.ws->tickets().registerTicket(taker(*a.ws), complaint(u"A 的工单"_s), &error).isEmpty());
        QVERIFY(sync(a, url));

        // A console that kept standalone records numbered with the same code 01, on other days.
        TestWorkspace c(u"2025-03-01T10:00:00+08:00"_s);
        QCOMPARE(c.ws->consoleCode(), u"01"_s);
        const QString first = c.ws->tickets().registerTicket(taker(*c.ws), complaint(u"C 的旧工单 1"_s), &error);
        const QString second = c.ws->tickets().registerTicket(taker(*c.ws), complaint(u"C 的旧工单 2"_s), &error);
        QVERIFY(!first.isEmpty() && !second.isEmpty());
        const QString firstNumber = c.ws->events().ticket(first).number;
        QCOMPARE(firstNumber, u"250301-01-0001"_s);

        QVERIFY2(sync(c, url, nullptr, &error), qPrintable(error));
        QCOMPARE(c.ws->consoleCode(), u"02"_s); // a free code for new numbers
        QCOMPARE(c.ws->events().ticket(first).number, firstNumber); // the old tickets keep theirs
        c.setNow(u"2025-03-03T11:00:00+08:00"_s);
        const QString fresh = c.ws->tickets().registerTicket(taker(*c.ws), complaint(u"C 的新工单"_s), &error);
        QCOMPARE(c.ws->events().ticket(fresh).number, u"250303-02-0001"_s);
        QVERIFY(sync(c, url));
        QVERIFY(sync(a, url));
        QCOMPARE(a.ws->events().ticketByNumber(firstNumber).id, first);
        QCOMPARE(a.ws->events().ticketByNumber(u"250303-02-0001"_s).id, fresh);
        QCOMPARE(NumberClashes(a.ws->database()).count(), 0);
        QCOMPARE(projectionText(a.ws->database()), projectionText(c.ws->database()));
    }

    void joinWithHistoryRefusedWhileANumberClashes()
    {
        const QString url = freshServer(u"history_clash"_s);
        QVERIFY(!url.isEmpty());
        TestWorkspace a(u"2025-03-03T10:00:00+08:00"_s);
        a.addDepartment(u"CG"_s, u"城管局"_s);
        QVERIFY(sync(a, url));
        QString error;
        const QString onServer = a.ws->tickets().registerTicket(taker(*a.ws), complaint(u"A 的工单"_s), &error);
        QVERIFY(sync(a, url));
        QCOMPARE(a.ws->events().ticket(onServer).number, u"250303-01-0001"_s);

        // The same day, the same code: its first ticket has a's number.
        TestWorkspace d(u"2025-03-03T10:30:00+08:00"_s);
        const QString mine = d.ws->tickets().registerTicket(taker(*d.ws), complaint(u"D 的工单"_s), &error);
        QCOMPARE(d.ws->events().ticket(mine).number, u"250303-01-0001"_s);
        PgConnection pg;
        QVERIFY(pg.connect(url));
        const qint64 consoles = pg.exec("SELECT count(*) FROM hotline_consoles").integer(0, 0);
        const qint64 events = pg.exec("SELECT count(*) FROM hotline_events").integer(0, 0);

        QVERIFY(!sync(d, url, nullptr, &error));
        QVERIFY2(error.contains(u"250303-01-0001"_s) && error.contains(u"renumber"_s), qPrintable(error));
        // Nothing written, here or there.
        QCOMPARE(pg.exec("SELECT count(*) FROM hotline_consoles").integer(0, 0), consoles);
        QCOMPARE(pg.exec("SELECT count(*) FROM hotline_events").integer(0, 0), events);
        QCOMPARE(d.ws->consoleCode(), u"01"_s);
        QVERIFY(d.ws->database().meta(SyncEngine::joinedKey()).isEmpty());
        QCOMPARE(ReplicaStore(d.ws->database(), d.clock).pendingCount(), 1);

        // Renumbered on this database (its own sequence), it joins; the old number keeps finding it here.
        const QString renumbered = d.ws->tickets().renumber(dispatcher(*d.ws), mine, u"与服务器重号"_s, &error);
        QVERIFY2(!renumbered.isEmpty(), qPrintable(error));
        QCOMPARE(d.ws->events().ticketByNumber(u"250303-01-0001"_s).id, mine);
        QVERIFY2(sync(d, url, nullptr, &error), qPrintable(error));
        QCOMPARE(d.ws->consoleCode(), u"02"_s);
        QVERIFY(sync(a, url));
        QCOMPARE(a.ws->events().ticketByNumber(renumbered).id, mine);
        QCOMPARE(a.ws->events().ticketByNumber(u"250303-01-0001"_s).id, onServer);
        QCOMPARE(NumberClashes(a.ws->database()).count(), 0);

        // The refusal names every clashing number (the first twenty, and how many in all when there are more).
        TestWorkspace e(u"2025-03-03T10:30:00+08:00"_s);
        for (int i = 0; i < 3; ++i)
            QVERIFY(!e.ws->tickets().registerTicket(taker(*e.ws), complaint(u"E %1"_s.arg(i)), &error).isEmpty());
        QVERIFY(!sync(e, url, nullptr, &error));
        // 0001 is a's, 0002 is d's new number; 0003 is nobody's yet.
        QVERIFY2(error.contains(u"250303-01-0001, 250303-01-0002"_s) && !error.contains(u"0003"_s), qPrintable(error));
    }

    void consoleRoleMayAskAboutNumbers()
    {
        // The restricted console role may call the checking function (SQLSTATE 42501 before the grant).
        const QString url = freshServer(u"numbers_role"_s);
        QVERIFY(!url.isEmpty());
        PgConnection owner;
        QVERIFY(owner.connect(url));
        QVERIFY(owner.run("CREATE ROLE stranger LOGIN"));
        PgConnection stranger;
        QVERIFY(stranger.connect(m_server.urlAs(u"stranger"_s, u"numbers_role"_s)));
        const PgResult refused = stranger.exec("SELECT * FROM hotline_clashing_numbers(ARRAY['x'], ARRAY['y'])");
        QVERIFY(!refused.ok());
        QCOMPARE(refused.sqlState(), QByteArray("42501"));
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"HOTLINE_CONSOLE_PASSWORD"_s, u"console-secret"_s);
        const CtlResult made = runCtl({u"server"_s, u"init"_s, u"--url"_s, url, u"--console-role"_s, u"console_a"_s}, env);
        QVERIFY2(made.exitCode == 0, made.err.constData());
        PgConnection console;
        QVERIFY(console.connect(m_server.urlAs(u"console_a"_s, u"numbers_role"_s)));
        const PgResult asked = console.exec("SELECT * FROM hotline_clashing_numbers(ARRAY['x'], ARRAY['y'])");
        QVERIFY2(asked.ok(), qPrintable(asked.error()));
        QCOMPARE(asked.rows(), 0);
    }

    void upgradeFromSchema12KeepsEveryTicket()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"v12.db"_s);
        const QString first = newUuid(), second = newUuid();
        {
            QSqlDatabase raw = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"v12"_s);
            raw.setDatabaseName(path);
            QVERIFY(raw.open());
            QSqlQuery q(raw);
            QStringList files = QDir(u":/sql"_s).entryList({u"*.sql"_s}, QDir::Files, QDir::Name).mid(0, 12);
            QVERIFY(files.last().startsWith(u"012_"_s));
            for (const QString &name : std::as_const(files)) {
                QFile f(u":/sql/"_s + name);
                QVERIFY(f.open(QIODevice::ReadOnly));
                QString current;
                for (const QString &line : QString::fromUtf8(f.readAll()).split(u'\n')) {
                    if (line.trimmed().startsWith(u"--"_s))
                        continue;
                    current += line + u'\n';
                    const QString t = line.trimmed();
                    const bool trigger = current.contains(u"CREATE TRIGGER"_s);
                    if ((trigger && t.endsWith(u"END;"_s)) || (!trigger && t.endsWith(u';'))) {
                        QVERIFY2(q.exec(current), qPrintable(name + u": "_s + q.lastError().text()));
                        current.clear();
                    }
                }
            }
            // Two consoles' tickets of one number, as a sync left them under schema 12: both events, one row (the
            // second registration's save replaced the first ticket's row).
            QByteArray head;
            q.prepare(u"INSERT INTO events(id, ticket_id, type, at_ms, actor, console, payload, hash, server_seq) "
                      "VALUES(?,?,?,?,?,?,?,?,?)"_s);
            int serverSeq = 0;
            for (const auto &[ticket, console, summary] :
                 {std::tuple{first, u"01"_s, u"甲的工单"_s}, std::tuple{second, u"02"_s, u"乙的工单"_s}}) {
                const TicketEvent e = TicketEvent::make(ticket, EventType::Registered, ms(u"2025-03-03T09:00:00+08:00"_s),
                                                        u"old"_s, console,
                                                        {{Key::Number, u"H-0002"_s}, {Key::Type, u"consult"_s},
                                                         {Key::SlaClass, u"consult"_s}, {Key::Summary, summary}});
                head = EventStore::chainHash(head, e, e.payloadJson());
                for (const QVariant &v : QVariantList{e.id, e.ticketId, toCode(e.type), e.atMs, e.actor, e.console,
                                                      QString::fromUtf8(e.payloadJson()), QString::fromLatin1(head),
                                                      ++serverSeq})
                    q.addBindValue(v);
                QVERIFY2(q.exec(), qPrintable(q.lastError().text()));
            }
            QVERIFY(q.exec(u"INSERT INTO tickets(id, number, channel, type, sla_class, state, summary, registered_ms, "
                           "last_seq) VALUES('%1', 'H-0002', 'phone', 'consult', 'consult', 'registered', '乙的工单', 0, 2)"_s
                               .arg(second)));
            QVERIFY(q.exec(u"PRAGMA user_version = 12"_s));
            q.finish();
            raw.close();
        }
        QSqlDatabase::removeDatabase(u"v12"_s);

        QString error;
        auto db = Database::open(path, &error);
        QVERIFY2(db, qPrintable(error));
        QVERIFY(db->schemaVersion() >= 13);
        QCOMPARE(scalar(*db, u"SELECT count(*) FROM tickets"_s), 2);
        EventStore store(*db);
        QCOMPARE(store.ticket(first).summary, u"甲的工单"_s);
        QCOMPARE(store.ticket(second).summary, u"乙的工单"_s);
        QCOMPARE(NumberClashes(*db).count(), 1);
        QCOMPARE(scalar(*db, u"SELECT count(*) FROM sqlite_master WHERE name = 'tickets_number'"_s), 1);
    }

    void everyLookupByNumberListsBothOrFindsTheFormer()
    {
        TestWorkspace tw(u"2025-03-03T10:00:00+08:00"_s);
        QString error;
        QList<TicketEvent> events;
        for (const auto &[console, summary] : {std::pair{u"01"_s, u"甲站 路灯"_s}, std::pair{u"02"_s, u"乙站 积水"_s}}) {
            events << TicketEvent::make(newUuid(), EventType::Registered, tw.clock.nowMs(), u"old"_s, console,
                                        {{Key::Number, u"H-0009"_s}, {Key::Type, u"consult"_s},
                                         {Key::SlaClass, u"consult"_s}, {Key::Summary, summary}});
        }
        const QString lone = tw.ws->tickets().registerTicket(taker(*tw.ws), complaint(u"单独的工单"_s), &error);
        QVERIFY2(tw.ws->events().append(events, &error), qPrintable(error));
        const QList<TicketCandidate> both = TicketLookup(tw.ws->database()).byNumber(u"H-0009"_s);
        QCOMPARE(both.size(), 2);
        const QString secondPrefix = TicketLookup::idPrefix(events.at(1).ticketId, both);

        // The public progress page: 409 with both (time, console, summary), then the one ?id= picks.
        IntakeApi api(*tw.ws);
        ApiRequest get;
        get.method = "GET";
        get.peer = u"127.0.0.1"_s;
        get.path = u"/api/v1/requests/H-0009"_s;
        ApiResponse a = api.handle(get);
        QCOMPARE(a.status, 409);
        const QJsonObject refused = QJsonDocument::fromJson(a.body).object();
        QCOMPARE(refused.value(u"candidates"_s).toArray().size(), 2);
        QVERIFY2(a.body.contains(secondPrefix.toUtf8()) && QString::fromUtf8(a.body).contains(u"乙站 积水"_s), a.body.constData());
        get.query.addQueryItem(u"id"_s, secondPrefix);
        a = api.handle(get);
        QCOMPARE(a.status, 200);
        QCOMPARE(QJsonDocument::fromJson(a.body).object().value(u"number"_s).toString(), u"H-0009"_s);
        ApiRequest open311 = get;
        open311.query.clear();
        open311.path = u"/open311/v2/requests/H-0009.json"_s;
        QCOMPARE(api.handle(open311).status, 409);

        // The history import: a number the database holds is refused, saying how many tickets have it.
        const QString csv = tw.dir.filePath(u"again.csv"_s);
        QFile f(csv);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(kHeader + "H-0009,phone,consult,,,,,,再导入,2025-03-01T09:00:00+08:00,,,2025-03-01T09:10:00+08:00,\n");
        f.close();
        ImportResult imported = TicketImporter(*tw.ws).importFile(csv);
        QVERIFY(!imported.ok);
        QVERIFY2(imported.errors.join(u' ').contains(u"2 tickets"_s), qPrintable(imported.errors.join(u' ')));

        // A renumbered ticket: its old number still finds it, "formerly" that number.
        const QString oldNumber = tw.ws->events().ticket(lone).number;
        const QString renumbered = tw.ws->tickets().renumber(dispatcher(*tw.ws), lone, u"与导入的历史同号"_s, &error);
        QVERIFY2(!renumbered.isEmpty(), qPrintable(error));
        QCOMPARE(tw.ws->events().ticketByNumber(oldNumber).id, lone);
        get.query.clear();
        get.path = u"/api/v1/requests/"_s + oldNumber;
        a = api.handle(get);
        QCOMPARE(a.status, 200);
        const QJsonObject found = QJsonDocument::fromJson(a.body).object();
        QCOMPARE(found.value(u"number"_s).toString(), renumbered);
        QCOMPARE(found.value(u"formerly"_s).toString(), oldNumber);
        const TicketMatch m = TicketLookup(tw.ws->database()).resolve(oldNumber, {}, tw.ws->sla().calendar().timeZone());
        QVERIFY(m.ok() && m.found.formerNumber && m.found.ticket.id == lone);
        QFile g(csv);
        QVERIFY(g.open(QIODevice::WriteOnly));
        g.write(kHeader + oldNumber.toUtf8() + ",phone,consult,,,,,,再导入,2025-03-01T09:00:00+08:00,,,2025-03-01T09:10:00+08:00,\n");
        g.close();
        imported = TicketImporter(*tw.ws).importFile(csv);
        QVERIFY(!imported.ok);
        QVERIFY2(imported.errors.join(u' ').contains(u"former number"_s), qPrintable(imported.errors.join(u' ')));
    }

    void ctlRenumber()
    {
        QString path;
        QString firstId, secondId;
        TestWorkspace tw(u"2025-03-03T10:00:00+08:00"_s);
        {
            path = tw.path();
            QString error;
            UserStore &users = tw.ws->users();
            const User chief{u"chief"_s, u"主任"_s, Role::Administrator, QString()};
            QVERIFY2(users.create(std::nullopt, chief, u"hotline-2025"_s, &error), qPrintable(error));
            QVERIFY2(users.create(chief, {u"disp"_s, u"派单员"_s, Role::Dispatcher, QString()}, u"hotline-2025"_s, &error),
                     qPrintable(error));
            QVERIFY2(users.create(chief, {u"clerk"_s, u"话务员"_s, Role::CallTaker, QString()}, u"hotline-2025"_s, &error),
                     qPrintable(error));
            QVERIFY(tw.ws->database().exec(u"UPDATE users SET must_change_password = 0"_s));
            // Two consoles' tickets of one number, as sync brings them.
            QList<TicketEvent> events;
            for (const auto &[console, summary] : {std::pair{u"01"_s, u"甲站 路灯"_s}, std::pair{u"02"_s, u"乙站 积水"_s}}) {
                events << TicketEvent::make(newUuid(), EventType::Registered, tw.clock.nowMs(), u"old"_s, console,
                                            {{Key::Number, u"H-0009"_s}, {Key::Type, u"consult"_s},
                                             {Key::SlaClass, u"consult"_s}, {Key::Summary, summary}});
            }
            QVERIFY2(tw.ws->events().append(events, &error), qPrintable(error));
            firstId = events.at(0).ticketId;
            secondId = events.at(1).ticketId;
        }
        tw.ws.reset();
        // The workspace is closed: hotlinectl has the file to itself.
        const QByteArray password = "hotline-2025\n";
        const auto run = [&](const QStringList &args, const QByteArray &input = {}) {
            return runCtlWithInput(QStringList{u"--db"_s, path} + args, input);
        };
        const auto verify = [&] { return run({u"verify"_s}); };

        // verify lists the clash (and still succeeds: the record is intact).
        CtlResult r = verify();
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(r.out.contains("number clashes: 1") && r.out.contains("H-0009"), r.out.constData());

        // An ambiguous number: both listed (console, time, summary), with the two ways on; nothing written.
        r = run({u"ticket"_s, u"renumber"_s, u"H-0009"_s, u"--as"_s, u"disp"_s}, password);
        QCOMPARE(r.exitCode, 1);
        const QString err = QString::fromUtf8(r.err);
        // Ids made by one process share their first half: the listing shows as much as tells them apart.
        qsizetype same = 0;
        while (firstId.at(same) == secondId.at(same))
            ++same;
        const QString secondPrefix = secondId.left(std::max<qsizetype>(8, same + 1));
        QVERIFY2(err.contains(firstId.left(secondPrefix.size())) && err.contains(secondPrefix) && err.contains(u"甲站 路灯"_s)
                     && err.contains(u"乙站 积水"_s) && err.contains(u"--id"_s),
                 r.err.constData());
        QVERIFY(r.out.isEmpty());
        // The same for show.
        r = run({u"ticket"_s, u"show"_s, u"H-0009"_s, u"--as"_s, u"disp"_s}, password);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("--id"), r.err.constData());
        // An unknown number.
        r = run({u"ticket"_s, u"renumber"_s, u"H-7777"_s, u"--as"_s, u"disp"_s}, password);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("H-7777"), r.err.constData());
        // An id prefix that names neither.
        r = run({u"ticket"_s, u"renumber"_s, u"H-0009"_s, u"--id"_s, u"zzzz"_s, u"--as"_s, u"disp"_s}, password);
        QCOMPARE(r.exitCode, 1);
        // No permission: a call-taker.
        r = run({u"ticket"_s, u"renumber"_s, u"H-0009"_s, u"--id"_s, secondPrefix, u"--as"_s, u"clerk"_s}, password);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("renumber tickets"), r.err.constData());

        // The good case: the new number alone on stdout.
        r = run({u"ticket"_s, u"renumber"_s, u"H-0009"_s, u"--id"_s, secondPrefix, u"--reason"_s, u"两站同号"_s,
                 u"--as"_s, u"disp"_s},
                password);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QString renumbered = QString::fromUtf8(r.out).trimmed();
        QVERIFY2(QRegularExpression(u"^\\d{6}-01-\\d{4}$"_s).match(renumbered).hasMatch(), r.out.constData());

        // The number names one ticket again; the new one shows where it came from.
        r = run({u"ticket"_s, u"show"_s, u"H-0009"_s, u"--format"_s, u"json"_s, u"--as"_s, u"disp"_s}, password);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(QJsonDocument::fromJson(r.out).object().value(u"id"_s).toString(), firstId);
        r = run({u"ticket"_s, u"show"_s, renumbered, u"--as"_s, u"disp"_s}, password);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(r.out.contains("Formerly: H-0009"), r.out.constData());
        r = verify();
        QVERIFY2(r.exitCode == 0 && !r.out.contains("number clashes"), r.out.constData());
    }
};

QTEST_GUILESS_MAIN(TestNumberClashes)
#include "tst_number_clashes.moc"
