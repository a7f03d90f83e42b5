// The server is the authority on who pushed what and when (issue 16, server schema 7) on a real, private
// PostgreSQL: one login per console (hotlinectl server add-console / remove-console), the console code, the time
// and the actor of every pushed event checked by the server, history imports let through by their marker, and
// `verify --server` reporting what the owner wrote against the rules.
#include "DatabaseProbe.h"
#include "PgTestServer.h"
#include "TestSupport.h"
#include "TestWorkspace.h"

#include "auth/Actor.h"
#include "auth/Permissions.h"
#include "service/TicketService.h"
#include "storage/Database.h"
#include "sync/ConsoleLogins.h"
#include "sync/ConsoleRole.h"
#include "sync/PgConnection.h"
#include "sync/ServerChainVerifier.h"
#include "sync/ServerSchema.h"
#include "sync/SyncEngine.h"

#include <QDateTime>
#include <QFile>
#include <QMetaEnum>
#include <QSqlQuery>
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

bool syncWith(TestWorkspace &tw, const QString &url, QString *error = nullptr)
{
    SyncEngine engine(tw.ws->database(), tw.clock);
    SyncPassResult r;
    QString why;
    const bool ok = engine.connectTo(url, &why) && engine.runPass(&r, &why);
    if (error)
        *error = why;
    return ok;
}

/** A user as part "refrows" shares them (hotline_reference_rows), written by the owner. */
bool seedUser(PgConnection &owner, const QString &name, const QString &role, bool disabled = false)
{
    return owner.run("INSERT INTO hotline_reference_rows(tbl, key, version, content, edited_ms, console, updated_by) "
                     "VALUES ('users', $1, nextval('hotline_reference_row_version'), "
                     "json_build_object('name', $1::text, 'role', $2::text, 'disabled', $3::int)::text, 0, '01', "
                     "'test') ON CONFLICT (tbl, key) DO NOTHING",
                     {name.toUtf8(), role.toUtf8(), disabled ? "1" : "0"});
}

/** One event pushed by hand through hotline_push, as a forger with the login would. */
PgResult pushRaw(PgConnection &pg, const QString &id, const QString &ticket, const QString &type, qint64 atMs,
                 const QString &actor, const QString &console, const QByteArray &payload = "{}")
{
    return pg.exec("SELECT * FROM hotline_push(ARRAY[$1], ARRAY[$2], ARRAY[$3], ARRAY[$4::bigint], ARRAY[$5], "
                   "ARRAY[$6], ARRAY[$7], ARRAY[1::smallint])",
                   {id.toUtf8(), ticket.toUtf8(), type.toUtf8(), QByteArray::number(atMs), actor.toUtf8(),
                    console.toUtf8(), payload});
}

qint64 eventCount(PgConnection &owner)
{
    return owner.exec("SELECT count(*) FROM hotline_events").integer(0, 0);
}

} // namespace

class TestConsoleLogins : public QObject
{
    Q_OBJECT

private:
    PgTestServer m_server;
    int m_databases = 0;

    QString freshDatabase()
    {
        const QString url = m_server.createDatabase(u"logins%1"_s.arg(++m_databases));
        PgConnection pg;
        QString error;
        if (url.isEmpty() || !pg.connect(url) || !ServerSchema::migrate(pg, &error)) {
            qWarning() << "cannot prepare a database:" << error << pg.lastError();
            return {};
        }
        return url;
    }

    QString database(const QString &url) const { return url.section(u'/', -1); }

private Q_SLOTS:
    void initTestCase() { QVERIFY2(m_server.start(), qPrintable(m_server.error())); }

