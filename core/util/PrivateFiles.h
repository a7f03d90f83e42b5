#pragma once

#include <QCoreApplication>
#include <QString>

namespace hotline {

/**
 * Files and folders readable by their owner only (docs/PRIVACY.md "Files stay private"): the database, its
 * -wal/-shm (SQLite gives them the database file's mode), its folder, unmasked exports and hotlinectl's ledger of
 * outputs. The mode is set explicitly after creation, so a permissive umask (000) changes nothing.
 */
class PrivateFiles final
{
    Q_DECLARE_TR_FUNCTIONS(PrivateFiles)

public:
    /** Creates path and its missing parents as 0700 (existing folders are left as they are); false with error. */
    static bool makeFolder(const QString &path, QString *error);
    /**
     * Creates path as an empty 0600 file unless it exists (then it is left alone, mode included); created set
     * when this call made it. False with error when it could not be created.
     */
    static bool createFile(const QString &path, bool *created, QString *error);
    /** Sets an existing file or folder to owner read/write (0600), or 0700 for a folder. */
    static bool makePrivate(const QString &path);
};

} // namespace hotline
