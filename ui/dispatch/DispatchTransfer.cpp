#include "dispatch/DispatchTransfer.h"

#include "department/DeskText.h"
#include "service/TicketQueries.h"
#include "service/TicketService.h"
#include "service/Workspace.h"
#include "support/ConsoleSession.h"
#include "support/Prompts.h"

namespace hotline {

DispatchTransfer::Outcome DispatchTransfer::run(QWidget *parent, ConsoleSession &session, const QString &ticketId)
{
    TicketQueries &queries = session.workspace().queries();
    const std::optional<Ticket> t = queries.ticket(session.actor(), ticketId);
    if (!t)
        return {false, true, tr("Select a ticket that is with a department.")};
    QStringList items;
    QStringList codes;
    for (const Department &d : queries.departments()) {
        if (d.code == t->department)
            continue;
        items << DeskText::department(d.name, d.code);
        codes << d.code;
    }
    if (codes.isEmpty())
        return {false, true, tr("There is no other department to transfer ticket %1 to.").arg(t->number)};
    const QString from = DeskText::department(queries.departmentName(t->department), t->department);
    const std::optional<int> choice = Prompts::askChoice(parent, tr("Transfer ticket %1").arg(t->number),
                                                         tr("Now with %1. Transfer to:").arg(from), items);
    if (!choice)
        return {true, false, {}};
    if (*choice < 0 || *choice >= codes.size())
        return {false, true, tr("Choose one of the departments offered.")};
    const std::optional<QString> reason
        = Prompts::askText(parent, tr("Transfer ticket %1").arg(t->number),
                           tr("Why does it go to %1? The departments see this reason.").arg(items.at(*choice)));
    if (!reason)
        return {true, false, {}};
    if (reason->trimmed().isEmpty())
        return {false, true, tr("Give the reason for the transfer; ticket %1 was not transferred.").arg(t->number)};
    QString error;
    if (!session.workspace().tickets().transfer(session.actor(), ticketId, codes.at(*choice), reason->trimmed(),
                                                &error))
        return {false, true, error};
    return {false, false,
            tr("Ticket %1 transferred from %2 to %3 with a new time limit.").arg(t->number, from, items.at(*choice))};
}

} // namespace hotline
