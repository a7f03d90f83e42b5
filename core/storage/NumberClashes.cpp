#include "storage/NumberClashes.h"

#include "storage/Database.h"

#include <QHash>
#include <QMutex>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace hotline {

NumberClashes::NumberClashes(Database &db) : m_db(db) {}

qint64 NumberClashes::count()
{
    // Every sync pass asks (the conflict count): a walk of the number index, some 0.2 s on a million tickets. The
    // numbers change only when events arrive or the server orders them, so the answer is kept per database until
    // the newest event or the newest server sequence moves (both read from an index end).
    static QMutex mutex;
    static QHash<QString, std::pair<QString, qint64>> known;
    QSqlQuery q(m_db.sql());
    const QString mark = q.exec(u"SELECT (SELECT max(seq) FROM events), (SELECT max(server_seq) FROM events)"_s) && q.next()
        ? q.value(0).toString() + u'/' + q.value(1).toString()
        : QString();
    q.finish();
    {
        QMutexLocker lock(&mutex);
        const auto it = known.constFind(m_db.path());
        if (!mark.isEmpty() && it != known.cend() && it->first == mark)
            return it->second;
    }
    // Read from the number index alone (tickets_number): no table row is visited.
    const qint64 n = q.exec(u"SELECT count(*) FROM (SELECT number FROM tickets GROUP BY number HAVING count(*) > 1)"_s)
            && q.next()
        ? q.value(0).toLongLong()
        : 0;
    if (!mark.isEmpty()) {
        QMutexLocker lock(&mutex);
        known.insert(m_db.path(), {mark, n});
    }
    return n;
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