    void roleTableMirrorsPermissions()
    {
        // The server's hotline_role_may is core/auth/Permissions for event types, cell by cell: a new event type
        // or a changed cell fails here until 007 says the same.
        const QString url = freshDatabase();
        PgConnection pg;
        QVERIFY(pg.connect(url));
        const QMetaEnum types = QMetaEnum::fromType<EventType>();
        for (int i = 0; i < types.keyCount(); ++i) {
            const auto type = EventType(types.value(i));
            for (Role role : {Role::CallTaker, Role::Dispatcher, Role::Liaison, Role::Supervisor, Role::Administrator}) {
                const std::optional<Action> action = Permissions::actionFor(type);
                // admin_changed: each write path checks its own Manage… action (a user's own password too).
                const bool expected = action ? Permissions::allows(role, *action) : type == EventType::AdminChanged;
                const PgResult r = pg.exec("SELECT hotline_role_may($1, $2)", {toCode(role).toUtf8(), toCode(type).toUtf8()});
                QVERIFY2(r.ok(), qPrintable(r.error()));
                QVERIFY2((r.text(0, 0) == u"t"_s) == expected,
                         qPrintable(toCode(role) + u" may "_s + toCode(type) + (expected ? u"? yes"_s : u"? no"_s)));
            }
        }
    }

    void addAndRemoveConsoleThroughHotlinectl()
    {
        const QString url = freshDatabase();
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(u"HOTLINE_CONSOLE_PASSWORD"_s);
        CtlResult r = runCtl({u"server"_s, u"add-console"_s, u"desk_a"_s, u"--url"_s, url}, env);
        QCOMPARE(r.exitCode, 2); // no password anywhere (stdin is closed)
        env.insert(u"HOTLINE_CONSOLE_PASSWORD"_s, u"desk-secret"_s);
        r = runCtl({u"server"_s, u"add-console"_s, u"desk_a"_s, u"--url"_s, url}, env);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(r.out.contains("console code 01"), r.out.constData());
        QVERIFY(!r.out.contains("desk-secret") && !r.err.contains("desk-secret"));
        r = runCtl({u"server"_s, u"add-console"_s, u"desk_b"_s, u"--url"_s, url, u"--code"_s, u"05"_s}, env);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(r.out.contains("console code 05"), r.out.constData());
        r = runCtl({u"server"_s, u"add-console"_s, u"desk_c"_s, u"--url"_s, url, u"--code"_s, u"05"_s}, env);
        QCOMPARE(r.exitCode, 1); // desk_b's
        QVERIFY2(r.err.contains("desk_b"), r.err.constData());
        QCOMPARE(runCtl({u"server"_s, u"add-console"_s, u"desk_d"_s, u"--url"_s, url, u"--code"_s, u"00"_s}, env)
                     .exitCode,
                 1);
        // Again: the password is reset, the code kept.
        r = runCtl({u"server"_s, u"add-console"_s, u"desk_a"_s, u"--url"_s, url}, env);
        QVERIFY2(r.exitCode == 0 && r.out.contains("console code 01"), r.err.constData());

        // The skew setting.
        r = runCtl({u"server"_s, u"config"_s, u"--url"_s, url});
        QVERIFY2(r.exitCode == 0 && r.out.contains("max_skew_seconds = 600"), r.out.constData());
        r = runCtl({u"server"_s, u"config"_s, u"--url"_s, url, u"max_skew_seconds"_s, u"120"_s});
        QVERIFY2(r.exitCode == 0 && r.out.contains("max_skew_seconds = 120"), r.err.constData());
        QCOMPARE(runCtl({u"server"_s, u"config"_s, u"--url"_s, url, u"max_skew_seconds"_s, u"-3"_s}).exitCode, 1);
        QCOMPARE(runCtl({u"server"_s, u"config"_s, u"--url"_s, url, u"colour"_s, u"red"_s}).exitCode, 1);

        // The console at desk A joins with the login and gets its code; its events say who pushed them.
        PgConnection owner;
        QVERIFY(owner.connect(url));
        QVERIFY(seedUser(owner, u"alice"_s, u"calltaker"_s));
        const QString deskUrl = m_server.urlAs(u"desk_a"_s, database(url));
        TestWorkspace a;
        QString error;
        QVERIFY2(syncWith(a, deskUrl, &error), qPrintable(error));
        QCOMPARE(a.ws->consoleCode(), u"01"_s);
        const Actor alice{u"alice"_s, Role::CallTaker, QString(), a.ws->consoleCode()};
        QVERIFY(!a.ws->tickets().registerTicket(alice, complaint(u"井盖缺失"_s), &error).isEmpty());
        QVERIFY2(syncWith(a, deskUrl, &error), qPrintable(error));
        QCOMPARE(owner.exec("SELECT login, console FROM hotline_events WHERE type = 'registered'").text(0, 0),
                 u"desk_a"_s);

        r = runCtl({u"server"_s, u"consoles"_s, u"--url"_s, url});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(r.out.contains("01  ") && r.out.contains("login desk_a, last completed pass from 2025-03-03T01:00:00Z"),
                 r.out.constData());
        QVERIFY2(r.out.contains("05  -  login desk_b, not joined yet"), r.out.constData());

        // Removed: cannot connect any more, and a session still open cannot push.
        PgConnection open;
        QVERIFY(open.connect(deskUrl));
        r = runCtl({u"server"_s, u"remove-console"_s, u"desk_a"_s, u"--url"_s, url});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(r.out.contains("01"), r.out.constData());
        QVERIFY(!open.exec("SELECT * FROM hotline_push('{x1}', '{t}', '{registered}', '{1}', '{alice}', '{01}', "
                           "'{\"{}\"}', '{1}')")
                     .ok());
        PgConnection again;
        QVERIFY(!again.connect(deskUrl));
        const qint64 before = eventCount(owner);
        QVERIFY(!a.ws->tickets().registerTicket(alice, complaint(u"路灯不亮"_s), &error).isEmpty());
        QVERIFY(!syncWith(a, deskUrl, &error));
        QCOMPARE(eventCount(owner), before); // its events stay, nothing new
        QCOMPARE(runCtl({u"server"_s, u"remove-console"_s, u"desk_a"_s, u"--url"_s, url}).exitCode, 1); // gone
        // Its code stays taken: a new login gets another.
        r = runCtl({u"server"_s, u"add-console"_s, u"desk_e"_s, u"--url"_s, url}, env);
        QVERIFY2(r.exitCode == 0 && r.out.contains("console code 02"), r.out.constData());
    }

