// TicketService's part in "same incident, many callers": merging a ticket into another, answering every follower
// with its parent's reply, and keeping a parent from closing over followers still waiting for that reply.
#include "service/TicketService.h"

#include "domain/TextRules.h"
#include "domain/TicketFold.h"
#include "service/Followers.h"
#include "storage/EventStore.h"

using namespace Qt::StringLiterals;

namespace hotline {

bool TicketService::merge(const Actor &actor, const QString &childId, const QString &parentId, const QString &reason,
                          QString *error)
{
    const Ticket child = m_store.ticket(childId);
    // Permission first: someone who may not merge learns nothing about the tickets.
    if (!permitted(actor, EventType::Merged, child, error))
        return false;
    if (!child.exists()) {
        *error = tr("No such ticket.");
        return false;
    }
    Ticket parent = m_store.ticket(parentId);
    if (!parent.exists()) {
        *error = tr("There is no ticket to merge ticket %1 into.").arg(child.number);
        return false;
    }
    // Follow the parent to the root of its chain: every follower hangs from the ticket that will be answered.
    for (int depth = 0; !parent.parentId.isEmpty() && parent.id != child.id && depth < 64; ++depth)
        parent = m_store.ticket(parent.parentId);
    if (parent.id == child.id) {
        *error = parentId == childId ? tr("A ticket cannot follow itself.")
                                     : tr("Ticket %1 is followed by the other ticket: a ticket cannot follow its own follower.")
                                           .arg(child.number);
        return false;
    }
    if (!parent.exists() || !parent.parentId.isEmpty()) {
        *error = tr("The ticket to merge into does not lead to a ticket that is answered.");
        return false;
    }
    if (parent.closedMs) {
        *error = tr("Ticket %1 is closed: a closed ticket is not answered again, register the call on its own.")
                     .arg(parent.number);
        return false;
    }
    if (parent.repliedMs) {
        *error = tr("Ticket %1 already has its reply: give the caller that answer instead of merging.").arg(parent.number);
        return false;
    }
    QJsonObject p{{Key::Parent, parent.id}, {Key::ParentNumber, parent.number}};
    if (const QString why = TextRules::stripped(reason, TextRules::Lines::Keep).trimmed(); !why.isEmpty())
        p.insert(Key::Reason, why);
    return act(actor, childId, EventType::Merged, p, error);
}

QList<TicketEvent> TicketService::followerReplies(const Ticket &parent, const TicketEvent &reply) const
{
    QList<TicketEvent> out;
    const QList<Ticket> followers = Followers::openDescendants(m_db, parent.id);
    if (followers.isEmpty())
        return out;
    // The followers' figure is the parent's: its reply in time and no breach on its clocks. Carried in each event,
    // so folding a follower needs nothing but its own history (rebuilds and verify agree).
    Ticket after = parent;
    TicketFold::apply(after, reply);
    const bool onTime = after.replyOnTime.value_or(false) && !after.breached;
    for (const Ticket &f : followers) {
        TicketEvent e = TicketEvent::make(f.id, EventType::Replied, reply.atMs, reply.actor, reply.console,
                                          {{Key::Text, reply.payload.value(Key::Text)},
                                           {Key::Parent, parent.id},
                                           {Key::ParentNumber, parent.number},
                                           {Key::Department, parent.department},
                                           {Key::OnTime, onTime}});
        // A follower that cannot take it (a conflicting change from another console) is left for people to see.
        if (TicketFold::check(f, e).isEmpty())
            out << e;
    }
    return out;
}

bool TicketService::refuseCloseWithWaitingFollowers(const QString &ticketId, QString *error) const
{
    QStringList waiting;
    for (const Ticket &f : Followers::openDescendants(m_db, ticketId)) {
        if (!f.repliedMs)
            waiting << f.number;
    }
    if (waiting.isEmpty())
        return true;
    *error = tr("Callers of the same incident are waiting for this ticket's answer (%1): close them first, or have a "
                "department answer the ticket.")
                 .arg(waiting.join(u", "_s));
    return false;
}

} // namespace hotline
