// A breach is permanent (issue 14): each dispatch or transfer is one department clock (a `dispatches` row); a
// clock that passed its deadline without a reply keeps its breach through return, transfer, re-dispatch,
// extension and reopen, and the ticket is never on time again. Extensions must be asked for before the
// deadline; a return needs a reason and is a misroute (no cost) only within the window after dispatch. Driven
// through the services on real SQLite files with a manual clock, plus the refold of an upgraded schema-10 file.
#include "TestWorkspace.h"

#include "domain/TicketEvent.h"
#include "domain/TicketFold.h"
#include "service/TicketService.h"
#include "storage/Database.h"
#include "storage/EventStore.h"
#include "storage/Settings.h"

#include <QDir>
#include <QFile>
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
const Actor kCg{u"carol"_s, Role::Liaison, u"CG"_s, u"01"_s};
const Actor kJt{u"frank"_s, Role::Liaison, u"JT"_s, u"01"_s};

// Monday 2025-03-03; working hours 08:30-12:00 and 14:00-17:30; a complaint has 5 working days.
const QString kDispatch = u"2025-03-03T10:00:00+08:00"_s;
const QString kDeadline = u"2025-03-10T10:00:00+08:00"_s; // the CG clock's deadline

NewTicket complaint()
{
    NewTicket t;
    t.type = TicketType::Complaint;
    t.category = u"市容环境"_s;
    t.town = u"桂城"_s;
    t.summary = u"井盖缺失"_s;
    return t;
}

void prepare(TestWorkspace &tw)
{
    tw.addDepartment(u"CG"_s, u"区城管局"_s);
    tw.addDepartment(u"JT"_s, u"区交通局"_s);
}

/** Registers a complaint and dispatches it to CG at kDispatch; returns its id. */
QString dispatchedToCg(TestWorkspace &tw, const QString &at = kDispatch)
{
    QString error;
    tw.setNow(at);
    const QString id = tw.ws->tickets().registerTicket(kTaker, complaint(), &error);
    if (id.isEmpty() || !tw.ws->tickets().dispatch(kDispatcher, id, u"CG"_s, &error))
        qWarning() << "setup failed:" << error;
    return id;
}

QString n(const QVariant &v) { return v.isNull() ? u"-"_s : v.toString(); }

/** The ticket's clock rows as "department outcome on_time breached_s extensions", in the order they started. */
QStringList clocks(Database &db, const QString &ticketId)
{
    QSqlQuery q(db.sql());
    q.prepare(u"SELECT department, outcome, on_time, breached_s, extensions FROM dispatches WHERE ticket_id = ? ORDER BY rowid"_s);
    q.addBindValue(ticketId);
    QStringList out;
    if (!q.exec())
        return {q.lastError().text()};
    while (q.next())
        out << QStringList{n(q.value(0)), n(q.value(1)), n(q.value(2)), n(q.value(3)), n(q.value(4))}.join(u' ');
    return out;
}

QString deadlineOf(Database &db, const QString &eventId, const char *column = "deadline_s")
{
    QSqlQuery q(db.sql());
    q.prepare(u"SELECT %1 FROM dispatches WHERE event_id = ?"_s.arg(QLatin1StringView(column)));
    q.addBindValue(eventId);
    return q.exec() && q.next() ? n(q.value(0)) : q.lastError().text();
}

int count(Database &db, const QString &table)
{
    QSqlQuery q(db.sql());
    return q.exec(u"SELECT count(*) FROM "_s + table) && q.next() ? q.value(0).toInt() : -1;
}

// Every projection row as text, to compare two projections byte for byte.
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

bool callbackAndClose(TestWorkspace &tw, const QString &id, QString *error)
{
    return tw.ws->tickets().callback(kDispatcher, id, Satisfaction::Satisfied, QString(), error)
           && tw.ws->tickets().close(kDispatcher, id, QString(), error);
}

const QString kBreachS = QString::number(secs(kDeadline));

} // namespace

