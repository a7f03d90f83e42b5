// The supervisors' side of issue 5 with an injected clock: the escalator opens accountability records, the log lists
// them with filters and CSV export, the main window tells the supervisor without a modal box, and urging can text
// the department head.
#include "TestWorkspace.h"
#include "board/TicketDetailDialog.h"
#include "board/UrgeAction.h"
#include "domain/DisplayNames.h"
#include "mainwindow/MainWindow.h"
#include "notify/DepartmentContacts.h"
#include "notify/NotifyService.h"
#include "reports/SavePathPrompt.h"
#include "service/TicketService.h"
#include "storage/EventStore.h"
#include "supervision/AccountabilityBanner.h"
#include "supervision/AccountabilityPage.h"
#include "support/ConsoleSession.h"
#include "support/Prompts.h"

#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QPushButton>
#include <QTabWidget>
#include <QTableWidget>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace hotline;
using namespace hotline::test;

namespace {

void addDepartment(Workspace &ws, const QString &code, const QString &name, const QString &head)
{
    QString error;
    QVERIFY2(DepartmentContacts(ws.database()).save({code, name, {u"13800000001"_s}, head}, &error), qPrintable(error));
}

/** A consultation dispatched now: 7 working hours, so Monday 09:00 → Tuesday 09:00. */
QString dispatched(Workspace &ws, const QString &department)
{
    QString error;
    NewTicket n;
    n.type = TicketType::Consult;
    n.summary = u"路灯不亮"_s;
    const QString id = ws.tickets().registerTicket(ws.systemActor(), n, &error);
    if (id.isEmpty() || !ws.tickets().dispatch(ws.systemActor(), id, department, &error))
        qWarning() << error;
    return id;
}

QString cell(const QTableWidget *table, int row, int column)
{
    const QTableWidgetItem *item = table->item(row, column);
    return item ? item->text() : QString();
}

int count(Workspace &ws, const QString &ticketId, EventType type)
{
    int n = 0;
    for (const TicketEvent &e : ws.events().history(ticketId))
        n += e.type == type ? 1 : 0;
    return n;
}

} // namespace

