#include "storage/TicketTable.h"

#include "storage/Database.h"
#include "storage/SqliteStatement.h"
#include "storage/TicketSearchIndex.h"

#include <QSqlError>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace hotline {
namespace {

std::optional<qint64> opt(const std::optional<bool> &v)
{
    return v ? std::optional<qint64>(*v ? 1 : 0) : std::nullopt;
}

void bindTextOrNull(SqliteStatement &s, int index, const QString &value)
{
    if (value.isEmpty())
        s.bindNull(index);
    else
        s.bind(index, value);
}

std::optional<qint64> optInt(const QVariant &v)
{
    return v.isNull() ? std::nullopt : std::optional<qint64>(v.toLongLong());
}

std::optional<double> optReal(const QVariant &v)
{
    return v.isNull() ? std::nullopt : std::optional<double>(v.toDouble());
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
           "overdue_opened, urged, last_seq, extension_requested_ms, clock_id, breached, stage_since_ms, address, latitude, "
           "longitude, reply_text, parent_id, citizen_sms, follow_ups, attachments"_s;
}

TicketTable::TicketTable(Database &db, Search search)
    : m_db(db), m_load(db.sql()), m_loadByNumber(db.sql()), m_loadByFormerNumber(db.sql()), m_loadClocks(db.sql()),
      m_search(search == Search::Index ? std::make_unique<TicketSearchIndex>(db) : nullptr)
{
    m_load.prepare(u"SELECT "_s + columns() + u" FROM tickets WHERE id = ?"_s);
    // Two rows at most: a number two consoles gave alike names both, and then neither is "the" ticket.
    m_loadByNumber.prepare(u"SELECT "_s + columns() + u" FROM tickets WHERE number = ? LIMIT 2"_s);
    m_loadByFormerNumber.prepare(u"SELECT "_s + columns()
                                 + u" FROM tickets WHERE id IN (SELECT ticket_id FROM ticket_former_numbers WHERE number = ?) LIMIT 2"_s);
    const QByteArray save = "INSERT OR REPLACE INTO tickets(" + columns().toLatin1()
                            + ") VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";
    m_save = std::make_unique<SqliteStatement>(db, save.constData());
    m_loadClocks.prepare(u"SELECT event_id, department, at_ms, deadline_s, ended_ms, outcome, on_time, breached_s, extensions "
                         ", follow_ups FROM dispatches WHERE ticket_id = ? ORDER BY rowid"_s);
    // An upsert keeps the row (and its rowid, the fold order load() reads the clocks back in).
    m_dispatch = std::make_unique<SqliteStatement>(
        db, "INSERT INTO dispatches(event_id, ticket_id, department, at_ms, deadline_s, ended_ms, outcome, on_time, "
            "breached_s, extensions, follow_ups) VALUES(?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT(event_id) DO UPDATE SET "
            "department = excluded.department, at_ms = excluded.at_ms, deadline_s = excluded.deadline_s, "
            "ended_ms = excluded.ended_ms, outcome = excluded.outcome, on_time = excluded.on_time, "
            "breached_s = excluded.breached_s, extensions = excluded.extensions, follow_ups = excluded.follow_ups");
    m_callback = std::make_unique<SqliteStatement>(
        db, "INSERT OR IGNORE INTO callbacks(event_id, ticket_id, at_ms, satisfaction, department) VALUES(?,?,?,?,?)");
    m_attachment = std::make_unique<SqliteStatement>(
        db, "INSERT OR REPLACE INTO ticket_attachments(event_id, ticket_id, hash, file_name, mime_type, size, stage, "
            "actor, at_ms) VALUES(?,?,?,?,?,?,?,?,?)");
}

TicketTable::~TicketTable() = default;

bool TicketTable::run(SqliteStatement &s)
{
    if (s.exec())
        return true;
    m_lastError = s.error();
    return false;
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
    t.extensionRequestedMs = optInt(q.value(c + 28));
    t.clockId = q.value(c + 29).toString();
    t.breached = q.value(c + 30).toInt() != 0;
    t.stageSinceMs = optInt(q.value(c + 31));
    t.address = q.value(c + 32).toString();
    t.latitude = optReal(q.value(c + 33));
    t.longitude = optReal(q.value(c + 34));
    t.replyText = q.value(c + 35).toString();
    t.parentId = q.value(c + 36).toString();
    t.citizenSms = q.value(c + 37).toInt() != 0;
    t.followUps = q.value(c + 38).toInt();
    t.attachments = q.value(c + 39).toInt();
    return t;
}

void TicketTable::loadClocks(Ticket &t)
{
    if (!t.exists())
        return;
    m_loadClocks.addBindValue(t.id);
    if (run(m_loadClocks)) {
        while (m_loadClocks.next()) {
            DepartmentClock c;
            c.id = m_loadClocks.value(0).toString();
            c.department = m_loadClocks.value(1).toString();
            c.startMs = m_loadClocks.value(2).toLongLong();
            c.deadlineS = optInt(m_loadClocks.value(3));
            c.endedMs = optInt(m_loadClocks.value(4));
            c.outcome = clockOutcomeFromCode(m_loadClocks.value(5).toString()).value_or(ClockOutcome::Running);
            c.onTime = optBool(m_loadClocks.value(6));
            c.breachedS = optInt(m_loadClocks.value(7));
            c.extensions = m_loadClocks.value(8).toInt();
            c.followUps = m_loadClocks.value(9).toInt();
            t.clocks.append(c);
        }
    }
    m_loadClocks.finish();
}

Ticket TicketTable::load(const QString &ticketId)
{
    m_load.addBindValue(ticketId);
    Ticket t;
    if (run(m_load) && m_load.next())
        t = fromQuery(m_load);
    m_load.finish();
    loadClocks(t);
    return t;
}

Ticket TicketTable::loadByNumber(const QString &number)
{
    // The ticket holding the number now, else the one that had it before a renumbering; none when two do.
    Ticket t;
    for (QSqlQuery *q : {&m_loadByNumber, &m_loadByFormerNumber}) {
        q->addBindValue(number);
        int rows = 0;
        if (run(*q)) {
            while (q->next() && ++rows <= 1)
                t = fromQuery(*q);
        }
        q->finish();
        if (rows > 1)
            return Ticket{};
        if (rows == 1)
            break;
    }
    loadClocks(t);
    return t;
}

bool TicketTable::save(const Ticket &t)
{
    SqliteStatement &q = *m_save;
    q.bind(1, t.id);
    q.bind(2, t.number);
    q.bind(3, toCode(t.channel));
    q.bind(4, toCode(t.type));
    q.bind(5, toCode(t.slaClass));
    q.bind(6, t.category);
    q.bind(7, t.town);
    q.bind(8, t.callerName);
    q.bind(9, t.callerPhone);
    q.bind(10, t.summary);
    q.bind(11, t.details);
    q.bind(12, toCode(t.state));
    bindTextOrNull(q, 13, t.department);
    q.bind(14, t.registeredMs);
    q.bind(15, t.dispatchedMs);
    q.bind(16, t.deadlineS);
    q.bind(17, qint64(t.extensionDays));
    q.bind(18, qint64(t.extensionPending));
    q.bind(19, t.signedMs);
    q.bind(20, t.repliedMs);
    q.bind(21, opt(t.replyOnTime));
    q.bind(22, t.closedMs);
    q.bind(23, opt(t.onTime));
    bindTextOrNull(q, 24, t.satisfaction ? toCode(*t.satisfaction) : QString());
    q.bind(25, qint64(t.reminderSent));
    q.bind(26, qint64(t.overdueOpened));
    q.bind(27, qint64(t.urged));
    q.bind(28, t.lastSeq);
    q.bind(29, t.extensionRequestedMs);
    bindTextOrNull(q, 30, t.clockId);
    q.bind(31, qint64(t.breached));
    q.bind(32, t.stageSinceMs);
    q.bind(33, t.address);
    q.bind(34, t.latitude);
    q.bind(35, t.longitude);
    q.bind(36, t.replyText);
    bindTextOrNull(q, 37, t.parentId);
    q.bind(38, qint64(t.citizenSms));
    q.bind(39, qint64(t.followUps));
    q.bind(40, qint64(t.attachments));
    if (!run(q))
        return false;
    // Every clock, each once per save: a batch (an import's whole history, a rebuild) writes each row once.
    SqliteStatement &d = *m_dispatch;
    for (const DepartmentClock &c : t.clocks) {
        d.bind(1, c.id);
        d.bind(2, t.id);
        d.bind(3, c.department);
        d.bind(4, c.startMs);
        d.bind(5, c.deadlineS);
        d.bind(6, c.endedMs);
        bindTextOrNull(d, 7, toCode(c.outcome));
        d.bind(8, opt(c.onTime));
        d.bind(9, c.breachedS);
        d.bind(10, qint64(c.extensions));
        d.bind(11, qint64(c.followUps));
        if (!run(d))
            return false;
    }
    // The search index by hand where the text changed: the row just replaced has a new rowid (see ticket_search).
    if (m_search && !m_search->update(t)) {
        m_lastError = m_search->lastError();
        return false;
    }
    return true;
}

bool TicketTable::recordSideEffects(const Ticket &after, const TicketEvent &e)
{
    // The clocks (dispatches rows) are part of the ticket's state and written by save().
    if (e.type == EventType::Callback && after.satisfaction) {
        SqliteStatement &q = *m_callback;
        q.bind(1, e.id);
        q.bind(2, e.ticketId);
        q.bind(3, e.atMs);
        q.bind(4, toCode(*after.satisfaction));
        bindTextOrNull(q, 5, after.department);
        return run(q);
    }
    // The file's row: the bytes themselves live in attachment_blobs, which is not projection.
    if (e.type == EventType::Attached) {
        SqliteStatement &q = *m_attachment;
        q.bind(1, e.id);
        q.bind(2, e.ticketId);
        q.bind(3, e.payload.value(Key::Hash).toString());
        q.bind(4, e.payload.value(Key::FileName).toString());
        q.bind(5, e.payload.value(Key::MimeType).toString());
        q.bind(6, qint64(e.payload.value(Key::Size).toDouble()));
        q.bind(7, e.payload.value(Key::Stage).toString());
        q.bind(8, e.actor);
        q.bind(9, e.atMs);
        return run(q);
    }
    return true;
}

bool TicketTable::clearAll()
{
    return m_db.exec(u"DELETE FROM tickets"_s, &m_lastError) && m_db.exec(u"DELETE FROM dispatches"_s, &m_lastError)
           && m_db.exec(u"DELETE FROM callbacks"_s, &m_lastError)
           && m_db.exec(u"DELETE FROM ticket_attachments"_s, &m_lastError) && (!m_search || clearSearch());
}

bool TicketTable::clearSearch()
{
    if (m_search->clear())
        return true;
    m_lastError = m_search->lastError();
    return false;
}

} // namespace hotline
