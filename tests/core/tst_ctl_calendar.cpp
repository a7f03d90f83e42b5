// Issue 13, the yearly calendar through hotlinectl as a real process: deadlines outside the known years are
// errors, the November warning of deadline and board (stderr only), and calendar set/list.
#include "TestSupport.h"
#include "TestWorkspace.h"

#include "service/TicketService.h"
#include "storage/CalendarStore.h"
#include "storage/EventStore.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace hotline;
using namespace hotline::test;

class TestCtlCalendar : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }
    void deadlineBeyondKnownYearsIsAnError();
    void novemberWarningOnStderrOnly();
    void calendarSetAndList();
    void reDecidedDeadlineSurvivesVerifyAndRebuild();
    void calendarImportOfEndlessInputStops();
    void calendarImportChecksNamesAsNotes();

private:
    QString db(const QString &name) const { return m_dir.filePath(name); }
    QTemporaryDir m_dir;
};

void TestCtlCalendar::deadlineBeyondKnownYearsIsAnError()
{
    const QString path = db(u"range.db"_s);
    QCOMPARE(runCtl({u"--db"_s, path, u"init"_s}).exitCode, 0);
    // The issue's example printed 2101-01-01T00:00 (the edge of the calendar's table).
    CtlResult r
        = runCtl({u"--db"_s, path, u"deadline"_s, u"--class"_s, u"handling"_s, u"--start"_s, u"2100-12-27T09:00"_s});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.out.isEmpty(), r.out.constData());
    QVERIFY2(r.err.contains("2027-12-31"), r.err.constData());
    QVERIFY(!r.err.contains("2101-01-01"));
    // A deadline that would cross into 2028 (after the year after the latest notice) too.
    r = runCtl({u"--db"_s, path, u"deadline"_s, u"--class"_s, u"handling"_s, u"--start"_s, u"2027-12-28T09:00"_s});
    QCOMPARE(r.exitCode, 1);
    QVERIFY(r.out.isEmpty());
    // Entering the 2027 and 2028 notices makes it known.
    r = runCtl(
        {u"--db"_s, path, u"calendar"_s, u"set"_s, u"2027-01-01"_s, u"2028-01-01"_s, u"off"_s, u"--note"_s, u"元旦"_s});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    r = runCtl({u"--db"_s, path, u"deadline"_s, u"--class"_s, u"handling"_s, u"--start"_s, u"2027-12-28T09:00"_s});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    // Tue 28 6.5 h, Wed–Fri 21 h (27.5 h), the weekend, Mon 3 7 h (34.5 h), then 0.5 h on Tuesday 4 January.
    QCOMPARE(r.out.trimmed(), QByteArray("2028-01-04T09:00:00+08:00"));
}

void TestCtlCalendar::novemberWarningOnStderrOnly()
{
    const QString path = db(u"november.db"_s);
    CtlResult r = runCtl({u"--db"_s, path, u"init"_s, u"--demo"_s});
    QVERIFY2(r.exitCode == 0, r.err.constData());

    // The last second of October in the centre: no warning.
    r = runCtl({u"--db"_s, path, u"board"_s, u"--at"_s, u"2026-10-31T23:59:59+08:00"_s, u"--format"_s, u"json"_s});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY2(r.err.isEmpty(), r.err.constData());
    // From 1 November 00:00 in the centre (16:00 UTC the day before) the 2027 notice is missing.
    r = runCtl({u"--db"_s, path, u"board"_s, u"--at"_s, u"2026-10-31T16:00:00Z"_s, u"--format"_s, u"json"_s});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.err.contains("warning:") && r.err.contains("2027"), r.err.constData());
    QVERIFY(!r.out.contains("warning"));
    const QByteArray boardWithWarning = r.out;

    r = runCtl(
        {u"--db"_s, path, u"deadline"_s, u"--class"_s, u"consult"_s, u"--start"_s, u"2026-11-02T09:00:00+08:00"_s});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out, QByteArray("2026-11-03T09:00:00+08:00\n"));
    QVERIFY2(r.err.contains("2027"), r.err.constData());
    r = runCtl(
        {u"--db"_s, path, u"deadline"_s, u"--class"_s, u"consult"_s, u"--start"_s, u"2026-10-30T09:00:00+08:00"_s});
    QCOMPARE(r.out, QByteArray("2026-11-02T09:00:00+08:00\n"));
    QVERIFY2(r.err.isEmpty(), r.err.constData());

    // Once an administrator enters one off day of 2027, the warning is gone and stdout is the same.
    r = runCtl({u"--db"_s, path, u"calendar"_s, u"set"_s, u"2027-01-01"_s, u"off"_s, u"--note"_s, u"元旦"_s});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    r = runCtl({u"--db"_s, path, u"board"_s, u"--at"_s, u"2026-10-31T16:00:00Z"_s, u"--format"_s, u"json"_s});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.err.isEmpty(), r.err.constData());
    QCOMPARE(r.out, boardWithWarning);
}

