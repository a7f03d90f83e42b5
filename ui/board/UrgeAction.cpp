#include "board/UrgeAction.h"

#include "service/TicketQueries.h"
#include "service/TicketService.h"
#include "service/Workspace.h"
#include "support/ConsoleSession.h"
#include "support/Prompts.h"

namespace hotline {

bool UrgeAction::offeredTo(const ConsoleSession &session)
{
    const Role role = session.actor().role;
    return role == Role::Supervisor || role == Role::Administrator;
}

bool UrgeAction::run(QWidget *parent, ConsoleSession &session, const QString &ticketId)
{
    const std::optional<Ticket> t = session.workspace().queries().ticket(session.actor(), ticketId);
    if (!t)
        return false;
    const std::optional<QString> note
        = Prompts::askText(parent, tr("Urge ticket %1").arg(t->number), tr("Note to the department:"), true);
    if (!note)
        return false;
    if (note->trimmed().isEmpty()) {
        Prompts::warning(parent, tr("Urge"), tr("Please write a note for the department."));
        return false;
    }
    QString error;
    if (!session.workspace().tickets().urge(session.actor(), ticketId, note->trimmed(), &error)) {
        Prompts::warning(parent, tr("Urge"), error);
        return false;
    }
    return true;
}

} // namespace hotline
