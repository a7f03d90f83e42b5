#include "DatabaseProbe.h"

#include "storage/Database.h"

#include <QSqlQuery>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace hotline::test {

qint64 scalar(Database &db, const QString &sql)
{
    QSqlQuery q(db.sql());
    return q.exec(sql) && q.next() ? q.value(0).toLongLong() : -1;
}

QString projectionText(Database &db)
{
    QSqlQuery q(db.sql());
    q.exec(u"SELECT id, number, state, coalesce(department,''), coalesce(dispatched_ms,0), coalesce(deadline_s,0), "
           u"coalesce(replied_ms,0), coalesce(closed_ms,0), coalesce(satisfaction,''), summary FROM tickets ORDER BY id"_s);
    QStringList rows;
    while (q.next()) {
        QStringList cells;
        for (int i = 0; i < 10; ++i)
            cells << q.value(i).toString();
        rows << cells.join(u'|');
    }
    return rows.join(u'\n');
}

QString conflictIds(Database &db)
{
    QSqlQuery q(db.sql());
    q.exec(u"SELECT event_id FROM sync_conflicts ORDER BY event_id"_s);
    QStringList ids;
    while (q.next())
        ids << q.value(0).toString();
    return ids.join(u',');
}

} // namespace hotline::test
