// Issue 13, the yearly calendar in core: which years the calendar knows, the November rule for a missing
// notice, deadlines refused outside the known years, an administrator's edits (permission, all or nothing),
// and re-deciding deadlines after a calendar change as deadline_redecided events.
#include "TestWorkspace.h"
#include "auth/Permissions.h"
#include "calendar/BuiltinCalendar.h"
#include "calendar/CalendarYears.h"
#include "domain/Ticket.h"
#include "service/DeadlineReview.h"
#include "service/TicketService.h"
#include "sla/SlaClock.h"
#include "storage/CalendarStore.h"
#include "storage/EventStore.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace hotline;
using namespace hotline::test;

namespace {

Actor person(Role role, const QString &user)
{
    return Actor {user, role, QString(), u"01"_s};
}

QString registerHandling(Workspace &ws)
{
    QString error;
    NewTicket n;
    n.type = TicketType::Complaint;
    n.summary = u"路灯不亮"_s;
    const QString id = ws.tickets().registerTicket(ws.systemActor(), n, &error);
    if (id.isEmpty())
        qWarning() << error;
    return id;
}

} // namespace

class TestCalendarYears : public QObject
{
    Q_OBJECT

private slots:
    void noticesAreOffDaysOfTheirYear();
    void novemberRuleAtExactInstants();
    void deadlinesOutsideKnownYearsAreErrors();
    void dispatchRefusedWithMessageBeyondKnownYears();
    void administratorEditsAllOrNothing();
    void calendarChangeIsReDecidedNeverSilent();
};

void TestCalendarYears::noticesAreOffDaysOfTheirYear()
{
    const WorkCalendar shipped = builtinWorkCalendar();
    QVERIFY(CalendarYears::hasNotice(shipped, 2024));
    QVERIFY(CalendarYears::hasNotice(shipped, 2026));
    QVERIFY(!CalendarYears::hasNotice(shipped, 2027));
    QCOMPARE(CalendarYears::latestNotice(shipped), std::optional<int>(2026));
    QCOMPARE(CalendarYears::knownUntil(shipped), QDate(2027, 12, 31));

    // A make-up working day alone (the 2019 notice's Saturday 2018-12-29) is no notice for its year.
    WorkCalendar c;
    c.setDay({QDate(2018, 12, 29), false, u"元旦调休"_s});
    QVERIFY(!CalendarYears::hasNotice(c, 2018));
    QVERIFY(!CalendarYears::latestNotice(c));
    // Without any notice the calendar is Monday–Friday by choice and knows its whole table.
    QCOMPARE(CalendarYears::knownUntil(c), c.coveredTo());
    c.setDay({QDate(2019, 1, 1), true, u"元旦"_s});
    QVERIFY(CalendarYears::hasNotice(c, 2019));
    QCOMPARE(CalendarYears::knownUntil(c), QDate(2020, 12, 31));
}

void TestCalendarYears::novemberRuleAtExactInstants()
{
    WorkCalendar c = builtinWorkCalendar();
    // 1 November starts at midnight in the centre's zone (16:00 UTC the day before), not in UTC.
    QCOMPARE(CalendarYears::missingNotice(c, secs(u"2026-10-31T23:59:59+08:00"_s)), std::nullopt);
    QCOMPARE(CalendarYears::missingNotice(c, secs(u"2026-10-31T16:00:00Z"_s)), std::optional<int>(2027));
    QCOMPARE(CalendarYears::missingNotice(c, secs(u"2026-12-31T23:59:59+08:00"_s)), std::optional<int>(2027));
    // Still missing in January: now it is the current year's.
    QCOMPARE(CalendarYears::missingNotice(c, secs(u"2027-01-04T09:00:00+08:00"_s)), std::optional<int>(2027));
    // November 2025: the 2026 notice is shipped.
    QCOMPARE(CalendarYears::missingNotice(c, secs(u"2025-11-15T09:00:00+08:00"_s)), std::nullopt);
    // Entered (one off day suffices): no longer missing.
    c.setDay({QDate(2027, 1, 1), true, u"元旦"_s});
    QCOMPARE(CalendarYears::missingNotice(c, secs(u"2026-11-01T00:00:00+08:00"_s)), std::nullopt);
    QVERIFY(CalendarYears::missingNoticeWarning(2027).contains(u"2027"_s));
}

