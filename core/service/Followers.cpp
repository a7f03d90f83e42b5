#include "service/Followers.h"

#include "storage/Database.h"
#include "storage/TicketTable.h"

#include <QSet>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace hotline {

QList<Ticket> Followers::direct(Database &db, const QString &parentId)
{
    QList<Ticket> out;
    if (parentId.isEmpty())
        return out;
    QSqlQuery q(db.sql());
    q.setForwardOnly(true);
    q.prepare(u"SELECT "_s + TicketTable::columns() + u" FROM tickets WHERE parent_id = ? ORDER BY number"_s);
    q.addBindValue(parentId);
    if (q.exec()) {
        while (q.next())
            out << TicketTable::fromQuery(q);
    }
    return out;
}

QList<Ticket> Followers::openDescendants(Database &db, const QString &rootId)
{
    QList<Ticket> out;
    QSet<QString> seen{rootId}; // a damaged projection with a loop must not loop here
    QList<QString> level{rootId};
    while (!level.isEmpty()) {
        QList<QString> next;
        for (const QString &id : std::as_const(level)) {
            for (const Ticket &t : direct(db, id)) {
                if (seen.contains(t.id))
                    continue;
                seen.insert(t.id);
                next << t.id;
                if (t.isOpen())
                    out << t;
            }
        }
        level = next;
    }
    return out;
}

} // namespace hotline
