#include "board/CallerRevealPrompt.h"

#include "support/ConsoleSession.h"
#include "support/Prompts.h"

namespace hotline {

std::optional<RevealedCaller> CallerRevealPrompt::reveal(QWidget *parent, ConsoleSession &session, const QString &ticketId)
{
    QString error;
    std::optional<RevealedCaller> caller = CallerReveal::reveal(session.workspace(), session.actor(), ticketId, &error);
    if (!caller)
        Prompts::warning(parent, tr("Show number"), error);
    return caller;
}

} // namespace hotline
