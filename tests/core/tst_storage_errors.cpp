// Storage failures an operator can meet: a damaged or foreign file, a database from a newer program, a read-only
// file or folder, a full disk. Each gives a clear translated message (in hotlinectl too, with a non-zero exit), the
// file is left untouched where the operation was refused, and nothing saved before is lost.
#include "TestSupport.h"

#include "service/TicketService.h"
#include "service/Workspace.h"
#include "storage/Database.h"
#include "storage/EventStore.h"
#include "util/Clock.h"

#include <QCryptographicHash>
#include <QFile>
#include <QProcess>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTest>

#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace hotline;
using namespace hotline::test;

namespace {

const Actor kTaker{u"alice"_s, Role::CallTaker, QString(), u"01"_s};

QByteArray fileHash(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
}

// A closed database with three tickets (closing the last connection checkpoints and removes the WAL).
QStringList makeDatabase(const QString &path)
{
    ManualClock clock(QDateTime::currentMSecsSinceEpoch());
    QString error;
    auto ws = Workspace::open(path, clock, &error);
    if (!ws)
        qFatal("%s", qUtf8Printable(error));
    QStringList ids;
    for (int i = 0; i < 3; ++i) {
        NewTicket t;
        t.summary = u"存储测试 "_s + QString::number(i);
        ids << ws->tickets().registerTicket(kTaker, t, &error);
    }
    return ids;
}

bool canUnshare()
{
    if (qEnvironmentVariableIsSet("HOTLINE_TEST_NO_UNSHARE")) // to exercise the fallbacks
        return false;
    if (QStandardPaths::findExecutable(u"unshare"_s).isEmpty())
        return false;
    QProcess p;
    p.start(u"unshare"_s, {u"-rm"_s, u"true"_s});
    return p.waitForFinished(10000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
}

// Runs a shell script as root of a new user and mount namespace (tmpfs and read-only mounts without privileges).
QProcess *runUnshared(const QString &script, const QStringList &args)
{
    auto *p = new QProcess;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"HOTLINE_LANG"_s, u"en"_s);
    p->setProcessEnvironment(env);
    p->start(u"unshare"_s, QStringList{u"-rm"_s, u"sh"_s, u"-c"_s, script, u"sh"_s} + args);
    p->waitForFinished(120000);
    return p;
}

} // namespace

class TestStorageErrors : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    // Database::open and hotlinectl both refuse path with a message containing `expected`; the file is untouched.
    void expectRefused(const QString &path, const QString &expected)
    {
        const QByteArray before = fileHash(path);
        QString error;
        QVERIFY(!Database::open(path, &error));
        QVERIFY2(error.contains(expected), qPrintable(error));
        const CtlResult r = runCtl({u"init"_s, u"--db"_s, path});
        QVERIFY(r.exitCode != 0);
        QVERIFY2(QString::fromUtf8(r.err).contains(expected), r.err.constData());
        QCOMPARE(fileHash(path), before);
        QVERIFY(!QFile::exists(path + u"-wal"_s));
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void textFileIsNotADatabase()
    {
        const QString path = m_dir.filePath(u"notes.db"_s);
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("name,phone\n张三,13812345678\n");
        f.close();
        expectRefused(path, u"not a Hotline Console database"_s);
    }

    void truncatedFileIsDamaged()
    {
        const QString path = m_dir.filePath(u"truncated.db"_s);
        makeDatabase(path);
        QFile f(path);
        QVERIFY(f.resize(f.size() / 2));
        expectRefused(path, u"is damaged"_s);
    }

    void damagedSchemaPageIsDamaged()
    {
        const QString path = m_dir.filePath(u"damaged.db"_s);
        makeDatabase(path);
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadWrite));
        // Page 1 after the 100-byte file header is the schema table's b-tree page: scribble over its header.
        QVERIFY(f.seek(100));
        f.write(QByteArray(64, '\xa5'));
        f.close();
        expectRefused(path, u"is damaged"_s);
    }

    void newerSchemaIsRefused()
    {
        const QString path = m_dir.filePath(u"newer.db"_s);
        makeDatabase(path);
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"raw"_s);
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(u"PRAGMA user_version = "_s + QString::number(Database::latestSchemaVersion() + 1)));
            db.close();
        }
        QSqlDatabase::removeDatabase(u"raw"_s);
        expectRefused(path, u"written by a newer version of Hotline Console"_s);
    }

    void readOnlyFileAndFolder()
    {
        const QString folder = m_dir.filePath(u"ro"_s);
        QVERIFY(QDir().mkpath(folder));
        const QString path = folder + u"/ro.db"_s;
        const QStringList ids = makeDatabase(path);
        const QByteArray before = fileHash(path);
        bool ran = false;
        if (::geteuid() != 0) { // permissions do not stop root
            QFile::setPermissions(path, QFile::ReadOwner | QFile::ReadUser);
            expectRefused(path, u"is read-only"_s);
            QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadUser | QFile::WriteUser);
            QFile::setPermissions(folder, QFile::ReadOwner | QFile::ExeOwner | QFile::ReadUser | QFile::ExeUser);
            expectRefused(path, u"is read-only"_s);
            QFile::setPermissions(folder, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadUser
                                              | QFile::WriteUser | QFile::ExeUser);
            ran = true;
        }
        if (canUnshare()) { // a read-only mount stops everyone, root included
            std::unique_ptr<QProcess> p(runUnshared(
                u"mount --bind \"$1\" \"$1\" && mount -o remount,bind,ro \"$1\" && exec \"$2\" init --db \"$1/ro.db\""_s,
                {folder, hotlinectlPath()}));
            QCOMPARE(p->exitStatus(), QProcess::NormalExit);
            QVERIFY(p->exitCode() != 0);
            const QString err = QString::fromUtf8(p->readAllStandardError());
            QVERIFY2(err.contains(u"is read-only"_s), qPrintable(err));
            ran = true;
        }
        QVERIFY2(ran, "neither file permissions (running as root) nor a read-only mount (no unshare) can be tested here");
        QCOMPARE(fileHash(path), before);
        // Writable again: everything is there and work goes on.
        ManualClock clock(QDateTime::currentMSecsSinceEpoch());
        QString error;
        auto ws = Workspace::open(path, clock, &error);
        QVERIFY2(ws, qPrintable(error));
        for (const QString &id : ids)
            QVERIFY(!ws->events().ticket(id).number.isEmpty());
    }

    void fullDiskKeepsWhatWasSaved();
};

