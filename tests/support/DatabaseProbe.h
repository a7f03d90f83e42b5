#pragma once

#include <QString>

namespace hotline {
class Database;
}

namespace hotline::test {

/** The first column of the first row of a query, or -1 when it fails. */
qint64 scalar(Database &db, const QString &sql);

/**
 * The ticket projection as text, one line per ticket in id order, without the local-only column (last_seq is
 * this replica's own sequence number): equal on every console that converged.
 */
QString projectionText(Database &db);

/** The ids of the recorded sync conflicts, sorted and comma-separated. */
QString conflictIds(Database &db);

} // namespace hotline::test
