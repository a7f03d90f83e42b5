// Issue 13, the yearly calendar in the console: the missing-notice banner from 1 November (administrators and
// supervisors), the calendar page (pick a year, add, correct, remove days), and re-deciding the deadlines a
// calendar change would move.
#include "TestWorkspace.h"
#include "admin/CalendarNoticeBanner.h"
#include "admin/CalendarPage.h"
#include "board/EventDescriptions.h"
#include "mainwindow/MainWindow.h"
#include "service/TicketService.h"
#include "storage/CalendarStore.h"
#include "storage/EventStore.h"
#include "support/ConsoleSession.h"
#include "support/Prompts.h"
#include "tst_dispatch_support.h"

#include <QComboBox>
#include <QDateEdit>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTableWidget>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace hotline;
using namespace hotline::test;

namespace {

Actor as(Role role)
{
    return Actor {u"u"_s, role, QString(), u"01"_s};
}

CalendarNoticeBanner *bannerOf(MainWindow &w)
{
    return w.findChild<CalendarNoticeBanner *>(u"calendarNoticeBanner"_s);
}

void clickButton(QWidget &parent, const QString &objectName)
{
    auto *button = parent.findChild<QPushButton *>(objectName);
    QVERIFY2(button, qPrintable(objectName));
    QVERIFY(button->isEnabled());
    QTest::mouseClick(button, Qt::LeftButton);
}

QString cellText(QWidget &page, const QString &table, int row, int column)
{
    auto *t = page.findChild<QTableWidget *>(table);
    return t && t->item(row, column) ? t->item(row, column)->text() : QString();
}

int rowCount(QWidget &page, const QString &table)
{
    auto *t = page.findChild<QTableWidget *>(table);
    return t ? t->rowCount() : -1;
}

void fillDay(CalendarPage &page, QDate date, bool off, const QString &note)
{
    page.findChild<QDateEdit *>(u"calendarDate"_s)->setDate(date);
    page.findChild<QComboBox *>(u"calendarKind"_s)->setCurrentIndex(off ? 0 : 1);
    page.findChild<QLineEdit *>(u"calendarNote"_s)->setText(note);
}

} // namespace

class TestCalendarPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { Prompts::setTestMode(true); }

    void bannerFromFirstNovemberForAdministratorsAndSupervisors()
    {
        TestWorkspace tw(u"2026-10-31T23:59:00+08:00"_s);
        {
            ConsoleSession s(*tw.ws, tw.clock, as(Role::Administrator));
            MainWindow w(s);
            w.show();
            QVERIFY(QTest::qWaitForWindowExposed(&w));
            CalendarNoticeBanner *banner = bannerOf(w);
            QVERIFY(banner);
            QVERIFY(banner->isHidden());
            // The session's beat looks again; 1 November 00:00 in the centre's zone.
            tw.setNow(u"2026-11-01T00:00:00+08:00"_s);
            s.pulse();
            QVERIFY(!banner->isHidden());
            QCOMPARE(banner->missingYear(), std::optional<int>(2027));
            auto *text = banner->findChild<QLabel *>(u"calendarNoticeBannerText"_s);
            QVERIFY(text->text().contains(u"2027"_s));
            QVERIFY(text->text().contains(u"Calendar"_s)); // says what to do
            // "Open the calendar" goes to the page, where entering New Year's Day clears the banner.
            auto *open = banner->findChild<QPushButton *>(u"calendarNoticeBannerOpen"_s);
            QVERIFY(!open->isHidden());
            QTest::mouseClick(open, Qt::LeftButton);
            auto *page = qobject_cast<CalendarPage *>(w.tabs()->currentWidget());
            QVERIFY(page);
            page->setYear(2027);
            fillDay(*page, QDate(2027, 1, 1), true, u"元旦"_s);
            clickButton(*page, u"calendarSaveDay"_s);
            QVERIFY2(
                banner->isHidden(),
                qPrintable(page->findChild<QLabel *>(u"calendarMessage"_s)->text() + u" / "_s + banner->message()));
        }
        // A fresh workspace, a supervisor: the banner without the button; a call-taker: none.
        TestWorkspace other(u"2026-11-01T08:00:00+08:00"_s);
        {
            ConsoleSession s(*other.ws, other.clock, as(Role::Supervisor));
            MainWindow w(s);
            QVERIFY(bannerOf(w) && !bannerOf(w)->isHidden());
            QVERIFY(bannerOf(w)->findChild<QPushButton *>(u"calendarNoticeBannerOpen"_s)->isHidden());
        }
        {
            ConsoleSession s(*other.ws, other.clock, as(Role::CallTaker));
            MainWindow w(s);
            QVERIFY(!bannerOf(w));
        }
    }

    void pageAddsCorrectsAndRemovesDays()
    {
        TestWorkspace tw(u"2026-11-02T09:00:00+08:00"_s);
        ConsoleSession s(*tw.ws, tw.clock, as(Role::Administrator));
        CalendarPage page(s);
        QCOMPARE(page.year(), 2026);
        QVERIFY(rowCount(page, u"calendarDays"_s) > 5); // the shipped 2026 notice
        page.setYear(2027);
        QCOMPARE(rowCount(page, u"calendarDays"_s), 0);
        QVERIFY(page.findChild<QLabel *>(u"calendarNoticeStatus"_s)->text().contains(u"No holiday notice for 2027"_s));

        // A control character in the note: refused, shown, nothing saved.
        fillDay(page, QDate(2027, 2, 6), false, u"春节\u202e调休"_s);
        QVERIFY(!page.saveDay());
        QVERIFY(page.findChild<QLabel *>(u"calendarMessage"_s)->text().contains(u"control"_s));
        QVERIFY(!tw.ws->calendar().loadCalendar().day(QDate(2027, 2, 6)));

        fillDay(page, QDate(2027, 2, 6), false, u"春节调休"_s);
        clickButton(page, u"calendarSaveDay"_s);
        fillDay(page, QDate(2027, 1, 1), true, u"元旦"_s);
        clickButton(page, u"calendarSaveDay"_s);
        QCOMPARE(rowCount(page, u"calendarDays"_s), 2);
        QVERIFY(cellText(page, u"calendarDays"_s, 0, CalendarPage::DateColumn).startsWith(u"2027-01-01"_s));
        QCOMPARE(cellText(page, u"calendarDays"_s, 1, CalendarPage::KindColumn), u"Make-up working day"_s);
        QCOMPARE(cellText(page, u"calendarDays"_s, 1, CalendarPage::NoteColumn), u"春节调休"_s);
        QVERIFY(page.findChild<QLabel *>(u"calendarNoticeStatus"_s)->text().contains(u"is entered"_s));
        QVERIFY(tw.ws->calendar().loadCalendar().isWorkingDay(QDate(2027, 2, 6)));

        // Correct it: selecting the row fills the form; it becomes an off day.
        page.findChild<QTableWidget *>(u"calendarDays"_s)->selectRow(1);
        QCOMPARE(page.findChild<QDateEdit *>(u"calendarDate"_s)->date(), QDate(2027, 2, 6));
        page.findChild<QComboBox *>(u"calendarKind"_s)->setCurrentIndex(0);
        clickButton(page, u"calendarSaveDay"_s);
        QVERIFY(!tw.ws->calendar().loadCalendar().isWorkingDay(QDate(2027, 2, 6)));
        QCOMPARE(cellText(page, u"calendarDays"_s, 1, CalendarPage::KindColumn), u"Off day"_s);

        // Remove it: back to the Monday–Friday rule (a Saturday: off, but no entry).
        page.findChild<QTableWidget *>(u"calendarDays"_s)->selectRow(1);
        clickButton(page, u"calendarRemoveDays"_s);
        QCOMPARE(rowCount(page, u"calendarDays"_s), 1);
        QVERIFY(!tw.ws->calendar().loadCalendar().day(QDate(2027, 2, 6)));
    }

    void changedDeadlinesAreListedAndReDecided()
    {
        TestWorkspace tw(u"2026-12-28T09:00:00+08:00"_s);
        tw.addDepartment(u"CG"_s, u"区城管局"_s);
        QString error;
        NewTicket n;
        n.type = TicketType::Complaint;
        n.summary = u"路灯不亮"_s;
        const QString id = tw.ws->tickets().registerTicket(tw.ws->systemActor(), n, &error);
        QVERIFY2(tw.ws->tickets().dispatch(tw.ws->systemActor(), id, u"CG"_s, &error), qPrintable(error));
        const QString number = tw.ws->events().ticket(id).number;

        ConsoleSession s(*tw.ws, tw.clock, as(Role::Administrator));
        CalendarPage page(s);
        QCOMPARE(rowCount(page, u"calendarChanges"_s), 0);
        QVERIFY(!page.findChild<QPushButton *>(u"calendarRedecide"_s)->isEnabled());
        page.setYear(2027);
        fillDay(page, QDate(2027, 1, 1), true, u"元旦"_s);
        clickButton(page, u"calendarSaveDay"_s);
        // Listed, not changed.
        QCOMPARE(rowCount(page, u"calendarChanges"_s), 1);
        QCOMPARE(cellText(page, u"calendarChanges"_s, 0, CalendarPage::NumberColumn), number);
        QCOMPARE(cellText(page, u"calendarChanges"_s, 0, CalendarPage::DepartmentColumn), u"区城管局"_s);
        QCOMPARE(cellText(page, u"calendarChanges"_s, 0, CalendarPage::OldDeadlineColumn), u"2027-01-04 09:00"_s);
        QCOMPARE(cellText(page, u"calendarChanges"_s, 0, CalendarPage::NewDeadlineColumn), u"2027-01-05 09:00"_s);
        QCOMPARE(*tw.ws->events().ticket(id).deadlineS, secs(u"2027-01-04T09:00:00+08:00"_s));

        // Without a reason: refused, shown.
        clickButton(page, u"calendarRedecide"_s);
        QVERIFY(page.findChild<QLabel *>(u"calendarMessage"_s)->text().contains(u"why"_s));
        QCOMPARE(tw.ws->events().history(id).last().type, EventType::Dispatched);
        page.findChild<QLineEdit *>(u"calendarRedecideReason"_s)->setText(u"2027年元旦放假"_s);
        page.findChild<QTableWidget *>(u"calendarChanges"_s)->selectRow(0);
        clickButton(page, u"calendarRedecide"_s);
        QCOMPARE(tw.ws->events().history(id).last().type, EventType::DeadlineRedecided);
        // The ticket's history says what happened and why.
        const QString shown = EventDescriptions::details(tw.ws->events().history(id).last(), tw.ws->sla().calendar(), {});
        QVERIFY2(shown.contains(u"deadline was 2027-01-04 09:00:00"_s) && shown.contains(u"new deadline 2027-01-05 09:00:00"_s)
                     && shown.contains(u"Reason: 2027年元旦放假"_s),
                 qPrintable(shown));
        QCOMPARE(*tw.ws->events().ticket(id).deadlineS, secs(u"2027-01-05T09:00:00+08:00"_s));
        QCOMPARE(rowCount(page, u"calendarChanges"_s), 0);
        QVERIFY(page.findChild<QLabel *>(u"calendarMessage"_s)->text().contains(u"1 deadline"_s));
    }

    void dispatchBeyondKnownYearsShowsTheReason()
    {
        // March 2028 and no notice since 2026: the calendar knows up to 2027-12-31. The console says so.
        Fixture f;
        f.tw.setNow(u"2028-03-01T09:00:00+08:00"_s);
        const QString id = f.registerTicket(u"路灯不亮"_s, u"市容环境"_s);
        ConsoleSession session(*f.tw.ws, f.tw.clock, f.dispatcher);
        DispatchView view(session);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QTableView *queue = table(view, u"dispatchQueue"_s);
        queue->selectRow(rowOf(queue, id));
        auto *chooser = view.findChild<DepartmentChooser *>(u"departmentChoice"_s);
        chooser->setEditText(u"城管局"_s);
        QCOMPARE(chooser->currentCode(), u"CG"_s);
        QTest::mouseClick(button(view, u"dispatchButton"_s), Qt::LeftButton);
        const QString result = labelText(view, u"dispatchResult"_s);
        QVERIFY2(result.contains(u"0 dispatched, 1 failed"_s) && result.contains(u"2027-12-31"_s), qPrintable(result));
        QCOMPARE(f.ticket(id).state, TicketState::Registered);
        QCOMPARE(rowOf(queue, id) >= 0, true);
    }
};

QTEST_MAIN(TestCalendarPage)
#include "tst_calendar_page.moc"
