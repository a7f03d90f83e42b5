#include "notify/MessageIds.h"

#include "domain/Ticket.h"

#include <QUuid>

using namespace Qt::StringLiterals;

namespace hotline::MessageIds {
namespace {

// Fixed namespace of Hotline Console's name-based ids; changing it would re-send every reminder.
const QUuid &idNamespace()
{
    static const QUuid ns(u"6f1c2a4e-93b5-4d0a-8e57-1f3b9c7d2a60"_s);
    return ns;
}

QString v5(const QString &name)
{
    return QUuid::createUuidV5(idNamespace(), name).toString(QUuid::WithoutBraces);
}

} // namespace

QString clockKey(const QString &ticketId, qint64 dispatchedMs, qint64 deadlineS)
{
    return ticketId % u'/' % QString::number(dispatchedMs) % u'/' % QString::number(deadlineS);
}

QString escalationEventId(const QString &ticketId, qint64 dispatchedMs, qint64 deadlineS, EventType kind)
{
    return v5(u"escalation/"_s % clockKey(ticketId, dispatchedMs, deadlineS) % u'/' % toCode(kind));
}

QString escalationEventId(const Ticket &ticket, EventType kind)
{
    if (!ticket.dispatchedMs || !ticket.deadlineS)
        return {};
    return escalationEventId(ticket.id, *ticket.dispatchedMs, *ticket.deadlineS, kind);
}

QString messageId(const QString &eventId, const QString &audience)
{
    return v5(u"sms/"_s % eventId % u'/' % audience);
}

QString deskEpisodeId(const QString &ticketId, const QString &stage, qint64 sinceMs)
{
    return v5(u"desk/"_s % ticketId % u'/' % stage % u'/' % QString::number(sinceMs));
}

} // namespace hotline::MessageIds
