// hotlinectl ticket ... on a training database and on a real one: the real binary on a real file, each action
// through the console's TicketService and permission table, with the password on standard input.
#include "TestSupport.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace hotline::test;

namespace {

/** hotlinectl with input on its standard input (the password of --as). */
CtlResult ctl(const QStringList &args, const QByteArray &input = {})
{
    QProcess p;
    p.start(hotlinectlPath(), args);
    CtlResult r;
    if (!p.waitForStarted(60000)) {
        r.err = "hotlinectl did not start";
        return r;
    }
    p.write(input);
    p.closeWriteChannel();
    if (!p.waitForFinished(120000)) {
        p.kill();
        p.waitForFinished();
        r.err = "hotlinectl timed out";
        return r;
    }
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
    return r;
}

/** One value from the database, read with a connection of the test's own. */
QString scalar(const QString &dbPath, const QString &sql)
{
    const QString name = u"probe"_s;
    QString value;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(dbPath);
        if (db.open()) {
            QSqlQuery q(db);
            if (q.exec(sql) && q.next())
                value = q.value(0).toString();
        }
    }
    QSqlDatabase::removeDatabase(name);
    return value;
}

QJsonObject json(const CtlResult &r)
{
    return QJsonDocument::fromJson(r.out).object();
}

QStringList column(const QJsonArray &rows, const QString &key)
{
    QStringList values;
    for (const QJsonValue &v : rows)
        values << v.toObject().value(key).toString();
    return values;
}

/** An instant in the centre's zone, ISO with offset, hours after a base. */
QString plusHours(const QString &iso, double hours)
{
    const QDateTime t = QDateTime::fromString(iso, Qt::ISODate);
    return t.addSecs(qint64(hours * 3600)).toOffsetFromUtc(8 * 3600).toString(Qt::ISODate);
}

} // namespace

class TestCtlTicket : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void initTrainingMakesUsersOnce();
    void fullLoopByTrainingUsers();
    void showsWhatWaitsForDispatch();
    void actingAsAUserNeedsTheirPassword();
    void badInputWritesNothing();
    void realDatabaseRefusesDrillsAndAnonymousActions();
    void trainingDatabaseNeverSyncs();
    // The breach rules (issue 14) driven through hotlinectl with --at, as a drill would.
    void returnAfterTheDeadlineStaysBreached();
    void transferAfterTheDeadlineStaysBreached();
    void extensionRequestedTooLateIsRefused();
    void extensionInTimeApprovedLateHoldsNoBreach();
    void extensionInTimeRefusedLateBreachesAtTheOriginalDeadline();
    void misrouteWithinTheWindowCostsNothing();
    void returnAfterTheWindowCountsAgainstTheDepartment();

private:
    /** hotlinectl --db (the training database) ARGS. */
    CtlResult drill(const QStringList &args, const QByteArray &input = {})
    {
        return ctl(QStringList{u"--db"_s, m_db} + args, input);
    }
    /** Registers a ticket at an instant and returns its number. */
    QString registerAt(const QString &at, const QString &type = u"complaint"_s)
    {
        const CtlResult r = drill({u"ticket"_s, u"register"_s, u"--type"_s, type, u"--summary"_s, u"路灯不亮"_s,
                                   u"--town"_s, u"桂城"_s, u"--caller-name"_s, u"陈先生"_s, u"--caller-phone"_s,
                                   u"13812345678"_s, u"--at"_s, at});
        if (r.exitCode != 0)
            qWarning() << r.err;
        return QString::fromUtf8(r.out).trimmed();
    }
    QJsonObject show(const QString &number)
    {
        return json(drill({u"ticket"_s, u"show"_s, number, u"--format"_s, u"json"_s}));
    }
    int events() { return scalar(m_db, u"SELECT count(*) FROM events"_s).toInt(); }
    /** A ticket registered at t0 and dispatched six minutes later; its number. */
    QString dispatchedAt(const QString &t0, const QString &department, const QString &type = u"complaint"_s)
    {
        const QString number = registerAt(t0, type);
        const CtlResult r = drill({u"ticket"_s, u"dispatch"_s, number, u"--department"_s, department, u"--at"_s,
                                   plusHours(t0, 0.1)});
        if (r.exitCode != 0)
            qWarning() << r.err;
        return number;
    }
    /** hotlinectl ticket ARGS --at AT; true when it succeeded (the reason is logged when not). */
    bool step(const QStringList &args, const QString &at)
    {
        const CtlResult r = drill(QStringList{u"ticket"_s} + args + QStringList{u"--at"_s, at});
        if (r.exitCode != 0)
            qWarning() << args << at << r.err;
        return r.exitCode == 0;
    }
    static QJsonObject clock(const QJsonObject &ticket, int i)
    {
        return ticket.value(u"dispatches"_s).toArray().at(i).toObject();
    }
    static QString deadline(const QJsonObject &ticket, int i) { return clock(ticket, i).value(u"deadline"_s).toString(); }

    QTemporaryDir m_dir;
    QString m_db;
    QString m_password;
};

