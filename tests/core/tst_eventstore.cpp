// The event log and its projection: lifecycle, refusal of impossible actions, idempotent re-apply,
// rebuild equal to the live projection, append-only enforcement and tamper evidence.
#include "TestWorkspace.h"

#include "domain/TicketEvent.h"
#include "service/DemoData.h"
#include "service/TicketService.h"
#include "storage/Database.h"
#include "storage/EventStore.h"

#include <QRegularExpression>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace hotline;
using namespace hotline::test;

namespace {

const Actor kTaker{u"alice"_s, Role::CallTaker, QString(), u"01"_s};
const Actor kDispatcher{u"bob"_s, Role::Dispatcher, QString(), u"01"_s};
const Actor kLiaison{u"carol"_s, Role::Liaison, u"CG"_s, u"01"_s};
const Actor kOtherLiaison{u"dave"_s, Role::Liaison, u"JT"_s, u"01"_s};

NewTicket complaint()
{
    NewTicket t;
    t.channel = Channel::Phone;
    t.type = TicketType::Complaint;
    t.category = u"市容环境"_s;
    t.town = u"桂城"_s;
    t.callerName = u"陈先生"_s;
    t.callerPhone = u"138 0013 8000"_s;
    t.summary = u"井盖缺失"_s;
    return t;
}

int count(Database &db, const QString &table)
{
    QSqlQuery q(db.sql());
    return q.exec(u"SELECT count(*) FROM "_s + table) && q.next() ? q.value(0).toInt() : -1;
}

// Every projection row as text, to compare two projections exactly.
QStringList dump(Database &db)
{
    QStringList rows;
    for (const QString &sql : {u"SELECT * FROM tickets ORDER BY id"_s, u"SELECT * FROM dispatches ORDER BY event_id"_s,
                               u"SELECT * FROM callbacks ORDER BY event_id"_s}) {
        QSqlQuery q(db.sql());
        q.exec(sql);
        while (q.next()) {
            QStringList cols;
            for (int i = 0; i < q.record().count(); ++i)
                cols << (q.isNull(i) ? u"NULL"_s : q.value(i).toString());
            rows << cols.join(u'|');
        }
    }
    return rows;
}

} // namespace

class TestEventStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void lifecycleFoldsIntoProjection();
    void impossibleActionsAreRefusedAndWriteNothing();
    void rolesAreEnforcedInCore();
    void reapplyingEventsChangesNothing();
    void returnTransferAndExtension();
    void rebuildEqualsLiveProjection();
    void eventsAreAppendOnly();
    void verifyNamesTheFirstAlteredEvent();
    void ticketNumbersAreDailySequencesPerConsole();
    void invalidInputIsRefusedWithReasons();
    void batchDispatchIsOneTransaction();
    void answeredAtIntakeIsAllOrNothing();
};

