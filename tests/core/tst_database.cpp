// The SQLite file: schema version, forward-only migrations, refusal of files that are not ours or are newer,
// WAL concurrency without SQLITE_BUSY.
#include "TestSupport.h"
#include "TestWorkspace.h"

#include "service/TicketService.h"
#include "storage/Database.h"
#include "storage/EventStore.h"

#include <QCryptographicHash>
#include <QFile>
#include <QSqlQuery>
#include <QTest>
#include <QThread>

#include <atomic>

using namespace Qt::StringLiterals;
using namespace hotline;
using namespace hotline::test;

namespace {

QByteArray fileHash(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
}

// Writes a plain SQLite file with the given statements, without the project's code.
void makeSqliteFile(const QString &path, const QStringList &statements)
{
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"raw"_s);
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QSqlQuery q(db);
        for (const QString &s : statements)
            QVERIFY2(q.exec(s), qPrintable(s));
        db.close();
    }
    QSqlDatabase::removeDatabase(u"raw"_s);
}

} // namespace

class TestDatabase : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void secondConnectionKeepsTheFirstOnesLocks()
    {
        // Regression: opening a second connection in this process (as the sync thread does) used to read the
        // file header with QFile, and closing that descriptor dropped every POSIX lock the process held on the
        // file. Another process then believed it was alone, checkpointed and deleted the WAL, and later commits
        // here went into the deleted file, invisible to everyone else.
        TestWorkspace tw;
        QString error;
        auto second = Database::open(tw.path(), &error);
        QVERIFY2(second, qPrintable(error));
        const Actor taker{u"alice"_s, Role::CallTaker, QString(), u"01"_s};
        NewTicket t;
        t.summary = u"第一件"_s;
        QVERIFY(!tw.ws->tickets().registerTicket(taker, t, &error).isEmpty());
        QCOMPARE(runCtl({u"verify"_s, u"--db"_s, tw.path()}).exitCode, 0); // another process opens and closes
        t.summary = u"第二件"_s;
        QVERIFY(!tw.ws->tickets().registerTicket(taker, t, &error).isEmpty());
        const CtlResult seen = runCtl({u"verify"_s, u"--db"_s, tw.path()});
        QVERIFY2(QString::fromUtf8(seen.out).contains(u"OK: 2 events"_s), seen.out.constData());
    }

    void newDatabaseHasLatestSchemaAndWal();
    void refusesNewerSchemaUntouched();
    void refusesCorruptFileUntouched();
    void refusesSomebodyElsesSqliteFile();
    void migratesAnOlderSchemaKeepingData();
    void failedMigrationLeavesOldVersion();
    void readerDoesNotBlockWriter();
    void writersWaitInsteadOfFailing();
};

void TestDatabase::newDatabaseHasLatestSchemaAndWal()
{
    QTemporaryDir dir;
    QString error;
    auto db = Database::open(dir.filePath(u"sub/folder/h.db"_s), &error);
    QVERIFY2(db, qPrintable(error));
    QCOMPARE(db->schemaVersion(), Database::latestSchemaVersion());
    QSqlQuery q(db->sql());
    QVERIFY(q.exec(u"PRAGMA journal_mode"_s) && q.next());
    QCOMPARE(q.value(0).toString(), u"wal"_s);
    // Reopening does not migrate again.
    db.reset();
    db = Database::open(dir.filePath(u"sub/folder/h.db"_s), &error);
    QVERIFY2(db, qPrintable(error));
    QCOMPARE(db->schemaVersion(), Database::latestSchemaVersion());
}

void TestDatabase::refusesNewerSchemaUntouched()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"newer.db"_s);
    makeSqliteFile(path, {u"CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT)"_s, u"PRAGMA user_version = 99"_s});
    const QByteArray before = fileHash(path);
    QString error;
    QVERIFY(!Database::open(path, &error));
    QVERIFY2(error.contains(u"newer"_s), qPrintable(error));
    QVERIFY2(error.contains(u"99"_s), qPrintable(error));
    QCOMPARE(fileHash(path), before);
    QVERIFY(!QFile::exists(path + u"-wal"_s));
}