class TestBreach : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void returnAfterDeadlineKeepsTheBreach();
    void transferAfterDeadlineKeepsTheBreach();
    void transferInTimeCostsNothing();
    void extensionRequestedTooLateIsRefused();
    void extensionInTimeApprovedAfterDeadlineIsNoBreach();
    void extensionInTimeRefusedBreachesAtTheOriginalDeadline();
    void extensionRefusedBeforeDeadlineIsNoBreach();
    void misrouteWithinTheWindowCostsNothing();
    void returnAfterTheWindowCountsAgainstTheDepartment();
    void returnWithoutReasonIsRefused();
    void lateRequestInTheLogChangesNothing();
    void rebuildGivesTheSameProjection();
    void upgradeRefoldsALaunderedHistory();
};

void TestBreach::returnAfterDeadlineKeepsTheBreach()
{
    TestWorkspace tw;
    QVERIFY2(tw.isValid(), qPrintable(tw.error));
    prepare(tw);
    TicketService &s = tw.ws->tickets();
    const QString id = dispatchedToCg(tw);
    const QString clockA = tw.ws->events().ticket(id).clockId;
    QVERIFY(!clockA.isEmpty());
    QCOMPARE(deadlineOf(tw.ws->database(), clockA), kBreachS);
    QCOMPARE(clocks(tw.ws->database(), id), QStringList{u"CG - - - 0"_s}); // running

    // CG sits on it past its deadline, then returns it: the breach is CG's.
    QString error;
    tw.setNow(u"2025-03-10T11:00:00+08:00"_s);
    QVERIFY2(s.returnTicket(kCg, id, u"不属本单位职责"_s, &error), qPrintable(error));
    Ticket t = tw.ws->events().ticket(id);
    QVERIFY(t.breached);
    QCOMPARE(t.clockId, clockA);
    QCOMPARE(clocks(tw.ws->database(), id), QStringList{u"CG returned - "_s + kBreachS + u" 0"_s});
    QCOMPARE(deadlineOf(tw.ws->database(), clockA, "ended_ms"), QString::number(ms(u"2025-03-10T11:00:00+08:00"_s)));

    // Re-dispatched to JT, which replies well within its own clock: JT is on time, the ticket is not.
    tw.setNow(u"2025-03-10T14:00:00+08:00"_s);
    QVERIFY2(s.dispatch(kDispatcher, id, u"JT"_s, &error), qPrintable(error));
    t = tw.ws->events().ticket(id);
    QVERIFY(t.breached);
    QVERIFY(t.clockId != clockA);
    tw.setNow(u"2025-03-11T10:00:00+08:00"_s);
    QVERIFY2(s.reply(kJt, id, u"已补装井盖"_s, &error), qPrintable(error));
    QCOMPARE(clocks(tw.ws->database(), id),
             (QStringList{u"CG returned - "_s + kBreachS + u" 0"_s, u"JT replied 1 - 0"_s}));
    QCOMPARE(tw.ws->events().ticket(id).replyOnTime, std::optional<bool>(true));
    QVERIFY2(callbackAndClose(tw, id, &error), qPrintable(error));
    t = tw.ws->events().ticket(id);
    QCOMPARE(t.onTime, std::optional<bool>(false));

    // Reopened and closed again at intake: still breached, still not on time.
    QVERIFY2(s.reopen(kDispatcher, id, u"来电人不满意"_s, &error), qPrintable(error));
    QVERIFY(tw.ws->events().ticket(id).breached);
    QVERIFY2(s.close(kDispatcher, id, QString(), &error), qPrintable(error));
    QCOMPARE(tw.ws->events().ticket(id).onTime, std::optional<bool>(false));
    QCOMPARE(clocks(tw.ws->database(), id).size(), 2); // a close/reopen is not a department outcome
}

