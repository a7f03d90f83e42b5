// The whole loop through real widgets, as four consoles on one database would do it: a call-taker registers
// by keyboard only, a dispatcher dispatches from the queue, the supervisor's board counts down through green,
// yellow and red as the injected clock moves, and the department's reply takes the ticket off the board.
#include "TestWorkspace.h"
#include "UiTestHelpers.h"

#include "board/BoardView.h"
#include "department/DepartmentDesk.h"
#include "dispatch/DispatchView.h"
#include "registration/RegistrationForm.h"
#include "service/TicketQueries.h"
#include "storage/EventStore.h"
#include "support/ConsoleSession.h"
#include "support/Prompts.h"

#include <QAbstractItemView>
#include <QLabel>
#include <QLineEdit>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace hotline;
using namespace hotline::test;

namespace {

template<typename T>
T *part(QWidget *root, const QString &name)
{
    T *w = root->findChild<T *>(name);
    if (!w)
        qFatal("no widget %s", qPrintable(name));
    return w;
}

QString count(QWidget *board, const QString &name)
{
    return part<QLabel>(board, name)->text();
}

int rowOf(QAbstractItemView *view, const QString &number)
{
    const QAbstractItemModel *m = view->model();
    for (int r = 0; r < m->rowCount(); ++r) {
        for (int c = 0; c < m->columnCount(); ++c) {
            if (m->index(r, c).data().toString() == number)
                return r;
        }
    }
    return -1;
}

} // namespace

class TestConsoleFlow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { Prompts::setTestMode(true); }
    void registerDispatchCountDownAndReply();
};

