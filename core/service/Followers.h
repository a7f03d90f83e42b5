#pragma once

#include "domain/Ticket.h"

#include <QList>
#include <QString>

namespace hotline {

class Database;

/**
 * Who follows whom after merges (tickets.parent_id, set by the fold from Merged events). A merge points at the
 * root of its parent's chain, but a ticket that already had followers brings them along, so the followers of a
 * ticket are a tree read level by level.
 */
class Followers final
{
public:
    /** The tickets whose parent is this one (open and closed), by number. */
    static QList<Ticket> direct(Database &db, const QString &parentId);
    /** Every open ticket below this one, at any depth, parents before their followers. */
    static QList<Ticket> openDescendants(Database &db, const QString &rootId);
};

} // namespace hotline
