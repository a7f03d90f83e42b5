// Crash safety: a process registering tickets is SIGKILLed at random moments, many times (also while it creates
// and migrates the database). Afterwards the file is intact, every ticket whose number was shown is there with
// that number, the projection agrees with the events, the hash chain verifies and work goes on.
#include "TestSupport.h"

#include "service/TicketService.h"
#include "service/Workspace.h"
#include "storage/Database.h"
#include "storage/EventStore.h"
#include "util/Clock.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QHash>
#include <QProcess>
#include <QRandomGenerator>
#include <QSet>
#include <QSqlQuery>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace hotline;

namespace {

QString writerPath()
{
    const QString fromEnv = qEnvironmentVariable("HOTLINE_CRASH_WRITER");
    return fromEnv.isEmpty() ? QCoreApplication::applicationDirPath() + u"/../crash/hotline_crash_writer"_s : fromEnv;
}

qint64 scalar(Database &db, const QString &sql)
{
    QSqlQuery q(db.sql());
    return q.exec(sql) && q.next() ? q.value(0).toLongLong() : -1;
}

} // namespace

class TestCrashSafety : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void killedWriterLosesNothingShown()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(u"crash.db"_s);
        // The kill moments are random; the seed is printed so that a failure can be replayed.
        const quint32 seed = qEnvironmentVariableIsSet("HOTLINE_CRASH_SEED")
                                 ? quint32(qEnvironmentVariableIntValue("HOTLINE_CRASH_SEED"))
                                 : QRandomGenerator::system()->generate();
        qInfo("kill moments seed: %u (HOTLINE_CRASH_SEED)", seed);
        QRandomGenerator random(seed);

        const int rounds = 40;
        QHash<QString, QString> shown; // ticket id -> number, as printed after its commit
        int killedWhileWriting = 0;
        for (int round = 0; round < rounds; ++round) {
            QProcess writer;
            writer.start(writerPath(), {path});
            QVERIFY2(writer.waitForStarted(10000), qPrintable(writer.errorString()));
            // Early rounds kill while the file is created and migrated; later ones, once the writer is ready
            // (however slow a sanitizer build makes the start), between and inside commits.
            QByteArray output;
            if (round >= 3) {
                QElapsedTimer ready;
                ready.start();
                while (!output.contains("ready\n") && ready.elapsed() < 60000 && writer.state() == QProcess::Running) {
                    writer.waitForReadyRead(100);
                    output += writer.readAllStandardOutput();
                }
            }
            const int delayMs = round < 3 ? int(random.bounded(0, 60)) : int(random.bounded(10, 300));
            QElapsedTimer t;
            t.start();
            while (t.elapsed() < delayMs && writer.state() == QProcess::Running)
                writer.waitForReadyRead(delayMs - int(t.elapsed()) + 1);
            QVERIFY2(writer.state() == QProcess::Running,
                     qPrintable(u"the writer stopped by itself: "_s + QString::fromUtf8(writer.readAllStandardError())));
            writer.kill(); // SIGKILL: no destructor, no rollback, no close
            QVERIFY(writer.waitForFinished(10000));
            QCOMPARE(writer.exitStatus(), QProcess::CrashExit);
            output += writer.readAllStandardOutput();
            const QList<QByteArray> lines = output.split('\n');
            // The last element is an unterminated fragment (or empty): only complete lines were shown.
            for (qsizetype i = 0; i + 1 < lines.size(); ++i) {
                const QList<QByteArray> parts = lines.at(i).split(' ');
                if (parts.size() != 2)
                    continue; // "ready"
                QVERIFY2(!shown.contains(QString::fromUtf8(parts[0])), parts[0].constData());
                shown.insert(QString::fromUtf8(parts[0]), QString::fromUtf8(parts[1]));
                if (i + 2 == lines.size())
                    ++killedWhileWriting;
            }
        }
        QVERIFY2(shown.size() >= 20, qPrintable(u"only %1 tickets were registered"_s.arg(shown.size())));
        QVERIFY(killedWhileWriting > 0);

        ManualClock clock(QDateTime::currentMSecsSinceEpoch());
        QString error;
        auto ws = Workspace::open(path, clock, &error);
        QVERIFY2(ws, qPrintable(error));
        Database &db = ws->database();
        {
            QSqlQuery q(db.sql());
            QVERIFY(q.exec(u"PRAGMA integrity_check"_s) && q.next());
            QCOMPARE(q.value(0).toString(), u"ok"_s);
        }
        // Every ticket shown is there, with the number shown; numbers are never handed out twice.
        QSet<QString> numbers;
        for (auto it = shown.cbegin(); it != shown.cend(); ++it) {
            QCOMPARE(ws->events().ticket(it.key()).number, it.value());
            QVERIFY2(!numbers.contains(it.value()), qPrintable(it.value()));
            numbers.insert(it.value());
        }
        // Registered events, projected tickets and (a possibly committed but not yet shown last one) agree.
        const qint64 registered = scalar(db, u"SELECT count(*) FROM events WHERE type = 'registered'"_s);
        QCOMPARE(scalar(db, u"SELECT count(*) FROM tickets"_s), registered);
        QVERIFY(registered >= shown.size() && registered <= shown.size() + rounds);
        const VerifyReport chain = ws->events().verify();
        QVERIFY2(chain.ok, qPrintable(chain.message));
        // The projection derived again from the events is the one that was there.
        QVERIFY2(ws->events().rebuildProjection(&error), qPrintable(error));
        QCOMPARE(scalar(db, u"SELECT count(*) FROM tickets"_s), registered);
        for (auto it = shown.cbegin(); it != shown.cend(); ++it)
            QCOMPARE(ws->events().ticket(it.key()).number, it.value());

        // And the console goes on: a new ticket gets a new number.
        NewTicket t;
        t.summary = u"崩溃之后"_s;
        const Actor taker{u"alice"_s, Role::CallTaker, QString(), ws->consoleCode()};
        const QString id = ws->tickets().registerTicket(taker, t, &error);
        QVERIFY2(!id.isEmpty(), qPrintable(error));
        QVERIFY(!numbers.contains(ws->events().ticket(id).number));
    }
};

QTEST_GUILESS_MAIN(TestCrashSafety)
#include "tst_crash_safety.moc"
