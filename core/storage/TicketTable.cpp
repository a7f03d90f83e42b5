#include "storage/TicketTable.h"

#include "storage/Database.h"

#include <QSqlError>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace hotline {
namespace {

QVariant opt(const std::optional<qint64> &v)
{
    return v ? QVariant(*v) : QVariant(QMetaType::fromType<qint64>());
}

QVariant opt(const std::optional<bool> &v)
{
    return v ? QVariant(int(*v)) : QVariant(QMetaType::fromType<int>());
}

std::optional<qint64> optInt(const QVariant &v)
{
    return v.isNull() ? std::nullopt : std::optional<qint64>(v.toLongLong());
}

std::optional<bool> optBool(const QVariant &v)
{
    return v.isNull() ? std::nullopt : std::optional<bool>(v.toInt() != 0);
}

} // namespace

QString TicketTable::columns()
{
    return u"id, number, channel, type, sla_class, category, town, caller_name, caller_phone, summary, details, "
           "state, department, registered_ms, dispatched_ms, deadline_s, extension_days, extension_pending, "
           "signed_ms, replied_ms, reply_on_time, closed_ms, on_time, satisfaction, reminder_sent, "
           "overdue_opened, urged, last_seq"_s;
}

TicketTable::TicketTable(Database &db)
    : m_db(db), m_load(db.sql()), m_loadByNumber(db.sql()), m_save(db.sql()), m_dispatch(db.sql()), m_callback(db.sql())
{
    m_load.prepare(u"SELECT "_s + columns() + u" FROM tickets WHERE id = ?"_s);
    m_loadByNumber.prepare(u"SELECT "_s + columns() + u" FROM tickets WHERE number = ?"_s);
    m_save.prepare(u"INSERT OR REPLACE INTO tickets("_s + columns()
                   + u") VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"_s);
    m_dispatch.prepare(u"INSERT OR IGNORE INTO dispatches(event_id, ticket_id, department, at_ms) VALUES(?,?,?,?)"_s);
    m_callback.prepare(u"INSERT OR IGNORE INTO callbacks(event_id, ticket_id, at_ms, satisfaction, department) VALUES(?,?,?,?,?)"_s);
}

bool TicketTable::run(QSqlQuery &q)
{
    if (q.exec())
        return true;
    m_lastError = q.lastError().text();
    return false;
}

Ticket TicketTable::fromQuery(const QSqlQuery &q, int c)
{
    Ticket t;
    t.id = q.value(c + 0).toString();
    t.number = q.value(c + 1).toString();
    t.channel = channelFromCode(q.value(c + 2).toString()).value_or(Channel::Phone);
    t.type = ticketTypeFromCode(q.value(c + 3).toString()).value_or(TicketType::Consult);
    t.slaClass = slaClassFromCode(q.value(c + 4).toString()).value_or(SlaClass::Handling);
    t.category = q.value(c + 5).toString();
    t.town = q.value(c + 6).toString();
    t.callerName = q.value(c + 7).toString();
    t.callerPhone = q.value(c + 8).toString();
    t.summary = q.value(c + 9).toString();
    t.details = q.value(c + 10).toString();
    t.state = ticketStateFromCode(q.value(c + 11).toString()).value_or(TicketState::Registered);
    t.department = q.value(c + 12).toString();
    t.registeredMs = q.value(c + 13).toLongLong();
    t.dispatchedMs = optInt(q.value(c + 14));
    t.deadlineS = optInt(q.value(c + 15));
    t.extensionDays = q.value(c + 16).toInt();
    t.extensionPending = q.value(c + 17).toInt() != 0;
    t.signedMs = optInt(q.value(c + 18));
    t.repliedMs = optInt(q.value(c + 19));
    t.replyOnTime = optBool(q.value(c + 20));
    t.closedMs = optInt(q.value(c + 21));
    t.onTime = optBool(q.value(c + 22));
    const QString satisfaction = q.value(c + 23).toString();
    t.satisfaction = satisfaction.isEmpty() ? std::nullopt : satisfactionFromCode(satisfaction);
    t.reminderSent = q.value(c + 24).toInt() != 0;
    t.overdueOpened = q.value(c + 25).toInt() != 0;
    t.urged = q.value(c + 26).toInt();
    t.lastSeq = q.value(c + 27).toLongLong();
    return t;
}

Ticket TicketTable::load(const QString &ticketId)
{
    m_load.addBindValue(ticketId);
    Ticket t;
    if (run(m_load) && m_load.next())
        t = fromQuery(m_load);
    m_load.finish();
    return t;
}

Ticket TicketTable::loadByNumber(const QString &number)
{
    m_loadByNumber.addBindValue(number);
    Ticket t;
    if (run(m_loadByNumber) && m_loadByNumber.next())
        t = fromQuery(m_loadByNumber);
    m_loadByNumber.finish();
    return t;
}

bool TicketTable::save(const Ticket &t)
{
    QSqlQuery &q = m_save;
    q.addBindValue(t.id);
    q.addBindValue(t.number);
    q.addBindValue(toCode(t.channel));
    q.addBindValue(toCode(t.type));
    q.addBindValue(toCode(t.slaClass));
    q.addBindValue(t.category);
    q.addBindValue(t.town);
    q.addBindValue(t.callerName);
    q.addBindValue(t.callerPhone);
    q.addBindValue(t.summary);
    q.addBindValue(t.details);
    q.addBindValue(toCode(t.state));
    q.addBindValue(t.department.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(t.department));
    q.addBindValue(t.registeredMs);
    q.addBindValue(opt(t.dispatchedMs));
    q.addBindValue(opt(t.deadlineS));
    q.addBindValue(t.extensionDays);
    q.addBindValue(int(t.extensionPending));
    q.addBindValue(opt(t.signedMs));
    q.addBindValue(opt(t.repliedMs));
    q.addBindValue(opt(t.replyOnTime));
    q.addBindValue(opt(t.closedMs));
    q.addBindValue(opt(t.onTime));
    q.addBindValue(t.satisfaction ? QVariant(toCode(*t.satisfaction)) : QVariant(QMetaType::fromType<QString>()));
    q.addBindValue(int(t.reminderSent));
    q.addBindValue(int(t.overdueOpened));
    q.addBindValue(t.urged);
    q.addBindValue(t.lastSeq);
    return run(q);
}

bool TicketTable::recordSideEffects(const Ticket &after, const TicketEvent &e)
{
    if (e.type == EventType::Dispatched || e.type == EventType::Transferred) {
        m_dispatch.addBindValue(e.id);
        m_dispatch.addBindValue(e.ticketId);
        m_dispatch.addBindValue(after.department);
        m_dispatch.addBindValue(e.atMs);
        return run(m_dispatch);
    }
    if (e.type == EventType::Callback && after.satisfaction) {
        m_callback.addBindValue(e.id);
        m_callback.addBindValue(e.ticketId);
        m_callback.addBindValue(e.atMs);
        m_callback.addBindValue(toCode(*after.satisfaction));
        m_callback.addBindValue(after.department.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(after.department));
        return run(m_callback);
    }
    return true;
}

bool TicketTable::clearAll()
{
    return m_db.exec(u"DELETE FROM tickets"_s, &m_lastError) && m_db.exec(u"DELETE FROM dispatches"_s, &m_lastError)
           && m_db.exec(u"DELETE FROM callbacks"_s, &m_lastError);
}

} // namespace hotline
