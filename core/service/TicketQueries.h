#pragma once

#include "auth/Actor.h"
#include "domain/Ticket.h"
#include "domain/TicketEvent.h"

#include <QCoreApplication>
#include <QList>
#include <QStringList>

#include <optional>

namespace hotline {

class Database;
class EventStore;

/** A member department as the lists and forms show it. */
struct Department
{
    QString code;
    QString name;
    QStringList dutyPhones;
    QString headPhone;
};

/**
 * The read side for the console's screens. Every query takes the actor and applies the same visibility
 * rule as the services: a department liaison sees only tickets that are with their own department, in lists,
 * details and history alike.
 */
class TicketQueries final
{
    Q_DECLARE_TR_FUNCTIONS(TicketQueries)

public:
    TicketQueries(Database &db, EventStore &store);

    /** Whether actor may see this ticket at all. */
    static bool maySee(const Actor &actor, const Ticket &ticket);

    /** One ticket, or nullopt when it does not exist or the actor may not see it. */
    std::optional<Ticket> ticket(const Actor &actor, const QString &ticketId);
    /** A ticket's events, oldest first; empty when the actor may not see it. */
    QList<TicketEvent> history(const Actor &actor, const QString &ticketId);

    /** Registered, not yet dispatched (new and returned): the dispatcher's queue, oldest first. */
    QList<Ticket> dispatchQueue(const Actor &actor);
    /** Why the department sent it back, when the ticket's latest move was a return. */
    QString returnReason(const QString &ticketId);
    /** Open tickets with this department (the liaison's desk); a liaison may only ask for their own. */
    QList<Ticket> departmentTickets(const Actor &actor, const QString &departmentCode);
    /** Tickets with an extension request waiting for a dispatcher. */
    QList<Ticket> pendingExtensions(const Actor &actor);
    /** Replied, not closed: waiting for the callback to the citizen. */
    QList<Ticket> awaitingCallback(const Actor &actor);
    /** The caller's earlier tickets, newest first (phone in normalised form). */
    QList<Ticket> callerHistory(const Actor &actor, const QString &phone, int limit = 20);
    /** Tickets of the same caller in the 7 days before nowMs whose summary is similar to this one. */
    QList<Ticket> likelyDuplicates(const Actor &actor, const QString &phone, const QString &summary, qint64 nowMs);
    /** 0..1: how alike two summaries are (shared character pairs), for duplicate hints. */
    static double similarity(const QString &a, const QString &b);

    QList<Department> departments();
    QString departmentName(const QString &code);
    /** The categories and towns registration offers: the active ones (ReferenceStore), by name. */
    QStringList categories();
    QStringList towns();
    /** The department a category usually goes to, or an empty string. */
    QString suggestedDepartment(const QString &category);

private:
    QList<Ticket> select(const QString &where, const QVariantList &values, const QString &order, int limit = -1);

    Database &m_db;
    EventStore &m_store;
};

} // namespace hotline
