// hotlinectl end to end, as administrators and scripts use it: a real process on a real database file.
#include "TestSupport.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcessEnvironment>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace hotline::test;

namespace {

QByteArray fileHash(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256) : QByteArray();
}

QString data(const QString &name)
{
    return testDataDir() + u"/import/"_s + name;
}

QJsonObject json(const CtlResult &r)
{
    return QJsonDocument::fromJson(r.out).object();
}

} // namespace

class TestCtl : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void helpVersionAndUsageErrors();
    void initDemoShowsEveryColour();
    void deadlineAcrossSpringFestival();
    void deadlineWithoutOffsetIsCentreTime();
    void refusesNewerAndCorruptDatabasesUntouched();
    void importIsAtomicAndReportsEveryBadRow();
    void importThenReportFigures();
    void reportFormatsAndOutputFile();
    void boardAtAnInstant();
    void configGetSetAndValidation();
    void calendarImportAllOrNothing();
    void departmentsImport();
    void verifyDetectsTampering();
    void chineseFirst();
    void argumentsInMessagesNeverRaw();
    void emptyOptionValueIsAUsageError();
    void instantsOutsideTheYearsAreUsageErrors();
    void yearReportAndAssessment();

private:
    QTemporaryDir m_dir;
};

void TestCtl::initTestCase()
{
    QVERIFY2(!hotlinectlPath().isEmpty(), "HOTLINECTL is not set (run through ctest)");
    QVERIFY(m_dir.isValid());
}

void TestCtl::helpVersionAndUsageErrors()
{
    CtlResult r = runCtl({u"--version"_s});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.startsWith("hotlinectl "));
    r = runCtl({u"--help"_s});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.contains("calendar import"));
    QVERIFY(r.out.contains("deadline --class"));
    // Every command the program runs is in its help, in English and in Chinese (0.7.0 shipped without
    // `serve` and `intake token` there after a merge dropped the lines).
    const QList<QByteArray> everyCommand{
        "init", "calendar import", "calendar set", "calendar list", "deadline", "import tickets",
        "import interview", "report", "board", "server init", "sync", "departments import", "categories",
        "towns", "config", "escalate", "verify", "rebuild", "export tickets", "access-log", "users",
        "permissions", "audit", "ticket", "ticket merge", "search", "ticket attach", "attachment save",
        "intake token add", "intake token list", "serve"};
    QProcessEnvironment chinese = QProcessEnvironment::systemEnvironment();
    chinese.insert(u"HOTLINE_LANG"_s, u"zh_CN"_s);
    const CtlResult zh = runCtl({u"--help"_s}, chinese);
    QCOMPARE(zh.exitCode, 0);
    QVERIFY2(zh.out.contains("\xe5\x91\xbd\xe4\xbb\xa4"), zh.out.left(200).constData()); // 命令
    for (const QByteArray &command : everyCommand) {
        const QByteArray line = QByteArray("\n  ") + command + ' ';
        QVERIFY2(r.out.contains(line), command.constData());
        QVERIFY2(zh.out.contains(line), command.constData());
    }
    r = runCtl({});
    QCOMPARE(r.exitCode, 2);
    r = runCtl({u"--db"_s, m_dir.filePath(u"x.db"_s), u"frobnicate"_s});
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.err.contains("frobnicate"));
    r = runCtl({u"--db"_s, m_dir.filePath(u"x.db"_s), u"board"_s, u"--colour"_s});
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.err.contains("--colour"));
    r = runCtl({u"--db"_s, m_dir.filePath(u"x.db"_s), u"deadline"_s, u"--class"_s, u"urgent"_s, u"--start"_s, u"2025-01-01T09:00:00+08:00"_s});
    QCOMPARE(r.exitCode, 2);
    r = runCtl({u"--db"_s, m_dir.filePath(u"x.db"_s), u"deadline"_s, u"--class"_s, u"consult"_s, u"--start"_s, u"yesterday"_s});
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.err.contains("yesterday"));
}