void TestCtlTicket::initTestCase()
{
    QVERIFY2(!hotlinectlPath().isEmpty(), "HOTLINECTL is not set (run through ctest)");
    QVERIFY(m_dir.isValid());
    m_db = m_dir.filePath(u"training.db"_s);
    const CtlResult r = ctl({u"--db"_s, m_db, u"init"_s, u"--training"_s});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QRegularExpressionMatch m = QRegularExpression(u"password[^:]*: (\\S+)"_s).match(QString::fromUtf8(r.out));
    QVERIFY2(m.hasMatch(), r.out.constData());
    m_password = m.captured(1);
    QVERIFY(m_password.size() >= 8);
}

void TestCtlTicket::initTrainingMakesUsersOnce()
{
    QCOMPARE(scalar(m_db, u"SELECT value FROM meta WHERE key = 'training'"_s), u"1"_s);
    const CtlResult users = ctl({u"--db"_s, m_db, u"users"_s, u"list"_s});
    QCOMPARE(users.exitCode, 0);
    for (const char *name : {"train.calltaker\t", "train.dispatcher\t", "train.liaison.CG\t", "train.liaison.JT\t",
                             "train.supervisor\t", "train.admin\t"})
        QVERIFY2(users.out.contains(name), name);
    // Demo reference data, no tickets: a clean sheet for drills.
    QVERIFY(scalar(m_db, u"SELECT count(*) FROM departments"_s).toInt() > 10);
    QVERIFY(scalar(m_db, u"SELECT count(*) FROM categories"_s).toInt() > 5);
    QCOMPARE(scalar(m_db, u"SELECT count(*) FROM tickets"_s), u"0"_s);

    // Again: the database is ready, the password is not printed again (nor changed).
    const QString before = scalar(m_db, u"SELECT password_hash FROM users WHERE name = 'train.admin'"_s);
    CtlResult again = ctl({u"--db"_s, m_db, u"init"_s, u"--training"_s});
    QCOMPARE(again.exitCode, 0);
    QVERIFY(!again.out.contains(m_password.toUtf8()));
    QCOMPARE(scalar(m_db, u"SELECT password_hash FROM users WHERE name = 'train.admin'"_s), before);

    // A database with a real record is never turned into a training one.
    const QString real = m_dir.filePath(u"real-for-init.db"_s);
    QCOMPARE(ctl({u"--db"_s, real, u"init"_s}).exitCode, 0);
    QCOMPARE(ctl({u"--db"_s, real, u"users"_s, u"list"_s}).exitCode, 0);
    const QString demo = m_dir.filePath(u"demo-for-init.db"_s);
    QCOMPARE(ctl({u"--db"_s, demo, u"init"_s, u"--demo"_s}).exitCode, 0);
    again = ctl({u"--db"_s, demo, u"init"_s, u"--training"_s});
    QCOMPARE(again.exitCode, 1);
    QVERIFY2(again.err.contains("training database starts empty"), again.err.constData());
    QVERIFY(scalar(demo, u"SELECT value FROM meta WHERE key = 'training'"_s).isEmpty());
    QCOMPARE(ctl({u"--db"_s, m_dir.filePath(u"both.db"_s), u"init"_s, u"--training"_s, u"--demo"_s}).exitCode, 2);
}

