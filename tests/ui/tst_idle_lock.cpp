// The idle lock of a shared terminal: locks after the configured idle time (measured with the injected clock),
// hides the console, unlocks only with the signed-in user's password (wrong ones count toward the lockout),
// offers "Sign out", and never locks when set to 0.
#include "TestWorkspace.h"

#include "auth/UserStore.h"
#include "lock/IdleLock.h"
#include "lock/LockScreen.h"
#include "storage/Settings.h"
#include "support/ConsoleSession.h"

#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using namespace hotline;
using namespace hotline::test;

namespace {

const Actor kChen{u"chen"_s, Role::CallTaker, QString(), u"01"_s};

void addChen(TestWorkspace &tw)
{
    QString error;
    UserStore &users = tw.ws->users();
    QVERIFY2(users.create(std::nullopt, User{u"admin"_s, u"王主任"_s, Role::Administrator, {}}, u"chief-2025"_s, &error),
             qPrintable(error));
    QVERIFY2(users.create(users.user(u"admin"_s), User{u"chen"_s, u"陈小红"_s, Role::CallTaker, {}}, u"phones-2025"_s, &error),
             qPrintable(error));
}

/** A stand-in for the console window, with a half-typed field that must survive locking. */
struct Console
{
    QWidget window;
    QLineEdit *draft = new QLineEdit(&window);
    Console()
    {
        draft->setObjectName(u"draft"_s);
        (new QVBoxLayout(&window))->addWidget(draft);
        window.show();
    }
};

void typePassword(LockScreen *screen, const QString &password)
{
    auto *field = screen->findChild<QLineEdit *>(u"lockPassword"_s);
    field->setFocus();
    QTest::keyClicks(field, password);
    QTest::keyClick(field, Qt::Key_Return);
}

} // namespace

class TestIdleLock : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void locksAfterIdleAndUnlocksWithThePassword()
    {
        TestWorkspace tw;
        addChen(tw);
        ConsoleSession session(*tw.ws, tw.clock, kChen);
        Console console;
        QTest::keyClicks(console.draft, u"half typed"_s); // typing is input
        IdleLock idle(session, &console.window);
        QCOMPARE(idle.idleMinutes(), 10);
        QSignalSpy changes(&idle, &IdleLock::lockedChanged);

        tw.clock.advanceSecs(9 * 60);
        idle.check();
        QVERIFY(!idle.isLocked());
        QTest::keyClick(console.draft, Qt::Key_Space); // input restarts the idle time
        tw.clock.advanceSecs(9 * 60);
        idle.check();
        QVERIFY(!idle.isLocked());
        tw.clock.advanceSecs(61);
        idle.check();
        QVERIFY(idle.isLocked());
        QCOMPARE(changes.count(), 1);

        // The content is hidden; the lock screen says who is signed in.
        QVERIFY(!console.window.isVisible());
        LockScreen *screen = idle.lockScreen();
        QVERIFY(screen && screen->isVisible());
        QCOMPARE(screen->windowModality(), Qt::ApplicationModal);
        const QString who = screen->findChild<QLabel *>(u"lockUser"_s)->text();
        QVERIFY2(who.contains(u"陈小红"_s) && who.contains(u"chen"_s), qPrintable(who));
        QVERIFY(!screen->close()); // cannot simply be closed
        QVERIFY(screen->isVisible());

        // A wrong password is refused and counts toward the lockout.
        typePassword(screen, u"not-mine-1"_s);
        QVERIFY(idle.isLocked());
        QVERIFY(!console.window.isVisible());
        QVERIFY(!screen->findChild<QLabel *>(u"lockMessage"_s)->text().isEmpty());
        QCOMPARE(tw.ws->users().lockState(u"chen"_s).failures, 1);
        QVERIFY(screen->findChild<QLineEdit *>(u"lockPassword"_s)->text().isEmpty());

        // Someone else's password does not unlock chen's console.
        typePassword(screen, u"chief-2025"_s);
        QVERIFY(idle.isLocked());

        typePassword(screen, u"phones-2025"_s);
        QVERIFY(!idle.isLocked());
        QVERIFY(console.window.isVisible());
        QVERIFY(!screen->isVisible());
        QCOMPARE(console.draft->text(), u"half typed "_s); // nothing lost
        QCOMPARE(tw.ws->users().lockState(u"chen"_s).failures, 0);
        QCOMPARE(changes.count(), 2);

        // Idle time starts again after unlocking.
        tw.clock.advanceSecs(5 * 60);
        idle.check();
        QVERIFY(!idle.isLocked());
        tw.clock.advanceSecs(5 * 60);
        idle.check();
        QVERIFY(idle.isLocked());
        QVERIFY(idle.lockScreen()->findChild<QLabel *>(u"lockMessage"_s)->text().isEmpty()); // a fresh screen
    }

    void lockoutReachedAtTheLockScreen()
    {
        TestWorkspace tw;
        addChen(tw);
        ConsoleSession session(*tw.ws, tw.clock, kChen);
        Console console;
        IdleLock idle(session, &console.window);
        idle.lock();
        for (int i = 0; i < 5; ++i)
            typePassword(idle.lockScreen(), u"guess-no"_s + QString::number(i));
        QVERIFY(tw.ws->users().isLocked(u"chen"_s));
        typePassword(idle.lockScreen(), u"phones-2025"_s); // even the right one, while locked
        QVERIFY(idle.isLocked());
        QVERIFY(idle.lockScreen()->findChild<QLabel *>(u"lockMessage"_s)->text().contains(u"locked"_s));
        tw.clock.advanceSecs(16 * 60);
        typePassword(idle.lockScreen(), u"phones-2025"_s);
        QVERIFY(!idle.isLocked());
    }

    void signOutIsOffered()
    {
        TestWorkspace tw;
        addChen(tw);
        ConsoleSession session(*tw.ws, tw.clock, kChen);
        Console console;
        IdleLock idle(session, &console.window);
        QSignalSpy signOut(&idle, &IdleLock::signOutRequested);
        idle.lock();
        auto *button = idle.lockScreen()->findChild<QPushButton *>(u"lockSignOut"_s);
        QVERIFY(button->isVisible());
        QTest::mouseClick(button, Qt::LeftButton);
        QCOMPARE(signOut.count(), 1);
        QVERIFY(!console.window.isVisible()); // nothing shows while the session closes
    }

    void settingChangesApplyAndZeroMeansNever()
    {
        TestWorkspace tw;
        addChen(tw);
        QString error;
        QVERIFY(tw.ws->settings().set(u"security.idle_lock_minutes"_s, u"0"_s, &error));
        ConsoleSession session(*tw.ws, tw.clock, kChen);
        Console console;
        IdleLock idle(session, &console.window);
        QCOMPARE(idle.idleMinutes(), 0);
        tw.clock.advanceSecs(24 * 3600);
        idle.check();
        QVERIFY(!idle.isLocked());
        QVERIFY(console.window.isVisible());
        QVERIFY(!idle.lockScreen());

        QVERIFY(tw.ws->settings().set(u"security.idle_lock_minutes"_s, u"2"_s, &error));
        QTest::mouseMove(console.draft); // input now
        QTest::mouseClick(console.draft, Qt::LeftButton);
        tw.clock.advanceSecs(119);
        idle.check();
        QVERIFY(!idle.isLocked());
        tw.clock.advanceSecs(1);
        idle.check();
        QVERIFY(idle.isLocked());
    }
};

QTEST_MAIN(TestIdleLock)
#include "tst_idle_lock.moc"
