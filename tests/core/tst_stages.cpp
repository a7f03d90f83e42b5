// The centre's own clocks (DeskClock, DeskBoard): every open ticket waiting at the centre has a stage, a limit
// in working time and a colour; the escalator reminds the dispatch desk exactly once per stage episode.
#include "TestSupport.h"
#include "TestWorkspace.h"

#include "notify/MessageIds.h"
#include "notify/NotifyService.h"
#include "service/Board.h"
#include "service/DemoData.h"
#include "service/DeskBoard.h"
#include "service/TicketService.h"
#include "storage/Database.h"
#include "storage/EventStore.h"
#include "storage/Settings.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QSqlQuery>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace hotline;
using namespace hotline::test;

namespace {

QString registerTicket(Workspace &ws)
{
    QString error;
    NewTicket n;
    n.type = TicketType::Complaint;
    n.summary = u"噪音扰民"_s;
    const QString id = ws.tickets().registerTicket(ws.systemActor(), n, &error);
    if (id.isEmpty())
        qWarning() << error;
    return id;
}

DeskClock deskClock(Workspace &ws)
{
    return DeskClock::fromSettings(ws.sla(), ws.settings());
}

std::optional<DeskEntry> deskEntry(Workspace &ws, const QString &ticketId, qint64 atS)
{
    for (const DeskEntry &e : DeskBoard::load(ws.database(), deskClock(ws), atS).entries) {
        if (e.ticketId == ticketId)
            return e;
    }
    return std::nullopt;
}

DeskColour colourAt(Workspace &ws, const QString &ticketId, const QString &iso)
{
    const std::optional<DeskEntry> e = deskEntry(ws, ticketId, secs(iso));
    return e ? e->status.colour : DeskColour::Blue;
}

Actor liaison(Workspace &ws)
{
    return Actor{u"li"_s, Role::Liaison, u"D1"_s, ws.consoleCode()};
}

void setDutyPhones(Workspace &ws, const QString &phones)
{
    QString error;
    QVERIFY2(ws.settings().set(u"dispatch.duty_phones"_s, phones, &error), qPrintable(error));
}

QString deskMessage(const QString &ticketId, const QString &stage, qint64 sinceMs)
{
    return MessageIds::messageId(MessageIds::deskEpisodeId(ticketId, stage, sinceMs), u"desk"_s);
}

} // namespace

