#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

namespace hotline {

class Database;

/** What a hash-chain check can find wrong, in the order it looks. */
enum class ChainProblem {
    None,
    Altered,   ///< the event's content no longer matches its link (changed, or written by hand)
    Removed,   ///< events are missing before this one (a gap, or its link follows no event still there)
    Reordered, ///< its link is intact but follows another event that is still there
    Truncated, ///< events are missing after the last one (the chain head recorded elsewhere is further on)
};

/** The first problem in an event chain, and the event where it shows. */
struct ChainFinding
{
    Q_DECLARE_TR_FUNCTIONS(ChainFinding)

public:
    ChainProblem problem = ChainProblem::None;
    qint64 checked = 0;   ///< events whose link was confirmed before the problem
    qint64 seq = 0;       ///< local seq (server_seq on the server) of the event named
    QString eventId;
    QString ticketId;
    QString ticketNumber; ///< empty when it is not known
    QString type;         ///< the event type code as stored
    qint64 otherSeq = 0;  ///< Reordered: where its predecessor sits; Removed/Truncated: the last position seen
    qint64 missing = 0;   ///< Removed/Truncated: how many are missing, when that is known (0: unknown)
    QString detail;       ///< extra evidence, already translated
    QString error;        ///< the log could not be read (then problem is None and ok() is false)

    bool ok() const { return problem == ChainProblem::None && error.isEmpty(); }
    /** "altered", "removed"...: the stable word used in output. */
    static QString code(ChainProblem p);
    /** One translated sentence naming the event and what was found (without the code word). */
    QString describe(const QString &position) const;
};

/**
 * Checks a local database's event chain (EventStore::chainHash, in local seq order) and classifies the first
 * break. Reads the events once; only when a link fails does it read the hashes once more to see whether the
 * event follows some other event (reordered) or nothing that is left (removed). After an intact chain it
 * cross-checks the end against the ticket projection and the sync cursor to catch a truncated tail.
 * See docs/TAMPER-EVIDENCE.md.
 */
class ChainVerifier final
{
    Q_DECLARE_TR_FUNCTIONS(ChainVerifier)

public:
    static ChainFinding verify(Database &db);

    /** One link, over raw stored values; identical to EventStore::chainHash. */
    static QByteArray link(const QByteArray &previous, const QByteArray &id, const QByteArray &ticketId,
                           const QByteArray &type, qint64 atMs, const QByteArray &actor, const QByteArray &console,
                           const QByteArray &payload);
};

} // namespace hotline
