// The console's side of sync on real widgets: the status bar goes online, then unmistakably offline when the
// server dies, with the pending count; another console's ticket appears without a restart; the settings dialog
// tests a connection off the UI thread; the conflict list shows an action the server order overruled, and to
// administrators the reference data edited on two consoles at once.
#include "PgTestServer.h"
#include "TestSupport.h"
#include "TestWorkspace.h"

#include "auth/Actor.h"
#include "mainwindow/ConsoleStatusBar.h"
#include "notify/DepartmentContacts.h"
#include "service/TicketService.h"
#include "storage/Database.h"
#include "storage/EventStore.h"
#include "support/ConsoleSession.h"
#include "support/Prompts.h"
#include "sync/NumberClashesPanel.h"
#include "sync/ServerSettingsDialog.h"
#include "sync/SyncConflictsDialog.h"
#include "sync/SyncEngine.h"

#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace hotline;
using namespace hotline::test;

namespace {

NewTicket ticket(const QString &summary)
{
    NewTicket t;
    t.type = TicketType::Complaint;
    t.summary = summary;
    return t;
}

bool syncOnce(TestWorkspace &tw, const QString &url)
{
    SyncEngine engine(tw.ws->database(), tw.clock);
    SyncPassResult r;
    QString error;
    return engine.connectTo(url, &error) && engine.runPass(&r, &error);
}

} // namespace

