// ProjectionDifference and ProjectionFinding: how a difference reads and which one comes first (split from
// ProjectionVerifier.cpp, which folds and compares).
#include "storage/ProjectionVerifier.h"

#include "domain/TextRules.h"

using namespace Qt::StringLiterals;

namespace hotline {

QString ProjectionDifference::describe() const
{
    if (!message.isEmpty())
        return message;
    QString who;
    if (!ticketId.isEmpty())
        who = tr("ticket %1").arg(ticketNumber.isEmpty() ? ticketId : ticketNumber);
    else
        who = tr("%1 row %2").arg(table, TextRules::visible(key));
    // A side row (dispatches, callbacks) is named by the event that made it.
    const QString row = !ticketId.isEmpty() && !key.isEmpty() ? tr("%1 row of event %2").arg(table, key) : table;
    switch (kind) {
    case Kind::Value:
        return tr("%1: %2.%3 is %4 in the database, the events give %5")
            .arg(who, row, column, stored, derived);
    case Kind::Missing:
        return tr("%1: the events give a %2 that the database does not have").arg(who, row);
    case Kind::Extra:
        return tr("%1: the database has a %2 that the events do not give").arg(who, row);
    }
    return {};
}

namespace {

/** Where a difference sorts: tickets by number, then tickets known only by id, then reference rows. */
int rank(const ProjectionDifference &d)
{
    if (d.ticketId.isEmpty())
        return 2;
    return d.ticketNumber.isEmpty() ? 1 : 0;
}

bool comesBefore(const ProjectionDifference &a, const ProjectionDifference &b)
{
    if (rank(a) != rank(b))
        return rank(a) < rank(b);
    if (rank(a) == 0)
        return a.ticketNumber < b.ticketNumber;
    if (rank(a) == 1)
        return a.ticketId < b.ticketId;
    return false; // reference rows: the first one noted
}

} // namespace

void ProjectionFinding::note(const ProjectionDifference &d)
{
    ++differing;
    if (!first || comesBefore(d, *first))
        first = d;
}

} // namespace hotline