class TestSupervision : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { Prompts::setTestMode(true); }

    void escalatedRecordsAreListedFilteredExportedAndAnnounced()
    {
        TestWorkspace tw(u"2025-03-03T09:00:00+08:00"_s);
        addDepartment(*tw.ws, u"D1"_s, u"城管局"_s, u"13900000009"_s);
        addDepartment(*tw.ws, u"D2"_s, u"水务局"_s, QString());
        const QString first = dispatched(*tw.ws, u"D1"_s);
        const QString second = dispatched(*tw.ws, u"D2"_s);
        const QString firstNumber = tw.ws->events().ticket(first).number;

        NotifyService notify(*tw.ws);
        ConsoleSession session(*tw.ws, tw.clock, Actor {u"du"_s, Role::Supervisor, QString(), u"01"_s});
        session.setNotifyService(&notify);
        MainWindow window(session);
        auto *page = window.findChild<AccountabilityPage *>(u"accountabilityPage"_s);
        auto *banner = window.findChild<AccountabilityBanner *>(u"accountabilityBanner"_s);
        QVERIFY(page && banner);
        const int tab = window.tabs()->indexOf(page);
        QCOMPARE(window.tabs()->tabText(tab), AccountabilityPage::tr("Accountability"));
        QCOMPARE(notify.start(false).overdue, 0);
        QVERIFY(!banner->isVisibleTo(&window));

        // One second past Tuesday 09:00 both tickets are red: the escalator opens two records.
        tw.setNow(u"2025-03-04T09:00:01+08:00"_s);
        QCOMPARE(notify.escalator().processDue().overdue, 2);
        QVERIFY(banner->isVisibleTo(&window));
        QVERIFY2(banner->message().contains(firstNumber), qPrintable(banner->message()));
        QCOMPARE(banner->unseen(), 2);
        QVERIFY2(window.tabs()->tabText(tab).endsWith(u"(2)"_s), qPrintable(window.tabs()->tabText(tab)));

        auto *table = page->findChild<QTableWidget *>(u"accountabilityTable"_s);
        page->refresh();
        QCOMPARE(table->rowCount(), 2);
        const int firstRow = cell(table, 0, AccountabilityPage::NumberColumn) == firstNumber ? 0 : 1;
        QCOMPARE(cell(table, firstRow, AccountabilityPage::DepartmentColumn), u"城管局"_s);
        QCOMPARE(cell(table, firstRow, AccountabilityPage::DeadlineColumn), u"2025-03-04 09:00"_s);
        QCOMPARE(cell(table, firstRow, AccountabilityPage::RedColumn), u"2025-03-04 09:00"_s);
        QCOMPARE(cell(table, firstRow, AccountabilityPage::AnsweredColumn), AccountabilityPage::tr("Not answered"));

        // D1 replies at 10:30: answered, 1 h 30 min of working time late.
        tw.setNow(u"2025-03-04T10:30:00+08:00"_s);
        QString error;
        const Actor liaison {u"li"_s, Role::Liaison, u"D1"_s, u"01"_s};
        QVERIFY2(tw.ws->tickets().reply(liaison, first, u"已修复"_s, &error), qPrintable(error));
        page->refresh();
        QCOMPARE(cell(table, firstRow, AccountabilityPage::AnsweredColumn), u"2025-03-04 10:30"_s);
        QCOMPARE(cell(table, firstRow, AccountabilityPage::LateColumn), DisplayNames::workingTime(5400));

        // Filters: department, then month of the red instant.
        page->setDepartmentFilter(u"D2"_s);
        QCOMPARE(table->rowCount(), 1);
        QCOMPARE(page->records().first().ticketId, second);
        page->setDepartmentFilter(QString());
        page->setMonthFilter(QDate(2025, 4, 1));
        QCOMPARE(table->rowCount(), 0);
        page->setMonthFilter(QDate(2025, 3, 15));
        QCOMPARE(table->rowCount(), 2);
        page->setDepartmentFilter(u"D1"_s);
        QCOMPARE(table->rowCount(), 1);

        // Export what is listed: UTF-8 with a BOM, times in the centre's zone, lateness in working seconds.
        const QString path = tw.dir.filePath(u"accountability.csv"_s);
        SavePathPrompt::queueAnswer(path);
        QVERIFY(page->exportCsv());
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        QVERIFY(bytes.startsWith("\xEF\xBB\xBF"));
        const QStringList lines = QString::fromUtf8(bytes.mid(3))
                                      .split(u"\r\n"_s, Qt::SkipEmptyParts)
                                      .join(u'\n')
                                      .split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 2);
        QCOMPARE(lines.at(0),
                 u"number,department,department_name,deadline,red_at,answered_at,late_working_seconds,urged"_s);
        QCOMPARE(
            lines.at(1),
            u"%1,D1,城管局,2025-03-04T09:00:00+08:00,2025-03-04T09:00:01+08:00,2025-03-04T10:30:00+08:00,5400,0"_s.arg(
                firstNumber));
        SavePathPrompt::queueAnswer(QString()); // cancelled: nothing written, no message
        QVERIFY(!page->exportCsv());
        QVERIFY(Prompts::takeShown().isEmpty());

        // The ticket opens from the log, non-modally.
        TicketDetailDialog *detail = page->openTicket(0);
        QVERIFY(detail && detail->isFound());
        QCOMPARE(detail->ticketId(), first);
        QVERIFY(!detail->isModal());
        detail->close();

        // Looking at the log clears the count and the banner.
        window.tabs()->setCurrentWidget(page);
        QCOMPARE(window.tabs()->tabText(tab), AccountabilityPage::tr("Accountability"));
        QCOMPARE(banner->unseen(), 0);
        QVERIFY(!banner->isVisibleTo(&window));
        QVERIFY(Prompts::takeShown().isEmpty()); // never a message box
    }

    void catchUpBeforeSignInIsAnnouncedToo()
    {
        TestWorkspace tw(u"2025-03-03T09:00:00+08:00"_s);
        addDepartment(*tw.ws, u"D1"_s, u"城管局"_s, QString());
        dispatched(*tw.ws, u"D1"_s);
        tw.setNow(u"2025-03-05T09:00:00+08:00"_s);
        NotifyService notify(*tw.ws);
        const EscalationResult caughtUp = notify.start(false); // as the console does before anybody signs in
        QCOMPARE(caughtUp.overdue, 1);
        ConsoleSession session(*tw.ws, tw.clock, Actor {u"du"_s, Role::Supervisor, QString(), u"01"_s});
        session.setNotifyService(&notify);
        MainWindow window(session);
        session.reportAccountabilityOpened(caughtUp.overdueTickets);
        QCOMPARE(window.findChild<AccountabilityBanner *>()->unseen(), 1);

        // Other roles have neither the log nor the banner.
        ConsoleSession taker(*tw.ws, tw.clock, Actor {u"ct"_s, Role::CallTaker, QString(), u"01"_s});
        MainWindow other(taker);
        QVERIFY(!other.findChild<AccountabilityBanner *>());
        QVERIFY(!other.findChild<AccountabilityPage *>());
    }

    void urgingCanTextTheDepartmentHead()
    {
        TestWorkspace tw(u"2025-03-03T09:00:00+08:00"_s);
        addDepartment(*tw.ws, u"D1"_s, u"城管局"_s, u"13900000009"_s);
        const QString id = dispatched(*tw.ws, u"D1"_s);
        NotifyService notify(*tw.ws);
        ConsoleSession session(*tw.ws, tw.clock, Actor {u"du"_s, Role::Supervisor, QString(), u"01"_s});
        session.setNotifyService(&notify);

        UrgeAction::queueAnswer(u"请今天内处理"_s, false);
        QVERIFY(UrgeAction::run(nullptr, session, id));
        QCOMPARE(count(*tw.ws, id, EventType::Urged), 1);
        QVERIFY(notify.outbox().forTicket(id).isEmpty());

        UrgeAction::queueAnswer(u"再次督办"_s, true);
        QVERIFY(UrgeAction::run(nullptr, session, id));
        QCOMPARE(count(*tw.ws, id, EventType::Urged), 2);
        const QList<OutboxMessage> queued = notify.outbox().forTicket(id);
        QCOMPARE(queued.size(), 1);
        QCOMPARE(queued.first().kind, u"urge"_s);
        QCOMPARE(queued.first().audience, u"head"_s);

        // Cancelled and empty notes urge nothing.
        UrgeAction::queueAnswer(QString(), true);
        QVERIFY(!UrgeAction::run(nullptr, session, id));
        UrgeAction::queueAnswer(u"  "_s, true);
        QVERIFY(!UrgeAction::run(nullptr, session, id));
        QCOMPARE(Prompts::takeShown().size(), 1);
        QCOMPARE(count(*tw.ws, id, EventType::Urged), 2);
        QCOMPARE(notify.outbox().forTicket(id).size(), 1);
    }
};

QTEST_MAIN(TestSupervision)
#include "tst_supervision.moc"