void TestCtlCalendar::calendarSetAndList()
{
    const QString path = db(u"set.db"_s);
    QCOMPARE(runCtl({u"--db"_s, path, u"init"_s}).exitCode, 0);
    CtlResult r = runCtl({u"--db"_s, path, u"calendar"_s, u"set"_s, u"2027-02-30"_s, u"off"_s});
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.err.contains("2027-02-30"));
    r = runCtl({u"--db"_s, path, u"calendar"_s, u"set"_s, u"2027-02-06"_s, u"holiday"_s});
    QCOMPARE(r.exitCode, 2);
    r = runCtl({u"--db"_s, path, u"calendar"_s, u"list"_s, u"--year"_s, u"twenty"_s});
    QCOMPARE(r.exitCode, 2);
    // A control character in the note: refused, nothing written, nothing echoed raw.
    r = runCtl({u"--db"_s, path, u"calendar"_s, u"set"_s, u"2027-02-06"_s, u"2027-02-07"_s, u"workday"_s, u"--note"_s,
                u"春节\u001b[31m调休"_s});
    QCOMPARE(r.exitCode, 1);
    QVERIFY(!r.err.contains('\x1b'));
    r = runCtl({u"--db"_s, path, u"calendar"_s, u"list"_s, u"--year"_s, u"2027"_s});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.isEmpty());
    QVERIFY2(r.err.contains("2027"), r.err.constData()); // no notice for 2027

    r = runCtl({u"--db"_s, path, u"calendar"_s, u"set"_s, u"2027-02-06"_s, u"2027-02-07"_s, u"workday"_s, u"--note"_s,
                u"春节调休"_s});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    r = runCtl({u"--db"_s, path, u"calendar"_s, u"set"_s, u"2027-01-01"_s, u"off"_s, u"--note"_s, u"元旦"_s});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    r = runCtl({u"--db"_s, path, u"calendar"_s, u"list"_s, u"--year"_s, u"2027"_s});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(QString::fromUtf8(r.out),
             u"2027-01-01\toff\t元旦\n2027-02-06\tworkday\t春节调休\n2027-02-07\tworkday\t春节调休\n"_s);
    QVERIFY2(r.err.isEmpty(), r.err.constData());
    // Saturday 6 February 2027 is now a working day: a consultation dispatched on Friday 17:00 ends then.
    r = runCtl(
        {u"--db"_s, path, u"deadline"_s, u"--class"_s, u"consult"_s, u"--start"_s, u"2027-02-05T17:00:00+08:00"_s});
    QCOMPARE(r.out.trimmed(), QByteArray("2027-02-06T17:00:00+08:00"));
    // Back to normal.
    r = runCtl({u"--db"_s, path, u"calendar"_s, u"set"_s, u"2027-02-06"_s, u"normal"_s});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    r = runCtl({u"--db"_s, path, u"calendar"_s, u"list"_s, u"--year"_s, u"2027"_s});
    QCOMPARE(QString::fromUtf8(r.out), u"2027-01-01\toff\t元旦\n2027-02-07\tworkday\t春节调休\n"_s);
    r = runCtl(
        {u"--db"_s, path, u"deadline"_s, u"--class"_s, u"consult"_s, u"--start"_s, u"2027-02-05T17:00:00+08:00"_s});
    QCOMPARE(r.out.trimmed(), QByteArray("2027-02-07T17:00:00+08:00"));
}