void TestCtl::initDemoShowsEveryColour()
{
    const QString db = m_dir.filePath(u"demo.db"_s);
    CtlResult r = runCtl({u"--db"_s, db, u"init"_s, u"--demo"_s});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    r = runCtl({u"--db"_s, db, u"board"_s, u"--format"_s, u"json"_s});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QJsonObject board = json(r);
    const QJsonObject counts = board.value(u"counts"_s).toObject();
    QVERIFY(counts.value(u"green"_s).toInt() > 0);
    QVERIFY(counts.value(u"yellow"_s).toInt() > 0);
    QVERIFY(counts.value(u"red"_s).toInt() > 0);
    const QJsonArray tickets = board.value(u"tickets"_s).toArray();
    QCOMPARE(tickets.size(), counts.value(u"green"_s).toInt() + counts.value(u"yellow"_s).toInt() + counts.value(u"red"_s).toInt());
    // Most urgent first: remaining time never decreases down the list; red ones lead.
    qint64 previous = std::numeric_limits<qint64>::min();
    for (const QJsonValue &v : tickets) {
        const QJsonObject t = v.toObject();
        const qint64 remaining = qint64(t.value(u"remaining_seconds"_s).toDouble());
        QVERIFY(remaining >= previous);
        previous = remaining;
        const QString colour = t.value(u"colour"_s).toString();
        if (colour == u"yellow"_s)
            QVERIFY(remaining >= 0 && remaining <= 3 * 3600);
        if (colour == u"green"_s)
            QVERIFY(remaining > 3 * 3600);
        QVERIFY(t.value(u"deadline"_s).toString().endsWith(u"+08:00"_s));
        QVERIFY(!t.value(u"number"_s).toString().isEmpty());
        QVERIFY(!t.value(u"department"_s).toString().isEmpty());
    }
    // The demo also leaves a month of history for the report.
    r = runCtl({u"--db"_s, db, u"report"_s, u"--from"_s, u"2000-01-01"_s, u"--to"_s, u"2100-01-01"_s, u"--format"_s, u"json"_s});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY(json(r).value(u"totals"_s).toObject().value(u"completed"_s).toInt() > 200);
}

void TestCtl::deadlineAcrossSpringFestival()
{
    const QString db = m_dir.filePath(u"deadline.db"_s);
    QCOMPARE(runCtl({u"--db"_s, db, u"init"_s}).exitCode, 0); // deadline only reads: it needs a database
    // Friday 2025-01-24 17:00: half an hour, then the make-up Sunday 26th.
    CtlResult r = runCtl({u"--db"_s, db, u"deadline"_s, u"--class"_s, u"consult"_s, u"--start"_s, u"2025-01-24T17:00:00+08:00"_s});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QCOMPARE(r.out.trimmed(), QByteArray("2025-01-26T17:00:00+08:00"));
    // Handling: 0.5 h + Sun 26th + Mon 27th, the festival 28th–4th, then Wed–Fri: Friday 7 Feb 17:00.
    r = runCtl({u"--db"_s, db, u"deadline"_s, u"--class"_s, u"handling"_s, u"--start"_s, u"2025-01-24T17:00:00+08:00"_s});
    QCOMPARE(r.out.trimmed(), QByteArray("2025-02-07T17:00:00+08:00"));
    // Dispatched in UTC terms (09:00Z = 17:00 in the centre) gives the same answer.
    r = runCtl({u"--db"_s, db, u"deadline"_s, u"--class"_s, u"consult"_s, u"--start"_s, u"2025-01-24T09:00:00Z"_s});
    QCOMPARE(r.out.trimmed(), QByteArray("2025-01-26T17:00:00+08:00"));
    // A consultation dispatched at 10:30 ends at 17:30 that day, not 08:30 the next.
    r = runCtl({u"--db"_s, db, u"deadline"_s, u"--class"_s, u"consult"_s, u"--start"_s, u"2025-03-03T08:30:00+08:00"_s});
    QCOMPARE(r.out.trimmed(), QByteArray("2025-03-03T17:30:00+08:00"));
    QVERIFY(r.err.isEmpty());
    // The year after the latest notice (2026) still gets an answer, with a warning on stderr (docs/CALENDAR.md).
    r = runCtl({u"--db"_s, db, u"deadline"_s, u"--class"_s, u"consult"_s, u"--start"_s, u"2027-03-03T08:30:00+08:00"_s});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out.trimmed(), QByteArray("2027-03-03T17:30:00+08:00"));
    QVERIFY2(r.err.contains("2027"), r.err.constData());
}

void TestCtl::deadlineWithoutOffsetIsCentreTime()
{
    const QString db = m_dir.filePath(u"deadline.db"_s);
    const CtlResult r = runCtl({u"--db"_s, db, u"deadline"_s, u"--class"_s, u"consult"_s, u"--start"_s, u"2025-09-30T16:00:00"_s});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    // 1.5 h on 30 September, National Day and Mid-Autumn 1–8 October, then 5.5 h on Thursday 9 October.
    QCOMPARE(r.out.trimmed(), QByteArray("2025-10-09T16:00:00+08:00"));
}

void TestCtl::refusesNewerAndCorruptDatabasesUntouched()
{
    const QString corrupt = m_dir.filePath(u"corrupt.db"_s);
    {
        QFile f(corrupt);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("name,phone\n陈先生,13800138000\n");
    }
    const QByteArray before = fileHash(corrupt);
    CtlResult r = runCtl({u"--db"_s, corrupt, u"board"_s});
    QCOMPARE(r.exitCode, 1);
    QVERIFY(r.err.contains("not a Hotline Console database"));
    QCOMPARE(fileHash(corrupt), before);

    const QString newer = m_dir.filePath(u"newer.db"_s);
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"newer"_s);
        db.setDatabaseName(newer);
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(u"CREATE TABLE meta(key TEXT, value TEXT)"_s));
        QVERIFY(q.exec(u"PRAGMA user_version = 42"_s));
        db.close();
    }
    QSqlDatabase::removeDatabase(u"newer"_s);
    const QByteArray newerBefore = fileHash(newer);
    r = runCtl({u"--db"_s, newer, u"init"_s});
    QCOMPARE(r.exitCode, 1);
    QVERIFY(r.err.contains("newer"));
    QCOMPARE(fileHash(newer), newerBefore);
}