void TestBreach::transferAfterDeadlineKeepsTheBreach()
{
    TestWorkspace tw;
    prepare(tw);
    TicketService &s = tw.ws->tickets();
    const QString id = dispatchedToCg(tw);
    QString error;
    tw.setNow(u"2025-03-10T15:00:00+08:00"_s);
    QVERIFY2(s.transfer(kDispatcher, id, u"JT"_s, u"交通设施"_s, &error), qPrintable(error));
    QVERIFY(tw.ws->events().ticket(id).breached);
    tw.setNow(u"2025-03-11T09:00:00+08:00"_s);
    QVERIFY2(s.reply(kJt, id, u"已处理"_s, &error), qPrintable(error));
    QCOMPARE(clocks(tw.ws->database(), id),
             (QStringList{u"CG transferred - "_s + kBreachS + u" 0"_s, u"JT replied 1 - 0"_s}));
    QVERIFY2(callbackAndClose(tw, id, &error), qPrintable(error));
    QCOMPARE(tw.ws->events().ticket(id).onTime, std::optional<bool>(false));
}

void TestBreach::transferInTimeCostsNothing()
{
    TestWorkspace tw;
    prepare(tw);
    TicketService &s = tw.ws->tickets();
    const QString id = dispatchedToCg(tw);
    QString error;
    tw.setNow(u"2025-03-05T09:00:00+08:00"_s);
    QVERIFY2(s.transfer(kDispatcher, id, u"JT"_s, u"交通设施"_s, &error), qPrintable(error));
    tw.setNow(u"2025-03-06T09:00:00+08:00"_s);
    QVERIFY2(s.reply(kJt, id, u"已处理"_s, &error), qPrintable(error));
    QCOMPARE(clocks(tw.ws->database(), id), (QStringList{u"CG transferred - - 0"_s, u"JT replied 1 - 0"_s}));
    QVERIFY2(callbackAndClose(tw, id, &error), qPrintable(error));
    const Ticket t = tw.ws->events().ticket(id);
    QVERIFY(!t.breached);
    QCOMPARE(t.onTime, std::optional<bool>(true));
}

void TestBreach::extensionRequestedTooLateIsRefused()
{
    TestWorkspace tw;
    prepare(tw);
    TicketService &s = tw.ws->tickets();
    const QString id = dispatchedToCg(tw);
    QString error;
    // One second past the deadline: too late, refused with a message, nothing written.
    tw.setNow(u"2025-03-10T10:00:01+08:00"_s);
    const int events = count(tw.ws->database(), u"events"_s);
    QVERIFY(!s.requestExtension(kCg, id, 3, u"需要协调"_s, &error));
    QVERIFY2(error.contains(u"deadline"_s) && error.contains(tw.ws->events().ticket(id).number), qPrintable(error));
    QCOMPARE(count(tw.ws->database(), u"events"_s), events);
    QVERIFY(!tw.ws->events().ticket(id).extensionPending);

    tw.setNow(u"2025-03-11T10:00:00+08:00"_s);
    QVERIFY2(s.reply(kCg, id, u"已处理"_s, &error), qPrintable(error));
    QCOMPARE(clocks(tw.ws->database(), id), QStringList{u"CG replied 0 "_s + kBreachS + u" 0"_s});
    QVERIFY(tw.ws->events().ticket(id).breached);

    // Exactly at the deadline is still in time (whole seconds, as for replies).
    const QString other = dispatchedToCg(tw);
    tw.setNow(kDeadline);
    QVERIFY2(s.requestExtension(kCg, other, 3, u"需要协调"_s, &error), qPrintable(error));
    const Ticket t = tw.ws->events().ticket(other);
    QVERIFY(t.extensionPending);
    QCOMPARE(t.extensionRequestedMs, std::optional<qint64>(ms(kDeadline)));
}

