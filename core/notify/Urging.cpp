#include "notify/Urging.h"

#include "auth/Permissions.h"

#include "domain/TicketFold.h"
#include "notify/DepartmentContacts.h"
#include "notify/MessageIds.h"
#include "notify/SmsOutbox.h"
#include "service/Workspace.h"
#include "storage/Database.h"
#include "storage/EventStore.h"
#include "util/Clock.h"

using namespace Qt::StringLiterals;

namespace hotline {

Urging::Urging(Workspace &workspace, SmsOutbox &outbox) : m_ws(workspace), m_outbox(outbox) {}

QString Urging::urge(const Actor &actor, const QString &ticketId, const QString &note, bool smsHead, QString *error,
                     QString *warning)
{
    if (!Permissions::check(actor, Action::Urge, error))
        return {};
    WriteTransaction tx(m_ws.database());
    if (!tx.isActive()) {
        *error = tx.error();
        return {};
    }
    const Ticket t = m_ws.events().ticket(ticketId);
    const QString why = TicketFold::check(t, EventType::Urged);
    if (!why.isEmpty()) {
        *error = why;
        return {};
    }
    const qint64 now = m_ws.clock().nowMs();
    TicketEvent e = TicketEvent::make(ticketId, EventType::Urged, now, actor.user, actor.console,
                                      {{Key::Text, note.trimmed()}, {Key::Department, t.department}});
    OutboxMessage m;
    if (smsHead) {
        const auto dept = DepartmentContacts(m_ws.database()).find(t.department);
        if ((!dept || dept->headPhone.isEmpty()) && warning)
            *warning = tr("Department %1 has no head's phone number: the SMS waits until one is entered.").arg(t.department);
        m.id = MessageIds::messageId(e.id, u"head"_s);
        m.kind = u"urge"_s;
        m.ticketId = ticketId;
        m.eventId = e.id;
        m.department = t.department;
        m.audience = u"head"_s;
        m.createdMs = now;
        m.nextAttemptMs = now;
        e.payload.insert(QLatin1StringView("message"), m.id);
    }
    if (!m_ws.events().appendWithin({e}, error) || (smsHead && !m_outbox.enqueueWithin(m, error)))
        return {};
    if (!tx.commit()) {
        *error = tx.error();
        return {};
    }
    Q_EMIT m_ws.events().ticketsChanged({ticketId}); // appendWithin leaves the notification to the transaction's owner
    return e.id;
}

} // namespace hotline