class TestStages : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // The amber rule: the departments' 3 h, or half the limit when the limit is shorter than twice that.
    void amberThresholds()
    {
        TestWorkspace tw;
        const DeskClock desk = deskClock(*tw.ws);
        QCOMPARE(desk.limitSeconds(DeskStage::Dispatch), 2 * 3600);
        QCOMPARE(desk.amberSeconds(DeskStage::Dispatch), 3600);
        QCOMPARE(desk.limitSeconds(DeskStage::Callback), 7 * 3600);
        QCOMPARE(desk.amberSeconds(DeskStage::Callback), 3 * 3600);
        QString error;
        QVERIFY2(tw.ws->settings().set(u"sla.dispatch_hours"_s, u"8"_s, &error), qPrintable(error));
        QCOMPARE(deskClock(*tw.ws).amberSeconds(DeskStage::Dispatch), 3 * 3600);
    }

    // Registered Friday 16:30: 1 h on Friday, 1 h on Monday → limit Monday 09:30. Amber with 1 h left, i.e.
    // Friday 17:30 (the end of work); it stays amber through the weekend and turns magenta at 09:30:01.
    void registeredTicketAcrossTheWeekend()
    {
        TestWorkspace tw(u"2025-03-07T16:30:00+08:00"_s);
        const QString id = registerTicket(*tw.ws);
        const std::optional<DeskEntry> e = deskEntry(*tw.ws, id, secs(u"2025-03-07T16:30:00+08:00"_s));
        QVERIFY(e);
        QCOMPARE(e->stage, DeskStage::Dispatch);
        QVERIFY(!e->again);
        QCOMPARE(e->sinceMs, ms(u"2025-03-07T16:30:00+08:00"_s));
        QCOMPARE(e->status.deadlineS, secs(u"2025-03-10T09:30:00+08:00"_s));
        QCOMPARE(e->status.colour, DeskColour::Blue);
        QCOMPARE(colourAt(*tw.ws, id, u"2025-03-07T17:29:59+08:00"_s), DeskColour::Blue);
        QCOMPARE(colourAt(*tw.ws, id, u"2025-03-07T17:30:00+08:00"_s), DeskColour::Amber);
        QCOMPARE(colourAt(*tw.ws, id, u"2025-03-08T12:00:00+08:00"_s), DeskColour::Amber);
        QCOMPARE(colourAt(*tw.ws, id, u"2025-03-10T09:30:00+08:00"_s), DeskColour::Amber);
        QCOMPARE(colourAt(*tw.ws, id, u"2025-03-10T09:30:01+08:00"_s), DeskColour::Magenta);
        // Waited and left count working time only: nothing passes over the weekend.
        const DeskEntry sunday = *deskEntry(*tw.ws, id, secs(u"2025-03-09T20:00:00+08:00"_s));
        QCOMPARE(sunday.status.waitedSeconds, 3600);
        QCOMPARE(sunday.status.remainingSeconds, 3600);
        const DeskEntry late = *deskEntry(*tw.ws, id, secs(u"2025-03-10T10:00:00+08:00"_s));
        QCOMPARE(late.status.remainingSeconds, -1800);
        // Registered later than the instant asked about: not on the desk yet.
        QVERIFY(!deskEntry(*tw.ws, id, secs(u"2025-03-07T16:29:59+08:00"_s)));
    }

    // Registered at night: the clock starts with the next working period.
    void registeredAtNight()
    {
        TestWorkspace tw(u"2025-03-04T22:00:00+08:00"_s);
        const QString id = registerTicket(*tw.ws);
        QCOMPARE(deskEntry(*tw.ws, id, secs(u"2025-03-05T08:00:00+08:00"_s))->status.deadlineS,
                 secs(u"2025-03-05T10:30:00+08:00"_s));
        QCOMPARE(colourAt(*tw.ws, id, u"2025-03-05T09:29:59+08:00"_s), DeskColour::Blue);
        QCOMPARE(colourAt(*tw.ws, id, u"2025-03-05T09:30:00+08:00"_s), DeskColour::Amber);
    }

    // Dispatched: off the desk (the department's countdown runs); returned: a new dispatch stage from the return.
    void returnedTicketRestartsTheDispatchStage()
    {
        TestWorkspace tw(u"2025-03-03T09:00:00+08:00"_s);
        tw.addDepartment(u"D1"_s, u"城管局"_s);
        const QString id = registerTicket(*tw.ws);
        QString error;
        tw.setNow(u"2025-03-03T10:30:00+08:00"_s);
        QCOMPARE(colourAt(*tw.ws, id, u"2025-03-03T10:30:00+08:00"_s), DeskColour::Amber);
        QVERIFY2(tw.ws->tickets().dispatch(tw.ws->systemActor(), id, u"D1"_s, &error), qPrintable(error));
        QVERIFY(!deskEntry(*tw.ws, id, secs(u"2025-03-03T10:30:00+08:00"_s)));
        tw.setNow(u"2025-03-03T11:00:00+08:00"_s);
        QVERIFY2(tw.ws->tickets().returnTicket(liaison(*tw.ws), id, u"不属本单位职责"_s, &error), qPrintable(error));
        const DeskEntry e = *deskEntry(*tw.ws, id, secs(u"2025-03-03T11:00:00+08:00"_s));
        QCOMPARE(e.stage, DeskStage::Dispatch);
        QVERIFY(e.again);
        QCOMPARE(DeskBoard::stageName(e), u"Waiting for re-dispatch"_s);
        QCOMPARE(e.sinceMs, ms(u"2025-03-03T11:00:00+08:00"_s));
        // 11:00–12:00 and 14:00–15:00; amber with 1 h left: from 12:00 (the lunch break counts as amber).
        QCOMPARE(e.status.deadlineS, secs(u"2025-03-03T15:00:00+08:00"_s));
        QCOMPARE(e.status.colour, DeskColour::Blue);
        QCOMPARE(colourAt(*tw.ws, id, u"2025-03-03T11:59:59+08:00"_s), DeskColour::Blue);
        QCOMPARE(colourAt(*tw.ws, id, u"2025-03-03T12:00:00+08:00"_s), DeskColour::Amber);
        QCOMPARE(colourAt(*tw.ws, id, u"2025-03-03T15:00:01+08:00"_s), DeskColour::Magenta);
    }

    // Replied: the callback stage (1 working day); closing ends it, reopening starts a dispatch stage.
    void repliedThenClosedThenReopened()
    {
        TestWorkspace tw(u"2025-03-03T09:00:00+08:00"_s);
        tw.addDepartment(u"D1"_s, u"城管局"_s);
        const QString id = registerTicket(*tw.ws);
        QString error;
        QVERIFY2(tw.ws->tickets().dispatch(tw.ws->systemActor(), id, u"D1"_s, &error), qPrintable(error));
        tw.setNow(u"2025-03-03T15:00:00+08:00"_s);
        QVERIFY2(tw.ws->tickets().reply(liaison(*tw.ws), id, u"已处理"_s, &error), qPrintable(error));
        const DeskEntry e = *deskEntry(*tw.ws, id, secs(u"2025-03-03T15:00:00+08:00"_s));
        QCOMPARE(e.stage, DeskStage::Callback);
        QCOMPARE(e.departmentCode, u"D1"_s);
        QCOMPARE(e.departmentName, u"城管局"_s);
        // 15:00–17:30 (2.5 h), Tuesday 08:30–12:00 (3.5 h), 14:00–15:00: Tuesday 15:00. Amber with 3 h left: 10:00.
        QCOMPARE(e.status.deadlineS, secs(u"2025-03-04T15:00:00+08:00"_s));
        QCOMPARE(colourAt(*tw.ws, id, u"2025-03-04T09:59:59+08:00"_s), DeskColour::Blue);
        QCOMPARE(colourAt(*tw.ws, id, u"2025-03-04T10:00:00+08:00"_s), DeskColour::Amber);
        QCOMPARE(colourAt(*tw.ws, id, u"2025-03-04T15:00:01+08:00"_s), DeskColour::Magenta);

        tw.setNow(u"2025-03-04T16:00:00+08:00"_s);
        QVERIFY2(tw.ws->tickets().callback(tw.ws->systemActor(), id, Satisfaction::Unsatisfied, QString(), &error),
                 qPrintable(error));
        QVERIFY(deskEntry(*tw.ws, id, secs(u"2025-03-04T16:00:00+08:00"_s))); // the callback alone does not end it
        QVERIFY2(tw.ws->tickets().close(tw.ws->systemActor(), id, QString(), &error), qPrintable(error));
        QVERIFY(!deskEntry(*tw.ws, id, secs(u"2025-03-04T16:00:00+08:00"_s)));

        tw.setNow(u"2025-03-05T09:00:00+08:00"_s);
        QVERIFY2(tw.ws->tickets().reopen(tw.ws->systemActor(), id, u"群众不满意"_s, &error), qPrintable(error));
        const DeskEntry again = *deskEntry(*tw.ws, id, secs(u"2025-03-05T09:00:00+08:00"_s));
        QCOMPARE(again.stage, DeskStage::Dispatch);
        QVERIFY(again.again);
        QCOMPARE(again.status.deadlineS, secs(u"2025-03-05T11:00:00+08:00"_s));
    }

    // One SMS per stage episode, at the amber instant, with a deterministic id: a second pass, a restart or a
    // second escalator on the same file sends nothing more. A new episode (return) gets its own.
    void escalatorRemindsTheDeskOncePerEpisode()
    {
        TestWorkspace tw(u"2025-03-07T16:30:00+08:00"_s);
        tw.addDepartment(u"D1"_s, u"城管局"_s);
        setDutyPhones(*tw.ws, u"13800001111, 13800002222"_s);
        const QString id = registerTicket(*tw.ws);
        const qint64 sinceMs = ms(u"2025-03-07T16:30:00+08:00"_s);
        {
            NotifyService notify(*tw.ws);
            const EscalationResult r = notify.start(false);
            QCOMPARE(r.deskReminders, 0);
            QCOMPARE(notify.escalator().nextInstant(), secs(u"2025-03-07T17:30:00+08:00"_s));
            tw.setNow(u"2025-03-07T17:29:59+08:00"_s);
            QCOMPARE(notify.escalator().processDue().deskReminders, 0);
            tw.setNow(u"2025-03-07T17:30:00+08:00"_s);
            const EscalationResult amber = notify.escalator().processDue();
            QCOMPARE(amber.deskReminders, 1);
            QCOMPARE(amber.reminders, 0); // not a department's reminder: no ReminderSent event
            const QList<OutboxMessage> queued = notify.outbox().forTicket(id);
            QCOMPARE(queued.size(), 1);
            QCOMPARE(queued.first().id, deskMessage(id, u"dispatch"_s, sinceMs));
            QCOMPARE(queued.first().kind, u"desk"_s);
            QCOMPARE(queued.first().audience, u"desk"_s);
            QCOMPARE(notify.escalator().processDue().deskReminders, 0);
            QCOMPARE(notify.escalator().nextInstant(), std::nullopt);
            // Magenta on Monday: no second SMS for the same episode.
            tw.setNow(u"2025-03-10T10:00:00+08:00"_s);
            QCOMPARE(notify.escalator().processDue().deskReminders, 0);
            // The board says it was reminded.
            QCOMPARE(deskEntry(*tw.ws, id, secs(u"2025-03-10T10:00:00+08:00"_s))->reminder, DeskReminder::Queued);
        }
        for (const TicketEvent &e : tw.ws->events().history(id))
            QVERIFY(e.type != EventType::ReminderSent); // the department rules are untouched
        // A restart, and a second escalator beside it: nothing more.
        tw.reopen();
        NotifyService again(*tw.ws);
        NotifyService other(*tw.ws);
        QCOMPARE(again.start(false).deskReminders, 0);
        QCOMPARE(other.start(false).deskReminders, 0);
        QCOMPARE(again.outbox().forTicket(id).size(), 1);

        // A new episode: dispatched, returned at 10:30 → limit 14:30, amber with 1 h left: 11:30.
        QString error;
        QVERIFY2(tw.ws->tickets().dispatch(tw.ws->systemActor(), id, u"D1"_s, &error), qPrintable(error));
        tw.setNow(u"2025-03-10T10:30:00+08:00"_s);
        QVERIFY2(tw.ws->tickets().returnTicket(liaison(*tw.ws), id, u"不属本单位职责"_s, &error), qPrintable(error));
        QCOMPARE(again.escalator().nextInstant(), secs(u"2025-03-10T11:30:00+08:00"_s));
        tw.setNow(u"2025-03-10T11:30:00+08:00"_s);
        QCOMPARE(again.escalator().processDue().deskReminders, 1);
        QCOMPARE(other.escalator().processDue().deskReminders, 0); // already queued in the same file
        const QList<OutboxMessage> both = again.outbox().forTicket(id);
        QCOMPARE(both.size(), 2);
        QSet<QString> ids;
        for (const OutboxMessage &m : both)
            ids.insert(m.id);
        QVERIFY(ids.contains(deskMessage(id, u"dispatch"_s, ms(u"2025-03-10T10:30:00+08:00"_s))));
    }

    // No duty phones: nothing is queued, and the board says reminders are off (never "sent").
    void noDutyPhonesMeansRemindersOff()
    {
        TestWorkspace tw(u"2025-03-03T09:00:00+08:00"_s);
        const QString id = registerTicket(*tw.ws);
        tw.setNow(u"2025-03-04T09:00:00+08:00"_s);
        NotifyService notify(*tw.ws);
        QCOMPARE(notify.start(false).deskReminders, 0);
        QVERIFY(notify.outbox().forTicket(id).isEmpty());
        const DeskClock clock = deskClock(*tw.ws);
        const DeskSnapshot desk = DeskBoard::load(tw.ws->database(), clock, tw.clock.nowSecs());
        QVERIFY(!desk.remindersOn());
        QCOMPARE(desk.magenta, 1);
        QVERIFY(DeskBoard::toText(desk, clock).contains(u"Reminders are off"_s));
        QCOMPARE(DeskBoard::toJson(desk, clock).first().toObject().value(u"reminder"_s).toString(), u"off"_s);
        // Configured later: the escalator catches up with the waiting ticket once.
        setDutyPhones(*tw.ws, u"13800001111"_s);
        QCOMPARE(notify.escalator().processDue().deskReminders, 1);
        QCOMPARE(notify.outbox().forTicket(id).size(), 1);
        tw.setNow(u"2025-03-04T09:05:00+08:00"_s);
        QCOMPARE(notify.escalator().processDue().deskReminders, 0);
        QCOMPARE(DeskBoard::load(tw.ws->database(), clock, tw.clock.nowSecs()).entries.first().reminder, DeskReminder::Queued);
    }

    // Board JSON carries "desk" beside "tickets"; the text board has a desk section.
    void boardJsonAndText()
    {
        TestWorkspace tw(u"2025-03-03T09:00:00+08:00"_s);
        tw.addDepartment(u"D1"_s, u"城管局"_s);
        const QString waiting = registerTicket(*tw.ws);
        const QString dispatched = registerTicket(*tw.ws);
        QString error;
        QVERIFY2(tw.ws->tickets().dispatch(tw.ws->systemActor(), dispatched, u"D1"_s, &error), qPrintable(error));
        const qint64 at = secs(u"2025-03-03T10:15:00+08:00"_s);
        const SlaClock sla = tw.ws->sla();
        const DeskClock clock = deskClock(*tw.ws);
        const BoardSnapshot board = Board::load(tw.ws->database(), sla, at);
        const DeskSnapshot desk = DeskBoard::load(tw.ws->database(), clock, at);
        const QJsonObject root = QJsonDocument::fromJson(Board::toJson(board, sla, &desk, &clock)).object();
        QCOMPARE(root.value(u"tickets"_s).toArray().size(), 1);
        const QJsonArray items = root.value(u"desk"_s).toArray();
        QCOMPARE(items.size(), 1);
        const QJsonObject item = items.first().toObject();
        QCOMPARE(item.value(u"number"_s).toString(), tw.ws->events().ticket(waiting).number);
        QCOMPARE(item.value(u"stage"_s).toString(), u"dispatch"_s);
        QCOMPARE(item.value(u"since"_s).toString(), u"2025-03-03T09:00:00+08:00"_s);
        QCOMPARE(item.value(u"deadline"_s).toString(), u"2025-03-03T11:00:00+08:00"_s);
        QCOMPARE(item.value(u"colour"_s).toString(), u"amber"_s);
        QCOMPARE(item.value(u"remaining_seconds"_s).toInt(), 2700);
        QCOMPARE(item.value(u"waited_seconds"_s).toInt(), 4500);
        QCOMPARE(root.value(u"desk_counts"_s).toObject().value(u"amber"_s).toInt(), 1);
        QCOMPARE(root.value(u"desk_reminders"_s).toBool(), false);
        const QString text = Board::toText(board, sla, &desk, &clock);
        QVERIFY(text.contains(u"Dispatch desk: 0 magenta (past the limit), 1 amber, 0 blue"_s));
        QVERIFY(text.contains(tw.ws->events().ticket(waiting).number));
        // Without a desk (the liaison's board), no desk key.
        QVERIFY(!QJsonDocument::fromJson(Board::toJson(board, sla)).object().contains(u"desk"_s));
    }

    // Through hotlinectl: `board --format json` has the desk array for the demo's long-waiting tickets.
    void ctlBoardHasTheDesk()
    {
        QTemporaryDir dir;
        const QString db = dir.filePath(u"demo.db"_s);
        CtlResult r = runCtl({u"--db"_s, db, u"init"_s, u"--demo"_s});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        r = runCtl({u"--db"_s, db, u"board"_s, u"--format"_s, u"json"_s});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonObject root = QJsonDocument::fromJson(r.out).object();
        const QJsonArray desk = root.value(u"desk"_s).toArray();
        QVERIFY(!desk.isEmpty());
        for (const QJsonValue &v : desk) {
            const QJsonObject o = v.toObject();
            QVERIFY(!o.value(u"number"_s).toString().isEmpty());
            QVERIFY(o.value(u"stage"_s).toString() == u"dispatch"_s || o.value(u"stage"_s).toString() == u"callback"_s);
            QVERIFY(!o.value(u"since"_s).toString().isEmpty());
            QVERIFY(!o.value(u"deadline"_s).toString().isEmpty());
            QVERIFY(QStringList({u"blue"_s, u"amber"_s, u"magenta"_s}).contains(o.value(u"colour"_s).toString()));
        }
        r = runCtl({u"--db"_s, db, u"board"_s});
        QVERIFY(r.out.contains("Dispatch desk:"));
    }

    // Nothing open is invisible: every open ticket of the demo data is either on the departments' countdown
    // or on the dispatch desk, never both, never neither.
    void everyOpenTicketHasAClock()
    {
        TestWorkspace tw(u"2025-03-12T10:00:00+08:00"_s);
        DemoSummary summary;
        QString error;
        QVERIFY2(DemoData::populate(*tw.ws, &summary, &error), qPrintable(error));
        const qint64 now = tw.clock.nowSecs();
        const BoardSnapshot board = Board::load(tw.ws->database(), tw.ws->sla(), now);
        const DeskSnapshot desk = DeskBoard::load(tw.ws->database(), deskClock(*tw.ws), now);
        QSet<QString> onBoard;
        for (const BoardEntry &e : board.entries)
            onBoard.insert(e.ticketId);
        QSet<QString> onDesk;
        for (const DeskEntry &e : desk.entries)
            onDesk.insert(e.ticketId);
        QVERIFY(!onDesk.isEmpty());
        QVERIFY(!onBoard.isEmpty());
        QVERIFY(!onBoard.intersects(onDesk));
        QSqlQuery q(tw.ws->database().sql());
        QVERIFY(q.exec(u"SELECT id, number, state FROM tickets WHERE closed_ms IS NULL"_s));
        int open = 0;
        while (q.next()) {
            ++open;
            const QString id = q.value(0).toString();
            QVERIFY2(onBoard.contains(id) || onDesk.contains(id),
                     qPrintable(u"%1 (%2) has no clock"_s.arg(q.value(1).toString(), q.value(2).toString())));
        }
        QCOMPARE(open, onBoard.size() + onDesk.size());
        bool hasDispatch = false;
        bool hasCallback = false;
        for (const DeskEntry &e : desk.entries) {
            hasDispatch |= e.stage == DeskStage::Dispatch;
            hasCallback |= e.stage == DeskStage::Callback;
        }
        QVERIFY(hasDispatch);
        QVERIFY(hasCallback);
    }
};

QTEST_GUILESS_MAIN(TestStages)
#include "tst_stages.moc"