void TestDatabase::refusesCorruptFileUntouched()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"corrupt.db"_s);
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(QByteArray("this is a spreadsheet, not a database\n").repeated(200));
    f.close();
    const QByteArray before = fileHash(path);
    QString error;
    QVERIFY(!Database::open(path, &error));
    QVERIFY2(error.contains(u"not"_s), qPrintable(error));
    QCOMPARE(fileHash(path), before);

    // An SQLite header followed by garbage (a truncated copy) is refused too.
    const QString truncated = dir.filePath(u"truncated.db"_s);
    QFile t(truncated);
    QVERIFY(t.open(QIODevice::WriteOnly));
    t.write(QByteArray("SQLite format 3\0", 16) + QByteArray(5000, '\x7f'));
    t.close();
    const QByteArray truncatedBefore = fileHash(truncated);
    QVERIFY(!Database::open(truncated, &error));
    QVERIFY(!error.isEmpty());
    QCOMPARE(fileHash(truncated), truncatedBefore);
}

void TestDatabase::refusesSomebodyElsesSqliteFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"other.db"_s);
    makeSqliteFile(path, {u"CREATE TABLE recipes(name TEXT)"_s, u"INSERT INTO recipes VALUES('dumplings')"_s});
    const QByteArray before = fileHash(path);
    QString error;
    QVERIFY(!Database::open(path, &error));
    QVERIFY2(error.contains(u"not a Hotline Console database"_s), qPrintable(error));
    QCOMPARE(fileHash(path), before);
}

void TestDatabase::migratesAnOlderSchemaKeepingData()
{
    if (Database::latestSchemaVersion() < 2)
        QFAIL("this build has a single schema version; the migration test needs 002");
    QTemporaryDir dir;
    const QString path = dir.filePath(u"old.db"_s);
    // What version 1 of the program wrote: its migration script alone, and a ticket event.
    QFile v1(u":/sql/001_initial.sql"_s);
    QVERIFY(v1.open(QIODevice::ReadOnly));
    QStringList statements;
    QString current;
    for (const QString &line : QString::fromUtf8(v1.readAll()).split(u'\n')) {
        if (line.trimmed().startsWith(u"--"_s))
            continue;
        current += line + u'\n';
        const QString t = line.trimmed();
        const bool trigger = current.contains(u"CREATE TRIGGER"_s);
        if ((trigger && t.endsWith(u"END;"_s)) || (!trigger && t.endsWith(u';'))) {
            statements << current;
            current.clear();
        }
    }
    statements << u"INSERT INTO departments(code, name) VALUES('CG', '区城管局')"_s << u"PRAGMA user_version = 1"_s;
    makeSqliteFile(path, statements);

    QString error;
    auto db = Database::open(path, &error);
    QVERIFY2(db, qPrintable(error));
    QCOMPARE(db->schemaVersion(), Database::latestSchemaVersion());
    QSqlQuery q(db->sql());
    QVERIFY(q.exec(u"SELECT name FROM departments WHERE code = 'CG'"_s) && q.next());
    QCOMPARE(q.value(0).toString(), u"区城管局"_s);
}