void TestCtl::importIsAtomicAndReportsEveryBadRow()
{
    const QString db = m_dir.filePath(u"atomic.db"_s);
    QCOMPARE(runCtl({u"--db"_s, db, u"init"_s}).exitCode, 0);
    const CtlResult r = runCtl({u"--db"_s, db, u"import"_s, u"tickets"_s, data(u"broken.csv"_s)});
    QCOMPARE(r.exitCode, 1);
    const QString err = QString::fromUtf8(r.err);
    const QString file = data(u"broken.csv"_s);
    // Every bad row, by line, with its reason; the good first row is not imported either.
    QVERIFY2(err.contains(file + u":3: "_s) && err.contains(u"fax"_s), qPrintable(err));
    QVERIFY2(err.contains(file + u":4: "_s) && err.contains(u"registered_at"_s), qPrintable(err));
    QVERIFY2(err.contains(file + u":5: "_s), qPrintable(err));
    QVERIFY2(err.contains(file + u":6: "_s), qPrintable(err));
    QVERIFY2(err.contains(file + u":7: "_s) && err.contains(u"grumble"_s), qPrintable(err));
    QVERIFY2(err.contains(file + u":8: "_s) && err.contains(u"UTF-8"_s), qPrintable(err));
    QVERIFY2(!err.contains(file + u":2: "_s), qPrintable(err));
    QVERIFY(err.contains(u"Nothing was imported"_s));
    const CtlResult board = runCtl({u"--db"_s, db, u"report"_s, u"--month"_s, u"2025-03"_s, u"--format"_s, u"json"_s});
    QCOMPARE(json(board).value(u"totals"_s).toObject().value(u"received"_s).toInt(), 0);
}

void TestCtl::importThenReportFigures()
{
    const QString db = m_dir.filePath(u"march.db"_s);
    CtlResult r = runCtl({u"--db"_s, db, u"import"_s, u"tickets"_s, data(u"march-2025.csv"_s)});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY(r.out.contains("7"));
    // The same file again: every number is already there, nothing is doubled.
    r = runCtl({u"--db"_s, db, u"import"_s, u"tickets"_s, data(u"march-2025.csv"_s)});
    QCOMPARE(r.exitCode, 1);
    QVERIFY(r.err.contains("H-0001"));

    r = runCtl({u"--db"_s, db, u"report"_s, u"--month"_s, u"2025-03"_s, u"--format"_s, u"json"_s});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QJsonObject report = json(r);
    QCOMPARE(report.value(u"period"_s).toObject().value(u"from"_s).toString(), u"2025-03-01"_s);
    QCOMPARE(report.value(u"period"_s).toObject().value(u"to"_s).toString(), u"2025-04-01"_s);
    const QJsonObject totals = report.value(u"totals"_s).toObject();
    // Worked by hand from march-2025.csv (see the file): H-0007 is April's; H-0006 came in at 23:59:59.
    QCOMPARE(totals.value(u"received"_s).toInt(), 6);
    QCOMPARE(totals.value(u"dispatched"_s).toInt(), 4);
    QCOMPARE(totals.value(u"completed"_s).toInt(), 4);
    QCOMPARE(totals.value(u"on_time"_s).toInt(), 3);      // H-0001 replied exactly at its deadline; H-0002 one second late
    QCOMPARE(totals.value(u"on_time_rate"_s).toDouble(), 75.0);
    QCOMPARE(totals.value(u"overdue"_s).toInt(), 2);      // H-0002 late, H-0005 open past 27 March
    QCOMPARE(totals.value(u"surveyed"_s).toInt(), 4);
    QCOMPARE(totals.value(u"satisfied"_s).toInt(), 2);
    QCOMPARE(totals.value(u"basically_satisfied"_s).toInt(), 1);
    QCOMPARE(totals.value(u"unsatisfied"_s).toInt(), 1);
    QCOMPARE(totals.value(u"satisfaction_rate"_s).toDouble(), 75.0);

    QHash<QString, QJsonObject> rows;
    for (const QJsonValue &v : report.value(u"departments"_s).toArray())
        rows.insert(v.toObject().value(u"department"_s).toString(), v.toObject());
    const QJsonObject cg = rows.value(u"区城管局"_s);
    QCOMPARE(cg.value(u"received"_s).toInt(), 2);
    QCOMPARE(cg.value(u"completed"_s).toInt(), 2);
    QCOMPARE(cg.value(u"on_time"_s).toInt(), 1);
    QCOMPARE(cg.value(u"on_time_rate"_s).toDouble(), 50.0);
    QCOMPARE(cg.value(u"overdue"_s).toInt(), 1);
    QCOMPARE(cg.value(u"surveyed"_s).toInt(), 2);
    const QJsonObject jt = rows.value(u"区交通局"_s);
    QCOMPARE(jt.value(u"received"_s).toInt(), 2);
    QCOMPARE(jt.value(u"dispatched"_s).toInt(), 2);
    QCOMPARE(jt.value(u"completed"_s).toInt(), 1);
    QCOMPARE(jt.value(u"on_time_rate"_s).toDouble(), 100.0);
    QCOMPARE(jt.value(u"overdue"_s).toInt(), 1);
    QCOMPARE(jt.value(u"satisfaction_rate"_s).toDouble(), 100.0);

    // April: nothing surveyed yet, so the rate is null, not 0.
    r = runCtl({u"--db"_s, db, u"report"_s, u"--month"_s, u"2025-04"_s, u"--format"_s, u"json"_s});
    const QJsonObject april = json(r).value(u"totals"_s).toObject();
    QCOMPARE(april.value(u"received"_s).toInt(), 1);
    QVERIFY(april.value(u"satisfaction_rate"_s).isNull());
    QVERIFY(april.value(u"on_time_rate"_s).isNull());
}

