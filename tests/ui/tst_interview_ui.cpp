// The micro-interview import dialog (preview with each row's state, defaults, import) and batch dispatch of the
// imported questions from the dispatch queue (filter by channel and category, select all, one department).
#include "tst_dispatch_support.h"

#include "intake/InterviewImportDialog.h"
#include "service/InterviewImport.h"

#include <QComboBox>
#include <QStandardItemModel>

using namespace hotline;
using namespace hotline::test;

namespace {

QComboBox *combo(QWidget &w, const QString &name)
{
    return w.findChild<QComboBox *>(name);
}

/** Chooses the item with this data as a person would (activated fires). */
void choose(QComboBox *box, const QVariant &data)
{
    const int i = data.isValid() ? box->findData(data) : 0; // the first item: "all"
    QVERIFY2(i >= 0, qPrintable(data.toString()));
    box->setCurrentIndex(i);
    Q_EMIT box->activated(i);
}

} // namespace

class TestInterviewUi : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { Prompts::setTestMode(true); }
    void cleanup() { Prompts::takeShown(); }

    void dialogPreviewsAndImports()
    {
        Fixture f;
        ConsoleSession session(*f.tw.ws, f.tw.clock, f.callTaker);
        InterviewImportDialog dialog(session);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QPushButton *import = button(dialog, u"interviewImport"_s);
        QVERIFY(!import->isEnabled()); // nothing read yet

        const QByteArray csv = QByteArray("\xEF\xBB\xBF")
            + u"网友,提问时间,问题\n江南小雨,2026-12-06 14:03,路灯坏了三天\n老街坊,,\n"
              "阿明,昨天,学位房政策\n小林,14:10,公交能否延长到新区\n"_s.toUtf8();
        QVERIFY(dialog.loadText(csv));
        QStandardItemModel *preview = dialog.preview();
        QCOMPARE(preview->rowCount(), 4);
        auto at = [preview](int row, int column) { return preview->index(row, column).data().toString(); };
        QCOMPARE(at(0, InterviewImportDialog::State), u"ok"_s);
        QCOMPARE(at(0, InterviewImportDialog::Netizen), u"江南小雨"_s);
        QCOMPARE(at(0, InterviewImportDialog::Line), u"2"_s);
        QCOMPARE(at(1, InterviewImportDialog::State), u"problem"_s);
        QVERIFY(at(1, InterviewImportDialog::Reason).contains(u"empty"_s));
        QCOMPARE(at(2, InterviewImportDialog::State), u"problem"_s);
        QVERIFY(at(2, InterviewImportDialog::Reason).contains(u"昨天"_s));
        QCOMPARE(at(3, InterviewImportDialog::State), u"ok"_s);
        QVERIFY(labelText(dialog, u"interviewCounts"_s).contains(u"2 ok, 2 with a problem"_s));
        QVERIFY(import->isEnabled());
        QCOMPARE(import->text(), u"&Import 2 question(s)"_s);

        // Defaults: a suggestion about the townscape; the import goes in with the console's numbers.
        choose(combo(dialog, u"interviewType"_s), int(TicketType::Suggestion));
        choose(combo(dialog, u"interviewCategory"_s), u"市容环境"_s);
        QSignalSpy imported(&dialog, &InterviewImportDialog::imported);
        QTest::mouseClick(import, Qt::LeftButton);
        QCOMPARE(imported.size(), 1);
        const QStringList numbers = imported.at(0).at(0).toStringList();
        QCOMPARE(numbers.size(), 2);
        QVERIFY(labelText(dialog, u"interviewMessage"_s).contains(numbers.first()));
        QVERIFY(labelText(dialog, u"interviewMessage"_s).contains(u"dispatch queue"_s));
        const Ticket t = f.tw.ws->events().ticketByNumber(numbers.first());
        QCOMPARE(t.channel, Channel::Interview);
        QCOMPARE(t.type, TicketType::Suggestion);
        QCOMPARE(t.category, u"市容环境"_s);
        QCOMPARE(t.callerName, u"江南小雨"_s);

        // The preview now says which rows became which tickets, and there is nothing left to import.
        QCOMPARE(at(0, InterviewImportDialog::State), u"already imported"_s);
        QVERIFY(at(0, InterviewImportDialog::Reason).contains(numbers.first()));
        QVERIFY(!import->isEnabled());

        // A file that is not text is refused with a reason, not previewed as garbage.
        QVERIFY(!dialog.loadText(QByteArray("\x80\x81\xff\xfe", 4)));
        QCOMPARE(preview->rowCount(), 0);
        QVERIFY(!labelText(dialog, u"interviewMessage"_s).isEmpty());
        QVERIFY(!import->isEnabled());
    }

    void importedQuestionsAreDispatchedInOneBatch()
    {
        Fixture f;
        const QString phone = f.registerTicket(u"路灯不亮"_s, u"市容环境"_s);
        QString rows = u"问题\n"_s;
        for (int i = 0; i < 150; ++i)
            rows += u"第%1个问题：小区停水怎么办\n"_s.arg(i + 1);
        rows += u"另一个问题\n"_s;
        InterviewQuestionFile file = InterviewQuestions::parse(rows.toUtf8(), f.tw.ws->sla().calendar().timeZone());
        InterviewImport import(*f.tw.ws);
        const InterviewImportResult r = import.run(f.dispatcher, file, {});
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(r.numbers.size(), 151);

        ConsoleSession session(*f.tw.ws, f.tw.clock, f.dispatcher);
        DispatchView view(session);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QTableView *queue = table(view, u"dispatchQueue"_s);
        QCOMPARE(queue->model()->rowCount(), 152);

        // Only the micro-interview: the phone call stays out of the selection.
        choose(combo(view, u"queueChannelFilter"_s), int(Channel::Interview));
        QCOMPARE(queue->model()->rowCount(), 151);
        QVERIFY(labelText(view, u"queueCount"_s).contains(u"151 shown"_s));
        QCOMPARE(rowOf(queue, phone), -1);
        // Sorted by summary; Ctrl+A, then Ctrl+click takes the odd one out of the selection.
        queue->sortByColumn(DispatchQueueModel::Summary, Qt::AscendingOrder);
        queue->setFocus();
        QTest::keyClick(queue, Qt::Key_A, Qt::ControlModifier);
        QCOMPARE(queue->selectionModel()->selectedRows().size(), 151);
        const int odd = rowOf(queue, r.ticketIds.last());
        QVERIFY(odd >= 0);
        queue->scrollTo(queue->model()->index(odd, 0));
        QTest::mouseClick(queue->viewport(), Qt::LeftButton, Qt::ControlModifier,
                          queue->visualRect(queue->model()->index(odd, DispatchQueueModel::Summary)).center());
        QCOMPARE(queue->selectionModel()->selectedRows().size(), 150);

        auto *chooser = view.findChild<DepartmentChooser *>(u"departmentChoice"_s);
        chooser->setEditText(u"水务局"_s);
        QCOMPARE(chooser->currentCode(), u"SW"_s);
        QTest::mouseClick(button(view, u"dispatchButton"_s), Qt::LeftButton);
        QTRY_VERIFY(!view.queuePage()->isBusy());
        QCOMPARE(labelText(view, u"dispatchResult"_s), u"150 dispatched, 0 failed"_s);
        int toWater = 0;
        for (const QString &id : r.ticketIds)
            toWater += f.ticket(id).department == u"SW"_s ? 1 : 0;
        QCOMPARE(toWater, 150);
        QCOMPARE(f.ticket(r.ticketIds.last()).state, TicketState::Registered);
        QCOMPARE(f.ticket(phone).state, TicketState::Registered);

        // The queue shows what is left of the interview; back to every channel, the phone call is there too.
        QTRY_COMPARE(queue->model()->rowCount(), 1);
        choose(combo(view, u"queueChannelFilter"_s), QVariant());
        QCOMPARE(queue->model()->rowCount(), 2);

        // The category filter: only tickets without a category (the interview's), none of the townscape call.
        choose(combo(view, u"queueCategoryFilter"_s), QString(u""_s));
        QCOMPARE(queue->model()->rowCount(), 1);
        QCOMPARE(rowOf(queue, r.ticketIds.last()), 0);
    }
};

QTEST_MAIN(TestInterviewUi)
#include "tst_interview_ui.moc"
