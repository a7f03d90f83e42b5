#include "storage/TicketNumbers.h"

#include "storage/Database.h"

#include <QDateTime>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace hotline {

TicketNumbers::TicketNumbers(Database &db, QTimeZone zone) : m_db(db), m_zone(std::move(zone)) {}

QString TicketNumbers::next(qint64 nowMs, const QString &consoleCode, QString *error)
{
    const QString day = QDateTime::fromMSecsSinceEpoch(nowMs, m_zone).date().toString(u"yyMMdd"_s);
    QSqlQuery q(m_db.sql());
    q.prepare(u"INSERT INTO number_sequence(day, last) VALUES(?, 1) "
              "ON CONFLICT(day) DO UPDATE SET last = last + 1 RETURNING last"_s);
    q.addBindValue(day);
    if (!q.exec() || !q.next()) {
        *error = Database::describeError(q.lastError(), m_db.path()); // e.g. "the disk is full", not SQLite's words
        return {};
    }
    const qint64 seq = q.value(0).toLongLong();
    // Four digits read well over the phone; a busier day simply grows a fifth.
    return day + u'-' + consoleCode + u'-' + QString::number(seq).rightJustified(4, u'0');
}

} // namespace hotline
