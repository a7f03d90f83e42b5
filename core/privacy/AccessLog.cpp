#include "privacy/AccessLog.h"

#include "auth/Permissions.h"
#include "storage/Database.h"
#include "util/Clock.h"

#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace hotline {

AccessLog::AccessLog(Database &db, const Clock &clock)
    : m_db(db)
    , m_clock(clock)
{
}

QString AccessLog::kindCode(AccessLogEntry::Kind kind)
{
    return kind == AccessLogEntry::Kind::Export ? u"export"_s : u"view"_s;
}

bool AccessLog::record(AccessLogEntry entry, QString *error)
{
    entry.atMs = m_clock.nowMs();
    QSqlQuery q(m_db.sql());
    // coalesce: a null QString binds as NULL, an empty field is stored as ''.
    q.prepare(u"INSERT INTO access_log(at_ms, kind, user, role, console, ticket_id, ticket_number, tickets, detail) "
              "VALUES(?, ?, ?, ?, coalesce(?, ''), coalesce(?, ''), coalesce(?, ''), ?, coalesce(?, ''))"_s);
    q.addBindValue(entry.atMs);
    q.addBindValue(kindCode(entry.kind));
    q.addBindValue(entry.user);
    q.addBindValue(toCode(entry.role));
    q.addBindValue(entry.console);
    q.addBindValue(entry.ticketId);
    q.addBindValue(entry.ticketNumber);
    q.addBindValue(entry.tickets);
    q.addBindValue(entry.detail);
    if (!q.exec()) {
        if (error)
            *error = tr("Cannot write the access log: %1").arg(q.lastError().text());
        return false;
    }
    return true;
}

QList<AccessLogEntry> AccessLog::list(const Actor &reader, const AccessLogFilter &filter, QString *error)
{
    if (!Permissions::check(reader, Action::ViewAccessLog, error))
        return {};
    QStringList where {u"1 = 1"_s};
    QVariantList values;
    if (!filter.user.trimmed().isEmpty()) {
        where << u"user = ?"_s;
        values << filter.user.trimmed();
    }
    if (!filter.ticket.trimmed().isEmpty()) {
        where << u"(ticket_number = ? OR ticket_id = ?)"_s;
        values << filter.ticket.trimmed() << filter.ticket.trimmed();
    }
    if (filter.fromMs) {
        where << u"at_ms >= ?"_s;
        values << *filter.fromMs;
    }
    if (filter.toMs) {
        where << u"at_ms < ?"_s;
        values << *filter.toMs;
    }
    QSqlQuery q(m_db.sql());
    q.setForwardOnly(true);
    q.prepare(u"SELECT id, at_ms, kind, user, role, console, ticket_id, ticket_number, tickets, detail "
              "FROM access_log WHERE "_s
              + where.join(u" AND "_s) + u" ORDER BY at_ms DESC, id DESC LIMIT "_s
              + QString::number(std::max(1, filter.limit)));
    for (const QVariant &v : std::as_const(values))
        q.addBindValue(v);
    QList<AccessLogEntry> out;
    if (!q.exec()) {
        if (error)
            *error = tr("Cannot read the access log: %1").arg(q.lastError().text());
        return out;
    }
    while (q.next()) {
        AccessLogEntry e;
        e.id = q.value(0).toLongLong();
        e.atMs = q.value(1).toLongLong();
        e.kind = q.value(2).toString() == u"export"_s ? AccessLogEntry::Kind::Export : AccessLogEntry::Kind::View;
        e.user = q.value(3).toString();
        e.role = roleFromCode(q.value(4).toString()).value_or(Role::System);
        e.console = q.value(5).toString();
        e.ticketId = q.value(6).toString();
        e.ticketNumber = q.value(7).toString();
        e.tickets = q.value(8).toInt();
        e.detail = q.value(9).toString();
        out << e;
    }
    return out;
}

} // namespace hotline