void TestCtlCalendar::reDecidedDeadlineSurvivesVerifyAndRebuild()
{
    // A ticket dispatched before the 2027 notice, re-decided after it; then hotlinectl on the same file.
    TestWorkspace tw(u"2026-12-28T09:00:00+08:00"_s);
    QVERIFY2(tw.isValid(), qPrintable(tw.error));
    tw.addDepartment(u"CG"_s, u"城管局"_s);
    QString error;
    NewTicket n;
    n.type = TicketType::Complaint;
    n.summary = u"路灯不亮"_s;
    const QString id = tw.ws->tickets().registerTicket(tw.ws->systemActor(), n, &error);
    QVERIFY2(tw.ws->tickets().dispatch(tw.ws->systemActor(), id, u"CG"_s, &error), qPrintable(error));
    const QString number = tw.ws->events().ticket(id).number;
    QVERIFY(tw.ws->calendar().editDays(tw.ws->systemActor(), {{QDate(2027, 1, 1), true, u"元旦"_s}}, {}, &error));
    const Actor ada{u"ada"_s, Role::Administrator, QString(), u"01"_s};
    QVERIFY2(tw.ws->tickets().redecideDeadline(ada, id, u"2027年元旦"_s, &error), qPrintable(error));
    tw.ws.reset();

    CtlResult r = runCtl({u"--db"_s, tw.path(), u"verify"_s});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    r = runCtl({u"--db"_s, tw.path(), u"rebuild"_s});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    r = runCtl({u"--db"_s, tw.path(), u"board"_s, u"--at"_s, u"2026-12-29T09:00:00+08:00"_s});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QByteArray line = r.out.mid(r.out.indexOf(number.toUtf8()));
    QVERIFY2(line.left(line.indexOf('\n')).contains("2027-01-05T09:00:00+08:00"), r.out.constData());
}

void TestCtlCalendar::calendarImportOfEndlessInputStops()
{
    // Found by attacking issue 13: calendar import read the whole file first, and /dev/zero never ends.
    const QString path = db(u"endless.db"_s);
    QCOMPARE(runCtl({u"--db"_s, path, u"init"_s}).exitCode, 0);
    const QByteArray before = runCtl({u"--db"_s, path, u"calendar"_s, u"list"_s, u"--year"_s, u"2025"_s}).out;
#ifdef Q_OS_UNIX
    const CtlResult r = runCtl({u"--db"_s, path, u"calendar"_s, u"import"_s, u"/dev/zero"_s}, 60000);
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("/dev/zero: longer than 16777216 bytes"), r.err.constData());
    QVERIFY(r.err.contains("Nothing was imported."));
#endif
    // A file one byte over the limit stops the same way, before parsing.
    QFile big(m_dir.filePath(u"big.json"_s));
    QVERIFY(big.open(QIODevice::WriteOnly));
    QVERIFY(big.resize(16 * 1024 * 1024 + 1));
    big.close();
    const CtlResult r2 = runCtl({u"--db"_s, path, u"calendar"_s, u"import"_s, big.fileName()}, 60000);
    QCOMPARE(r2.exitCode, 1);
    QVERIFY2(r2.err.contains("longer than 16777216 bytes"), r2.err.constData());
    QCOMPARE(runCtl({u"--db"_s, path, u"calendar"_s, u"list"_s, u"--year"_s, u"2025"_s}).out, before);
}

void TestCtlCalendar::calendarImportChecksNamesAsNotes()
{
    // Found by attacking issue 13: calendar set refused an ESC or a 101-character note, but calendar import
    // stored either, and calendar list printed the ESC raw.
    const QString path = db(u"names.db"_s);
    QCOMPARE(runCtl({u"--db"_s, path, u"init"_s}).exitCode, 0);
    const auto write = [&](const QString &name, const QByteArray &json) {
        QFile f(m_dir.filePath(name));
        if (f.open(QIODevice::WriteOnly))
            f.write(json);
        return f.fileName();
    };
    const QString esc
        = write(u"esc.json"_s, R"({"year":2027,"days":[{"name":"a\u001b[2J","date":"2027-01-01","isOffDay":true}]})");
    const QString good
        = write(u"good.json"_s, R"({"year":2027,"days":[{"name":"元旦","date":"2027-01-01","isOffDay":true}]})");
    const QString longName = write(u"long.json"_s,
                                   R"({"year":2027,"days":[{"name":")" + QString(101, u'节').toUtf8()
                                       + R"(","date":"2027-01-02","isOffDay":true}]})");
    CtlResult r = runCtl({u"--db"_s, path, u"calendar"_s, u"import"_s, good, esc, longName});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("esc.json: The note on 2027-01-01 holds a control character."), r.err.constData());
    QVERIFY2(r.err.contains("long.json: The note on 2027-01-02 is too long"), r.err.constData());
    QVERIFY(!r.err.contains('\x1b'));
    r = runCtl({u"--db"_s, path, u"calendar"_s, u"list"_s, u"--year"_s, u"2027"_s});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.isEmpty(), r.out.constData()); // nothing imported, not even good.json
}

QTEST_GUILESS_MAIN(TestCtlCalendar)
#include "tst_ctl_calendar.moc"
