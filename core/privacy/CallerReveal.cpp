#include "privacy/CallerReveal.h"

#include "auth/Permissions.h"
#include "privacy/AccessLog.h"
#include "service/TicketQueries.h"
#include "service/Workspace.h"

namespace hotline {
namespace {

bool hasCaller(const Ticket &t)
{
    return !t.callerName.trimmed().isEmpty() || !t.callerPhone.trimmed().isEmpty();
}

} // namespace

bool CallerReveal::permitted(const Actor &actor, const Ticket &ticket, QString *error)
{
    return Permissions::allowsOn(actor, Action::ViewCallerInFull, ticket.state, ticket.department, error);
}

bool CallerReveal::offered(const Actor &actor, const Ticket &ticket)
{
    return ticket.exists() && hasCaller(ticket) && permitted(actor, ticket);
}

std::optional<RevealedCaller> CallerReveal::reveal(Workspace &workspace, const Actor &actor, const QString &ticketId,
                                                   QString *error)
{
    QString why;
    // Through the queries, so a liaison cannot reach another department's ticket by its id.
    const std::optional<Ticket> t = workspace.queries().ticket(actor, ticketId);
    if (!t) {
        why = tr("Ticket not found.");
    } else if (!permitted(actor, *t, &why)) {
        // why names the user and the refused action
    } else if (!hasCaller(*t)) {
        why = tr("Ticket %1 has no caller name or number: the caller stayed anonymous.").arg(t->number);
    } else {
        AccessLogEntry entry;
        entry.kind = AccessLogEntry::Kind::View;
        entry.user = actor.user;
        entry.role = actor.role;
        entry.console = actor.console;
        entry.ticketId = t->id;
        entry.ticketNumber = t->number;
        if (AccessLog(workspace.database(), workspace.clock()).record(entry, &why))
            return RevealedCaller {t->id, t->callerName, t->callerPhone};
        why = tr("The number is not shown because its view could not be logged. %1").arg(why);
    }
    if (error)
        *error = why;
    return std::nullopt;
}

} // namespace hotline
