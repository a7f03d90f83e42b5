#include "service/DeadlineReview.h"

#include "domain/Ticket.h"
#include "service/TicketService.h"
#include "storage/Database.h"
#include "storage/EventStore.h"

#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace hotline {

QList<DeadlineChange> DeadlineReview::find(Database &db, EventStore &store, const TicketService &tickets)
{
    // The counting tickets (the partial index tickets_open_deadline): a few hundred at most in a centre.
    QList<DeadlineChange> out;
    QSqlQuery q(db.sql());
    q.setForwardOnly(true);
    if (!q.exec(u"SELECT t.id, coalesce(d.name, t.department, '') FROM tickets t "
                "LEFT JOIN departments d ON d.code = t.department "
                "WHERE t.closed_ms IS NULL AND t.replied_ms IS NULL AND t.deadline_s IS NOT NULL "
                "ORDER BY t.deadline_s, t.number"_s))
        return out;
    QList<QPair<QString, QString>> rows;
    while (q.next())
        rows.append({q.value(0).toString(), q.value(1).toString()});
    for (const auto &[id, department] : std::as_const(rows)) {
        const Ticket t = store.ticket(id);
        if (!t.isCounting())
            continue;
        DeadlineChange c;
        c.newDeadline = tickets.calendarDeadline(t, &c.problem);
        if (c.newDeadline && *c.newDeadline == *t.deadlineS)
            continue;
        if (c.newDeadline)
            c.problem.clear();
        c.ticketId = t.id;
        c.number = t.number;
        c.department = department;
        c.oldDeadline = *t.deadlineS;
        out.append(c);
    }
    return out;
}

} // namespace hotline
