// Accounts: the password policy, lockout after failed sign-ins (with a ManualClock), administration with the
// last-administrator protection and permission refusals, password changes, rehashing, and hotlinectl users.
#include "TestSupport.h"
#include "TestWorkspace.h"

#include "auth/PasswordHasher.h"
#include "auth/PasswordPolicy.h"
#include "auth/Permissions.h"
#include "auth/UserStore.h"
#include "service/DemoData.h"
#include "storage/Database.h"
#include "storage/Settings.h"
#include "sync/ReferenceData.h"

#include <QFile>
#include <QProcess>
#include <QSqlQuery>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace hotline;
using namespace hotline::test;

namespace {

const Actor kAdmin{u"admin"_s, Role::Administrator, QString(), u"01"_s};

/** A workspace with an administrator and one user of each other role. */
void addStaff(TestWorkspace &tw)
{
    tw.addDepartment(u"CG"_s, u"区城管局"_s);
    UserStore &users = tw.ws->users();
    QString error;
    QVERIFY2(users.create(std::nullopt, User{u"admin"_s, u"王主任"_s, Role::Administrator, {}}, u"chief-2025"_s, &error),
             qPrintable(error));
    const auto admin = users.user(u"admin"_s);
    const QList<User> staff{{u"chen"_s, u"陈小红"_s, Role::CallTaker, {}},
                            {u"li"_s, u"李明"_s, Role::Dispatcher, {}},
                            {u"huang"_s, u"黄志强"_s, Role::Liaison, u"CG"_s},
                            {u"liang"_s, u"梁建华"_s, Role::Supervisor, {}}};
    for (const User &u : staff)
        QVERIFY2(users.create(admin, u, u"start-2025"_s, &error), qPrintable(error));
}

QString storedHash(TestWorkspace &tw, const QString &name)
{
    QSqlQuery q(tw.ws->database().sql());
    q.prepare(u"SELECT password_hash FROM users WHERE name = ?"_s);
    q.addBindValue(name);
    return q.exec() && q.next() ? q.value(0).toString() : QString();
}

} // namespace

