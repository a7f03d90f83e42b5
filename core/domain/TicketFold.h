#pragma once

#include "domain/Ticket.h"
#include "domain/TicketEvent.h"

#include <QCoreApplication>

namespace hotline {

namespace Key {
/** On a follower's Replied (its parent's reply, cascaded by TicketService::reply): whether that reply was on time. */
inline constexpr QLatin1StringView OnTime{"on_time"};
} // namespace Key

/**
 * Derives a ticket's state from its events. apply() is a pure, total function: the same events in the
 * same order give the same state on every console; an event that makes no sense in the current state
 * (e.g. a reply to a ticket in the dispatch queue) changes nothing. check() says why an action would be
 * refused, for services that create new events.
 *
 * It also keeps the ticket's department clocks (Ticket::clocks, the `dispatches` rows): each dispatch or transfer
 * starts one; a reply, return or transfer ends it; a breach is recorded on the clock (and the ticket's breached
 * flag) as soon as the events show it, and never cleared. The fold never reads the time: a running clock past its
 * deadline with no event about it yet is not breached here; readers (board, reports) judge it as of their "now".
 */
class TicketFold final
{
    Q_DECLARE_TR_FUNCTIONS(TicketFold)

public:
    /** Applies one event; returns false (state unchanged) when it does not apply in the current state. */
    static bool apply(Ticket &ticket, const TicketEvent &event);
    /** Empty when an event of this type is allowed now, otherwise a translated reason. */
    static QString check(const Ticket &ticket, EventType type);
    /** check() by type, plus what depends on the event's instant: an extension requested after the deadline. */
    static QString check(const Ticket &ticket, const TicketEvent &event);
};

} // namespace hotline