class TestSyncUi : public QObject
{
    Q_OBJECT

private:
    PgTestServer m_server;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_server.start(), qPrintable(m_server.error()));
        QCOMPARE(runCtl({u"server"_s, u"init"_s, u"--url"_s, m_server.url()}).exitCode, 0);
    }

    void statusBarFollowsTheServer()
    {
        TestWorkspace a, b;
        a.addDepartment(u"CG"_s, u"城管局"_s);
        QVERIFY(syncOnce(a, m_server.url()));
        const Actor taker{u"alice"_s, Role::CallTaker, QString(), a.ws->consoleCode()};
        ConsoleSession session(*b.ws, b.clock, Actor{u"bob"_s, Role::Dispatcher, QString(), u"01"_s});
        ConsoleStatusBar bar(session);
        auto *label = bar.findChild<QLabel *>(u"statusDatabase"_s);
        QVERIFY(label);
        QVERIFY(label->text().startsWith(u"Standalone"_s));

        session.startSync(m_server.url());
        QTRY_VERIFY_WITH_TIMEOUT(session.syncStatus().online, 20000);
        QTRY_VERIFY(label->text().startsWith(u"Online"_s));
        QVERIFY2(label->text().contains(u"pending 0"_s), qPrintable(label->text()));

        // A ticket registered on console a shows up on b without anyone touching b (NOTIFY).
        QSignalSpy changed(&session, &ConsoleSession::ticketsChanged);
        QString error;
        const QString id = a.ws->tickets().registerTicket(taker, ticket(u"别处登记"_s), &error);
        QVERIFY(syncOnce(a, m_server.url()));
        QTRY_VERIFY_WITH_TIMEOUT(b.ws->events().ticket(id).exists(), 20000);
        QTRY_VERIFY(!changed.isEmpty());

        // The server dies: the bar says OFFLINE in red, and local work is counted as pending.
        QVERIFY(m_server.stop());
        const Actor bTaker{u"carol"_s, Role::CallTaker, QString(), b.ws->consoleCode()};
        QVERIFY(!b.ws->tickets().registerTicket(bTaker, ticket(u"断网时登记"_s), &error).isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(!session.syncStatus().online, 20000);
        QTRY_VERIFY(label->text().startsWith(u"OFFLINE"_s));
        QVERIFY(label->styleSheet().contains(u"#c62828"_s));
        QTRY_VERIFY2(label->text().contains(u"pending 1"_s), qPrintable(label->text()));

        QVERIFY(m_server.start());
        session.syncNow();
        QTRY_VERIFY_WITH_TIMEOUT(session.syncStatus().online, 60000);
        QTRY_VERIFY(label->text().contains(u"pending 0"_s));
        session.stopSync();
        QVERIFY(label->text().startsWith(u"Standalone"_s));
    }

    void settingsDialogTestsAndJoins()
    {
        TestWorkspace c;
        ConsoleSession session(*c.ws, c.clock, Actor{u"admin"_s, Role::Administrator, QString(), u"01"_s});
        ServerSettingsDialog dialog(session);
        auto *url = dialog.findChild<QLineEdit *>(u"serverUrl"_s);
        QVERIFY(url);
        url->setText(u"postgresql://[broken"_s);
        dialog.testConnection();
        QVERIFY2(dialog.testResult().startsWith(u"Not a PostgreSQL address"_s), qPrintable(dialog.testResult()));

        QSignalSpy tested(&dialog, &ServerSettingsDialog::tested);
        url->setText(u"postgresql://hotline@127.0.0.1:1/hotline"_s);
        dialog.testConnection();
        QTRY_COMPARE_WITH_TIMEOUT(tested.size(), 1, 20000);
        QCOMPARE(tested.at(0).at(0).toBool(), false);
        QVERIFY(dialog.testResult().startsWith(u"Cannot reach the server"_s));

        url->setText(m_server.url());
        dialog.testConnection();
        QTRY_COMPARE_WITH_TIMEOUT(tested.size(), 2, 20000);
        QVERIFY2(tested.at(1).at(0).toBool(), qPrintable(dialog.testResult()));

        dialog.join();
        QCOMPARE(c.ws->database().meta(SyncEngine::urlKey()), m_server.url());
        QTRY_VERIFY_WITH_TIMEOUT(session.syncStatus().online, 20000);
        QVERIFY(c.ws->consoleCode() != u"01"_s); // a code of its own on the shared server
    }

    void conflictListShowsTheOverruledDispatch()
    {
        TestWorkspace a, b;
        QVERIFY(syncOnce(a, m_server.url())); // joins a server that has reference data: takes the server's
        a.addDepartment(u"JT"_s, u"交通局"_s); // an administrator's change after joining travels to every console
        QVERIFY(syncOnce(a, m_server.url()));
        QVERIFY(syncOnce(b, m_server.url()));
        QString error;
        const QString id = a.ws->tickets().registerTicket(Actor{u"t"_s, Role::CallTaker, QString(), a.ws->consoleCode()},
                                                          ticket(u"冲突"_s), &error);
        QVERIFY(syncOnce(a, m_server.url()));
        QVERIFY(syncOnce(b, m_server.url()));
        QVERIFY(b.ws->tickets().dispatch(Actor{u"d1"_s, Role::Dispatcher, QString(), b.ws->consoleCode()}, id, u"JT"_s, &error));
        QVERIFY(a.ws->tickets().dispatch(Actor{u"d2"_s, Role::Dispatcher, QString(), a.ws->consoleCode()}, id, u"CG"_s, &error));
        QVERIFY(syncOnce(b, m_server.url()));
        QVERIFY(syncOnce(a, m_server.url()));
        ConsoleSession session(*a.ws, a.clock, Actor{u"d2"_s, Role::Dispatcher, QString(), a.ws->consoleCode()});
        SyncConflictsDialog dialog(session);
        QCOMPARE(dialog.rowCount(), 1);
        auto *table = dialog.findChild<QTableWidget *>(u"conflictTable"_s);
        QCOMPARE(table->item(0, 0)->text(), a.ws->events().ticket(id).number);
        QCOMPARE(table->item(0, 2)->text(), u"d2"_s);
        QVERIFY(table->item(0, 0)->font().bold()); // not seen yet
        dialog.markAllSeen();
        QVERIFY(!table->item(0, 0)->font().bold());
    }

    void administratorsSeeReferenceConflicts()
    {
        const QString url = m_server.createDatabase(u"refui"_s);
        QVERIFY(!url.isEmpty());
        QCOMPARE(runCtl({u"server"_s, u"init"_s, u"--url"_s, url}).exitCode, 0);
        TestWorkspace a, b;
        a.addDepartment(u"SW"_s, u"区水务局"_s);
        QVERIFY(syncOnce(a, url));
        QVERIFY(syncOnce(b, url));
        QString error;
        const Actor ada{u"ada"_s, Role::Administrator, QString(), a.ws->consoleCode()};
        const Actor ben{u"ben"_s, Role::Administrator, QString(), b.ws->consoleCode()};
        QVERIFY(DepartmentContacts(a.ws->database()).save(ada, DepartmentContact{u"SW"_s, u"水务局甲"_s, {}, QString()}, &error));
        b.clock.advanceSecs(60);
        QVERIFY(DepartmentContacts(b.ws->database()).save(ben, DepartmentContact{u"SW"_s, u"水务局乙"_s, {}, QString()}, &error));
        QVERIFY(syncOnce(a, url));
        QVERIFY(syncOnce(b, url));
        QVERIFY(syncOnce(a, url));

        ConsoleSession adminSession(*a.ws, a.clock, ada);
        SyncConflictsDialog dialog(adminSession);
        auto *table = dialog.findChild<QTableWidget *>(u"referenceConflictTable"_s);
        QVERIFY(table);
        QCOMPARE(table->rowCount(), 1);
        QCOMPARE(table->item(0, 1)->text(), u"SW"_s);
        QVERIFY(table->item(0, 2)->text().contains(u"水务局乙"_s)); // in force
        QVERIFY(table->item(0, 4)->text().contains(u"水务局甲"_s)); // lost
        QVERIFY(table->item(0, 5)->text().contains(u"ada"_s));
        QVERIFY(table->item(0, 0)->font().bold());
        dialog.markAllSeen();
        QVERIFY(!table->item(0, 0)->font().bold());

        // A dispatcher's list has no reference section.
        ConsoleSession dispatcherSession(*a.ws, a.clock, Actor{u"d"_s, Role::Dispatcher, QString(), a.ws->consoleCode()});
        SyncConflictsDialog other(dispatcherSession);
        QVERIFY(!other.findChild<QTableWidget *>(u"referenceConflictTable"_s));
    }

    void numberClashIsListedAndRenumbered()
    {
        // Two consoles' tickets of one number (as sync brings them): listed below the overruled actions, one row per
        // ticket, until a dispatcher renumbers one with "Renumber…".
        Prompts::setTestMode(true);
        TestWorkspace a;
        QString error;
        QList<TicketEvent> events;
        for (const auto &[console, summary] : {std::pair{u"01"_s, u"甲站 路灯"_s}, std::pair{u"02"_s, u"乙站 积水"_s}})
            events << TicketEvent::make(newUuid(), EventType::Registered, a.clock.nowMs(), u"old"_s, console,
                                        {{Key::Number, u"H-0009"_s}, {Key::Type, u"consult"_s},
                                         {Key::SlaClass, u"consult"_s}, {Key::Summary, summary}});
        QVERIFY2(a.ws->events().append(events, &error), qPrintable(error));

        // A supervisor reviews conflicts but may not renumber: the list without the button.
        {
            ConsoleSession watcher(*a.ws, a.clock, Actor{u"sue"_s, Role::Supervisor, QString(), a.ws->consoleCode()});
            SyncConflictsDialog dialog(watcher);
            QCOMPARE(dialog.numberClashes()->rowCount(), 2);
            QVERIFY(dialog.findChild<QPushButton *>(u"renumberButton"_s)->isHidden());
        }
        ConsoleSession session(*a.ws, a.clock, Actor{u"d2"_s, Role::Dispatcher, QString(), a.ws->consoleCode()});
        SyncConflictsDialog dialog(session);
        NumberClashesPanel *panel = dialog.numberClashes();
        QCOMPARE(panel->rowCount(), 2);
        auto *table = panel->findChild<QTableWidget *>(u"numberClashTable"_s);
        QCOMPARE(table->item(0, 0)->text(), u"H-0009"_s);
        QStringList consoles{table->item(0, 2)->text(), table->item(1, 2)->text()};
        consoles.sort();
        QCOMPARE(consoles, (QStringList{u"01"_s, u"02"_s}));
        auto *renumber = panel->findChild<QPushButton *>(u"renumberButton"_s);
        QVERIFY(!renumber->isHidden());
        QVERIFY(!renumber->isEnabled()); // nothing selected yet
        QVERIFY(panel->selectTicket(events.at(1).ticketId));
        QVERIFY(renumber->isEnabled());
        Prompts::queueAnswer(u"两站同号"_s);
        QTest::mouseClick(renumber, Qt::LeftButton);
        const QStringList shown = Prompts::takeShown();
        QCOMPARE(shown.size(), 1);
        const Ticket renumbered = a.ws->events().ticket(events.at(1).ticketId);
        QVERIFY(renumbered.number != u"H-0009"_s);
        QVERIFY2(shown.first().contains(renumbered.number), qPrintable(shown.first()));
        QCOMPARE(a.ws->events().history(renumbered.id).constLast().actor, u"d2"_s);
        QCOMPARE(panel->rowCount(), 0); // resolved: the list is empty
        QCOMPARE(a.ws->events().ticketByNumber(u"H-0009"_s).id, events.at(0).ticketId);
    }
};

QTEST_MAIN(TestSyncUi)
#include "tst_sync_ui.moc"
