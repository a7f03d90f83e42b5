// The department liaison's desk, driven by objectName on a real SQLite workspace: only the own department's
// tickets, sign, reply (the countdown stops), extension request, return, the countdown's beat, refusals shown.
#include "TestWorkspace.h"
#include "board/BoardColours.h"
#include "department/DepartmentDesk.h"
#include "department/DeskTicketDetail.h"
#include "department/DeskTicketModel.h"
#include "dispatch/DispatchQueueModel.h"
#include "dispatch/DispatchView.h"
#include "service/TicketQueries.h"
#include "service/TicketService.h"
#include "storage/EventStore.h"
#include "support/ConsoleSession.h"
#include "support/Prompts.h"

#include <QAbstractItemModelTester>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace hotline;
using namespace hotline::test;

namespace {

/** Two departments and the actors of the tests; Monday 2025-03-03 09:00 in Foshan. */
struct Fixture
{
    TestWorkspace tw;
    Actor callTaker {u"cara"_s, Role::CallTaker, QString(), u"01"_s};
    Actor dispatcher {u"dora"_s, Role::Dispatcher, QString(), u"01"_s};
    Actor cg {u"li"_s, Role::Liaison, u"CG"_s, u"01"_s};
    Actor sw {u"shui"_s, Role::Liaison, u"SW"_s, u"01"_s};

    Fixture()
    {
        tw.addDepartment(u"CG"_s, u"城管局"_s);
        tw.addDepartment(u"SW"_s, u"水务局"_s);
    }

    /** Registers a complaint and dispatches it to a department at the current instant. */
    QString dispatched(const QString &summary, const QString &department, const QString &phone = QString())
    {
        NewTicket t;
        t.type = TicketType::Complaint;
        t.category = u"市容环境"_s;
        t.town = u"桂城"_s;
        t.callerName = u"王先生"_s;
        t.callerPhone = phone;
        t.summary = summary;
        t.details = u"详细情况：%1"_s.arg(summary);
        QString error;
        const QString id = tw.ws->tickets().registerTicket(callTaker, t, &error);
        if (id.isEmpty() || !tw.ws->tickets().dispatch(dispatcher, id, department, &error))
            qWarning() << error;
        return id;
    }

    Ticket ticket(const QString &id) { return tw.ws->events().ticket(id); }
};

QTableView *deskTable(QWidget &w)
{
    return w.findChild<QTableView *>(u"deskTable"_s);
}

QPushButton *button(QWidget &w, const QString &name)
{
    return w.findChild<QPushButton *>(name);
}

QString message(QWidget &w)
{
    return w.findChild<QLabel *>(u"deskMessage"_s)->text();
}

int rowOf(QTableView *view, const QString &ticketId)
{
    for (int r = 0; r < view->model()->rowCount(); ++r) {
        if (view->model()->index(r, 0).data(DeskTicketModel::TicketIdRole).toString() == ticketId)
            return r;
    }
    return -1;
}

QString cell(QTableView *view, int row, int column)
{
    return view->model()->index(row, column).data().toString();
}

} // namespace