void TestCtlTicket::fullLoopByTrainingUsers()
{
    const QString t0 = u"2025-03-03T09:00:00+08:00"_s; // a Monday
    const QString number = registerAt(t0);
    // register prints the number alone
    QVERIFY2(QRegularExpression(u"^\\S+$"_s).match(number).hasMatch(), qPrintable(number));
    QVERIFY(!number.isEmpty());
    const auto step = [&](const QStringList &args, double hours) {
        const CtlResult r = drill(QStringList{u"ticket"_s} + args + QStringList{u"--at"_s, plusHours(t0, hours)});
        QVERIFY2(r.exitCode == 0, r.err.constData());
    };
    step({u"dispatch"_s, number, u"--department"_s, u"区城市管理和综合执法局"_s}, 0.5); // by name
    step({u"sign"_s, number}, 1);
    step({u"reply"_s, number, u"--text"_s, u"已派人维修"_s}, 2);
    step({u"callback"_s, number, u"--answer"_s, u"satisfied"_s}, 4);
    step({u"close"_s, number}, 4.1);

    const CtlResult r = drill({u"ticket"_s, u"show"_s, number, u"--format"_s, u"json"_s});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QJsonObject t = json(r);
    QCOMPARE(t.value(u"number"_s).toString(), number);
    QCOMPARE(t.value(u"state"_s).toString(), u"closed"_s);
    QCOMPARE(t.value(u"department"_s).toString(), u"CG"_s);
    QCOMPARE(t.value(u"satisfaction"_s).toString(), u"satisfied"_s);
    QCOMPARE(t.value(u"on_time"_s).toBool(), true);
    QCOMPARE(t.value(u"registered"_s).toString(), t0);
    QCOMPARE(t.value(u"closed"_s).toString(), plusHours(t0, 4.1));
    // Masked like every list of the console; the timeline's registration too.
    QCOMPARE(t.value(u"caller_phone"_s).toString(), u"138****5678"_s);
    QCOMPARE(t.value(u"caller_name"_s).toString(), u"陈**"_s);
    QVERIFY(!r.out.contains("13812345678"));
    const QJsonArray timeline = t.value(u"timeline"_s).toArray();
    QCOMPARE(column(timeline, u"event"_s),
             (QStringList{u"registered"_s, u"dispatched"_s, u"signed"_s, u"replied"_s, u"callback"_s, u"closed"_s}));
    // Each action by the training user of the role it needs; the liaison of the ticket's department.
    QCOMPARE(column(timeline, u"actor"_s),
             (QStringList{u"train.calltaker"_s, u"train.dispatcher"_s, u"train.liaison.CG"_s, u"train.liaison.CG"_s,
                          u"train.calltaker"_s, u"train.calltaker"_s}));
    QCOMPARE(column(timeline, u"at"_s).at(3), plusHours(t0, 2));
    const QJsonArray dispatches = t.value(u"dispatches"_s).toArray();
    QCOMPARE(dispatches.size(), 1);
    QCOMPARE(dispatches.at(0).toObject().value(u"department"_s).toString(), u"CG"_s);
    QCOMPARE(dispatches.at(0).toObject().value(u"at"_s).toString(), plusHours(t0, 0.5));
    QCOMPARE(dispatches.at(0).toObject().value(u"deadline"_s).toString(), t.value(u"deadline"_s).toString());
    QCOMPARE(dispatches.at(0).toObject().value(u"outcome"_s).toString(), u"replied"_s);
    QCOMPARE(dispatches.at(0).toObject().value(u"on_time"_s).toBool(), true);
    QCOMPARE(dispatches.at(0).toObject().value(u"breached"_s).toBool(), false);
    QCOMPARE(t.value(u"breached"_s).toBool(), false);
    QCOMPARE(t.value(u"waiting"_s), QJsonValue());

    // The text form says the same for people.
    const CtlResult text = drill({u"ticket"_s, u"show"_s, number});
    QCOMPARE(text.exitCode, 0);
    QVERIFY(text.out.contains(number.toUtf8()));
    QVERIFY(text.out.contains("138****5678"));

    // Unmasked only as the console's "Show number": allowed for the role, and logged.
    const int logged = scalar(m_db, u"SELECT count(*) FROM access_log"_s).toInt();
    const CtlResult full = drill({u"ticket"_s, u"show"_s, number, u"--format"_s, u"json"_s, u"--unmasked"_s});
    QVERIFY2(full.exitCode == 0, full.err.constData());
    QCOMPARE(json(full).value(u"caller_phone"_s).toString(), u"13812345678"_s);
    QCOMPARE(scalar(m_db, u"SELECT count(*) FROM access_log"_s).toInt(), logged + 1);
}

