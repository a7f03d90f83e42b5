#include "storage/TicketLookup.h"

#include "storage/Database.h"
#include "storage/TicketTable.h"

#include <QDateTime>
#include <QSqlQuery>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace hotline {

TicketLookup::TicketLookup(Database &db) : m_db(db) {}

QString TicketLookup::registeringConsole(const QString &ticketId)
{
    QSqlQuery q(m_db.sql());
    q.prepare(u"SELECT console FROM events WHERE ticket_id = ? AND type = 'registered' ORDER BY seq LIMIT 1"_s);
    q.addBindValue(ticketId);
    return q.exec() && q.next() ? q.value(0).toString() : QString();
}

QList<TicketCandidate> TicketLookup::byNumber(const QString &number)
{
    QList<TicketCandidate> out;
    if (number.isEmpty())
        return out;
    const auto read = [&](const QString &sql, bool former) {
        QSqlQuery q(m_db.sql());
        q.prepare(sql);
        q.addBindValue(number);
        if (!q.exec())
            return;
        while (q.next()) {
            TicketCandidate c;
            c.ticket = TicketTable::fromQuery(q);
            c.formerNumber = former;
            out << c;
        }
    };
    QStringList qualified = TicketTable::columns().split(u", "_s);
    for (QString &c : qualified)
        c.prepend(u"t."_s);
    const QString columns = qualified.join(u", "_s);
    read(u"SELECT "_s + columns + u" FROM tickets t WHERE t.number = ? ORDER BY t.registered_ms, t.id"_s, false);
    if (out.isEmpty()) {
        read(u"SELECT DISTINCT "_s + columns
                 + u" FROM ticket_former_numbers f JOIN tickets t ON t.id = f.ticket_id WHERE f.number = ? "
                   "ORDER BY t.registered_ms, t.id"_s,
             true);
    }
    for (TicketCandidate &c : out)
        c.console = registeringConsole(c.ticket.id);
    return out;
}

QString TicketLookup::idPrefix(const QString &ticketId, const QList<TicketCandidate> &among)
{
    qsizetype length = 8;
    for (const TicketCandidate &other : among) {
        const QString &id = other.ticket.id;
        if (id == ticketId)
            continue;
        qsizetype same = 0;
        while (same < id.size() && same < ticketId.size() && id.at(same) == ticketId.at(same))
            ++same;
        length = std::max(length, same + 1);
    }
    return ticketId.left(length);
}

QString TicketLookup::listing(const QList<TicketCandidate> &candidates, const QTimeZone &zone)
{
    QStringList lines;
    for (const TicketCandidate &c : candidates) {
        const QString when = QDateTime::fromMSecsSinceEpoch(c.ticket.registeredMs, zone).toString(u"yyyy-MM-dd HH:mm"_s);
        QString line = tr("  id %1…  console %2, registered %3: %4")
                           .arg(idPrefix(c.ticket.id, candidates), c.console.isEmpty() ? u"?"_s : c.console, when, c.ticket.summary);
        if (c.formerNumber)
            line += tr(" (now %1)").arg(c.ticket.number);
        lines << line;
    }
    return lines.join(u'\n');
}

TicketMatch TicketLookup::resolve(const QString &key, const QString &idPrefix, const QTimeZone &zone)
{
    TicketMatch m;
    const QString wanted = key.trimmed();
    QList<TicketCandidate> all = byNumber(wanted);
    if (all.isEmpty()) {
        // A script that kept the ticket's id.
        TicketTable table(m_db, TicketTable::Search::Skip);
        const Ticket byId = table.load(wanted);
        if (byId.exists())
            all << TicketCandidate{byId, registeringConsole(byId.id), false};
    }
    QList<TicketCandidate> picked = all;
    const QString prefix = idPrefix.trimmed();
    if (!prefix.isEmpty()) {
        picked.clear();
        for (const TicketCandidate &c : std::as_const(all)) {
            if (c.ticket.id.startsWith(prefix, Qt::CaseInsensitive))
                picked << c;
        }
    }
    if (picked.size() == 1) {
        m.outcome = TicketMatch::Outcome::Found;
        m.found = picked.constFirst();
        return m;
    }
    if (picked.isEmpty()) {
        m.outcome = TicketMatch::Outcome::NotFound;
        m.message = all.isEmpty() ? tr("There is no ticket %1.").arg(wanted)
                                  : tr("No ticket numbered %1 has an id starting with %2; the number names:\n%3")
                                        .arg(wanted, prefix, listing(all, zone));
        return m;
    }
    m.outcome = TicketMatch::Outcome::Ambiguous;
    m.candidates = picked;
    m.message = tr("Ticket number %1 names %2 tickets (two consoles gave it alike):\n%3")
                    .arg(wanted, QString::number(picked.size()), listing(picked, zone));
    return m;
}

} // namespace hotline
