// hotlinectl's files (issue 13), as a real process on real files: -o never over the database or somebody else's
// file, read-only commands create nothing, private files whatever the umask, and secrets never printed.
#include "TestSupport.h"
#include "io/ExportFile.h"
#include "service/Workspace.h"
#include "storage/Database.h"
#include "util/Clock.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace hotline;
using namespace hotline::test;

namespace {

QByteArray fileBytes(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
}

int mode(const QString &path)
{
    struct stat st;
    return ::stat(QFile::encodeName(path).constData(), &st) == 0 ? int(st.st_mode & 0777) : -1;
}

QString octal(int m)
{
    return QString::number(m, 8);
}

} // namespace

class TestCtlOutput : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QProcessEnvironment m_env;
    QString m_db;
    mode_t m_umask = 0;

    CtlResult ctl(const QStringList &args) { return runCtl(args, m_env); }
    CtlResult ctlWithStdin(const QStringList &args, const QByteArray &input)
    {
        QProcess p;
        p.setProcessEnvironment(m_env);
        p.start(hotlinectlPath(), args);
        CtlResult r;
        if (!p.waitForStarted(30000))
            return r;
        p.write(input);
        p.closeWriteChannel();
        p.waitForFinished(60000);
        r.out = p.readAllStandardOutput();
        r.err = p.readAllStandardError();
        r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
        return r;
    }
    QString ledger() const { return m_dir.filePath(u"state/hotline-console/outputs.json"_s); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(!hotlinectlPath().isEmpty(), "HOTLINECTL is not set (run through ctest)");
        QVERIFY(m_dir.isValid());
        // The most permissive umask: whatever must stay private must not depend on it.
        m_umask = ::umask(0);
        m_env = QProcessEnvironment::systemEnvironment();
        m_env.insert(u"XDG_STATE_HOME"_s, m_dir.filePath(u"state"_s));
        m_env.insert(u"XDG_DATA_HOME"_s, m_dir.filePath(u"data"_s)); // the default database, never the user's
        m_db = m_dir.filePath(u"centre/hotline.db"_s);
        const CtlResult r = ctl({u"--db"_s, m_db, u"init"_s, u"--demo"_s});
        QVERIFY2(r.exitCode == 0, r.err.constData());
    }

    void cleanupTestCase() { ::umask(m_umask); }

    void databaseAndFolderArePrivate()
    {
        QCOMPARE(octal(mode(m_db)), octal(0600));
        QCOMPARE(octal(mode(QFileInfo(m_db).absolutePath())), octal(0700));
        // Every folder made for a new database, and the -wal/-shm SQLite makes beside it while it is open.
        const QString deep = m_dir.filePath(u"a/b/c/new.db"_s);
        QString error;
        SystemClock clock;
        {
            const std::unique_ptr<Workspace> ws = Workspace::open(deep, clock, &error);
            QVERIFY2(ws, qPrintable(error));
            QVERIFY(QFileInfo::exists(deep + u"-wal"_s));
            QCOMPARE(octal(mode(deep)), octal(0600));
            QCOMPARE(octal(mode(deep + u"-wal"_s)), octal(0600));
            QCOMPARE(octal(mode(deep + u"-shm"_s)), octal(0600));
        }
        for (const QString &folder : {u"a"_s, u"a/b"_s, u"a/b/c"_s})
            QCOMPARE(octal(mode(m_dir.filePath(folder))), octal(0700));
    }

    void consoleExportsAreNeverTheOpenDatabase()
    {
        // The console's exports (a save dialog may name any file) go through the same writer.
        SystemClock clock;
        QString error;
        const QString path = m_dir.filePath(u"console.db"_s);
        const std::unique_ptr<Workspace> ws = Workspace::open(path, clock, &error);
        QVERIFY2(ws, qPrintable(error));
        const QByteArray before = fileBytes(path);
        QVERIFY(QFile::link(path, m_dir.filePath(u"console-alias.csv"_s)));
        for (const QString &target :
             QStringList{path, path + u"-wal"_s, path + u"-shm"_s, m_dir.filePath(u"console-alias.csv"_s)}) {
            QVERIFY2(!ExportFile::write(ws->systemActor(), target, "report", &error), qPrintable(target));
            QVERIFY2(error.contains(u"database"_s), qPrintable(error));
        }
        QCOMPARE(fileBytes(path), before);
        const QString csv = m_dir.filePath(u"console-report.csv"_s);
        QVERIFY2(ExportFile::write(ws->systemActor(), csv, "report", &error, true), qPrintable(error));
        QCOMPARE(octal(mode(csv)), octal(0600));
    }

    void outputIsNeverTheDatabase()
    {
        const QByteArray before = fileBytes(m_db);
        QVERIFY(!before.isEmpty());
        const QString folder = QFileInfo(m_db).absolutePath();
        QVERIFY(QFile::link(m_db, m_dir.filePath(u"alias.db"_s)));
        QVERIFY(::link(QFile::encodeName(m_db).constData(), QFile::encodeName(m_dir.filePath(u"hard.db"_s)).constData())
                == 0);
        QVERIFY(QFile::link(m_db + u"-wal"_s, m_dir.filePath(u"dangling-wal"_s))); // the -wal is gone after exit
        const QStringList targets {m_db,
                                   m_db + u"-wal"_s,
                                   m_db + u"-shm"_s,
                                   m_db + u"-journal"_s,
                                   folder + u"/../centre/./hotline.db"_s,
                                   m_dir.filePath(u"alias.db"_s),
                                   m_dir.filePath(u"hard.db"_s),
                                   m_dir.filePath(u"dangling-wal"_s)};
        for (const QString &target : targets) {
            for (const bool force : {false, true}) {
                QStringList args {u"--db"_s, m_db, u"report"_s, u"--month"_s, u"2025-03"_s, u"-o"_s, target};
                if (force)
                    args << u"--force"_s;
                const CtlResult r = ctl(args);
                QVERIFY2(r.exitCode == 1, qPrintable(target));
                QVERIFY2(r.err.contains("database"), r.err.constData());
            }
        }
        // Also through a relative path, from the database's folder.
        QProcess p;
        p.setProcessEnvironment(m_env);
        p.setWorkingDirectory(folder);
        p.start(hotlinectlPath(), {u"--db"_s, u"hotline.db"_s, u"board"_s, u"-o"_s, u"./hotline.db-wal"_s});
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitCode(), 1);
        // The default database (no --db) is protected too.
        const QString defaultDb = m_dir.filePath(u"data/hotline-console/hotline.db"_s);
        CtlResult r = ctl({u"init"_s});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(QFileInfo::exists(defaultDb));
        r = ctl({u"permissions"_s, u"-o"_s, defaultDb, u"--force"_s});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(fileBytes(defaultDb).startsWith("SQLite format 3"));

        QCOMPARE(fileBytes(m_db), before);
        QVERIFY(ctl({u"--db"_s, m_db, u"verify"_s}).exitCode == 0);
        QVERIFY(!QFileInfo(m_db + u"-journal"_s).exists());
    }

    void existingFilesNeedForceUnlessTheyAreOurOutput()
    {
        const QString out = m_dir.filePath(u"report.csv"_s);
        QVERIFY(writeFile(out, "somebody's spreadsheet\n"));
        const QStringList report {u"--db"_s,     m_db,     u"report"_s, u"--month"_s, u"2025-03"_s,
                                  u"--format"_s, u"csv"_s, u"-o"_s,     out};
        CtlResult r = ctl(report);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("--force"), r.err.constData());
        QCOMPARE(fileBytes(out), QByteArray("somebody's spreadsheet\n"));

        r = ctl(report + QStringList {u"--force"_s});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QByteArray first = fileBytes(out);
        QVERIFY(first.startsWith("\xEF\xBB\xBF"));
        // The ledger: canonical path, size and SHA-256 of what was written, private.
        const QJsonArray files = QJsonDocument::fromJson(fileBytes(ledger())).object().value(u"files"_s).toArray();
        bool found = false;
        for (const QJsonValue &v : files) {
            const QJsonObject e = v.toObject();
            if (e.value(u"path"_s).toString() == QFileInfo(out).canonicalFilePath()) {
                found = true;
                QCOMPARE(qint64(e.value(u"size"_s).toDouble()), qint64(first.size()));
                QCOMPARE(e.value(u"sha256"_s).toString().toLatin1(),
                         QCryptographicHash::hash(first, QCryptographicHash::Sha256).toHex());
            }
        }
        QVERIFY(found);
        QCOMPARE(octal(mode(ledger())), octal(0600));
        QCOMPARE(octal(mode(QFileInfo(ledger()).absolutePath())), octal(0700));

        // Our own unchanged output may be replaced, also under another name for the same file.
        r = ctl({u"--db"_s, m_db, u"report"_s, u"--month"_s, u"2025-02"_s, u"--format"_s, u"json"_s, u"-o"_s,
                 m_dir.filePath(u"state/../report.csv"_s)});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(fileBytes(out) != first);
        // Once somebody edits it, it is theirs.
        QVERIFY(writeFile(out, fileBytes(out) + "edited\n"));
        const QByteArray edited = fileBytes(out);
        r = ctl(report);
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(fileBytes(out), edited);
        // An empty file (a script's mktemp) holds nothing to lose.
        QVERIFY(writeFile(out, QByteArray()));
        r = ctl(report);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(fileBytes(out), first);
        // A folder is never an output.
        r = ctl({u"--db"_s, m_db, u"board"_s, u"-o"_s, m_dir.path(), u"--force"_s});
        QCOMPARE(r.exitCode, 1);
        // -o - is standard output.
        r = ctl({u"--db"_s, m_db, u"report"_s, u"--month"_s, u"2025-03"_s, u"--format"_s, u"csv"_s, u"-o"_s, u"-"_s});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(r.out, first);
        QVERIFY(!QFileInfo::exists(m_dir.filePath(u"-"_s)));
        // Found by attacking issue 13: -o over the ledger with --force lost the output (the ledger was written
        // over it) and every entry of the ledger. Never the ledger, nor its lock file.
        const QByteArray ledgerBefore = fileBytes(ledger());
        for (const QString &target : QStringList {ledger(), ledger() + u".lock"_s}) {
            r = ctl(report.mid(0, report.size() - 1) + QStringList {target, u"--force"_s});
            QCOMPARE(r.exitCode, 1);
            QVERIFY2(r.err.contains("list of its earlier outputs"), r.err.constData());
        }
        QCOMPARE(fileBytes(ledger()), ledgerBefore);
        QVERIFY(!QFileInfo::exists(ledger() + u".lock"_s));
    }

    void unmaskedExportsArePrivate()
    {
        const QString unmasked = m_dir.filePath(u"unmasked.csv"_s);
        const QString masked = m_dir.filePath(u"masked.csv"_s);
        CtlResult r = ctl({u"--db"_s, m_db, u"export"_s, u"tickets"_s, u"--unmasked"_s, u"-o"_s, unmasked});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(octal(mode(unmasked)), octal(0600));
        r = ctl({u"--db"_s, m_db, u"access-log"_s, u"-o"_s, m_dir.filePath(u"access.tsv"_s)});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(octal(mode(m_dir.filePath(u"access.tsv"_s))), octal(0600));
        // Replacing a world-readable file with callers in full makes it private.
        QVERIFY(writeFile(masked, QByteArray()));
        QVERIFY(QFile::setPermissions(masked, QFileDevice::Permissions::fromInt(0x6666)));
        QCOMPARE(octal(mode(masked)), octal(0666));
        r = ctl({u"--db"_s, m_db, u"export"_s, u"tickets"_s, u"--unmasked"_s, u"-o"_s, masked});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(octal(mode(masked)), octal(0600));
        // A refused -o logs no unmasked export: the check comes first.
        QVERIFY(writeFile(masked, "keep me"));
        const QByteArray logBefore = ctl({u"--db"_s, m_db, u"access-log"_s}).out;
        r = ctl({u"--db"_s, m_db, u"export"_s, u"tickets"_s, u"--unmasked"_s, u"-o"_s, masked});
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(ctl({u"--db"_s, m_db, u"access-log"_s}).out, logBefore);
        QCOMPARE(fileBytes(masked), QByteArray("keep me"));
    }

    void readingCommandsOnAMissingDatabaseCreateNothing()
    {
        const QString missingFolder = m_dir.filePath(u"nowhere"_s);
        const QString missing = missingFolder + u"/sub/hotline.db"_s;
        const QList<QStringList> readers {
            {u"verify"_s},
            {u"report"_s, u"--month"_s, u"2025-03"_s},
            {u"board"_s},
            {u"export"_s, u"tickets"_s},
            {u"access-log"_s},
            {u"config"_s, u"get"_s, u"sla.consult_days"_s},
            {u"config"_s, u"list"_s},
            {u"deadline"_s, u"--class"_s, u"consult"_s, u"--start"_s, u"2025-03-03T09:00:00"_s},
            {u"users"_s, u"list"_s},
        };
        for (const QStringList &command : readers) {
            const CtlResult r = ctl(QStringList {u"--db"_s, missing} + command);
            QVERIFY2(r.exitCode == 1, qPrintable(command.join(u' ') + u": "_s + QString::fromUtf8(r.err)));
            QVERIFY2(r.err.contains("no database"), r.err.constData());
            QVERIFY2(!QFileInfo::exists(missingFolder), qPrintable(command.join(u' ')));
        }
        // In an existing folder: no file either.
        const QString beside = m_dir.filePath(u"absent.db"_s);
        QCOMPARE(ctl({u"--db"_s, beside, u"board"_s}).exitCode, 1);
        QVERIFY(!QFileInfo::exists(beside));
        QVERIFY(!QFileInfo::exists(beside + u"-wal"_s));
        // Found by attacking issue 13: an existing empty file (mktemp, a log) was migrated into a database by
        // board; a folder gave a raw "Cannot read" only.
        const QString empty = m_dir.filePath(u"empty.db"_s);
        QFile f(empty);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.close();
        for (const QString &path : {empty, m_dir.path()}) {
            const CtlResult r = ctl({u"--db"_s, path, u"board"_s});
            QCOMPARE(r.exitCode, 1);
            QVERIFY2(r.err.contains("is not a Hotline Console database"), r.err.constData());
        }
        QCOMPARE(QFileInfo(empty).size(), 0);
        QVERIFY(!QFileInfo::exists(empty + u"-wal"_s));
        // A command that writes still creates the database in it.
        QCOMPARE(ctl({u"--db"_s, empty, u"init"_s}).exitCode, 0);
        QCOMPARE(ctl({u"--db"_s, empty, u"board"_s}).exitCode, 0);
    }

    void pdfIsNeverWrittenToATerminalOrUnasked()
    {
        CtlResult r = ctl({u"--db"_s, m_db, u"report"_s, u"--month"_s, u"2025-03"_s, u"--format"_s, u"pdf"_s});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.out.isEmpty());
        QVERIFY2(r.err.contains("-o"), r.err.constData());
        // Standard output a terminal: refused even with -o - (script(1) gives the process a terminal).
        if (!QStandardPaths::findExecutable(u"script"_s).isEmpty()) {
            QProcess p;
            p.setProcessEnvironment(m_env);
            const QString command = QStringList {hotlinectlPath(), u"--db"_s,     m_db,     u"report"_s, u"--month"_s,
                                                 u"2025-03"_s,     u"--format"_s, u"pdf"_s, u"-o"_s,     u"-"_s}
                                        .join(u' ');
            p.start(u"script"_s, {u"-qec"_s, command, u"/dev/null"_s});
            QVERIFY(p.waitForFinished(60000));
            QCOMPARE(p.exitCode(), 2);
            const QByteArray seen = p.readAllStandardOutput();
            QVERIFY2(seen.contains("terminal"), seen.constData());
            QVERIFY(!seen.contains("%PDF"));
        }
    }

    void secretsAreNeverPrinted()
    {
        CtlResult r
            = ctlWithStdin({u"--db"_s, m_db, u"config"_s, u"set"_s, u"sms.token"_s, u"--stdin"_s}, "tok-from-stdin\n");
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(r.err.isEmpty());
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"probe"_s);
            db.setDatabaseName(m_db);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(u"SELECT value FROM settings WHERE key = 'sms.token'"_s) && q.next());
            QCOMPARE(q.value(0).toString(), u"tok-from-stdin"_s); // the final line break is not part of it
        }
        QSqlDatabase::removeDatabase(u"probe"_s);
        r = ctl({u"--db"_s, m_db, u"config"_s, u"list"_s});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(r.out.contains("sms.token=••••\n"));
        QVERIFY(!r.out.contains("tok-from-stdin"));
        r = ctl({u"--db"_s, m_db, u"config"_s, u"get"_s, u"sms.token"_s});
        QCOMPARE(r.out, QByteArray("••••\n"));

        const QString tokenFile = m_dir.filePath(u"token.txt"_s);
        QVERIFY(writeFile(tokenFile, "tok-from-file\r\n"));
        r = ctl({u"--db"_s, m_db, u"config"_s, u"set"_s, u"sms.token"_s, u"--from-file"_s, tokenFile});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(!ctl({u"--db"_s, m_db, u"config"_s, u"list"_s}).out.contains("tok-from-file"));
        // Validated like any value: a token with a space, an unreadable file, an empty stdin for a template.
        QVERIFY(writeFile(tokenFile, "two words\n"));
        r = ctl({u"--db"_s, m_db, u"config"_s, u"set"_s, u"sms.token"_s, u"--from-file"_s, tokenFile});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(!r.err.contains("two words"));
        r = ctl({u"--db"_s, m_db, u"config"_s, u"set"_s, u"sms.token"_s, u"--from-file"_s, m_dir.filePath(u"no"_s)});
        QCOMPARE(r.exitCode, 1);
        r = ctlWithStdin({u"--db"_s, m_db, u"config"_s, u"set"_s, u"sms.template"_s, u"--stdin"_s}, "");
        QCOMPARE(r.exitCode, 1);
        // Found by attacking issue 13: an empty token file (or a failed `pass show | … --stdin`) silently cleared
        // the token, and reminders stopped. Clearing takes an explicit empty value.
        QVERIFY(writeFile(tokenFile, "\n"));
        r = ctl({u"--db"_s, m_db, u"config"_s, u"set"_s, u"sms.token"_s, u"--from-file"_s, tokenFile});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("is empty; nothing was changed"), r.err.constData());
        r = ctlWithStdin({u"--db"_s, m_db, u"config"_s, u"set"_s, u"sms.token"_s, u"--stdin"_s}, "");
        QCOMPARE(r.exitCode, 1);
        {
            QSqlDatabase c = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"empty-token"_s);
            c.setDatabaseName(m_db);
            QVERIFY(c.open());
            QSqlQuery q(c);
            QVERIFY(q.exec(u"SELECT value FROM settings WHERE key = 'sms.token'"_s) && q.next());
            QCOMPARE(q.value(0).toString(), u"tok-from-file"_s);
        }
        QSqlDatabase::removeDatabase(u"empty-token"_s);
        // Both, or a value as well: bad usage.
        r = ctl({u"--db"_s, m_db, u"config"_s, u"set"_s, u"sms.token"_s, u"x"_s, u"--stdin"_s});
        QCOMPARE(r.exitCode, 2);
        // On the command line it still works, with a warning about the process list.
        r = ctl({u"--db"_s, m_db, u"config"_s, u"set"_s, u"sms.token"_s, u"visible"_s});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.err.contains("--stdin"));
        // A nan or an unknown zone on the command line: refused with the reason, nothing stored.
        r = ctl({u"--db"_s, m_db, u"config"_s, u"set"_s, u"sla.yellow_hours"_s, u"nan"_s});
        QCOMPARE(r.exitCode, 1);
        r = ctl({u"--db"_s, m_db, u"config"_s, u"set"_s, u"centre.timezone"_s, u""_s});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains("time zone"));
        QCOMPARE(ctl({u"--db"_s, m_db, u"config"_s, u"get"_s, u"sla.yellow_hours"_s}).out, QByteArray("3\n"));
    }
};

QTEST_GUILESS_MAIN(TestCtlOutput)
#include "tst_ctl_output.moc"
