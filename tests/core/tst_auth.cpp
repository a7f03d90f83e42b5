// Users and sign-in: slow salted hashes, the first user is an administrator, only administrators add users.
#include "TestWorkspace.h"

#include "auth/PasswordHasher.h"
#include "auth/UserStore.h"
#include "service/DemoData.h"
#include "storage/Database.h"

#include <QSqlQuery>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace hotline;
using namespace hotline::test;

class TestAuth : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void hashesAreSaltedSlowAndVerifiable()
    {
        const QString a = PasswordHasher::hash(u"correct horse"_s);
        const QString b = PasswordHasher::hash(u"correct horse"_s);
        QVERIFY(a != b); // salted
        QVERIFY(a.startsWith(u"pbkdf2-sha256$120000$"_s));
        QVERIFY(PasswordHasher::kIterations >= 100000);
        QVERIFY(PasswordHasher::verify(u"correct horse"_s, a));
        QVERIFY(!PasswordHasher::verify(u"correct horsE"_s, a));
        QVERIFY(!PasswordHasher::verify(u"correct horse"_s, u"plain"_s));
        QVERIFY(!PasswordHasher::verify(u"x"_s, u"pbkdf2-sha256$0$00$00"_s));
        // A lower iteration count stored with an old hash still verifies.
        QVERIFY(PasswordHasher::verify(u"中文密码"_s, PasswordHasher::hash(u"中文密码"_s, 1000)));
    }

    void firstUserMustBeAdministrator()
    {
        TestWorkspace tw;
        UserStore &users = tw.ws->users();
        QVERIFY(!users.hasUsers());
        QString error;
        QVERIFY(!users.create(std::nullopt, User{u"alice"_s, u"陈小红"_s, Role::CallTaker, {}}, u"password1"_s, &error));
        QVERIFY(error.contains(u"administrator"_s));
        const User admin{u"admin"_s, u"王主任"_s, Role::Administrator, {}};
        QVERIFY2(users.create(std::nullopt, admin, u"password1"_s, &error), qPrintable(error));
        QVERIFY(users.hasUsers());
        // From now on only an administrator creates users.
        QVERIFY(!users.create(std::nullopt, User{u"bob"_s, u"李明"_s, Role::Dispatcher, {}}, u"password2"_s, &error));
        const User alice{u"alice"_s, u"陈小红"_s, Role::CallTaker, {}};
        QVERIFY(!users.create(alice, User{u"bob"_s, u"李明"_s, Role::Dispatcher, {}}, u"password2"_s, &error));
        QVERIFY2(users.create(admin, User{u"bob"_s, u"李明"_s, Role::Dispatcher, {}}, u"password2"_s, &error), qPrintable(error));
        QVERIFY(!users.create(admin, User{u"bob"_s, u"另一个"_s, Role::Dispatcher, {}}, u"password2"_s, &error));
        QVERIFY(!users.create(admin, User{u"carol"_s, u"黄"_s, Role::Liaison, {}}, u"password3"_s, &error)); // no department
        QVERIFY(!users.create(admin, User{u"dave"_s, u"梁"_s, Role::Supervisor, {}}, u"short"_s, &error));
        QVERIFY(!users.create(admin, User{u"bad name"_s, u"x"_s, Role::Supervisor, {}}, u"password4"_s, &error));
        QCOMPARE(users.users().size(), 2);
    }

    void signInChecksThePasswordAndStoresNoPlainText()
    {
        TestWorkspace tw;
        UserStore &users = tw.ws->users();
        QString error;
        QVERIFY(users.create(std::nullopt, User{u"admin"_s, u"王主任"_s, Role::Administrator, {}}, u"s3cret-pass"_s, &error));
        const auto ok = users.signIn(u"admin"_s, u"s3cret-pass"_s, &error);
        QVERIFY(ok);
        QCOMPARE(ok->role, Role::Administrator);
        QVERIFY(!users.signIn(u"admin"_s, u"wrong-pass"_s, &error));
        const QString wrongPassword = error;
        QVERIFY(!users.signIn(u"nobody"_s, u"s3cret-pass"_s, &error));
        QCOMPARE(error, wrongPassword); // does not tell which was wrong
        QSqlQuery q(tw.ws->database().sql());
        QVERIFY(q.exec(u"SELECT password_hash FROM users"_s) && q.next());
        QVERIFY(!q.value(0).toString().contains(u"s3cret"_s));
    }

    void demoCreatesOneAccountPerRole()
    {
        TestWorkspace tw;
        DemoSummary summary;
        QString error;
        QVERIFY2(DemoData::populate(*tw.ws, &summary, &error), qPrintable(error));
        QVERIFY(DemoData::isDemo(*tw.ws));
        QSet<Role> roles;
        for (const User &u : tw.ws->users().users())
            roles.insert(u.role);
        QCOMPARE(roles, (QSet<Role>{Role::Administrator, Role::CallTaker, Role::Dispatcher, Role::Liaison, Role::Supervisor}));
        const auto liaison = tw.ws->users().signIn(u"liaison"_s, DemoData::demoPassword(), &error);
        QVERIFY2(liaison, qPrintable(error));
        QCOMPARE(liaison->department, u"CG"_s);
    }
};

QTEST_GUILESS_MAIN(TestAuth)
#include "tst_auth.moc"
