// Tamper evidence of the local event log: ChainVerifier names the first event that was altered, removed,
// reordered, forged or cut off, and hotlinectl verify reports it with a non-zero exit code.
#include "TestSupport.h"
#include "TestWorkspace.h"

#include "auth/Actor.h"
#include "service/TicketService.h"
#include "storage/ChainVerifier.h"
#include "storage/Database.h"
#include "storage/EventStore.h"

#include <QElapsedTimer>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace hotline;
using namespace hotline::test;

namespace {

const Actor kTaker{u"alice"_s, Role::CallTaker, QString(), u"01"_s};
const Actor kDispatcher{u"bob"_s, Role::Dispatcher, QString(), u"01"_s};

NewTicket complaint(int i)
{
    NewTicket t;
    t.channel = Channel::Phone;
    t.type = TicketType::Complaint;
    t.callerName = u"陈先生"_s;
    t.callerPhone = u"138 0013 8000"_s;
    t.summary = u"井盖缺失 %1"_s.arg(i);
    return t;
}

/** Five tickets, each registered and dispatched: events seq 1..10, odd = registration, even = dispatch. */
bool fill(TestWorkspace &tw)
{
    tw.addDepartment(u"CG"_s, u"区城管局"_s);
    QString error;
    for (int i = 0; i < 5; ++i) {
        const QString id = tw.ws->tickets().registerTicket(kTaker, complaint(i), &error);
        if (id.isEmpty() || !tw.ws->tickets().dispatch(kDispatcher, id, u"CG"_s, &error))
            return false;
    }
    return true;
}

/** Runs statements on the workspace's own connection, as somebody with the file and sqlite3 would. */
bool tamper(TestWorkspace &tw, const QStringList &statements)
{
    QSqlQuery q(tw.ws->database().sql());
    for (const QString &sql : statements) {
        if (!q.exec(sql)) {
            qWarning() << sql << q.lastError().text();
            return false;
        }
    }
    return true;
}

QString idAt(TestWorkspace &tw, qint64 seq)
{
    QSqlQuery q(tw.ws->database().sql());
    q.prepare(u"SELECT id FROM events WHERE seq = ?"_s);
    q.addBindValue(seq);
    return q.exec() && q.next() ? q.value(0).toString() : QString();
}

QString numberOfEventAt(TestWorkspace &tw, qint64 seq)
{
    QSqlQuery q(tw.ws->database().sql());
    q.prepare(u"SELECT t.number FROM events e JOIN tickets t ON t.id = e.ticket_id WHERE e.seq = ?"_s);
    q.addBindValue(seq);
    return q.exec() && q.next() ? q.value(0).toString() : QString();
}

const QStringList kDropGuards{u"DROP TRIGGER events_no_update"_s, u"DROP TRIGGER events_no_delete"_s};

} // namespace

