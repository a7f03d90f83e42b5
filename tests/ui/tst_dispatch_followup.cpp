// What the dispatcher does after dispatch, driven by objectName on a real SQLite workspace: extension
// requests approved and refused, transfer, callbacks that close or reopen, tabs read when shown.
#include "tst_dispatch_support.h"

using namespace hotline;
using namespace hotline::test;

class TestDispatchFollowUp : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { Prompts::setTestMode(true); }
    void cleanup() { Prompts::takeShown(); }

    void extensionRequestsApproveAndRefuse()
    {
        Fixture f;
        const QString a = f.registerTicket(u"路灯不亮"_s, u"市容环境"_s);
        const QString b = f.registerTicket(u"占道经营"_s, u"市容环境"_s);
        const QString c = f.registerTicket(u"违章停车"_s, u"市容环境"_s);
        QString error;
        for (const QString &id : {a, b, c})
            QVERIFY(f.act(f.service().dispatch(f.dispatcher, id, u"CG"_s, &error), error));
        const qint64 dispatchedAt = f.tw.clock.nowSecs();
        f.tw.clock.advanceSecs(3600);
        QVERIFY(f.act(f.service().requestExtension(f.cg, a, 3, u"需要现场勘查"_s, &error), error));
        QVERIFY(f.act(f.service().requestExtension(f.cg, b, 2, u"等待检测结果"_s, &error), error));
        QVERIFY(f.act(f.service().requestExtension(f.cg, c, 4, u"需交警配合"_s, &error), error));

        ConsoleSession session(*f.tw.ws, f.tw.clock, f.dispatcher);
        DispatchView view(session);
        QAbstractItemModelTester tester(view.extensionPage()->model(),
                                        QAbstractItemModelTester::FailureReportingMode::Fatal);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.findChild<QTabWidget *>(u"dispatchTabs"_s)->setCurrentWidget(view.extensionPage());
        QTableView *requests = table(view, u"extensionRequests"_s);
        QVERIFY(requests->isVisible());
        QCOMPARE(requests->model()->rowCount(), 3);
        const int rowA = rowOf(requests, a);
        QCOMPARE(cell(requests, rowA, DispatchExtensionModel::Days), u"3 working day(s)"_s);
        QCOMPARE(cell(requests, rowA, DispatchExtensionModel::Reason), u"需要现场勘查"_s);
        QCOMPARE(cell(requests, rowA, DispatchExtensionModel::Department), u"城管局 (CG)"_s);
        QCOMPARE(cell(requests, rowA, DispatchExtensionModel::Requested), u"2025-03-03 10:03"_s);
        QCOMPARE(cell(requests, rowA, DispatchExtensionModel::Deadline),
                 u"2025-03-10 09:03"_s); // 35 working hours after 09:03 on Monday

        // Approve a: three more working days, counted from the dispatch.
        requests->selectRow(rowA);
        QTest::mouseClick(button(view, u"approveExtension"_s), Qt::LeftButton);
        Ticket t = f.ticket(a);
        QVERIFY(!t.extensionPending);
        QCOMPARE(t.extensionDays, 3);
        QCOMPARE(*t.deadlineS, f.tw.ws->sla().deadline(dispatchedAt, SlaClass::Handling, 3));
        QVERIFY(labelText(view, u"dispatchMessage"_s).contains(t.number));
        QCOMPARE(requests->model()->rowCount(), 2);

        // Refuse b without a reason: nothing happens but a message; with a reason: refused.
        requests->selectRow(rowOf(requests, b));
        Prompts::queueAnswer(u"  "_s);
        QTest::mouseClick(button(view, u"refuseExtension"_s), Qt::LeftButton);
        QVERIFY(f.ticket(b).extensionPending);
        QVERIFY(labelText(view, u"dispatchMessage"_s).contains(u"reason"_s));
        Prompts::queueAnswer(u"理由不充分，请按期办结"_s);
        QTest::mouseClick(button(view, u"refuseExtension"_s), Qt::LeftButton);
        t = f.ticket(b);
        QVERIFY(!t.extensionPending);
        QCOMPARE(t.extensionDays, 0);
        QCOMPARE(*t.deadlineS, f.tw.ws->sla().deadline(dispatchedAt, SlaClass::Handling));
        const std::optional<TicketEvent> e = lastEvent(f, b);
        QCOMPARE(e->type, EventType::ExtensionRefused);
        QCOMPARE(e->payload.value(Key::Reason).toString(), u"理由不充分，请按期办结"_s);
        QCOMPARE(requests->model()->rowCount(), 1);

        // c should not be with the city management at all: transfer from the extension list.
        requests->selectRow(rowOf(requests, c));
        Prompts::queueAnswer(0); // JT: the first department other than CG
        Prompts::queueAnswer(u"违章停车归交通局"_s);
        QTest::mouseClick(button(view, u"extensionTransfer"_s), Qt::LeftButton);
        t = f.ticket(c);
        QCOMPARE(t.department, u"JT"_s);
        QVERIFY(!t.extensionPending);
        QCOMPARE(requests->model()->rowCount(), 0);
    }

    void transferFromWithDepartments()
    {
        Fixture f;
        const QString a = f.registerTicket(u"水管爆裂"_s, u"市容环境"_s);
        const QString b = f.registerTicket(u"路灯不亮"_s, u"市容环境"_s);
        QString error;
        QVERIFY(f.act(f.service().dispatch(f.dispatcher, a, u"CG"_s, &error), error));
        QVERIFY(f.act(f.service().dispatch(f.dispatcher, b, u"CG"_s, &error), error));
        QVERIFY(f.act(f.service().sign(f.cg, a, &error), error));

        ConsoleSession session(*f.tw.ws, f.tw.clock, f.dispatcher);
        DispatchView view(session);
        QAbstractItemModelTester tester(view.inProgressPage()->model(),
                                        QAbstractItemModelTester::FailureReportingMode::Fatal);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.findChild<QTabWidget *>(u"dispatchTabs"_s)->setCurrentWidget(view.inProgressPage());
        QTableView *list = table(view, u"inProgress"_s);
        QCOMPARE(list->model()->rowCount(), 2);
        const int rowA = rowOf(list, a);
        QCOMPARE(cell(list, rowA, DeskTicketModel::Department), u"城管局 (CG)"_s);
        QCOMPARE(cell(list, rowA, DeskTicketModel::State), u"Signed"_s);
        QCOMPARE(cell(list, rowA, DeskTicketModel::Remaining), u"35:00:00"_s);

        // Cancelled at the first question: nothing happens.
        list->selectRow(rowA);
        Prompts::queueAnswer(QVariant());
        QTest::mouseClick(button(view, u"transferButton"_s), Qt::LeftButton);
        QCOMPARE(f.ticket(a).department, u"CG"_s);

        f.tw.clock.advanceSecs(3600);
        const qint64 transferredAt = f.tw.clock.nowSecs();
        Prompts::queueAnswer(1); // offered: JT, SW
        Prompts::queueAnswer(u"水管爆裂属供水问题"_s);
        QTest::mouseClick(button(view, u"transferButton"_s), Qt::LeftButton);
        const Ticket t = f.ticket(a);
        QCOMPARE(t.department, u"SW"_s);
        QCOMPARE(t.state, TicketState::Dispatched); // the new department signs for it
        QCOMPARE(*t.deadlineS, f.tw.ws->sla().deadline(transferredAt, SlaClass::Handling)); // a new clock
        const std::optional<TicketEvent> e = lastEvent(f, a);
        QCOMPARE(e->type, EventType::Transferred);
        QCOMPARE(e->payload.value(Key::Reason).toString(), u"水管爆裂属供水问题"_s);
        QVERIFY(labelText(view, u"dispatchMessage"_s).contains(u"水务局 (SW)"_s));
        QCOMPARE(cell(list, rowOf(list, a), DeskTicketModel::Department), u"水务局 (SW)"_s);

        // The department filter.
        auto *filter = view.findChild<QComboBox *>(u"inProgressDepartment"_s);
        filter->setCurrentIndex(filter->findData(u"SW"_s));
        QCOMPARE(list->model()->rowCount(), 1);
        QCOMPARE(rowOf(list, a), 0);

        // The countdown follows the session's beat.
        f.tw.clock.advanceSecs(1800);
        session.pulse();
        QCOMPARE(cell(list, 0, DeskTicketModel::Remaining), u"34:30:00"_s);
    }

    void callbackSatisfiedCloses()
    {
        Fixture f;
        const QString a = f.registerTicket(u"路灯不亮"_s, u"市容环境"_s, u"13812345678"_s);
        QString error;
        QVERIFY(f.act(f.service().dispatch(f.dispatcher, a, u"CG"_s, &error), error));
        QVERIFY(f.act(f.service().reply(f.cg, a, u"已更换灯泡"_s, &error), error));

        ConsoleSession session(*f.tw.ws, f.tw.clock, f.dispatcher);
        DispatchView view(session);
        QAbstractItemModelTester tester(view.callbackPage()->model(),
                                        QAbstractItemModelTester::FailureReportingMode::Fatal);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.findChild<QTabWidget *>(u"dispatchTabs"_s)->setCurrentWidget(view.callbackPage());
        QTableView *list = table(view, u"awaitingCallback"_s);
        QCOMPARE(list->model()->rowCount(), 1);
        QCOMPARE(cell(list, 0, DispatchCallbackModel::Reply), u"已更换灯泡"_s);
        QCOMPARE(cell(list, 0, DispatchCallbackModel::Phone), u"138****5678"_s); // "Show number" reveals it
        QCOMPARE(cell(list, 0, DispatchCallbackModel::OnTime), u"On time"_s);

        Prompts::queueAnswer(0); // satisfied
        QTest::mouseClick(button(view, u"callbackButton"_s), Qt::LeftButton);
        const Ticket t = f.ticket(a);
        QVERIFY(t.closedMs.has_value());
        QCOMPARE(t.satisfaction, std::optional<Satisfaction>(Satisfaction::Satisfied));
        QCOMPARE(t.onTime, std::optional<bool>(true));
        QCOMPARE(list->model()->rowCount(), 0);
        QVERIFY(labelText(view, u"dispatchMessage"_s).contains(u"closed"_s));
    }

    void callbackUnsatisfiedReopensIntoTheQueue()
    {
        Fixture f;
        const QString a = f.registerTicket(u"路灯不亮"_s, u"市容环境"_s);
        const QString b = f.registerTicket(u"占道经营"_s, u"市容环境"_s);
        QString error;
        for (const QString &id : {a, b}) {
            QVERIFY(f.act(f.service().dispatch(f.dispatcher, id, u"CG"_s, &error), error));
            QVERIFY(f.act(f.service().reply(f.cg, id, u"已处理"_s, &error), error));
        }
        ConsoleSession session(*f.tw.ws, f.tw.clock, f.dispatcher);
        DispatchView view(session);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        auto *tabs = view.findChild<QTabWidget *>(u"dispatchTabs"_s);
        tabs->setCurrentWidget(view.callbackPage());
        QTableView *list = table(view, u"awaitingCallback"_s);
        QCOMPARE(list->model()->rowCount(), 2);

        // Unsatisfied, not reopened: closed.
        list->selectRow(rowOf(list, b));
        Prompts::queueAnswer(2);
        Prompts::queueAnswer(false);
        QTest::mouseClick(button(view, u"callbackButton"_s), Qt::LeftButton);
        QVERIFY(f.ticket(b).closedMs.has_value());
        QCOMPARE(f.ticket(b).satisfaction, std::optional<Satisfaction>(Satisfaction::Unsatisfied));

        // Unsatisfied and reopened: back in the dispatch queue.
        list->selectRow(rowOf(list, a));
        Prompts::queueAnswer(2);
        Prompts::queueAnswer(true);
        QTest::mouseClick(button(view, u"callbackButton"_s), Qt::LeftButton);
        const Ticket t = f.ticket(a);
        QVERIFY(!t.closedMs.has_value());
        QCOMPARE(t.state, TicketState::Registered);
        QVERIFY(t.department.isEmpty());
        QCOMPARE(list->model()->rowCount(), 0);
        QVERIFY(labelText(view, u"dispatchMessage"_s).contains(u"reopened"_s));

        tabs->setCurrentWidget(view.queuePage());
        QTableView *queue = table(view, u"dispatchQueue"_s);
        QCOMPARE(queue->model()->rowCount(), 1);
        QCOMPARE(rowOf(queue, a), 0);
        QVERIFY(cell(queue, 0, DispatchQueueModel::BackReason).startsWith(u"Reopened after the callback"_s));
    }

    void hiddenTabsLoadWhenShown()
    {
        Fixture f;
        const QString a = f.registerTicket(u"路灯不亮"_s, u"市容环境"_s);
        ConsoleSession session(*f.tw.ws, f.tw.clock, f.dispatcher);
        DispatchView view(session);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QSignalSpy callbackResets(view.callbackPage()->model(), &QAbstractItemModel::modelReset);
        QString error;
        QVERIFY(f.act(f.service().dispatch(f.dispatcher, a, u"CG"_s, &error), error));
        QVERIFY(f.act(f.service().reply(f.cg, a, u"已处理"_s, &error), error));
        QCOMPARE(callbackResets.count(), 0); // not shown, not read
        view.findChild<QTabWidget *>(u"dispatchTabs"_s)->setCurrentWidget(view.callbackPage());
        QCOMPARE(callbackResets.count(), 1);
        QCOMPARE(table(view, u"awaitingCallback"_s)->model()->rowCount(), 1);
    }
};

QTEST_MAIN(TestDispatchFollowUp)
#include "tst_dispatch_followup.moc"
