// The main window per role, the status bar, and the administrator's users page.
#include "TestWorkspace.h"

#include "admin/UsersPage.h"
#include "auth/Permissions.h"
#include "board/UrgeAction.h"
#include "auth/UserStore.h"
#include "mainwindow/MainWindow.h"
#include "support/ConsoleSession.h"
#include "support/Prompts.h"
#include "util/Translations.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QAction>
#include <QTableWidget>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace hotline;
using namespace hotline::test;

namespace {

QStringList tabObjectNames(MainWindow &w)
{
    QStringList names;
    for (int i = 0; i < w.tabs()->count(); ++i)
        names << w.tabs()->widget(i)->objectName();
    return names;
}

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { Prompts::setTestMode(true); }

    void pagesFollowThePermissionTable()
    {
        // Every role's pages and menus are exactly what the permission table (core) allows.
        TestWorkspace tw(u"2025-03-03T10:00:00+08:00"_s);
        tw.addDepartment(u"CG"_s, u"区城管局"_s);
        const QList<std::pair<QString, Action>> pages{
            {u"registrationForm"_s, Action::Register},       {u"dispatchView"_s, Action::Dispatch},
            {u"accountabilityPage"_s, Action::ViewAccountability}, {u"reportsPage"_s, Action::ViewReports},
            {u"usersPage"_s, Action::ManageUsers},           {u"departmentsPage"_s, Action::ManageDepartments},
            {u"settingsPage"_s, Action::ManageConfig},      {u"calendarPage"_s, Action::ManageCalendar},
            {u"categoriesPage"_s, Action::ManageReference},  {u"townsPage"_s, Action::ManageReference},
        };
        const QList<std::pair<QString, Action>> menus{{u"actionSharedServer"_s, Action::ManageServer},
                                                      {u"actionSyncConflicts"_s, Action::ReviewConflicts}};
        for (Role role : Permissions::allRoles()) {
            ConsoleSession s(*tw.ws, tw.clock, Actor{u"u"_s, role, role == Role::Liaison ? u"CG"_s : QString(), u"01"_s});
            MainWindow w(s);
            const QStringList tabs = tabObjectNames(w);
            for (const auto &[page, action] : pages)
                QVERIFY2(tabs.contains(page) == Permissions::allows(role, action), qPrintable(toCode(role) + u' ' + page));
            QCOMPARE(tabs.contains(u"departmentDesk"_s), Permissions::grant(role, Action::Reply) == Grant::OwnDepartment);
            QVERIFY(tabs.contains(u"boardView"_s)); // everyone watches the board
            for (const auto &[menu, action] : menus)
                QVERIFY2((w.findChild<QAction *>(menu) != nullptr) == Permissions::allows(role, action),
                         qPrintable(toCode(role) + u' ' + menu));
            QCOMPARE(UrgeAction::offeredTo(s), Permissions::allows(role, Action::Urge));
        }
    }

    void eachRoleGetsItsWorkspaces()
    {
        TestWorkspace tw(u"2025-03-03T10:00:00+08:00"_s);
        tw.addDepartment(u"CG"_s, u"区城管局"_s);
        const auto tabsFor = [&](Role role, const QString &department = {}) -> QStringList {
            ConsoleSession s(*tw.ws, tw.clock, Actor{u"u"_s, role, department, u"01"_s});
            MainWindow w(s);
            return tabObjectNames(w);
        };
        QCOMPARE(tabsFor(Role::CallTaker).first(), u"registrationForm"_s);
        QVERIFY(!tabsFor(Role::CallTaker).contains(u"dispatchView"_s));
        QCOMPARE(tabsFor(Role::Dispatcher).first(), u"dispatchView"_s);
        QCOMPARE(tabsFor(Role::Liaison, u"CG"_s).first(), u"departmentDesk"_s);
        QCOMPARE(tabsFor(Role::Supervisor),
                 (QStringList{u"boardView"_s, u"accountabilityPage"_s, u"reportsPage"_s, u"auditPage"_s}));
        const QStringList admin = tabsFor(Role::Administrator);
        for (const QString &page : {u"accountabilityPage"_s, u"usersPage"_s, u"departmentsPage"_s, u"settingsPage"_s})
            QVERIFY2(admin.contains(page), qPrintable(admin.join(u", "_s)));
        for (Role role : {Role::CallTaker, Role::Dispatcher}) {
            QVERIFY(!tabsFor(role).contains(u"accountabilityPage"_s));
            QVERIFY(!tabsFor(role).contains(u"settingsPage"_s));
        }
        QVERIFY(!tabsFor(Role::Liaison, u"CG"_s).contains(u"accountabilityPage"_s));
        QVERIFY(!tabsFor(Role::Supervisor).contains(u"departmentsPage"_s));
    }

