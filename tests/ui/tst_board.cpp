// The countdown board: colours follow the injected clock exactly at the §3 thresholds, a tick touches only
// the rows that change, a liaison sees only their department, filters, urging and the ticket timeline.
#include "TestWorkspace.h"
#include "board/BoardFilterProxy.h"
#include "board/BoardModel.h"
#include "board/BoardView.h"
#include "board/BoardColours.h"
#include "board/DeskColours.h"
#include "board/DeskModel.h"
#include "board/DeskPanel.h"
#include "board/WallDisplay.h"
#include "board/TicketDetailDialog.h"
#include "domain/DisplayNames.h"
#include "service/TicketService.h"
#include "storage/EventStore.h"
#include "storage/Settings.h"
#include "support/ConsoleSession.h"
#include "support/Prompts.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSet>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QTreeWidget>

using namespace Qt::StringLiterals;
using namespace hotline;
using namespace hotline::test;

namespace {

/** A workspace with two departments and the people who act on the tickets. */
struct Centre
{
    TestWorkspace tw {u"2025-03-03T09:00:00+08:00"_s}; // a Monday
    Actor dispatcher {u"dora"_s, Role::Dispatcher, QString(), u"01"_s};
    Actor supervisor {u"sam"_s, Role::Supervisor, QString(), u"01"_s};
    Actor liaisonD01 {u"lily"_s, Role::Liaison, u"D01"_s, u"01"_s};
    Actor liaisonD02 {u"leo"_s, Role::Liaison, u"D02"_s, u"01"_s};
    Actor admin {u"ada"_s, Role::Administrator, QString(), u"01"_s};

    Centre()
    {
        if (!tw.isValid())
            qFatal("workspace: %s", qPrintable(tw.error));
        tw.addDepartment(u"D01"_s, u"城市管理局"_s);
        tw.addDepartment(u"D02"_s, u"水务局"_s);
    }
    TicketService &tickets() { return tw.ws->tickets(); }
    void at(const QString &iso) { tw.setNow(iso); }

    /** Registers a ticket and dispatches it now; returns its id. */
    QString dispatched(const QString &department, TicketType type = TicketType::Consult,
                       const QString &town = u"桂城"_s, const QString &phone = u"13812345678"_s,
                       const QString &summary = u"路灯不亮"_s)
    {
        NewTicket t;
        t.type = type;
        t.town = town;
        t.callerName = u"张三丰"_s;
        t.callerPhone = phone;
        t.summary = summary;
        QString error;
        const QString id = tickets().registerTicket(dispatcher, t, &error);
        if (id.isEmpty())
            qFatal("register: %s", qPrintable(error));
        if (!tickets().dispatch(dispatcher, id, department, &error))
            qFatal("dispatch: %s", qPrintable(error));
        return id;
    }
};

QString labelText(QWidget &w, const char *name)
{
    auto *label = w.findChild<QLabel *>(QString::fromLatin1(name));
    return label ? label->text() : u"<missing %1>"_s.arg(QString::fromLatin1(name));
}

} // namespace

