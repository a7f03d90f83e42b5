// Joining with history through a per-console login (issue 16, server schema 9) on a real, private PostgreSQL: a
// standalone database numbered its tickets with code 01, which the server gave another console; its own login is
// bound to another code. It joins, names its history's old code to the server, pushes its whole history, and the
// other console sees those tickets; the login can still not write into the other console's tickets under 01, nor
// write with 01 after its join (SQLSTATE 42501), and `verify --server` stays clean.
#include "DatabaseProbe.h"
#include "PgTestServer.h"
#include "TestSupport.h"
#include "TestWorkspace.h"

#include "auth/Actor.h"
#include "service/Board.h"
#include "service/TicketSearch.h"
#include "service/TicketService.h"
#include "sla/SlaClock.h"
#include "storage/Database.h"
#include "storage/EventStore.h"
#include "sync/ConsoleLogins.h"
#include "sync/PgConnection.h"
#include "sync/ServerSchema.h"
#include "sync/SyncEngine.h"

#include <QFile>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace hotline;
using namespace hotline::test;

namespace {

NewTicket complaint(const QString &summary)
{
    NewTicket t;
    t.type = TicketType::Complaint;
    t.callerName = u"张三"_s;
    t.callerPhone = u"13812345678"_s;
    t.summary = summary;
    return t;
}

bool syncWith(TestWorkspace &tw, const QString &url, QString *error)
{
    SyncEngine engine(tw.ws->database(), tw.clock);
    SyncPassResult r;
    const bool ok = engine.connectTo(url, error) && engine.runPass(&r, error);
    return ok;
}

/** A user as part "refrows" shares them, written by the owner. */
bool seedUser(PgConnection &owner, const QString &name, const QString &role)
{
    return owner.run("INSERT INTO hotline_reference_rows(tbl, key, version, content, edited_ms, console, updated_by) "
                     "VALUES ('users', $1, nextval('hotline_reference_row_version'), "
                     "json_build_object('name', $1::text, 'role', $2::text, 'disabled', 0)::text, 0, '01', 'test') "
                     "ON CONFLICT (tbl, key) DO NOTHING",
                     {name.toUtf8(), role.toUtf8()});
}

PgResult pushRaw(PgConnection &pg, const QString &id, const QString &ticket, const QString &type, qint64 atMs,
                 const QString &actor, const QString &console, const QByteArray &payload = "{}")
{
    return pg.exec("SELECT * FROM hotline_push(ARRAY[$1], ARRAY[$2], ARRAY[$3], ARRAY[$4::bigint], ARRAY[$5], "
                   "ARRAY[$6], ARRAY[$7], ARRAY[1::smallint])",
                   {id.toUtf8(), ticket.toUtf8(), type.toUtf8(), QByteArray::number(atMs), actor.toUtf8(),
                    console.toUtf8(), payload});
}

QStringList boardNumbers(Workspace &ws, qint64 nowS)
{
    QStringList numbers;
    for (const BoardEntry &e : Board::load(ws.database(), ws.sla(), nowS).entries)
        numbers << e.number;
    numbers.sort();
    return numbers;
}

} // namespace

class TestHistoryCodes : public QObject
{
    Q_OBJECT

private:
    PgTestServer m_server;

private Q_SLOTS:
    void initTestCase() { QVERIFY2(m_server.start(), qPrintable(m_server.error())); }

