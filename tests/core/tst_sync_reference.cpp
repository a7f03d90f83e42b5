// Shared reference data merged by row with a real, private PostgreSQL server (issue 16): concurrent additions all
// survive, concurrent edits of one row keep the later one and list the other as a conflict on every console, a
// console login writes only through the checking function and reads no secret, the SMS token never leaves the
// console it was set on, users' password hashes never travel.
#include "DatabaseProbe.h"
#include "PgTestServer.h"
#include "TestSupport.h"
#include "TestWorkspace.h"

#include "auth/UserStore.h"
#include "notify/DepartmentContacts.h"
#include "storage/Database.h"
#include "storage/ReferenceVerifier.h"
#include "storage/Settings.h"
#include "sync/ConsoleLogins.h"
#include "sync/PgConnection.h"
#include "sync/ReferenceConflicts.h"
#include "sync/SyncEngine.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace hotline;
using namespace hotline::test;

namespace {

const QString kRole = u"refdesk"_s;

Actor admin(TestWorkspace &tw, const QString &name)
{
    return Actor{name, Role::Administrator, QString(), tw.ws->consoleCode()};
}

QString departmentName(TestWorkspace &tw, const QString &code)
{
    const auto d = DepartmentContacts(tw.ws->database()).find(code);
    return d ? d->name : QString();
}

} // namespace

class TestSyncReference : public QObject
{
    Q_OBJECT

private:
    PgTestServer m_server;
    int m_databases = 0;

    /**
     * A fresh database with the schema; returns the owner's URL (the tests of merging sync as the owner, whose
     * pushes the server does not check) and, in consoleUrl, the URL of a console login of its own.
     */
    QString freshUrl(QString *consoleUrl = nullptr)
    {
        const QString name = u"ref%1"_s.arg(++m_databases);
        const QString url = m_server.createDatabase(name);
        if (url.isEmpty() || runCtl({u"server"_s, u"init"_s, u"--url"_s, url}).exitCode != 0)
            return {};
        if (consoleUrl) {
            PgConnection owner;
            QString error;
            const QString login = kRole + QString::number(m_databases);
            if (!owner.connect(url) || ConsoleLogins::add(owner, login, "desk-pw", QString(), &error).isEmpty()) {
                qWarning() << "console login:" << error << owner.lastError();
                return {};
            }
            *consoleUrl = m_server.urlAs(login, name);
        }
        return url;
    }

    static bool syncOnce(TestWorkspace &tw, const QString &url, SyncPassResult *result = nullptr)
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