class TestDepartment : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { Prompts::setTestMode(true); }
    void cleanup() { Prompts::takeShown(); }

    void liaisonSeesOnlyOwnDepartment()
    {
        Fixture f;
        const QString mine = f.dispatched(u"路灯不亮"_s, u"CG"_s);
        const QString theirs = f.dispatched(u"停水三天"_s, u"SW"_s);
        ConsoleSession session(*f.tw.ws, f.tw.clock, f.cg);
        DepartmentDesk desk(session);
        QAbstractItemModelTester tester(desk.model(), QAbstractItemModelTester::FailureReportingMode::Fatal);
        desk.show();
        QVERIFY(QTest::qWaitForWindowExposed(&desk));
        QTableView *table = deskTable(desk);
        QAbstractItemModelTester proxyTester(table->model(), QAbstractItemModelTester::FailureReportingMode::Fatal);
        QCOMPARE(table->model()->rowCount(), 1);
        QCOMPARE(rowOf(table, mine), 0);
        QCOMPARE(rowOf(table, theirs), -1);
        QVERIFY(desk.findChild<QLabel *>(u"deskTitle"_s)->text().contains(u"城管局"_s));

        // Core refuses it too, in lists, details and history.
        TicketQueries &queries = f.tw.ws->queries();
        QVERIFY(!queries.ticket(f.cg, theirs).has_value());
        QVERIFY(queries.history(f.cg, theirs).isEmpty());
        QVERIFY(queries.departmentTickets(f.cg, u"SW"_s).isEmpty());
        QVERIFY(queries.dispatchQueue(f.cg).isEmpty());
        QString error;
        QVERIFY(!f.tw.ws->tickets().sign(f.cg, theirs, &error));
        QVERIFY(!error.isEmpty());

        // A ticket dispatched to the other department later does not appear either; one to us does.
        const QString more = f.dispatched(u"水压不足"_s, u"SW"_s);
        QCOMPARE(rowOf(table, more), -1);
        const QString ours = f.dispatched(u"占道经营"_s, u"CG"_s);
        QCOMPARE(table->model()->rowCount(), 2);
        QVERIFY(rowOf(table, ours) >= 0);
    }

    void signThenReplyStopsTheCountdown()
    {
        Fixture f;
        const QString a = f.dispatched(u"路灯不亮"_s, u"CG"_s, u"13812345678"_s);
        ConsoleSession session(*f.tw.ws, f.tw.clock, f.cg);
        DepartmentDesk desk(session);
        QAbstractItemModelTester tester(desk.model(), QAbstractItemModelTester::FailureReportingMode::Fatal);
        desk.show();
        QVERIFY(QTest::qWaitForWindowExposed(&desk));
        QTableView *table = deskTable(desk);
        QCOMPARE(cell(table, 0, DeskTicketModel::State), u"Waiting to sign"_s);
        QCOMPARE(cell(table, 0, DeskTicketModel::Received), u"2025-03-03 09:00"_s);
        QCOMPARE(cell(table, 0, DeskTicketModel::Deadline), u"2025-03-10 09:00"_s);
        QCOMPARE(cell(table, 0, DeskTicketModel::Remaining), u"35:00:00"_s);
        QCOMPARE(table->model()->index(0, DeskTicketModel::Dot).data(Qt::DecorationRole).value<QColor>(),
                 BoardColours::dot(Colour::Green));

        table->selectRow(0);
        QVERIFY(button(desk, u"signButton"_s)->isEnabled());
        f.tw.clock.advanceSecs(600);
        QTest::mouseClick(button(desk, u"signButton"_s), Qt::LeftButton);
        Ticket t = f.ticket(a);
        QCOMPARE(t.state, TicketState::Signed);
        QCOMPARE(t.signedMs, std::optional<qint64>(f.tw.clock.nowMs()));
        QCOMPARE(cell(table, 0, DeskTicketModel::State), u"Signed"_s);
        QVERIFY(!button(desk, u"signButton"_s)->isEnabled());
        QVERIFY(message(desk).contains(u"Signed for 1"_s));

        // A cancelled reply changes nothing; an empty one is refused by core and the reason shown.
        Prompts::queueAnswer(QVariant());
        QTest::mouseClick(button(desk, u"replyButton"_s), Qt::LeftButton);
        QVERIFY(f.ticket(a).isCounting());
        Prompts::queueAnswer(u"   "_s);
        QTest::mouseClick(button(desk, u"replyButton"_s), Qt::LeftButton);
        QVERIFY(f.ticket(a).isCounting());
        QCOMPARE(message(desk), u"Write the department's reply."_s);

        Prompts::queueAnswer(u"已派人更换灯泡，路灯恢复正常。"_s);
        QTest::mouseClick(button(desk, u"replyButton"_s), Qt::LeftButton);
        t = f.ticket(a);
        QVERIFY(!t.isCounting());
        QVERIFY(t.repliedMs.has_value());
        QCOMPARE(t.replyOnTime, std::optional<bool>(true));
        QCOMPARE(f.tw.ws->events().history(a).last().payload.value(Key::Text).toString(),
                 u"已派人更换灯泡，路灯恢复正常。"_s);
        QCOMPARE(cell(table, 0, DeskTicketModel::State), u"Replied"_s);
        QCOMPARE(cell(table, 0, DeskTicketModel::Remaining), u"Replied on time"_s);
        QVERIFY(!table->model()->index(0, DeskTicketModel::Dot).data(Qt::DecorationRole).isValid());
        QVERIFY(!button(desk, u"replyButton"_s)->isEnabled());
        QVERIFY(message(desk).contains(u"countdown has stopped"_s));

        // The beat leaves a stopped countdown alone.
        f.tw.clock.advanceSecs(3600);
        session.pulse();
        QCOMPARE(cell(table, 0, DeskTicketModel::Remaining), u"Replied on time"_s);
    }

    void countdownFollowsTheBeat()
    {
        Fixture f;
        f.dispatched(u"路灯不亮"_s, u"CG"_s);
        ConsoleSession session(*f.tw.ws, f.tw.clock, f.cg);
        DepartmentDesk desk(session);
        QAbstractItemModelTester tester(desk.model(), QAbstractItemModelTester::FailureReportingMode::Fatal);
        QTableView *table = deskTable(desk);
        QCOMPARE(cell(table, 0, DeskTicketModel::Remaining), u"35:00:00"_s);

        QSignalSpy changed(desk.model(), &QAbstractItemModel::dataChanged);
        QSignalSpy resets(desk.model(), &QAbstractItemModel::modelReset);
        f.tw.clock.advanceSecs(3601);
        session.pulse();
        QCOMPARE(cell(table, 0, DeskTicketModel::Remaining), u"33:59:59"_s);
        QCOMPARE(resets.count(), 0); // a beat is not a reload
        for (const QList<QVariant> &args : std::as_const(changed)) { // only the countdown cells
            const int column = args.at(0).toModelIndex().column();
            QVERIFY(column == DeskTicketModel::Dot || column == DeskTicketModel::Remaining);
        }

        // Friday 15:00: 2.5 h left that day plus 0.5 h on Monday morning = 3 h: yellow.
        f.tw.setNow(u"2025-03-07T15:00:00+08:00"_s);
        session.pulse();
        QCOMPARE(cell(table, 0, DeskTicketModel::Remaining), u"3:00:00"_s);
        QCOMPARE(table->model()->index(0, DeskTicketModel::Dot).data(Qt::DecorationRole).value<QColor>(),
                 BoardColours::dot(Colour::Yellow));
        // Over the weekend nothing ticks.
        f.tw.setNow(u"2025-03-09T12:00:00+08:00"_s);
        session.pulse();
        QCOMPARE(cell(table, 0, DeskTicketModel::Remaining), u"0:30:00"_s);
        // Past the deadline: red, overdue.
        f.tw.setNow(u"2025-03-10T09:00:01+08:00"_s);
        session.pulse();
        QCOMPARE(cell(table, 0, DeskTicketModel::Remaining), u"overdue 0:00:01"_s);
        QCOMPARE(table->model()->index(0, DeskTicketModel::Dot).data(Qt::DecorationRole).value<QColor>(),
                 BoardColours::dot(Colour::Red));
    }

    void extensionRequest()
    {
        Fixture f;
        const QString a = f.dispatched(u"违章搭建"_s, u"CG"_s);
        ConsoleSession session(*f.tw.ws, f.tw.clock, f.cg);
        DepartmentDesk desk(session);
        QAbstractItemModelTester tester(desk.model(), QAbstractItemModelTester::FailureReportingMode::Fatal);
        desk.show();
        QVERIFY(QTest::qWaitForWindowExposed(&desk));
        QTableView *table = deskTable(desk);
        table->selectRow(0);

        // Cancelled at the reason: nothing is asked of the dispatcher.
        Prompts::queueAnswer(5);
        Prompts::queueAnswer(QVariant());
        QTest::mouseClick(button(desk, u"extensionButton"_s), Qt::LeftButton);
        QVERIFY(!f.ticket(a).extensionPending);

        Prompts::queueAnswer(5);
        Prompts::queueAnswer(u"需要协调规划、住建多个部门联合处置"_s);
        QTest::mouseClick(button(desk, u"extensionButton"_s), Qt::LeftButton);
        const Ticket t = f.ticket(a);
        QVERIFY(t.extensionPending);
        QCOMPARE(t.extensionDays, 0); // until the dispatcher approves
        const TicketEvent e = f.tw.ws->events().history(a).last();
        QCOMPARE(e.type, EventType::ExtensionRequested);
        QCOMPARE(e.payload.value(Key::Days).toInt(), 5);
        QCOMPARE(e.payload.value(Key::Reason).toString(), u"需要协调规划、住建多个部门联合处置"_s);
        QCOMPARE(cell(table, 0, DeskTicketModel::State), u"Extension requested"_s);
        QVERIFY(!button(desk, u"extensionButton"_s)->isEnabled()); // one request at a time
        QVERIFY(message(desk).contains(u"5 working day"_s));
        QVERIFY(f.tw.ws->queries().pendingExtensions(f.dispatcher).size() == 1);
    }

    void returnSendsItBackToDispatch()
    {
        Fixture f;
        const QString a = f.dispatched(u"水管爆裂"_s, u"CG"_s);
        ConsoleSession session(*f.tw.ws, f.tw.clock, f.cg);
        DepartmentDesk desk(session);
        QAbstractItemModelTester tester(desk.model(), QAbstractItemModelTester::FailureReportingMode::Fatal);
        desk.show();
        QVERIFY(QTest::qWaitForWindowExposed(&desk));
        QTableView *table = deskTable(desk);
        table->selectRow(0);

        Prompts::queueAnswer(u"供水管道属水务局职责"_s);
        QTest::mouseClick(button(desk, u"returnButton"_s), Qt::LeftButton);
        const Ticket t = f.ticket(a);
        QCOMPARE(t.state, TicketState::Registered);
        QVERIFY(t.department.isEmpty());
        QVERIFY(!t.isCounting()); // the clock stopped
        QCOMPARE(table->model()->rowCount(), 0);
        QVERIFY(message(desk).contains(u"returned"_s));

        // Back in the dispatcher's queue, with the reason.
        QCOMPARE(f.tw.ws->queries().returnReason(a), u"供水管道属水务局职责"_s);
        ConsoleSession dispatch(*f.tw.ws, f.tw.clock, f.dispatcher);
        DispatchView view(dispatch);
        QTableView *queue = view.findChild<QTableView *>(u"dispatchQueue"_s);
        QCOMPARE(queue->model()->rowCount(), 1);
        QCOMPARE(queue->model()->index(0, DispatchQueueModel::BackReason).data().toString(),
                 u"Returned by 城管局 (CG): 供水管道属水务局职责"_s);
    }

    void anotherDepartmentsLiaisonCannotReply()
    {
        Fixture f;
        const QString a = f.dispatched(u"路灯不亮"_s, u"CG"_s);

        // Core refuses the water bureau's liaison a reply to the city management's unsigned ticket.
        QString error;
        QVERIFY(!f.tw.ws->tickets().reply(f.sw, a, u"不是我们的"_s, &error));
        QVERIFY(!error.isEmpty());
        QVERIFY(f.ticket(a).isCounting());

        // Through the desk: CG's liaison has the ticket on screen while another console transfers it to SW;
        // the reply is refused, the reason is shown, and the desk no longer lists the ticket.
        ConsoleSession session(*f.tw.ws, f.tw.clock, f.cg);
        DepartmentDesk desk(session);
        QAbstractItemModelTester tester(desk.model(), QAbstractItemModelTester::FailureReportingMode::Fatal);
        desk.show();
        QVERIFY(QTest::qWaitForWindowExposed(&desk));
        QTableView *table = deskTable(desk);
        table->selectRow(0);
        std::unique_ptr<Workspace> other = Workspace::open(f.tw.path(), f.tw.clock, &error);
        QVERIFY2(other, qPrintable(error));
        QVERIFY2(other->tickets().transfer(f.dispatcher, a, u"SW"_s, u"属水务"_s, &error), qPrintable(error));
        QCOMPARE(table->model()->rowCount(), 1); // this console has not heard of it yet

        Prompts::queueAnswer(u"已处理"_s);
        QTest::mouseClick(button(desk, u"replyButton"_s), Qt::LeftButton);
        QString expected;
        QVERIFY(!f.tw.ws->tickets().reply(f.cg, a, u"已处理"_s, &expected));
        QCOMPARE(message(desk), expected);
        QVERIFY(!f.ticket(a).repliedMs.has_value());
        QCOMPARE(f.ticket(a).department, u"SW"_s);
        QCOMPARE(table->model()->rowCount(), 0);
    }

    void detailShowsTheTicketAndTheCaller()
    {
        Fixture f;
        const QString a = f.dispatched(u"路灯不亮"_s, u"CG"_s, u"13812345678"_s);
        ConsoleSession session(*f.tw.ws, f.tw.clock, f.cg);
        DepartmentDesk desk(session);
        auto *detail = desk.findChild<DeskTicketDetail *>(u"deskDetail"_s);
        QVERIFY(detail);
        QCOMPARE(detail->ticketId(), a); // the first row is current
        const QString text = detail->toPlainText();
        QVERIFY(text.contains(f.ticket(a).number));
        QVERIFY(text.contains(u"路灯不亮"_s));
        QVERIFY(text.contains(u"详细情况：路灯不亮"_s));
        // Masked until the liaison asks: the department has to reach the caller, and the view is logged.
        QVERIFY(text.contains(u"王**"_s));
        QVERIFY(text.contains(u"138****5678"_s));
        QVERIFY(!text.contains(u"13812345678"_s));
        QVERIFY(detail->offersReveal());
        QVERIFY(detail->revealCaller());
        QVERIFY(detail->toPlainText().contains(u"王先生"_s));
        QVERIFY(detail->toPlainText().contains(u"13812345678"_s));
        QVERIFY(text.contains(u"Dispatched"_s)); // the history
    }

    void nonLiaisonSeesAnExplanation()
    {
        Fixture f;
        f.dispatched(u"路灯不亮"_s, u"CG"_s);
        for (const Actor &actor : {f.dispatcher, Actor {u"nobody"_s, Role::Liaison, QString(), u"01"_s}}) {
            ConsoleSession session(*f.tw.ws, f.tw.clock, actor);
            DepartmentDesk desk(session);
            desk.show();
            QVERIFY(QTest::qWaitForWindowExposed(&desk));
            QVERIFY(!desk.hasDesk());
            auto *empty = desk.findChild<QLabel *>(u"deskEmptyState"_s);
            QVERIFY(empty);
            QVERIFY(empty->isVisible());
            QVERIFY(!empty->text().isEmpty());
            QVERIFY(!deskTable(desk));
        }
    }
};

QTEST_MAIN(TestDepartment)
#include "tst_department.moc"