void TestEventStore::lifecycleFoldsIntoProjection()
{
    TestWorkspace tw(u"2025-03-03T09:00:00+08:00"_s); // a Monday
    QVERIFY2(tw.isValid(), qPrintable(tw.error));
    tw.addDepartment(u"CG"_s, u"区城管局"_s);
    TicketService &s = tw.ws->tickets();
    QSignalSpy changed(&tw.ws->events(), &EventStore::ticketsChanged);
    QString error;
    const QString id = s.registerTicket(kTaker, complaint(), &error);
    QVERIFY2(!id.isEmpty(), qPrintable(error));
    QCOMPARE(changed.count(), 1);
    Ticket t = tw.ws->events().ticket(id);
    QCOMPARE(t.state, TicketState::Registered);
    QCOMPARE(t.callerPhone, u"13800138000"_s);
    QCOMPARE(t.slaClass, SlaClass::Handling);
    QVERIFY(!t.deadlineS);

    tw.setNow(u"2025-03-03T10:00:00+08:00"_s);
    QVERIFY2(s.dispatch(kDispatcher, id, u"CG"_s, &error), qPrintable(error));
    t = tw.ws->events().ticket(id);
    QCOMPARE(t.state, TicketState::Dispatched);
    QCOMPARE(t.department, u"CG"_s);
    // 5 working days of 7 h from Monday 10:00 → the next Monday 10:00.
    QCOMPARE(*t.deadlineS, secs(u"2025-03-10T10:00:00+08:00"_s));
    QVERIFY(t.isCounting());

    tw.setNow(u"2025-03-03T11:00:00+08:00"_s);
    QVERIFY2(s.sign(kLiaison, id, &error), qPrintable(error));
    tw.setNow(u"2025-03-10T10:00:00+08:00"_s); // exactly at the deadline: on time
    QVERIFY2(s.reply(kLiaison, id, u"已补装井盖"_s, &error), qPrintable(error));
    t = tw.ws->events().ticket(id);
    QCOMPARE(t.state, TicketState::Replied);
    QCOMPARE(t.replyOnTime, std::optional<bool>(true));
    QVERIFY(!t.isCounting());

    tw.setNow(u"2025-03-10T15:00:00+08:00"_s);
    QVERIFY2(s.callback(kDispatcher, id, Satisfaction::Basic, QString(), &error), qPrintable(error));
    QVERIFY2(s.close(kDispatcher, id, QString(), &error), qPrintable(error));
    t = tw.ws->events().ticket(id);
    QCOMPARE(t.state, TicketState::Closed);
    QCOMPARE(t.onTime, std::optional<bool>(true));
    QCOMPARE(t.satisfaction, std::optional<Satisfaction>(Satisfaction::Basic));
    QCOMPARE(*t.closedMs, ms(u"2025-03-10T15:00:00+08:00"_s));

    const QList<TicketEvent> history = tw.ws->events().history(id);
    QCOMPARE(history.size(), 6);
    QCOMPARE(history.first().type, EventType::Registered);
    QCOMPARE(history.first().actor, u"alice"_s);
    QCOMPARE(history.first().console, u"01"_s);
    QCOMPARE(history.last().type, EventType::Closed);
    QCOMPARE(count(tw.ws->database(), u"dispatches"_s), 1);
    QCOMPARE(count(tw.ws->database(), u"callbacks"_s), 1);
}

void TestEventStore::impossibleActionsAreRefusedAndWriteNothing()
{
    TestWorkspace tw;
    QVERIFY2(tw.isValid(), qPrintable(tw.error));
    tw.addDepartment(u"CG"_s, u"区城管局"_s);
    TicketService &s = tw.ws->tickets();
    QString error;
    const QString id = s.registerTicket(kTaker, complaint(), &error);
    const int before = count(tw.ws->database(), u"events"_s);
    QVERIFY(!s.reply(kLiaison, id, u"x"_s, &error)); // not dispatched yet
    QVERIFY(!error.isEmpty());
    QVERIFY(!s.dispatch(kDispatcher, id, u"NOPE"_s, &error));
    QVERIFY2(error.contains(u"NOPE"_s), qPrintable(error));
    QVERIFY(!s.sign(kLiaison, u"no-such-ticket"_s, &error));
    QVERIFY(s.dispatch(kDispatcher, id, u"CG"_s, &error));
    QVERIFY(!s.dispatch(kDispatcher, id, u"CG"_s, &error)); // twice
    QVERIFY(!s.close(kDispatcher, id, QString(), &error));   // still with the department
    QCOMPARE(count(tw.ws->database(), u"events"_s), before + 1);
}

void TestEventStore::rolesAreEnforcedInCore()
{
    TestWorkspace tw;
    tw.addDepartment(u"CG"_s, u"区城管局"_s);
    tw.addDepartment(u"JT"_s, u"区交通局"_s);
    TicketService &s = tw.ws->tickets();
    QString error;
    const QString id = s.registerTicket(kTaker, complaint(), &error);
    QVERIFY(!s.dispatch(kTaker, id, u"CG"_s, &error)); // a call-taker does not dispatch
    QVERIFY(s.dispatch(kDispatcher, id, u"CG"_s, &error));
    QVERIFY(!s.sign(kOtherLiaison, id, &error)); // another department's liaison
    QVERIFY(!error.isEmpty());
    QVERIFY(!s.reply(kOtherLiaison, id, u"x"_s, &error));
    QVERIFY(s.sign(kLiaison, id, &error));
    const Actor supervisor{u"eve"_s, Role::Supervisor, QString(), u"01"_s};
    QVERIFY(!s.reply(supervisor, id, u"x"_s, &error));
    QVERIFY2(s.urge(supervisor, id, u"请加快"_s, &error), qPrintable(error));
    QCOMPARE(tw.ws->events().ticket(id).urged, 1);
}