    void forgeriesAreRefused()
    {
        const QString url = freshDatabase();
        PgConnection owner;
        QVERIFY(owner.connect(url));
        QString error;
        QCOMPARE(ConsoleLogins::add(owner, u"desk_a"_s, "pw", QString(), &error), u"01"_s);
        QCOMPARE(ConsoleLogins::add(owner, u"desk_b"_s, "pw", QString(), &error), u"02"_s);
        QVERIFY(seedUser(owner, u"alice"_s, u"calltaker"_s));
        QVERIFY(seedUser(owner, u"lin"_s, u"liaison"_s));
        QVERIFY(seedUser(owner, u"gone"_s, u"dispatcher"_s, true));
        QVERIFY(seedUser(owner, u"late"_s, u"dispatcher"_s, true));
        const QString deskUrl = m_server.urlAs(u"desk_a"_s, database(url));

        // An honest pass first: joins as 01 and sets the floor at the console's clock.
        TestWorkspace a;
        QVERIFY2(syncWith(a, deskUrl, &error), qPrintable(error));
        QCOMPARE(a.ws->consoleCode(), u"01"_s);
        const qint64 floorMs = a.clock.nowMs();
        QCOMPARE(owner.exec("SELECT floor_ms FROM hotline_console_logins WHERE login = 'desk_a'").integer(0, 0), floorMs);

        PgConnection desk;
        QVERIFY(desk.connect(deskUrl));
        const qint64 before = eventCount(owner);
        const qint64 later = floorMs + 60000;
        const qint64 serverNow = QDateTime::currentMSecsSinceEpoch();
        struct Forgery
        {
            const char *what;
            QString id, type, actor, console;
            qint64 at;
            QString says;
        };
        const QList<Forgery> forgeries{
            {"another console's code", u"f-console"_s, u"registered"_s, u"alice"_s, u"02"_s, later,
             u"claims console 02"_s},
            {"back-dated before the floor", u"f-past"_s, u"registered"_s, u"alice"_s, u"01"_s, floorMs - 3600000,
             u"before console 01"_s},
            {"far in the future", u"f-future"_s, u"registered"_s, u"alice"_s, u"01"_s, serverNow + 86400000,
             u"after the server's clock"_s},
            {"an unknown actor", u"f-actor"_s, u"registered"_s, u"mallory"_s, u"01"_s, later, u"mallory"_s},
            {"a disabled actor", u"f-disabled"_s, u"dispatched"_s, u"gone"_s, u"01"_s, later, u"gone"_s},
            {"a call-taker replying", u"f-role"_s, u"replied"_s, u"alice"_s, u"01"_s, later, u"may not write replied"_s},
            {"a person writing the system's overdue", u"f-overdue"_s, u"overdue"_s, u"alice"_s, u"01"_s, later,
             u"may not write overdue"_s},
            {"the system replying", u"f-system"_s, u"replied"_s, u"system"_s, u"01"_s, later,
             u"system does not write replied"_s},
            {"an import without a marker", u"f-import"_s, u"registered"_s, u"import"_s, u"01"_s, floorMs - 3600000,
             u"import marker"_s},
        };
        for (const Forgery &f : forgeries) {
            const PgResult refused = pushRaw(desk, f.id, u"t-forged"_s, f.type, f.at, f.actor, f.console);
            QVERIFY2(!refused.ok(), f.what);
            QCOMPARE(refused.sqlState(), QByteArray("42501"));
            QVERIFY2(refused.error().contains(f.id), qPrintable(refused.error())); // names the event
            QVERIFY2(refused.error().contains(f.says), qPrintable(refused.error()));
            QCOMPARE(eventCount(owner), before); // nothing stored
        }
        // A batch with one forged event stores none of it.
        const PgResult batch = desk.exec(
            "SELECT * FROM hotline_push('{ok1,bad1}', '{t1,t1}', '{registered,replied}', $1::bigint[], "
            "'{alice,alice}', '{01,01}', '{\"{}\",\"{}\"}', '{1,1}')",
            {"{" + QByteArray::number(later) + "," + QByteArray::number(later) + "}"});
        QCOMPARE(batch.sqlState(), QByteArray("42501"));
        QCOMPARE(eventCount(owner), before);
        // A user disabled after the event's time (while the console was offline) does not make it a forgery.
        QVERIFY(owner.run("UPDATE hotline_reference_rows SET edited_ms = $1 WHERE key = 'late'",
                          {QByteArray::number(later + 3600000)}));
        QVERIFY(pushRaw(desk, u"ok-late"_s, u"t1"_s, u"dispatched"_s, later, u"late"_s, u"01"_s).ok());
        QCOMPARE(pushRaw(desk, u"f-late"_s, u"t1"_s, u"dispatched"_s, later + 7200000, u"late"_s, u"01"_s).sqlState(),
                 QByteArray("42501"));
        // What the login may do: the liaison replies, the escalator's overdue mark carries the deadline's old date.
        QVERIFY(pushRaw(desk, u"ok-reply"_s, u"t1"_s, u"replied"_s, later, u"lin"_s, u"01"_s).ok());
        QVERIFY(pushRaw(desk, u"ok-overdue"_s, u"t1"_s, u"overdue"_s, floorMs - 86400000, u"system"_s, u"01"_s).ok());
        QCOMPARE(eventCount(owner), before + 3);
        QCOMPARE(owner.exec("SELECT login FROM hotline_events WHERE id = 'ok-reply'").text(0, 0), u"desk_a"_s);

        // Through the console itself: a back-dated event stops the pass and stays pending, with the reason.
        const Actor alice{u"alice"_s, Role::CallTaker, QString(), a.ws->consoleCode()};
        a.setNow(u"2025-03-02T09:00:00+08:00"_s); // a day before its last pass
        QVERIFY(!a.ws->tickets().registerTicket(alice, complaint(u"井盖缺失"_s), &error).isEmpty());
        QVERIFY(!syncWith(a, deskUrl, &error));
        QVERIFY2(error.contains(u"before console 01"_s), qPrintable(error));
        QCOMPARE(scalar(a.ws->database(), u"SELECT count(*) FROM events WHERE server_seq IS NULL"_s), 1);

        // A second installation with desk_a's login is refused (two databases numbering with one code would clash).
        TestWorkspace other;
        QVERIFY(!syncWith(other, deskUrl, &error));
        QVERIFY2(error.contains(u"another installation"_s), qPrintable(error));

        // The shared console role of earlier versions may read but no longer push.
        QVERIFY2(ConsoleRole::apply(owner, u"shared_desk"_s, "pw", &error), qPrintable(error));
        PgConnection shared;
        QVERIFY(shared.connect(m_server.urlAs(u"shared_desk"_s, database(url))));
        QVERIFY(shared.exec("SELECT count(*) FROM hotline_events").ok());
        const PgResult sharedPush = pushRaw(shared, u"s1"_s, u"t1"_s, u"registered"_s, later, u"alice"_s, u"03"_s);
        QCOMPARE(sharedPush.sqlState(), QByteArray("42501"));
        QVERIFY2(sharedPush.error().contains(u"add-console"_s), qPrintable(sharedPush.error()));
        // A console still on it pulls what the others did; its own events wait, and the pass says why.
        TestWorkspace reader;
        const QString sharedUrl = m_server.urlAs(u"shared_desk"_s, database(url));
        QVERIFY2(syncWith(reader, sharedUrl, &error), qPrintable(error));
        QCOMPARE(scalar(reader.ws->database(), u"SELECT count(*) FROM events WHERE id = 'ok-reply'"_s), 1);
        const Actor readerAlice{u"alice"_s, Role::CallTaker, QString(), reader.ws->consoleCode()};
        QVERIFY(!reader.ws->tickets().registerTicket(readerAlice, complaint(u"路灯不亮"_s), &error).isEmpty());
        const qint64 stored = eventCount(owner);
        QVERIFY(!syncWith(reader, sharedUrl, &error));
        QVERIFY2(error.contains(u"add-console"_s), qPrintable(error));
        QCOMPARE(eventCount(owner), stored);
        QVERIFY(scalar(reader.ws->database(), u"SELECT count(*) FROM events WHERE server_seq IS NULL"_s) > 0);
        // The upgrade: the owner gives that console a login with the code it already has; it rejoins as the same
        // installation and pushes what waited.
        const QString readerCode = reader.ws->consoleCode();
        QCOMPARE(readerCode, u"03"_s); // 02 is reserved for desk_b's first join
        QVERIFY(ConsoleLogins::add(owner, u"reader_desk"_s, "pw", u"02"_s, &error).isEmpty()); // desk_b's code
        QVERIFY2(error.contains(u"desk_b"_s), qPrintable(error));
        QCOMPARE(ConsoleLogins::add(owner, u"reader_desk"_s, "pw", readerCode, &error), readerCode);
        QVERIFY2(syncWith(reader, m_server.urlAs(u"reader_desk"_s, database(url)), &error), qPrintable(error));
        QCOMPARE(reader.ws->consoleCode(), readerCode);
        QCOMPARE(scalar(reader.ws->database(), u"SELECT count(*) FROM events WHERE server_seq IS NULL"_s), 0);
        QVERIFY(eventCount(owner) > stored);
    }

