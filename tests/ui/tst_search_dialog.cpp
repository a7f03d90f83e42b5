// Search everything in the console: Ctrl+F in every workspace opens the search; typing and Enter lists the hits a
// role may see, Down and Enter open the ticket's detail with its timeline.
#include "TestWorkspace.h"
#include "UiTestHelpers.h"

#include "board/TicketDetailDialog.h"
#include "mainwindow/MainWindow.h"
#include "search/SearchDialog.h"
#include "service/TicketService.h"
#include "storage/EventStore.h"
#include "support/ConsoleSession.h"
#include "support/Prompts.h"

#include <QAction>
#include <QLabel>
#include <QLineEdit>
#include <QTabWidget>
#include <QTableWidget>
#include <QTest>
#include <QTreeWidget>

using namespace Qt::StringLiterals;
using namespace hotline;
using namespace hotline::test;

namespace {

struct Centre
{
    TestWorkspace tw{u"2025-03-03T09:00:00+08:00"_s};
    Actor dispatcher{u"di"_s, Role::Dispatcher, {}, u"01"_s};
    Actor liaisonCG{u"li"_s, Role::Liaison, u"CG"_s, u"01"_s};
    QString lamp, closed, rubbish;

    bool fill()
    {
        tw.addDepartment(u"CG"_s, u"区城管局"_s);
        tw.addDepartment(u"HB"_s, u"区环保局"_s);
        QString error;
        NewTicket n;
        n.type = TicketType::Complaint;
        n.summary = u"小区路灯不亮"_s;
        n.callerPhone = u"13812345678"_s;
        lamp = tw.ws->tickets().registerTicket(dispatcher, n, &error);
        tw.setNow(u"2025-03-03T10:00:00+08:00"_s);
        n.summary = u"垃圾清运不及时"_s;
        rubbish = tw.ws->tickets().registerTicket(dispatcher, n, &error);
        tw.setNow(u"2025-03-03T11:00:00+08:00"_s);
        NewTicket c;
        c.summary = u"咨询路灯报修电话"_s;
        closed = tw.ws->tickets().registerAndClose(dispatcher, c, u"已告知"_s, &error);
        return !lamp.isEmpty() && !rubbish.isEmpty() && !closed.isEmpty()
               && tw.ws->tickets().dispatch(dispatcher, lamp, u"CG"_s, &error)
               && tw.ws->tickets().dispatch(dispatcher, rubbish, u"HB"_s, &error);
    }
    QString number(const QString &id) { return tw.ws->events().ticket(id).number; }
};

QStringList column(QTableWidget *table, int c)
{
    QStringList out;
    for (int r = 0; r < table->rowCount(); ++r)
        out << table->item(r, c)->text();
    return out;
}

} // namespace

class TestSearchDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { Prompts::setTestMode(true); }

    void ctrlFInEveryWorkspaceFindsAndOpens()
    {
        Centre c;
        QVERIFY(c.fill());
        ConsoleSession session(*c.tw.ws, c.tw.clock, c.dispatcher);
        MainWindow w(session);
        w.show();
        QVERIFY(QTest::qWaitForWindowActive(&w));
        QAction *action = w.findChild<QAction *>(u"actionSearch"_s);
        QVERIFY(action);
        QCOMPARE(action->shortcut(), QKeySequence(QKeySequence::Find));
        // The shortcut belongs to the window: it works whichever tab is current.
        for (int tab = 0; tab < w.tabs()->count(); ++tab) {
            w.tabs()->setCurrentIndex(tab);
            w.activateWindow();
            QTest::keyClick(&w, Qt::Key_F, Qt::ControlModifier);
            auto *dialog = w.findChild<SearchDialog *>(u"searchDialog"_s);
            QVERIFY2(dialog && dialog->isVisible(), qPrintable(w.tabs()->widget(tab)->objectName()));
            dialog->hide();
        }
        SearchDialog *dialog = w.openSearch();
        QCOMPARE(w.findChildren<SearchDialog *>().size(), 1); // one search per window, opened again
        QVERIFY(QTest::qWaitForWindowActive(dialog));
        QTRY_COMPARE(QApplication::focusWidget(), dialog->queryField());

        typeText(dialog->queryField(), u"路灯"_s);
        QTest::keyClick(dialog->queryField(), Qt::Key_Return);
        QTableWidget *results = dialog->results();
        // Open and closed, newest first; department by name; the status in words.
        QCOMPARE(column(results, SearchDialog::NumberColumn), (QStringList{c.number(c.closed), c.number(c.lamp)}));
        QCOMPARE(results->item(1, SearchDialog::DepartmentColumn)->text(), u"区城管局"_s);
        QCOMPARE(results->item(1, SearchDialog::RegisteredColumn)->text(), u"2025-03-03 09:00"_s);
        QCOMPARE(results->item(1, SearchDialog::SummaryColumn)->text(), u"小区路灯不亮"_s);
        QVERIFY(dialog->summaryLabel()->text().contains(u'2'));

        // Enter moved into the hits; Up returns to the query, Down into the hits again, Down, Enter: the detail
        // of that ticket, with its timeline.
        QCOMPARE(QApplication::focusWidget(), results);
        QCOMPARE(results->currentRow(), 0);
        QTest::keyClick(results, Qt::Key_Up);
        QCOMPARE(QApplication::focusWidget(), dialog->queryField());
        QTest::keyClick(dialog->queryField(), Qt::Key_Down);
        QCOMPARE(QApplication::focusWidget(), results);
        QTest::keyClick(results, Qt::Key_Down);
        QTest::keyClick(results, Qt::Key_Return);
        auto *detail = dialog->findChild<TicketDetailDialog *>();
        QVERIFY(detail);
        QCOMPARE(detail->ticketId(), c.lamp);
        QVERIFY(detail->isFound());
        QVERIFY(detail->timeline()->topLevelItemCount() >= 2);
        detail->close();

        // A phone number and nothing found say so.
        dialog->queryField()->setText(u"138 1234 5678"_s);
        dialog->search();
        QCOMPARE(column(results, SearchDialog::NumberColumn), (QStringList{c.number(c.rubbish), c.number(c.lamp)}));
        dialog->queryField()->setText(u"不存在的事情"_s);
        dialog->search();
        QCOMPARE(results->rowCount(), 0);
        QVERIFY(!dialog->summaryLabel()->text().isEmpty());
        // FTS syntax is text, and only spaces is nothing to search.
        for (const QString &odd : {u"\"路灯"_s, u"NEAR("_s, u"*"_s, u"   "_s}) {
            dialog->queryField()->setText(odd);
            dialog->search();
            QCOMPARE(results->rowCount(), 0);
        }
    }

    void doubleClickOpensAndLiaisonSeesOwnDepartment()
    {
        Centre c;
        QVERIFY(c.fill());
        ConsoleSession session(*c.tw.ws, c.tw.clock, c.liaisonCG);
        SearchDialog dialog(session);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        dialog.queryField()->setText(u"路灯"_s);
        dialog.search();
        QCOMPARE(column(dialog.results(), SearchDialog::NumberColumn), QStringList{c.number(c.lamp)});
        dialog.queryField()->setText(u"垃圾"_s);
        dialog.search();
        QCOMPARE(dialog.results()->rowCount(), 0);
        dialog.queryField()->setText(u"路灯不亮"_s);
        dialog.search();
        const QRect cell = dialog.results()->visualItemRect(dialog.results()->item(0, 0));
        QTest::mouseClick(dialog.results()->viewport(), Qt::LeftButton, {}, cell.center());
        QTest::mouseDClick(dialog.results()->viewport(), Qt::LeftButton, {}, cell.center());
        auto *detail = dialog.findChild<TicketDetailDialog *>();
        QVERIFY(detail);
        QCOMPARE(detail->ticketId(), c.lamp);
    }

    void typingSearchesAfterAPause()
    {
        Centre c;
        QVERIFY(c.fill());
        ConsoleSession session(*c.tw.ws, c.tw.clock, c.dispatcher);
        SearchDialog dialog(session);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowActive(&dialog));
        dialog.focusQuery();
        typeText(dialog.queryField(), u"垃圾"_s);
        QCOMPARE(dialog.results()->rowCount(), 0); // not at every keystroke
        QTRY_COMPARE(dialog.results()->rowCount(), 1);
        QCOMPARE(dialog.results()->item(0, SearchDialog::NumberColumn)->text(), c.number(c.rubbish));
    }
};

QTEST_MAIN(TestSearchDialog)
#include "tst_search_dialog.moc"
