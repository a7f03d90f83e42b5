// Password hashes off the shared data (issue 16, part "secrets"), on a real, private PostgreSQL server and real
// consoles: a console login reads no hash anywhere, sets one only with a proved key, and a person created or
// changed on one console signs in on another through the server's checking function, then offline there.
#include "DatabaseProbe.h"
#include "PgTestServer.h"
#include "TestSupport.h"
#include "TestWorkspace.h"
#include "auth/PasswordHasher.h"
#include "auth/SecretOutbox.h"
#include "auth/UserStore.h"
#include "storage/Database.h"
#include "sync/ConsoleLogins.h"
#include "sync/ConsoleRole.h"
#include "sync/PgConnection.h"
#include "sync/ServerCredentials.h"
#include "sync/ServerSchema.h"
#include "sync/SyncEngine.h"

#include <QFile>
#include <QProcess>
#include <QSqlQuery>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace hotline;
using namespace hotline::test;

namespace {

const QString kRole = u"secrets_desk"_s;
const QString kAdminPassword = u"Adm1n-pass-word"_s;
const QString kBobPassword = u"Sunny-first-pass1"_s;
const QString kBobNewPassword = u"Rainy-second-pass2"_s;
const QString kUnreachable = u"postgresql://secrets_desk@127.0.0.1:1/none"_s;

User person(const QString &name, Role role)
{
    return User{name, name.toUpper(), role, {}};
}

QString hashOf(TestWorkspace &tw, const QString &name)
{
    QSqlQuery q(tw.ws->database().sql());
    q.prepare(u"SELECT password_hash FROM users WHERE name = ?"_s);
    q.addBindValue(name);
    return q.exec() && q.next() ? q.value(0).toString() : u"<no user>"_s;
}

} // namespace

class TestSyncSecrets : public QObject
{
    Q_OBJECT

private:
    PgTestServer m_server;
    int m_databases = 0;

    QString m_database;
    QString m_ownerUrl;

    /** A new database on the server with the schema; returns the URL of console login "a" on it. */
    QString freshServer(QString *ownerUrl = nullptr)
    {
        m_database = u"secrets%1"_s.arg(++m_databases);
        m_ownerUrl = m_server.createDatabase(m_database);
        PgConnection pg;
        QString error;
        if (m_ownerUrl.isEmpty() || !pg.connect(m_ownerUrl) || !ServerSchema::migrate(pg, &error)) {
            qWarning() << "cannot prepare a database:" << error << pg.lastError();
            return {};
        }
        if (ownerUrl)
            *ownerUrl = m_ownerUrl;
        return login(u"a"_s);
    }

    /** The URL of a console login of its own (one per console, server schema 7) on the current database. */
    QString login(const QString &who)
    {
        const QString name = m_database + u"_"_s + who;
        PgConnection pg;
        QString error;
        if (!pg.connect(m_ownerUrl) || ConsoleLogins::add(pg, name, "desk-pw", QString(), &error).isEmpty()) {
            qWarning() << "cannot add a console login:" << error << pg.lastError();
            return {};
        }
        return m_server.urlAs(name, m_database);
    }

    bool syncOnce(TestWorkspace &tw, const QString &url, SyncPassResult *result = nullptr)
    {
        SyncPassResult local;
        SyncEngine engine(tw.ws->database(), tw.clock);
        QString error;
        const bool ok = engine.connectTo(url, &error) && engine.runPass(result ? result : &local, &error);
        if (!ok)
            qWarning() << "sync failed:" << error;
        return ok;
    }

    /** Console A: an administrator and bob (a dispatcher), both on the server. */
    bool seed(TestWorkspace &a, const QString &url)
    {
        QString error;
        if (!a.ws->users().create(std::nullopt, person(u"admin"_s, Role::Administrator), kAdminPassword, &error))
            return false;
        SyncPassResult r;
        if (!syncOnce(a, url, &r) || !r.refusedPasswords.isEmpty())
            return false;
        // Created after the join: queued, and pushed with the administrator's proof.
        if (!a.ws->users().create(a.ws->users().user(u"admin"_s), person(u"bob"_s, Role::Dispatcher), kBobPassword,
                                  &error)) {
            qWarning() << error;
            return false;
        }
        r = {};
        if (!syncOnce(a, url, &r) || !r.refusedPasswords.isEmpty()) {
            qWarning() << r.refusedPasswords;
            return false;
        }
        return true;
    }

