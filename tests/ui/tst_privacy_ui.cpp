// Privacy on screen (docs/PRIVACY.md): lists show callers masked to everyone, "Show number" reveals one caller
// for roles the permission table allows and logs it, the administrator reads the access log but never gets the
// button, and the wall display never shows a full number, not even one typed into a summary.
#include "TestWorkspace.h"
#include "admin/AccessLogPage.h"
#include "board/BoardView.h"
#include "board/TicketDetailDialog.h"
#include "board/WallDisplay.h"
#include "department/DepartmentDesk.h"
#include "department/DeskTicketDetail.h"
#include "dispatch/DispatchCallbackPage.h"
#include "dispatch/DispatchView.h"
#include "mainwindow/MainWindow.h"
#include "privacy/AccessLog.h"
#include "service/TicketService.h"
#include "storage/EventStore.h"
#include "support/ConsoleSession.h"
#include "support/Prompts.h"

#include <QLabel>
#include <QPushButton>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace hotline;
using namespace hotline::test;

namespace {

const Actor kDispatcher {u"dora"_s, Role::Dispatcher, QString(), u"01"_s};
const Actor kLiaison {u"lily"_s, Role::Liaison, u"D01"_s, u"02"_s};
const Actor kSupervisor {u"sam"_s, Role::Supervisor, QString(), u"01"_s};
const Actor kAdmin {u"ada"_s, Role::Administrator, QString(), u"01"_s};
const QString kPhone = u"13812345678"_s;

struct Centre
{
    TestWorkspace tw {u"2025-03-03T09:00:00+08:00"_s};

    Centre()
    {
        if (!tw.isValid())
            qFatal("workspace: %s", qPrintable(tw.error));
        tw.addDepartment(u"D01"_s, u"城市管理局"_s);
    }
    QString dispatched(const QString &summary = u"路灯不亮"_s, const QString &phone = kPhone)
    {
        NewTicket t;
        t.town = u"桂城"_s;
        t.callerName = u"张三丰"_s;
        t.callerPhone = phone;
        t.summary = summary;
        QString error;
        const QString id = tw.ws->tickets().registerTicket(kDispatcher, t, &error);
        if (id.isEmpty() || !tw.ws->tickets().dispatch(kDispatcher, id, u"D01"_s, &error))
            qFatal("%s", qPrintable(error));
        return id;
    }
    QString replied()
    {
        const QString id = dispatched();
        QString error;
        if (!tw.ws->tickets().reply(kLiaison, id, u"已修复"_s, &error))
            qFatal("%s", qPrintable(error));
        return id;
    }
    QList<AccessLogEntry> log()
    {
        QString error;
        return AccessLog(tw.ws->database(), tw.clock).list(kAdmin, {}, &error);
    }
};

/** Every cell of a view's model, every role that shows text. */
QString cells(const QAbstractItemModel &model)
{
    QStringList all;
    for (int r = 0; r < model.rowCount(); ++r) {
        for (int c = 0; c < model.columnCount(); ++c) {
            for (int role : {int(Qt::DisplayRole), int(Qt::ToolTipRole), int(Qt::AccessibleTextRole)})
                all << model.index(r, c).data(role).toString();
        }
    }
    return all.join(u'\n');
}

QString label(QWidget &w, const QString &name)
{
    auto *l = w.findChild<QLabel *>(name);
    return l ? l->text() : u"<missing %1>"_s.arg(name);
}

} // namespace

