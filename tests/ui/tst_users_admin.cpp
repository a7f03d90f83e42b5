// Users administration on real widgets: the UsersPage's actions on the selected user (buttons and context
// menu), refusals shown from the core, and the sign-in dialog's "must change password" and own-change flows.
#include "TestWorkspace.h"

#include "admin/UsersPage.h"
#include "auth/UserStore.h"
#include "signin/SignInDialog.h"
#include "support/ConsoleSession.h"

#include <QAction>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace hotline;
using namespace hotline::test;

namespace {

const Actor kAdmin{u"admin"_s, Role::Administrator, QString(), u"01"_s};

void addStaff(TestWorkspace &tw)
{
    tw.addDepartment(u"CG"_s, u"区城管局"_s);
    QString error;
    UserStore &users = tw.ws->users();
    QVERIFY2(users.create(std::nullopt, User{u"admin"_s, u"王主任"_s, Role::Administrator, {}}, u"chief-2025"_s, &error),
             qPrintable(error));
    QVERIFY(users.create(users.user(u"admin"_s), User{u"chen"_s, u"陈小红"_s, Role::CallTaker, {}}, u"phones-2025"_s, &error));
}

QString status(UsersPage &page, const QString &name)
{
    auto *table = page.findChild<QTableWidget *>(u"usersTable"_s);
    for (int r = 0; r < table->rowCount(); ++r) {
        if (table->item(r, 0)->text() == name)
            return table->item(r, 4)->text();
    }
    return {};
}

QString message(UsersPage &page)
{
    return page.findChild<QLabel *>(u"usersMessage"_s)->text();
}

void click(QWidget &parent, const QString &name)
{
    auto *button = parent.findChild<QPushButton *>(name);
    QVERIFY2(button, qPrintable(name));
    QVERIFY2(button->isEnabled(), qPrintable(name));
    QTest::mouseClick(button, Qt::LeftButton);
}

} // namespace