void TestBreach::extensionInTimeApprovedAfterDeadlineIsNoBreach()
{
    TestWorkspace tw;
    prepare(tw);
    TicketService &s = tw.ws->tickets();
    const QString id = dispatchedToCg(tw);
    QString error;
    tw.setNow(u"2025-03-07T16:00:00+08:00"_s);
    QVERIFY2(s.requestExtension(kCg, id, 2, u"需要协调施工单位"_s, &error), qPrintable(error));
    // The escalator sees the deadline pass while the request waits: the breach is held, not recorded.
    const TicketEvent overdue = TicketEvent::make(id, EventType::Overdue, ms(u"2025-03-10T10:30:00+08:00"_s),
                                                  u"system"_s, u"01"_s);
    QVERIFY2(tw.ws->events().append({overdue}, &error), qPrintable(error));
    QVERIFY(!tw.ws->events().ticket(id).breached);

    tw.setNow(u"2025-03-11T09:00:00+08:00"_s);
    QVERIFY2(s.decideExtension(kDispatcher, id, true, QString(), &error), qPrintable(error));
    Ticket t = tw.ws->events().ticket(id);
    QVERIFY(!t.breached);
    QCOMPARE(*t.deadlineS, secs(u"2025-03-12T10:00:00+08:00"_s)); // 7 working days from the dispatch
    QCOMPARE(deadlineOf(tw.ws->database(), t.clockId), QString::number(*t.deadlineS));
    QVERIFY(!t.extensionRequestedMs);

    tw.setNow(u"2025-03-12T09:30:00+08:00"_s);
    QVERIFY2(s.reply(kCg, id, u"已处理"_s, &error), qPrintable(error));
    QCOMPARE(clocks(tw.ws->database(), id), QStringList{u"CG replied 1 - 1"_s});
    QVERIFY2(callbackAndClose(tw, id, &error), qPrintable(error));
    QCOMPARE(tw.ws->events().ticket(id).onTime, std::optional<bool>(true));
}

void TestBreach::extensionInTimeRefusedBreachesAtTheOriginalDeadline()
{
    TestWorkspace tw;
    prepare(tw);
    TicketService &s = tw.ws->tickets();
    const QString id = dispatchedToCg(tw);
    QString error;
    tw.setNow(u"2025-03-07T16:00:00+08:00"_s);
    QVERIFY2(s.requestExtension(kCg, id, 2, u"需要协调施工单位"_s, &error), qPrintable(error));
    tw.setNow(u"2025-03-11T09:00:00+08:00"_s);
    QVERIFY2(s.decideExtension(kDispatcher, id, false, u"理由不足"_s, &error), qPrintable(error));
    Ticket t = tw.ws->events().ticket(id);
    QVERIFY(t.breached);
    QCOMPARE(clocks(tw.ws->database(), id), QStringList{u"CG - - "_s + kBreachS + u" 0"_s}); // running, breached
    tw.setNow(u"2025-03-11T10:00:00+08:00"_s);
    QVERIFY2(s.reply(kCg, id, u"已处理"_s, &error), qPrintable(error));
    QCOMPARE(clocks(tw.ws->database(), id), QStringList{u"CG replied 0 "_s + kBreachS + u" 0"_s});
    QVERIFY2(callbackAndClose(tw, id, &error), qPrintable(error));
    QCOMPARE(tw.ws->events().ticket(id).onTime, std::optional<bool>(false));
}

void TestBreach::extensionRefusedBeforeDeadlineIsNoBreach()
{
    TestWorkspace tw;
    prepare(tw);
    TicketService &s = tw.ws->tickets();
    const QString id = dispatchedToCg(tw);
    QString error;
    tw.setNow(u"2025-03-07T16:00:00+08:00"_s);
    QVERIFY2(s.requestExtension(kCg, id, 2, u"需要协调施工单位"_s, &error), qPrintable(error));
    tw.setNow(u"2025-03-07T17:00:00+08:00"_s);
    QVERIFY2(s.decideExtension(kDispatcher, id, false, u"理由不足"_s, &error), qPrintable(error));
    QVERIFY(!tw.ws->events().ticket(id).breached);
    tw.setNow(u"2025-03-10T09:00:00+08:00"_s);
    QVERIFY2(s.reply(kCg, id, u"已处理"_s, &error), qPrintable(error));
    QCOMPARE(clocks(tw.ws->database(), id), QStringList{u"CG replied 1 - 0"_s});
}