void TestConsoleFlow::registerDispatchCountDownAndReply()
{
    TestWorkspace tw(u"2025-03-03T08:55:00+08:00"_s); // Monday morning
    QVERIFY2(tw.isValid(), qPrintable(tw.error));
    tw.addDepartment(u"CG"_s, u"区城管局"_s);
    tw.addDepartment(u"JT"_s, u"区交通局"_s);
    tw.addCategory(u"市容环境"_s, u"CG"_s);
    const QString console = tw.ws->consoleCode();
    ConsoleSession taker(*tw.ws, tw.clock, Actor{u"calltaker"_s, Role::CallTaker, QString(), console});
    ConsoleSession dispatcher(*tw.ws, tw.clock, Actor{u"dispatcher"_s, Role::Dispatcher, QString(), console});
    ConsoleSession supervisor(*tw.ws, tw.clock, Actor{u"supervisor"_s, Role::Supervisor, QString(), console});
    ConsoleSession cg(*tw.ws, tw.clock, Actor{u"liaison"_s, Role::Liaison, u"CG"_s, console});
    ConsoleSession jt(*tw.ws, tw.clock, Actor{u"jt"_s, Role::Liaison, u"JT"_s, console});

    // 1. Registration, keyboard only.
    RegistrationForm form(taker);
    form.show();
    QVERIFY(QTest::qWaitForWindowActive(&form));
    QTRY_COMPARE(focusedField(), u"callerPhone"_s);
    type(u"13800138000"_s);
    press(Qt::Key_Tab);
    type(u"陈先生"_s);
    QLineEdit *summary = part<QLineEdit>(&form, u"summary"_s);
    // Tab through to the summary like an operator (town and category are typed on the way).
    for (int i = 0; i < 12 && focusedField() != u"summary"_s; ++i) {
        if (focusedField() == u"category"_s)
            type(u"市容环境"_s);
        press(Qt::Key_Tab);
    }
    QCOMPARE(focusedField(), u"summary"_s);
    type(u"人行道井盖缺失"_s);
    QCOMPARE(summary->text(), u"人行道井盖缺失"_s);
    press(Qt::Key_Return, Qt::ControlModifier);
    const QString number = part<QLabel>(&form, u"ticketNumber"_s)->text();
    QVERIFY2(number.startsWith(u"250303-"_s), qPrintable(number));
    const Ticket registered = tw.ws->events().ticketByNumber(number);
    QVERIFY(registered.exists());
    QCOMPARE(registered.callerPhone, u"13800138000"_s);
    QCOMPARE(registered.category, u"市容环境"_s);

    // 2. The dispatcher's queue has it, with the category's department suggested; Enter dispatches.
    tw.setNow(u"2025-03-03T09:00:00+08:00"_s);
    DispatchView dispatch(dispatcher);
    dispatch.show();
    auto *queue = part<QAbstractItemView>(&dispatch, u"dispatchQueue"_s);
    QTRY_VERIFY(rowOf(queue, number) >= 0);
    queue->setFocus();
    queue->setCurrentIndex(queue->model()->index(rowOf(queue, number), 0));
    QTest::keyClick(queue, Qt::Key_Return);
    QTRY_COMPARE(tw.ws->events().ticket(registered.id).state, TicketState::Dispatched);
    QCOMPARE(tw.ws->events().ticket(registered.id).department, u"CG"_s);
    QTRY_COMPARE(rowOf(queue, number), -1);
    // A consultation dispatched Monday 09:00 has 7 working hours: Tuesday 09:00.
    QCOMPARE(*tw.ws->events().ticket(registered.id).deadlineS, secs(u"2025-03-04T09:00:00+08:00"_s));

    // 3. The supervisor's board: green, then yellow at exactly 3 h left, then red one second past the deadline.
    BoardView board(supervisor);
    board.show();
    auto *boardTable = part<QAbstractItemView>(&board, u"boardTable"_s);
    QTRY_VERIFY(rowOf(boardTable, number) >= 0);
    QCOMPARE(count(&board, u"greenCount"_s), u"1"_s);
    tw.setNow(u"2025-03-03T14:59:59+08:00"_s); // 2.5 h + 0.5 h + 1 s left
    supervisor.pulse();
    QCOMPARE(count(&board, u"greenCount"_s), u"1"_s);
    tw.setNow(u"2025-03-03T15:00:00+08:00"_s); // 3 h 00 m 00 s left
    supervisor.pulse();
    QCOMPARE(count(&board, u"yellowCount"_s), u"1"_s);
    QCOMPARE(count(&board, u"greenCount"_s), u"0"_s);
    tw.setNow(u"2025-03-04T09:00:01+08:00"_s);
    supervisor.pulse();
    QCOMPARE(count(&board, u"redCount"_s), u"1"_s);
    QCOMPARE(count(&board, u"yellowCount"_s), u"0"_s);

    // 4. Another department's liaison does not see it, in the UI or in core.
    DepartmentDesk other(jt);
    other.show();
    QCOMPARE(rowOf(part<QAbstractItemView>(&other, u"deskTable"_s), number), -1);
    QVERIFY(!tw.ws->queries().ticket(jt.actor(), registered.id));
    QVERIFY(tw.ws->queries().history(jt.actor(), registered.id).isEmpty());

    // 5. The department signs and replies from its desk: the ticket leaves the countdown everywhere.
    DepartmentDesk desk(cg);
    desk.show();
    auto *deskTable = part<QAbstractItemView>(&desk, u"deskTable"_s);
    QTRY_VERIFY(rowOf(deskTable, number) >= 0);
    deskTable->setCurrentIndex(deskTable->model()->index(rowOf(deskTable, number), 0));
    QTest::mouseClick(part<QWidget>(&desk, u"signButton"_s), Qt::LeftButton);
    QTRY_COMPARE(tw.ws->events().ticket(registered.id).state, TicketState::Signed);
    deskTable->setCurrentIndex(deskTable->model()->index(rowOf(deskTable, number), 0));
    Prompts::queueAnswer(u"已补装井盖，已电话告知市民。"_s);
    QTest::mouseClick(part<QWidget>(&desk, u"replyButton"_s), Qt::LeftButton);
    QTRY_COMPARE(tw.ws->events().ticket(registered.id).state, TicketState::Replied);
    QVERIFY(!tw.ws->events().ticket(registered.id).isCounting());
    QCOMPARE(tw.ws->events().ticket(registered.id).replyOnTime, std::optional<bool>(false));
    QTRY_COMPARE(rowOf(boardTable, number), -1);
    QCOMPARE(count(&board, u"redCount"_s), u"0"_s);
}

QTEST_MAIN(TestConsoleFlow)
#include "tst_console_flow.moc"
