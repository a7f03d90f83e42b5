// TicketService's part in resolving a number two consoles gave alike (issue 16): a dispatcher gives one of the
// tickets a new number from this console's own sequence, as an audited renumbered event (from, to, reason).
#include "service/TicketService.h"

#include "domain/TextRules.h"
#include "domain/TicketFold.h"
#include "sla/SlaClock.h"
#include "storage/Database.h"
#include "storage/EventStore.h"
#include "storage/TicketNumbers.h"
#include "util/Clock.h"

#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace hotline {

namespace {

// Whether any ticket holds the number now or held it before: a new number must be neither (an imported history in
// the same form may already use numbers this console's sequence has not reached).
bool numberIsTaken(Database &db, const QString &number)
{
    QSqlQuery q(db.sql());
    q.prepare(u"SELECT 1 FROM tickets WHERE number = ? UNION ALL SELECT 1 FROM ticket_former_numbers WHERE number = ? LIMIT 1"_s);
    q.addBindValue(number);
    q.addBindValue(number);
    return !q.exec() || q.next(); // an unreadable table counts as taken: never risk a second clash
}

} // namespace

QString TicketService::renumber(const Actor &actor, const QString &ticketId, const QString &reason, QString *error)
{
    const Ticket t = m_store.ticket(ticketId);
    // Permission first: someone who may not renumber learns nothing about the ticket.
    if (!permitted(actor, EventType::Renumbered, t, error))
        return {};
    if (!t.exists()) {
        *error = tr("No such ticket.");
        return {};
    }
    const QString why = TextRules::stripped(reason, TextRules::Lines::Keep).trimmed();
    const qint64 now = m_clock.nowMs();
    // The new number and its event in one transaction: a refused write leaves no used number behind.
    WriteTransaction tx(m_db);
    if (!tx.isActive()) {
        *error = tx.error();
        return {};
    }
    const SlaClock sla = m_sla();
    TicketNumbers allocator(m_db, sla.calendar().timeZone());
    QString number;
    for (int attempt = 0; attempt < 10000; ++attempt) {
        number = allocator.next(now, actor.console, error);
        if (number.isEmpty())
            return {};
        if (!numberIsTaken(m_db, number))
            break;
        number.clear();
    }
    if (number.isEmpty()) {
        *error = tr("No free number is left for today on console %1.").arg(actor.console);
        return {};
    }
    QJsonObject p{{Key::From, t.number}, {Key::To, number}};
    if (!why.isEmpty())
        p.insert(Key::Reason, why);
    const TicketEvent e = TicketEvent::make(ticketId, EventType::Renumbered, now, actor.user, actor.console, p);
    if (const QString refused = TicketFold::check(t, e); !refused.isEmpty()) {
        *error = refused;
        return {};
    }
    if (!m_store.appendWithin({e}, error) || !tx.commit()) {
        if (error->isEmpty())
            *error = tx.error();
        m_store.forgetPending();
        return {};
    }
    m_store.announceCommitted();
    return number;
}

} // namespace hotline