void TestBreach::misrouteWithinTheWindowCostsNothing()
{
    TestWorkspace tw;
    prepare(tw);
    TicketService &s = tw.ws->tickets();
    // Dispatched at 11:00, returned at 14:30: 3.5 hours by the wall clock, 1.5 working hours (lunch is not work).
    const QString id = dispatchedToCg(tw, u"2025-03-03T11:00:00+08:00"_s);
    QString error;
    tw.setNow(u"2025-03-03T14:30:00+08:00"_s);
    QVERIFY2(s.returnTicket(kCg, id, u"应由交通局处理"_s, &error), qPrintable(error));
    const TicketEvent returned = tw.ws->events().history(id).constLast();
    QCOMPARE(returned.type, EventType::Returned);
    QCOMPARE(returned.payload.value(Key::Misroute).toBool(), true);
    QCOMPARE(clocks(tw.ws->database(), id), QStringList{u"CG misroute - - 0"_s});

    tw.setNow(u"2025-03-03T15:00:00+08:00"_s);
    QVERIFY2(s.dispatch(kDispatcher, id, u"JT"_s, &error), qPrintable(error));
    QVERIFY2(s.reply(kJt, id, u"已处理"_s, &error), qPrintable(error));
    QVERIFY2(callbackAndClose(tw, id, &error), qPrintable(error));
    const Ticket t = tw.ws->events().ticket(id);
    QVERIFY(!t.breached);
    QCOMPARE(t.onTime, std::optional<bool>(true));
}

void TestBreach::returnAfterTheWindowCountsAgainstTheDepartment()
{
    TestWorkspace tw;
    prepare(tw);
    TicketService &s = tw.ws->tickets();
    // Dispatched at 10:00, returned at 15:00: 3 working hours, past the default 2.
    const QString id = dispatchedToCg(tw);
    QString error;
    tw.setNow(u"2025-03-03T15:00:00+08:00"_s);
    QVERIFY2(s.returnTicket(kCg, id, u"不属本单位职责"_s, &error), qPrintable(error));
    QCOMPARE(tw.ws->events().history(id).constLast().payload.value(Key::Misroute).toBool(true), false);
    QCOMPARE(clocks(tw.ws->database(), id), QStringList{u"CG returned - - 0"_s}); // a return, before the deadline
    QVERIFY(!tw.ws->events().ticket(id).breached);

    // The window is the administrator's setting: 4 working hours make the same return a misroute.
    QVERIFY2(tw.ws->settings().set(u"sla.misroute_hours"_s, u"4"_s, &error), qPrintable(error));
    const QString other = dispatchedToCg(tw);
    tw.setNow(u"2025-03-03T15:00:00+08:00"_s);
    QVERIFY2(s.returnTicket(kCg, other, u"不属本单位职责"_s, &error), qPrintable(error));
    QCOMPARE(clocks(tw.ws->database(), other), QStringList{u"CG misroute - - 0"_s});
}

void TestBreach::returnWithoutReasonIsRefused()
{
    TestWorkspace tw;
    prepare(tw);
    TicketService &s = tw.ws->tickets();
    const QString id = dispatchedToCg(tw);
    const int events = count(tw.ws->database(), u"events"_s);
    QString error;
    QVERIFY(!s.returnTicket(kCg, id, QString(), &error));
    QVERIFY(!error.isEmpty());
    error.clear();
    QVERIFY(!s.returnTicket(kCg, id, u"  \n\u200b "_s, &error)); // only blanks and an invisible character
    QVERIFY(!error.isEmpty());
    QCOMPARE(count(tw.ws->database(), u"events"_s), events);
    QCOMPARE(tw.ws->events().ticket(id).state, TicketState::Dispatched);
    QCOMPARE(clocks(tw.ws->database(), id), QStringList{u"CG - - - 0"_s});
}

