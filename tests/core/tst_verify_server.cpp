// Tamper evidence on the shared server (a real, private PostgreSQL): the server chains every event it numbers,
// `verify --server` names the first altered, removed, reordered or cut-off event, the replica's copy catches a
// rewrite with a recomputed chain, and the restricted console role can sync but not change the log.
#include "DatabaseProbe.h"
#include "PgTestServer.h"
#include "TestSupport.h"
#include "TestWorkspace.h"

#include "auth/Actor.h"
#include "service/TicketService.h"
#include "storage/Database.h"
#include "sync/ConsoleLogins.h"
#include "sync/ConsoleRole.h"
#include "sync/PgConnection.h"
#include "sync/ServerChainVerifier.h"
#include "sync/ServerMessageClaims.h"
#include "sync/ServerSchema.h"
#include "sync/SyncEngine.h"

#include <QFile>
#include <QSqlQuery>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace hotline;
using namespace hotline::test;

namespace {

const QString kRole = u"hotline_console"_s;

NewTicket complaint(int i)
{
    NewTicket t;
    t.type = TicketType::Complaint;
    t.callerName = u"张三"_s;
    t.callerPhone = u"13812345678"_s;
    t.summary = u"井盖缺失 %1"_s.arg(i);
    return t;
}

bool syncWith(TestWorkspace &tw, const QString &url, SyncPassResult *result = nullptr)
{
    SyncEngine engine(tw.ws->database(), tw.clock);
    SyncPassResult r;
    QString error;
    const bool ok = engine.connectTo(url, &error) && engine.runPass(&r, &error);
    if (!ok)
        qWarning() << "sync failed:" << error;
    if (result)
        *result = r;
    return ok;
}

/** Five tickets registered and dispatched on one console, synced: server events 1..10. */
bool fill(TestWorkspace &tw, const QString &url)
{
    tw.addDepartment(u"CG"_s, u"城管局"_s);
    if (!syncWith(tw, url))
        return false;
    const Actor taker{u"alice"_s, Role::CallTaker, QString(), tw.ws->consoleCode()};
    const Actor dispatcher{u"bob"_s, Role::Dispatcher, QString(), tw.ws->consoleCode()};
    QString error;
    for (int i = 0; i < 5; ++i) {
        const QString id = tw.ws->tickets().registerTicket(taker, complaint(i), &error);
        if (id.isEmpty() || !tw.ws->tickets().dispatch(dispatcher, id, u"CG"_s, &error))
            return false;
    }
    return syncWith(tw, url);
}

/**
 * The users fill() acts as, on the server (as part "refrows" shares them), so that a console login may push their
 * events (server schema 7 checks every actor).
 */
bool seedUsers(PgConnection &owner)
{
    return owner.run("INSERT INTO hotline_reference_rows(tbl, key, version, content, edited_ms, console, updated_by) "
                     "SELECT 'users', u.name, nextval('hotline_reference_row_version'), "
                     "json_build_object('name', u.name, 'role', u.role)::text, 0, '01', 'test' "
                     "FROM (VALUES ('alice', 'calltaker'), ('bob', 'dispatcher')) u(name, role) "
                     "ON CONFLICT (tbl, key) DO NOTHING");
}

ChainFinding verifyServer(const QString &url, Database *replica = nullptr, qint64 *compared = nullptr, int batch = 4)
{
    PgConnection pg;
    if (!pg.connect(url)) {
        ChainFinding f;
        f.error = pg.lastError();
        return f;
    }
    // A small batch so that the tests cross batch boundaries.
    return ServerChainVerifier::verify(pg, replica, compared, batch);
}

/** Runs statements as the superuser with the triggers off, as an intruder with the server's keys would. */
bool tamper(const QString &url, const QList<QByteArray> &statements)
{
    PgConnection pg;
    if (!pg.connect(url) || !pg.run("SET session_replication_role = replica"))
        return false;
    for (const QByteArray &sql : statements) {
        if (!pg.run(sql)) {
            qWarning() << sql << pg.lastError();
            return false;
        }
    }
    return true;
}

QString serverId(const QString &url, qint64 seq)
{
    PgConnection pg;
    if (!pg.connect(url))
        return {};
    const PgResult r = pg.exec("SELECT id FROM hotline_events WHERE server_seq = $1", {QByteArray::number(seq)});
    return r.ok() && r.rows() == 1 ? r.text(0, 0) : QString();
}

/** Recomputes the whole chain from the first event, as someone who knows hotline_chain_link would. */
const QByteArray kRechain =
    "DO $$ DECLARE r record; h bytea := '\\x'::bytea; BEGIN "
    "FOR r IN SELECT * FROM hotline_events ORDER BY server_seq LOOP "
    "UPDATE hotline_events SET chain_prev = h, chain = hotline_chain_link(h, r.id, r.ticket_id, r.type, r.at_ms, "
    "r.actor, r.console, r.version, r.payload) WHERE server_seq = r.server_seq RETURNING chain INTO h; END LOOP; "
    "UPDATE hotline_sequence SET chain = h; END $$";

} // namespace

