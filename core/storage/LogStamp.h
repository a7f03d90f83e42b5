#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <optional>

namespace hotline {

class Database;

/**
 * The event log a figure came from: the hash of its newest event (the chain's head) and how many events it
 * holds. Every report form carries it and `hotlinectl verify` prints it, so a paper copy can be matched to the
 * database it was printed from (docs/TAMPER-EVIDENCE.md). One wording for all of them lives here.
 */
struct LogStamp
{
    Q_DECLARE_TR_FUNCTIONS(LogStamp)

public:
    QString head;     ///< hex hash of the last event in local seq order; empty for an empty log
    qint64 events = 0;

    /** Reads the stamp; inside a caller's read transaction it belongs to the same snapshot as the figures. */
    static std::optional<LogStamp> read(Database &db, QString *error = nullptr);

    /** "Event log: 42 events, head 3fa2…" (the full hash): the last line of a text report and of verify. */
    QString text() const;
    /** The CSV row of a report: a label, the head and the count. */
    QStringList csvCells() const;
    /** {"head": "…", "events": N} (head null for an empty log). */
    QString json() const;

    bool operator==(const LogStamp &) const = default;
};

} // namespace hotline