void TestEventStore::reapplyingEventsChangesNothing()
{
    TestWorkspace tw;
    tw.addDepartment(u"CG"_s, u"区城管局"_s);
    TicketService &s = tw.ws->tickets();
    QString error;
    const QString id = s.registerTicket(kTaker, complaint(), &error);
    QVERIFY(s.dispatch(kDispatcher, id, u"CG"_s, &error));
    tw.setNow(u"2025-03-03T11:00:00+08:00"_s);
    QVERIFY(s.sign(kLiaison, id, &error));
    const QStringList before = dump(tw.ws->database());
    const int events = count(tw.ws->database(), u"events"_s);
    const QList<TicketEvent> history = tw.ws->events().history(id);
    int added = -1;
    {
        WriteTransaction tx(tw.ws->database());
        QVERIFY(tw.ws->events().appendWithin(history, &error, EventStore::Mode::Tolerant, &added));
        QVERIFY(tx.commit());
    }
    QCOMPARE(added, 0);
    QVERIFY(tw.ws->events().append(history, &error, EventStore::Mode::Tolerant));
    QCOMPARE(count(tw.ws->database(), u"events"_s), events);
    QCOMPARE(dump(tw.ws->database()), before);
}

void TestEventStore::returnTransferAndExtension()
{
    TestWorkspace tw(u"2025-03-03T09:00:00+08:00"_s);
    tw.addDepartment(u"CG"_s, u"区城管局"_s);
    tw.addDepartment(u"JT"_s, u"区交通局"_s);
    TicketService &s = tw.ws->tickets();
    QString error;
    const QString id = s.registerTicket(kTaker, complaint(), &error);
    QVERIFY(s.dispatch(kDispatcher, id, u"CG"_s, &error));
    tw.setNow(u"2025-03-04T09:00:00+08:00"_s);
    QVERIFY(s.returnTicket(kLiaison, id, u"不属本单位职责"_s, &error));
    Ticket t = tw.ws->events().ticket(id);
    QCOMPARE(t.state, TicketState::Registered);
    QVERIFY(t.department.isEmpty());
    QVERIFY(!t.deadlineS);

    // Re-dispatch after a return starts a new clock.
    tw.setNow(u"2025-03-04T14:00:00+08:00"_s);
    QVERIFY(s.dispatch(kDispatcher, id, u"CG"_s, &error));
    // 35 h from Tuesday 14:00 runs out exactly at the end of a morning: Tuesday 12:00, not 14:00.
    QCOMPARE(*tw.ws->events().ticket(id).deadlineS, secs(u"2025-03-11T12:00:00+08:00"_s));

    // A transfer hands it to another department with its own clock.
    tw.setNow(u"2025-03-05T08:30:00+08:00"_s);
    QVERIFY2(s.transfer(kDispatcher, id, u"JT"_s, u"交通设施"_s, &error), qPrintable(error));
    t = tw.ws->events().ticket(id);
    QCOMPARE(t.department, u"JT"_s);
    QCOMPARE(*t.deadlineS, secs(u"2025-03-11T17:30:00+08:00"_s)); // 35 h from Wednesday 08:30 ends Tuesday 17:30

    // An approved extension of 2 working days moves the deadline from the original dispatch.
    const Actor jt{u"frank"_s, Role::Liaison, u"JT"_s, u"01"_s};
    QVERIFY(s.requestExtension(jt, id, 2, u"需要协调施工单位"_s, &error));
    QVERIFY(tw.ws->events().ticket(id).extensionPending);
    QVERIFY(!s.requestExtension(jt, id, 2, u"again"_s, &error));
    QVERIFY2(s.decideExtension(kDispatcher, id, true, QString(), &error), qPrintable(error));
    t = tw.ws->events().ticket(id);
    QVERIFY(!t.extensionPending);
    QCOMPARE(t.extensionDays, 2);
    QCOMPARE(*t.deadlineS, secs(u"2025-03-13T17:30:00+08:00"_s));
    QCOMPARE(count(tw.ws->database(), u"dispatches"_s), 3);
}