class TestVerify : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cleanLogIsIntact()
    {
        TestWorkspace tw;
        QVERIFY(fill(tw));
        const ChainFinding f = ChainVerifier::verify(tw.ws->database());
        QVERIFY2(f.ok(), qPrintable(f.describe(u"seq"_s) + f.error));
        QCOMPARE(f.checked, 10);
        QVERIFY(tw.ws->events().verify().ok);
        // The link computed from raw columns is EventStore's own.
        TicketEvent e;
        e.id = u"e1"_s;
        e.ticketId = u"t1"_s;
        e.type = EventType::Registered;
        e.atMs = 42;
        e.actor = u"张三"_s;
        e.console = u"01"_s;
        QCOMPARE(ChainVerifier::link("p", "e1", "t1", "registered", 42, u"张三"_s.toUtf8(), "01", "{}"),
                 EventStore::chainHash("p", e, "{}"));
    }

    void alteredPayloadIsNamed()
    {
        TestWorkspace tw;
        QVERIFY(fill(tw));
        QVERIFY(tamper(tw, {u"DROP TRIGGER events_no_update"_s,
                            u"UPDATE events SET payload = replace(payload, '井盖', '路灯') WHERE seq = 3"_s}));
        const ChainFinding f = ChainVerifier::verify(tw.ws->database());
        QCOMPARE(f.problem, ChainProblem::Altered);
        QCOMPARE(f.seq, 3);
        QCOMPARE(f.eventId, idAt(tw, 3));
        QCOMPARE(f.ticketNumber, numberOfEventAt(tw, 3));
        QVERIFY(!f.ticketNumber.isEmpty());
        QCOMPARE(f.type, u"registered"_s);
        QCOMPARE(f.checked, 2);
        const VerifyReport r = tw.ws->events().verify();
        QVERIFY(!r.ok);
        QCOMPARE(r.firstBadSeq, 3);
    }

    void alteredFieldIsNamed()
    {
        TestWorkspace tw;
        QVERIFY(fill(tw));
        QVERIFY(tamper(tw, {u"DROP TRIGGER events_no_update"_s, u"UPDATE events SET actor = 'mallory' WHERE seq = 6"_s}));
        const ChainFinding f = ChainVerifier::verify(tw.ws->database());
        QCOMPARE(f.problem, ChainProblem::Altered);
        QCOMPARE(f.seq, 6);
        QCOMPARE(f.eventId, idAt(tw, 6));
    }

    void deletedEventIsNamedRemoved()
    {
        TestWorkspace tw;
        QVERIFY(fill(tw));
        const QString after = idAt(tw, 5);
        QVERIFY(tamper(tw, kDropGuards + QStringList{u"DELETE FROM events WHERE seq = 4"_s}));
        const ChainFinding f = ChainVerifier::verify(tw.ws->database());
        QCOMPARE(f.problem, ChainProblem::Removed);
        QCOMPARE(f.seq, 5);
        QCOMPARE(f.eventId, after);
        QCOMPARE(f.otherSeq, 3);
        QCOMPARE(f.checked, 3);
        QVERIFY2(f.describe(u"seq"_s).contains(u"from seq 3 to 5"_s), qPrintable(f.describe(u"seq"_s)));
    }

    void severalDeletedEventsAreNamedRemoved()
    {
        TestWorkspace tw;
        QVERIFY(fill(tw));
        const QString after = idAt(tw, 8);
        QVERIFY(tamper(tw, kDropGuards + QStringList{u"DELETE FROM events WHERE seq BETWEEN 3 AND 7"_s}));
        const ChainFinding f = ChainVerifier::verify(tw.ws->database());
        QCOMPARE(f.problem, ChainProblem::Removed);
        QCOMPARE(f.seq, 8);
        QCOMPARE(f.eventId, after);
        QCOMPARE(f.otherSeq, 2);
    }

    void swappedEventsAreNamedReordered()
    {
        TestWorkspace tw;
        QVERIFY(fill(tw));
        const QString fifth = idAt(tw, 5);
        // seq is not guarded by the triggers: whole rows (hash included) change places.
        QVERIFY(tamper(tw, {u"UPDATE events SET seq = -1 WHERE seq = 3"_s, u"UPDATE events SET seq = 3 WHERE seq = 5"_s,
                            u"UPDATE events SET seq = 5 WHERE seq = -1"_s}));
        const ChainFinding f = ChainVerifier::verify(tw.ws->database());
        QCOMPARE(f.problem, ChainProblem::Reordered);
        QCOMPARE(f.seq, 3);
        QCOMPARE(f.eventId, fifth);
        QCOMPARE(f.otherSeq, 4); // its link follows the event at seq 4, which is still there
        QCOMPARE(f.checked, 2);
    }

    void forgedEventIsNamed()
    {
        TestWorkspace tw;
        QVERIFY(fill(tw));
        QVERIFY(tamper(tw, {u"INSERT INTO events(id, ticket_id, type, at_ms, actor, console, payload, hash) "
                            u"SELECT 'forged', ticket_id, 'closed', at_ms + 1, 'mallory', console, '{}', "
                            u"'00000000000000000000000000000000' FROM events WHERE seq = 10"_s}));
        const ChainFinding f = ChainVerifier::verify(tw.ws->database());
        QCOMPARE(f.problem, ChainProblem::Altered);
        QCOMPARE(f.seq, 11);
        QCOMPARE(f.eventId, u"forged"_s);
        QCOMPARE(f.checked, 10);
    }

    void truncatedTailIsNamed()
    {
        TestWorkspace tw;
        QVERIFY(fill(tw));
        const QString last = idAt(tw, 7);
        QVERIFY(tamper(tw, kDropGuards + QStringList{u"DELETE FROM events WHERE seq > 7"_s}));
        const ChainFinding f = ChainVerifier::verify(tw.ws->database());
        QCOMPARE(f.problem, ChainProblem::Truncated);
        QCOMPARE(f.eventId, last); // the last event still there
        QCOMPARE(f.seq, 7);
        QCOMPARE(f.checked, 7);
        QVERIFY2(f.detail.contains(u"seq 10"_s), qPrintable(f.detail));

        // Everything gone.
        QVERIFY(tamper(tw, {u"DELETE FROM events"_s}));
        const ChainFinding empty = ChainVerifier::verify(tw.ws->database());
        QCOMPARE(empty.problem, ChainProblem::Truncated);
        QVERIFY(empty.eventId.isEmpty());
    }

    void ignoredDuplicatesLeaveHarmlessGaps()
    {
        // An event applied twice is ignored, and SQLite still uses up a seq: a gap with an intact link is fine.
        TestWorkspace tw;
        QVERIFY(fill(tw));
        QSqlQuery q(tw.ws->database().sql());
        QVERIFY(q.exec(u"SELECT id, ticket_id, type, at_ms, actor, console, payload FROM events WHERE seq = 1"_s) && q.next());
        TicketEvent again;
        again.id = q.value(0).toString();
        again.ticketId = q.value(1).toString();
        again.type = EventType::Registered;
        again.atMs = q.value(3).toLongLong();
        again.actor = q.value(4).toString();
        again.console = q.value(5).toString();
        again.payloadText = q.value(6).toString().toUtf8();
        q.finish();
        QString error;
        QVERIFY2(tw.ws->events().append({again}, &error, EventStore::Mode::Tolerant), qPrintable(error));
        const QString id = tw.ws->tickets().registerTicket(kTaker, complaint(9), &error);
        QVERIFY(!id.isEmpty());
        QVERIFY(q.exec(u"SELECT max(seq) FROM events"_s) && q.next());
        QVERIFY(q.value(0).toLongLong() > 11); // a seq was skipped
        const ChainFinding f = ChainVerifier::verify(tw.ws->database());
        QVERIFY2(f.ok(), qPrintable(f.describe(u"seq"_s)));
    }

    void ctlVerifyReportsWithExitCodes()
    {
        TestWorkspace tw;
        QVERIFY(fill(tw));
        CtlResult r = runCtl({u"--db"_s, tw.path(), u"verify"_s});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(r.out.contains("OK: 10 events"));
        const QString after = idAt(tw, 5);
        QVERIFY(tamper(tw, kDropGuards + QStringList{u"DELETE FROM events WHERE seq = 4"_s}));
        r = runCtl({u"--db"_s, tw.path(), u"verify"_s});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("hotlinectl: removed: "), r.err.constData());
        QVERIFY2(r.err.contains(after.toUtf8()), r.err.constData());
        QVERIFY2(r.err.contains(numberOfEventAt(tw, 5).toUtf8()), r.err.constData());
        QCOMPARE(runCtl({u"--db"_s, tw.path(), u"verify"_s, u"extra"_s}).exitCode, 2);
    }

    void largeLogIsFast()
    {
        // HOTLINE_VERIFY_EVENTS=1000000 measures the figure quoted in docs/TAMPER-EVIDENCE.md.
        const qint64 n = qEnvironmentVariableIsSet("HOTLINE_VERIFY_EVENTS")
                             ? qEnvironmentVariableIntValue("HOTLINE_VERIFY_EVENTS")
                             : 100000;
        TestWorkspace tw;
        const QByteArray payload = u"{\"summary\":\"井盖缺失\",\"callerName\":\"陈先生\",\"callerPhone\":\"13800138000\"}"_s.toUtf8();
        {
            WriteTransaction tx(tw.ws->database());
            QVERIFY(tx.isActive());
            QSqlQuery q(tw.ws->database().sql());
            QVERIFY(q.prepare(u"INSERT INTO events(id, ticket_id, type, at_ms, actor, console, payload, hash) "
                              u"VALUES(?,?,?,?,?,?,?,?)"_s));
            QByteArray previous;
            for (qint64 i = 0; i < n; ++i) {
                const QByteArray id = "e" + QByteArray::number(i);
                const QByteArray ticket = "t" + QByteArray::number(i / 4);
                previous = ChainVerifier::link(previous, id, ticket, "urged", 1700000000000 + i, "alice", "01", payload);
                for (const QVariant &v : {QVariant(QString::fromLatin1(id)), QVariant(QString::fromLatin1(ticket)),
                                          QVariant(u"urged"_s), QVariant(1700000000000 + i), QVariant(u"alice"_s),
                                          QVariant(u"01"_s), QVariant(QString::fromUtf8(payload)),
                                          QVariant(QString::fromLatin1(previous))})
                    q.addBindValue(v);
                QVERIFY(q.exec());
            }
            QVERIFY(tx.commit());
        }
        QElapsedTimer timer;
        timer.start();
        ChainFinding f = ChainVerifier::verify(tw.ws->database());
        const qint64 cleanMs = timer.elapsed();
        QVERIFY2(f.ok(), qPrintable(f.describe(u"seq"_s)));
        QCOMPARE(f.checked, n);
        // A change near the end: the walk, then one more pass over the hashes to classify it.
        QVERIFY(tamper(tw, {u"DROP TRIGGER events_no_update"_s,
                            u"UPDATE events SET at_ms = at_ms + 1 WHERE seq = %1"_s.arg(n - 2)}));
        timer.restart();
        f = ChainVerifier::verify(tw.ws->database());
        const qint64 brokenMs = timer.elapsed();
        QCOMPARE(f.problem, ChainProblem::Altered);
        QCOMPARE(f.seq, n - 2);
        qInfo("verify of %lld events: %lld ms intact, %lld ms to classify a change at the end", n, cleanMs, brokenMs);
    }
};

QTEST_GUILESS_MAIN(TestVerify)
#include "tst_verify.moc"