class TestVerifyServer : public QObject
{
    Q_OBJECT

private:
    PgTestServer m_server;
    int m_databases = 0;

    /** A fresh, initialised database on the test server. */
    QString freshDatabase()
    {
        const QString url = m_server.createDatabase(u"chain%1"_s.arg(++m_databases));
        PgConnection pg;
        QString error;
        if (url.isEmpty() || !pg.connect(url) || !ServerSchema::migrate(pg, &error)) {
            qWarning() << "cannot prepare a database:" << error << pg.lastError();
            return {};
        }
        return url;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY2(m_server.start(), qPrintable(m_server.error())); }

    void cleanChainIsIntactAndMatchesTheReplica()
    {
        const QString url = freshDatabase();
        TestWorkspace a;
        QVERIFY(fill(a, url));
        qint64 compared = 0;
        ChainFinding f = verifyServer(url, &a.ws->database(), &compared);
        QVERIFY2(f.ok(), qPrintable(f.describe(u"server_seq"_s) + f.error));
        QCOMPARE(f.checked, 10);
        QCOMPARE(compared, 10);
        // The head in the sequence row is the last event's link.
        PgConnection pg;
        QVERIFY(pg.connect(url));
        QCOMPARE(pg.exec("SELECT (SELECT chain FROM hotline_sequence) = (SELECT chain FROM hotline_events WHERE "
                         "server_seq = 10)").text(0, 0),
                 u"t"_s);
        // A replica from another server is not compared (it never joined this one).
        TestWorkspace stranger;
        f = verifyServer(url, &stranger.ws->database(), &compared);
        QVERIFY(f.ok());
        QCOMPARE(compared, 0);
    }

    void alteredEventIsNamed()
    {
        const QString url = freshDatabase();
        TestWorkspace a;
        QVERIFY(fill(a, url));
        QVERIFY(tamper(url, {"UPDATE hotline_events SET payload = replace(payload, '井盖', '路灯') WHERE server_seq = 3"}));
        const ChainFinding f = verifyServer(url);
        QCOMPARE(f.problem, ChainProblem::Altered);
        QCOMPARE(f.seq, 3);
        QCOMPARE(f.eventId, serverId(url, 3));
        QCOMPARE(f.type, u"registered"_s);
        QVERIFY(f.ticketNumber.contains(u"-01-"_s)); // from its registration on the server
        QCOMPARE(f.checked, 2);
    }

    void removedEventsAreNamed()
    {
        const QString url = freshDatabase();
        TestWorkspace a;
        QVERIFY(fill(a, url));
        const QString fifth = serverId(url, 5);
        QVERIFY(tamper(url, {"DELETE FROM hotline_events WHERE server_seq = 4"}));
        ChainFinding f = verifyServer(url);
        QCOMPARE(f.problem, ChainProblem::Removed);
        QCOMPARE(f.seq, 5);
        QCOMPARE(f.eventId, fifth);
        QCOMPARE(f.missing, 1);
        // Renumbered to close the gap: the link still points at the event that is gone.
        QVERIFY(tamper(url, {"UPDATE hotline_events SET server_seq = server_seq - 1 WHERE server_seq > 4",
                             "UPDATE hotline_sequence SET last = last - 1"}));
        f = verifyServer(url);
        QCOMPARE(f.problem, ChainProblem::Removed);
        QCOMPARE(f.seq, 4);
        QCOMPARE(f.eventId, fifth);
        QCOMPARE(f.checked, 3);
    }

    void swappedEventsAreNamedReordered()
    {
        const QString url = freshDatabase();
        TestWorkspace a;
        QVERIFY(fill(a, url));
        const QString fifth = serverId(url, 5);
        QVERIFY(tamper(url, {"UPDATE hotline_events SET server_seq = -1 WHERE server_seq = 3",
                             "UPDATE hotline_events SET server_seq = 3 WHERE server_seq = 5",
                             "UPDATE hotline_events SET server_seq = 5 WHERE server_seq = -1"}));
        const ChainFinding f = verifyServer(url);
        QCOMPARE(f.problem, ChainProblem::Reordered);
        QCOMPARE(f.seq, 3);
        QCOMPARE(f.eventId, fifth);
        QCOMPARE(f.otherSeq, 4);
    }

