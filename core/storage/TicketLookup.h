#pragma once

#include "domain/Ticket.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QTimeZone>

namespace hotline {

class Database;

/** One ticket a number names, with what a person needs to tell it from another of the same number. */
struct TicketCandidate
{
    Ticket ticket;
    QString console;          ///< the console that registered it (its Registered event's console code)
    bool formerNumber = false; ///< the number is one it had before it was renumbered
};

/** What a lookup by number found. */
struct TicketMatch
{
    enum class Outcome { Found, NotFound, Ambiguous };
    Outcome outcome = Outcome::NotFound;
    TicketCandidate found;             ///< when Found
    QList<TicketCandidate> candidates; ///< when Ambiguous: every ticket the number names
    QString message;                   ///< translated, when not Found: what was looked for, and the candidates

    bool ok() const { return outcome == Outcome::Found; }
};

/**
 * Finds tickets by number where a number may name more than one ticket (two consoles that numbered alike, until a
 * dispatcher renumbers one; see NumberClashes) or none any more (a renumbered ticket keeps its old number findable
 * through ticket_former_numbers). The tickets that hold the number now come first; the ones that had it only when
 * none holds it now.
 */
class TicketLookup final
{
    Q_DECLARE_TR_FUNCTIONS(TicketLookup)

public:
    explicit TicketLookup(Database &db);

    /** Every ticket the number names: its holders now, else the tickets that had it (formerNumber), oldest first. */
    QList<TicketCandidate> byNumber(const QString &number);
    /**
     * The one ticket `key` names: a number (now or formerly), else a ticket id. With two or more, idPrefix (the
     * first characters of one's id, as the ambiguity message shows them) picks one; without it the outcome is
     * Ambiguous and the message lists them all (console, registration time, summary).
     */
    TicketMatch resolve(const QString &key, const QString &idPrefix, const QTimeZone &zone);

    /** One line per candidate: id prefix, console, registration time in the zone, summary. */
    static QString listing(const QList<TicketCandidate> &candidates, const QTimeZone &zone);
    /**
     * The first characters of an id that the listing shows: at least 8, and enough to tell it from the other
     * tickets listed with it (ids made by one process share their first half).
     */
    static QString idPrefix(const QString &ticketId, const QList<TicketCandidate> &among);

private:
    QString registeringConsole(const QString &ticketId);

    Database &m_db;
};

} // namespace hotline
