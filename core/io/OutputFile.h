#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

namespace hotline {

/**
 * A file that hotlinectl or the console writes as a command's output (`-o FILE`, an export): written whole or
 * not at all, never over the open database or its -wal/-shm/-journal (compared by canonical path and by device and
 * inode, so symlinks, relative paths and hard links are caught), and never over somebody else's file without
 * being told to (docs/DATA-FORMATS.md "Output files").
 */
class OutputFile final
{
    Q_DECLARE_TR_FUNCTIONS(OutputFile)

public:
    /** True when path names databasePath or one of its companion files (-wal, -shm, -journal). */
    static bool isDatabaseFile(const QString &path, const QString &databasePath);

    /**
     * Empty when path may receive output, otherwise the reason (translated). Refused: the database and its
     * companions (always), a folder, and an existing non-empty file that the ledger does not know as an unchanged
     * earlier output (unless force).
     */
    static QString refusal(const QString &path, const QString &databasePath, bool force, const QString &ledgerPath);

    /**
     * Writes bytes atomically (a temporary file renamed over path). ownerOnly: the file is 0600 whatever the umask
     * and whatever mode a replaced file had; otherwise a new file gets the usual mode and a replaced one keeps its.
     * Refused for any database this process has open (openDatabaseFiles()) and its companion files.
     */
    static bool write(const QString &path, const QByteArray &bytes, bool ownerOnly, QString *error);

    /** path resolved through symlinks (also for a file that does not exist yet): how the ledger names it. */
    static QString resolved(const QString &path);
};

/**
 * hotlinectl's ledger of the files it wrote (canonical path, size and SHA-256 of the content), by default
 * $XDG_STATE_HOME/hotline-console/outputs.json (~/.local/state/…). A file whose content still matches its entry is
 * the command's own earlier output and may be replaced without --force; an edited or foreign file may not. The
 * ledger is private (0600 in a 0700 folder), written atomically under a lock file and keeps the newest entries.
 */
class OutputLedger final
{
    Q_DECLARE_TR_FUNCTIONS(OutputLedger)

public:
    static constexpr int kMaxEntries = 1000;

    explicit OutputLedger(QString path);
    static QString defaultPath();

    /** True when the file at path is, byte for byte, what an entry says was written there. */
    bool knows(const QString &path) const;
    /** Records that path now holds bytes (replacing an earlier entry for it). */
    bool remember(const QString &path, const QByteArray &bytes, QString *error);

private:
    QString m_path;
};

} // namespace hotline
