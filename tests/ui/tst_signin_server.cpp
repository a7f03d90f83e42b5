// The sign-in dialog of a console that joined a shared server (issue 16, part "secrets"), on a real private
// PostgreSQL server: a person created at another console signs in here through the server's check, then offline.
#include "PgTestServer.h"
#include "TestWorkspace.h"
#include "auth/UserStore.h"
#include "service/Workspace.h"
#include "signin/SignInDialog.h"
#include "sync/ConsoleLogins.h"
#include "sync/PgConnection.h"
#include "sync/ServerCredentials.h"
#include "sync/ServerSchema.h"
#include "sync/SyncEngine.h"

#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace hotline;
using namespace hotline::test;

namespace {

bool syncOnce(TestWorkspace &tw, const QString &url)
{
    SyncEngine engine(tw.ws->database(), tw.clock);
    SyncPassResult r;
    QString error;
    const bool ok = engine.connectTo(url, &error) && engine.runPass(&r, &error) && r.refusedPasswords.isEmpty();
    if (!ok)
        qWarning() << "sync failed:" << error << r.refusedPasswords;
    return ok;
}

/** Types name and password into a fresh dialog and presses the button; the dialog's message, empty on success. */
QString signIn(Workspace &ws, const QString &name, const QString &password, bool *accepted)
{
    SignInDialog dialog(ws);
    dialog.show();
    dialog.findChild<QLineEdit *>(u"signInName"_s)->setText(name);
    dialog.findChild<QLineEdit *>(u"signInPassword"_s)->setText(password);
    QTest::mouseClick(dialog.findChild<QPushButton *>(u"signInButton"_s), Qt::LeftButton);
    *accepted = dialog.result() == QDialog::Accepted && dialog.user() && dialog.user()->name == name;
    return dialog.findChild<QLabel *>(u"signInMessage"_s)->text();
}

} // namespace

class TestSignInServer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void firstSignInAtAConsoleAsksTheServer()
    {
        PgTestServer server;
        QVERIFY2(server.start(), qPrintable(server.error()));
        const QString ownerUrl = server.createDatabase(u"signin"_s);
        PgConnection owner;
        QVERIFY(owner.connect(ownerUrl));
        QString error;
        QVERIFY2(ServerSchema::migrate(owner, &error), qPrintable(error));
        // One login per console (server schema 7).
        QVERIFY2(!ConsoleLogins::add(owner, u"signin_a"_s, "pw", QString(), &error).isEmpty(), qPrintable(error));
        QVERIFY2(!ConsoleLogins::add(owner, u"signin_b"_s, "pw", QString(), &error).isEmpty(), qPrintable(error));
        const QString url = server.urlAs(u"signin_a"_s, u"signin"_s);
        const QString urlB = server.urlAs(u"signin_b"_s, u"signin"_s);

        TestWorkspace a, b;
        UserStore &users = a.ws->users();
        QVERIFY(users.create(std::nullopt, User{u"admin"_s, u"Admin"_s, Role::Administrator, {}}, u"chief-2025"_s, &error));
        QVERIFY(syncOnce(a, url));
        QVERIFY2(users.create(users.user(u"admin"_s), User{u"li"_s, u"Li"_s, Role::CallTaker, {}}, u"li-pass-2025"_s,
                              &error),
                 qPrintable(error));
        QVERIFY(syncOnce(a, url));
        QVERIFY(syncOnce(b, urlB));

        // As the console app does it: B joined, so its sign-in asks the server for people it holds no hash of.
        QVERIFY(ServerCredentials::installFor(b.ws->users(), b.ws->database()));
        bool accepted = false;
        QString message = signIn(*b.ws, u"li"_s, u"not-her-pass1"_s, &accepted);
        QVERIFY(!accepted);
        QVERIFY2(message.contains(u"Wrong"_s), qPrintable(message));
        signIn(*b.ws, u"li"_s, u"li-pass-2025"_s, &accepted);
        QVERIFY(accepted);

        // The server is gone: li signs in with what B kept; admin, who never signed in at B, is told why not.
        QVERIFY(server.stop());
        signIn(*b.ws, u"li"_s, u"li-pass-2025"_s, &accepted);
        QVERIFY(accepted);
        message = signIn(*b.ws, u"admin"_s, u"chief-2025"_s, &accepted);
        QVERIFY(!accepted);
        QVERIFY2(message.contains(u"server cannot be reached"_s), qPrintable(message));
    }
};

QTEST_MAIN(TestSignInServer)
#include "tst_signin_server.moc"