// On a small tmpfs when the kernel lets us mount one; else SQLite's max_page_count gives the same SQLITE_FULL.
void TestStorageErrors::fullDiskKeepsWhatWasSaved()
{
    const QString expected = u"The disk is full: the change was not saved. Free some space and try again; nothing "
                             "already saved was lost."_s;
    QStringList shown; // ids printed by the writer, after their commits
    QString path;
    QString message;
    if (canUnshare()) {
        qInfo("full disk: a 1 MiB tmpfs in a private mount namespace");
        const QString out = m_dir.filePath(u"full-copy"_s);
        QVERIFY(QDir().mkpath(out));
        const QString mountPoint = m_dir.filePath(u"tmpfs"_s);
        QVERIFY(QDir().mkpath(mountPoint));
        const QString writer = QCoreApplication::applicationDirPath() + u"/../crash/hotline_crash_writer"_s;
        std::unique_ptr<QProcess> p(runUnshared(
            u"mount -t tmpfs -o size=1m tmpfs \"$1\" || exit 90; \"$3\" \"$1/full.db\"; rc=$?; "
            "cp \"$1\"/full.db* \"$2\"/; exit $rc"_s,
            {mountPoint, out, writer}));
        QCOMPARE(p->exitStatus(), QProcess::NormalExit);
        QCOMPARE(p->exitCode(), 1); // the writer stopped on a failed save, it did not crash
        message = QString::fromUtf8(p->readAllStandardError());
        for (const QByteArray &line : p->readAllStandardOutput().split('\n')) {
            const QList<QByteArray> parts = line.split(' ');
            if (parts.size() == 2)
                shown << QString::fromUtf8(parts[0]);
        }
        path = out + u"/full.db"_s;
    } else {
        qInfo("full disk: PRAGMA max_page_count (no unshare here)");
        path = m_dir.filePath(u"full.db"_s);
        shown = makeDatabase(path);
        ManualClock clock(QDateTime::currentMSecsSinceEpoch());
        QString error;
        auto ws = Workspace::open(path, clock, &error);
        QVERIFY2(ws, qPrintable(error));
        QSqlQuery q(ws->database().sql());
        QVERIFY(q.exec(u"PRAGMA page_count"_s) && q.next());
        QVERIFY(ws->database().exec(u"PRAGMA max_page_count = "_s + q.value(0).toString()));
        q.finish();
        for (int i = 0; i < 1000 && message.isEmpty(); ++i) {
            NewTicket t;
            t.summary = QString(400, u'满');
            const QString id = ws->tickets().registerTicket(kTaker, t, &error);
            if (id.isEmpty())
                message = error;
            else
                shown << id;
        }
    }
    qInfo("%lld tickets saved, then: %s", qlonglong(shown.size()), qUtf8Printable(message));
    QVERIFY2(message.contains(expected), qPrintable(message));
    QVERIFY(shown.size() > 0);

    ManualClock clock(QDateTime::currentMSecsSinceEpoch());
    QString error;
    auto ws = Workspace::open(path, clock, &error);
    QVERIFY2(ws, qPrintable(error));
    QSqlQuery q(ws->database().sql());
    QVERIFY(q.exec(u"PRAGMA integrity_check"_s) && q.next());
    QCOMPARE(q.value(0).toString(), u"ok"_s);
    for (const QString &id : std::as_const(shown))
        QVERIFY2(!ws->events().ticket(id).number.isEmpty(), qPrintable(id));
    QVERIFY(ws->events().verify().ok);
}

QTEST_GUILESS_MAIN(TestStorageErrors)
#include "tst_storage_errors.moc"
