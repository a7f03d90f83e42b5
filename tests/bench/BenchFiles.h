#pragma once

#include <QString>

namespace hotline {
class Workspace;
}

namespace hotline::bench {

struct GeneratedCsv;

/** Removes a database file the benchmark made earlier, with its -wal, -shm and -journal files. */
void removeDatabaseFiles(const QString &dbPath);
/** Size of the database with its -wal file. */
qint64 databaseBytes(const QString &dbPath);

/** How long TicketImporter::importFile took, and how many tickets it wrote. */
struct ImportedCsv
{
    double seconds = 0;
    qint64 tickets = 0;
};

/** Imports a generated CSV and checks that every row went in; throws BenchError otherwise. cacheMb > 0 sets
 *  the connection's SQLite page cache first (an experiment, see --import-cache-mb). */
ImportedCsv importGenerated(Workspace &ws, const QString &csvPath, const GeneratedCsv &generated, int cacheMb);

} // namespace hotline::bench