    void truncatedTailIsNamed()
    {
        const QString url = freshDatabase();
        TestWorkspace a;
        QVERIFY(fill(a, url));
        const QString seventh = serverId(url, 7);
        QVERIFY(tamper(url, {"DELETE FROM hotline_events WHERE server_seq > 7"}));
        ChainFinding f = verifyServer(url);
        QCOMPARE(f.problem, ChainProblem::Truncated);
        QCOMPARE(f.seq, 7);
        QCOMPARE(f.eventId, seventh);
        QCOMPARE(f.missing, 3);
        // The sequence row put back as well: the replica still remembers the events.
        QVERIFY(tamper(url, {"UPDATE hotline_sequence SET last = 7, chain = (SELECT chain FROM hotline_events WHERE "
                             "server_seq = 7)"}));
        QVERIFY(verifyServer(url).ok());
        f = verifyServer(url, &a.ws->database());
        QCOMPARE(f.problem, ChainProblem::Truncated);
        QCOMPARE(f.missing, 3);
    }

    void rewriteWithRecomputedChainIsCaughtByTheReplica()
    {
        const QString url = freshDatabase();
        TestWorkspace a;
        QVERIFY(fill(a, url));
        QVERIFY(tamper(url, {"UPDATE hotline_events SET actor = 'mallory' WHERE server_seq = 6", kRechain}));
        QVERIFY(verifyServer(url).ok()); // the chain alone cannot tell
        const ChainFinding f = verifyServer(url, &a.ws->database());
        QCOMPARE(f.problem, ChainProblem::Altered);
        QCOMPARE(f.seq, 6);
        QVERIFY2(f.detail.contains(u"actor"_s), qPrintable(f.detail));
        QVERIFY(!f.ticketNumber.isEmpty());
    }

    void migrationLinksExistingEventsInOrder()
    {
        // A server still at schema 2 with events, as before this version.
        const QString url = m_server.createDatabase(u"legacy"_s);
        PgConnection pg;
        QVERIFY(pg.connect(url));
        QVERIFY(pg.run("CREATE TABLE hotline_schema (version integer PRIMARY KEY, applied_at timestamptz NOT NULL "
                       "DEFAULT now())"));
        for (int v = 1; v <= 2; ++v) {
            QFile file(v == 1 ? u":/server/001_events.sql"_s : u":/server/002_sms_claims.sql"_s);
            QVERIFY(file.open(QIODevice::ReadOnly));
            QVERIFY2(pg.run(file.readAll()), qPrintable(pg.lastError()));
            QVERIFY(pg.run("INSERT INTO hotline_schema(version) VALUES ($1)", {QByteArray::number(v)}));
        }
        QVERIFY(pg.run("SELECT * FROM hotline_push(ARRAY['e1','e2','e3'], ARRAY['t1','t1','t2'], "
                       "ARRAY['registered','dispatched','registered'], ARRAY[1,2,3]::bigint[], ARRAY['a','b','c'], "
                       "ARRAY['01','01','02'], ARRAY['{\"number\":\"250303-01-0001\"}','{}','{}'], "
                       "ARRAY[1,1,1]::smallint[])"));
        QString error;
        int from = 0;
        QVERIFY2(ServerSchema::migrate(pg, &error, &from), qPrintable(error));
        QCOMPARE(from, 2);
        ChainFinding f = verifyServer(url);
        QVERIFY2(f.ok(), qPrintable(f.describe(u"server_seq"_s) + f.error));
        QCOMPARE(f.checked, 3);
        // The push keeps chaining from the backfilled head.
        QVERIFY(pg.run("SELECT * FROM hotline_push(ARRAY['e4'], ARRAY['t2'], ARRAY['urged'], ARRAY[4]::bigint[], "
                       "ARRAY['d'], ARRAY['02'], ARRAY['{}'], ARRAY[1]::smallint[])"));
        f = verifyServer(url);
        QVERIFY(f.ok());
        QCOMPARE(f.checked, 4);
        QVERIFY(tamper(url, {"UPDATE hotline_events SET at_ms = 9 WHERE id = 'e1'"}));
        f = verifyServer(url);
        QCOMPARE(f.problem, ChainProblem::Altered);
        QCOMPARE(f.seq, 1);
        QCOMPARE(f.ticketNumber, u"250303-01-0001"_s);
    }