class TestPrivacyUi : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { Prompts::setTestMode(true); }
    void cleanup() { Prompts::takeShown(); }

    void listsShowCallersMasked()
    {
        Centre c;
        c.dispatched();
        c.replied();

        ConsoleSession liaison(*c.tw.ws, c.tw.clock, kLiaison);
        DepartmentDesk desk(liaison);
        auto *deskTable = desk.findChild<QTableView *>(u"deskTable"_s);
        QVERIFY(deskTable);
        QVERIFY(deskTable->model()->rowCount() > 0);
        QVERIFY(!cells(*deskTable->model()).contains(kPhone));
        auto *detail = desk.findChild<DeskTicketDetail *>(u"deskDetail"_s);
        QVERIFY(detail->toPlainText().contains(u"138****5678"_s));
        QVERIFY(!detail->toPlainText().contains(kPhone));
        QVERIFY(detail->toHtml().contains(u"reveal:caller"_s)); // the "Show number" link

        ConsoleSession supervisor(*c.tw.ws, c.tw.clock, kSupervisor);
        BoardView board(supervisor);
        QVERIFY(board.table()->model()->rowCount() > 0);
        QVERIFY(!cells(*board.table()->model()).contains(kPhone));

        ConsoleSession dispatcher(*c.tw.ws, c.tw.clock, kDispatcher);
        DispatchView dispatch(dispatcher);
        DispatchCallbackPage *callbacks = dispatch.callbackPage();
        callbacks->refresh();
        QCOMPARE(callbacks->model()->rowCount(), 1);
        const QString shown = cells(*callbacks->model());
        QVERIFY(shown.contains(u"138****5678"_s));
        QVERIFY(shown.contains(u"张**"_s));
        QVERIFY(!shown.contains(kPhone));
        QVERIFY(!shown.contains(u"张三丰"_s));
        QVERIFY(c.log().isEmpty()); // looking at lists is not a view of a caller
    }

    void showNumberRevealsAndLogs()
    {
        Centre c;
        const QString id = c.replied();
        c.tw.setNow(u"2025-03-03T11:00:00+08:00"_s);

        ConsoleSession dispatcher(*c.tw.ws, c.tw.clock, kDispatcher);
        TicketDetailDialog dialog(dispatcher, id);
        QCOMPARE(label(dialog, u"detailCallerPhone"_s), u"138****5678"_s);
        auto *reveal = dialog.findChild<QPushButton *>(u"detailRevealCaller"_s);
        QVERIFY(reveal);
        QVERIFY(reveal->isEnabled());
        QTest::mouseClick(reveal, Qt::LeftButton);
        QCOMPARE(label(dialog, u"detailCallerPhone"_s), kPhone);
        QCOMPARE(label(dialog, u"detailCallerName"_s), u"张三丰"_s);
        QVERIFY(!reveal->isEnabled());
        dialog.refresh(); // stays revealed while open, without a second row
        QCOMPARE(label(dialog, u"detailCallerPhone"_s), kPhone);
        QCOMPARE(c.log().size(), 1);
        QCOMPARE(c.log().first().user, kDispatcher.user);
        QCOMPARE(c.log().first().ticketId, id);

        // The callback page: the dispatcher must ring the citizen.
        DispatchView view(dispatcher);
        DispatchCallbackPage *page = view.callbackPage();
        page->refresh();
        auto *callbackReveal = page->findChild<QPushButton *>(u"callbackRevealButton"_s);
        QVERIFY(callbackReveal);
        QVERIFY(!label(*page, u"callbackCaller"_s).contains(kPhone));
        QTest::mouseClick(callbackReveal, Qt::LeftButton);
        QVERIFY2(label(*page, u"callbackCaller"_s).contains(kPhone), qPrintable(label(*page, u"callbackCaller"_s)));
        QCOMPARE(c.log().size(), 2);

        // The liaison's desk: "Show number" is a link in the detail.
        ConsoleSession liaison(*c.tw.ws, c.tw.clock, kLiaison);
        c.dispatched();
        DepartmentDesk desk(liaison);
        auto *detail = desk.findChild<DeskTicketDetail *>(u"deskDetail"_s);
        QVERIFY(!detail->ticketId().isEmpty());
        QVERIFY(!detail->toPlainText().contains(kPhone));
        Q_EMIT detail->anchorClicked(QUrl(u"reveal:caller"_s));
        QVERIFY(detail->toPlainText().contains(kPhone));
        QCOMPARE(c.log().size(), 3);
        QCOMPARE(c.log().first().ticketId, detail->ticketId());
        QCOMPARE(c.log().first().user, kLiaison.user);
        QCOMPARE(c.log().first().console, u"02"_s);
    }

    void administratorReadsTheLogButGetsNoButton()
    {
        Centre c;
        const QString a = c.replied();
        const QString b = c.dispatched();
        ConsoleSession admin(*c.tw.ws, c.tw.clock, kAdmin);
        TicketDetailDialog forAdmin(admin, a);
        QVERIFY(forAdmin.isFound());
        QVERIFY(!forAdmin.findChild<QPushButton *>(u"detailRevealCaller"_s));
        QCOMPARE(label(forAdmin, u"detailCallerPhone"_s), u"138****5678"_s);
        DispatchView adminDispatch(admin); // administrators stand in for dispatch, but not for caller views
        QVERIFY(!adminDispatch.callbackPage()->findChild<QPushButton *>(u"callbackRevealButton"_s));
        QVERIFY(!forAdmin.revealCaller()); // even asked directly, the core refuses and logs nothing
        QCOMPARE(Prompts::takeShown().size(), 1);
        QVERIFY(c.log().isEmpty());

        ConsoleSession dispatcher(*c.tw.ws, c.tw.clock, kDispatcher);
        QVERIFY(TicketDetailDialog(dispatcher, a).revealCaller());
        c.tw.setNow(u"2025-03-05T09:00:00+08:00"_s);
        ConsoleSession supervisor(*c.tw.ws, c.tw.clock, kSupervisor);
        QVERIFY(TicketDetailDialog(supervisor, b).revealCaller());

        AccessLogPage page(admin);
        QTableWidget *table = page.table();
        QCOMPARE(table->rowCount(), 2);
        QCOMPARE(table->item(0, AccessLogPage::UserColumn)->text(), u"sam"_s); // newest first
        QCOMPARE(table->item(0, AccessLogPage::TicketColumn)->text(), c.tw.ws->events().ticket(b).number);
        QCOMPARE(table->item(1, AccessLogPage::AtColumn)->text(), u"2025-03-03 09:00:00"_s);
        QCOMPARE(table->item(1, AccessLogPage::RoleColumn)->text(), u"Dispatcher"_s);
        QCOMPARE(table->editTriggers(), QAbstractItemView::NoEditTriggers);

        page.setFilter(u"dora"_s, QString(), QDate(), QDate());
        QCOMPARE(table->rowCount(), 1);
        page.setFilter(QString(), c.tw.ws->events().ticket(b).number, QDate(), QDate());
        QCOMPARE(table->rowCount(), 1);
        QCOMPARE(table->item(0, AccessLogPage::UserColumn)->text(), u"sam"_s);
        page.setFilter(QString(), QString(), QDate(2025, 3, 4), QDate(2025, 3, 5)); // both days included
        QCOMPARE(table->rowCount(), 1);
        page.setFilter(QString(), QString(), QDate(2025, 3, 1), QDate(2025, 3, 3));
        QCOMPARE(table->rowCount(), 1);
        QCOMPARE(table->item(0, AccessLogPage::UserColumn)->text(), u"dora"_s);

        // The tab is the administrator's only; a page built for anyone else shows nothing.
        MainWindow adminWindow(admin);
        bool hasTab = false;
        for (int i = 0; i < adminWindow.tabs()->count(); ++i)
            hasTab = hasTab || adminWindow.tabs()->widget(i)->objectName() == u"accessLogPage"_s;
        QVERIFY(hasTab);
        MainWindow supervisorWindow(supervisor);
        QVERIFY(!supervisorWindow.findChild<AccessLogPage *>());
        AccessLogPage refused(supervisor);
        QCOMPARE(refused.table()->rowCount(), 0);
        QVERIFY(label(refused, u"accessLogCount"_s).contains(u"sam"_s));
    }

    void wallNeverShowsAFullNumber()
    {
        Centre c;
        c.dispatched(u"请回电13812345678，路灯不亮"_s);
        c.dispatched(u"井盖缺失，联系 139 8765 4321"_s, u"13987654321"_s);
        c.dispatched(u"噪音扰民，座机0757-86280000"_s, u"0757-86280000"_s);
        c.dispatched(u"来电１３６１１１１２２２２反映"_s, u"13611112222"_s);
        ConsoleSession session(*c.tw.ws, c.tw.clock, kSupervisor);
        WallDisplay wall(session);
        wall.resize(1280, 720);
        wall.show();
        QVERIFY(QTest::qWaitForWindowExposed(&wall));
        session.pulse();
        QStringList texts {wall.windowTitle()};
        for (QLabel *l : wall.findChildren<QLabel *>())
            texts << l->text() << l->toolTip() << l->accessibleName();
        const QString all = texts.join(u'\n');
        QVERIFY(all.contains(u"138****5678"_s)); // the summaries are there, scrubbed
        for (const QString &full : {kPhone, u"139 8765 4321"_s, u"13987654321"_s, u"86280000"_s,
                                    u"１３６１１１１２２２２"_s, u"13611112222"_s, u"张三丰"_s, u"张**"_s})
            QVERIFY2(!all.contains(full), qPrintable(full));
    }
};

QTEST_MAIN(TestPrivacyUi)
#include "tst_privacy_ui.moc"
