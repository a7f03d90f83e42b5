#include "io/OutputFile.h"

#include "storage/OpenDatabases.h"
#include "util/PrivateFiles.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLockFile>
#include <QSaveFile>

#ifdef Q_OS_UNIX
#include <sys/stat.h>
#endif

using namespace Qt::StringLiterals;

namespace hotline {
namespace {

const QStringList kCompanions {QString(), u"-wal"_s, u"-shm"_s, u"-journal"_s};

struct FileId
{
    bool valid = false;
    quint64 device = 0;
    quint64 inode = 0;
    bool operator==(const FileId &o) const { return valid && o.valid && device == o.device && inode == o.inode; }
};

FileId fileId(const QString &path)
{
    FileId id;
#ifdef Q_OS_UNIX
    struct stat st;
    if (::stat(QFile::encodeName(path).constData(), &st) == 0) {
        id.valid = true;
        id.device = quint64(st.st_dev);
        id.inode = quint64(st.st_ino);
    }
#else
    Q_UNUSED(path);
#endif
    return id;
}

QByteArray sha256(const QByteArray &bytes)
{
    return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex();
}

} // namespace

QString OutputFile::resolved(const QString &path)
{
    QString current = QDir::cleanPath(QDir::current().absoluteFilePath(path));
    for (int depth = 0; depth < 32; ++depth) {
        const QFileInfo info(current);
        if (info.exists())
            return info.canonicalFilePath();
        if (info.isSymLink()) { // dangling: where it points is where the file would be written
            current = QDir::cleanPath(QDir(info.absolutePath()).absoluteFilePath(info.symLinkTarget()));
            continue;
        }
        const QString dir = QFileInfo(info.absolutePath()).canonicalFilePath();
        return dir.isEmpty() ? current : QDir(dir).filePath(info.fileName());
    }
    return current;
}

bool OutputFile::isDatabaseFile(const QString &path, const QString &databasePath)
{
    if (databasePath.isEmpty())
        return false;
    const QString target = resolved(path);
    const QString lexical = QDir::cleanPath(QDir::current().absoluteFilePath(path));
    const FileId targetId = fileId(path);
    const QString database = QDir::cleanPath(QDir::current().absoluteFilePath(databasePath));
    const QString canonicalDatabase = resolved(databasePath);
    for (const QString &suffix : kCompanions) {
        for (const QString &candidate : QStringList {database + suffix, canonicalDatabase + suffix}) {
            if (target == candidate || lexical == candidate || target == resolved(candidate))
                return true;
            if (targetId == fileId(candidate)) // a hard link, or a path through a bind mount
                return true;
        }
    }
    return false;
}

QString OutputFile::refusal(const QString &path, const QString &databasePath, bool force, const QString &ledgerPath)
{
    const QString shown = QDir::toNativeSeparators(path);
    if (isDatabaseFile(path, databasePath)) {
        return tr("%1 is the database (or one of its -wal/-shm files): output is never written there, not even "
                  "with --force. Choose another file.")
            .arg(shown);
    }
    // The ledger is rewritten after the output: written over, the output would be lost and the ledger with it.
    if (!ledgerPath.isEmpty() && (isDatabaseFile(path, ledgerPath) || isDatabaseFile(path, ledgerPath + u".lock"_s))) {
        return tr("%1 is hotlinectl's list of its earlier outputs: output is never written there, not even with "
                  "--force. Choose another file.")
            .arg(shown);
    }
    const QFileInfo info(resolved(path));
    if (!info.exists())
        return {};
    if (info.isDir())
        return tr("%1 is a folder; give a file name.").arg(shown);
    if (!info.isFile())
        return tr("%1 is not a regular file; give a file name (or -o - for standard output).").arg(shown);
    // An empty file holds nothing to lose (a script's mktemp); a file written earlier and unchanged is ours.
    if (force || info.size() == 0 || OutputLedger(ledgerPath).knows(path))
        return {};
    return tr("%1 already exists and is not an unchanged earlier output of hotlinectl; nothing was written. Give "
              "--force to replace it, or choose another file.")
        .arg(shown);
}

bool OutputFile::write(const QString &path, const QByteArray &bytes, bool ownerOnly, QString *error)
{
    // Whoever asks (a console's save dialog, hotlinectl), a database this process has open is never replaced.
    for (const QString &database : openDatabaseFiles()) {
        if (isDatabaseFile(path, database)) {
            *error = tr("%1 is the open database (or one of its -wal/-shm files); nothing was written there.")
                         .arg(QDir::toNativeSeparators(path));
            return false;
        }
    }
    QSaveFile file(path);
    bool ok = file.open(QIODevice::WriteOnly);
    // The temporary file gets the mode before a byte is written; the rename keeps it.
    if (ok && ownerOnly)
        ok = file.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    ok = ok && file.write(bytes) == bytes.size() && file.commit();
    if (!ok) {
        *error = tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
        file.cancelWriting();
        return false;
    }
    return true;
}

OutputLedger::OutputLedger(QString path)
    : m_path(std::move(path))
{
}

QString OutputLedger::defaultPath()
{
    QString state = qEnvironmentVariable("XDG_STATE_HOME");
    if (state.isEmpty() || QDir::isRelativePath(state))
        state = QDir::homePath() + u"/.local/state"_s;
    return QDir(state).filePath(u"hotline-console/outputs.json"_s);
}

namespace {

QJsonArray readEntries(const QString &ledger)
{
    QFile f(ledger);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(f.readAll()).object().value(u"files"_s).toArray();
}

} // namespace

bool OutputLedger::knows(const QString &path) const
{
    const QString name = OutputFile::resolved(path);
    QFile f(name);
    if (!f.open(QIODevice::ReadOnly))
        return false;
    for (const QJsonValue &v : readEntries(m_path)) {
        const QJsonObject e = v.toObject();
        if (e.value(u"path"_s).toString() != name)
            continue;
        if (qint64(e.value(u"size"_s).toDouble(-1)) != f.size())
            return false;
        return e.value(u"sha256"_s).toString().toLatin1() == sha256(f.readAll());
    }
    return false;
}

bool OutputLedger::remember(const QString &path, const QByteArray &bytes, QString *error)
{
    const QString folder = QFileInfo(m_path).absolutePath();
    if (!PrivateFiles::makeFolder(folder, error))
        return false;
    // Two hotlinectl writing at once must not lose each other's entry.
    QLockFile lock(m_path + u".lock"_s);
    lock.setStaleLockTime(30000);
    if (!lock.tryLock(10000)) {
        *error = tr("Cannot lock %1.").arg(QDir::toNativeSeparators(m_path + u".lock"_s));
        return false;
    }
    const QString name = OutputFile::resolved(path);
    QJsonArray kept;
    for (const QJsonValue &v : readEntries(m_path)) {
        if (v.toObject().value(u"path"_s).toString() != name)
            kept.append(v);
    }
    while (kept.size() >= kMaxEntries)
        kept.removeFirst(); // the oldest
    kept.append(QJsonObject {
        {u"path"_s, name}, {u"size"_s, double(bytes.size())}, {u"sha256"_s, QString::fromLatin1(sha256(bytes))}});
    const QByteArray json = QJsonDocument(QJsonObject {{u"version"_s, 1}, {u"files"_s, kept}}).toJson();
    return OutputFile::write(m_path, json, true, error);
}

} // namespace hotline