    static QList<ReferenceConflict> conflicts(TestWorkspace &tw)
    {
        QList<ReferenceConflict> out;
        QString error;
        ReferenceConflicts(tw.ws->database()).list(&out, &error);
        return out;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_server.start(), qPrintable(m_server.error()));
    }

    void concurrentAdditionsAllSurvive()
    {
        const QString url = freshUrl();
        QVERIFY(!url.isEmpty());
        TestWorkspace a, b;
        a.addDepartment(u"CG"_s, u"区城管局"_s);
        QVERIFY(syncOnce(a, url)); // seeds
        QVERIFY(syncOnce(b, url)); // takes the server's
        QCOMPARE(departmentName(b, u"CG"_s), u"区城管局"_s);

        // Two administrators add a department each, on their own console, before either syncs.
        QString error;
        QVERIFY2(DepartmentContacts(a.ws->database())
                     .save(admin(a, u"ada"_s), DepartmentContact{u"SW"_s, u"区水务局"_s, {u"13800000001"_s}, QString()},
                           &error),
                 qPrintable(error));
        QVERIFY2(DepartmentContacts(b.ws->database())
                     .save(admin(b, u"ben"_s), DepartmentContact{u"JT"_s, u"区交通局"_s, {u"13800000002"_s}, QString()},
                           &error),
                 qPrintable(error));
        SyncPassResult r;
        QVERIFY(syncOnce(a, url));
        QVERIFY(syncOnce(b, url, &r));
        QVERIFY(syncOnce(a, url));
        for (TestWorkspace *tw : {&a, &b}) {
            QCOMPARE(departmentName(*tw, u"SW"_s), u"区水务局"_s);
            QCOMPARE(departmentName(*tw, u"JT"_s), u"区交通局"_s);
            QCOMPARE(departmentName(*tw, u"CG"_s), u"区城管局"_s);
            QVERIFY(conflicts(*tw).isEmpty());
            const ReferenceFinding f = ReferenceVerifier::verify(tw->ws->database());
            QVERIFY2(f.ok, qPrintable(f.message));
        }
        QCOMPARE(r.referenceConflicts, 0);
        QVERIFY(r.referenceUpdated.contains(u"departments"_s));
    }

    void concurrentEditsKeepTheLaterOneAndListTheOther()
    {
        const QString url = freshUrl();
        QVERIFY(!url.isEmpty());
        TestWorkspace a, b;
        a.addDepartment(u"SW"_s, u"区水务局"_s);
        QVERIFY(syncOnce(a, url));
        QVERIFY(syncOnce(b, url));
        QString error;
        auto rename = [&](TestWorkspace &tw, const QString &by, const QString &name) {
            return DepartmentContacts(tw.ws->database())
                .save(admin(tw, by), DepartmentContact{u"SW"_s, name, {u"13800000001"_s}, QString()}, &error);
        };

        // Round 1: A edits first and pushes first; B's later edit is kept over it.
        QVERIFY2(rename(a, u"ada"_s, u"水务局甲"_s), qPrintable(error));
        b.clock.advanceSecs(60);
        QVERIFY2(rename(b, u"ben"_s, u"水务局乙"_s), qPrintable(error));
        QVERIFY(syncOnce(a, url));
        QVERIFY(syncOnce(b, url));
        SyncPassResult r;
        QVERIFY(syncOnce(a, url, &r));
        QCOMPARE(departmentName(a, u"SW"_s), u"水务局乙"_s);
        QCOMPARE(departmentName(b, u"SW"_s), u"水务局乙"_s);
        QCOMPARE(r.referenceConflicts, 1);

        // Round 2: A edits earlier but pushes last: its edit loses, A takes B's.
        a.clock.advanceSecs(120);
        QVERIFY2(rename(a, u"ada"_s, u"水务局丙"_s), qPrintable(error));
        b.clock.advanceSecs(120);
        QVERIFY2(rename(b, u"ben"_s, u"水务局丁"_s), qPrintable(error));
        QVERIFY(syncOnce(b, url));
        QVERIFY(syncOnce(a, url));
        QVERIFY(syncOnce(b, url));
        QVERIFY(syncOnce(a, url));
        QCOMPARE(departmentName(a, u"SW"_s), u"水务局丁"_s);
        QCOMPARE(departmentName(b, u"SW"_s), u"水务局丁"_s);

        // The same list on both consoles, newest first: what was lost, by whom, from which console.
        for (TestWorkspace *tw : {&a, &b}) {
            const QList<ReferenceConflict> list = conflicts(*tw);
            QCOMPARE(list.size(), 2);
            QCOMPARE(list.at(0).table, u"departments"_s);
            QCOMPARE(list.at(0).key, u"SW"_s);
            QCOMPARE(list.at(0).lostBy, u"ada"_s);
            QCOMPARE(list.at(0).lostConsole, a.ws->consoleCode());
            QVERIFY(ReferenceConflicts::describe(list.at(0).lostContent).contains(u"水务局丙"_s));
            QVERIFY(ReferenceConflicts::describe(list.at(0).keptContent).contains(u"水务局丁"_s));
            QCOMPARE(list.at(0).keptBy, u"ben"_s);
            QCOMPARE(list.at(1).lostBy, u"ada"_s);
            QVERIFY(ReferenceConflicts::describe(list.at(1).lostContent).contains(u"水务局甲"_s));
            // The log and the table agree on every console (the losing console recorded taking the kept edit).
            const ReferenceFinding f = ReferenceVerifier::verify(tw->ws->database());
            QVERIFY2(f.ok, qPrintable(f.message));
        }
        QVERIFY(ReferenceConflicts(a.ws->database()).markAllSeen(&error));
        QCOMPARE(ReferenceConflicts(a.ws->database()).unseenCount(), 0);
        QCOMPARE(ReferenceConflicts(b.ws->database()).unseenCount(), 2); // seen is each console's own mark

        // hotlinectl lists them too.
        CtlResult c = runCtl({u"--db"_s, b.path(), u"sync"_s, u"conflicts"_s});
        QVERIFY2(c.exitCode == 0, c.err.constData());
        QVERIFY2(c.out.contains("SW") && c.out.contains("ada") && c.out.contains("水务局丙"), c.out.constData());
        c = runCtl({u"--db"_s, b.path(), u"sync"_s, u"conflicts"_s, u"--format"_s, u"json"_s});
        QVERIFY2(c.exitCode == 0, c.err.constData());
        const QJsonDocument doc = QJsonDocument::fromJson(c.out);
        QVERIFY2(doc.isObject(), c.out.constData());
        QCOMPARE(doc.object().value(u"reference"_s).toArray().size(), 2);
        QCOMPARE(doc.object().value(u"reference"_s).toArray().first().toObject().value(u"lost"_s).toObject()
                     .value(u"by"_s).toString(),
                 u"ada"_s);
    }

    void consoleLoginWritesOnlyThroughTheFunctionAndReadsNoSecret()
    {
        QString url;
        const QString ownerUrl = freshUrl(&url);
        QVERIFY(!ownerUrl.isEmpty());
        TestWorkspace a;
        a.addDepartment(u"CG"_s, u"区城管局"_s);
        QVERIFY(syncOnce(a, url)); // as the console's own login
        PgConnection pg;
        QVERIFY2(pg.connect(url), qPrintable(pg.lastError()));
        QCOMPARE(pg.exec("SELECT count(*) FROM hotline_reference_rows WHERE tbl = 'departments'").integer(0, 0), 1);
        for (const QByteArray &sql : {
                 QByteArray("INSERT INTO hotline_reference_rows(tbl, key, version, content, edited_ms, console, "
                            "updated_by) VALUES ('users', 'mallory', 999, '{\"name\":\"mallory\",\"role\":"
                            "\"administrator\"}', 1, '01', 'x')"),
                 QByteArray("UPDATE hotline_reference_rows SET content = '{}'"),
                 QByteArray("DELETE FROM hotline_reference_rows"),
                 QByteArray("INSERT INTO hotline_reference_conflicts(version, tbl, key, kept_version, kept_edited_ms, "
                            "kept_console, kept_by, lost_edited_ms, lost_console, lost_by) "
                            "VALUES (1, 't', 'k', 1, 1, '01', 'x', 1, '01', 'x')"),
                 QByteArray("DELETE FROM hotline_reference_conflicts"),
                 QByteArray("SELECT * FROM hotline_reference"),
                 QByteArray("SELECT content FROM hotline_reference WHERE name = 'settings'"),
                 QByteArray("INSERT INTO hotline_reference(name, version, content, updated_by) VALUES ('users', 1, "
                            "'[]', 'x')"),
                 QByteArray("SELECT nextval('hotline_reference_row_version')"),
                 // Through the function, a password hash or the SMS token is refused too.
                 QByteArray("SELECT * FROM hotline_put_reference_row('users', 'mallory', 0, "
                            "'{\"name\":\"mallory\",\"role\":\"administrator\",\"password_hash\":\"pbkdf2$1$00$00\"}', "
                            "1, 'mallory', '01')"),
                 QByteArray("SELECT * FROM hotline_put_reference_row('settings', 'sms.token', 0, "
                            "'{\"key\":\"sms.token\",\"value\":\"stolen\"}', 1, 'mallory', '01')"),
             }) {
            const PgResult refused = pg.exec(sql);
            QVERIFY2(!refused.ok(), sql.constData());
            QCOMPARE(refused.sqlState(), QByteArray("42501"));
        }
        // Not JSON objects, unknown tables, a key that is not the row's: refused as bad data.
        for (const QByteArray &sql : {
                 QByteArray("SELECT * FROM hotline_put_reference_row('towns', 'x', 0, '[1]', 1, 'm', '01')"),
                 QByteArray("SELECT * FROM hotline_put_reference_row('secrets', 'x', 0, '{}', 1, 'm', '01')"),
                 QByteArray("SELECT * FROM hotline_put_reference_row('towns', 'x', 0, '{\"name\":\"y\"}', 1, 'm', '01')"),
             }) {
            const PgResult refused = pg.exec(sql);
            QVERIFY2(!refused.ok(), sql.constData());
            QVERIFY2(refused.sqlState().startsWith("22"), refused.sqlState().constData());
        }
        PgConnection owner;
        QVERIFY(owner.connect(ownerUrl));
        QCOMPARE(owner.exec("SELECT count(*) FROM hotline_reference_rows WHERE key = 'mallory'").integer(0, 0), 0);
    }

    void smsTokenAndPasswordHashesNeverTravel()
    {
        const QString ownerUrl = freshUrl();
        const QString url = ownerUrl;
        QVERIFY(!url.isEmpty());
        TestWorkspace a, b;
        QString error;
        QVERIFY2(a.ws->settings().set(u"sms.token"_s, u"Token-Of-A-4711"_s, &error), qPrintable(error));
        QVERIFY2(a.ws->settings().set(u"sms.url"_s, u"https://sms.example.cn/send"_s, &error), qPrintable(error));
        QVERIFY2(a.ws->users().create(std::nullopt, User{u"admin"_s, u"王主任"_s, Role::Administrator, {}},
                                      u"chief-2025"_s, &error),
                 qPrintable(error));
        QVERIFY(syncOnce(a, url));
        QVERIFY(syncOnce(b, url)); // joins (before its own administrative events: it takes the server's data)
        QVERIFY2(b.ws->settings().set(u"sms.token"_s, u"Token-Of-B-0815"_s, &error), qPrintable(error));
        QVERIFY(syncOnce(b, url));
        QVERIFY(syncOnce(a, url));

        // The gateway's address is shared, each console's token stays its own.
        QCOMPARE(b.ws->settings().value(u"sms.url"_s), u"https://sms.example.cn/send"_s);
        QCOMPARE(a.ws->settings().value(u"sms.token"_s), u"Token-Of-A-4711"_s);
        QCOMPARE(b.ws->settings().value(u"sms.token"_s), u"Token-Of-B-0815"_s);
        PgConnection owner;
        QVERIFY(owner.connect(ownerUrl));
        const PgResult all = owner.exec("SELECT string_agg(coalesce(content, ''), ' ') FROM hotline_reference_rows");
        QVERIFY(all.ok());
        const QString everything = all.text(0, 0);
        QVERIFY(everything.contains(u"sms.example.cn"_s));
        QVERIFY(!everything.contains(u"Token-Of"_s));
        QCOMPARE(owner.exec("SELECT count(*) FROM hotline_reference_rows WHERE key = 'sms.token'").integer(0, 0), 0);

        // Users travel without their password hash: B knows the administrator, but has no password for them.
        const PgResult users = owner.exec("SELECT content FROM hotline_reference_rows WHERE tbl = 'users'");
        QCOMPARE(users.rows(), 1);
        QVERIFY(!users.text(0, 0).contains(u"password_hash"_s));
        QVERIFY(!users.text(0, 0).contains(u"pbkdf2"_s));
        QVERIFY(b.ws->users().user(u"admin"_s));
        QCOMPARE(scalar(b.ws->database(), u"SELECT count(*) FROM users WHERE name = 'admin' AND password_hash = ''"_s), 1);
        QVERIFY(!b.ws->users().signIn(u"admin"_s, u"chief-2025"_s, &error));
        QVERIFY(a.ws->users().signIn(u"admin"_s, u"chief-2025"_s, &error)); // A keeps its own hash
    }

    void badRowsFromTheServerAreRefusedAndReported()
    {
        const QString ownerUrl = freshUrl();
        const QString url = ownerUrl;
        QVERIFY(!url.isEmpty());
        TestWorkspace a;
        a.addDepartment(u"CG"_s, u"区城管局"_s);
        QString error;
        QVERIFY(a.ws->settings().set(u"sla.yellow_hours"_s, u"2"_s, &error));
        QVERIFY(syncOnce(a, url));
        // The server's owner (or an older, broken program) writes bad rows directly.
        PgConnection owner;
        QVERIFY(owner.connect(ownerUrl));
        for (const auto &[tbl, key, content] : {
                 std::tuple{"settings", "sla.yellow_hours", R"({"key":"sla.yellow_hours","value":"nan"})"},
                 std::tuple{"departments", "CG", R"({"code":"CG","name":"","duty_phones":"","head_phone":""})"},
                 std::tuple{"departments", "XX", R"({"code":"XX","name":"某局","duty_phones":"12345","head_phone":""})"},
                 std::tuple{"users", "mallory", R"({"name":"mallory","display_name":"M","role":"root","created_ms":1})"},
             }) {
            QVERIFY(owner.run("INSERT INTO hotline_reference_rows(tbl, key, version, content, edited_ms, console, "
                              "updated_by) VALUES ($1, $2, nextval('hotline_reference_row_version'), $3, 1, '00', 'x') "
                              "ON CONFLICT (tbl, key) DO UPDATE SET version = excluded.version, content = "
                              "excluded.content",
                              {tbl, key, content}));
        }
        SyncPassResult r;
        QVERIFY(syncOnce(a, url, &r));
        QCOMPARE(r.refusedSettings.size(), 1);
        QVERIFY2(r.refusedSettings.first().startsWith(u"sla.yellow_hours: "_s), qPrintable(r.refusedSettings.first()));
        QCOMPARE(r.refusedReference.size(), 3);
        const QString reported = r.refusedReference.join(u'\n');
        QVERIFY2(reported.contains(u"departments CG: "_s) && reported.contains(u"departments XX: "_s)
                     && reported.contains(u"users mallory: "_s),
                 qPrintable(reported));
        QCOMPARE(a.ws->settings().value(u"sla.yellow_hours"_s), u"2"_s);
        QCOMPARE(departmentName(a, u"CG"_s), u"区城管局"_s);
        QVERIFY(!DepartmentContacts(a.ws->database()).find(u"XX"_s));
        QVERIFY(!a.ws->users().user(u"mallory"_s));

        // hotlinectl prints each refusal.
        QVERIFY(owner.run("UPDATE hotline_reference_rows SET version = nextval('hotline_reference_row_version') "
                          "WHERE key = 'XX'"));
        const CtlResult c = runCtl({u"--db"_s, a.path(), u"sync"_s, u"--once"_s, u"--server"_s, url});
        QVERIFY2(c.exitCode == 0, c.err.constData());
        QVERIFY2(c.out.contains("reference row from the server refused") && c.out.contains("departments XX: "),
                 c.out.constData());
    }

    void upgradeConvertsTheOldDocumentsAndTakesThemFromConsoleRoles()
    {
        // A server of schema 5 with whole-table documents and a console role of that time.
        const QString url = m_server.createDatabase(u"upgrade"_s);
        QVERIFY(!url.isEmpty());
        PgConnection owner;
        QVERIFY(owner.connect(url));
        QVERIFY(owner.run("BEGIN"));
        QVERIFY(owner.run("CREATE TABLE hotline_schema (version integer PRIMARY KEY, applied_at timestamptz NOT NULL "
                          "DEFAULT now())"));
        for (int v = 1; v <= 5; ++v) {
            QFile file(u":/server/%1"_s.arg(QStringList{u"001_events.sql"_s, u"002_sms_claims.sql"_s,
                                                        u"003_event_chain.sql"_s, u"004_attachments.sql"_s,
                                                        u"005_ticket_numbers.sql"_s}
                                                .at(v - 1)));
            QVERIFY(file.open(QIODevice::ReadOnly));
            QVERIFY2(owner.run(file.readAll()), qPrintable(owner.lastError()));
            QVERIFY(owner.run("INSERT INTO hotline_schema(version) VALUES ($1)", {QByteArray::number(v)}));
        }
        QVERIFY(owner.run(R"(INSERT INTO hotline_reference(name, version, content, updated_by) VALUES
            ('departments', nextval('hotline_reference_version'), '[{"code":"CG","name":"区城管局","duty_phones":"","head_phone":""}]', '01'),
            ('users', nextval('hotline_reference_version'), '[{"name":"admin","display_name":"王","role":"administrator","department":null,"password_hash":"pbkdf2-sha256$1$00$00","disabled":0,"created_ms":1}]', '01'),
            ('settings', nextval('hotline_reference_version'), '[{"key":"sms.token","value":"Old-Token"},{"key":"sla.yellow_hours","value":"4"}]', '02'))"));
        QVERIFY(owner.run("CREATE ROLE olddesk LOGIN"));
        QVERIFY(owner.run("GRANT EXECUTE ON FUNCTION hotline_push(text[], text[], text[], bigint[], text[], text[], "
                          "text[], smallint[]) TO olddesk"));
        QVERIFY(owner.run("GRANT SELECT, INSERT, UPDATE ON hotline_reference TO olddesk"));
        QVERIFY(owner.run("GRANT USAGE ON SEQUENCE hotline_reference_version TO olddesk"));
        QVERIFY(owner.run("COMMIT"));

        const CtlResult r = runCtl({u"server"_s, u"init"_s, u"--url"_s, url});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const PgResult rows = owner.exec("SELECT tbl, key, content, console FROM hotline_reference_rows ORDER BY tbl, key");
        QVERIFY(rows.ok());
        QCOMPARE(rows.rows(), 3); // departments CG, settings sla.yellow_hours, users admin: no token
        QCOMPARE(rows.text(0, 1), u"CG"_s);
        QCOMPARE(rows.text(0, 3), u"01"_s);
        QCOMPARE(rows.text(1, 1), u"sla.yellow_hours"_s);
        QCOMPARE(rows.text(1, 3), u"02"_s);
        QCOMPARE(rows.text(2, 1), u"admin"_s);
        QVERIFY(!rows.text(2, 2).contains(u"password_hash"_s));
        QVERIFY(rows.text(2, 2).contains(u"administrator"_s));

        // The old console role reads rows, writes through the function, and no longer sees the documents.
        PgConnection desk;
        QVERIFY2(desk.connect(m_server.urlAs(u"olddesk"_s, u"upgrade"_s)), qPrintable(desk.lastError()));
        QCOMPARE(desk.exec("SELECT count(*) FROM hotline_reference_rows").integer(0, 0), 3);
        QCOMPARE(desk.exec("SELECT content FROM hotline_reference").sqlState(), QByteArray("42501"));
        QCOMPARE(desk.exec("UPDATE hotline_reference SET content = '[]'").sqlState(), QByteArray("42501"));
        const PgResult put = desk.exec("SELECT outcome FROM hotline_put_reference_row('towns', '丹灶镇', 0, "
                                       "'{\"name\":\"丹灶镇\"}', 1, 'ada', '01')");
        QVERIFY2(put.ok(), qPrintable(put.error()));
        QCOMPARE(put.text(0, 0), u"written"_s);

        // A console joining takes the converted rows.
        TestWorkspace a;
        QVERIFY(syncOnce(a, url));
        QCOMPARE(departmentName(a, u"CG"_s), u"区城管局"_s);
        QCOMPARE(a.ws->settings().value(u"sla.yellow_hours"_s), u"4"_s);
        QCOMPARE(a.ws->settings().value(u"sms.token"_s), QString());
    }
};

QTEST_GUILESS_MAIN(TestSyncReference)
#include "tst_sync_reference.moc"