class TestAccounts : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void policy_data()
    {
        QTest::addColumn<QString>("password");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("reason"); // a word of the refusal, empty when accepted
        QTest::newRow("demo password") << DemoData::demoPassword() << u"calltaker"_s << QString();
        QTest::newRow("good") << u"blue-river-42"_s << u"chen"_s << QString();
        QTest::newRow("chinese letters") << u"热线密码2025"_s << u"chen"_s << QString();
        QTest::newRow("too short") << u"ab12cd3"_s << u"chen"_s << u"8"_s;
        QTest::newRow("letters only") << u"correcthorse"_s << u"chen"_s << u"digits"_s;
        QTest::newRow("digits only") << u"1234567890"_s << u"chen"_s << u"letters"_s;
        QTest::newRow("contains name") << u"xxChen2025"_s << u"chen"_s << u"sign-in name"_s;
        QTest::newRow("two-letter name allowed") << u"lily2025x"_s << u"li"_s << QString();
        QTest::newRow("common") << u"Passw0rd"_s << u"chen"_s << u"common"_s;
        QTest::newRow("common 2") << u"abcd1234"_s << u"chen"_s << u"common"_s;
    }
    void policy()
    {
        QFETCH(QString, password);
        QFETCH(QString, name);
        QFETCH(QString, reason);
        const QString why = PasswordPolicy::check(password, name);
        if (reason.isEmpty())
            QVERIFY2(why.isEmpty(), qPrintable(why));
        else
            QVERIFY2(why.contains(reason), qPrintable(why));
    }

    void policyAppliesOnCreateResetAndChange()
    {
        TestWorkspace tw;
        addStaff(tw);
        UserStore &users = tw.ws->users();
        QString error;
        QVERIFY(!users.create(users.user(u"admin"_s), User{u"zhao"_s, u"赵"_s, Role::CallTaker, {}}, u"onlyletters"_s, &error));
        QVERIFY(error.contains(u"digits"_s));
        QVERIFY(!users.resetPassword(kAdmin, u"chen"_s, u"chen12345"_s, &error));
        QVERIFY(error.contains(u"sign-in name"_s));
        QVERIFY(!users.changePassword(u"chen"_s, u"start-2025"_s, u"short1"_s, &error));
        QVERIFY(error.contains(u"8"_s));
        QVERIFY(!users.changePassword(u"chen"_s, u"start-2025"_s, u"start-2025"_s, &error)); // the same again
        QVERIFY(users.signIn(u"chen"_s, u"start-2025"_s, &error)); // nothing changed
    }

    void lockoutAfterRepeatedFailuresThenExpires()
    {
        TestWorkspace tw;
        addStaff(tw);
        UserStore &users = tw.ws->users();
        QString error;
        for (int i = 0; i < 4; ++i) {
            QVERIFY(!users.signIn(u"chen"_s, u"wrong-0"_s + QString::number(i), &error));
            QCOMPARE(error, u"Wrong sign-in name or password."_s);
        }
        QCOMPARE(users.lockState(u"chen"_s).failures, 4);
        QVERIFY(!users.isLocked(u"chen"_s));
        QVERIFY(!users.signIn(u"chen"_s, u"wrong-05"_s, &error)); // the fifth
        QVERIFY(users.isLocked(u"chen"_s));
        QVERIFY(error.contains(u"locked"_s));
        // While locked even the right password is refused, with the very same message as a wrong one.
        QString rightRefused;
        QString wrongRefused;
        QVERIFY(!users.signIn(u"chen"_s, u"start-2025"_s, &rightRefused));
        QVERIFY(!users.signIn(u"chen"_s, u"wrong-06"_s, &wrongRefused));
        QCOMPARE(rightRefused, wrongRefused);
        QVERIFY(rightRefused.contains(u"15"_s));
        // Other accounts are not affected.
        QVERIFY(users.signIn(u"li"_s, u"start-2025"_s, &error));
        tw.clock.advanceSecs(14 * 60);
        QVERIFY(!users.signIn(u"chen"_s, u"start-2025"_s, &error));
        tw.clock.advanceSecs(61);
        QVERIFY2(users.signIn(u"chen"_s, u"start-2025"_s, &error), qPrintable(error));
        QCOMPARE(users.lockState(u"chen"_s).failures, 0);
    }

    void successResetsTheCountAndSettingsApply()
    {
        TestWorkspace tw;
        addStaff(tw);
        UserStore &users = tw.ws->users();
        QString error;
        QVERIFY(tw.ws->settings().set(kAdmin, u"security.lockout_attempts"_s, u"3"_s, &error));
        QVERIFY(tw.ws->settings().set(kAdmin, u"security.lockout_minutes"_s, u"60"_s, &error));
        QVERIFY(!users.signIn(u"chen"_s, u"wrong-01"_s, &error));
        QVERIFY(!users.signIn(u"chen"_s, u"wrong-02"_s, &error));
        QVERIFY(users.signIn(u"chen"_s, u"start-2025"_s, &error)); // resets
        QVERIFY(!users.signIn(u"chen"_s, u"wrong-03"_s, &error));
        QVERIFY(!users.signIn(u"chen"_s, u"wrong-04"_s, &error));
        QVERIFY(!users.isLocked(u"chen"_s));
        QVERIFY(!users.signIn(u"chen"_s, u"wrong-05"_s, &error));
        QVERIFY(users.isLocked(u"chen"_s));
        tw.clock.advanceSecs(59 * 60);
        QVERIFY(users.isLocked(u"chen"_s));
        tw.clock.advanceSecs(60);
        QVERIFY(!users.isLocked(u"chen"_s));
        // A malformed or out-of-range value is refused, so the lockout cannot be switched off by a typo.
        QCOMPARE(users.lockout().maxAttempts(), 3);
        for (const QString &bad : {u"zero"_s, u"0"_s, u"101"_s}) {
            QVERIFY(!tw.ws->settings().set(u"security.lockout_attempts"_s, bad, &error));
            QVERIFY2(error.contains(u"from 1 to 100"_s), qPrintable(error));
        }
        QVERIFY(!tw.ws->settings().set(u"security.idle_lock_minutes"_s, u"-1"_s, &error));
        QVERIFY(tw.ws->settings().set(u"security.idle_lock_minutes"_s, u"0"_s, &error)); // 0 = never lock
        QCOMPARE(users.lockout().maxAttempts(), 3);
    }

    void unknownNamesLockToo()
    {
        TestWorkspace tw;
        addStaff(tw);
        UserStore &users = tw.ws->users();
        QString error;
        for (int i = 0; i < 5; ++i)
            users.signIn(u"nobody"_s, u"guess-00"_s + QString::number(i), &error);
        QVERIFY(error.contains(u"locked"_s)); // the same answer as for a real account
    }

    void administratorUnlocks()
    {
        TestWorkspace tw;
        addStaff(tw);
        UserStore &users = tw.ws->users();
        QString error;
        for (int i = 0; i < 5; ++i)
            users.signIn(u"admin"_s, u"wrong-pw"_s + QString::number(i), &error);
        QVERIFY(users.isLocked(u"admin"_s));
        const Actor supervisor{u"liang"_s, Role::Supervisor, QString(), u"01"_s};
        QVERIFY(!users.unlock(supervisor, u"admin"_s, &error));
        QVERIFY(users.isLocked(u"admin"_s));
        QVERIFY(users.unlock(Actor{u"other-admin"_s, Role::Administrator, QString(), u"01"_s}, u"admin"_s, &error));
        QVERIFY(!users.isLocked(u"admin"_s));
        QVERIFY(users.signIn(u"admin"_s, u"chief-2025"_s, &error));
    }

    void resetMeansMustChange()
    {
        TestWorkspace tw;
        addStaff(tw);
        UserStore &users = tw.ws->users();
        QString error;
        for (int i = 0; i < 5; ++i)
            users.signIn(u"huang"_s, u"forgot-it"_s + QString::number(i), &error);
        QVERIFY(users.isLocked(u"huang"_s));
        QVERIFY2(users.resetPassword(kAdmin, u"huang"_s, u"temp-4711"_s, &error), qPrintable(error));
        QVERIFY(!users.isLocked(u"huang"_s)); // a reset unlocks
        QVERIFY(!users.signIn(u"huang"_s, u"start-2025"_s, &error)); // the old one is gone
        auto signedIn = users.signIn(u"huang"_s, u"temp-4711"_s, &error);
        QVERIFY2(signedIn, qPrintable(error));
        QVERIFY(signedIn->mustChangePassword);
        QVERIFY(!users.changePassword(u"huang"_s, u"wrong-old1"_s, u"mine-2025x"_s, &error)); // needs the old one
        QCOMPARE(users.lockState(u"huang"_s).failures, 1); // and a wrong one counts
        QVERIFY2(users.changePassword(u"huang"_s, u"temp-4711"_s, u"mine-2025x"_s, &error), qPrintable(error));
        signedIn = users.signIn(u"huang"_s, u"mine-2025x"_s, &error);
        QVERIFY(signedIn);
        QVERIFY(!signedIn->mustChangePassword);
        QVERIFY(!users.signIn(u"huang"_s, u"temp-4711"_s, &error));
    }

    void disableAndEnable()
    {
        TestWorkspace tw;
        addStaff(tw);
        UserStore &users = tw.ws->users();
        QString error;
        QVERIFY(users.setDisabled(kAdmin, u"chen"_s, true, &error));
        QVERIFY(users.user(u"chen"_s)->disabled);
        QVERIFY(!users.signIn(u"chen"_s, u"start-2025"_s, &error));
        QVERIFY(error.contains(u"disabled"_s));
        QVERIFY(!users.signIn(u"chen"_s, u"not-it-1"_s, &error));
        QCOMPARE(error, u"Wrong sign-in name or password."_s); // a wrong password tells nothing more
        QVERIFY(users.setDisabled(kAdmin, u"chen"_s, false, &error));
        QVERIFY(users.signIn(u"chen"_s, u"start-2025"_s, &error));
        QVERIFY(!users.setDisabled(kAdmin, u"ghost"_s, true, &error));
        QVERIFY(error.contains(u"ghost"_s));
    }

    void lastAdministratorIsProtected()
    {
        TestWorkspace tw;
        addStaff(tw);
        UserStore &users = tw.ws->users();
        QString error;
        const Actor ctl{u"hotlinectl"_s, Role::System, QString(), QString()};
        QVERIFY(!users.setDisabled(ctl, u"admin"_s, true, &error));
        QVERIFY(error.contains(u"last"_s));
        QVERIFY(!users.setDisabled(kAdmin, u"admin"_s, true, &error)); // nor oneself
        QVERIFY(!users.changeRole(kAdmin, u"admin"_s, Role::Supervisor, QString(), &error));
        QVERIFY(error.contains(u"last"_s));
        QCOMPARE(users.user(u"admin"_s)->role, Role::Administrator);
        // With a second administrator the first may be demoted, and then the second is the last.
        QVERIFY2(users.changeRole(kAdmin, u"liang"_s, Role::Administrator, QString(), &error), qPrintable(error));
        QVERIFY2(users.changeRole(kAdmin, u"admin"_s, Role::Supervisor, QString(), &error), qPrintable(error));
        QVERIFY(!users.setDisabled(ctl, u"liang"_s, true, &error));
        // A disabled administrator does not count.
        QVERIFY(users.changeRole(ctl, u"admin"_s, Role::Administrator, QString(), &error));
        QVERIFY(users.setDisabled(ctl, u"admin"_s, true, &error));
        QVERIFY(!users.changeRole(ctl, u"liang"_s, Role::Dispatcher, QString(), &error));
    }

    void changeRoleAndDepartment()
    {
        TestWorkspace tw;
        addStaff(tw);
        UserStore &users = tw.ws->users();
        QString error;
        QVERIFY(!users.changeRole(kAdmin, u"chen"_s, Role::Liaison, QString(), &error)); // a liaison needs one
        QVERIFY(users.changeRole(kAdmin, u"chen"_s, Role::Liaison, u"CG"_s, &error));
        QCOMPARE(users.user(u"chen"_s)->department, u"CG"_s);
        QVERIFY(users.changeRole(kAdmin, u"huang"_s, Role::Dispatcher, u"CG"_s, &error));
        QCOMPARE(users.user(u"huang"_s)->role, Role::Dispatcher);
        QVERIFY(users.user(u"huang"_s)->department.isEmpty()); // only liaisons keep a department
        QVERIFY(!users.changeRole(kAdmin, u"chen"_s, Role::System, QString(), &error));
    }

    void everyNonAdministratorIsRefused_data()
    {
        QTest::addColumn<int>("role");
        for (Role r : {Role::CallTaker, Role::Dispatcher, Role::Liaison, Role::Supervisor})
            QTest::newRow(qPrintable(toCode(r))) << int(r);
    }
    void everyNonAdministratorIsRefused()
    {
        QFETCH(int, role);
        TestWorkspace tw;
        addStaff(tw);
        UserStore &users = tw.ws->users();
        const Actor actor{u"someone"_s, Role(role), u"CG"_s, u"01"_s};
        QVERIFY(!Permissions::allows(actor, Action::ManageUsers));
        for (int i = 0; i < 5; ++i) {
            QString ignored;
            users.signIn(u"chen"_s, u"wrong-pw"_s + QString::number(i), &ignored);
        }
        QString error;
        QVERIFY(!users.setDisabled(actor, u"chen"_s, true, &error));
        QVERIFY(error.contains(u"someone"_s));
        error.clear();
        QVERIFY(!users.resetPassword(actor, u"chen"_s, u"taken-over1"_s, &error));
        QVERIFY(!error.isEmpty());
        error.clear();
        QVERIFY(!users.changeRole(actor, u"chen"_s, Role::Administrator, QString(), &error));
        QVERIFY(!error.isEmpty());
        error.clear();
        QVERIFY(!users.unlock(actor, u"chen"_s, &error));
        QVERIFY(!error.isEmpty());
        const User asUser{u"someone"_s, u"x"_s, Role(role), u"CG"_s};
        QVERIFY(!users.create(asUser, User{u"mallory"_s, u"M"_s, Role::Administrator, {}}, u"evil-2025x"_s, &error));
        // Nothing changed.
        const auto chen = users.user(u"chen"_s);
        QVERIFY(!chen->disabled);
        QCOMPARE(chen->role, Role::CallTaker);
        QVERIFY(!chen->mustChangePassword);
        QVERIFY(users.isLocked(u"chen"_s));
        QVERIFY(!users.user(u"mallory"_s));
    }

    void oldHashesAreStrengthenedOnSignIn()
    {
        TestWorkspace tw;
        addStaff(tw);
        QSqlQuery q(tw.ws->database().sql());
        q.prepare(u"UPDATE users SET password_hash = ? WHERE name = 'chen'"_s);
        q.addBindValue(PasswordHasher::hash(u"start-2025"_s, 1000));
        QVERIFY(q.exec());
        QCOMPARE(PasswordHasher::iterationsOf(storedHash(tw, u"chen"_s)), 1000);
        QString error;
        QVERIFY(ReferenceData::forgetMarks(tw.ws->database(), &error));
        QVERIFY(!tw.ws->users().signIn(u"chen"_s, u"wrong-pw1"_s, &error));
        QCOMPARE(PasswordHasher::iterationsOf(storedHash(tw, u"chen"_s)), 1000); // only the right password rehashes
        QVERIFY(tw.ws->users().signIn(u"chen"_s, u"start-2025"_s, &error));
        const QString strengthened = storedHash(tw, u"chen"_s);
        QCOMPARE(PasswordHasher::iterationsOf(strengthened), PasswordHasher::kIterations);
        // A new hash alone is no edit of the shared users row: pushing this console's copy of the row (with a later
        // edit time) could undo a change an administrator made to it on another console meanwhile.
        QVERIFY(ReferenceData::dirtyRows(tw.ws->database(), 0, &error).isEmpty());
        QVERIFY(tw.ws->users().signIn(u"chen"_s, u"start-2025"_s, &error));
        QCOMPARE(storedHash(tw, u"chen"_s), strengthened); // not again once current
        QCOMPARE(PasswordHasher::iterationsOf(u"plain"_s), 0);
    }

    void saltsDifferAndNoPlainTextInTheFile()
    {
        TestWorkspace tw;
        addStaff(tw);
        QString error;
        QVERIFY(tw.ws->users().resetPassword(kAdmin, u"li"_s, u"Unique-Secret-777"_s, &error));
        // The four staff share a password, yet no two stored hashes (nor their salts) are equal.
        QSet<QString> hashes;
        QSet<QString> salts;
        for (const QString &n : {u"chen"_s, u"huang"_s, u"liang"_s}) {
            const QString h = storedHash(tw, n);
            QVERIFY(h.startsWith(u"pbkdf2-sha256$120000$"_s));
            hashes.insert(h);
            salts.insert(h.section(u'$', 2, 2));
        }
        QCOMPARE(hashes.size(), 3);
        QCOMPARE(salts.size(), 3);
        tw.ws.reset(); // flush and close, then read the raw bytes (and the WAL, if any)
        QByteArray raw;
        for (const QString &suffix : {QString(), u"-wal"_s}) {
            QFile f(tw.path() + suffix);
            if (f.open(QIODevice::ReadOnly))
                raw += f.readAll();
        }
        QVERIFY(!raw.isEmpty());
        QVERIFY(!raw.contains("start-2025"));
        QVERIFY(!raw.contains("Unique-Secret-777"));
        QVERIFY(!raw.contains("chief-2025"));
    }

    void lockoutsStayLocalAndMustChangeTravels()
    {
        TestWorkspace tw;
        addStaff(tw);
        QString error;
        QVERIFY(ReferenceData::forgetMarks(tw.ws->database(), &error));
        for (int i = 0; i < 5; ++i)
            tw.ws->users().signIn(u"chen"_s, u"wrong-pw"_s + QString::number(i), &error);
        QVERIFY(!ReferenceData::tables().contains(u"user_lockouts"_s));
        QVERIFY(ReferenceData::dirtyRows(tw.ws->database(), 0, &error).isEmpty()); // failures touch no shared table
        QVERIFY(tw.ws->users().resetPassword(kAdmin, u"chen"_s, u"temp-4711"_s, &error));
        const QList<ReferenceRow> dirty = ReferenceData::dirtyRows(tw.ws->database(), 0, &error);
        QCOMPARE(dirty.size(), 1);
        QCOMPARE(dirty.first().table, u"users"_s);
        QCOMPARE(dirty.first().key, u"chen"_s);
        const QByteArray row = dirty.first().content;
        QVERIFY2(row.contains("\"must_change_password\":1"), row.constData());
        QVERIFY2(!row.contains("password_hash") && !row.contains("pbkdf2"), row.constData()); // the hash stays here

        // Another console takes the row: the must-change arrives there, its own password hash stays.
        TestWorkspace other;
        addStaff(other);
        QVERIFY(ReferenceData::forgetMarks(other.ws->database(), &error)); // as after a sync: nothing unpushed
        const QString hashBefore = storedHash(other, u"chen"_s);
        QVERIFY(!hashBefore.isEmpty());
        ReferenceRow pulled = dirty.first();
        pulled.version = 7;
        QStringList refusedSettings, refused;
        QVERIFY2(ReferenceData::apply(other.ws->database(), {pulled}, &refusedSettings, &refused, nullptr, &error),
                 qPrintable(error));
        QVERIFY(refused.isEmpty());
        QVERIFY(other.ws->users().user(u"chen"_s)->mustChangePassword);
        QCOMPARE(storedHash(other, u"chen"_s), hashBefore);
        for (const ReferenceRow &r : ReferenceData::dirtyRows(other.ws->database(), 0, &error))
            QVERIFY(r.key != u"chen"_s); // a pulled row is not pushed back
        // An older console's row without the column still fits (the local value stays).
        QByteArray old = row;
        old.replace(",\"must_change_password\":1", "").replace("\"must_change_password\":1,", "");
        QVERIFY(!old.contains("must_change_password"));
        pulled.content = old;
        pulled.version = 8;
        QVERIFY2(ReferenceData::apply(other.ws->database(), {pulled}, &refusedSettings, &refused, nullptr, &error),
                 qPrintable(error));
        QVERIFY(refused.isEmpty());
        QVERIFY(other.ws->users().user(u"chen"_s)->mustChangePassword);
    }

    void hotlinectlUsers()
    {
        TestWorkspace tw;
        addStaff(tw);
        // hotlinectl runs on the system clock: lock the account "now".
        tw.clock.setMs(QDateTime::currentMSecsSinceEpoch());
        QString error;
        for (int i = 0; i < 5; ++i)
            tw.ws->users().signIn(u"admin"_s, u"wrong-pw"_s + QString::number(i), &error);
        QVERIFY(tw.ws->users().isLocked(u"admin"_s));
        const QString db = tw.path();

        CtlResult r = runCtl({u"--db"_s, db, u"users"_s, u"list"_s});
        QCOMPARE(r.exitCode, 0);
        const QString listed = QString::fromUtf8(r.out);
        QVERIFY2(listed.contains(u"admin\t王主任\tadministrator"_s), r.out.constData());
        QVERIFY(listed.contains(u"locked until"_s));
        QVERIFY(!listed.contains(u"pbkdf2"_s));

        r = runCtl({u"--db"_s, db, u"users"_s, u"unlock"_s, u"admin"_s});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(!tw.ws->users().isLocked(u"admin"_s));
        QVERIFY(tw.ws->users().signIn(u"admin"_s, u"chief-2025"_s, &error));

        r = runCtl({u"--db"_s, db, u"users"_s, u"unlock"_s, u"ghost"_s});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains("ghost"));
        r = runCtl({u"--db"_s, db, u"users"_s, u"frobnicate"_s});
        QCOMPARE(r.exitCode, 2);

        // reset-password reads stdin only; a weak password is refused with the policy's reason.
        r = runCtlWithInput({u"--db"_s, db, u"users"_s, u"reset-password"_s, u"admin"_s}, "weak\n");
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("8"), r.err.constData());
        r = runCtl({u"--db"_s, db, u"users"_s, u"reset-password"_s, u"admin"_s}); // empty stdin
        QCOMPARE(r.exitCode, 2);
        QVERIFY(tw.ws->users().signIn(u"admin"_s, u"chief-2025"_s, &error)); // unchanged so far
        r = runCtlWithInput({u"--db"_s, db, u"users"_s, u"reset-password"_s, u"admin"_s}, "Recovered-2025\n");
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const auto admin = tw.ws->users().signIn(u"admin"_s, u"Recovered-2025"_s, &error);
        QVERIFY2(admin, qPrintable(error));
        QVERIFY(admin->mustChangePassword);
        r = runCtl({u"--db"_s, db, u"users"_s, u"list"_s});
        QVERIFY(QString::fromUtf8(r.out).contains(u"must change password"_s));
    }
};

QTEST_GUILESS_MAIN(TestAccounts)
#include "tst_accounts.moc"
