#include "io/ExportFile.h"

#include "auth/Permissions.h"

#include "io/OutputFile.h"

namespace hotline {

bool ExportFile::write(const Actor &by, const QString &path, const QByteArray &bytes, QString *error, bool ownerOnly)
{
    return Permissions::check(by, Action::Export, error) && OutputFile::write(path, bytes, ownerOnly, error);
}

} // namespace hotline