void TestDatabase::failedMigrationLeavesOldVersion()
{
    if (Database::latestSchemaVersion() < 2)
        QFAIL("this build has a single schema version; the migration test needs 002");
    QTemporaryDir dir;
    const QString path = dir.filePath(u"blocked.db"_s);
    {
        QString error;
        auto db = Database::open(path, &error);
        QVERIFY2(db, qPrintable(error));
    }
    // Back to version 1 as an old program left it, plus a table whose name migration 002 needs for an index:
    // 002 fails part-way, after it has already altered the callbacks table.
    makeSqliteFile(path, {u"DROP INDEX tickets_overdue"_s, u"CREATE TABLE tickets_overdue(x)"_s,
                          u"CREATE TABLE callbacks_v1 AS SELECT event_id, ticket_id, at_ms, satisfaction FROM callbacks"_s,
                          u"DROP TABLE callbacks"_s, u"ALTER TABLE callbacks_v1 RENAME TO callbacks"_s,
                          u"CREATE INDEX callbacks_at ON callbacks(at_ms)"_s, u"PRAGMA user_version = 1"_s});
    QString error;
    QVERIFY(!Database::open(path, &error));
    QVERIFY2(error.contains(u"Migration to schema 2"_s), qPrintable(error));
    // Nothing of 002 stuck: still version 1, and callbacks has no department column.
    QSqlDatabase raw = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"check"_s);
    raw.setDatabaseName(path);
    QVERIFY(raw.open());
    {
        QSqlQuery q(raw);
        QVERIFY(q.exec(u"PRAGMA user_version"_s) && q.next());
        QCOMPARE(q.value(0).toInt(), 1);
        QVERIFY(q.exec(u"SELECT count(*) FROM pragma_table_info('callbacks') WHERE name = 'department'"_s) && q.next());
        QCOMPARE(q.value(0).toInt(), 0);
    }
    raw.close();
    raw = QSqlDatabase();
    QSqlDatabase::removeDatabase(u"check"_s);
}

void TestDatabase::readerDoesNotBlockWriter()
{
    TestWorkspace tw;
    QVERIFY2(tw.isValid(), qPrintable(tw.error));
    QString error;
    auto reader = Database::open(tw.path(), &error);
    QVERIFY2(reader, qPrintable(error));
    // A long read transaction (a report) holds a snapshot …
    QVERIFY(reader->exec(u"BEGIN"_s));
    QSqlQuery r(reader->sql());
    QVERIFY(r.exec(u"SELECT count(*) FROM events"_s) && r.next());
    QCOMPARE(r.value(0).toInt(), 0);
    r.finish();
    // … while the operator registers a ticket: WAL lets the write through at once.
    NewTicket t;
    t.summary = u"路灯不亮"_s;
    const Actor taker{u"alice"_s, Role::CallTaker, QString(), u"01"_s};
    QVERIFY2(!tw.ws->tickets().registerTicket(taker, t, &error).isEmpty(), qPrintable(error));
    // The reader still sees its snapshot, then the new row after it ends.
    QVERIFY(r.exec(u"SELECT count(*) FROM events"_s) && r.next());
    QCOMPARE(r.value(0).toInt(), 0);
    r.finish();
    QVERIFY(reader->exec(u"COMMIT"_s));
    QVERIFY(r.exec(u"SELECT count(*) FROM events"_s) && r.next());
    QCOMPARE(r.value(0).toInt(), 1);
}

void TestDatabase::writersWaitInsteadOfFailing()
{
    TestWorkspace tw;
    QVERIFY2(tw.isValid(), qPrintable(tw.error));
    const QString path = tw.path();
    std::atomic<bool> holding{false};
    std::atomic<bool> otherOk{false};
    // Another thread (its own connection, as a sync worker would have) holds the write lock for a while.
    QThread *other = QThread::create([&] {
        QString e;
        auto db = Database::open(path, &e);
        if (!db)
            return;
        WriteTransaction tx(*db);
        if (!tx.isActive())
            return;
        db->exec(u"INSERT INTO meta(key, value) VALUES('held', '1')"_s);
        holding = true;
        QThread::msleep(300);
        otherOk = tx.commit();
    });
    other->start();
    QTRY_VERIFY(holding.load());
    NewTicket t;
    t.summary = u"占道经营"_s;
    QString error;
    const Actor taker{u"alice"_s, Role::CallTaker, QString(), u"01"_s};
    QVERIFY2(!tw.ws->tickets().registerTicket(taker, t, &error).isEmpty(), qPrintable(error));
    other->wait();
    delete other;
    QVERIFY(otherOk.load());
    QCOMPARE(tw.ws->database().meta(u"held"_s), u"1"_s);
}

QTEST_GUILESS_MAIN(TestDatabase)
#include "tst_database.moc"
