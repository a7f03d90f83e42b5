#include "util/PrivateFiles.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStringList>

#ifdef Q_OS_UNIX
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

using namespace Qt::StringLiterals;

namespace hotline {

bool PrivateFiles::makeFolder(const QString &path, QString *error)
{
    // Walk up to the first existing ancestor, then create downwards: only the folders made here become 0700,
    // never a user's existing home or data folder.
    QStringList missing;
    QString current = QDir::cleanPath(QDir(path).absolutePath());
    while (!QFileInfo::exists(current)) {
        missing.prepend(current);
        const QString parent = QFileInfo(current).absolutePath();
        if (parent == current)
            break;
        current = parent;
    }
    for (const QString &dir : std::as_const(missing)) {
        if (!QDir().mkdir(dir) && !QFileInfo(dir).isDir()) {
            *error = tr("Cannot create the folder %1.").arg(QDir::toNativeSeparators(dir));
            return false;
        }
        makePrivate(dir);
    }
    if (!QFileInfo(path).isDir()) {
        *error = tr("%1 is not a folder.").arg(QDir::toNativeSeparators(path));
        return false;
    }
    return true;
}

bool PrivateFiles::createFile(const QString &path, bool *created, QString *error)
{
    *created = false;
#ifdef Q_OS_UNIX
    const QByteArray name = QFile::encodeName(path);
    const int fd = ::open(name.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, S_IRUSR | S_IWUSR);
    if (fd < 0) {
        if (errno == EEXIST)
            return true; // someone else's or an earlier one: not ours to change
        *error = QString::fromLocal8Bit(std::strerror(errno));
        return false;
    }
    // open() applies the umask; fchmod does not, so the mode is exactly 0600 whatever the umask.
    const bool ok = ::fchmod(fd, S_IRUSR | S_IWUSR) == 0;
    ::close(fd);
    *created = true;
    if (!ok)
        *error = QString::fromLocal8Bit(std::strerror(errno));
    return ok;
#else
    QFile file(path);
    if (file.exists())
        return true;
    if (!file.open(QIODevice::NewOnly)) {
        if (file.exists())
            return true;
        *error = file.errorString();
        return false;
    }
    file.close();
    *created = true;
    return makePrivate(path);
#endif
}

bool PrivateFiles::makePrivate(const QString &path)
{
    const bool folder = QFileInfo(path).isDir();
#ifdef Q_OS_UNIX
    return ::chmod(QFile::encodeName(path).constData(), folder ? S_IRWXU : (S_IRUSR | S_IWUSR)) == 0;
#else
    QFile::Permissions p = QFile::ReadOwner | QFile::WriteOwner;
    if (folder)
        p |= QFile::ExeOwner;
    return QFile::setPermissions(path, p);
#endif
}

} // namespace hotline