    QString signInError(TestWorkspace &tw, const QString &name, const QString &password)
    {
        QString error;
        const auto user = tw.ws->users().signIn(name, password, &error);
        return user ? QString() : (error.isEmpty() ? u"?"_s : error);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_server.start(), qPrintable(m_server.error()));
        QCOMPARE(SecretOutbox::joinedKey(), SyncEngine::joinedKey()); // core/auth's copy of the key
    }

    void signInAtAnotherConsoleOnlineThenOffline()
    {
        const QString url = freshServer();
        QVERIFY(!url.isEmpty());
        TestWorkspace a, b;
        QVERIFY(seed(a, url));
        const QString urlB = login(u"b"_s);
        QVERIFY(syncOnce(b, urlB));
        QVERIFY(b.ws->users().user(u"bob"_s));
        QCOMPARE(hashOf(b, u"bob"_s), QString()); // no hash travelled with the users

        // Without the server B cannot know bob's password.
        QVERIFY(!signInError(b, u"bob"_s, kBobPassword).isEmpty());
        b.ws->users().setRemoteCredentials(std::make_unique<ServerCredentials>(url));
        QVERIFY(!signInError(b, u"bob"_s, u"Not-his-password9"_s).isEmpty());
        QCOMPARE(hashOf(b, u"bob"_s), QString());
        QCOMPARE(signInError(b, u"bob"_s, kBobPassword), QString());
        QCOMPARE(hashOf(b, u"bob"_s), hashOf(a, u"bob"_s)); // the server's, rebuilt here from its parameters
        QCOMPARE(signInError(b, u"admin"_s, kAdminPassword), QString()); // seeded by A

        // Offline now: what B keeps is enough for bob, and a wrong password is still wrong.
        b.ws->users().setRemoteCredentials(std::make_unique<ServerCredentials>(kUnreachable, 1));
        QCOMPARE(signInError(b, u"bob"_s, kBobPassword), QString());
        const QString offline = signInError(b, u"bob"_s, u"Not-his-password9"_s);
        QVERIFY(!offline.isEmpty());
        QVERIFY2(offline.contains(u"server"_s), qPrintable(offline)); // says the server could not be asked

        // bob changes his password on A: after sync it works on B, and the old one does not, online or off.
        QString error;
        QVERIFY2(a.ws->users().changePassword(u"bob"_s, kBobPassword, kBobNewPassword, &error), qPrintable(error));
        SyncPassResult r;
        QVERIFY(syncOnce(a, url, &r));
        QVERIFY2(r.refusedPasswords.isEmpty(), qPrintable(r.refusedPasswords.join(u'\n')));
        QVERIFY(syncOnce(b, urlB));
        QCOMPARE(hashOf(b, u"bob"_s), QString()); // forgotten: it changed elsewhere
        b.ws->users().setRemoteCredentials(std::make_unique<ServerCredentials>(url));
        QVERIFY(!signInError(b, u"bob"_s, kBobPassword).isEmpty());
        QCOMPARE(signInError(b, u"bob"_s, kBobNewPassword), QString());
        b.ws->users().setRemoteCredentials(std::make_unique<ServerCredentials>(kUnreachable, 1));
        QCOMPARE(signInError(b, u"bob"_s, kBobNewPassword), QString());
        QVERIFY(!signInError(b, u"bob"_s, kBobPassword).isEmpty());

        // hotlinectl --as on a third console that never saw bob sign in: the server checks him, once.
        QTemporaryDir dir;
        const QString c = dir.filePath(u"c.db"_s);
        CtlResult run = runCtl({u"--db"_s, c, u"sync"_s, u"--once"_s, u"--server"_s, login(u"c"_s)});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        run = runCtlWithInput({u"--db"_s, c, u"search"_s, u"water"_s, u"--as"_s, u"bob"_s}, kBobPassword.toUtf8() + '\n');
        QCOMPARE(run.exitCode, 1);
        run = runCtlWithInput({u"--db"_s, c, u"search"_s, u"water"_s, u"--as"_s, u"bob"_s}, kBobNewPassword.toUtf8() + '\n');
        QVERIFY2(run.exitCode == 0, run.err.constData());
    }

    void consoleLoginReadsNoSecretAndSetsNoneWithoutProof()
    {
        QString ownerUrl;
        const QString url = freshServer(&ownerUrl);
        QVERIFY(!url.isEmpty());
        TestWorkspace a;
        QVERIFY(seed(a, url));
        const QString adminKey = PasswordHasher::keyOf(hashOf(a, u"admin"_s));
        const QString bobKey = PasswordHasher::keyOf(hashOf(a, u"bob"_s));
        QVERIFY(!adminKey.isEmpty() && !bobKey.isEmpty());

        PgConnection pg;
        QVERIFY2(pg.connect(url), qPrintable(pg.lastError()));
        QCOMPARE(pg.exec("SELECT current_user").text(0, 0), m_database + u"_a"_s);
        for (const QByteArray &sql : {QByteArray("SELECT * FROM hotline_user_secrets"),
                                      QByteArray("SELECT hash FROM hotline_user_secrets WHERE name = 'admin'"),
                                      QByteArray("SELECT * FROM hotline_sign_in_checks"),
                                      QByteArray("SELECT * FROM hotline_secret_pepper"),
                                      QByteArray("UPDATE hotline_user_secrets SET hash = hash"),
                                      QByteArray("SELECT hotline_count_failed_check('bob')"),
                                      QByteArray("SELECT hotline_secret_role('admin')")}) {
            const PgResult refused = pg.exec(sql);
            QVERIFY2(!refused.ok(), sql.constData());
            QCOMPARE(refused.sqlState(), QByteArray("42501"));
        }

        // Setting a hash: refused without the proved key of the user or of an administrator.
        const QByteArray mine = PasswordHasher::hash(u"Mallory-knows-1"_s, 1000).toLatin1();
        const QByteArray zeros(64, '0');
        for (const QList<QByteArray> &args : QList<QList<QByteArray>>{
                 {"admin", mine, "admin", zeros},
                 {"admin", mine, "bob", bobKey.toLatin1()},   // bob's real key, but no check proved it
                 {"admin", mine, "", ""},
                 {"admin", mine, "admin", adminKey.toLatin1().left(63) + (adminKey.endsWith(u'0') ? "1" : "0")}}) {
            const PgResult refused = pg.exec("SELECT hotline_set_password($1, $2, $3, $4)", args);
            QVERIFY(!refused.ok());
            QCOMPARE(refused.sqlState(), QByteArray("42501"));
        }
        // A proved key of a user who is no administrator sets only that user's own hash.
        PgResult r = pg.exec("SELECT accepted FROM hotline_check_password('bob', $1)", {bobKey.toLatin1()});
        QCOMPARE(r.text(0, 0), u"t"_s);
        r = pg.exec("SELECT hotline_set_password('admin', $1, 'bob', $2)", {mine, bobKey.toLatin1()});
        QCOMPARE(r.sqlState(), QByteArray("42501"));
        // The server has its hashes: no console seeds it again.
        r = pg.exec("SELECT * FROM hotline_seed_passwords('{admin}', $1)", {"{" + mine + "}"});
        QCOMPARE(r.sqlState(), QByteArray("42501"));
        QCOMPARE(signInError(a, u"admin"_s, kAdminPassword), QString()); // the admin's password still stands

        // Parameters of a name the server does not know look like a real one's, and stay the same.
        const PgResult p1 = pg.exec("SELECT iterations, salt FROM hotline_sign_in_parameters('nobody')");
        const PgResult p2 = pg.exec("SELECT iterations, salt FROM hotline_sign_in_parameters('nobody')");
        const PgResult p3 = pg.exec("SELECT iterations, salt FROM hotline_sign_in_parameters('nobody2')");
        QCOMPARE(p1.integer(0, 0), qint64(PasswordHasher::kIterations));
        QCOMPARE(p1.text(0, 1).size(), 32);
        QCOMPARE(p1.text(0, 1), p2.text(0, 1));
        QVERIFY(p1.text(0, 1) != p3.text(0, 1));

        // No password hash (nor key) in anything this login may read.
        PgConnection owner;
        QVERIFY(owner.connect(ownerUrl));
        const PgResult tables = owner.exec("SELECT quote_ident(c.relname) FROM pg_class c "
                                           "WHERE c.relnamespace = current_schema()::regnamespace "
                                           "AND c.relkind IN ('r', 'v', 'm', 'p') "
                                           "AND has_table_privilege($1, c.oid, 'SELECT')",
                                           {(m_database + u"_a"_s).toUtf8()});
        QVERIFY2(tables.ok(), qPrintable(tables.error()));
        QVERIFY(tables.rows() >= 3);
        QStringList readable;
        for (int i = 0; i < tables.rows(); ++i) {
            const QString table = tables.text(i, 0);
            readable << table;
            QVERIFY2(!table.contains(u"secret"_s) && !table.contains(u"sign_in"_s), qPrintable(table));
            const PgResult rows = pg.exec("SELECT t::text FROM " + table.toUtf8() + " t");
            QVERIFY2(rows.ok(), qPrintable(table + u": "_s + rows.error()));
            for (int row = 0; row < rows.rows(); ++row) {
                const QString text = rows.text(row, 0);
                QVERIFY2(!text.contains(u"pbkdf2-sha256"_s), qPrintable(table + u": "_s + text.left(200)));
                QVERIFY2(!text.contains(adminKey) && !text.contains(bobKey), qPrintable(table));
            }
        }
        QVERIFY2(readable.contains(u"hotline_events"_s), qPrintable(readable.join(u' ')));
        const PgResult changes = pg.exec("SELECT c::text FROM hotline_password_changes(0) c");
        QCOMPARE(changes.rows(), 2);
        for (int row = 0; row < changes.rows(); ++row)
            QVERIFY(!changes.text(row, 0).contains(u"pbkdf2"_s) && !changes.text(row, 0).contains(bobKey));

        // Checks are counted at the server: after five wrong keys even the right one is not compared.
        for (int i = 1; i <= 5; ++i) {
            r = pg.exec("SELECT accepted, locked FROM hotline_check_password('bob', $1)", {zeros});
            QCOMPARE(r.text(0, 0), u"f"_s);
            QCOMPARE(r.text(0, 1), i == 5 ? u"t"_s : u"f"_s);
        }
        r = pg.exec("SELECT accepted, locked FROM hotline_check_password('bob', $1)", {bobKey.toLatin1()});
        QCOMPARE(r.text(0, 0), u"f"_s);
        QCOMPARE(r.text(0, 1), u"t"_s);
        TestWorkspace b;
        QVERIFY(syncOnce(b, login(u"b"_s)));
        b.ws->users().setRemoteCredentials(std::make_unique<ServerCredentials>(url));
        QVERIFY(signInError(b, u"bob"_s, kBobPassword).contains(u"server"_s));
    }

    void refusedChangeIsReportedAndNotLost()
    {
        const QString url = freshServer();
        QVERIFY(!url.isEmpty());
        TestWorkspace a;
        QVERIFY(seed(a, url));
        // The administrator's hash here no longer is the server's (as after a change made at another console).
        QSqlQuery q(a.ws->database().sql());
        q.prepare(u"UPDATE users SET password_hash = ? WHERE name = 'admin'"_s);
        q.addBindValue(PasswordHasher::hash(u"Other-admin-pass1"_s, 1000));
        QVERIFY(q.exec());
        const Actor admin = UserStore::actorFor(*a.ws->users().user(u"admin"_s), a.ws->consoleCode());
        QString error;
        QVERIFY2(a.ws->users().resetPassword(admin, u"bob"_s, u"Reset-by-admin-7"_s, &error), qPrintable(error));
        SyncPassResult r;
        QVERIFY(syncOnce(a, url, &r));
        QCOMPARE(r.refusedPasswords.size(), 1);
        QVERIFY2(r.refusedPasswords.first().startsWith(u"bob: "_s), qPrintable(r.refusedPasswords.first()));
        QCOMPARE(scalar(a.ws->database(), u"SELECT count(*) FROM user_secret_outbox WHERE refused IS NOT NULL"_s), 1);
        QCOMPARE(hashOf(a, u"bob"_s), QString()); // the server's password stays in force, here too
        r = {};
        QVERIFY(syncOnce(a, url, &r));
        QVERIFY(r.refusedPasswords.isEmpty()); // reported once, not sent again
        a.ws->users().setRemoteCredentials(std::make_unique<ServerCredentials>(url));
        QCOMPARE(signInError(a, u"bob"_s, kBobPassword), QString());

        // hotlinectl's reset has no administrator's key to show: refused before anything is written.
        const Actor ctlActor{u"hotlinectl"_s, Role::System, QString(), QString()};
        QVERIFY(!a.ws->users().resetPassword(ctlActor, u"bob"_s, u"Reset-by-ctl-77"_s, &error));
        QVERIFY2(error.contains(u"server"_s), qPrintable(error));
        QVERIFY(!hashOf(a, u"bob"_s).isEmpty());
    }

    void migrationTakesTheHashesOutOfTheOldUsersDocument()
    {
        // A server of version 7 whose users document still carries the hashes (as every server before issue 16).
        const QString url = m_server.createDatabase(u"secrets_old"_s);
        PgConnection owner;
        QVERIFY(owner.connect(url));
        QVERIFY(owner.run("CREATE TABLE hotline_schema (version integer PRIMARY KEY, applied_at timestamptz NOT NULL "
                          "DEFAULT now())"));
        for (int v = 1; v <= 7; ++v) {
            QFile file(u":/server/%1"_s.arg(QStringList{u"001_events.sql"_s, u"002_sms_claims.sql"_s,
                                                         u"003_event_chain.sql"_s, u"004_attachments.sql"_s,
                                                         u"005_ticket_numbers.sql"_s, u"006_reference_rows.sql"_s,
                                                         u"007_console_logins.sql"_s}
                                                .at(v - 1)));
            QVERIFY(file.open(QIODevice::ReadOnly));
            QVERIFY2(owner.run(file.readAll()), qPrintable(owner.lastError()));
            QVERIFY(owner.run("INSERT INTO hotline_schema(version) VALUES ($1)", {QByteArray::number(v)}));
        }
        const QString hash = PasswordHasher::hash(kBobPassword, 1000);
        const QByteArray doc = "[{\"name\":\"bob\",\"display_name\":\"Bob\",\"role\":\"dispatcher\",\"password_hash\":\""
            + hash.toLatin1() + "\",\"disabled\":0,\"created_ms\":1}]";
        QVERIFY2(owner.run("INSERT INTO hotline_reference(name, version, content, updated_by) VALUES "
                           "('users', nextval('hotline_reference_version'), $1, '01')",
                           {doc}),
                 qPrintable(owner.lastError()));
        QString error;
        QVERIFY2(ServerSchema::migrate(owner, &error), qPrintable(error));
        QCOMPARE(owner.exec("SELECT hash FROM hotline_user_secrets WHERE name = 'bob'").text(0, 0), hash);
        const QString content = owner.exec("SELECT content FROM hotline_reference WHERE name = 'users'").text(0, 0);
        QVERIFY2(!content.contains(u"pbkdf2"_s) && content.contains(u"\"bob\""_s), qPrintable(content));

        // bob signs in at a console with the password he had, through the server.
        QVERIFY2(ConsoleRole::apply(owner, kRole, "desk-pw", &error), qPrintable(error));
        const PgResult check = owner.exec("SELECT accepted FROM hotline_check_password('bob', $1)",
                                          {PasswordHasher::keyOf(hash).toLatin1()});
        QCOMPARE(check.text(0, 0), u"t"_s);
        ServerCredentials remote(m_server.urlAs(kRole, u"secrets_old"_s));
        const auto params = remote.parameters(u"bob"_s, &error);
        QVERIFY(params);
        QCOMPARE(params->iterations, 1000);
        qint64 version = 0;
        const QString key = PasswordHasher::keyOf(PasswordHasher::hashWith(kBobPassword, params->iterations,
                                                                           params->saltHex));
        QVERIFY(remote.check(u"bob"_s, key, &version, &error) == RemoteAnswer::Accepted);
        QVERIFY(version > 0);
        QVERIFY(remote.check(u"bob"_s, QString(64, u'0'), &version, &error) == RemoteAnswer::Refused);
    }
};

QTEST_GUILESS_MAIN(TestSyncSecrets)
#include "tst_sync_secrets.moc"
