#pragma once

#include "storage/LogStamp.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <functional>
#include <optional>

namespace hotline {

class Database;

/** One stored value (or row) that is not what the events give. */
struct ProjectionDifference
{
    Q_DECLARE_TR_FUNCTIONS(ProjectionDifference)

public:
    enum class Kind {
        Value,   ///< the row is there but column holds another value
        Missing, ///< the events give this row, the table has none
        Extra,   ///< the table has this row, the events give none
    };
    Kind kind = Kind::Value;
    QString table;        ///< tickets, dispatches, callbacks (or a reference table of an extra check)
    QString ticketNumber; ///< empty for a reference row, or when no number is known
    QString ticketId;     ///< empty for a reference row
    QString key;          ///< the row's own key when it is not the ticket's (a dispatch's event id, a reference key)
    QString column;       ///< Kind::Value only
    QString stored;       ///< as printed: NULL, a number, or text in quotes
    QString derived;
    QString message;      ///< an extra check's own sentence (e.g. ReferenceVerifier's); describe() returns it when set

    /** One translated sentence naming the ticket (or row), the table, the column and both values. */
    QString describe() const;
};

/** What comparing the projection with a fresh fold of the events found. */
struct ProjectionFinding
{
    Q_DECLARE_TR_FUNCTIONS(ProjectionFinding)

public:
    qint64 events = 0;       ///< events folded
    qint64 tickets = 0;      ///< tickets the events give
    qint64 rows = 0;         ///< side rows (dispatches, callbacks, and the rows of extra checks) the events give
    qint64 differing = 0;    ///< tickets (and reference rows) with at least one difference
    std::optional<ProjectionDifference> first; ///< the ticket with the lowest number, then reference rows
    LogStamp log;            ///< the log as this check read it (one read snapshot with the projection)
    QString error;           ///< the database could not be read (then first is unset and ok() is false)

    bool ok() const { return !first && error.isEmpty(); }
    /** Counts a differing ticket or row and keeps it when it comes before the first one so far. */
    void note(const ProjectionDifference &d);
};

/**
 * A further comparison run inside the same read snapshot, after the tickets: e.g. the reference rows (settings,
 * departments, users…) against the administrative events that made them. It reads through db (its own
 * connection; the main schema cannot be written from it), calls finding.note() for each differing row, adds the
 * rows it compared to finding.rows, and returns false with error set when it cannot read.
 */
struct ProjectionCheck
{
    QString name;
    std::function<bool(Database &db, ProjectionFinding &finding, QString *error)> run;
};

/**
 * Folds every event again (TicketFold, each ticket's events in the order the projection uses: server order,
 * then events not yet pushed) and compares the result, column by column, with the stored `tickets`,
 * `dispatches` and `callbacks` rows. The rows are derived by the very code that writes the projection
 * (TicketTable::save and recordSideEffects), aimed at empty TEMP tables of the same definition on a
 * connection of its own, so whatever the fold and the projection learn, verify checks. Reads the events
 * ordered by ticket and holds one ticket at a time: memory does not grow with the database.
 * See docs/TAMPER-EVIDENCE.md.
 */
class ProjectionVerifier final
{
    Q_DECLARE_TR_FUNCTIONS(ProjectionVerifier)

public:
    /** The checks run after the tickets by default: the place to add one (e.g. the audit log's reference rows). */
    static QList<ProjectionCheck> extraChecks();

    static ProjectionFinding verify(Database &db, const QList<ProjectionCheck> &extra = extraChecks());
};

} // namespace hotline