void TestCtlTicket::showsWhatWaitsForDispatch()
{
    const QString t0 = u"2025-03-04T10:15:00+08:00"_s;
    const QString number = registerAt(t0);
    QVERIFY(!number.isEmpty());
    const QJsonObject t = show(number);
    QCOMPARE(t.value(u"state"_s).toString(), u"registered"_s);
    const QJsonObject waiting = t.value(u"waiting"_s).toObject();
    QCOMPARE(waiting.value(u"for"_s).toString(), u"dispatch"_s);
    QCOMPARE(waiting.value(u"since"_s).toString(), t0);
    QVERIFY(t.value(u"dispatches"_s).toArray().isEmpty());
    const CtlResult text = drill({u"ticket"_s, u"show"_s, number});
    QVERIFY2(text.out.contains("Waits for dispatch since 2025-03-04 10:15"), text.out.constData());
}

void TestCtlTicket::actingAsAUserNeedsTheirPassword()
{
    const QString number = registerAt(u"2025-03-05T09:00:00+08:00"_s);
    const int before = events();
    // The right password: the record names that user.
    CtlResult r = drill({u"ticket"_s, u"dispatch"_s, number, u"--department"_s, u"JT"_s, u"--as"_s, u"train.admin"_s,
                         u"--at"_s, u"2025-03-05T09:30:00+08:00"_s},
                        m_password.toUtf8() + '\n');
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QCOMPARE(events(), before + 1);
    QCOMPARE(column(show(number).value(u"timeline"_s).toArray(), u"actor"_s).constLast(), u"train.admin"_s);

    // A wrong one: refused, nothing written, and it counts toward the lockout like the console's sign-in.
    r = drill({u"ticket"_s, u"sign"_s, number, u"--as"_s, u"train.liaison.JT"_s}, "not-the-password\n");
    QCOMPARE(r.exitCode, 1);
    QVERIFY(!r.err.isEmpty());
    QCOMPARE(events(), before + 1);
    QCOMPARE(scalar(m_db, u"SELECT failures FROM user_lockouts WHERE name = 'train.liaison.JT'"_s), u"1"_s);
    // None at all: a usage error.
    r = drill({u"ticket"_s, u"sign"_s, number, u"--as"_s, u"train.liaison.JT"_s});
    QCOMPARE(r.exitCode, 2);
    // The role decides, as in the console: a dispatcher does not sign for a department.
    r = drill({u"ticket"_s, u"sign"_s, number, u"--as"_s, u"train.dispatcher"_s}, m_password.toUtf8() + '\n');
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("train.dispatcher"), r.err.constData());
    QCOMPARE(events(), before + 1);
    // The right liaison with the right password; the failure count starts again.
    r = drill({u"ticket"_s, u"sign"_s, number, u"--as"_s, u"train.liaison.JT"_s, u"--at"_s,
               u"2025-03-05T10:00:00+08:00"_s},
              m_password.toUtf8() + '\n');
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QCOMPARE(scalar(m_db, u"SELECT failures FROM user_lockouts WHERE name = 'train.liaison.JT'"_s).toInt(), 0);
}