    void offlineConsolePushesItsDayAndVerifyPasses()
    {
        const QString url = freshDatabase();
        PgConnection owner;
        QVERIFY(owner.connect(url));
        QString error;
        QCOMPARE(ConsoleLogins::add(owner, u"desk_a"_s, "pw", QString(), &error), u"01"_s);
        QVERIFY(seedUser(owner, u"alice"_s, u"calltaker"_s));
        QVERIFY(seedUser(owner, u"bob"_s, u"dispatcher"_s));
        const QString deskUrl = m_server.urlAs(u"desk_a"_s, database(url));
        TestWorkspace a;
        a.addDepartment(u"CG"_s, u"城管局"_s);
        QVERIFY2(syncWith(a, deskUrl, &error), qPrintable(error)); // floor: 09:00
        // Offline for the day: tickets at 10:00, 14:00 and 18:00, dispatched.
        const Actor alice{u"alice"_s, Role::CallTaker, QString(), a.ws->consoleCode()};
        const Actor bob{u"bob"_s, Role::Dispatcher, QString(), a.ws->consoleCode()};
        for (const QString &at : {u"10:00"_s, u"14:00"_s, u"18:00"_s}) {
            a.setNow(u"2025-03-03T%1:00+08:00"_s.arg(at));
            const QString id = a.ws->tickets().registerTicket(alice, complaint(u"井盖缺失 "_s + at), &error);
            QVERIFY2(!id.isEmpty(), qPrintable(error));
            QVERIFY2(a.ws->tickets().dispatch(bob, id, u"CG"_s, &error), qPrintable(error));
        }
        a.setNow(u"2025-03-04T08:00:00+08:00"_s);
        QVERIFY2(syncWith(a, deskUrl, &error), qPrintable(error));
        QCOMPARE(scalar(a.ws->database(), u"SELECT count(*) FROM events WHERE server_seq IS NULL"_s), 0);
        QCOMPARE(owner.exec("SELECT count(*) FROM hotline_events WHERE login = 'desk_a' AND type IN ('registered', "
                            "'dispatched')").integer(0, 0),
                 6);
        QCOMPARE(owner.exec("SELECT floor_ms FROM hotline_console_logins").integer(0, 0),
                 ms(u"2025-03-04T08:00:00+08:00"_s));
        // The floor is never lowered.
        PgConnection desk;
        QVERIFY(desk.connect(deskUrl));
        QCOMPARE(desk.exec("SELECT hotline_console_floor(1)").integer(0, 0), ms(u"2025-03-04T08:00:00+08:00"_s));
        // A clock that NTP stepped back a little after the pass still works (the skew is the floor's margin).
        a.setNow(u"2025-03-04T07:58:00+08:00"_s);
        QVERIFY(!a.ws->tickets().registerTicket(alice, complaint(u"路灯不亮"_s), &error).isEmpty());
        QVERIFY2(syncWith(a, deskUrl, &error), qPrintable(error));
        QCOMPARE(scalar(a.ws->database(), u"SELECT count(*) FROM events WHERE server_seq IS NULL"_s), 0);
        // Checked events are no finding for verify --server, although they were received long after their time.
        const CtlResult r = runCtl({u"verify"_s, u"--server"_s, url});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(r.out.contains("console code is its login's"), r.out.constData());
    }