class TestBoard : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { Prompts::setTestMode(true); }
    void cleanup() { Prompts::takeShown(); }

    void modelsPassTheTester()
    {
        Centre c;
        c.dispatched(u"D01"_s);
        c.at(u"2025-03-03T10:00:00+08:00"_s);
        const QString second = c.dispatched(u"D02"_s, TicketType::Complaint, u"九江"_s);
        ConsoleSession session(*c.tw.ws, c.tw.clock, c.supervisor);
        BoardModel model(session);
        BoardFilterProxy proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester modelTester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 2);

        // Exercise every kind of change under the testers: ticks, insert, update, remove, filters, sorting.
        c.at(u"2025-03-03T15:00:00+08:00"_s);
        session.pulse();
        c.at(u"2025-03-04T09:00:01+08:00"_s);
        session.pulse();
        const QString third = c.dispatched(u"D01"_s, TicketType::Help, u"西樵"_s);
        QCOMPARE(model.rowCount(), 3);
        QString error;
        QVERIFY2(c.tickets().urge(c.supervisor, third, u"请尽快"_s, &error), qPrintable(error));
        QVERIFY2(c.tickets().transfer(c.dispatcher, second, u"D01"_s, u"属城管"_s, &error), qPrintable(error));
        proxy.setDepartment(u"D01"_s);
        QCOMPARE(proxy.rowCount(), 3);
        proxy.setTown(u"西樵"_s);
        QCOMPARE(proxy.rowCount(), 1);
        proxy.setTown(QString());
        proxy.setType(TicketType::Complaint);
        QCOMPARE(proxy.rowCount(), 1);
        proxy.setType(std::nullopt);
        proxy.sort(BoardModel::Number, Qt::DescendingOrder);
        proxy.sort(-1);
        QVERIFY2(c.tickets().reply(c.liaisonD01, third, u"已修复"_s, &error), qPrintable(error));
        QCOMPARE(model.rowCount(), 2);
        model.reload();
        QCOMPARE(model.rowCount(), 2);
    }

    void countdownFollowsTheClock()
    {
        Centre c;
        ConsoleSession session(*c.tw.ws, c.tw.clock, c.supervisor);
        BoardView view(session);
        view.resize(1200, 600);
        view.show();
        BoardModel &model = *view.model();
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy counts(&model, &BoardModel::countsChanged);

        // Consult = 1 working day = 7 h from Monday 09:00: 09:00–12:00 (3 h) + 14:00–17:30 (3.5 h) leaves
        // 0.5 h for Tuesday 08:30–09:00. Deadline Tuesday 09:00. Three hours before it in working time:
        // Tuesday 08:30–09:00 (0.5 h) + Monday 15:00–17:30 (2.5 h) → yellow from Monday 15:00:00.
        const QString id = c.dispatched(u"D01"_s);
        QCOMPARE(resets.count(), 0); // one dispatch is one inserted row, not a reset
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.row(0).ticketId, id);
        QCOMPARE(model.row(0).deadlineS, secs(u"2025-03-04T09:00:00+08:00"_s));
        QCOMPARE(model.colourAt(0), Colour::Green);
        QCOMPARE(labelText(view, "greenCount"), u"1"_s);
        QCOMPARE(labelText(view, "yellowCount"), u"0"_s);
        QCOMPARE(model.data(model.index(0, BoardModel::Remaining)).toString(), u"7:00:00"_s);
        QCOMPARE(model.data(model.index(0, BoardModel::Deadline)).toString(), u"2025-03-04 09:00"_s);

        c.at(u"2025-03-03T14:59:59+08:00"_s); // 3 h 00 min 01 s left
        session.pulse();
        QCOMPARE(model.remainingAt(0), 3 * 3600 + 1);
        QCOMPARE(model.colourAt(0), Colour::Green);
        QCOMPARE(model.data(model.index(0, BoardModel::Remaining)).toString(), u"3:00:01"_s);
        QCOMPARE(labelText(view, "greenCount"), u"1"_s);

        c.at(u"2025-03-03T15:00:00+08:00"_s); // exactly 3 h left: yellow
        session.pulse();
        QCOMPARE(model.remainingAt(0), 3 * 3600);
        QCOMPARE(model.colourAt(0), Colour::Yellow);
        QCOMPARE(model.lastTick().rowsRecomputed, 1);
        QCOMPARE(labelText(view, "yellowCount"), u"1"_s);
        QCOMPARE(labelText(view, "greenCount"), u"0"_s);
        QCOMPARE(counts.last(), (QVariantList {0, 1, 0}));
        QCOMPARE(model.data(model.index(0, BoardModel::Dot), Qt::ToolTipRole).toString(),
                 DisplayNames::of(Colour::Yellow));

        c.at(u"2025-03-04T09:00:00+08:00"_s); // the deadline itself is still yellow
        session.pulse();
        QCOMPARE(model.colourAt(0), Colour::Yellow);
        QCOMPARE(model.remainingAt(0), 0);

        c.at(u"2025-03-04T09:00:01+08:00"_s); // one second past: red
        session.pulse();
        QCOMPARE(model.colourAt(0), Colour::Red);
        QCOMPARE(model.remainingAt(0), -1);
        QCOMPARE(labelText(view, "redCount"), u"1"_s);
        QCOMPARE(labelText(view, "yellowCount"), u"0"_s);
        QCOMPARE(counts.last(), (QVariantList {1, 0, 0}));
        QCOMPARE(model.data(model.index(0, BoardModel::Remaining)).toString(), BoardModel::formatRemaining(-1));

        // The department replies: the countdown stops and the ticket leaves the board.
        QString error;
        QVERIFY2(c.tickets().sign(c.liaisonD01, id, &error), qPrintable(error));
        QCOMPARE(model.rowCount(), 1);
        QVERIFY2(c.tickets().reply(c.liaisonD01, id, u"已修复"_s, &error), qPrintable(error));
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(view.table()->model()->rowCount(), 0);
        QCOMPARE(labelText(view, "redCount"), u"0"_s);
        QCOMPARE(counts.last(), (QVariantList {0, 0, 0}));
        QCOMPARE(resets.count(), 0);
    }

    void aTickTouchesOnlyWhatChanges()
    {
        Centre c;
        const QString a = c.dispatched(u"D01"_s); // deadline Tue 09:00
        c.at(u"2025-03-03T10:00:00+08:00"_s);
        const QString b = c.dispatched(u"D01"_s); // deadline Tue 10:00
        c.dispatched(u"D02"_s, TicketType::Complaint); // handling: Mon 2025-03-10 10:00
        c.at(u"2025-03-03T20:00:00+08:00"_s);
        ConsoleSession session(*c.tw.ws, c.tw.clock, c.supervisor);
        BoardModel model(session);
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.row(0).ticketId, a);
        QCOMPARE(model.row(1).ticketId, b);
        QCOMPARE(model.redCount(), 0);
        QCOMPARE(model.yellowCount(), 2); // 0:30 and 1:30 left on Tuesday morning
        QCOMPARE(model.greenCount(), 1);
        const QString before = model.data(model.index(1, BoardModel::Remaining)).toString();
        QCOMPARE(before, u"1:30:00"_s);

        // At night nothing moves: no colour is recomputed, no cell changes, views repaint nothing.
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        c.at(u"2025-03-03T23:00:00+08:00"_s);
        session.pulse();
        QCOMPARE(model.lastTick().rowsRecomputed, 0);
        QCOMPARE(model.lastTick().colourEvaluations, 0);
        QVERIFY(!model.lastTick().countdownAdvanced);
        QCOMPARE(changed.count(), 0);
        QCOMPARE(model.data(model.index(1, BoardModel::Remaining)).toString(), before);

        // During working time a tick refreshes the countdown column once, and recomputes no colour.
        c.at(u"2025-03-04T08:45:00+08:00"_s);
        session.pulse();
        QCOMPARE(model.lastTick().rowsRecomputed, 0);
        QVERIFY(model.lastTick().countdownAdvanced);
        QCOMPARE(changed.count(), 1);
        const QModelIndex topLeft = changed.at(0).at(0).value<QModelIndex>();
        const QModelIndex bottomRight = changed.at(0).at(1).value<QModelIndex>();
        QCOMPARE(topLeft.row(), 0);
        QCOMPARE(bottomRight.row(), 2);
        QCOMPARE(topLeft.column(), int(BoardModel::Remaining));
        QCOMPARE(bottomRight.column(), int(BoardModel::Remaining));
        QCOMPARE(model.data(model.index(1, BoardModel::Remaining)).toString(), u"1:15:00"_s);

        // One ticket passes its deadline: exactly that row is recomputed.
        changed.clear();
        c.at(u"2025-03-04T09:00:01+08:00"_s);
        session.pulse();
        QCOMPARE(model.lastTick().rowsRecomputed, 1);
        QVERIFY(model.lastTick().colourEvaluations <= 4);
        QCOMPARE(model.colourAt(0), Colour::Red);
        QCOMPARE(model.colourAt(1), Colour::Yellow);
        QCOMPARE(changed.count(), 2); // that row (all columns), then the countdown column
        QCOMPARE(changed.at(0).at(0).value<QModelIndex>().row(), 0);
        QCOMPARE(changed.at(0).at(1).value<QModelIndex>().row(), 0);

        // A weekend does not tick either (Saturday 10:00 → Sunday 16:00).
        c.at(u"2025-03-08T10:00:00+08:00"_s);
        session.pulse();
        const QString saturday = model.data(model.index(2, BoardModel::Remaining)).toString();
        changed.clear();
        c.at(u"2025-03-09T16:00:00+08:00"_s);
        session.pulse();
        QCOMPARE(changed.count(), 0);
        QCOMPARE(model.data(model.index(2, BoardModel::Remaining)).toString(), saturday);

        // A jump back in time (a corrected clock) puts the colours back.
        c.at(u"2025-03-03T20:00:00+08:00"_s);
        session.pulse();
        QCOMPARE(model.redCount(), 0);
        QCOMPARE(model.yellowCount(), 2);
        QCOMPARE(model.greenCount(), 1);
    }

    void aNewYellowThresholdIsPickedUpWithinAMinute()
    {
        Centre c;
        c.dispatched(u"D01"_s); // due Tue 09:00
        c.at(u"2025-03-03T14:00:00+08:00"_s); // 3.5 h left: green at 3 h, yellow at 4 h
        ConsoleSession session(*c.tw.ws, c.tw.clock, c.supervisor);
        BoardModel model(session);
        QCOMPARE(model.colourAt(0), Colour::Green);
        QString error;
        QVERIFY2(c.tw.ws->settings().set(u"sla.yellow_hours"_s, u"4"_s, &error), qPrintable(error));
        for (int i = 0; i < BoardModel::kSlaCheckTicks; ++i) {
            c.tw.clock.advanceSecs(1);
            session.pulse();
        }
        QCOMPARE(model.colourAt(0), Colour::Yellow);
        QCOMPARE(model.yellowCount(), 1);
    }

    void aBigBatchReloadsOnce()
    {
        Centre c;
        c.dispatched(u"D01"_s);
        ConsoleSession session(*c.tw.ws, c.tw.clock, c.supervisor);
        BoardModel model(session);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QStringList many;
        for (int i = 0; i <= BoardModel::kBulkChangeLimit; ++i)
            many << u"no-such-ticket-%1"_s.arg(i);
        model.applyChanges(many);
        QCOMPARE(resets.count(), 1);
        QCOMPARE(model.rowCount(), 1);
    }

    void aLiaisonSeesOnlyTheirDepartment()
    {
        Centre c;
        const QString mine = c.dispatched(u"D01"_s);
        const QString theirs = c.dispatched(u"D02"_s);
        ConsoleSession session(*c.tw.ws, c.tw.clock, c.liaisonD01);
        BoardView view(session);
        BoardModel &model = *view.model();
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.row(0).ticketId, mine);
        QCOMPARE(labelText(view, "greenCount"), u"1"_s);
        auto *departments = view.findChild<QComboBox *>(u"departmentFilter"_s);
        QVERIFY(departments);
        QVERIFY(!departments->isEnabled());
        QCOMPARE(departments->currentData().toString(), u"D01"_s);
        for (int i = 0; i < departments->count(); ++i)
            QVERIFY(departments->itemData(i).toString() != u"D02"_s);

        // The other department's ticket comes over by transfer, and goes back.
        QString error;
        QVERIFY2(c.tickets().transfer(c.dispatcher, theirs, u"D01"_s, u"属城管"_s, &error), qPrintable(error));
        QCOMPARE(model.rowCount(), 2);
        QVERIFY(model.rowOfTicket(theirs) >= 0);
        QVERIFY2(c.tickets().transfer(c.dispatcher, theirs, u"D02"_s, u"属水务"_s, &error), qPrintable(error));
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.rowOfTicket(theirs), -1);

        // A detail of another department's ticket shows nothing of it.
        TicketDetailDialog foreign(session, theirs);
        QVERIFY(!foreign.isFound());
        QCOMPARE(foreign.timeline()->topLevelItemCount(), 0);

        // A liaison without a department sees an empty board, never everyone's.
        ConsoleSession nobody(*c.tw.ws, c.tw.clock, Actor {u"x"_s, Role::Liaison, QString(), u"01"_s});
        BoardModel empty(nobody);
        QCOMPARE(empty.rowCount(), 0);
    }

    void filtersNarrowTheTable()
    {
        Centre c;
        c.dispatched(u"D01"_s, TicketType::Consult, u"桂城"_s);
        c.dispatched(u"D01"_s, TicketType::Complaint, u"九江"_s);
        const QString water = c.dispatched(u"D02"_s, TicketType::Complaint, u"九江"_s);
        ConsoleSession session(*c.tw.ws, c.tw.clock, c.supervisor);
        BoardView view(session);
        view.show();
        QTableView *table = view.findChild<QTableView *>(u"boardTable"_s);
        auto *departments = view.findChild<QComboBox *>(u"departmentFilter"_s);
        auto *towns = view.findChild<QComboBox *>(u"townFilter"_s);
        auto *types = view.findChild<QComboBox *>(u"typeFilter"_s);
        auto *search = view.findChild<QLineEdit *>(u"numberSearch"_s);
        QVERIFY(table && departments && towns && types && search);
        QCOMPARE(table->model()->rowCount(), 3);

        departments->setCurrentIndex(departments->findData(u"D02"_s));
        QCOMPARE(table->model()->rowCount(), 1);
        QCOMPARE(table->model()->index(0, 0).data(BoardModel::TicketIdRole).toString(), water);
        departments->setCurrentIndex(0);
        towns->setCurrentIndex(towns->findData(u"九江"_s));
        QCOMPARE(table->model()->rowCount(), 2);
        types->setCurrentIndex(types->findData(int(TicketType::Consult)));
        QCOMPARE(table->model()->rowCount(), 0);
        towns->setCurrentIndex(0);
        QCOMPARE(table->model()->rowCount(), 1);
        types->setCurrentIndex(0);
        QCOMPARE(table->model()->rowCount(), 3);

        const int row = view.model()->rowOfTicket(water);
        const QString number = view.model()->row(row).number; // e.g. 250303-01-0003
        QTest::keyClicks(search, number.right(6).remove(u'-'));
        QCOMPARE(table->model()->rowCount(), 1);
        QCOMPARE(table->model()->index(0, BoardModel::Number).data().toString(), number);
        search->clear();
        QCOMPARE(table->model()->rowCount(), 3);
        QCOMPARE(labelText(view, "boardShown"), BoardView::tr("Showing %1 of %2 tickets").arg(3).arg(3));
    }

    void enterOpensTheTimelineAndASupervisorUrges()
    {
        Centre c;
        const QString id = c.dispatched(u"D01"_s);
        QString error;
        c.at(u"2025-03-03T09:30:00+08:00"_s);
        QVERIFY2(c.tickets().sign(c.liaisonD01, id, &error), qPrintable(error));
        c.at(u"2025-03-03T10:00:00+08:00"_s);
        ConsoleSession session(*c.tw.ws, c.tw.clock, c.supervisor);
        BoardView view(session);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QTableView *table = view.findChild<QTableView *>(u"boardTable"_s);
        table->setFocus();
        table->setCurrentIndex(table->model()->index(0, BoardModel::Number));

        // Urge from the board: the note is asked through Prompts.
        auto *urge = view.findChild<QPushButton *>(u"boardUrgeButton"_s);
        QVERIFY(urge);
        QVERIFY(urge->isEnabled());
        Prompts::queueAnswer(u"请今天内处理"_s);
        QTest::mouseClick(urge, Qt::LeftButton);
        QVERIFY(Prompts::takeShown().isEmpty());

        QSignalSpy opened(&view, &BoardView::ticketOpened);
        QTest::keyClick(table, Qt::Key_Return);
        QCOMPARE(opened.count(), 1);
        auto *detail = view.findChild<TicketDetailDialog *>(u"ticketDetail"_s);
        QVERIFY(detail);
        QVERIFY(detail->isFound());
        QTreeWidget *timeline = detail->findChild<QTreeWidget *>(u"ticketTimeline"_s);
        QVERIFY(timeline);
        QCOMPARE(timeline->topLevelItemCount(), 4);
        const QList<EventType> expected {EventType::Registered, EventType::Dispatched, EventType::Signed,
                                         EventType::Urged};
        for (int i = 0; i < expected.size(); ++i)
            QCOMPARE(timeline->topLevelItem(i)->text(TicketDetailDialog::EventColumn), DisplayNames::of(expected[i]));
        QCOMPARE(timeline->topLevelItem(0)->text(TicketDetailDialog::TimeColumn), u"2025-03-03 09:00:00"_s);
        QCOMPARE(timeline->topLevelItem(2)->text(TicketDetailDialog::TimeColumn), u"2025-03-03 09:30:00"_s);
        QVERIFY(timeline->topLevelItem(1)->text(TicketDetailDialog::DetailsColumn).contains(u"城市管理局"_s));
        QVERIFY(timeline->topLevelItem(1)->text(TicketDetailDialog::DetailsColumn).contains(u"2025-03-04 09:00:00"_s));
        QVERIFY(timeline->topLevelItem(2)->text(TicketDetailDialog::ActorColumn).contains(u"lily"_s));
        QVERIFY(timeline->topLevelItem(3)->text(TicketDetailDialog::DetailsColumn).contains(u"请今天内处理"_s));
        // The registration's details never repeat the caller.
        QVERIFY(!timeline->topLevelItem(0)->text(TicketDetailDialog::DetailsColumn).contains(u"138"_s));
        // A supervisor sees the caller masked until "Show number".
        QCOMPARE(labelText(*detail, "detailCallerPhone"), u"138****5678"_s);
        QCOMPARE(labelText(*detail, "detailCallerName"), u"张**"_s);

        // The detail follows the ticket: the department replies while it is open.
        QVERIFY2(c.tickets().reply(c.liaisonD01, id, u"已修复"_s, &error), qPrintable(error));
        QCOMPARE(timeline->topLevelItemCount(), 5);
        QCOMPARE(timeline->topLevelItem(4)->text(TicketDetailDialog::EventColumn),
                 DisplayNames::of(EventType::Replied));
        QVERIFY(timeline->topLevelItem(4)->text(TicketDetailDialog::DetailsColumn).contains(u"已修复"_s));
        detail->close();

        // An empty note is refused with a message, a cancelled one does nothing.
        c.dispatched(u"D02"_s);
        table->setCurrentIndex(table->model()->index(0, 0));
        Prompts::queueAnswer(u"  "_s);
        view.urgeCurrent();
        QCOMPARE(Prompts::takeShown().size(), 1);
        Prompts::queueAnswer(QVariant());
        view.urgeCurrent();
        QVERIFY(Prompts::takeShown().isEmpty());
    }

    // The dispatch desk: apart from the departments' countdown, in its own colours, for dispatchers and
    // supervisors; every open ticket is in one of the two tables; reminders say "off" without duty phones.
    void theDispatchDeskIsApart()
    {
        Centre c;
        const QString onCountdown = c.dispatched(u"D01"_s);
        NewTicket t;
        t.type = TicketType::Complaint;
        t.summary = u"楼上漏水"_s;
        QString error;
        const QString waiting = c.tickets().registerTicket(c.dispatcher, t, &error);
        QVERIFY2(!waiting.isEmpty(), qPrintable(error));
        const QString returned = c.dispatched(u"D01"_s);
        const QString replied = c.dispatched(u"D02"_s);
        c.at(u"2025-03-03T09:20:00+08:00"_s);
        QVERIFY2(c.tickets().returnTicket(c.liaisonD01, returned, u"不属本单位"_s, &error), qPrintable(error));
        QVERIFY2(c.tickets().reply(c.liaisonD02, replied, u"已处理"_s, &error), qPrintable(error));

        ConsoleSession session(*c.tw.ws, c.tw.clock, c.dispatcher);
        BoardView view(session);
        view.resize(1200, 800);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        DeskPanel *desk = view.deskPanel();
        QVERIFY(desk);
        QVERIFY(desk->isVisible());
        QCOMPARE(view.model()->rowCount(), 1);
        QCOMPARE(view.model()->row(0).ticketId, onCountdown);
        DeskModel &model = *desk->model();
        QCOMPARE(model.rowCount(), 3);
        QSet<QString> onDesk;
        for (int r = 0; r < model.rowCount(); ++r)
            onDesk.insert(model.index(r, 0).data(DeskModel::TicketIdRole).toString());
        QCOMPARE(onDesk, (QSet<QString>{waiting, returned, replied}));
        // Most urgent first: the registration (limit 11:00), the return (11:20), the reply (callback, next day).
        QCOMPARE(model.index(0, 0).data(DeskModel::TicketIdRole).toString(), waiting);
        QCOMPARE(model.index(1, DeskModel::Stage).data().toString(), u"Waiting for re-dispatch"_s);
        QCOMPARE(model.index(2, DeskModel::Stage).data().toString(), u"Waiting for callback"_s);
        QCOMPARE(model.index(0, DeskModel::Waited).data().toString(), u"0 h 20 min"_s);
        QCOMPARE(model.index(0, DeskModel::Remaining).data().toString(), u"1 h 40 min"_s);
        QCOMPARE(labelText(view, "deskBlueCount"), u"3"_s);
        QVERIFY(labelText(view, "deskReminders").contains(u"Reminders are off"_s));
        QCOMPARE(model.index(0, DeskModel::Reminder).data().toString(), u"off"_s); // no duty phones: off, whatever the colour
        // Its own colours, never the departments' green / yellow / red.
        const QColor blue = model.index(0, DeskModel::Dot).data(Qt::DecorationRole).value<QColor>();
        QCOMPARE(blue, DeskColours::dot(DeskColour::Blue));
        for (Colour department : {Colour::Green, Colour::Yellow, Colour::Red}) {
            for (DeskColour own : {DeskColour::Blue, DeskColour::Amber, DeskColour::Magenta})
                QVERIFY(DeskColours::dot(own) != BoardColours::dot(department));
        }
        QVERIFY(labelText(view, "deskLegend").contains(u"magenta: past the limit"_s));

        // The beat moves the colours: amber at 10:00 (1 h left), magenta after 11:00.
        c.at(u"2025-03-03T10:00:00+08:00"_s);
        session.pulse();
        QCOMPARE(model.index(0, DeskModel::Dot).data(DeskModel::ColourRole).toInt(), int(DeskColour::Amber));
        QCOMPARE(labelText(view, "deskAmberCount"), u"1"_s);
        QCOMPARE(model.index(0, DeskModel::Reminder).data().toString(), u"off"_s); // never "sent"
        c.at(u"2025-03-03T11:00:01+08:00"_s);
        session.pulse();
        QCOMPARE(labelText(view, "deskMagentaCount"), u"1"_s);
        QCOMPARE(model.index(0, DeskModel::Remaining).data().toString(), u"overdue 0 h 00 min"_s);

        // Dispatching takes it off the desk and onto the countdown.
        QVERIFY2(c.tickets().dispatch(c.dispatcher, waiting, u"D02"_s, &error), qPrintable(error));
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(view.model()->rowCount(), 2);

        // Enter on a desk row opens the ticket.
        QSignalSpy opened(&view, &BoardView::ticketOpened);
        desk->table()->setFocus();
        desk->table()->setCurrentIndex(model.index(0, DeskModel::Number));
        QTest::keyClick(desk->table(), Qt::Key_Return);
        QCOMPARE(opened.count(), 1);
        QCOMPARE(opened.first().first().toString(), returned);

        // Duty phones configured: the panel says where reminders go.
        QVERIFY2(c.tw.ws->settings().set(u"dispatch.duty_phones"_s, u"13800001111"_s, &error), qPrintable(error));
        c.at(u"2025-03-03T11:01:00+08:00"_s);
        session.pulse();
        QVERIFY(labelText(view, "deskReminders").contains(u"1 duty phone"_s));

        // Supervisors see it; a liaison does not.
        ConsoleSession supervision(*c.tw.ws, c.tw.clock, c.supervisor);
        BoardView supervisorView(supervision);
        QVERIFY(supervisorView.deskPanel());
        ConsoleSession liaison(*c.tw.ws, c.tw.clock, c.liaisonD01);
        BoardView liaisonView(liaison);
        QVERIFY(!liaisonView.deskPanel());
        QVERIFY(!liaisonView.findChild<QTableView *>(u"deskTable"_s));

        // The wall shows the desk on its own line.
        WallDisplay wall(supervision);
        const QString line = labelText(wall, "wallDesk");
        QVERIFY2(line.contains(u"Dispatch desk"_s), qPrintable(line));
        QVERIFY2(line.contains(u"0 past the limit"_s) && line.contains(u"1 limit near"_s), qPrintable(line));
        QVERIFY2(line.contains(DeskColours::wall(DeskColour::Magenta).name()), qPrintable(line));
    }

    // Issue 15: a progress call (催办) and the caller's SMS preference from the detail; the SMS line tells the truth.
    void progressCallAndSmsPreferenceFromTheDetail()
    {
        Centre c;
        const QString id = c.dispatched(u"D01"_s, TicketType::Complaint);
        const Actor taker {u"tina"_s, Role::CallTaker, QString(), u"01"_s};
        ConsoleSession session(*c.tw.ws, c.tw.clock, taker);
        TicketDetailDialog detail(session, id);
        auto *followUp = detail.findChild<QPushButton *>(u"detailFollowUpButton"_s);
        auto *sms = detail.findChild<QPushButton *>(u"detailCitizenSmsButton"_s);
        QVERIFY(followUp && sms);
        QCOMPARE(labelText(detail, "detailFollowUps"), TicketDetailDialog::tr("none"));
        QVERIFY2(labelText(detail, "detailCitizenSms").contains(u"none queued"_s), qPrintable(labelText(detail, "detailCitizenSms")));

        Prompts::queueAnswer(u"市民来电询问进展"_s);
        QTest::mouseClick(followUp, Qt::LeftButton);
        QCOMPARE(c.tw.ws->events().ticket(id).followUps, 1);
        QTRY_COMPARE(detail.timeline()->topLevelItemCount(), 3);
        QTreeWidgetItem *last = detail.timeline()->topLevelItem(2);
        QCOMPARE(last->text(TicketDetailDialog::EventColumn), DisplayNames::of(EventType::FollowedUp));
        QVERIFY(last->text(TicketDetailDialog::DetailsColumn).contains(u"市民来电询问进展"_s));
        QVERIFY(labelText(detail, "detailFollowUps").contains(u"1"_s));
        Prompts::queueAnswer(QVariant()); // cancelled: nothing recorded
        QTest::mouseClick(followUp, Qt::LeftButton);
        QCOMPARE(c.tw.ws->events().ticket(id).followUps, 1);

        Prompts::queueAnswer(true);
        QTest::mouseClick(sms, Qt::LeftButton);
        QVERIFY(!c.tw.ws->events().ticket(id).citizenSms);
        QTRY_VERIFY(labelText(detail, "detailCitizenSms").contains(u"declined"_s));

        // A liaison is offered neither.
        ConsoleSession liaison(*c.tw.ws, c.tw.clock, c.liaisonD01);
        TicketDetailDialog theirs(liaison, id);
        QVERIFY(!theirs.findChild<QPushButton *>(u"detailFollowUpButton"_s));
        QVERIFY(!theirs.findChild<QPushButton *>(u"detailCitizenSmsButton"_s));
    }

    void callerIsMaskedForRolesThatDoNotNeedIt()
    {
        Centre c;
        const QString id = c.dispatched(u"D01"_s);
        ConsoleSession adminSession(*c.tw.ws, c.tw.clock, c.admin);
        TicketDetailDialog forAdmin(adminSession, id);
        QCOMPARE(labelText(forAdmin, "detailCallerPhone"), u"138****5678"_s);
        QCOMPARE(labelText(forAdmin, "detailCallerName"), u"张**"_s);
        QVERIFY(!forAdmin.findChild<QPushButton *>(u"detailRevealCaller"_s)); // the table refuses them
        ConsoleSession liaisonSession(*c.tw.ws, c.tw.clock, c.liaisonD01);
        TicketDetailDialog forLiaison(liaisonSession, id);
        QCOMPARE(labelText(forLiaison, "detailCallerPhone"), u"138****5678"_s);
        QVERIFY(forLiaison.revealCaller()); // their own department's ticket: shown, and logged
        QCOMPARE(labelText(forLiaison, "detailCallerPhone"), u"13812345678"_s);
        QVERIFY(!forLiaison.findChild<QPushButton *>(u"detailUrgeButton"_s));
        QVERIFY(forAdmin.findChild<QPushButton *>(u"detailUrgeButton"_s));
    }
};

QTEST_MAIN(TestBoard)
#include "tst_board.moc"