void TestCtlTicket::badInputWritesNothing()
{
    const QString number = registerAt(u"2025-03-06T09:00:00+08:00"_s);
    const int before = events();
    const auto refused = [&](const QStringList &args, int code, const QByteArray &mentions) {
        const CtlResult r = drill(QStringList{u"ticket"_s} + args);
        QVERIFY2(r.exitCode == code, QByteArray(args.join(u' ').toUtf8() + ": " + r.err).constData());
        QVERIFY2(r.err.contains(mentions), QByteArray(mentions + " not in: " + r.err).constData());
        QVERIFY(r.out.isEmpty());
        QCOMPARE(events(), before);
    };
    refused({u"dispatch"_s, number, u"--department"_s, u"NOPE"_s}, 1, "NOPE");
    refused({u"register"_s, u"--summary"_s, u"x"_s, u"--caller-phone"_s, u"12abc"_s}, 1, "--caller-phone");
    refused({u"register"_s, u"--summary"_s, u"x"_s, u"--category"_s, u"火星事务"_s}, 1, "火星事务");
    refused({u"register"_s, u"--summary"_s, u"x"_s, u"--type"_s, u"rumour"_s}, 2, "rumour");
    refused({u"register"_s, u"--summary"_s, u"x"_s, u"--type"_s, u"consult"_s, u"--class"_s, u"handling"_s}, 1,
            "consult");
    // Wrong state: nobody signs for a ticket that was never dispatched.
    refused({u"sign"_s, number}, 1, number.toUtf8());
    refused({u"reply"_s, number, u"--text"_s, u"ok"_s}, 1, number.toUtf8());
    refused({u"sign"_s, u"20990101-01-9999"_s}, 1, "20990101-01-9999");
    refused({u"dispatch"_s, number, u"--department"_s, u"CG"_s, u"--answer"_s, u"satisfied"_s}, 2, "--answer");
    refused({u"extend"_s, number, u"--days"_s, u"two"_s, u"--reason"_s, u"r"_s}, 2, "--days");
    refused({u"decide-extension"_s, number, u"--approve"_s, u"--refuse"_s}, 2, "--approve");
    refused({u"frobnicate"_s, number}, 2, "Usage");
    // A drill's clock does not run backwards before the ticket's last event.
    refused({u"dispatch"_s, number, u"--department"_s, u"CG"_s, u"--at"_s, u"2025-03-06T08:00:00+08:00"_s}, 1,
            "last event");
}

void TestCtlTicket::realDatabaseRefusesDrillsAndAnonymousActions()
{
    const QString real = m_dir.filePath(u"real.db"_s);
    QCOMPARE(ctl({u"--db"_s, real, u"init"_s, u"--demo"_s}).exitCode, 0);
    const auto eventsOf = [&] { return scalar(real, u"SELECT count(*) FROM events"_s).toInt(); };
    const int before = eventsOf();
    const QStringList registration{u"--db"_s, real, u"ticket"_s, u"register"_s, u"--summary"_s, u"井盖缺失"_s};

    CtlResult r = ctl(registration);
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("--as USER"), r.err.constData());
    r = ctl(registration + QStringList{u"--as"_s, u"calltaker"_s, u"--at"_s, u"2025-03-03T09:00:00+08:00"_s}, "demo1234\n");
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("no back-dating on a real record"), r.err.constData());
    r = ctl(registration + QStringList{u"--as"_s, u"calltaker"_s}, "wrong-password1\n");
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(scalar(real, u"SELECT failures FROM user_lockouts WHERE name = 'calltaker'"_s), u"1"_s);
    QCOMPARE(eventsOf(), before);

    // The right person, now: the number alone on stdout, the record names them.
    r = ctl(registration + QStringList{u"--as"_s, u"calltaker"_s}, "demo1234\n");
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QString number = QString::fromUtf8(r.out).trimmed();
    QCOMPARE(eventsOf(), before + 1);
    QCOMPARE(scalar(real, u"SELECT actor FROM events ORDER BY seq DESC LIMIT 1"_s), u"calltaker"_s);
    // A liaison sees only their own department's tickets: this one is nobody's yet.
    r = ctl({u"--db"_s, real, u"ticket"_s, u"show"_s, number, u"--as"_s, u"liaison"_s}, "demo1234\n");
    QCOMPARE(r.exitCode, 1);
    r = ctl({u"--db"_s, real, u"ticket"_s, u"show"_s, number, u"--as"_s, u"dispatcher"_s, u"--format"_s, u"json"_s},
            "demo1234\n");
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QCOMPARE(json(r).value(u"waiting"_s).toObject().value(u"for"_s).toString(), u"dispatch"_s);
}

void TestCtlTicket::trainingDatabaseNeverSyncs()
{
    // Refused before any connection is tried (the address is unreachable anyway) and before the address is kept.
    const CtlResult r = drill({u"sync"_s, u"--server"_s, u"postgresql://hotline@127.0.0.1:1/hotline"_s, u"--once"_s});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("training database"), r.err.constData());
    QVERIFY(scalar(m_db, u"SELECT value FROM meta WHERE key = 'sync.server_url'"_s).isEmpty());
}

