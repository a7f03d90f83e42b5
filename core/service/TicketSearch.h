#pragma once

#include "auth/Actor.h"
#include "domain/Ticket.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace hotline {

class Database;

/** What a search found: newest first, at most the limit asked for. */
struct SearchResult
{
    enum class Kind { Text, Number, Phone };
    Kind kind = Kind::Text;  ///< how the query was read
    QList<Ticket> tickets;   ///< newest first (registration), caller fields as stored: mask before showing
    qint64 total = 0;        ///< hits within the actor's visibility, counted up to TicketSearch::CountCap
    bool more = false;       ///< more than total (the count stopped at the cap, or at the page for a scan)
    qint64 newestOnly = 0;   ///< >0: 1-2-character words alone were looked for in this many newest tickets only
                             ///< (when the index holds more)
    QString error;           ///< translated: the query cannot be searched (empty, too long)

    bool ok() const { return error.isEmpty(); }
};

/**
 * Search everything: by ticket number (exact, or a prefix of at least 6 characters), by caller phone (exact,
 * normalised with PhoneNumber) and in the text (summary, details, address, reply) of open and closed tickets,
 * within the actor's visibility (TicketQueries::maySee: everything, or a liaison's own department's tickets).
 *
 * A query that is a phone number, or a ticket number with hits, is looked up as such; anything else is searched
 * in the text. Words are separated by spaces and all must occur. Words of 3 or more characters use the trigram
 * index (ticket_search MATCH, each word quoted: FTS syntax in a query is plain text); shorter words (Chinese of
 * one or two characters) are a LIKE over the index's stored text, newest first, which stops when the page is
 * full: such a search says "more than" instead of counting on, and when it has no longer word to narrow it, it
 * reads at most the newest ShortWordScan documents (a word no ticket has would otherwise read them all).
 */
class TicketSearch final
{
    Q_DECLARE_TR_FUNCTIONS(TicketSearch)

public:
    static constexpr int DefaultLimit = 50;
    static constexpr int MaxLimit = 1000;
    /** Hits are counted up to this; beyond it the result says "more than". */
    static constexpr int CountCap = 1000;
    static constexpr int MinNumberPrefix = 6;
    static constexpr int MaxQueryLength = 200;
    /** How many of the newest documents a search of only 1-2-character words reads at most. */
    static constexpr int ShortWordScan = 200'000;

    explicit TicketSearch(Database &db);

    SearchResult search(const Actor &actor, const QString &query, int limit = DefaultLimit);

private:
    Database &m_db;
};

} // namespace hotline