void TestCtl::reportFormatsAndOutputFile()
{
    const QString db = m_dir.filePath(u"march.db"_s);
    const QString csv = m_dir.filePath(u"march.csv"_s);
    CtlResult r = runCtl({u"--db"_s, db, u"report"_s, u"--from"_s, u"2025-03-01"_s, u"--to"_s, u"2025-04-01"_s,
                          u"--format"_s, u"csv"_s, u"-o"_s, csv});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY(r.out.isEmpty());
    QFile f(csv);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray bytes = f.readAll();
    QVERIFY(bytes.startsWith("\xEF\xBB\xBF"));
    QVERIFY(bytes.contains("75.00"));
    r = runCtl({u"--db"_s, db, u"report"_s, u"--month"_s, u"2025-03"_s});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.contains("75.00"));
    r = runCtl({u"--db"_s, db, u"report"_s, u"--month"_s, u"2025-13"_s});
    QCOMPARE(r.exitCode, 2);
    r = runCtl({u"--db"_s, db, u"report"_s, u"--from"_s, u"2025-04-01"_s, u"--to"_s, u"2025-03-01"_s});
    QCOMPARE(r.exitCode, 2);
    r = runCtl({u"--db"_s, db, u"report"_s, u"--month"_s, u"2025-03"_s, u"--format"_s, u"xml"_s});
    QCOMPARE(r.exitCode, 2);
}

void TestCtl::boardAtAnInstant()
{
    const QString db = m_dir.filePath(u"march.db"_s);
    // H-0005 (dispatched 2025-03-20 09:30, handling): deadline 27 March 09:30. At 14:00 the day before,
    // 3.5 h + 1 h remain: green.
    CtlResult r = runCtl({u"--db"_s, db, u"board"_s, u"--at"_s, u"2025-03-26T14:00:00+08:00"_s, u"--format"_s, u"json"_s});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QCOMPARE(json(r).value(u"counts"_s).toObject().value(u"green"_s).toInt(), 1);
    QCOMPARE(json(r).value(u"tickets"_s).toArray().first().toObject().value(u"remaining_seconds"_s).toInt(), 16200);
    // Before work starts on the 27th: one working hour remains, and it does not tick through the night.
    r = runCtl({u"--db"_s, db, u"board"_s, u"--at"_s, u"2025-03-27T06:30:00+08:00"_s, u"--format"_s, u"json"_s});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QJsonObject board = json(r);
    QCOMPARE(board.value(u"at"_s).toString(), u"2025-03-27T06:30:00+08:00"_s);
    QJsonObject h5;
    for (const QJsonValue &v : board.value(u"tickets"_s).toArray()) {
        if (v.toObject().value(u"number"_s).toString() == u"H-0005"_s)
            h5 = v.toObject();
    }
    QCOMPARE(h5.value(u"colour"_s).toString(), u"yellow"_s);
    QCOMPARE(h5.value(u"remaining_seconds"_s).toInt(), 3600);
    r = runCtl({u"--db"_s, db, u"board"_s, u"--at"_s, u"2025-03-26T23:59:59+08:00"_s, u"--format"_s, u"json"_s});
    QCOMPARE(json(r).value(u"tickets"_s).toArray().first().toObject().value(u"remaining_seconds"_s).toInt(), 3600);
    QCOMPARE(h5.value(u"deadline"_s).toString(), u"2025-03-27T09:30:00+08:00"_s);
    // The afternoon before: 3 h exactly remain at 15:30 on the 26th (2 h + 1 h) → yellow; a second earlier, green.
    r = runCtl({u"--db"_s, db, u"board"_s, u"--at"_s, u"2025-03-26T15:29:59+08:00"_s, u"--format"_s, u"json"_s});
    QCOMPARE(json(r).value(u"counts"_s).toObject().value(u"green"_s).toInt(), 1);
    r = runCtl({u"--db"_s, db, u"board"_s, u"--at"_s, u"2025-03-26T15:30:00+08:00"_s, u"--format"_s, u"json"_s});
    board = json(r);
    QCOMPARE(board.value(u"counts"_s).toObject().value(u"yellow"_s).toInt(), 1);
    QCOMPARE(board.value(u"tickets"_s).toArray().first().toObject().value(u"remaining_seconds"_s).toInt(), 10800);
    // One second after the deadline: red, and the working time past it counts negative.
    r = runCtl({u"--db"_s, db, u"board"_s, u"--at"_s, u"2025-03-27T09:30:01+08:00"_s, u"--format"_s, u"json"_s});
    board = json(r);
    QCOMPARE(board.value(u"counts"_s).toObject().value(u"red"_s).toInt(), 1);
    r = runCtl({u"--db"_s, db, u"board"_s, u"--at"_s, u"2025-03-27T09:30:01+08:00"_s});
    QVERIFY(r.out.contains("H-0005"));
}

