// hotlinectl attachment save HASH -o FILE --as USER: a ticket's photo or document out of the database, for
// whoever may see a ticket that carries it (the console's visibility).
#include "CtlContext.h"
#include "TicketActor.h"

#include "domain/Ticket.h"
#include "service/Attachments.h"
#include "service/Workspace.h"

using namespace Qt::StringLiterals;

namespace hotline::ctl {

int cmdAttachment(CtlContext &ctx)
{
    const QStringList &w = ctx.args.words;
    if (w.size() != 2 || w.at(0) != u"save"_s)
        return ctx.fail(CtlContext::tr("Usage: hotlinectl attachment save HASH -o FILE [--as USER]\n"
                                       "  HASH is the sha256 that hotlinectl ticket show lists for the file."),
                        Usage);
    for (const QString &option : ctx.args.given()) {
        if (option != u"--db"_s && option != u"-o"_s && option != u"--force"_s && option != u"--as"_s)
            return ctx.fail(CtlContext::tr("attachment save does not take %1.").arg(option), Usage);
    }
    const QString output = ctx.args.value(u"-o"_s);
    if (output.isEmpty() || output == u"-"_s)
        return ctx.fail(CtlContext::tr("A file's bytes go to a file: give -o FILE."), Usage);
    Workspace *ws = ctx.workspace();
    if (!ws)
        return Failed;
    int code = Ok;
    // Signed in like every ticket command; which files the person may take follows from the tickets they may see.
    const std::optional<Actor> actor = ticketActor(ctx, *ws, Action::ViewAllTickets, Ticket{}, &code);
    if (!actor)
        return code;
    QString error;
    const std::optional<QByteArray> bytes = ws->attachments().content(*actor, w.at(1), &error);
    if (!bytes)
        return ctx.fail(error);
    ctx.out = *bytes;
    ctx.privateOutput = true; // a citizen's photo: readable by its owner only
    return Ok;
}

} // namespace hotline::ctl