    void standaloneHistoryJoinsThroughItsOwnLogin()
    {
        const QString url = m_server.createDatabase(u"history_codes"_s);
        QVERIFY(!url.isEmpty());
        PgConnection owner;
        QVERIFY(owner.connect(url));
        QString error;
        QVERIFY2(ServerSchema::migrate(owner, &error), qPrintable(error));
        QCOMPARE(ConsoleLogins::add(owner, u"desk_a"_s, "pw", QString(), &error), u"01"_s);
        QCOMPARE(ConsoleLogins::add(owner, u"desk_c"_s, "pw", u"03"_s, &error), u"03"_s);
        QVERIFY(seedUser(owner, u"alice"_s, u"calltaker"_s));
        QVERIFY(seedUser(owner, u"bob"_s, u"dispatcher"_s));
        const QString urlA = m_server.urlAs(u"desk_a"_s, u"history_codes"_s);
        const QString urlC = m_server.urlAs(u"desk_c"_s, u"history_codes"_s);

        // Console a holds code 01 on the server and registers a ticket there.
        TestWorkspace a(u"2025-03-03T10:00:00+08:00"_s);
        a.addDepartment(u"CG"_s, u"城管局"_s);
        QVERIFY2(syncWith(a, urlA, &error), qPrintable(error));
        const Actor aliceA{u"alice"_s, Role::CallTaker, QString(), a.ws->consoleCode()};
        const QString ofA = a.ws->tickets().registerTicket(aliceA, complaint(u"A 的工单"_s), &error);
        QVERIFY2(!ofA.isEmpty(), qPrintable(error));
        QVERIFY2(syncWith(a, urlA, &error), qPrintable(error));
        QCOMPARE(a.ws->events().ticket(ofA).number, u"250303-01-0001"_s);

        // A standalone database kept its own records with code 01, on other days.
        TestWorkspace c(u"2025-03-01T10:00:00+08:00"_s);
        c.addDepartment(u"CG"_s, u"城管局"_s);
        QCOMPARE(c.ws->consoleCode(), u"01"_s);
        const Actor aliceC{u"alice"_s, Role::CallTaker, QString(), u"01"_s};
        const Actor bobC{u"bob"_s, Role::Dispatcher, QString(), u"01"_s};
        const QString first = c.ws->tickets().registerTicket(aliceC, complaint(u"C 的旧工单 1"_s), &error);
        const QString second = c.ws->tickets().registerTicket(aliceC, complaint(u"C 的旧工单 2"_s), &error);
        QVERIFY2(!first.isEmpty() && !second.isEmpty(), qPrintable(error));
        QVERIFY2(c.ws->tickets().dispatch(bobC, first, u"CG"_s, &error), qPrintable(error));
        const QString firstNumber = c.ws->events().ticket(first).number;
        QCOMPARE(firstNumber, u"250301-01-0001"_s);
        const qint64 history = scalar(c.ws->database(), u"SELECT count(*) FROM events WHERE console = '01'"_s);
        QVERIFY(history >= 3);

        // Before schema 9 this login could never push these (code 01 is desk_a's): now it joins and pushes them all.
        c.setNow(u"2025-03-03T11:00:00+08:00"_s);
        QVERIFY2(syncWith(c, urlC, &error), qPrintable(error));
        QCOMPARE(c.ws->consoleCode(), u"03"_s);
        QCOMPARE(scalar(c.ws->database(), u"SELECT count(*) FROM events WHERE server_seq IS NULL"_s), 0);
        QCOMPARE(owner.exec("SELECT count(*) FROM hotline_events WHERE login = 'desk_c' AND console = '01'")
                     .integer(0, 0),
                 history);
        const PgResult codes = owner.exec("SELECT login, code, until_ms FROM hotline_login_history_codes");
        QCOMPARE(codes.rows(), 1);
        QCOMPARE(codes.text(0, 0) + u' ' + codes.text(0, 1), u"desk_c 01"_s);
        const qint64 joinedMs = codes.integer(0, 2);
        // The server's clock at the join, plus the skew (a console clock a little fast loses nothing).
        const qint64 serverNow = owner.exec("SELECT (extract(epoch FROM now()) * 1000)::bigint").integer(0, 0);
        QVERIFY(joinedMs > serverNow + 500000 && joinedMs <= serverNow + 600000);
        // New tickets get the login's code.
        const Actor aliceNew{u"alice"_s, Role::CallTaker, QString(), u"03"_s};
        const QString fresh = c.ws->tickets().registerTicket(aliceNew, complaint(u"C 的新工单"_s), &error);
        QCOMPARE(c.ws->events().ticket(fresh).number, u"250303-03-0001"_s);
        QVERIFY2(syncWith(c, urlC, &error), qPrintable(error));

        // The other console pulls the history: the board and search see those tickets.
        QVERIFY2(syncWith(a, urlA, &error), qPrintable(error));
        QCOMPARE(a.ws->events().ticketByNumber(firstNumber).id, first);
        QCOMPARE(a.ws->events().ticketByNumber(u"250301-01-0002"_s).id, second);
        QCOMPARE(a.ws->events().ticket(first).summary, u"C 的旧工单 1"_s);
        QVERIFY(boardNumbers(*a.ws, a.clock.nowSecs()).contains(firstNumber));
        const SearchResult found = TicketSearch(a.ws->database()).search(a.ws->systemActor(), u"C 的旧工单"_s);
        QCOMPARE(found.tickets.size(), 2);
        QCOMPARE(projectionText(a.ws->database()), projectionText(c.ws->database()));

        // The login cannot use its history's code to write into the other console's ticket,
        PgConnection desk;
        QVERIFY(desk.connect(urlC));
        const qint64 before = owner.exec("SELECT count(*) FROM hotline_events").integer(0, 0);
        const qint64 old = ms(u"2025-03-02T09:00:00+08:00"_s);
        PgResult r = pushRaw(desk, u"f-into-a"_s, ofA, u"dispatched"_s, old, u"bob"_s, u"01"_s,
                             R"({"department":"CG"})");
        QCOMPARE(r.sqlState(), QByteArray("42501"));
        QVERIFY2(r.error().contains(u"not registered under console 01"_s), qPrintable(r.error()));
        // nor make it "its own" by registering it again under 01,
        r = pushRaw(desk, u"f-reregister"_s, ofA, u"registered"_s, old, u"alice"_s, u"01"_s);
        QCOMPARE(r.sqlState(), QByteArray("42501"));
        QVERIFY2(r.error().contains(u"registered already"_s), qPrintable(r.error()));
        // nor write with 01 after its join, even on its own ticket (the owner moves the join an hour back, as if it
        // was then: an event dated a minute after it is not ahead of the server's clock, only after the join),
        QVERIFY(owner.run("UPDATE hotline_login_history_codes SET until_ms = until_ms - 3600000"));
        r = pushRaw(desk, u"f-late"_s, second, u"dispatched"_s, joinedMs - 3600000 + 60000, u"bob"_s, u"01"_s,
                    R"({"department":"CG"})");
        QCOMPARE(r.sqlState(), QByteArray("42501"));
        QVERIFY2(r.error().contains(u"after the login joined"_s), qPrintable(r.error()));
        // nor name more old codes once it completed a pass;
        r = desk.exec("SELECT hotline_join_history_codes(ARRAY['02'])");
        QCOMPARE(r.sqlState(), QByteArray("42501"));
        // and the other console's login has no history code at all.
        PgConnection deskA;
        QVERIFY(deskA.connect(urlA));
        r = pushRaw(deskA, u"f-03"_s, fresh, u"dispatched"_s, old, u"bob"_s, u"03"_s,
                    R"({"department":"CG"})");
        QCOMPARE(r.sqlState(), QByteArray("42501"));
        QVERIFY2(r.error().contains(u"claims console 03"_s), qPrintable(r.error()));
        QCOMPARE(owner.exec("SELECT count(*) FROM hotline_events").integer(0, 0), before);

        // Its own history, the login's own old events, is no finding for verify --server.
        const CtlResult v = runCtl({u"verify"_s, u"--server"_s, url});
        QVERIFY2(v.exitCode == 0, QByteArray(v.out + v.err).constData());
    }
    void serverAtSchema8GetsTheRuleAndTheRight()
    {
        // A server already at schema 8 with a console login made then: the migration replaces the push (keeping
        // its fixed search path) and gives the existing login the right to name its history's codes.
        const QString url = m_server.createDatabase(u"history_codes_upgrade"_s);
        QVERIFY(!url.isEmpty());
        PgConnection pg;
        QVERIFY(pg.connect(url));
        QVERIFY(pg.run("CREATE TABLE hotline_schema (version integer PRIMARY KEY, applied_at timestamptz NOT NULL "
                       "DEFAULT now())"));
        const QStringList files{u"001_events"_s, u"002_sms_claims"_s, u"003_event_chain"_s, u"004_attachments"_s,
                                u"005_ticket_numbers"_s, u"006_reference_rows"_s, u"007_console_logins"_s,
                                u"008_user_secrets"_s};
        for (int v = 1; v <= files.size(); ++v) {
            QFile file(u":/server/"_s + files.at(v - 1) + u".sql"_s);
            QVERIFY(file.open(QIODevice::ReadOnly));
            QVERIFY2(pg.run(file.readAll()), qPrintable(pg.lastError()));
            QVERIFY(pg.run("INSERT INTO hotline_schema(version) VALUES ($1)", {QByteArray::number(v)}));
        }
        QVERIFY(pg.run("CREATE ROLE desk_old LOGIN PASSWORD 'pw'"));
        QVERIFY(pg.run("GRANT EXECUTE ON FUNCTION hotline_push(text[], text[], text[], bigint[], text[], text[], "
                       "text[], smallint[]) TO desk_old"));
        QVERIFY(pg.run("INSERT INTO hotline_console_logins(login, code) VALUES ('desk_old', '03')"));
        const char *mayName = "SELECT has_function_privilege('desk_old', 'hotline_join_history_codes(text[])', "
                              "'EXECUTE')";
        QString error;
        int from = 0;
        QVERIFY2(ServerSchema::migrate(pg, &error, &from), qPrintable(error));
        QCOMPARE(from, 8);
        QCOMPARE(pg.exec(mayName).text(0, 0), u"t"_s);
        QCOMPARE(pg.exec("SELECT count(*) FROM pg_proc WHERE proname IN ('hotline_push', 'hotline_authority_findings', "
                         "'hotline_join_history_codes') AND array_to_string(proconfig, ',') LIKE 'search_path=%'")
                     .integer(0, 0),
                 3);
        // Nobody else may call it.
        QVERIFY(pg.run("CREATE ROLE stranger LOGIN"));
        QCOMPARE(pg.exec("SELECT has_function_privilege('stranger', 'hotline_join_history_codes(text[])', 'EXECUTE')")
                     .text(0, 0),
                 u"f"_s);
    }
};

QTEST_GUILESS_MAIN(TestHistoryCodes)
#include "tst_history_codes.moc"
