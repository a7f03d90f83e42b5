#include "io/ExportFile.h"

#include "auth/Permissions.h"

#include <QDir>
#include <QSaveFile>

namespace hotline {

bool ExportFile::write(const Actor &by, const QString &path, const QByteArray &bytes, QString *error)
{
    if (!Permissions::check(by, Action::Export, error))
        return false;
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        *error = tr("Could not write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    return true;
}

} // namespace hotline