void TestEventStore::rebuildEqualsLiveProjection()
{
    TestWorkspace tw(u"2025-06-18T10:15:00+08:00"_s);
    QVERIFY2(tw.isValid(), qPrintable(tw.error));
    DemoSummary summary;
    QString error;
    QVERIFY2(DemoData::populate(*tw.ws, &summary, &error), qPrintable(error));
    QVERIFY(summary.tickets > 300);
    QVERIFY(summary.green > 0);
    QVERIFY(summary.yellow > 0);
    QVERIFY(summary.red > 0);
    const QStringList live = dump(tw.ws->database());
    QVERIFY(live.size() > summary.tickets);
    QVERIFY2(tw.ws->events().rebuildProjection(&error), qPrintable(error));
    const QStringList rebuilt = dump(tw.ws->database());
    QCOMPARE(rebuilt.size(), live.size());
    QCOMPARE(rebuilt, live);
}

void TestEventStore::eventsAreAppendOnly()
{
    TestWorkspace tw;
    QString error;
    QVERIFY(!tw.ws->tickets().registerTicket(kTaker, complaint(), &error).isEmpty());
    QSqlQuery q(tw.ws->database().sql());
    QVERIFY(!q.exec(u"UPDATE events SET actor = 'mallory'"_s));
    QVERIFY(q.lastError().text().contains(u"append-only"_s));
    QVERIFY(!q.exec(u"DELETE FROM events"_s));
    QCOMPARE(count(tw.ws->database(), u"events"_s), 1);
}

void TestEventStore::verifyNamesTheFirstAlteredEvent()
{
    TestWorkspace tw;
    tw.addDepartment(u"CG"_s, u"区城管局"_s);
    QString error;
    QStringList ids;
    for (int i = 0; i < 3; ++i) {
        const QString id = tw.ws->tickets().registerTicket(kTaker, complaint(), &error);
        QVERIFY(tw.ws->tickets().dispatch(kDispatcher, id, u"CG"_s, &error));
        ids << id;
    }
    VerifyReport r = tw.ws->events().verify();
    QVERIFY(r.ok);
    QCOMPARE(r.checked, 6);

    // Somebody with the file and a text editor: drops the guard and edits the third event's payload.
    QSqlQuery q(tw.ws->database().sql());
    QVERIFY(q.exec(u"DROP TRIGGER events_no_update"_s));
    QVERIFY(q.exec(u"SELECT id FROM events WHERE seq = 3"_s) && q.next());
    const QString third = q.value(0).toString();
    QVERIFY(q.exec(u"UPDATE events SET payload = replace(payload, '井盖', '路灯') WHERE seq = 3"_s));
    QCOMPARE(q.numRowsAffected(), 1);
    r = tw.ws->events().verify();
    QVERIFY(!r.ok);
    QCOMPARE(r.firstBadSeq, 3);
    QCOMPARE(r.firstBadId, third);
}

void TestEventStore::ticketNumbersAreDailySequencesPerConsole()
{
    TestWorkspace tw(u"2025-03-03T23:59:00+08:00"_s);
    QString error;
    const QString a = tw.ws->tickets().registerTicket(kTaker, complaint(), &error);
    const QString b = tw.ws->tickets().registerTicket(kTaker, complaint(), &error);
    tw.setNow(u"2025-03-04T00:00:10+08:00"_s); // the centre's date, not UTC's
    const Actor other{u"zoe"_s, Role::CallTaker, QString(), u"07"_s};
    const QString c = tw.ws->tickets().registerTicket(other, complaint(), &error);
    QCOMPARE(tw.ws->events().ticket(a).number, u"250303-01-0001"_s);
    QCOMPARE(tw.ws->events().ticket(b).number, u"250303-01-0002"_s);
    QCOMPARE(tw.ws->events().ticket(c).number, u"250304-07-0001"_s);
    QCOMPARE(tw.ws->events().ticketByNumber(u"250303-01-0002"_s).id, b);
}