void TestBreach::lateRequestInTheLogChangesNothing()
{
    // The fold alone, as on every console: a late request (from an older version, or another console) and the
    // approval that followed it change nothing, so the reply is judged by the original deadline.
    Ticket t;
    const auto ev = [](EventType type, const QString &at, QJsonObject payload = {}) {
        return TicketEvent::make(u"T1"_s, type, ms(at), u"x"_s, u"01"_s, std::move(payload));
    };
    QVERIFY(TicketFold::apply(t, ev(EventType::Registered, u"2025-03-03T09:00:00+08:00"_s, {{Key::Number, u"N1"_s}})));
    QVERIFY(TicketFold::apply(t, ev(EventType::Dispatched, kDispatch, {{Key::Department, u"CG"_s}, {Key::Deadline, secs(kDeadline)}})));
    const Ticket before = t;
    const TicketEvent late = ev(EventType::ExtensionRequested, u"2025-03-10T12:00:00+08:00"_s, {{Key::Days, 5}});
    QVERIFY(!TicketFold::check(t, late).isEmpty());
    QVERIFY(!TicketFold::apply(t, late));
    QCOMPARE(t, before);
    QVERIFY(!TicketFold::apply(t, ev(EventType::ExtensionApproved, u"2025-03-10T13:00:00+08:00"_s,
                                     {{Key::Days, 5}, {Key::Deadline, secs(u"2025-03-17T10:00:00+08:00"_s)}})));
    QCOMPARE(t, before);
    QVERIFY(TicketFold::apply(t, ev(EventType::Replied, u"2025-03-14T10:00:00+08:00"_s)));
    QVERIFY(t.breached);
    QCOMPARE(t.clocks.size(), 1);
    QCOMPARE(t.clocks.first().breachedS, std::optional<qint64>(secs(kDeadline)));
    QCOMPARE(t.clocks.first().onTime, std::optional<bool>(false));
    QCOMPARE(t.clocks.first().outcome, ClockOutcome::Replied);
}

void TestBreach::rebuildGivesTheSameProjection()
{
    TestWorkspace tw;
    prepare(tw);
    TicketService &s = tw.ws->tickets();
    QString error;
    // One of each: returned late and re-dispatched, transferred late, extended in time, refused, misrouted.
    const QString a = dispatchedToCg(tw);
    const QString b = dispatchedToCg(tw);
    const QString c = dispatchedToCg(tw);
    const QString d = dispatchedToCg(tw);
    tw.setNow(u"2025-03-03T11:00:00+08:00"_s);
    const QString e = dispatchedToCg(tw, u"2025-03-03T11:00:00+08:00"_s);
    tw.setNow(u"2025-03-03T14:30:00+08:00"_s);
    QVERIFY2(s.returnTicket(kCg, e, u"应由交通局处理"_s, &error), qPrintable(error));
    tw.setNow(u"2025-03-07T16:00:00+08:00"_s);
    QVERIFY(s.requestExtension(kCg, c, 2, u"需要协调"_s, &error));
    QVERIFY(s.requestExtension(kCg, d, 2, u"需要协调"_s, &error));
    tw.setNow(u"2025-03-10T11:00:00+08:00"_s);
    QVERIFY(s.returnTicket(kCg, a, u"不属本单位职责"_s, &error));
    QVERIFY(s.transfer(kDispatcher, b, u"JT"_s, u"交通设施"_s, &error));
    QVERIFY(s.decideExtension(kDispatcher, c, true, QString(), &error));
    QVERIFY(s.decideExtension(kDispatcher, d, false, u"理由不足"_s, &error));
    tw.setNow(u"2025-03-10T14:00:00+08:00"_s);
    QVERIFY(s.dispatch(kDispatcher, a, u"JT"_s, &error));
    QVERIFY(s.reply(kJt, a, u"已处理"_s, &error));
    QVERIFY(s.reply(kCg, c, u"已处理"_s, &error));
    QVERIFY(callbackAndClose(tw, a, &error));

    const QStringList live = dump(tw.ws->database());
    QCOMPARE(count(tw.ws->database(), u"dispatches"_s), 7);
    QVERIFY2(tw.ws->events().rebuildProjection(&error), qPrintable(error));
    QCOMPARE(dump(tw.ws->database()), live);
    // And the clocks read back after a rebuild are the ones a live fold keeps (the next action builds on them).
    QCOMPARE(clocks(tw.ws->database(), a),
             (QStringList{u"CG returned - "_s + kBreachS + u" 0"_s, u"JT replied 1 - 0"_s}));
}