    void historyImportGoesThrough()
    {
        const QString url = freshDatabase();
        PgConnection owner;
        QVERIFY(owner.connect(url));
        QString error;
        QCOMPARE(ConsoleLogins::add(owner, u"desk_a"_s, "pw", QString(), &error), u"01"_s);
        const QString deskUrl = m_server.urlAs(u"desk_a"_s, database(url));
        TestWorkspace a;
        QVERIFY2(syncWith(a, deskUrl, &error), qPrintable(error)); // floor: 2025-03-03 09:00
        const QString csv = a.dir.filePath(u"history.csv"_s);
        QFile f(csv);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("number,channel,type,category,town,department,caller_name,caller_phone,summary,registered_at,"
                "dispatched_at,replied_at,closed_at,satisfaction\n"
                "H-1,phone,complaint,,,城管局,李女士,,井盖缺失,2024-05-06T09:00:00+08:00,2024-05-06T09:10:00+08:00,"
                "2024-05-08T09:00:00+08:00,2024-05-09T09:00:00+08:00,satisfied\n"
                "H-2,phone,consult,,,,,,咨询社保,2024-06-01T09:00:00+08:00,,2024-06-01T09:05:00+08:00,,\n");
        f.close();
        const CtlResult r = runCtl({u"--db"_s, a.path(), u"import"_s, u"tickets"_s, csv});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        a.reopen();
        QVERIFY2(syncWith(a, deskUrl, &error), qPrintable(error));
        QCOMPARE(scalar(a.ws->database(), u"SELECT count(*) FROM events WHERE server_seq IS NULL"_s), 0);
        // The marker, by the administrator's tool, before the old events; the events themselves as `import`.
        const PgResult marker = owner.exec("SELECT server_seq, actor FROM hotline_events WHERE type = 'admin_changed' "
                                           "AND payload::jsonb->>'entity' = 'tickets'");
        QCOMPARE(marker.rows(), 1);
        QVERIFY2(marker.text(0, 1).startsWith(u"hotlinectl"_s), qPrintable(marker.text(0, 1)));
        QCOMPARE(owner.exec("SELECT count(*), min(server_seq) > $1 FROM hotline_events WHERE actor = 'import'",
                            {QByteArray::number(marker.integer(0, 0))})
                     .text(0, 1),
                 u"t"_s);
        const qint64 imported = scalar(a.ws->database(), u"SELECT count(*) FROM events WHERE actor = 'import'"_s);
        QVERIFY(imported >= 6); // H-1: registered, dispatched, replied, callback, closed; H-2: registered, …
        QCOMPARE(owner.exec("SELECT count(*) FROM hotline_events WHERE actor = 'import' AND login = 'desk_a' AND "
                            "at_ms < $1",
                            {QByteArray::number(ms(u"2025-01-01T00:00:00+08:00"_s))})
                     .integer(0, 0),
                 imported);
        // History imports are no finding for verify either.
        QCOMPARE(runCtl({u"verify"_s, u"--server"_s, url}).exitCode, 0);

        // The import lets old dates through only for the tickets it registered: not a reply to a live ticket.
        PgConnection desk;
        QVERIFY(desk.connect(deskUrl));
        const PgResult live = pushRaw(desk, u"f-live"_s, u"t-live"_s, u"replied"_s, ms(u"2024-01-01T09:00:00+08:00"_s),
                                      u"import"_s, u"01"_s);
        QCOMPARE(live.sqlState(), QByteArray("42501"));
        QVERIFY2(live.error().contains(u"not registered by a history import"_s), qPrintable(live.error()));
    }

