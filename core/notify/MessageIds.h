#pragma once

#include "domain/Enums.h"

#include <QString>

namespace hotline {

struct Ticket;

/**
 * Deterministic ids for what the escalator produces. Every console that escalates the same running clock of
 * the same ticket derives the same event id and the same SMS message id, so INSERT OR IGNORE (locally and on
 * the shared server) and the gateway's duplicate check see one thing, never two.
 */
namespace MessageIds {

/** The running clock a reminder or accountability record belongs to: the ticket, the start of its clock
 *  (dispatch or transfer) and the deadline in force (an approved extension re-arms both, DESIGN.md). */
QString clockKey(const QString &ticketId, qint64 dispatchedMs, qint64 deadlineS);
/** Name-based (v5) UUID of a ReminderSent or Overdue event for one running clock. */
QString escalationEventId(const QString &ticketId, qint64 dispatchedMs, qint64 deadlineS, EventType kind);
/** The same for a ticket's current clock; empty when it has none. */
QString escalationEventId(const Ticket &ticket, EventType kind);
/** Name-based (v5) UUID of the SMS that an event causes (the gateway's "id"); audience: "duty" or "head". */
QString messageId(const QString &eventId, const QString &audience);

} // namespace MessageIds
} // namespace hotline
