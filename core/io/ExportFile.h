#pragma once

#include "auth/Actor.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

namespace hotline {

/**
 * The one way data leaves the console as a file (reports, accountability lists, ticket lists): checked against the
 * permission table (Action::Export) and written atomically, so a refused or failed export leaves no file and an
 * existing file intact. ownerOnly (files with callers in full): readable by the owner only (0600), see OutputFile.
 */
class ExportFile final
{
    Q_DECLARE_TR_FUNCTIONS(ExportFile)

public:
    static bool write(const Actor &by, const QString &path, const QByteArray &bytes, QString *error,
                      bool ownerOnly = false);
};

} // namespace hotline