void TestCalendarYears::deadlinesOutsideKnownYearsAreErrors()
{
    const SlaClock sla(builtinWorkCalendar(), SlaPolicy());
    QString error;
    // The example: 2100-12-27 + 5 days used to print 2101-01-01T00:00 (the table's edge).
    QCOMPARE(sla.checkedDeadline(secs(u"2100-12-27T09:00:00+08:00"_s), SlaClass::Handling, 0, &error), std::nullopt);
    QVERIFY2(error.contains(u"2027-12-31"_s), qPrintable(error));
    // The year after the latest notice is known (Monday–Friday), so a late notice does not stop January.
    error.clear();
    QCOMPARE(sla.checkedDeadline(secs(u"2027-01-04T09:00:00+08:00"_s), SlaClass::Consult, 0, &error),
             std::optional<qint64>(secs(u"2027-01-05T09:00:00+08:00"_s)));
    QVERIFY(error.isEmpty());
    // Up to its last working minute, and not one day further.
    QCOMPARE(sla.checkedDeadline(secs(u"2027-12-31T08:30:00+08:00"_s), SlaClass::Consult, 0, &error),
             std::optional<qint64>(secs(u"2027-12-31T17:30:00+08:00"_s)));
    QCOMPARE(sla.checkedDeadline(secs(u"2027-12-31T09:00:00+08:00"_s), SlaClass::Consult, 0, &error), std::nullopt);
    QVERIFY(error.contains(u"2027"_s));

    // Without notices the table's edge is the limit: never the clamped instant.
    const SlaClock plain {WorkCalendar(), SlaPolicy()};
    QCOMPARE(plain.checkedDeadline(secs(u"2100-12-27T09:00:00+08:00"_s), SlaClass::Handling, 0, &error), std::nullopt);
    QVERIFY(plain.checkedDeadline(secs(u"2100-12-20T09:00:00+08:00"_s), SlaClass::Handling, 0, &error).has_value());
    QCOMPARE(plain.checkedDeadline(secs(u"1999-12-30T09:00:00+08:00"_s), SlaClass::Consult, 0, &error), std::nullopt);
    QVERIFY(error.contains(u"2000-01-01"_s));
}

void TestCalendarYears::dispatchRefusedWithMessageBeyondKnownYears()
{
    TestWorkspace tw(u"2028-03-01T09:00:00+08:00"_s);
    QVERIFY2(tw.isValid(), qPrintable(tw.error));
    tw.addDepartment(u"D1"_s, u"城管局"_s);
    const QString id = registerHandling(*tw.ws);
    QString error;
    QVERIFY(!tw.ws->tickets().dispatch(tw.ws->systemActor(), id, u"D1"_s, &error));
    QVERIFY2(error.contains(u"2027-12-31"_s), qPrintable(error));
    QCOMPARE(tw.ws->events().ticket(id).state, TicketState::Registered);
    const QStringList reasons = tw.ws->tickets().dispatchMany(tw.ws->systemActor(), {{id, u"D1"_s}});
    QVERIFY(reasons.first().contains(u"2027-12-31"_s));
    QCOMPARE(tw.ws->events().history(id).size(), 1);
    // Once the 2027 and 2028 notices are entered, dispatch works again.
    QVERIFY2(tw.ws->calendar().editDays(tw.ws->systemActor(),
                                        {{QDate(2027, 1, 1), true, u"元旦"_s}, {QDate(2028, 1, 1), true, u"元旦"_s}},
                                        {}, &error),
             qPrintable(error));
    QVERIFY2(tw.ws->tickets().dispatch(tw.ws->systemActor(), id, u"D1"_s, &error), qPrintable(error));
}

void TestCalendarYears::administratorEditsAllOrNothing()
{
    TestWorkspace tw;
    QVERIFY2(tw.isValid(), qPrintable(tw.error));
    CalendarStore &store = tw.ws->calendar();
    QString error;
    const CalendarDay newYear {QDate(2027, 1, 1), true, u"元旦"_s};
    // The permission table decides: a supervisor may not.
    QVERIFY(!store.editDays(person(Role::Supervisor, u"sue"_s), {newYear}, {}, &error));
    QVERIFY(!error.isEmpty());
    QVERIFY(!store.loadCalendar().day(newYear.date));
    // One bad day refuses the whole edit.
    QVERIFY(!store.editDays(person(Role::Administrator, u"ada"_s),
                            {newYear, {QDate(2027, 2, 1), true, u"bad\u202enote"_s}}, {}, &error));
    QVERIFY(error.contains(u"control"_s));
    QVERIFY(!store.loadCalendar().day(newYear.date));
    QVERIFY(!store.editDays(person(Role::Administrator, u"ada"_s), {{QDate(2027, 2, 1), true, QString(101, u'节')}}, {},
                            &error));
    QVERIFY(!store.editDays(person(Role::Administrator, u"ada"_s), {newYear}, {QDate()}, &error));
    QVERIFY(!store.loadCalendar().day(newYear.date));
    // An administrator adds, corrects and removes.
    QVERIFY2(store.editDays(person(Role::Administrator, u"ada"_s),
                            {newYear, {QDate(2027, 2, 20), false, u"春节调休"_s}}, {}, &error),
             qPrintable(error));
    QCOMPARE(store.loadCalendar().day(QDate(2027, 2, 20))->isOffDay, false);
    QVERIFY(store.loadCalendar().isWorkingDay(QDate(2027, 2, 20))); // a Saturday
    QVERIFY(store.editDays(person(Role::Administrator, u"ada"_s), {{QDate(2027, 2, 20), true, u"更正"_s}},
                           {QDate(2025, 1, 26)}, &error));
    const WorkCalendar after = store.loadCalendar();
    QVERIFY(!after.isWorkingDay(QDate(2027, 2, 20)));
    QCOMPARE(after.day(QDate(2027, 2, 20))->name, u"更正"_s);
    QVERIFY(!after.day(QDate(2025, 1, 26))); // the shipped make-up Sunday, back to Monday–Friday
    QVERIFY(!after.isWorkingDay(QDate(2025, 1, 26)));
    // The SLA clock in force sees it at once.
    QVERIFY(!tw.ws->sla().calendar().isWorkingDay(QDate(2027, 2, 20)));
}

