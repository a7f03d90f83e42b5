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
/** Name-based (v5) UUID of one stage episode at the dispatch desk: the ticket, its stage ("dispatch" or
 *  "callback") and the instant it began waiting. Stands in for the event id of a desk reminder; its SMS is
 *  messageId(deskEpisodeId(…), "desk"), so every console and every restart derives the same one. */
QString deskEpisodeId(const QString &ticketId, const QString &stage, qint64 sinceMs);

} // namespace MessageIds
} // namespace hotline