void TestCtl::configGetSetAndValidation()
{
    const QString db = m_dir.filePath(u"config.db"_s);
    QCOMPARE(runCtl({u"--db"_s, db, u"init"_s}).exitCode, 0); // config get only reads: it needs a database
    CtlResult r = runCtl({u"--db"_s, db, u"config"_s, u"get"_s, u"sla.yellow_hours"_s});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out.trimmed(), QByteArray("3"));
    QCOMPARE(runCtl({u"--db"_s, db, u"config"_s, u"set"_s, u"sms.url"_s, u"http://127.0.0.1:9/sms"_s}).exitCode, 0);
    r = runCtl({u"--db"_s, db, u"config"_s, u"get"_s, u"sms.url"_s});
    QCOMPARE(r.out.trimmed(), QByteArray("http://127.0.0.1:9/sms"));
    r = runCtl({u"--db"_s, db, u"config"_s, u"set"_s, u"sms.template"_s, u"工单{number}还剩{remainder}"_s});
    QCOMPARE(r.exitCode, 1);
    QVERIFY(r.err.contains("{remainder}"));
    r = runCtl({u"--db"_s, db, u"config"_s, u"set"_s, u"sla.yellow_hours"_s, u"soon"_s});
    QCOMPARE(r.exitCode, 1);
    // A negative number is a value, refused by the setting's range, not taken for an unknown option.
    r = runCtl({u"--db"_s, db, u"config"_s, u"set"_s, u"sla.consult_days"_s, u"-1"_s});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(!r.err.contains("-1. See"), r.err.constData());
    QVERIFY2(r.err.contains("sla.consult_days"), r.err.constData());
    r = runCtl({u"--db"_s, db, u"config"_s, u"get"_s, u"no.such.key"_s});
    QCOMPARE(r.exitCode, 1);
    QVERIFY(r.err.contains("no.such.key"));
    // A changed setting changes behaviour: a 2-day consultation limit.
    QCOMPARE(runCtl({u"--db"_s, db, u"config"_s, u"set"_s, u"sla.consult_days"_s, u"2"_s}).exitCode, 0);
    r = runCtl({u"--db"_s, db, u"deadline"_s, u"--class"_s, u"consult"_s, u"--start"_s, u"2025-03-03T08:30:00+08:00"_s});
    QCOMPARE(r.out.trimmed(), QByteArray("2025-03-04T17:30:00+08:00"));
    QCOMPARE(runCtl({u"--db"_s, db, u"config"_s, u"set"_s, u"work.periods"_s, u"09:00-12:00,13:30-18:00"_s}).exitCode, 0);
    r = runCtl({u"--db"_s, db, u"deadline"_s, u"--class"_s, u"consult"_s, u"--start"_s, u"2025-03-03T09:00:00+08:00"_s});
    QCOMPARE(r.out.trimmed(), QByteArray("2025-03-04T18:00:00+08:00"));
}