void TestCtlTicket::returnAfterTheDeadlineStaysBreached()
{
    // Consultation: one working day. CG lets it run past its deadline, then returns it; the breach stays with CG's
    // dispatch, and a re-dispatch answered quickly does not launder the ticket.
    const QString t0 = u"2025-03-10T09:00:00+08:00"_s;
    const QString number = dispatchedAt(t0, u"CG"_s, u"consult"_s);
    QVERIFY(step({u"sign"_s, number}, plusHours(t0, 0.2)));
    const QString due = deadline(show(number), 0);
    QVERIFY(!due.isEmpty());
    QVERIFY(step({u"return"_s, number, u"--reason"_s, u"不属于本单位"_s}, plusHours(due, 24)));
    QVERIFY(step({u"dispatch"_s, number, u"--department"_s, u"JT"_s}, plusHours(due, 24.5)));
    QVERIFY(step({u"sign"_s, number}, plusHours(due, 24.6)));
    QVERIFY(step({u"reply"_s, number, u"--text"_s, u"已处理"_s}, plusHours(due, 25)));
    const QJsonObject t = show(number);
    QCOMPARE(t.value(u"breached"_s).toBool(), true);
    QCOMPARE(t.value(u"dispatches"_s).toArray().size(), 2);
    QCOMPARE(clock(t, 0).value(u"department"_s).toString(), u"CG"_s);
    QCOMPARE(clock(t, 0).value(u"outcome"_s).toString(), u"returned"_s);
    QCOMPARE(clock(t, 0).value(u"breached"_s).toBool(), true);
    QCOMPARE(clock(t, 0).value(u"breached_at"_s).toString(), due);
    QCOMPARE(clock(t, 1).value(u"department"_s).toString(), u"JT"_s);
    QCOMPARE(clock(t, 1).value(u"outcome"_s).toString(), u"replied"_s);
    QCOMPARE(clock(t, 1).value(u"on_time"_s).toBool(), true);
    QCOMPARE(clock(t, 1).value(u"breached"_s).toBool(), false);
}

void TestCtlTicket::transferAfterTheDeadlineStaysBreached()
{
    const QString t0 = u"2025-03-11T09:00:00+08:00"_s;
    const QString number = dispatchedAt(t0, u"CG"_s, u"consult"_s);
    const QString due = deadline(show(number), 0);
    QVERIFY(step({u"transfer"_s, number, u"--department"_s, u"JT"_s, u"--reason"_s, u"改派"_s}, plusHours(due, 2)));
    const QJsonObject t = show(number);
    QCOMPARE(t.value(u"breached"_s).toBool(), true);
    QCOMPARE(clock(t, 0).value(u"outcome"_s).toString(), u"transferred"_s);
    QCOMPARE(clock(t, 0).value(u"breached"_s).toBool(), true);
    QCOMPARE(clock(t, 0).value(u"breached_at"_s).toString(), due);
    QCOMPARE(clock(t, 1).value(u"department"_s).toString(), u"JT"_s);
    QCOMPARE(clock(t, 1).value(u"outcome"_s).toString(), u"running"_s);
    QCOMPARE(clock(t, 1).value(u"breached"_s).toBool(), false);
    QVERIFY(deadline(t, 1) > due); // a fresh clock for JT, judged on its own
}

void TestCtlTicket::extensionRequestedTooLateIsRefused()
{
    const QString t0 = u"2025-03-12T09:00:00+08:00"_s;
    const QString number = dispatchedAt(t0, u"ZJ"_s);
    QVERIFY(step({u"sign"_s, number}, plusHours(t0, 0.2)));
    const QString due = deadline(show(number), 0);
    const int before = events();
    const CtlResult r = drill({u"ticket"_s, u"extend"_s, number, u"--days"_s, u"3"_s, u"--reason"_s, u"需协调"_s,
                               u"--at"_s, plusHours(due, 1)});
    QCOMPARE(r.exitCode, 1);
    QVERIFY(!r.err.isEmpty());
    QCOMPARE(events(), before);
    const QJsonObject t = show(number);
    QCOMPARE(t.value(u"extension_pending"_s).toBool(), false);
    QCOMPARE(deadline(t, 0), due);
}

