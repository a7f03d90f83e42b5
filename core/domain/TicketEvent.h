#pragma once

#include "domain/Enums.h"

#include <QJsonObject>
#include <QString>

namespace hotline {

/** One immutable entry of a ticket's history: who did what, when, from which console. */
struct TicketEvent
{
    QString id;        ///< globally unique (UUID without braces)
    QString ticketId;  ///< the ticket's UUID
    EventType type = EventType::Registered;
    qint64 atMs = 0;   ///< UTC milliseconds since the epoch
    QString actor;     ///< user name of whoever caused it ("system" for the escalator)
    QString console;   ///< console code where it was recorded
    QJsonObject payload;
    qint64 seq = 0;    ///< local arrival order, set by the store
    QByteArray payloadText; ///< payloadJson() computed ahead of time (a bulk import does it on another core), or empty

    /** A fresh event with a new unique id. */
    static TicketEvent make(const QString &ticketId, EventType type, qint64 atMs, const QString &actor,
                            const QString &console, QJsonObject payload = {});
    /**
     * An event as read back from the log, for folding: the payload parsed from its stored JSON. A type code this
     * build does not know folds as Urged, which no state refuses (rebuild and verify agree on it).
     */
    static TicketEvent fromStored(qint64 seq, const QString &id, const QString &ticketId, const QString &typeCode,
                                  qint64 atMs, const QString &actor, const QString &console, const QByteArray &payloadJson);
    /** The payload as compact JSON with sorted keys (stable across machines, hashed for tamper evidence). */
    QByteArray payloadJson() const;
};

/** A new random UUID as text without braces. */
QString newUuid();

} // namespace hotline
