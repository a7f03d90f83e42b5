// Issue 14: verify also checks the projection. A figure edited with sqlite3 (a ticket's on_time, a dispatch's
// breached_s…) is named with its ticket and column; a row missing or added is named too; rebuild repairs it.
// Every report form carries the log stamp that verify prints, so a paper copy can be matched to its database.
#include "TestSupport.h"
#include "TestWorkspace.h"

#include "auth/Actor.h"
#include "domain/TicketEvent.h"
#include "service/TicketService.h"
#include "storage/ChainVerifier.h"
#include "storage/Database.h"
#include "storage/EventStore.h"
#include "storage/LogStamp.h"
#include "storage/ProjectionVerifier.h"
#include "storage/Settings.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace hotline;
using namespace hotline::test;

namespace {

const Actor kTaker {u"alice"_s, Role::CallTaker, QString(), u"01"_s};
const Actor kDispatcher {u"bob"_s, Role::Dispatcher, QString(), u"01"_s};
const Actor kCg {u"carol"_s, Role::Liaison, u"CG"_s, u"01"_s};
const Actor kJt {u"dave"_s, Role::Liaison, u"JT"_s, u"01"_s};

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

/** The scenario's tickets, by what happened to them (numbers ascend in this order). */
enum Which { Waiting, OnTime, Late, Transferred, Extended, Returned, TicketCount };

struct Scenario
{
    QStringList ids;
    QStringList numbers;
};

/**
 * Six tickets with every kind of projected row: one waiting for dispatch, one replied on time and closed after a
 * callback, one replied after its deadline and closed (on_time 0), one transferred (two dispatch rows), one with
 * an approved extension, one returned to the dispatcher.
 */
bool fill(TestWorkspace &tw, Scenario *s)
{
    tw.addDepartment(u"CG"_s, u"区城管局"_s);
    tw.addDepartment(u"JT"_s, u"区交通局"_s);
    TicketService &t = tw.ws->tickets();
    QString error;
    const auto check = [&](bool ok) {
        if (!ok)
            qWarning() << "scenario:" << error;
        return ok;
    };
    for (int i = 0; i < TicketCount; ++i) {
        const QString id = t.registerTicket(kTaker, complaint(i), &error);
        if (!check(!id.isEmpty()))
            return false;
        s->ids << id;
        s->numbers << tw.ws->events().ticket(id).number;
    }
    const QStringList &id = s->ids;
    for (int i = OnTime; i < TicketCount; ++i) {
        if (!check(t.dispatch(kDispatcher, id[i], i == Extended ? u"JT"_s : u"CG"_s, &error)))
            return false;
    }
    tw.clock.advanceSecs(600);
    if (!check(t.sign(kCg, id[OnTime], &error) && t.reply(kCg, id[OnTime], u"已补装井盖"_s, &error)
               && t.requestExtension(kJt, id[Extended], 3, u"需要协调施工单位"_s, &error)
               && t.decideExtension(kDispatcher, id[Extended], true, QString(), &error)
               && t.transfer(kDispatcher, id[Transferred], u"JT"_s, u"归交通局管"_s, &error)
               && t.returnTicket(kCg, id[Returned], u"不属于本单位职责"_s, &error)))
        return false;
    tw.clock.advanceSecs(3600);
    if (!check(t.callback(kDispatcher, id[OnTime], Satisfaction::Satisfied, QString(), &error)
               && t.close(kDispatcher, id[OnTime], QString(), &error)))
        return false;
    // Weeks later, far past any deadline: the late reply.
    tw.clock.advanceSecs(30 * 86400);
    return check(t.sign(kCg, id[Late], &error) && t.reply(kCg, id[Late], u"已处理"_s, &error)
                 && t.callback(kDispatcher, id[Late], Satisfaction::Unsatisfied, QString(), &error)
                 && t.close(kDispatcher, id[Late], QString(), &error));
}

/** Runs statements on the file as somebody with sqlite3 would (the workspace's own connection). */
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

QVariant scalar(TestWorkspace &tw, const QString &sql)
{
    QSqlQuery q(tw.ws->database().sql());
    return q.exec(sql) && q.next() ? q.value(0) : QVariant();
}

/** A value surely different from the one stored, whatever its type: NULL becomes 7, numbers grow, text grows. */
QString changed(const QString &column)
{
    return u"CASE WHEN %1 IS NULL THEN 7 WHEN typeof(%1) = 'integer' THEN %1 + 1 ELSE %1 || 'x' END"_s.arg(column);
}

} // namespace