    void consoleRoleSyncsButCannotChangeTheLog()
    {
        const QString url = freshDatabase();
        PgConnection owner;
        QVERIFY(owner.connect(url));
        QString error;
        // One login per console (server schema 7): each a restricted role with ConsoleRole's rights.
        QCOMPARE(ConsoleLogins::add(owner, kRole, "s3cret", QString(), &error), u"01"_s);
        QCOMPARE(ConsoleLogins::add(owner, kRole, "s3cret-too", QString(), &error), u"01"_s); // again: updated
        QCOMPARE(ConsoleLogins::add(owner, kRole + u"_b"_s, "s3cret", QString(), &error), u"02"_s);
        QVERIFY(seedUsers(owner));
        const QString roleUrl = m_server.urlAs(kRole, url.section(u'/', -1));
        const QString roleUrlB = m_server.urlAs(kRole + u"_b"_s, url.section(u'/', -1));

        // A real sync round, two consoles, each as its login.
        TestWorkspace a, b;
        QVERIFY(fill(a, roleUrl));
        SyncPassResult r;
        QVERIFY(syncWith(b, roleUrlB, &r));
        QCOMPARE(r.pulled, 10);
        QCOMPARE(b.ws->consoleCode(), u"02"_s);
        QCOMPARE(scalar(b.ws->database(), u"SELECT count(*) FROM departments WHERE code = 'CG'"_s), 1); // reference
        QCOMPARE(projectionText(a.ws->database()), projectionText(b.ws->database()));
        QVERIFY(verifyServer(roleUrl, &b.ws->database()).ok()); // verify needs only reading

        // SMS claims.
        ServerMessageClaims claims(roleUrl);
        Claim c = claims.claim(u"m1"_s, u"01"_s, 1000, 60000);
        QCOMPARE(c.result, ClaimResult::Granted);
        claims.release(u"m1"_s, u"01"_s);
        QCOMPARE(claims.claim(u"m1"_s, u"02"_s, 2000, 60000).result, ClaimResult::Granted);
        QVERIFY2(claims.markSent(u"m1"_s, u"02"_s, 3000, &error), qPrintable(error));
        QCOMPARE(claims.claim(u"m1"_s, u"01"_s, 4000, 60000).result, ClaimResult::AlreadySent);

        // And nothing else.
        PgConnection pg;
        QVERIFY(pg.connect(roleUrl));
        QCOMPARE(pg.exec("SELECT current_user").text(0, 0), kRole);
        for (const QByteArray &sql : {
                 QByteArray("UPDATE hotline_events SET actor = 'mallory'"),
                 QByteArray("DELETE FROM hotline_events"),
                 QByteArray("TRUNCATE hotline_events"),
                 QByteArray("ALTER TABLE hotline_events DISABLE TRIGGER hotline_events_no_update"),
                 QByteArray("ALTER TABLE hotline_events DISABLE TRIGGER ALL"),
                 QByteArray("INSERT INTO hotline_events(server_seq, id, ticket_id, type, at_ms, actor, console, payload, "
                            "chain_prev, chain) VALUES (99, 'x', 't', 'registered', 1, 'm', '01', '{}', '', '')"),
                 QByteArray("UPDATE hotline_sequence SET last = 0"),
                 QByteArray("DELETE FROM hotline_consoles"),
                 QByteArray("DROP TABLE hotline_events"),
                 QByteArray("CREATE TABLE hotline_events_copy (x int)"),
                 QByteArray("SET session_replication_role = replica"),
                 QByteArray("CREATE OR REPLACE FUNCTION hotline_chain_link(bytea, text, text, text, bigint, text, "
                            "text, smallint, text) RETURNS bytea LANGUAGE sql AS 'SELECT ''\\x''::bytea'"),
             }) {
            const PgResult refused = pg.exec(sql);
            QVERIFY2(!refused.ok(), sql.constData());
            QCOMPARE(refused.sqlState(), QByteArray("42501")); // insufficient_privilege, "must be owner" included
        }
        QVERIFY(verifyServer(url, &a.ws->database()).ok());
        QCOMPARE(scalar(a.ws->database(), u"SELECT count(*) FROM events WHERE server_seq IS NULL"_s), 0);
    }

