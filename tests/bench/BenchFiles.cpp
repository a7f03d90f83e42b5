#include "BenchFiles.h"

#include "BenchSupport.h"

#include <QFile>
#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace hotline::bench {

void removeDatabaseFiles(const QString &dbPath)
{
    for (const QString &suffix : {QString(), u"-wal"_s, u"-shm"_s, u"-journal"_s}) {
        QFile file(dbPath + suffix);
        if (file.exists() && !file.remove())
            throw BenchError(u"cannot remove %1: %2"_s.arg(file.fileName(), file.errorString()));
    }
}

qint64 databaseBytes(const QString &dbPath)
{
    return QFileInfo(dbPath).size() + QFileInfo(dbPath + u"-wal"_s).size();
}

} // namespace hotline::bench
