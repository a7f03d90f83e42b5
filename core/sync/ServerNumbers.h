#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace hotline {

class Database;
class PgConnection;
struct TicketEvent;

/** A number this console gave (or holds) that the shared server knows under another ticket. */
struct ServerClash
{
    QString number;
    QString ticketId;      ///< this console's ticket
    QString otherTicketId; ///< the server's ticket of the same number
    QString otherConsole;  ///< the console that registered that one (empty when unknown)
};

/**
 * Asks the shared server which ticket numbers it knows under another ticket id (hotline_clashing_numbers, server
 * schema 5): after a push, about the numbers just given (registered and renumbered events), and at join, about
 * every number of a database that has tickets of its own. One round trip per few thousand numbers.
 */
class ServerNumbers final
{
    Q_DECLARE_TR_FUNCTIONS(ServerNumbers)

public:
    static constexpr int kBatch = 5000;

    /** Clashes among numbers[i] (naming ticketIds[i]); false with *error when the server could not answer. */
    static bool clashing(PgConnection &pg, const QStringList &numbers, const QStringList &ticketIds,
                         QList<ServerClash> *out, QString *error);
    /** The same for the numbers the registered and renumbered events among these give their tickets. */
    static bool clashingIn(PgConnection &pg, const QList<TicketEvent> &events, QList<ServerClash> *out, QString *error);
    /** The same for every number the local database's tickets hold now. */
    static bool clashingLocal(PgConnection &pg, Database &db, QList<ServerClash> *out, QString *error);
    /** "N1, N2, … (and K more)": the first `shown` numbers of the clashes, each once. */
    static QString summary(const QList<ServerClash> &clashes, int shown = 20);
};

} // namespace hotline