class TestUsersAdmin : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void disableEnableUnlockFromThePage()
    {
        TestWorkspace tw;
        addStaff(tw);
        ConsoleSession s(*tw.ws, tw.clock, kAdmin);
        UsersPage page(s);
        page.show();
        QVERIFY(!page.findChild<QPushButton *>(u"toggleDisabled"_s)->isEnabled()); // nothing selected
        QVERIFY(page.select(u"chen"_s));
        QVERIFY(page.findChild<QLabel *>(u"selectedUser"_s)->text().contains(u"陈小红"_s));
        QVERIFY(!page.findChild<QPushButton *>(u"unlockUser"_s)->isEnabled()); // not locked
        click(page, u"toggleDisabled"_s);
        QVERIFY(tw.ws->users().user(u"chen"_s)->disabled);
        QVERIFY(status(page, u"chen"_s).contains(u"Disabled"_s));
        QCOMPARE(page.findChild<QPushButton *>(u"toggleDisabled"_s)->text(), u"&Enable"_s);
        click(page, u"toggleDisabled"_s);
        QVERIFY(!tw.ws->users().user(u"chen"_s)->disabled);

        // Locked by failed sign-ins elsewhere on this console: the page shows it and unlocks.
        QString error;
        for (int i = 0; i < 5; ++i)
            tw.ws->users().signIn(u"chen"_s, u"wrong-pw"_s + QString::number(i), &error);
        page.refresh();
        QVERIFY(status(page, u"chen"_s).contains(u"locked"_s));
        click(page, u"unlockUser"_s);
        QVERIFY(!tw.ws->users().isLocked(u"chen"_s));
        QVERIFY(message(page).contains(u"unlocked"_s));

        // The same actions are on the table's context menu (the keyboard's menu key opens it).
        auto *table = page.findChild<QTableWidget *>(u"usersTable"_s);
        QCOMPARE(table->contextMenuPolicy(), Qt::ActionsContextMenu);
        QCOMPARE(table->actions().size(), 4);
        table->actions().at(0)->trigger();
        QVERIFY(tw.ws->users().user(u"chen"_s)->disabled);

        // The last administrator cannot be disabled: the core's reason is shown.
        QVERIFY(page.select(u"admin"_s));
        click(page, u"toggleDisabled"_s);
        QVERIFY(!tw.ws->users().user(u"admin"_s)->disabled);
        QVERIFY(!message(page).isEmpty());
    }

    void resetPasswordAndChangeRole()
    {
        TestWorkspace tw;
        addStaff(tw);
        ConsoleSession s(*tw.ws, tw.clock, kAdmin);
        UsersPage page(s);
        page.show();
        QVERIFY(page.select(u"chen"_s));
        auto *field = page.findChild<QLineEdit *>(u"resetPasswordField"_s);
        field->setText(u"weak"_s);
        click(page, u"resetPassword"_s);
        QVERIFY(message(page).contains(u"8"_s));
        field->setText(u"temp-4711"_s);
        QTest::keyClick(field, Qt::Key_Return); // Enter in the field resets too
        QVERIFY(field->text().isEmpty());
        QVERIFY(tw.ws->users().user(u"chen"_s)->mustChangePassword);
        QVERIFY(status(page, u"chen"_s).contains(u"must change"_s));

        auto *role = page.findChild<QComboBox *>(u"changeRoleCombo"_s);
        auto *department = page.findChild<QComboBox *>(u"changeDepartmentCombo"_s);
        role->setCurrentIndex(role->findData(int(Role::Liaison)));
        QVERIFY(department->isEnabled());
        department->setCurrentIndex(department->findData(u"CG"_s));
        click(page, u"changeRole"_s);
        QCOMPARE(tw.ws->users().user(u"chen"_s)->role, Role::Liaison);
        QCOMPARE(tw.ws->users().user(u"chen"_s)->department, u"CG"_s);

        // Demoting the last administrator is refused.
        QVERIFY(page.select(u"admin"_s));
        role->setCurrentIndex(role->findData(int(Role::Dispatcher)));
        click(page, u"changeRole"_s);
        QCOMPARE(tw.ws->users().user(u"admin"_s)->role, Role::Administrator);
        QVERIFY(message(page).contains(u"last"_s));
    }

    void nonAdministratorIsRefusedByTheCore()
    {
        TestWorkspace tw;
        addStaff(tw);
        ConsoleSession s(*tw.ws, tw.clock, Actor{u"chen"_s, Role::CallTaker, QString(), u"01"_s});
        UsersPage page(s);
        QVERIFY(page.select(u"admin"_s));
        page.findChild<QLineEdit *>(u"resetPasswordField"_s)->setText(u"taken-over1"_s);
        click(page, u"resetPassword"_s);
        click(page, u"toggleDisabled"_s);
        QString error;
        QVERIFY(tw.ws->users().signIn(u"admin"_s, u"chief-2025"_s, &error)); // unchanged, still enabled
        QVERIFY(message(page).contains(u"chen"_s));
    }

    void signInAfterResetMustChoose()
    {
        TestWorkspace tw;
        addStaff(tw);
        QString error;
        QVERIFY(tw.ws->users().resetPassword(kAdmin, u"chen"_s, u"temp-4711"_s, &error));
        SignInDialog dialog(*tw.ws);
        dialog.show();
        dialog.findChild<QLineEdit *>(u"signInName"_s)->setText(u"chen"_s);
        dialog.findChild<QLineEdit *>(u"signInPassword"_s)->setText(u"temp-4711"_s);
        click(dialog, u"signInButton"_s);
        QVERIFY(dialog.isVisible()); // not in yet
        QVERIFY(dialog.isChangingPassword());
        auto *fresh = dialog.findChild<QLineEdit *>(u"signInNewPassword"_s);
        auto *again = dialog.findChild<QLineEdit *>(u"signInNewConfirm"_s);
        QVERIFY(fresh->isVisible());
        fresh->setText(u"mine-2025x"_s);
        again->setText(u"mine-2025y"_s);
        click(dialog, u"signInButton"_s);
        QVERIFY(dialog.findChild<QLabel *>(u"signInMessage"_s)->text().contains(u"differ"_s));
        again->setText(u"mine-2025x"_s);
        fresh->setText(u"chen2025xx"_s); // contains the name
        again->setText(u"chen2025xx"_s);
        click(dialog, u"signInButton"_s);
        QVERIFY(dialog.findChild<QLabel *>(u"signInMessage"_s)->text().contains(u"sign-in name"_s));
        QVERIFY(dialog.isVisible());
        fresh->setText(u"mine-2025x"_s);
        again->setText(u"mine-2025x"_s);
        click(dialog, u"signInButton"_s);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QVERIFY(dialog.user());
        QVERIFY(!dialog.user()->mustChangePassword);
        QVERIFY(!tw.ws->users().user(u"chen"_s)->mustChangePassword);
        QVERIFY(tw.ws->users().signIn(u"chen"_s, u"mine-2025x"_s, &error));
    }

    void anyoneCanChangeTheirOwnPassword()
    {
        TestWorkspace tw;
        addStaff(tw);
        SignInDialog dialog(*tw.ws);
        dialog.show();
        click(dialog, u"signInChangePassword"_s);
        QVERIFY(dialog.isChangingPassword());
        dialog.findChild<QLineEdit *>(u"signInName"_s)->setText(u"chen"_s);
        dialog.findChild<QLineEdit *>(u"signInPassword"_s)->setText(u"not-the-old1"_s);
        dialog.findChild<QLineEdit *>(u"signInNewPassword"_s)->setText(u"calls-2026x"_s);
        dialog.findChild<QLineEdit *>(u"signInNewConfirm"_s)->setText(u"calls-2026x"_s);
        click(dialog, u"signInButton"_s);
        QVERIFY(dialog.isVisible());
        QCOMPARE(tw.ws->users().lockState(u"chen"_s).failures, 1);
        dialog.findChild<QLineEdit *>(u"signInPassword"_s)->setText(u"phones-2025"_s);
        click(dialog, u"signInButton"_s);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(dialog.user()->name, u"chen"_s);
        QString error;
        QVERIFY(tw.ws->users().signIn(u"chen"_s, u"calls-2026x"_s, &error));
    }
};

QTEST_MAIN(TestUsersAdmin)
#include "tst_users_admin.moc"