void TestCalendarYears::calendarChangeIsReDecidedNeverSilent()
{
    // Monday 28 December 2026, no 2027 notice yet: 1 January 2027 counts as a working Friday.
    TestWorkspace tw(u"2026-12-28T09:00:00+08:00"_s);
    QVERIFY2(tw.isValid(), qPrintable(tw.error));
    tw.addDepartment(u"D1"_s, u"城管局"_s);
    const QString id = registerHandling(*tw.ws);
    const QString other = registerHandling(*tw.ws);
    QString error;
    QVERIFY2(tw.ws->tickets().dispatch(tw.ws->systemActor(), id, u"D1"_s, &error), qPrintable(error));
    QVERIFY2(tw.ws->tickets().dispatch(tw.ws->systemActor(), other, u"D1"_s, &error), qPrintable(error));
    QVERIFY(tw.ws->tickets().reply(tw.ws->systemActor(), other, u"已修复"_s, &error)); // answered: not counting
    const qint64 oldDeadline = secs(u"2027-01-04T09:00:00+08:00"_s);
    QCOMPARE(*tw.ws->events().ticket(id).deadlineS, oldDeadline);
    QVERIFY(DeadlineReview::find(tw.ws->database(), tw.ws->events(), tw.ws->tickets()).isEmpty());

    // The notice arrives: New Year's Day is off. The ticket keeps its deadline; the review lists it.
    const Actor ada = person(Role::Administrator, u"ada"_s);
    QVERIFY(tw.ws->calendar().editDays(ada, {{QDate(2027, 1, 1), true, u"元旦"_s}}, {}, &error));
    QCOMPARE(*tw.ws->events().ticket(id).deadlineS, oldDeadline);
    const QList<DeadlineChange> changes = DeadlineReview::find(tw.ws->database(), tw.ws->events(), tw.ws->tickets());
    QCOMPARE(changes.size(), 1);
    QCOMPARE(changes.first().ticketId, id);
    QCOMPARE(changes.first().department, u"城管局"_s);
    QCOMPARE(changes.first().number, tw.ws->events().ticket(id).number);
    QCOMPARE(changes.first().oldDeadline, oldDeadline);
    const qint64 newDeadline = secs(u"2027-01-05T09:00:00+08:00"_s);
    QCOMPARE(changes.first().newDeadline, std::optional<qint64>(newDeadline));

    // Only an administrator, only with a reason.
    tw.setNow(u"2026-12-29T10:00:00+08:00"_s);
    QVERIFY(!tw.ws->tickets().redecideDeadline(person(Role::Supervisor, u"sue"_s), id, u"通知"_s, &error));
    QVERIFY(!tw.ws->tickets().redecideDeadline(ada, id, u"  "_s, &error));
    QVERIFY(!tw.ws->tickets().redecideDeadline(ada, other, u"通知"_s, &error)); // no running countdown
    QCOMPARE(*tw.ws->events().ticket(id).deadlineS, oldDeadline);
    QVERIFY2(tw.ws->tickets().redecideDeadline(ada, id, u"2027年元旦放假通知"_s, &error), qPrintable(error));
    QCOMPARE(*tw.ws->events().ticket(id).deadlineS, newDeadline);
    const TicketEvent last = tw.ws->events().history(id).last();
    QCOMPARE(last.type, EventType::DeadlineRedecided);
    QCOMPARE(toCode(last.type), u"deadline_redecided"_s);
    QCOMPARE(last.actor, u"ada"_s);
    QCOMPARE(last.atMs, ms(u"2026-12-29T10:00:00+08:00"_s));
    QCOMPARE(qint64(last.payload.value(Key::OldDeadline).toDouble()), oldDeadline);
    QCOMPARE(qint64(last.payload.value(Key::Deadline).toDouble()), newDeadline);
    QCOMPARE(last.payload.value(Key::Reason).toString(), u"2027年元旦放假通知"_s);
    QVERIFY(DeadlineReview::find(tw.ws->database(), tw.ws->events(), tw.ws->tickets()).isEmpty());
    // A second re-decision has nothing to change.
    QVERIFY(!tw.ws->tickets().redecideDeadline(ada, id, u"again"_s, &error));

    // The chain verifies and a rebuild derives the same deadline from the events.
    QVERIFY(tw.ws->events().verify().ok);
    QVERIFY2(tw.ws->events().rebuildProjection(&error), qPrintable(error));
    QCOMPARE(*tw.ws->events().ticket(id).deadlineS, newDeadline);
    QVERIFY(tw.ws->events().ticket(id).isCounting());
}

QTEST_GUILESS_MAIN(TestCalendarYears)
#include "tst_calendar_years.moc"