void TestCtl::calendarImportAllOrNothing()
{
    const QString db = m_dir.filePath(u"calendar.db"_s);
    const QString good = testDataDir() + u"/calendar/holiday-cn-2019-newyear.json"_s;
    const QString bad = m_dir.filePath(u"bad.json"_s);
    {
        QFile f(bad);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(R"({"year": 2019, "days": [{"name": "x", "date": "2019-02-30", "isOffDay": true}]})");
    }
    QCOMPARE(runCtl({u"--db"_s, db, u"init"_s}).exitCode, 0); // deadline only reads: it needs a database
    const QStringList deadline2018{u"--db"_s, db, u"deadline"_s, u"--class"_s, u"consult"_s, u"--start"_s, u"2018-12-28T17:30:00+08:00"_s};
    // Before the 2019 notice is known, Saturday 2018-12-29 is an ordinary weekend day.
    QCOMPARE(runCtl(deadline2018).out.trimmed(), QByteArray("2018-12-31T17:30:00+08:00"));
    CtlResult r = runCtl({u"--db"_s, db, u"calendar"_s, u"import"_s, good, bad});
    QCOMPARE(r.exitCode, 1);
    QVERIFY(r.err.contains("bad.json"));
    QCOMPARE(runCtl(deadline2018).out.trimmed(), QByteArray("2018-12-31T17:30:00+08:00"));
    r = runCtl({u"--db"_s, db, u"calendar"_s, u"import"_s, good});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    // The 2019 notice makes 2018-12-29 a working Saturday.
    QCOMPARE(runCtl(deadline2018).out.trimmed(), QByteArray("2018-12-29T17:30:00+08:00"));
    if (!sharedDataDir().isEmpty()) {
        // Where the official files are at hand, import them all as an administrator would.
        QStringList args{u"--db"_s, db, u"calendar"_s, u"import"_s};
        for (int year = 2007; year <= 2026; ++year)
            args << sharedDataDir() + u"/holiday-cn/%1.json"_s.arg(year);
        r = runCtl(args);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(runCtl(deadline2018).out.trimmed(), QByteArray("2018-12-29T17:30:00+08:00"));
    }
}

void TestCtl::departmentsImport()
{
    const QString db = m_dir.filePath(u"departments.db"_s);
    CtlResult r = runCtl({u"--db"_s, db, u"departments"_s, u"import"_s, data(u"departments-bad.csv"_s)});
    QCOMPARE(r.exitCode, 1);
    QVERIFY(r.err.contains("departments-bad.csv:2: "));
    QVERIFY(r.err.contains("departments-bad.csv:3: "));
    r = runCtl({u"--db"_s, db, u"departments"_s, u"import"_s, data(u"departments.csv"_s)});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY(r.out.contains("2"));
    QSqlDatabase sql = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"dept"_s);
    sql.setDatabaseName(db);
    QVERIFY(sql.open());
    {
        QSqlQuery q(sql);
        QVERIFY(q.exec(u"SELECT name, duty_phones, head_phone FROM departments WHERE code = 'CG'"_s) && q.next());
        QCOMPARE(q.value(0).toString(), u"区城市管理和综合执法局"_s);
        QCOMPARE(q.value(1).toString(), u"13800001111;0757-86280000"_s);
        QCOMPARE(q.value(2).toString(), u"13900001111"_s);
    }
    sql.close();
    sql = QSqlDatabase();
    QSqlDatabase::removeDatabase(u"dept"_s);
}

void TestCtl::verifyDetectsTampering()
{
    const QString db = m_dir.filePath(u"march.db"_s);
    CtlResult r = runCtl({u"--db"_s, db, u"verify"_s});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY(r.out.contains("OK"));
    QString altered;
    {
        QSqlDatabase sql = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"tamper"_s);
        sql.setDatabaseName(db);
        QVERIFY(sql.open());
        QSqlQuery q(sql);
        QVERIFY(q.exec(u"DROP TRIGGER events_no_update"_s));
        QVERIFY(q.exec(u"SELECT id FROM events WHERE seq = 5"_s) && q.next());
        altered = q.value(0).toString();
        QVERIFY(q.exec(u"UPDATE events SET at_ms = at_ms - 3600000 WHERE seq = 5"_s));
        q.finish();
        sql.close();
    }
    QSqlDatabase::removeDatabase(u"tamper"_s);
    r = runCtl({u"--db"_s, db, u"verify"_s});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(altered.toUtf8()), r.err.constData());
}

void TestCtl::chineseFirst()
{
    // A machine that states no language gets Chinese; HOTLINE_LANG=en or an English locale gets English.
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(u"HOTLINE_LANG"_s);
    env.remove(u"LANGUAGE"_s);
    env.insert(u"LC_ALL"_s, u"C"_s);
    env.insert(u"LANG"_s, u"C"_s);
    CtlResult r = runCtl({u"frobnicate"_s}, env);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(QString::fromUtf8(r.err).contains(u"未知命令"_s), r.err.constData());
    env.insert(u"HOTLINE_LANG"_s, u"en"_s);
    r = runCtl({u"frobnicate"_s}, env);
    QVERIFY2(r.err.contains("Unknown command"), r.err.constData());
}

