// The dispatcher's queue, driven by objectName on a real SQLite workspace: suggestions, dispatch by button,
// Enter and in a batch of 1,800 (with cancel and named failures), returned tickets with their reason.
#include "tst_dispatch_support.h"

using namespace hotline;
using namespace hotline::test;

class TestDispatch : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { Prompts::setTestMode(true); }
    void cleanup() { Prompts::takeShown(); }

    void queueShowsRegisteredTicketsOldestFirstWithSuggestion()
    {
        Fixture f;
        const QString a = f.registerTicket(u"路灯不亮"_s, u"市容环境"_s);
        const QString b = f.registerTicket(u"停水三天"_s, u"供水"_s);
        const QString c = f.registerTicket(u"噪音扰民"_s, u"其他"_s);
        ConsoleSession session(*f.tw.ws, f.tw.clock, f.dispatcher);
        DispatchView view(session);
        QAbstractItemModelTester tester(view.queuePage()->model(),
                                        QAbstractItemModelTester::FailureReportingMode::Fatal);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));

        QTableView *queue = table(view, u"dispatchQueue"_s);
        QVERIFY(queue);
        QAbstractItemModelTester proxyTester(queue->model(), QAbstractItemModelTester::FailureReportingMode::Fatal);
        QCOMPARE(queue->model()->rowCount(), 3);
        QCOMPARE(rowOf(queue, a), 0);
        QCOMPARE(rowOf(queue, b), 1);
        QCOMPARE(rowOf(queue, c), 2);
        QCOMPARE(cell(queue, 0, DispatchQueueModel::Summary), u"路灯不亮"_s);
        QCOMPARE(cell(queue, 0, DispatchQueueModel::Suggested), u"城管局 (CG)"_s);
        QCOMPARE(cell(queue, 1, DispatchQueueModel::Suggested), u"水务局 (SW)"_s);
        QCOMPARE(cell(queue, 2, DispatchQueueModel::Suggested), QString());
        QCOMPARE(cell(queue, 0, DispatchQueueModel::Registered), u"2025-03-03 09:01"_s);
        QCOMPARE(cell(queue, 0, DispatchQueueModel::Town), u"桂城"_s);
        QCOMPARE(cell(queue, 0, DispatchQueueModel::BackReason), QString());
        QCOMPARE(queue->selectionMode(), QAbstractItemView::ExtendedSelection);

        // The chooser follows the current row's suggestion, and is empty where there is none.
        auto *chooser = view.findChild<DepartmentChooser *>(u"departmentChoice"_s);
        QVERIFY(chooser);
        QCOMPARE(chooser->currentCode(), u"CG"_s);
        queue->selectRow(1);
        QCOMPARE(chooser->currentCode(), u"SW"_s);
        queue->selectRow(2);
        QCOMPARE(chooser->currentCode(), QString());
    }

    void dispatchWithButtonAndWithEnter()
    {
        Fixture f;
        const QString a = f.registerTicket(u"路灯不亮"_s, u"市容环境"_s);
        const QString b = f.registerTicket(u"停水三天"_s, u"供水"_s);
        const QString c = f.registerTicket(u"噪音扰民"_s, u"其他"_s);
        ConsoleSession session(*f.tw.ws, f.tw.clock, f.dispatcher);
        DispatchView view(session);
        QAbstractItemModelTester tester(view.queuePage()->model(),
                                        QAbstractItemModelTester::FailureReportingMode::Fatal);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QTableView *queue = table(view, u"dispatchQueue"_s);
        auto *chooser = view.findChild<DepartmentChooser *>(u"departmentChoice"_s);

        // The button: ticket b to the traffic bureau instead of the suggestion, typed by its code.
        f.tw.clock.advanceSecs(600);
        const qint64 dispatchedAt = f.tw.clock.nowSecs();
        queue->selectRow(rowOf(queue, b));
        chooser->clearEditText();
        QTest::keyClicks(chooser->lineEdit(), u"jt"_s);
        QCOMPARE(chooser->currentCode(), u"JT"_s);
        QTest::mouseClick(button(view, u"dispatchButton"_s), Qt::LeftButton);
        QCOMPARE(labelText(view, u"dispatchResult"_s), u"1 dispatched, 0 failed"_s);
        QCOMPARE(queue->model()->rowCount(), 2);
        QCOMPARE(rowOf(queue, b), -1);
        Ticket t = f.ticket(b);
        QCOMPARE(t.state, TicketState::Dispatched);
        QCOMPARE(t.department, u"JT"_s);
        QVERIFY(t.deadlineS.has_value());
        QCOMPARE(*t.deadlineS, f.tw.ws->sla().deadline(dispatchedAt, SlaClass::Handling));
        const std::optional<TicketEvent> e = lastEvent(f, b);
        QVERIFY(e);
        QCOMPARE(e->type, EventType::Dispatched);
        QCOMPARE(e->actor, u"dora"_s);
        QCOMPARE(e->payload.value(Key::Department).toString(), u"JT"_s);

        // Enter in the table: ticket c (no suggestion) to the department chosen by its full name.
        queue->setFocus();
        queue->selectRow(rowOf(queue, c));
        QCOMPARE(chooser->currentCode(), QString());
        QTest::keyClick(queue, Qt::Key_Return);
        QVERIFY(labelText(view, u"dispatchResult"_s).contains(u"Choose the department"_s));
        QCOMPARE(f.ticket(c).state, TicketState::Registered); // nothing happened without a choice
        chooser->setEditText(u"城管局"_s);
        QCOMPARE(chooser->currentCode(), u"CG"_s);
        queue->setFocus();
        QTest::keyClick(queue, Qt::Key_Return);
        QCOMPARE(f.ticket(c).state, TicketState::Dispatched);
        QCOMPARE(f.ticket(c).department, u"CG"_s);
        QCOMPARE(queue->model()->rowCount(), 1);

        // The row that took its place is current and its suggestion is ready: Enter again dispatches it.
        QCOMPARE(rowOf(queue, a), 0);
        QCOMPARE(queue->currentIndex().row(), 0);
        QCOMPARE(chooser->currentCode(), u"CG"_s);
        QTest::keyClick(queue, Qt::Key_Enter, Qt::KeypadModifier);
        QCOMPARE(f.ticket(a).department, u"CG"_s);
        QCOMPARE(queue->model()->rowCount(), 0);

        // An unknown department is refused with a message, not guessed.
        const QString d = f.registerTicket(u"井盖缺失"_s, u"其他"_s);
        QCOMPARE(queue->model()->rowCount(), 1);
        queue->selectRow(0);
        chooser->setEditText(u"不存在的局"_s);
        QTest::mouseClick(button(view, u"dispatchButton"_s), Qt::LeftButton);
        QVERIFY(labelText(view, u"dispatchResult"_s).contains(u"不存在的局"_s));
        QCOMPARE(f.ticket(d).state, TicketState::Registered);
    }

    void chooserCompletesOverNameAndCode()
    {
        Fixture f;
        ConsoleSession session(*f.tw.ws, f.tw.clock, f.dispatcher);
        DispatchView view(session);
        auto *chooser = view.findChild<DepartmentChooser *>(u"departmentChoice"_s);
        QCOMPARE(chooser->count(), 3);
        QCompleter *completer = chooser->completer();
        completer->setCompletionPrefix(u"sw"_s);
        QCOMPARE(completer->completionCount(), 1);
        QCOMPARE(completer->currentCompletion(), u"水务局 (SW)"_s);
        completer->setCompletionPrefix(u"交通"_s);
        QCOMPARE(completer->completionCount(), 1);
        QCOMPARE(completer->currentCompletion(), u"交通局 (JT)"_s);
        completer->setCompletionPrefix(u"局"_s);
        QCOMPARE(completer->completionCount(), 3);
        chooser->setEditText(u"水务局 (SW)"_s);
        QCOMPARE(chooser->currentCode(), u"SW"_s);
        chooser->setEditText(u"水务"_s); // a fragment is not a choice
        QCOMPARE(chooser->currentCode(), QString());
    }

    void batchOf1800DispatchesEachToItsSuggestion()
    {
        Fixture f;
        constexpr int kBatch = 1800;
        QVERIFY(f.registerBatch(kBatch));
        ConsoleSession session(*f.tw.ws, f.tw.clock, f.dispatcher);
        QElapsedTimer timer; // for information only
        timer.start();
        DispatchView view(session);
        qDebug("queue of %d tickets read in %lld ms", kBatch, timer.elapsed());
        DispatchQueueModel *model = view.queuePage()->model();
        QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QTableView *queue = table(view, u"dispatchQueue"_s);
        QCOMPARE(queue->model()->rowCount(), kBatch);

        queue->setFocus();
        QTest::keyClick(queue, Qt::Key_A, Qt::ControlModifier);
        QCOMPARE(queue->selectionModel()->selectedRows().size(), kBatch);

        QSignalSpy resets(model, &QAbstractItemModel::modelReset);
        timer.restart();
        QTest::mouseClick(button(view, u"dispatchSuggested"_s), Qt::LeftButton);
        QVERIFY(view.queuePage()->isBusy()); // it works in slices, showing progress
        QVERIFY(view.findChild<QProgressBar *>(u"dispatchProgress"_s)->isVisible());
        QTRY_VERIFY_WITH_TIMEOUT(!view.queuePage()->isBusy(), 600000);
        qDebug("dispatched %d tickets in %lld ms", kBatch, timer.elapsed());

        QCOMPARE(labelText(view, u"dispatchResult"_s), u"1800 dispatched, 0 failed"_s);
        QCOMPARE(resets.count(), 1); // the queue was read once, at the end
        QCOMPARE(queue->model()->rowCount(), 0);
        QVERIFY(!view.findChild<QProgressBar *>(u"dispatchProgress"_s)->isVisible());
        QVERIFY(f.tw.ws->queries().dispatchQueue(f.dispatcher).isEmpty());
        QCOMPARE(f.tw.ws->queries().departmentTickets(f.dispatcher, u"SW"_s).size(), kBatch / 3);
        QCOMPARE(f.tw.ws->queries().departmentTickets(f.dispatcher, u"CG"_s).size(), kBatch - kBatch / 3);
        const Ticket first = f.tw.ws->events().ticketByNumber(u"250303-09-0001"_s);
        QCOMPARE(first.department, u"SW"_s);
        QVERIFY(first.deadlineS.has_value());
    }

    void batchCanBeCancelled()
    {
        Fixture f;
        QVERIFY(f.registerBatch(200));
        ConsoleSession session(*f.tw.ws, f.tw.clock, f.dispatcher);
        DispatchView view(session);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QTableView *queue = table(view, u"dispatchQueue"_s);
        queue->selectAll();
        QTest::mouseClick(button(view, u"dispatchSuggested"_s), Qt::LeftButton);
        QVERIFY(view.queuePage()->isBusy());
        QVERIFY(!button(view, u"dispatchSuggested"_s)->isEnabled());
        QPushButton *cancel = button(view, u"dispatchCancel"_s);
        QVERIFY(cancel->isVisible());
        QTest::mouseClick(cancel, Qt::LeftButton);
        QTRY_VERIFY(!view.queuePage()->isBusy());
        const int sent = DispatchBatch::kSlice; // the first slice ran before the cancel was clicked
        QCOMPARE(labelText(view, u"dispatchResult"_s),
                 u"%1 dispatched, 0 failed, %2 not attempted (cancelled; they stay in the queue)"_s.arg(sent).arg(
                     200 - sent));
        QCOMPARE(queue->model()->rowCount(), 200 - sent);
        QCOMPARE(f.tw.ws->queries().dispatchQueue(f.dispatcher).size(), 200 - sent);
        QVERIFY(button(view, u"dispatchSuggested"_s)->isEnabled());
    }

    void batchFailuresAreNamedNotLost()
    {
        Fixture f;
        const QString a = f.registerTicket(u"路灯不亮"_s, u"市容环境"_s);
        const QString b = f.registerTicket(u"噪音扰民"_s, u"其他"_s);
        const QString c = f.registerTicket(u"停水三天"_s, u"供水"_s);
        ConsoleSession session(*f.tw.ws, f.tw.clock, f.dispatcher);
        DispatchView view(session);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QTableView *queue = table(view, u"dispatchQueue"_s);
        QCOMPARE(queue->model()->rowCount(), 3);
        queue->selectAll();

        // Another console dispatches c meanwhile: this view does not hear of it (a second workspace on the file).
        QString error;
        std::unique_ptr<Workspace> other = Workspace::open(f.tw.path(), f.tw.clock, &error);
        QVERIFY2(other, qPrintable(error));
        QVERIFY(other->tickets().dispatch(f.dispatcher, c, u"JT"_s, &error));
        QCOMPARE(queue->model()->rowCount(), 3);

        QTest::mouseClick(button(view, u"dispatchSuggested"_s), Qt::LeftButton);
        const QString result = labelText(view, u"dispatchResult"_s);
        QVERIFY2(result.startsWith(u"1 dispatched, 2 failed: "_s), qPrintable(result));
        const QString numberB = f.ticket(b).number;
        const QString numberC = f.ticket(c).number;
        QVERIFY(result.contains(numberB));
        QVERIFY(result.contains(numberC));
        QVERIFY(result.contains(u"其他"_s)); // no suggestion for that category
        auto *failures = view.findChild<QPlainTextEdit *>(u"dispatchFailures"_s);
        QVERIFY(failures->isVisible());
        QCOMPARE(failures->toPlainText().split(u'\n').size(), 2);
        QCOMPARE(f.ticket(a).department, u"CG"_s);
        QCOMPARE(f.ticket(b).state, TicketState::Registered);
        QCOMPARE(f.ticket(c).department, u"JT"_s); // untouched by the failed attempt
        QCOMPARE(queue->model()->rowCount(), 1);
        QCOMPARE(rowOf(queue, b), 0);
    }

    void returnedTicketShowsTheDepartmentsReason()
    {
        Fixture f;
        const QString a = f.registerTicket(u"路灯不亮"_s, u"市容环境"_s);
        const QString b = f.registerTicket(u"停水三天"_s, u"供水"_s);
        QString error;
        QVERIFY(f.act(f.service().dispatch(f.dispatcher, a, u"CG"_s, &error), error));
        QVERIFY(f.act(f.service().returnTicket(f.cg, a, u"属于供电局职责，不属本单位"_s, &error), error));
        ConsoleSession session(*f.tw.ws, f.tw.clock, f.dispatcher);
        DispatchView view(session);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QTableView *queue = table(view, u"dispatchQueue"_s);
        QCOMPARE(queue->model()->rowCount(), 2);
        const int row = rowOf(queue, a);
        QVERIFY(row >= 0);
        QCOMPARE(cell(queue, row, DispatchQueueModel::BackReason),
                 u"Returned by 城管局 (CG): 属于供电局职责，不属本单位"_s);
        const QModelIndex reason = queue->model()->index(row, DispatchQueueModel::BackReason);
        QVERIFY(reason.data(Qt::BackgroundRole).isValid()); // highlighted
        QVERIFY(reason.data(Qt::ForegroundRole).isValid());
        QCOMPARE(cell(queue, rowOf(queue, b), DispatchQueueModel::BackReason), QString());
        QVERIFY(!queue->model()->index(rowOf(queue, b), 0).data(Qt::BackgroundRole).isValid());
        QVERIFY(labelText(view, u"queueCount"_s).contains(u"2 waiting"_s));

        // Dispatched again elsewhere, then returned again: the latest reason shows, from the new department.
        QVERIFY(f.act(f.service().dispatch(f.dispatcher, a, u"JT"_s, &error), error));
        QCOMPARE(queue->model()->rowCount(), 1);
        const Actor jt {u"zhao"_s, Role::Liaison, u"JT"_s, u"01"_s};
        QVERIFY(f.act(f.service().returnTicket(jt, a, u"也不属交通"_s, &error), error));
        QCOMPARE(queue->model()->rowCount(), 2);
        QCOMPARE(cell(queue, rowOf(queue, a), DispatchQueueModel::BackReason),
                 u"Returned by 交通局 (JT): 也不属交通"_s);
    }
};

QTEST_MAIN(TestDispatch)
#include "tst_dispatch.moc"
