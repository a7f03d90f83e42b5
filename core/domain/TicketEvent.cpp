#include "domain/TicketEvent.h"

#include <QJsonDocument>
#include <QUuid>

namespace hotline {

QString newUuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

TicketEvent TicketEvent::make(const QString &ticketId, EventType type, qint64 atMs, const QString &actor,
                              const QString &console, QJsonObject payload)
{
    TicketEvent e;
    e.id = newUuid();
    e.ticketId = ticketId;
    e.type = type;
    e.atMs = atMs;
    e.actor = actor;
    e.console = console;
    e.payload = std::move(payload);
    return e;
}

QByteArray TicketEvent::payloadJson() const
{
    // QJsonObject keeps keys sorted, so the compact form is canonical.
    return QJsonDocument(payload).toJson(QJsonDocument::Compact);
}

} // namespace hotline