    void verifyReportsWhatTheOwnerWroteAgainstTheRules()
    {
        const QString url = freshDatabase();
        PgConnection owner;
        QVERIFY(owner.connect(url));
        QString error;
        QCOMPARE(ConsoleLogins::add(owner, u"desk_a"_s, "pw", QString(), &error), u"01"_s);
        QVERIFY(seedUser(owner, u"alice"_s, u"calltaker"_s));
        TestWorkspace a;
        const QString deskUrl = m_server.urlAs(u"desk_a"_s, database(url));
        QVERIFY2(syncWith(a, deskUrl, &error), qPrintable(error));
        const Actor alice{u"alice"_s, Role::CallTaker, QString(), a.ws->consoleCode()};
        const QString ticket = a.ws->tickets().registerTicket(alice, complaint(u"井盖缺失"_s), &error);
        QVERIFY2(!ticket.isEmpty(), qPrintable(error));
        QVERIFY2(syncWith(a, deskUrl, &error), qPrintable(error));
        CtlResult r = runCtl({u"verify"_s, u"--server"_s, url});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        // The owner is not checked at push (it could switch any check off), but verify names what it wrote: a code
        // no console has, and a time far from when the server received it.
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        QVERIFY(pushRaw(owner, u"owner-console"_s, u"t1"_s, u"registered"_s, now, u"alice"_s, u"42"_s).ok());
        QVERIFY(pushRaw(owner, u"owner-time"_s, u"t2"_s, u"replied"_s, now - 3 * 86400000LL, u"alice"_s, u"01"_s).ok());
        r = runCtl({u"verify"_s, u"--server"_s, url});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(!r.err.contains("altered") && !r.err.contains("removed"), r.err.constData()); // the chain holds
        QVERIFY2(r.err.contains("authority: event owner-console"), r.err.constData());
        QVERIFY2(r.err.contains("claims console 42"), r.err.constData());
        QVERIFY2(r.err.contains("authority: event owner-time"), r.err.constData());
        QVERIFY2(r.err.contains("2 events break"), r.err.constData());
        QList<AuthorityFinding> findings;
        qint64 total = 0;
        QVERIFY2(ServerChainVerifier::authorityFindings(owner, 1, &findings, &total, &error), qPrintable(error));
        QCOMPARE(total, 2);
        QCOMPARE(findings.size(), 1);
        QCOMPARE(findings.first().problem, u"console"_s);
        // Also an event of a console login whose code the owner rewrote by hand (here with the chain left broken).
        QVERIFY(owner.run("SET session_replication_role = replica"));
        QVERIFY(owner.run("UPDATE hotline_events SET console = '07' WHERE login = 'desk_a' AND type = 'registered'"));
        findings.clear();
        QVERIFY2(ServerChainVerifier::authorityFindings(owner, 10, &findings, &total, &error), qPrintable(error));
        QCOMPARE(total, 3);
        QCOMPARE(findings.first().loginConsole, u"01"_s);
        QVERIFY2(findings.first().describe().contains(u"which is console 01"_s), qPrintable(findings.first().describe()));
    }
};

QTEST_GUILESS_MAIN(TestConsoleLogins)
#include "tst_console_logins.moc"
