#pragma once

#include "auth/Actor.h"
#include "auth/Permissions.h"

#include <optional>

namespace hotline {
class Workspace;
struct Ticket;
} // namespace hotline

namespace hotline::ctl {

class CtlContext;

/**
 * Who a `ticket` command acts as: --as USER with the password on standard input (signed in like the console,
 * failures counting toward the lockout), or, on a training database only, the training user of the role the
 * action needs. nullopt after printing why; *code says which exit.
 */
std::optional<Actor> ticketActor(CtlContext &ctx, Workspace &ws, Action action, const Ticket &ticket, int *code);

} // namespace hotline::ctl