    void statusBarShowsUserDatabaseAndClock()
    {
        TestWorkspace tw(u"2025-03-03T10:00:00+08:00"_s);
        ConsoleSession s(*tw.ws, tw.clock, Actor{u"chen"_s, Role::CallTaker, QString(), u"01"_s});
        MainWindow w(s);
        QVERIFY(w.findChild<QLabel *>(u"statusUser"_s)->text().contains(u"chen"_s));
        QVERIFY(w.findChild<QLabel *>(u"statusDatabase"_s)->text().contains(u"hotline.db"_s));
        QLabel *clock = w.findChild<QLabel *>(u"statusClock"_s);
        QCOMPARE(clock->text(), u"2025-03-03 10:00:00"_s);
        tw.setNow(u"2025-03-03T12:30:00+08:00"_s); // lunch
        s.pulse();
        QVERIFY(clock->text().startsWith(u"2025-03-03 12:30:00 "_s));
    }

    void administratorAddsUsersAndOthersCannot()
    {
        TestWorkspace tw;
        tw.addDepartment(u"CG"_s, u"区城管局"_s);
        QString error;
        QVERIFY(tw.ws->users().create(std::nullopt, User{u"admin"_s, u"王主任"_s, Role::Administrator, {}}, u"chief-2025"_s, &error));
        ConsoleSession s(*tw.ws, tw.clock, Actor{u"admin"_s, Role::Administrator, QString(), u"01"_s});
        UsersPage page(s);
        page.findChild<QLineEdit *>(u"newUserName"_s)->setText(u"huang"_s);
        page.findChild<QLineEdit *>(u"newUserDisplayName"_s)->setText(u"黄志强"_s);
        auto *role = page.findChild<QComboBox *>(u"newUserRole"_s);
        role->setCurrentIndex(role->findData(int(Role::Liaison)));
        QVERIFY(page.findChild<QComboBox *>(u"newUserDepartment"_s)->isEnabled());
        page.findChild<QLineEdit *>(u"newUserPassword"_s)->setText(u"short"_s);
        QTest::mouseClick(page.findChild<QPushButton *>(u"addUser"_s), Qt::LeftButton);
        QVERIFY(page.findChild<QLabel *>(u"usersMessage"_s)->text().contains(u"8"_s));
        page.findChild<QLineEdit *>(u"newUserPassword"_s)->setText(u"long-enough-7"_s);
        QTest::mouseClick(page.findChild<QPushButton *>(u"addUser"_s), Qt::LeftButton);
        QCOMPARE(page.findChild<QTableWidget *>(u"usersTable"_s)->rowCount(), 2);
        const auto huang = tw.ws->users().signIn(u"huang"_s, u"long-enough-7"_s, &error);
        QVERIFY2(huang, qPrintable(error));
        QCOMPARE(huang->department, u"CG"_s);

        // The same page in the hands of a non-administrator is refused by the core.
        ConsoleSession other(*tw.ws, tw.clock, Actor{u"huang"_s, Role::Liaison, u"CG"_s, u"01"_s});
        UsersPage sneaky(other);
        sneaky.findChild<QLineEdit *>(u"newUserName"_s)->setText(u"mallory"_s);
        sneaky.findChild<QLineEdit *>(u"newUserDisplayName"_s)->setText(u"M"_s);
        sneaky.findChild<QLineEdit *>(u"newUserPassword"_s)->setText(u"long-enough-7"_s);
        QTest::mouseClick(sneaky.findChild<QPushButton *>(u"addUser"_s), Qt::LeftButton);
        QVERIFY(!tw.ws->users().user(u"mallory"_s));
    }

    // Last: installs the Chinese translators for the rest of the process.
    void chineseFirst()
    {
        qputenv("HOTLINE_LANG", "zh_CN");
        QCOMPARE(installTranslations(), u"zh_CN"_s);
        TestWorkspace tw(u"2025-03-03T10:00:00+08:00"_s);
        ConsoleSession s(*tw.ws, tw.clock, Actor{u"admin"_s, Role::Administrator, QString(), u"01"_s});
        MainWindow w(s);
        QStringList tabs;
        for (int i = 0; i < w.tabs()->count(); ++i)
            tabs << w.tabs()->tabText(i);
        // Q_OBJECT classes in namespace hotline translate under "hotline::Class", plain ones under "Class".
        QVERIFY2(tabs.contains(u"倒计时看板"_s), qPrintable(tabs.join(u", "_s)));
        QVERIFY2(tabs.contains(u"用户管理"_s), qPrintable(tabs.join(u", "_s)));
        QVERIFY(w.findChild<QLabel *>(u"statusUser"_s)->text().contains(u"管理员"_s));
        qputenv("HOTLINE_LANG", "en");
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
