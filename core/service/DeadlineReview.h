#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <optional>

namespace hotline {

class Database;
class EventStore;
class TicketService;

/** A counting ticket whose deadline in force differs from what the calendar in force now gives it. */
struct DeadlineChange
{
    QString ticketId;
    QString number;
    QString department; ///< the department's name (its code if it has none)
    qint64 oldDeadline = 0; ///< in force, seconds UTC
    std::optional<qint64> newDeadline; ///< from the calendar in force; none when it cannot be known
    QString problem; ///< why there is no new deadline (translated), else empty
};

/**
 * After a calendar change (docs/CALENDAR.md, "When the calendar changes"): the open, dispatched, unanswered
 * tickets whose deadline the calendar in force would now decide differently, by deadline in force. Their
 * deadlines stay as they are until an administrator re-decides them (TicketService::redecideDeadline).
 */
class DeadlineReview final
{
    Q_DECLARE_TR_FUNCTIONS(DeadlineReview)

public:
    static QList<DeadlineChange> find(Database &db, EventStore &store, const TicketService &tickets);
};

} // namespace hotline
