#include "storage/Database.h"
#include "storage/OpenDatabases.h"
#include "storage/EventStore.h"

#include "util/PrivateFiles.h"

#include "util/Clock.h"
#include "util/LogCategories.h"

#include <QAtomicInt>
#include <QDir>
#include <QFile>
#include <QHash>
#include <QMutex>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace hotline {
namespace {

// Migrations are Qt resources named sql/00N_*.sql; index i holds version i+1.
const QStringList &migrationFiles()
{
    static const QStringList files{u":/sql/001_initial.sql"_s, u":/sql/002_report_indexes.sql"_s,
                                    u":/sql/003_users_drafts.sql"_s, u":/sql/004_board_index.sql"_s,
                                    u":/sql/005_sync.sql"_s, u":/sql/006_sms_outbox.sql"_s,
                                    u":/sql/007_user_security.sql"_s, u":/sql/008_access_log.sql"_s,
                                    u":/sql/009_reference.sql"_s,
                                    u":/sql/010_department_aliases.sql"_s, u":/sql/011_honest_figures.sql"_s,
                                    u":/sql/012_every_channel.sql"_s,
                                    u":/sql/013_number_clashes.sql"_s, u":/sql/014_reference_rows.sql"_s,
                                    u":/sql/015_user_secrets.sql"_s};
    return files;
}

// Schemas whose migration adds projection columns only the fold can fill: after migrating to one of them, the
// projection is derived again from the events (the meta key below survives a crash until that is done).
constexpr int kRefoldAfter[] = {11, 12, 13};
const QString kRefoldKey = u"projection.refold_needed"_s;

QString nextConnectionName()
{
    static QAtomicInt counter;
    return u"hotline-db-"_s + QString::number(counter.fetchAndAddRelaxed(1));
}

// SQLite files start with this 16-byte header; anything else non-empty is not ours to touch.
// Files this process has open through SQLite. POSIX file locks belong to the process and are all dropped when
// ANY descriptor of the file is closed, so reading the header with QFile while another connection of this
// process (the sync thread, the escalator) has the file open would silently drop that connection's locks: a
// second process could then believe it is alone, checkpoint and delete the WAL under our feet. The header is
// checked only for the first connection.
QMutex g_openMutex;
QHash<QString, int> g_openFiles;

QString fileKey(const QString &path)
{
    const QString canonical = QFileInfo(path).canonicalFilePath();
    return canonical.isEmpty() ? QFileInfo(path).absoluteFilePath() : canonical;
}

bool looksLikeSqlite(const QString &path, QString *why)
{
    QFile f(path);
    if (!f.exists() || f.size() == 0)
        return true;
    if (!f.open(QIODevice::ReadOnly)) {
        *why = f.errorString();
        return false;
    }
    const QByteArray head = f.read(16);
    if (head != QByteArrayView("SQLite format 3\0", 16)) {
        *why = QString();
        return false;
    }
    return true;
}

// SQLite's primary result codes that an operator can act on (sqlite3.h).
constexpr int kSqliteBusy = 5;
constexpr int kSqliteLocked = 6;
constexpr int kSqliteReadOnly = 8;
constexpr int kSqliteIoError = 10;
constexpr int kSqliteCorrupt = 11;
constexpr int kSqliteFull = 13;
constexpr int kSqliteCantOpen = 14;
constexpr int kSqliteNotADatabase = 26;

int primaryCode(const QSqlError &e)
{
    bool ok = false;
    const int code = e.nativeErrorCode().toInt(&ok);
    return ok ? code & 0xff : 0; // extended codes keep the primary one in the low byte
}

// A file shorter than the page count its header records lost its end (a copy cut short, a truncated
// backup). Only meaningful without a WAL: committed pages may still live there.
bool looksTruncated(const QString &path)
{
    QFile wal(path + u"-wal"_s);
    if (wal.exists() && wal.size() > 0)
        return false;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly) || f.size() < 100)
        return false;
    const QByteArray header = f.read(100);
    const auto be = [&header](int at, int bytes) {
        quint64 v = 0;
        for (int i = 0; i < bytes; ++i)
            v = (v << 8) | quint8(header.at(at + i));
        return v;
    };
    const quint64 pageSize = be(16, 2) == 1 ? 65536 : be(16, 2);
    const quint64 pages = be(28, 4);
    // The in-header size is valid only when the change counter matches "version-valid-for" (SQLite ≥ 3.7).
    const bool valid = be(24, 4) == be(92, 4);
    return valid && pageSize >= 512 && pages > 0 && quint64(f.size()) < pages * pageSize;
}

