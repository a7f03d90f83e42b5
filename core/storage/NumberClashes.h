#pragma once

#include "storage/TicketLookup.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QTimeZone>

namespace hotline {

class Database;

/** A number that names more than one ticket, with those tickets. */
struct NumberClash
{
    QString number;
    QList<TicketCandidate> tickets; ///< oldest registration first
};

/**
 * The ticket numbers two consoles gave alike (e.g. both imported history with an overlapping number), derived from
 * the projection: numbers with more than one ticket. Since every console folds the same events, the list is the
 * same on every console, and a number leaves it as soon as a renumbered event gives one of its tickets another
 * number. Counted with the sync conflicts (ReplicaStore::conflictCount) for a dispatcher to resolve.
 */
class NumberClashes final
{
    Q_DECLARE_TR_FUNCTIONS(NumberClashes)

public:
    explicit NumberClashes(Database &db);

    /** How many numbers name more than one ticket. */
    qint64 count();
    /** Those numbers (in number order, at most limit) with their tickets. */
    QList<NumberClash> list(int limit = 1000);
    /** The list as text: one paragraph per number, for hotlinectl verify. */
    static QString describe(const QList<NumberClash> &clashes, const QTimeZone &zone);

private:
    Database &m_db;
};

} // namespace hotline
