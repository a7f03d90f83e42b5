#include "storage/NumberClashes.h"

#include "storage/Database.h"

#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace hotline {

NumberClashes::NumberClashes(Database &db) : m_db(db) {}

qint64 NumberClashes::count()
{
    // Read from the number index alone (tickets_number): no table row is visited.
    QSqlQuery q(m_db.sql());
    return q.exec(u"SELECT count(*) FROM (SELECT number FROM tickets GROUP BY number HAVING count(*) > 1)"_s) && q.next()
        ? q.value(0).toLongLong()
        : 0;
}

QList<NumberClash> NumberClashes::list(int limit)
{
    QStringList numbers;
    {
        QSqlQuery q(m_db.sql());
        q.prepare(u"SELECT number FROM tickets GROUP BY number HAVING count(*) > 1 ORDER BY number LIMIT ?"_s);
        q.addBindValue(limit);
        if (q.exec()) {
            while (q.next())
                numbers << q.value(0).toString();
        }
    }
    QList<NumberClash> out;
    TicketLookup lookup(m_db);
    for (const QString &number : std::as_const(numbers))
        out << NumberClash{number, lookup.byNumber(number)};
    return out;
}

QString NumberClashes::describe(const QList<NumberClash> &clashes, const QTimeZone &zone)
{
    QStringList parts;
    for (const NumberClash &c : clashes)
        parts << tr("%1 names %2 tickets:").arg(c.number, QString::number(c.tickets.size())) + u'\n'
                     + TicketLookup::listing(c.tickets, zone);
    return parts.join(u'\n');
}

} // namespace hotline