void TestCtl::argumentsInMessagesNeverRaw()
{
    // Found by attacking issue 13: usage errors quoted the argument as typed, so an ESC in it reached the
    // terminal (clear screen, colours, a window title).
    const QString db = m_dir.filePath(u"raw.db"_s);
    QCOMPARE(runCtl({u"--db"_s, db, u"init"_s}).exitCode, 0);
    const QString esc = u"x\u001B[2J\u202E"_s;
    const QList<std::pair<QStringList, int>> cases {
        {{esc}, 2},
        {{u"config"_s, u"get"_s, esc}, 1},
        {{u"config"_s, u"set"_s, esc, u"1"_s}, 1},
        {{u"board"_s, u"--at"_s, esc}, 2},
        {{u"report"_s, u"--month"_s, esc}, 2},
        {{u"deadline"_s, u"--class"_s, u"consult"_s, u"--start"_s, esc}, 2},
        {{u"calendar"_s, u"set"_s, esc, u"off"_s}, 2},
    };
    for (const auto &[command, code] : cases) {
        const CtlResult r = runCtl(QStringList {u"--db"_s, db} + command);
        QCOMPARE(r.exitCode, code);
        QVERIFY2(r.err.contains("x\\u001B[2J\\u202E"), r.err.constData());
        QVERIFY2(!r.err.contains('\x1b') && !r.err.contains("\u202E"), qPrintable(command.join(u' ')));
    }
}

void TestCtl::emptyOptionValueIsAUsageError()
{
    // Found by attacking issue 13: `-o "$OUT"` with OUT unset wrote an unmasked export to standard output.
    const QString db = m_dir.filePath(u"empty-value.db"_s);
    QCOMPARE(runCtl({u"--db"_s, db, u"init"_s}).exitCode, 0);
    CtlResult r = runCtl({u"--db"_s, db, u"export"_s, u"tickets"_s, u"--unmasked"_s, u"-o"_s, QString()});
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.out.isEmpty());
    QVERIFY2(r.err.contains("Option -o needs a value."), r.err.constData());
    r = runCtl({u"--db="_s, u"board"_s});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("Option --db needs a value."), r.err.constData());
    // An empty note stays allowed.
    r = runCtl({u"--db"_s, db, u"calendar"_s, u"set"_s, u"2027-01-01"_s, u"off"_s, u"--note"_s, QString()});
    QVERIFY2(r.exitCode == 0, r.err.constData());
}

void TestCtl::instantsOutsideTheYearsAreUsageErrors()
{
    // Found by attacking issue 13: report --at 9999-12-31T23:59:59Z (year 10000 in the centre's zone) printed
    // "Hotline report:  to " with exit code 0.
    const QString db = m_dir.filePath(u"years.db"_s);
    QCOMPARE(runCtl({u"--db"_s, db, u"init"_s}).exitCode, 0);
    for (const QStringList &command :
         {QStringList {u"report"_s, u"--at"_s, u"9999-12-31T23:59:59Z"_s},
          QStringList {u"board"_s, u"--at"_s, u"2201-06-01T00:00:00Z"_s},
          QStringList {u"deadline"_s, u"--class"_s, u"consult"_s, u"--start"_s, u"1899-12-31T09:00:00+08:00"_s}}) {
        const CtlResult r = runCtl(QStringList {u"--db"_s, db} + command);
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.out.isEmpty());
        QVERIFY2(r.err.contains("is outside the years 1900 to 2200"), r.err.constData());
    }
    QCOMPARE(runCtl({u"--db"_s, db, u"board"_s, u"--at"_s, u"2200-06-01T00:00:00Z"_s}).exitCode, 0);
}