void TestBreach::upgradeRefoldsALaunderedHistory()
{
    // A database as version 10 of the program left it: schema 1-10, an event log with the two launderings the
    // old rules allowed (an extension asked for and approved after the deadline; a return after the deadline
    // and a re-dispatch), and the old projection that counted both tickets on time.
    QTemporaryDir dir;
    const QString path = dir.filePath(u"v10.db"_s);
    const QString launderedByExtension = newUuid();
    const QString launderedByReturn = newUuid();
    {
        QSqlDatabase raw = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"v10"_s);
        raw.setDatabaseName(path);
        QVERIFY(raw.open());
        QSqlQuery q(raw);
        QStringList files = QDir(u":/sql"_s).entryList({u"*.sql"_s}, QDir::Files, QDir::Name);
        QVERIFY(files.size() >= 11);
        files = files.mid(0, 10);
        QVERIFY(files.last().startsWith(u"010_"_s));
        for (const QString &name : std::as_const(files)) {
            QFile f(u":/sql/"_s + name);
            QVERIFY(f.open(QIODevice::ReadOnly));
            QString current;
            for (const QString &line : QString::fromUtf8(f.readAll()).split(u'\n')) {
                if (line.trimmed().startsWith(u"--"_s))
                    continue;
                current += line + u'\n';
                const QString t = line.trimmed();
                const bool trigger = current.contains(u"CREATE TRIGGER"_s);
                if ((trigger && t.endsWith(u"END;"_s)) || (!trigger && t.endsWith(u';'))) {
                    QVERIFY2(q.exec(current), qPrintable(name + u": "_s + q.lastError().text()));
                    current.clear();
                }
            }
        }
        QVERIFY(q.exec(u"INSERT INTO departments(code, name) VALUES('CG', '区城管局'), ('JT', '区交通局')"_s));

        const qint64 deadline = secs(kDeadline);
        const auto ev = [](const QString &ticket, EventType type, const QString &at, QJsonObject payload = {}) {
            return TicketEvent::make(ticket, type, ms(at), u"old"_s, u"01"_s, std::move(payload));
        };
        const QList<TicketEvent> events{
            ev(launderedByExtension, EventType::Registered, u"2025-03-03T09:00:00+08:00"_s,
               {{Key::Number, u"250303-01-0001"_s}, {Key::Type, u"complaint"_s}, {Key::SlaClass, u"handling"_s}}),
            ev(launderedByExtension, EventType::Dispatched, kDispatch, {{Key::Department, u"CG"_s}, {Key::Deadline, deadline}}),
            ev(launderedByExtension, EventType::ExtensionRequested, u"2025-03-11T09:00:00+08:00"_s, {{Key::Days, 5}}),
            ev(launderedByExtension, EventType::ExtensionApproved, u"2025-03-11T10:00:00+08:00"_s,
               {{Key::Days, 5}, {Key::Deadline, secs(u"2025-03-17T10:00:00+08:00"_s)}}),
            ev(launderedByExtension, EventType::Replied, u"2025-03-12T10:00:00+08:00"_s, {{Key::Text, u"done"_s}}),
            ev(launderedByExtension, EventType::Closed, u"2025-03-12T15:00:00+08:00"_s),
            ev(launderedByReturn, EventType::Registered, u"2025-03-03T09:00:00+08:00"_s,
               {{Key::Number, u"250303-01-0002"_s}, {Key::Type, u"complaint"_s}, {Key::SlaClass, u"handling"_s}}),
            ev(launderedByReturn, EventType::Dispatched, kDispatch, {{Key::Department, u"CG"_s}, {Key::Deadline, deadline}}),
            ev(launderedByReturn, EventType::Returned, u"2025-03-11T09:00:00+08:00"_s, {{Key::Reason, u"x"_s}}),
            ev(launderedByReturn, EventType::Dispatched, u"2025-03-11T10:00:00+08:00"_s,
               {{Key::Department, u"JT"_s}, {Key::Deadline, secs(u"2025-03-18T10:00:00+08:00"_s)}}),
            ev(launderedByReturn, EventType::Replied, u"2025-03-12T10:00:00+08:00"_s, {{Key::Text, u"done"_s}}),
            ev(launderedByReturn, EventType::Closed, u"2025-03-12T15:00:00+08:00"_s),
        };
        QByteArray head;
        q.prepare(u"INSERT INTO events(id, ticket_id, type, at_ms, actor, console, payload, hash) VALUES(?,?,?,?,?,?,?,?)"_s);
        for (const TicketEvent &e : events) {
            head = EventStore::chainHash(head, e, e.payloadJson());
            for (const QVariant &v : QVariantList{e.id, e.ticketId, toCode(e.type), e.atMs, e.actor, e.console,
                                                  QString::fromUtf8(e.payloadJson()), QString::fromLatin1(head)})
                q.addBindValue(v);
            QVERIFY2(q.exec(), qPrintable(q.lastError().text()));
        }
        // The old projection's verdict: both on time.
        const QString oldRow = u"INSERT INTO tickets(id, number, channel, type, sla_class, state, registered_ms, replied_ms, "
                               "reply_on_time, closed_ms, on_time, last_seq) VALUES('%1', '%2', 'phone', 'complaint', "
                               "'handling', 'closed', 0, 1, 1, 1, 1, 6)"_s;
        QVERIFY(q.exec(oldRow.arg(launderedByExtension, u"250303-01-0001"_s)));
        QVERIFY(q.exec(oldRow.arg(launderedByReturn, u"250303-01-0002"_s)));
        QVERIFY(q.exec(u"PRAGMA user_version = 10"_s));
        q.finish();
        raw.close();
    }
    QSqlDatabase::removeDatabase(u"v10"_s);

    // Opening migrates to the current schema and refolds once, inside the migration flow.
    QString error;
    auto db = Database::open(path, &error);
    QVERIFY2(db, qPrintable(error));
    QVERIFY(db->schemaVersion() >= 11);
    QVERIFY(db->meta(u"projection.refold_needed"_s).isEmpty());
    QStringList refolded;
    { // the store reads through db, which is reopened below
        EventStore store(*db);
        const Ticket x = store.ticket(launderedByExtension);
        QVERIFY(x.breached);
        QCOMPARE(x.onTime, std::optional<bool>(false));
        QCOMPARE(x.extensionDays, 0);
        QCOMPARE(clocks(*db, launderedByExtension), QStringList{u"CG replied 0 "_s + kBreachS + u" 0"_s});
        const Ticket y = store.ticket(launderedByReturn);
        QVERIFY(y.breached);
        QCOMPARE(y.onTime, std::optional<bool>(false));
        QCOMPARE(clocks(*db, launderedByReturn), (QStringList{u"CG returned - "_s + kBreachS + u" 0"_s, u"JT replied 1 - 0"_s}));
        QVERIFY(store.verify().ok); // the log itself is untouched
        refolded = dump(*db);
    }

    // Opening again keeps it, and a rebuild agrees with the upgrade's refold.
    db.reset();
    db = Database::open(path, &error);
    QVERIFY2(db, qPrintable(error));
    QCOMPARE(dump(*db), refolded);
    EventStore again(*db);
    QVERIFY2(again.rebuildProjection(&error), qPrintable(error));
    QCOMPARE(dump(*db), refolded);
}

QTEST_GUILESS_MAIN(TestBreach)
#include "tst_breach.moc"