class TestVerifyProjection : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cleanDatabaseIsOk()
    {
        TestWorkspace tw;
        Scenario s;
        QVERIFY(fill(tw, &s));
        const ProjectionFinding f = ProjectionVerifier::verify(tw.ws->database());
        QVERIFY2(f.ok(), qPrintable(f.error + (f.first ? f.first->describe() : QString())));
        QCOMPARE(f.tickets, TicketCount);
        QCOMPARE(f.differing, 0);
        QCOMPARE(f.events, scalar(tw, u"SELECT count(*) FROM events"_s).toLongLong());
        QCOMPARE(f.rows, scalar(tw, u"SELECT (SELECT count(*) FROM dispatches) + (SELECT count(*) FROM callbacks)"_s)
                             .toLongLong());
        QVERIFY(f.rows >= 7); // 6 dispatches (one a transfer), 2 callbacks
        QCOMPARE(f.log.events, f.events);
        QCOMPARE(f.log.head, scalar(tw, u"SELECT hash FROM events ORDER BY seq DESC LIMIT 1"_s).toString());
        QCOMPARE(scalar(tw, u"SELECT on_time FROM tickets WHERE id = '%1'"_s.arg(s.ids[Late])).toInt(), 0);
        // The check wrote nothing and left no TEMP copy behind on the workspace's connection.
        QCOMPARE(scalar(tw, u"SELECT count(*) FROM tickets"_s).toInt(), int(TicketCount));
        QCOMPARE(scalar(tw, u"SELECT count(*) FROM sqlite_temp_master"_s).toInt(), 0);
        // An empty database is consistent too.
        TestWorkspace empty;
        const ProjectionFinding none = ProjectionVerifier::verify(empty.ws->database());
        QVERIFY2(none.ok(), qPrintable(none.error));
        QCOMPARE(none.tickets, 0);
        QCOMPARE(none.log.events, 0);
        QVERIFY(none.log.head.isEmpty());
    }

    void tamperedColumnIsNamed_data()
    {
        QTest::addColumn<QString>("table");
        QTest::addColumn<QString>("column");
        QTest::addColumn<int>("which");
        const QList<std::pair<QString, int>> tickets {
            {u"on_time"_s, Late},          {u"reply_on_time"_s, Late},  {u"breached"_s, Late},
            {u"stage_since_ms"_s, Waiting}, {u"clock_id"_s, Transferred}, {u"extension_requested_ms"_s, Extended},
            {u"deadline_s"_s, Extended},    {u"extension_days"_s, Extended}, {u"state"_s, Returned},
            {u"department"_s, Transferred}, {u"summary"_s, OnTime},       {u"closed_ms"_s, OnTime},
            {u"satisfaction"_s, Late},      {u"last_seq"_s, Waiting},
        };
        for (const auto &[column, which] : tickets)
            QTest::addRow("tickets.%s", qPrintable(column)) << u"tickets"_s << column << which;
        const QList<std::pair<QString, int>> dispatches {
            {u"deadline_s"_s, Late}, {u"ended_ms"_s, Transferred}, {u"outcome"_s, Returned}, {u"on_time"_s, Late},
            {u"breached_s"_s, Late}, {u"extensions"_s, Extended},   {u"department"_s, OnTime}, {u"at_ms"_s, OnTime},
        };
        for (const auto &[column, which] : dispatches)
            QTest::addRow("dispatches.%s", qPrintable(column)) << u"dispatches"_s << column << which;
        for (const QString &column : {u"satisfaction"_s, u"at_ms"_s, u"department"_s})
            QTest::addRow("callbacks.%s", qPrintable(column)) << u"callbacks"_s << column << int(Late);
    }

    void tamperedColumnIsNamed()
    {
        QFETCH(QString, table);
        QFETCH(QString, column);
        QFETCH(int, which);
        TestWorkspace tw;
        Scenario s;
        QVERIFY(fill(tw, &s));
        const QString where = table == u"tickets"_s ? u"id = '%1'"_s : u"ticket_id = '%1'"_s;
        QVERIFY(tamper(tw, {u"UPDATE %1 SET %2 = %3 WHERE %4"_s.arg(table, column, changed(column), where.arg(s.ids[which]))}));
        const ProjectionFinding f = ProjectionVerifier::verify(tw.ws->database());
        QVERIFY(f.error.isEmpty());
        QVERIFY2(f.first, qPrintable(column));
        QCOMPARE(f.first->ticketNumber, s.numbers[which]);
        QCOMPARE(f.first->ticketId, s.ids[which]);
        QCOMPARE(f.first->kind, ProjectionDifference::Kind::Value);
        QCOMPARE(f.first->table, table);
        QCOMPARE(f.first->column, column);
        QVERIFY(f.first->stored != f.first->derived);
        QCOMPARE(f.differing, 1);
        QCOMPARE(f.tickets, TicketCount);
        const QString said = f.first->describe();
        QVERIFY2(said.contains(s.numbers[which]) && said.contains(column), qPrintable(said));
        if (table != u"tickets"_s)
            QVERIFY2(said.contains(f.first->key) && !f.first->key.isEmpty(), qPrintable(said));
    }

    void onTimeEditedToOneShowsBothValues()
    {
        TestWorkspace tw;
        Scenario s;
        QVERIFY(fill(tw, &s));
        QVERIFY(tamper(tw, {u"UPDATE tickets SET on_time = 1 WHERE number = '%1'"_s.arg(s.numbers[Late])}));
        const ProjectionFinding f = ProjectionVerifier::verify(tw.ws->database());
        QVERIFY(f.first);
        QCOMPARE(f.first->stored, u"1"_s);
        QCOMPARE(f.first->derived, u"0"_s);
        QVERIFY2(f.first->describe().contains(u"tickets.on_time is 1 in the database, the events give 0"_s),
                 qPrintable(f.first->describe()));
    }

    void firstTicketByNumberAndCounts()
    {
        TestWorkspace tw;
        Scenario s;
        QVERIFY(fill(tw, &s));
        // The later ticket's dispatch and the earlier ticket's row: the earlier number is named, both are counted.
        QVERIFY(tamper(tw, {u"UPDATE dispatches SET breached_s = 1 WHERE ticket_id = '%1'"_s.arg(s.ids[Returned]),
                            u"UPDATE tickets SET urged = 5 WHERE id = '%1'"_s.arg(s.ids[OnTime]),
                            u"UPDATE tickets SET summary = 'x', urged = 3 WHERE id = '%1'"_s.arg(s.ids[Late])}));
        const ProjectionFinding f = ProjectionVerifier::verify(tw.ws->database());
        QVERIFY(f.first);
        QCOMPARE(f.first->ticketNumber, s.numbers[OnTime]);
        QCOMPARE(f.first->column, u"urged"_s);
        QCOMPARE(f.differing, 3);
    }

    void missingAndExtraRowsAreDifferences_data()
    {
        QTest::addColumn<QString>("statement");
        QTest::addColumn<int>("which");
        QTest::addColumn<QString>("table");
        QTest::addColumn<int>("kind");
        QTest::newRow("ticket row deleted") << u"DELETE FROM tickets WHERE id = '%1'"_s << int(Late) << u"tickets"_s
                                            << int(ProjectionDifference::Kind::Missing);
        QTest::newRow("dispatch row deleted")
            << u"DELETE FROM dispatches WHERE ticket_id = '%1' AND at_ms = (SELECT max(at_ms) FROM dispatches WHERE "
               "ticket_id = '%1')"_s
            << int(Transferred) << u"dispatches"_s << int(ProjectionDifference::Kind::Missing);
        QTest::newRow("callback row deleted") << u"DELETE FROM callbacks WHERE ticket_id = '%1'"_s << int(OnTime)
                                              << u"callbacks"_s << int(ProjectionDifference::Kind::Missing);
        QTest::newRow("dispatch row added")
            << u"INSERT INTO dispatches(event_id, ticket_id, department, at_ms) VALUES('forged', '%1', 'CG', 1)"_s
            << int(Waiting) << u"dispatches"_s << int(ProjectionDifference::Kind::Extra);
        QTest::newRow("callback row added")
            << u"INSERT INTO callbacks(event_id, ticket_id, at_ms, satisfaction, department) "
               "VALUES('forged', '%1', 1, 'satisfied', 'CG')"_s
            << int(Returned) << u"callbacks"_s << int(ProjectionDifference::Kind::Extra);
    }

    void missingAndExtraRowsAreDifferences()
    {
        QFETCH(QString, statement);
        QFETCH(int, which);
        QFETCH(QString, table);
        QFETCH(int, kind);
        TestWorkspace tw;
        Scenario s;
        QVERIFY(fill(tw, &s));
        QVERIFY(tamper(tw, {statement.arg(s.ids[which])}));
        const ProjectionFinding f = ProjectionVerifier::verify(tw.ws->database());
        QVERIFY2(f.error.isEmpty(), qPrintable(f.error));
        QVERIFY(f.first);
        QCOMPARE(f.first->ticketNumber, s.numbers[which]);
        QCOMPARE(f.first->table, table);
        QCOMPARE(int(f.first->kind), kind);
        QCOMPARE(f.differing, 1);
    }

    void rowsWithoutEventsAreDifferences()
    {
        TestWorkspace tw;
        Scenario s;
        QVERIFY(fill(tw, &s));
        // A ticket row nobody registered (a copy of a real one under a new id and an earlier number), and a
        // dispatch of a ticket that does not exist at all.
        QVERIFY(tamper(tw, {u"CREATE TEMP TABLE copy AS SELECT * FROM tickets WHERE id = '%1'"_s.arg(s.ids[OnTime]),
                            u"UPDATE copy SET id = 'ghost', number = '000000-00-0001'"_s,
                            u"INSERT INTO main.tickets SELECT * FROM copy"_s, u"DROP TABLE copy"_s,
                            u"INSERT INTO dispatches(event_id, ticket_id, department, at_ms) VALUES('e', 'nobody', 'CG', 1)"_s}));
        const ProjectionFinding f = ProjectionVerifier::verify(tw.ws->database());
        QVERIFY2(f.error.isEmpty(), qPrintable(f.error));
        QVERIFY(f.first);
        QCOMPARE(f.first->ticketNumber, u"000000-00-0001"_s);
        QCOMPARE(f.first->kind, ProjectionDifference::Kind::Extra);
        QCOMPARE(f.first->table, u"tickets"_s);
        QCOMPARE(f.differing, 2);
        QCOMPARE(f.tickets, TicketCount); // the ghost is not a ticket the events give
    }

    void extraChecksRunInTheSameSnapshot()
    {
        TestWorkspace tw;
        Scenario s;
        QVERIFY(fill(tw, &s));
        qint64 seen = -1;
        const ProjectionCheck reference {u"reference rows"_s, [&](Database &db, ProjectionFinding &f, QString *) {
                                             QSqlQuery q(db.sql());
                                             seen = q.exec(u"SELECT count(*) FROM departments"_s) && q.next()
                                                 ? q.value(0).toLongLong()
                                                 : -1;
                                             f.rows += seen;
                                             ProjectionDifference d;
                                             d.table = u"departments"_s;
                                             d.key = u"JT"_s;
                                             d.column = u"name"_s;
                                             d.stored = u"'x'"_s;
                                             d.derived = u"'区交通局'"_s;
                                             f.note(d);
                                             return true;
                                         }};
        ProjectionFinding f = ProjectionVerifier::verify(tw.ws->database(), {reference});
        QCOMPARE(seen, 2);
        QVERIFY(f.first);
        QCOMPARE(f.first->table, u"departments"_s);
        QVERIFY2(f.first->describe().contains(u"departments row JT"_s), qPrintable(f.first->describe()));
        // A ticket difference comes first; a check that cannot read makes the whole check fail.
        QVERIFY(tamper(tw, {u"UPDATE tickets SET urged = 9 WHERE id = '%1'"_s.arg(s.ids[Waiting])}));
        f = ProjectionVerifier::verify(tw.ws->database(), {reference});
        QCOMPARE(f.first->ticketNumber, s.numbers[Waiting]);
        QCOMPARE(f.differing, 2);
        const ProjectionCheck broken {u"broken"_s, [](Database &, ProjectionFinding &, QString *error) {
                                          *error = u"cannot read"_s;
                                          return false;
                                      }};
        f = ProjectionVerifier::verify(tw.ws->database(), {broken});
        QVERIFY(!f.ok());
        QVERIFY(!f.first);
        QCOMPARE(f.error, u"broken: cannot read"_s);
    }

    void ctlVerifyNamesTheTicketAndRebuildRepairs()
    {
        TestWorkspace tw;
        Scenario s;
        QVERIFY(fill(tw, &s));
        CtlResult r = runCtl({u"--db"_s, tw.path(), u"verify"_s});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(r.out.contains("hash chain intact") && r.out.contains("OK: the projection of 6 tickets"),
                 r.out.constData());
        // What the issue tried: the late ticket made on time with sqlite3.
        QVERIFY(tamper(tw, {u"UPDATE tickets SET on_time = 1 WHERE number = '%1'"_s.arg(s.numbers[Late])}));
        r = runCtl({u"--db"_s, tw.path(), u"verify"_s});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.startsWith(QByteArray("hotlinectl: projection: ticket " + s.numbers[Late].toUtf8())), r.err.constData());
        QVERIFY2(r.err.contains("tickets.on_time is 1 in the database, the events give 0"), r.err.constData());
        QVERIFY2(r.err.contains("hotlinectl rebuild"), r.err.constData());
        // The chain is intact; the stamp goes with the finding (stdout is not written when a command fails).
        QVERIFY2(r.err.trimmed().endsWith(LogStamp::read(tw.ws->database())->text().toUtf8()), r.err.constData());
        // A department's own figure: the late dispatch's breach wiped.
        QVERIFY(tamper(tw, {u"UPDATE tickets SET on_time = 0 WHERE number = '%1'"_s.arg(s.numbers[Late]),
                            u"UPDATE dispatches SET breached_s = NULL, on_time = 1 WHERE ticket_id = '%1'"_s.arg(s.ids[Late])}));
        r = runCtl({u"--db"_s, tw.path(), u"verify"_s});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QByteArray("ticket " + s.numbers[Late].toUtf8() + ": dispatches row of event")), r.err.constData());
        r = runCtl({u"--db"_s, tw.path(), u"rebuild"_s});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        r = runCtl({u"--db"_s, tw.path(), u"verify"_s});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(scalar(tw, u"SELECT on_time FROM tickets WHERE id = '%1'"_s.arg(s.ids[Late])).toInt(), 0);
    }

    void ctlVerifyNamesAReferenceRowChangedBehindTheLog()
    {
        // The reference check (ReferenceVerifier) runs with the projection: a setting changed with sqlite3 after
        // its recorded change is named like a ticket, and setting it again through the program clears it.
        TestWorkspace tw;
        Scenario s;
        QVERIFY(fill(tw, &s));
        const Actor admin{u"admin"_s, Role::Administrator, QString(), u"01"_s};
        QString error;
        QVERIFY2(tw.ws->settings().set(admin, u"sla.handling_days"_s, u"6"_s, &error), qPrintable(error));
        CtlResult r = runCtl({u"--db"_s, tw.path(), u"verify"_s});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(tamper(tw, {u"UPDATE settings SET value = '60' WHERE key = 'sla.handling_days'"_s}));
        r = runCtl({u"--db"_s, tw.path(), u"verify"_s});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("sla.handling_days"), r.err.constData());
        QVERIFY2(r.err.contains("60") && r.err.contains("6"), r.err.constData());
        QVERIFY2(tw.ws->settings().set(admin, u"sla.handling_days"_s, u"5"_s, &error), qPrintable(error));
        r = runCtl({u"--db"_s, tw.path(), u"verify"_s});
        QVERIFY2(r.exitCode == 0, r.err.constData());
    }

    void stampIsTheSameInVerifyAndEveryReportForm()
    {
        TestWorkspace tw;
        Scenario s;
        QVERIFY(fill(tw, &s));
        const std::optional<LogStamp> stamp = LogStamp::read(tw.ws->database());
        QVERIFY(stamp);
        QCOMPARE(stamp->events, scalar(tw, u"SELECT count(*) FROM events"_s).toLongLong());
        QVERIFY(stamp->head.size() == 64);
        const QString line = stamp->text();
        QVERIFY2(line.contains(stamp->head) && line.contains(QString::number(stamp->events)), qPrintable(line));

        const CtlResult verify = runCtl({u"--db"_s, tw.path(), u"verify"_s});
        QVERIFY2(verify.exitCode == 0, verify.err.constData());
        QCOMPARE(QString::fromUtf8(verify.out).trimmed().split(u'\n').last(), line);

        const QStringList period {u"--from"_s, u"2025-03-01"_s, u"--to"_s, u"2025-05-01"_s};
        const CtlResult text = runCtl(QStringList {u"--db"_s, tw.path(), u"report"_s} + period);
        QVERIFY2(text.exitCode == 0, text.err.constData());
        QCOMPARE(QString::fromUtf8(text.out).trimmed().split(u'\n').last(), line);

        const CtlResult csv = runCtl(QStringList {u"--db"_s, tw.path(), u"report"_s, u"--format"_s, u"csv"_s} + period);
        QVERIFY2(csv.exitCode == 0, csv.err.constData());
        const QStringList rows = QString::fromUtf8(csv.out).split(u"\r\n"_s);
        QVERIFY(rows.size() > 3);
        QCOMPARE(rows.last(), QString());
        QCOMPARE(rows[rows.size() - 3], QString());
        QCOMPARE(rows[rows.size() - 2], stamp->csvCells().join(u','));

        const CtlResult json = runCtl(QStringList {u"--db"_s, tw.path(), u"report"_s, u"--format"_s, u"json"_s} + period);
        QVERIFY2(json.exitCode == 0, json.err.constData());
        QJsonParseError error;
        const QJsonObject log = QJsonDocument::fromJson(json.out, &error).object().value(u"log"_s).toObject();
        QVERIFY2(error.error == QJsonParseError::NoError, json.out.constData());
        QCOMPARE(log.value(u"head"_s).toString(), stamp->head);
        QCOMPARE(log.value(u"events"_s).toInteger(), stamp->events);

        const QString pdf = tw.dir.filePath(u"report.pdf"_s);
        const CtlResult printed
            = runCtl(QStringList {u"--db"_s, tw.path(), u"report"_s, u"--format"_s, u"pdf"_s, u"-o"_s, pdf} + period);
        QVERIFY2(printed.exitCode == 0, printed.err.constData());
        const QString pdftotext = QStandardPaths::findExecutable(u"pdftotext"_s);
        QVERIFY2(!pdftotext.isEmpty(), "pdftotext not found: install poppler-utils (tools/install-deps.sh)");
        QProcess p;
        p.start(pdftotext, {u"-layout"_s, pdf, u"-"_s});
        QVERIFY(p.waitForFinished(60000) && p.exitCode() == 0);
        // Pages end with a form feed; every page's footer carries the stamp.
        const QStringList pages = QString::fromUtf8(p.readAllStandardOutput()).split(u'\f', Qt::SkipEmptyParts);
        QVERIFY(!pages.isEmpty());
        int withStamp = 0;
        for (const QString &page : pages) {
            if (page.trimmed().isEmpty())
                continue;
            QVERIFY2(page.contains(line), qPrintable(page.right(400)));
            ++withStamp;
        }
        QVERIFY(withStamp >= 1);

        // One more event: every form moves on with the log.
        QString why;
        QVERIFY2(!tw.ws->tickets().registerTicket(kTaker, complaint(99), &why).isEmpty(), qPrintable(why));
        const std::optional<LogStamp> after = LogStamp::read(tw.ws->database());
        QCOMPARE(after->events, stamp->events + 1);
        QVERIFY(after->head != stamp->head);
        const CtlResult again = runCtl(QStringList {u"--db"_s, tw.path(), u"report"_s} + period);
        QCOMPARE(QString::fromUtf8(again.out).trimmed().split(u'\n').last(), after->text());
    }

    void largeDatabaseOneTicketAtATime()
    {
        // HOTLINE_VERIFY_TICKETS=1000000 makes the database quoted in docs/TAMPER-EVIDENCE.md (five events a
        // ticket, one ticket in ten late); run with /usr/bin/time -v for the memory.
        const qint64 n = qEnvironmentVariableIsSet("HOTLINE_VERIFY_TICKETS")
                             ? qEnvironmentVariableIntValue("HOTLINE_VERIFY_TICKETS")
                             : 3000;
        TestWorkspace tw;
        tw.addDepartment(u"CG"_s, u"区城管局"_s);
        const qint64 start = ms(u"2025-03-03T09:00:00+08:00"_s);
        QElapsedTimer timer;
        timer.start();
        QList<TicketEvent> events;
        const auto flush = [&]() {
            QString error;
            WriteTransaction tx(tw.ws->database());
            const bool ok = tx.isActive() && tw.ws->events().appendNewTickets(events, &error) && tx.commit();
            events.clear();
            if (!ok)
                qWarning() << error;
            return ok;
        };
        for (qint64 i = 0; i < n; ++i) {
            const QString id = newUuid();
            const qint64 at = start + i * 60000;
            const auto add = [&](EventType type, qint64 atMs, QJsonObject payload = {}) {
                events.append(TicketEvent::make(id, type, atMs, u"tester"_s, u"01"_s, std::move(payload)));
            };
            add(EventType::Registered, at,
                {{Key::Number, u"T%1"_s.arg(i, 8, 10, QChar(u'0'))}, {Key::Channel, u"phone"_s},
                 {Key::Type, u"complaint"_s}, {Key::SlaClass, u"handling"_s}, {Key::Summary, u"井盖缺失"_s}});
            add(EventType::Dispatched, at + 60000,
                {{Key::Department, u"CG"_s}, {Key::Deadline, (at + (i % 10 ? 86400000 : 120000)) / 1000}});
            add(EventType::Replied, at + 3600000);
            add(EventType::Callback, at + 7200000, {{Key::Satisfaction, i % 3 ? u"satisfied"_s : u"basic"_s}});
            add(EventType::Closed, at + 7300000);
            if (events.size() >= 50000)
                QVERIFY(flush());
        }
        QVERIFY(events.isEmpty() || flush());
        const qint64 fillMs = timer.restart();
        QVERIFY(ChainVerifier::verify(tw.ws->database()).ok());
        const qint64 chainMs = timer.restart();
        ProjectionFinding f = ProjectionVerifier::verify(tw.ws->database());
        const qint64 cleanMs = timer.restart();
        if (const QString keep = qEnvironmentVariable("HOTLINE_VERIFY_KEEP"); !keep.isEmpty()) {
            // For measuring `hotlinectl verify` on it (time and memory of the whole process).
            QVERIFY(tamper(tw, {u"PRAGMA wal_checkpoint(TRUNCATE)"_s}));
            QFile::remove(keep);
            QVERIFY(QFile::copy(tw.path(), keep));
        }
        QVERIFY2(f.ok(), qPrintable(f.error + (f.first ? f.first->describe() : QString())));
        QCOMPARE(f.tickets, n);
        QCOMPARE(f.events, 5 * n);
        // One figure changed near the end of the numbers, one at the start: the lower number is named.
        QVERIFY(tamper(tw, {u"UPDATE tickets SET on_time = 1 - on_time WHERE number IN ('T%1', 'T00000010')"_s.arg(n - 10, 8, 10,
                                                                                                          QChar(u'0'))}));
        timer.restart();
        f = ProjectionVerifier::verify(tw.ws->database());
        const qint64 brokenMs = timer.elapsed();
        QVERIFY(f.first);
        QCOMPARE(f.first->ticketNumber, u"T00000010"_s);
        QCOMPARE(f.differing, 2);
        qInfo("%lld tickets, %lld events (made in %lld ms): chain verified in %lld ms, projection in %lld ms, %lld ms "
              "with two differences",
              n, f.events, fillMs, chainMs, cleanMs, brokenMs);
    }
};

QTEST_GUILESS_MAIN(TestVerifyProjection)
#include "tst_verify_projection.moc"