// Splits a migration script into statements; triggers contain ';' inside BEGIN … END.
QStringList splitStatements(const QString &script)
{
    QStringList out;
    QString current;
    bool inTrigger = false;
    const QStringList lines = script.split(u'\n');
    for (const QString &rawLine : lines) {
        const QString line = rawLine.trimmed();
        if (line.startsWith(u"--"_s) || line.isEmpty())
            continue;
        current += rawLine + u'\n';
        if (line.startsWith(u"CREATE TRIGGER"_s, Qt::CaseInsensitive))
            inTrigger = true;
        const bool endsStatement = line.endsWith(u';');
        if (inTrigger) {
            if (line.endsWith(u"END;"_s, Qt::CaseInsensitive)) {
                out << current.trimmed();
                current.clear();
                inTrigger = false;
            }
        } else if (endsStatement) {
            out << current.trimmed();
            current.clear();
        }
    }
    if (!current.trimmed().isEmpty())
        out << current.trimmed();
    return out;
}

} // namespace

int Database::latestSchemaVersion()
{
    return int(migrationFiles().size());
}

Database::Database(QString path, QString connectionName)
    : m_path(std::move(path)), m_connectionName(std::move(connectionName))
{
}

Database::~Database()
{
    if (m_registered) {
        QMutexLocker openLock(&g_openMutex);
        const QString key = fileKey(m_path);
        if (--g_openFiles[key] <= 0)
            g_openFiles.remove(key);
    }
    {
        QSqlDatabase db = sql();
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

QStringList openDatabaseFiles()
{
    QMutexLocker lock(&g_openMutex);
    return g_openFiles.keys();
}

std::unique_ptr<Database> Database::open(const QString &path, QString *error)
{
    QString why;
    QMutexLocker openLock(&g_openMutex);
    if (!g_openFiles.contains(fileKey(path)) && !looksLikeSqlite(path, &why)) {
        *error = why.isEmpty() ? tr("%1 is not a Hotline Console database (not an SQLite file); it was left untouched.")
                                     .arg(QDir::toNativeSeparators(path))
                               : tr("Cannot read %1: %2").arg(QDir::toNativeSeparators(path), why);
        return nullptr;
    }
    const QFileInfo info(path);
    // The folder, when created here, and a new file are the owner's only (0700/0600, whatever the umask);
    // SQLite gives -wal and -shm the database file's mode.
    if (!info.absoluteDir().exists() && !PrivateFiles::makeFolder(info.absolutePath(), error))
        return nullptr;
    // SQLite would open a read-only file read-only and fail only at the first save (or, in WAL mode, at the
    // first read, unable to create the -shm file in a read-only folder): refuse at once, saying what to fix.
    if ((info.exists() && !info.isWritable()) || !QFileInfo(info.absolutePath()).isWritable()) {
        *error = tr("The database %1 is read-only: Hotline Console must be able to write to the file and to its "
                    "folder %2. Ask an administrator to make them writable; the database was left untouched.")
                     .arg(QDir::toNativeSeparators(path), QDir::toNativeSeparators(info.absolutePath()));
        return nullptr;
    }
    bool created = false;
    if (!info.exists() && !PrivateFiles::createFile(path, &created, &why)) {
        *error = tr("Cannot create the database %1: %2").arg(QDir::toNativeSeparators(path), why);
        return nullptr;
    }
    if (!g_openFiles.contains(fileKey(path)) && looksTruncated(path)) {
        *error = describeError(kSqliteCorrupt, tr("the file is shorter than its header says"), path);
        return nullptr;
    }

    const QString name = nextConnectionName();
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(path);
        // Writers wait up to 10 s for a lock instead of failing with SQLITE_BUSY.
        db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=10000"_s);
    }
    std::unique_ptr<Database> self(new Database(path, name));
    QSqlDatabase db = self->sql();
    if (!db.open()) {
        *error = tr("Cannot open the database %1: %2")
                     .arg(QDir::toNativeSeparators(path), describeError(db.lastError(), path));
        return nullptr;
    }

    // Read the version before anything writes to the file (journal mode, migrations), and in one read transaction
    // with the checks below: another process creating the same new file at once must not commit its first
    // migration between our reading version 0 and our looking for an empty schema.
    QSqlQuery q(db);
    if (!q.exec(u"BEGIN"_s) || !q.exec(u"PRAGMA user_version"_s) || !q.next()) {
        *error = tr("%1 is not a usable database: %2").arg(QDir::toNativeSeparators(path), describeError(q.lastError(), path));
        return nullptr;
    }
    const int version = q.value(0).toInt();
    q.finish();
    if (version > latestSchemaVersion()) {
        *error = tr("%1 was written by a newer version of Hotline Console (schema %2; this program knows up to %3). "
                    "Update the program; the database was left untouched.")
                     .arg(QDir::toNativeSeparators(path))
                     .arg(version)
                     .arg(latestSchemaVersion());
        return nullptr;
    }
    if (version > 0 && !q.exec(u"SELECT count(*) FROM meta"_s)) {
        // A damaged schema page fails here too: say so rather than blame the file's origin.
        const int code = primaryCode(q.lastError());
        *error = code == kSqliteCorrupt || code == kSqliteNotADatabase || code == kSqliteIoError
                     ? describeError(q.lastError(), path)
                     : tr("%1 is an SQLite file but not a Hotline Console database; it was left untouched.")
                           .arg(QDir::toNativeSeparators(path));
        return nullptr;
    }
    q.finish();
    if (version == 0) {
        // A version-0 file must be empty: refuse somebody else's SQLite database.
        if (!q.exec(u"SELECT count(*) FROM sqlite_master"_s) || !q.next() || q.value(0).toInt() != 0) {
            *error = tr("%1 is an SQLite file but not a Hotline Console database; it was left untouched.")
                         .arg(QDir::toNativeSeparators(path));
            return nullptr;
        }
        q.finish();
    }
    q.exec(u"COMMIT"_s); // ends the read snapshot; nothing was written

    QString pragmaError;
    // Switching a new file to WAL needs it to itself for a moment; SQLite answers "locked" at once, without the busy
    // timeout, while another process opening the same new file holds it: retry for as long as that timeout.
    for (int attempt = 0; attempt < 200; ++attempt) {
        QSqlQuery wal(db);
        if (wal.exec(u"PRAGMA journal_mode=WAL"_s))
            break;
        const int code = primaryCode(wal.lastError());
        if (code != kSqliteBusy && code != kSqliteLocked)
            break; // reported by the exec below
        QThread::msleep(50);
    }
    // synchronous=FULL: every commit reaches the disk before the operator is told it is saved (a power cut loses
    // nothing).
    if (!self->exec(u"PRAGMA journal_mode=WAL"_s, &pragmaError) || !self->exec(u"PRAGMA synchronous=FULL"_s, &pragmaError)
        || !self->exec(u"PRAGMA foreign_keys=ON"_s, &pragmaError)
        // Reads of a big database come from memory pages instead of a read() per page, and a larger page cache
        // keeps index pages of bulk writes in memory (the board and the import were I/O bound without them).
        || !self->exec(u"PRAGMA mmap_size=1073741824"_s, &pragmaError) || !self->exec(u"PRAGMA cache_size=-65536"_s, &pragmaError)) {
        *error = tr("Cannot configure the database %1: %2").arg(QDir::toNativeSeparators(path), pragmaError);
        return nullptr;
    }
    if (!self->migrate(error))
        return nullptr;
    ++g_openFiles[fileKey(path)];
    self->m_registered = true;
    return self;
}

bool Database::migrate(QString *error)
{
    int version = schemaVersion();
    const bool fresh = version == 0; // a new file has no events to fold
    while (version < latestSchemaVersion()) {
        const QString file = migrationFiles().at(version);
        QFile f(file);
        if (!f.open(QIODevice::ReadOnly)) {
            *error = tr("Missing migration %1.").arg(file);
            return false;
        }
        const QString script = QString::fromUtf8(f.readAll());
        WriteTransaction tx(*this);
        if (!tx.isActive()) {
            *error = tx.error();
            return false;
        }
        // Another process may have migrated the file while this one waited for the write lock (two consoles, or a
        // console and hotlinectl, opening a new database at once): read the version again under the lock.
        if (const int current = schemaVersion(); current != version) {
            tx.rollback();
            version = current;
            continue;
        }
        for (const QString &statement : splitStatements(script)) {
            QString why;
            if (!exec(statement, &why)) {
                *error = tr("Migration to schema %1 failed: %2").arg(version + 1).arg(why);
                return false; // tx rolls back: the file keeps its old version
            }
        }
        QString why;
        const bool refold = !fresh && std::ranges::find(kRefoldAfter, version + 1) != std::end(kRefoldAfter);
        if (refold && !exec(u"INSERT OR REPLACE INTO meta(key, value) VALUES('"_s + kRefoldKey + u"', '1')"_s, &why)) {
            *error = tr("Migration to schema %1 failed: %2").arg(version + 1).arg(why);
            return false;
        }
        if (!exec(u"PRAGMA user_version = "_s + QString::number(version + 1), &why) || !tx.commit()) {
            *error = tr("Migration to schema %1 failed: %2").arg(version + 1).arg(why.isEmpty() ? tx.error() : why);
            return false;
        }
        qCDebug(lcStorage) << "migrated" << m_path << "to schema" << version + 1;
        ++version;
    }
    return refoldIfNeeded(error);
}

bool Database::refoldIfNeeded(QString *error)
{
    if (meta(kRefoldKey).isEmpty())
        return true;
    WriteTransaction tx(*this);
    if (!tx.isActive()) {
        *error = tx.error();
        return false;
    }
    if (meta(kRefoldKey).isEmpty())
        return true; // another process refolded while this one waited for the write lock
    // The upgraded projection is derived from the events by today's fold, like `hotlinectl rebuild`: the columns
    // the new schema added are filled, and figures the old rules let be laundered show as what the events say.
    EventStore store(*this);
    QStringList changed;
    QString why;
    if (!store.rebuildWithin(&changed, &why) || !exec(u"DELETE FROM meta WHERE key = '"_s + kRefoldKey + u"'"_s, &why)
        || !tx.commit()) {
        *error = tr("Deriving the tickets again after the upgrade failed: %1").arg(why.isEmpty() ? tx.error() : why);
        return false;
    }
    qCInfo(lcStorage) << "refolded" << changed.size() << "tickets of" << m_path << "after the upgrade";
    return true;
}

int Database::schemaVersion() const
{
    QSqlQuery q(sql());
    return q.exec(u"PRAGMA user_version"_s) && q.next() ? q.value(0).toInt() : -1;
}

QString Database::meta(const QString &key, const QString &fallback) const
{
    QSqlQuery q(sql());
    q.prepare(u"SELECT value FROM meta WHERE key = ?"_s);
    q.addBindValue(key);
    return q.exec() && q.next() ? q.value(0).toString() : fallback;
}

bool Database::setMeta(const QString &key, const QString &value)
{
    QSqlQuery q(sql());
    q.prepare(u"INSERT INTO meta(key, value) VALUES(?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value"_s);
    q.addBindValue(key);
    q.addBindValue(value);
    return q.exec();
}

bool Database::bumpConfigGeneration()
{
    return exec(u"INSERT INTO meta(key, value) VALUES('config.generation', '1') "
                "ON CONFLICT(key) DO UPDATE SET value = CAST(value AS INTEGER) + 1"_s);
}

bool Database::exec(const QString &statement, QString *error)
{
    QSqlQuery q(sql());
    if (q.exec(statement))
        return true;
    if (error)
        *error = describeError(q.lastError(), m_path);
    qCWarning(lcStorage) << "statement failed:" << q.lastError().text();
    return false;
}

QString Database::describeError(const QSqlError &error, const QString &path)
{
    return describeError(primaryCode(error), error.text(), path);
}

QString Database::describeError(int sqliteCode, const QString &driverText, const QString &path)
{
    const QString file = path.isEmpty() ? tr("the database") : QDir::toNativeSeparators(path);
    switch (sqliteCode & 0xff) {
    case kSqliteFull:
        return tr("The disk is full: the change was not saved. Free some space and try again; nothing already "
                  "saved was lost.");
    case kSqliteReadOnly:
        return tr("%1 cannot be written (the file or its folder is read-only): the change was not saved; nothing "
                  "already saved was lost. Ask an administrator to make them writable.")
            .arg(file);
    case kSqliteCorrupt:
    case kSqliteNotADatabase:
        return tr("%1 is damaged (%2). Nothing more was written to it. Restore the latest backup, or ask an "
                  "administrator to check it (hotlinectl verify).")
            .arg(file, driverText.trimmed());
    case kSqliteIoError:
        return tr("The disk holding %1 could not be read or written (%2): the change was not saved. Check the disk "
                  "and try again; nothing already saved was lost.")
            .arg(file, driverText.trimmed());
    case kSqliteCantOpen:
        return tr("%1 cannot be opened (%2): check that the file and its folder exist and may be written.")
            .arg(file, driverText.trimmed());
    default:
        return driverText;
    }
}

const Clock &Database::clock() const
{
    static const SystemClock system;
    return m_clock ? *m_clock : system;
}

WriteTransaction::WriteTransaction(Database &db) : m_db(db)
{
    m_active = m_db.exec(u"BEGIN IMMEDIATE"_s, &m_error);
}

WriteTransaction::~WriteTransaction()
{
    if (m_active)
        rollback();
}

bool WriteTransaction::commit()
{
    if (!m_active)
        return false;
    if (!m_db.exec(u"COMMIT"_s, &m_error)) {
        rollback();
        return false;
    }
    m_active = false;
    return true;
}

void WriteTransaction::rollback()
{
    if (m_active)
        m_db.exec(u"ROLLBACK"_s);
    m_active = false;
}

} // namespace hotline
