#include "notify/Accountability.h"

#include "auth/Permissions.h"

#include "io/CsvWriter.h"
#include "service/Workspace.h"
#include "sla/SlaClock.h"
#include "storage/Database.h"
#include "util/Clock.h"

#include <QDateTime>
#include <QSqlQuery>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace hotline {

Accountability::Accountability(Workspace &workspace) : m_ws(workspace) {}

QList<AccountabilityRecord> Accountability::list(const Actor &by, const AccountabilityFilter &filter, QString *error) const
{
    if (!Permissions::check(by, Action::ViewAccountability, error))
        return {};
    return list(filter);
}

QList<AccountabilityRecord> Accountability::list(const AccountabilityFilter &filter) const
{
    const SlaClock sla = m_ws.sla();
    // The answer on this clock: the first reply after the record with no new dispatch, transfer or return between.
    QString sql = u"SELECT o.id, o.ticket_id, t.number, json_extract(o.payload, '$.department'), d.name, "
                  "json_extract(o.payload, '$.deadline'), o.at_ms, t.urged, "
                  "(SELECT MIN(r.at_ms) FROM events r WHERE r.ticket_id = o.ticket_id AND r.type = 'replied' AND r.seq > o.seq "
                  "   AND NOT EXISTS (SELECT 1 FROM events x WHERE x.ticket_id = o.ticket_id "
                  "   AND x.type IN ('dispatched', 'transferred', 'returned') AND x.seq > o.seq AND x.seq < r.seq)) "
                  "FROM events o LEFT JOIN tickets t ON t.id = o.ticket_id "
                  "LEFT JOIN departments d ON d.code = json_extract(o.payload, '$.department') "
                  "WHERE o.type = 'overdue'"_s;
    if (filter.month.isValid())
        sql += u" AND o.at_ms >= :from AND o.at_ms < :to"_s;
    if (!filter.department.isEmpty())
        sql += u" AND json_extract(o.payload, '$.department') = :dept"_s;
    sql += u" ORDER BY o.at_ms DESC, t.number"_s;
    QSqlQuery q(m_ws.database().sql());
    q.prepare(sql);
    if (filter.month.isValid()) {
        const QDate first(filter.month.year(), filter.month.month(), 1);
        const QTimeZone zone = sla.calendar().timeZone();
        q.bindValue(u":from"_s, QDateTime(first, QTime(0, 0), zone).toMSecsSinceEpoch());
        q.bindValue(u":to"_s, QDateTime(first.addMonths(1), QTime(0, 0), zone).toMSecsSinceEpoch());
    }
    if (!filter.department.isEmpty())
        q.bindValue(u":dept"_s, filter.department);
    QList<AccountabilityRecord> out;
    if (!q.exec())
        return out;
    const qint64 now = m_ws.clock().nowSecs();
    while (q.next()) {
        AccountabilityRecord r;
        r.eventId = q.value(0).toString();
        r.ticketId = q.value(1).toString();
        r.number = q.value(2).toString();
        r.department = q.value(3).toString();
        r.departmentName = q.value(4).toString();
        r.deadlineS = q.value(5).toLongLong();
        r.redAtMs = q.value(6).toLongLong();
        r.urged = q.value(7).toInt();
        if (!q.value(8).isNull())
            r.answeredMs = q.value(8).toLongLong();
        const qint64 end = r.answeredMs ? *r.answeredMs / 1000 : now;
        r.lateWorkingSeconds = -sla.remaining(end, r.deadlineS);
        out << r;
    }
    return out;
}

int Accountability::countSince(qint64 redAfterMs) const
{
    QSqlQuery q(m_ws.database().sql());
    q.prepare(u"SELECT COUNT(*) FROM events WHERE type = 'overdue' AND at_ms > ?"_s);
    q.addBindValue(redAfterMs);
    return q.exec() && q.next() ? q.value(0).toInt() : 0;
}

QString Accountability::toCsv(const QList<AccountabilityRecord> &records, const QTimeZone &zone)
{
    const auto local = [&zone](qint64 ms) -> QString {
        return QDateTime::fromMSecsSinceEpoch(ms, zone).toString(Qt::ISODate);
    };
    QString out;
    CsvWriter w(&out);
    w.writeBom();
    w.writeRow(QStringList{u"number"_s, u"department"_s, u"department_name"_s, u"deadline"_s, u"red_at"_s,
                           u"answered_at"_s, u"late_working_seconds"_s, u"urged"_s});
    for (const AccountabilityRecord &r : records) {
        w.writeRow(QStringList{r.number, r.department, r.departmentName, local(r.deadlineS * 1000), local(r.redAtMs),
                               r.answeredMs ? local(*r.answeredMs) : QString(), QString::number(r.lateWorkingSeconds),
                               QString::number(r.urged)});
    }
    w.flush();
    return out;
}

} // namespace hotline
