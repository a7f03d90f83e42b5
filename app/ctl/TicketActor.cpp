// Who a hotlinectl `ticket` command acts as: the same sign-in as the console, or a training user.
#include "TicketActor.h"

#include "CtlContext.h"

#include "auth/UserStore.h"
#include "domain/Ticket.h"
#include "service/Training.h"
#include "service/Workspace.h"
#include "storage/Database.h"
#include "sync/ServerCredentials.h"

#include <QFile>

using namespace Qt::StringLiterals;

namespace hotline::ctl {
namespace {

/** One line of standard input without its line end; nullopt at end of input or when it cannot be read. */
std::optional<QString> passwordLine()
{
    QFile in;
    if (!in.open(stdin, QIODevice::ReadOnly))
        return std::nullopt;
    QByteArray line = in.readLine(4096);
    if (line.isEmpty())
        return std::nullopt;
    while (line.endsWith('\n') || line.endsWith('\r'))
        line.chop(1);
    return QString::fromUtf8(line);
}

} // namespace

std::optional<Actor> ticketActor(CtlContext &ctx, Workspace &ws, Action action, const Ticket &ticket, int *code)
{
    *code = Failed;
    const QString name = ctx.args.value(u"--as"_s);
    if (name.isEmpty()) {
        if (!Training::isTraining(ws.database())) {
            ctx.fail(CtlContext::tr("Say who acts: --as USER, with the password on standard input (a ticket's record "
                                    "names a person; only a training database acts without one)."));
            return std::nullopt;
        }
        QString error;
        std::optional<Actor> actor = Training::actorFor(ws, action, ticket, &error);
        if (!actor)
            ctx.fail(error);
        return actor;
    }
    // Standard input only: a password in argv is visible to every user of the machine (ps).
    const std::optional<QString> password = passwordLine();
    if (!password || password->isEmpty()) {
        ctx.fail(CtlContext::tr("Give %1's password on standard input (one line).").arg(name), Usage);
        *code = Usage;
        return std::nullopt;
    }
    QString error;
    // The console's own sign-in: a wrong password counts toward the lockout, a locked account stays locked. On a
    // database that joined a server, a person who never signed in here is checked by the server.
    if (!ws.users().remoteCredentials())
        ServerCredentials::installFor(ws.users(), ws.database());
    const std::optional<User> user = ws.users().signIn(name, *password, &error);
    if (!user) {
        ctx.fail(error);
        return std::nullopt;
    }
    if (user->mustChangePassword) {
        ctx.fail(CtlContext::tr("%1 must choose a new password (sign in to the console once) before acting.").arg(name));
        return std::nullopt;
    }
    return UserStore::actorFor(*user, ws.consoleCode());
}

} // namespace hotline::ctl