void TestCtlTicket::extensionInTimeApprovedLateHoldsNoBreach()
{
    const QString t0 = u"2025-03-13T09:00:00+08:00"_s;
    const QString number = dispatchedAt(t0, u"ZJ"_s);
    QVERIFY(step({u"sign"_s, number}, plusHours(t0, 0.2)));
    const QString due = deadline(show(number), 0);
    QVERIFY(step({u"extend"_s, number, u"--days"_s, u"3"_s, u"--reason"_s, u"需协调施工单位"_s}, plusHours(due, -2)));
    QVERIFY(step({u"decide-extension"_s, number, u"--approve"_s}, plusHours(due, 20)));
    QJsonObject t = show(number);
    QCOMPARE(t.value(u"breached"_s).toBool(), false);
    QCOMPARE(clock(t, 0).value(u"breached"_s).toBool(), false);
    QCOMPARE(clock(t, 0).value(u"extensions"_s).toInt(), 1);
    QVERIFY(deadline(t, 0) > plusHours(due, 20));
    QVERIFY(step({u"reply"_s, number, u"--text"_s, u"已疏通"_s}, plusHours(due, 21)));
    t = show(number);
    QCOMPARE(clock(t, 0).value(u"outcome"_s).toString(), u"replied"_s);
    QCOMPARE(clock(t, 0).value(u"on_time"_s).toBool(), true);
    QCOMPARE(t.value(u"breached"_s).toBool(), false);
}

void TestCtlTicket::extensionInTimeRefusedLateBreachesAtTheOriginalDeadline()
{
    const QString t0 = u"2025-03-14T09:00:00+08:00"_s;
    const QString number = dispatchedAt(t0, u"ZJ"_s);
    const QString due = deadline(show(number), 0);
    QVERIFY(step({u"extend"_s, number, u"--days"_s, u"2"_s, u"--reason"_s, u"需协调"_s}, plusHours(due, -1)));
    QVERIFY(step({u"decide-extension"_s, number, u"--refuse"_s, u"--reason"_s, u"理由不足"_s}, plusHours(due, 30)));
    const QJsonObject t = show(number);
    QCOMPARE(t.value(u"breached"_s).toBool(), true);
    QCOMPARE(clock(t, 0).value(u"breached"_s).toBool(), true);
    QCOMPARE(clock(t, 0).value(u"breached_at"_s).toString(), due);
}

void TestCtlTicket::misrouteWithinTheWindowCostsNothing()
{
    const QString t0 = u"2025-03-17T09:00:00+08:00"_s;
    const QString number = dispatchedAt(t0, u"CG"_s);
    QVERIFY(step({u"sign"_s, number}, plusHours(t0, 0.2)));
    QVERIFY(step({u"return"_s, number, u"--reason"_s, u"应由镇街处理"_s}, plusHours(t0, 0.75)));
    const QJsonObject t = show(number);
    QCOMPARE(clock(t, 0).value(u"outcome"_s).toString(), u"misroute"_s);
    QCOMPARE(clock(t, 0).value(u"breached"_s).toBool(), false);
    QCOMPARE(t.value(u"breached"_s).toBool(), false);
    QCOMPARE(t.value(u"waiting"_s).toObject().value(u"for"_s).toString(), u"dispatch"_s);
    QCOMPARE(t.value(u"waiting"_s).toObject().value(u"since"_s).toString(), plusHours(t0, 0.75));
    // A return needs a reason.
    QVERIFY(step({u"dispatch"_s, number, u"--department"_s, u"GC"_s}, plusHours(t0, 1)));
    const CtlResult r = drill({u"ticket"_s, u"return"_s, number, u"--at"_s, plusHours(t0, 1.2)});
    QCOMPARE(r.exitCode, 1);
}

void TestCtlTicket::returnAfterTheWindowCountsAgainstTheDepartment()
{
    // After the misroute window, before the deadline: a return against the department, but no breach.
    const QString t0 = u"2025-03-18T09:00:00+08:00"_s;
    const QString number = dispatchedAt(t0, u"CG"_s);
    QVERIFY(step({u"return"_s, number, u"--reason"_s, u"不属于本单位"_s}, u"2025-03-19T10:00:00+08:00"_s));
    const QJsonObject t = show(number);
    QCOMPARE(clock(t, 0).value(u"outcome"_s).toString(), u"returned"_s);
    QCOMPARE(clock(t, 0).value(u"breached"_s).toBool(), false);
    QCOMPARE(t.value(u"breached"_s).toBool(), false);
}

QTEST_GUILESS_MAIN(TestCtlTicket)
#include "tst_ctl_ticket.moc"