    void consoleRoleRefusesDangerousRoles()
    {
        const QString url = freshDatabase();
        PgConnection owner;
        QVERIFY(owner.connect(url));
        QString error;
        QVERIFY(!ConsoleRole::apply(owner, u"hotline"_s, "x", &error)); // the owner (and a superuser) itself
        QVERIFY2(error.contains(u"owner"_s), qPrintable(error));
        QVERIFY(owner.run("CREATE ROLE too_mighty LOGIN CREATEROLE"));
        QVERIFY(!ConsoleRole::apply(owner, u"too_mighty"_s, "x", &error));
        QVERIFY(!ConsoleRole::apply(owner, u"Robert'); DROP TABLE hotline_events;--"_s, "x", &error));
        QVERIFY(!ConsoleRole::apply(owner, u"fine_name"_s, QByteArray(), &error));
        QCOMPARE(owner.exec("SELECT count(*) FROM pg_roles WHERE rolname = 'fine_name'").integer(0, 0), 0);
    }

    void ownerWithoutSuperuserSetsUpTheRole()
    {
        // As DEPLOYMENT.md sets it up: an owner login that is no superuser (here with CREATEROLE).
        PgConnection admin;
        QVERIFY(admin.connect(m_server.urlAs(u"hotline"_s, u"postgres"_s)));
        QVERIFY(admin.run("CREATE ROLE centre LOGIN CREATEROLE"));
        QVERIFY(admin.run("CREATE DATABASE centre OWNER centre"));
        QVERIFY(admin.run("REVOKE CONNECT ON DATABASE centre FROM PUBLIC"));
        PgConnection owner;
        QVERIFY(owner.connect(m_server.urlAs(u"centre"_s, u"centre"_s)));
        QString error;
        QVERIFY2(ServerSchema::migrate(owner, &error), qPrintable(error));
        QVERIFY2(!ConsoleLogins::add(owner, u"centre_desk"_s, "pw", QString(), &error).isEmpty(), qPrintable(error));
        QVERIFY(seedUsers(owner));
        TestWorkspace a;
        QVERIFY(fill(a, m_server.urlAs(u"centre_desk"_s, u"centre"_s)));
        QVERIFY(verifyServer(m_server.urlAs(u"centre_desk"_s, u"centre"_s), &a.ws->database()).ok());
    }

    void ctlServerInitAndVerifyServer()
    {
        const QString url = m_server.createDatabase(u"ctl"_s);
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(u"HOTLINE_CONSOLE_PASSWORD"_s);
        CtlResult r = runCtl({u"server"_s, u"init"_s, u"--url"_s, url, u"--console-role"_s, u"desk"_s}, env);
        QCOMPARE(r.exitCode, 2); // no password anywhere (stdin is closed)
        env.insert(u"HOTLINE_CONSOLE_PASSWORD"_s, u"desk-secret"_s);
        r = runCtl({u"server"_s, u"init"_s, u"--url"_s, url, u"--console-role"_s, u"desk"_s}, env);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(r.out.contains("desk"));
        QVERIFY(!r.out.contains("desk-secret") && !r.err.contains("desk-secret"));
        // Since server schema 7 a console pushes only with a console login: the role becomes one.
        r = runCtl({u"server"_s, u"add-console"_s, u"desk"_s, u"--url"_s, url}, env);
        QVERIFY2(r.exitCode == 0 && r.out.contains("console code 01"), r.err.constData());
        PgConnection owner;
        QVERIFY(owner.connect(url) && seedUsers(owner));
        const QString deskUrl = m_server.urlAs(u"desk"_s, u"ctl"_s);

        TestWorkspace a;
        QVERIFY(fill(a, deskUrl));
        r = runCtl({u"verify"_s, u"--server"_s, deskUrl});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(r.out.contains("OK: 10 events"));
        r = runCtl({u"verify"_s, u"--server"_s, deskUrl, u"--db"_s, a.path()});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(r.out.contains("10 events match"), r.out.constData());

        const QString third = serverId(url, 3);
        QVERIFY(tamper(url, {"UPDATE hotline_events SET type = 'closed' WHERE server_seq = 3"}));
        r = runCtl({u"verify"_s, u"--server"_s, deskUrl});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("hotlinectl: altered: "), r.err.constData());
        QVERIFY2(r.err.contains(third.toUtf8()), r.err.constData());
        QCOMPARE(runCtl({u"verify"_s, u"--server"_s, u"postgresql://[oops"_s}).exitCode, 2);
        r = runCtl({u"verify"_s, u"--server"_s, u"postgresql://hotline:pw@127.0.0.1:1/x"_s});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(!r.err.contains("pw@"));
    }
};

QTEST_GUILESS_MAIN(TestVerifyServer)
#include "tst_verify_server.moc"
