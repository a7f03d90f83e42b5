// The escalator with an injected clock: reminders at exactly the yellow instant, accountability one second after
// the deadline, nothing at night or on holidays, catching up once after a closed weekend, urging.
#include "TestWorkspace.h"

#include "domain/TicketFold.h"
#include "notify/Accountability.h"
#include "notify/DepartmentContacts.h"
#include "notify/MessageIds.h"
#include "notify/NotifyService.h"
#include "service/TicketService.h"
#include "storage/EventStore.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace hotline;
using namespace hotline::test;

namespace {

QString newDispatchedTicket(Workspace &ws, const QString &department = u"D1"_s)
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

int count(Workspace &ws, const QString &ticketId, EventType type)
{
    int n = 0;
    for (const TicketEvent &e : ws.events().history(ticketId))
        n += e.type == type ? 1 : 0;
    return n;
}

void addDepartment(Workspace &ws, const QString &code, const QString &name)
{
    QString error;
    QVERIFY2(DepartmentContacts(ws.database()).save({code, name, {u"13800000001"_s, u"13800000002"_s}, u"13900000009"_s}, &error),
             qPrintable(error));
}

} // namespace

class TestEscalation : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // Dispatched Monday 09:00 (consult, 7 h): deadline Tuesday 09:00; 3 h left at Monday 15:00.
    void reminderAtExactlyThreeHours()
    {
        TestWorkspace tw(u"2025-03-03T09:00:00+08:00"_s);
        addDepartment(*tw.ws, u"D1"_s, u"城管局"_s);
        const QString id = newDispatchedTicket(*tw.ws);
        QCOMPARE(*tw.ws->events().ticket(id).deadlineS, secs(u"2025-03-04T09:00:00+08:00"_s));

        NotifyService notify(*tw.ws);
        tw.setNow(u"2025-03-03T14:59:59+08:00"_s); // 3 h 00 min 01 s left
        QCOMPARE(notify.start(false).reminders, 0);
        QCOMPARE(notify.escalator().nextInstant(), secs(u"2025-03-03T15:00:00+08:00"_s));
        QCOMPARE(notify.outbox().pendingCount(), 0);

        tw.setNow(u"2025-03-03T15:00:00+08:00"_s); // 3 h 00 min 00 s left
        const EscalationResult r = notify.escalator().processDue();
        QCOMPARE(r.reminders, 1);
        QCOMPARE(r.overdue, 0);
        QCOMPARE(count(*tw.ws, id, EventType::ReminderSent), 1);
        QVERIFY(tw.ws->events().ticket(id).reminderSent);
        const QList<OutboxMessage> queued = notify.outbox().forTicket(id);
        QCOMPARE(queued.size(), 1);
        const QString eventId = MessageIds::escalationEventId(tw.ws->events().ticket(id), EventType::ReminderSent);
        QCOMPARE(queued.first().eventId, eventId);
        QCOMPARE(queued.first().id, MessageIds::messageId(eventId, u"duty"_s));
        QCOMPARE(queued.first().state, u"pending"_s);

        // Once per dispatch: nothing more until red.
        QCOMPARE(notify.escalator().processDue().reminders, 0);
        QCOMPARE(notify.escalator().nextInstant(), secs(u"2025-03-04T09:00:01+08:00"_s));

        tw.setNow(u"2025-03-04T09:00:00+08:00"_s); // at the deadline: still yellow
        QCOMPARE(notify.escalator().processDue().overdue, 0);
        tw.setNow(u"2025-03-04T09:00:01+08:00"_s);
        const EscalationResult red = notify.escalator().processDue();
        QCOMPARE(red.overdue, 1);
        QCOMPARE(red.overdueTickets, QStringList{id});
        QVERIFY(tw.ws->events().ticket(id).overdueOpened);
        QCOMPARE(notify.escalator().nextInstant(), std::nullopt);

        const QList<AccountabilityRecord> records = Accountability(*tw.ws).list({});
        QCOMPARE(records.size(), 1);
        QCOMPARE(records.first().ticketId, id);
        QCOMPARE(records.first().department, u"D1"_s);
        QCOMPARE(records.first().departmentName, u"城管局"_s);
        QCOMPARE(records.first().deadlineS, secs(u"2025-03-04T09:00:00+08:00"_s));
        QCOMPARE(records.first().redAtMs, ms(u"2025-03-04T09:00:01+08:00"_s));
        QVERIFY(!records.first().answeredMs);

        // The late reply shows how late it came: 1 h 30 min of working time.
        tw.setNow(u"2025-03-04T10:30:00+08:00"_s);
        QString error;
        const Actor liaison{u"li"_s, Role::Liaison, u"D1"_s, tw.ws->consoleCode()};
        QVERIFY2(tw.ws->tickets().reply(liaison, id, u"已修复"_s, &error), qPrintable(error));
        const AccountabilityRecord answered = Accountability(*tw.ws).list({u"D1"_s, QDate(2025, 3, 1)}).value(0);
        QCOMPARE(answered.answeredMs, ms(u"2025-03-04T10:30:00+08:00"_s));
        QCOMPARE(answered.lateWorkingSeconds, 5400);
        QVERIFY(Accountability(*tw.ws).list({u"D2"_s, {}}).isEmpty());
        QVERIFY(Accountability(*tw.ws).list({QString(), QDate(2025, 4, 1)}).isEmpty());
        QVERIFY(Accountability::toCsv(records, QTimeZone(QByteArrayLiteral("Asia/Shanghai"))).contains(u"D1,城管局"_s));
    }

    void nothingAtNightOrOnHolidays()
    {
        TestWorkspace tw(u"2025-04-30T16:00:00+08:00"_s); // the day before the Labour Day holiday (1–5 May)
        addDepartment(*tw.ws, u"D1"_s, u"城管局"_s);
        const QString id = newDispatchedTicket(*tw.ws);
        QCOMPARE(*tw.ws->events().ticket(id).deadlineS, secs(u"2025-05-06T16:00:00+08:00"_s));
        NotifyService notify(*tw.ws);
        QCOMPARE(notify.start(false).reminders, 0);
        QCOMPARE(notify.escalator().nextInstant(), secs(u"2025-05-06T11:00:00+08:00"_s));
        for (const QString &t : {u"2025-04-30T23:00:00+08:00"_s, u"2025-05-02T10:00:00+08:00"_s, u"2025-05-06T08:00:00+08:00"_s,
                                 u"2025-05-06T10:59:59+08:00"_s}) {
            tw.setNow(t);
            const EscalationResult r = notify.escalator().processDue();
            QCOMPARE(r.reminders + r.overdue, 0);
        }
        tw.setNow(u"2025-05-06T11:00:00+08:00"_s);
        QCOMPARE(notify.escalator().processDue().reminders, 1);
        Q_UNUSED(id);
    }

    // Closed over the weekend: on start it records the missed reminder and accountability once.
    void catchesUpOnceAfterAWeekend()
    {
        TestWorkspace tw(u"2025-03-07T09:00:00+08:00"_s); // Friday: deadline Monday 09:00
        addDepartment(*tw.ws, u"D1"_s, u"城管局"_s);
        const QString id = newDispatchedTicket(*tw.ws);
        tw.setNow(u"2025-03-10T10:00:00+08:00"_s);
        {
            NotifyService notify(*tw.ws);
            const EscalationResult r = notify.start(false);
            QCOMPARE(r.reminders, 1);
            QCOMPARE(r.overdue, 1);
        }
        tw.reopen();
        NotifyService again(*tw.ws);
        const EscalationResult r = again.start(false);
        QCOMPARE(r.reminders + r.overdue, 0);
        QCOMPARE(count(*tw.ws, id, EventType::ReminderSent), 1);
        QCOMPARE(count(*tw.ws, id, EventType::Overdue), 1);
        QCOMPARE(again.outbox().forTicket(id).size(), 1);
        // Stamped with the instants of the colour changes, so every console writes the very same events.
        for (const TicketEvent &e : tw.ws->events().history(id)) {
            if (e.type == EventType::ReminderSent)
                QCOMPARE(e.atMs, ms(u"2025-03-07T15:00:00+08:00"_s));
            if (e.type == EventType::Overdue)
                QCOMPARE(e.atMs, ms(u"2025-03-10T09:00:01+08:00"_s));
        }
    }

    // A change to one ticket reschedules it: a reply ends its countdown, an extension re-arms the reminder.
    void ticketChangesReschedule()
    {
        TestWorkspace tw(u"2025-03-03T09:00:00+08:00"_s);
        addDepartment(*tw.ws, u"D1"_s, u"城管局"_s);
        NotifyService notify(*tw.ws);
        notify.start(false);
        QCOMPARE(notify.escalator().scheduled(), 0);
        const QString a = newDispatchedTicket(*tw.ws);
        const QString b = newDispatchedTicket(*tw.ws);
        QCOMPARE(notify.escalator().scheduled(), 2);
        QString error;
        const Actor liaison{u"li"_s, Role::Liaison, u"D1"_s, tw.ws->consoleCode()};
        QVERIFY2(tw.ws->tickets().reply(liaison, b, u"done"_s, &error), qPrintable(error));
        QCOMPARE(notify.escalator().scheduled(), 1);
        tw.setNow(u"2025-03-03T15:00:00+08:00"_s);
        QCOMPARE(notify.escalator().processDue().reminders, 1);
        QVERIFY2(tw.ws->tickets().requestExtension(liaison, a, 2, u"需要协调"_s, &error), qPrintable(error));
        QVERIFY2(tw.ws->tickets().decideExtension(tw.ws->systemActor(), a, true, QString(), &error), qPrintable(error));
        QVERIFY(!tw.ws->events().ticket(a).reminderSent);
        QVERIFY(*notify.escalator().nextInstant() > secs(u"2025-03-05T00:00:00+08:00"_s));
    }

    void urgingRecordsAndTextsTheHead()
    {
        TestWorkspace tw(u"2025-03-03T09:00:00+08:00"_s);
        addDepartment(*tw.ws, u"D1"_s, u"城管局"_s);
        const QString id = newDispatchedTicket(*tw.ws);
        NotifyService notify(*tw.ws);
        QString error;
        const Actor taker{u"ct"_s, Role::CallTaker, QString(), tw.ws->consoleCode()};
        QVERIFY(notify.urging().urge(taker, id, u"快"_s, true, &error).isEmpty());
        QVERIFY(!error.isEmpty());
        const Actor supervisor{u"sup"_s, Role::Supervisor, QString(), tw.ws->consoleCode()};
        error.clear();
        const QString eventId = notify.urging().urge(supervisor, id, u"请今日办结"_s, true, &error);
        QVERIFY2(!eventId.isEmpty(), qPrintable(error));
        QCOMPARE(tw.ws->events().ticket(id).urged, 1);
        const QList<OutboxMessage> queued = notify.outbox().forTicket(id);
        QCOMPARE(queued.size(), 1);
        QCOMPARE(queued.first().kind, u"urge"_s);
        QCOMPARE(queued.first().audience, u"head"_s);
        QCOMPARE(queued.first().id, MessageIds::messageId(eventId, u"head"_s));
        QVERIFY(!notify.urging().urge(supervisor, id, u"再催"_s, false, &error).isEmpty());
        QCOMPARE(notify.outbox().forTicket(id).size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestEscalation)
#include "tst_escalation.moc"