void TestEventStore::invalidInputIsRefusedWithReasons()
{
    TestWorkspace tw;
    NewTicket t = complaint();
    t.callerPhone = u"1381234567"_s; // one digit short
    t.summary.clear();
    const QList<FieldError> errors = TicketService::validate(t);
    QCOMPARE(errors.size(), 2);
    QCOMPARE(errors.at(0).field, u"summary"_s);
    QCOMPARE(errors.at(1).field, u"caller_phone"_s);
    QVERIFY(errors.at(1).message.contains(u"1381234567"_s));
    QString error;
    QVERIFY(tw.ws->tickets().registerTicket(kTaker, t, &error).isEmpty());
    QVERIFY(!error.isEmpty());
    QCOMPARE(count(tw.ws->database(), u"events"_s), 0);
    t = complaint();
    t.summary = QString(TicketService::kMaxSummary + 1, u'x');
    QCOMPARE(TicketService::validate(t).size(), 1);
}

void TestEventStore::batchDispatchIsOneTransaction()
{
    TestWorkspace tw(u"2025-03-03T09:00:00+08:00"_s);
    tw.addDepartment(u"CG"_s, u"区城管局"_s);
    TicketService &s = tw.ws->tickets();
    QString error;
    QStringList ids;
    for (int i = 0; i < 5; ++i)
        ids << s.registerTicket(kTaker, complaint(), &error);
    QVERIFY(s.dispatch(kDispatcher, ids.at(4), u"CG"_s, &error)); // already dispatched
    QSignalSpy changed(&tw.ws->events(), &EventStore::ticketsChanged);
    const QStringList reasons = s.dispatchMany(kDispatcher, {{ids.at(0), u"CG"_s}, {ids.at(1), u"NOPE"_s},
                                                             {ids.at(2), u"CG"_s}, {ids.at(2), u"CG"_s},
                                                             {ids.at(3), u"CG"_s}, {ids.at(4), u"CG"_s}});
    QCOMPARE(reasons.size(), 6);
    QVERIFY(reasons.at(0).isEmpty());
    QVERIFY(reasons.at(1).contains(u"NOPE"_s));
    QVERIFY(reasons.at(2).isEmpty());
    QVERIFY(!reasons.at(3).isEmpty()); // listed twice
    QVERIFY(reasons.at(4).isEmpty());
    QVERIFY(!reasons.at(5).isEmpty());
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.at(0).at(0).toStringList().size(), 3);
    for (int i : {0, 2, 3})
        QCOMPARE(*tw.ws->events().ticket(ids.at(i)).deadlineS, secs(u"2025-03-10T09:00:00+08:00"_s));
    QCOMPARE(tw.ws->events().ticket(ids.at(1)).state, TicketState::Registered);
    // A call-taker's batch is refused ticket by ticket, in core.
    const QStringList refused = s.dispatchMany(kTaker, {{ids.at(1), u"CG"_s}});
    QVERIFY(!refused.at(0).isEmpty());
    QCOMPARE(tw.ws->events().ticket(ids.at(1)).state, TicketState::Registered);
}

void TestEventStore::answeredAtIntakeIsAllOrNothing()
{
    TestWorkspace tw;
    NewTicket consult = complaint();
    consult.type = TicketType::Consult;
    QString error;
    const QString id = tw.ws->tickets().registerAndClose(kTaker, consult, u"已电话解答"_s, &error);
    QVERIFY2(!id.isEmpty(), qPrintable(error));
    const Ticket t = tw.ws->events().ticket(id);
    QCOMPARE(t.state, TicketState::Closed);
    QCOMPARE(t.onTime, std::optional<bool>(true));
    QCOMPARE(tw.ws->events().history(id).size(), 2);
    // A role that may register but not close at intake gets neither event.
    const Actor liaison{u"carol"_s, Role::Liaison, u"CG"_s, u"01"_s};
    const int before = count(tw.ws->database(), u"events"_s);
    QVERIFY(tw.ws->tickets().registerAndClose(liaison, consult, u"x"_s, &error).isEmpty());
    QCOMPARE(count(tw.ws->database(), u"events"_s), before);
}

QTEST_GUILESS_MAIN(TestEventStore)
#include "tst_eventstore.moc"