// report --year: a calendar year in the centre's zone, "to date" while it runs, refused before it begins; and the
// annual assessment in every form. Worked by hand from march-2025.csv: 区城管局 received H-0001 (on time), H-0002
// (one second late: a breach) and H-0007 (April, never answered: past its deadline by the year's end); 区交通局
// H-0004 (on time) and H-0005 (never answered).
void TestCtl::yearReportAndAssessment()
{
    const QString db = m_dir.filePath(u"year.db"_s);
    CtlResult r = runCtl({u"--db"_s, db, u"import"_s, u"tickets"_s, data(u"march-2025.csv"_s)});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QString june = u"2025-06-01T00:00:00+08:00"_s;

    r = runCtl({u"--db"_s, db, u"report"_s, u"--year"_s, u"2025"_s, u"--at"_s, june, u"--format"_s, u"json"_s});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QJsonObject period = json(r).value(u"period"_s).toObject();
    QCOMPARE(period.value(u"from"_s).toString(), u"2025-01-01"_s);
    QCOMPARE(period.value(u"to"_s).toString(), u"2026-01-01"_s);
    QVERIFY(period.contains(u"overdue_at"_s)); // judged at June 1st: to date
    QCOMPARE(json(r).value(u"totals"_s).toObject().value(u"received"_s).toInt(), 7);
    r = runCtl({u"--db"_s, db, u"report"_s, u"--year"_s, u"2025"_s, u"--at"_s, june});
    QVERIFY2(r.out.startsWith("Hotline report: 2025-01-01 to 2025-12-31, to date\n"), r.out.constData());

    // Never a figure for a period that has not happened.
    r = runCtl({u"--db"_s, db, u"report"_s, u"--year"_s, u"2026"_s, u"--at"_s, june});
    QCOMPARE(r.exitCode, 1);
    QVERIFY(r.out.isEmpty());
    QVERIFY2(r.err.contains("2026 has not begun"), r.err.constData());
    r = runCtl({u"--db"_s, db, u"report"_s, u"--year"_s, u"2026"_s, u"--assessment"_s, u"--at"_s, june});
    QCOMPARE(r.exitCode, 1);
    QVERIFY(r.out.isEmpty());
    // Usage errors.
    QCOMPARE(runCtl({u"--db"_s, db, u"report"_s, u"--year"_s, u"25"_s}).exitCode, 2);
    QCOMPARE(runCtl({u"--db"_s, db, u"report"_s, u"--assessment"_s}).exitCode, 2);
    QCOMPARE(runCtl({u"--db"_s, db, u"report"_s, u"--year"_s, u"2025"_s, u"--month"_s, u"2025-03"_s}).exitCode, 2);

    // The assessment of the whole year, judged at its end.
    const QString newYear = u"2026-01-01T00:00:00+08:00"_s;
    r = runCtl({u"--db"_s, db, u"report"_s, u"--year"_s, u"2025"_s, u"--assessment"_s, u"--at"_s, newYear, u"--format"_s,
                u"json"_s});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QJsonObject a = json(r);
    QCOMPARE(a.value(u"year"_s).toInt(), 2025);
    QCOMPARE(a.value(u"to_date"_s).toBool(), false);
    QCOMPARE(a.value(u"weights"_s).toObject().value(u"breach"_s).toDouble(), 0.5);
    const QJsonArray rows = a.value(u"departments"_s).toArray();
    QCOMPARE(rows.size(), 2);
    const QJsonObject first = rows[0].toObject();
    const QJsonObject second = rows[1].toObject();
    // 区交通局: 1 ÷ (1 + 1) = 50 % on time, satisfied: 0.7 × 50 + 0.3 × 100 − 0.5 × 1 = 64.50.
    QCOMPARE(first.value(u"department"_s).toString(), u"区交通局"_s);
    QCOMPARE(first.value(u"rank"_s).toInt(), 1);
    QCOMPARE(first.value(u"breaches"_s).toInt(), 1);
    QCOMPARE(first.value(u"on_time_rate"_s).toDouble(), 50.0);
    QCOMPARE(first.value(u"score"_s).toDouble(), 64.5);
    // 区城管局: 1 ÷ (1 + 2) = 33.33 %, one of two callers satisfied: 23.33 + 15 − 1 = 37.33.
    QCOMPARE(second.value(u"department"_s).toString(), u"区城管局"_s);
    QCOMPARE(second.value(u"rank"_s).toInt(), 2);
    QCOMPARE(second.value(u"breaches"_s).toInt(), 2);
    QCOMPARE(second.value(u"returns"_s).toInt(), 0);
    QCOMPARE(second.value(u"satisfaction_rate"_s).toDouble(), 50.0);
    QCOMPARE(second.value(u"score"_s).toDouble(), 37.33);

    // The weights are settings.
    QCOMPARE(runCtl({u"--db"_s, db, u"config"_s, u"set"_s, u"assessment.penalty.breach"_s, u"40"_s}).exitCode, 0);
    r = runCtl({u"--db"_s, db, u"report"_s, u"--year"_s, u"2025"_s, u"--assessment"_s, u"--at"_s, newYear, u"--format"_s,
                u"csv"_s});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY2(r.out.startsWith("\xEF\xBB\xBFRank,Department,Code,Received,On-time rate (%),Satisfaction rate (%),"
                              "Breaches,Returns,Score\r\n1,区交通局,"),
             r.out.constData());
    r = runCtl({u"--db"_s, db, u"report"_s, u"--year"_s, u"2025"_s, u"--assessment"_s, u"--at"_s, newYear});
    QVERIFY2(r.out.startsWith("Annual assessment 2025\nScore = 0.7 × on-time rate + 0.3 × satisfaction rate − 40 × "),
             r.out.constData());
    const QString pdf = m_dir.filePath(u"assessment.pdf"_s);
    r = runCtl({u"--db"_s, db, u"report"_s, u"--year"_s, u"2025"_s, u"--assessment"_s, u"--at"_s, newYear, u"--format"_s,
                u"pdf"_s, u"-o"_s, pdf});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QFile f(pdf);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QVERIFY(f.read(5) == "%PDF-");
}

QTEST_GUILESS_MAIN(TestCtl)
#include "tst_ctl.moc"
