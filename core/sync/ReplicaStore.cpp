#include "sync/ReplicaStore.h"

#include "domain/TicketFold.h"
#include "storage/Database.h"
#include "storage/EventStore.h"
#include "storage/NumberClashes.h"
#include "storage/SqliteStatement.h"
#include "storage/TicketTable.h"
#include "util/Clock.h"
#include "util/LogCategories.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

#include <limits>

using namespace Qt::StringLiterals;

namespace hotline {

ReplicaStore::ReplicaStore(Database &db, const Clock &clock)
    : m_db(db),
      m_clock(clock),
      m_table(std::make_unique<TicketTable>(db)),
      m_insert(std::make_unique<SqliteStatement>(
          db, "INSERT OR IGNORE INTO events(id, ticket_id, type, at_ms, actor, console, payload, hash, server_seq) "
              "VALUES(?,?,?,?,?,?,?,?,?)")),
      m_ackBySeq(std::make_unique<SqliteStatement>(
          db, "UPDATE events SET server_seq = ?1 WHERE seq = ?2 AND server_seq IS NULL")),
      m_ack(std::make_unique<SqliteStatement>(
          db, "UPDATE events SET server_seq = ?1 WHERE id = ?2 AND server_seq IS NULL RETURNING ticket_id")),
      // A ticket has a handful of events: walk them by the ticket index (the planner may prefer a range of a
      // sequence index, which is far slower here). Events stored before this page that the server places after its first event for the ticket (or has
      // not numbered yet): then the ticket's local fold order was not the server's.
      m_earlierOutOfOrder(std::make_unique<SqliteStatement>(
          db, "SELECT 1 FROM events INDEXED BY events_ticket WHERE ticket_id = ?1 AND seq < ?2 "
              "AND (server_seq IS NULL OR server_seq > ?3) LIMIT 1")),
      m_later(std::make_unique<SqliteStatement>(
          db, "SELECT seq FROM events INDEXED BY events_ticket WHERE ticket_id = ?1 AND server_seq > ?2")),
      m_conflict(std::make_unique<SqliteStatement>(
          db, "INSERT OR REPLACE INTO sync_conflicts(event_id, ticket_id, type, actor, console, at_ms, reason, "
              "detected_ms) VALUES(?,?,?,?,?,?,?,?)"))
{
}

ReplicaStore::~ReplicaStore() = default;

namespace {

const QString kEventColumns = u"seq, id, ticket_id, type, at_ms, actor, console, payload"_s;

bool eventFromRow(const QSqlQuery &q, TicketEvent *e, bool parsePayload = true)
{
    const auto type = eventTypeFromCode(q.value(3).toString());
    if (!type)
        return false;
    e->seq = q.value(0).toLongLong();
    e->id = q.value(1).toString();
    e->ticketId = q.value(2).toString();
    e->type = *type;
    e->atMs = q.value(4).toLongLong();
    e->actor = q.value(5).toString();
    e->console = q.value(6).toString();
    e->payloadText = q.value(7).toString().toUtf8();
    if (parsePayload)
        e->payload = QJsonDocument::fromJson(e->payloadText).object();
    return true;
}

} // namespace

QList<TicketEvent> ReplicaStore::pending(int limit, QString *error)
{
    QList<TicketEvent> out;
    QSqlQuery q(m_db.sql());
    q.setForwardOnly(true);
    q.prepare(u"SELECT "_s + kEventColumns + u" FROM events WHERE server_seq IS NULL ORDER BY seq LIMIT ?"_s);
    q.addBindValue(limit);
    if (!q.exec()) {
        *error = q.lastError().text();
        return out;
    }
    while (q.next()) {
        TicketEvent e;
        if (eventFromRow(q, &e, false)) // pushed as stored: no need to parse the payload
            out << e;
    }
    return out;
}

qint64 ReplicaStore::pendingCount()
{
    QSqlQuery q(m_db.sql());
    return q.exec(u"SELECT count(*) FROM events WHERE server_seq IS NULL"_s) && q.next() ? q.value(0).toLongLong() : 0;
}

qint64 ReplicaStore::pulledUpTo() const
{
    return m_db.meta(cursorKey(), u"0"_s).toLongLong();
}

qint64 ReplicaStore::conflictCount(bool unseenOnly)
{
    QSqlQuery q(m_db.sql());
    const QString sql = unseenOnly ? u"SELECT count(*) FROM sync_conflicts WHERE seen = 0"_s
                                   : u"SELECT count(*) FROM sync_conflicts"_s;
    const qint64 actions = q.exec(sql) && q.next() ? q.value(0).toLongLong() : 0;
    // Numbers two consoles gave alike stay conflicts until a dispatcher renumbers one ("seen" does not end them).
    return actions + NumberClashes(m_db).count();
}

bool ReplicaStore::acknowledge(const QList<TicketEvent> &pushed, const QHash<QString, qint64> &serverSeqs,
                               QStringList *changedTickets, QString *error)
{
    if (pushed.isEmpty())
        return true;
    WriteTransaction tx(m_db);
    if (!tx.isActive()) {
        *error = tx.error();
        return false;
    }
    struct Acked
    {
        qint64 lowestServerSeq = 0;
        QSet<qint64> localSeqs;
    };
    QHash<QString, Acked> acked;
    for (const TicketEvent &e : pushed) {
        const auto seq = serverSeqs.constFind(e.id);
        if (seq == serverSeqs.cend())
            continue;
        // By local rowid: the cheapest way to the row (the id index is not needed).
        m_ackBySeq->bind(1, seq.value());
        m_ackBySeq->bind(2, e.seq);
        if (!m_ackBySeq->exec()) {
            *error = m_ackBySeq->error();
            return false;
        }
        if (m_ackBySeq->changes() == 0)
            continue;
        Acked &a = acked[e.ticketId];
        if (a.localSeqs.isEmpty() || seq.value() < a.lowestServerSeq)
            a.lowestServerSeq = seq.value();
        a.localSeqs.insert(e.seq);
    }
    QElapsedTimer phase;
    phase.start();
    QStringList changed;
    for (auto it = acked.cbegin(); it != acked.cend(); ++it) {
        // Numbered now, these events move from "after everything" to their server place: the ticket's order
        // changes only if an event numbered earlier (pulled from another console) comes after them.
        bool reordered = false;
        m_later->bind(1, it.key());
        m_later->bind(2, it.value().lowestServerSeq);
        while (m_later->next()) {
            if (!it.value().localSeqs.contains(m_later->int64(0))) {
                reordered = true;
                m_later->reset();
                break;
            }
        }
        if (reordered) {
            if (!refold(it.key(), error))
                return false;
            changed << it.key();
        }
    }
    const qint64 orderMs = phase.restart();
    if (!tx.commit()) {
        *error = tx.error();
        return false;
    }
    qCDebug(lcSync) << "acknowledged: order checks" << orderMs << "ms, commit" << phase.elapsed() << "ms";
    *changedTickets = changed;
    return true;
}

bool ReplicaStore::keepSkipped(const ServerEvent &s, QString *error)
{
    QSqlQuery q(m_db.sql());
    q.prepare(u"INSERT OR REPLACE INTO sync_skipped(server_seq, id, ticket_id, type, at_ms, actor, console, payload, "
              u"version, reason) VALUES(?,?,?,?,?,?,?,?,?,?)"_s);
    for (const QVariant &v : {QVariant(s.serverSeq), QVariant(s.event.id), QVariant(s.event.ticketId),
                              QVariant(s.rawType),
                              QVariant(s.event.atMs), QVariant(s.event.actor), QVariant(s.event.console),
                              QVariant(QString::fromUtf8(s.event.payloadText)), QVariant(s.version),
                              QVariant(s.problem)})
        q.addBindValue(v);
    if (!q.exec()) {
        *error = q.lastError().text();
        return false;
    }
    qCWarning(lcSync) << "server event" << s.serverSeq << s.event.id << "kept aside:" << s.problem;
    return true;
}

bool ReplicaStore::insertPulled(const ServerEvent &s, QHash<QString, qint64> *firstNew, QList<TicketEvent> *fresh,
                                PullOutcome *outcome, QString *error)
{
    TicketEvent e = s.event;
    const QByteArray hash = EventStore::chainHash(m_head, e, e.payloadText);
    SqliteStatement &insert = *m_insert;
    insert.bind(1, e.id);
    insert.bind(2, e.ticketId);
    insert.bind(3, toCode(e.type));
    insert.bind(4, e.atMs);
    insert.bind(5, e.actor);
    insert.bind(6, e.console);
    insert.bindUtf8(7, e.payloadText);
    insert.bindUtf8(8, hash);
    insert.bind(9, s.serverSeq);
    if (!insert.exec()) {
        *error = insert.error();
        return false;
    }
    if (insert.changes() == 0) {
        // Known here: our own push echoed back (its acknowledgement may have been lost) or a replayed page.
        m_ack->bind(1, s.serverSeq);
        m_ack->bind(2, e.id);
        if (m_ack->next()) {
            m_ack->reset();
            ++outcome->acknowledged;
            // Its place may have moved: check the ticket like a fresh arrival, with nothing fresh to apply.
            auto it = firstNew->find(e.ticketId);
            if (it == firstNew->end())
                firstNew->insert(e.ticketId, -s.serverSeq); // negative: "acknowledged only", see settle()
        }
        return true;
    }
    m_head = hash;
    e.seq = insert.lastInsertRowId();
    ++outcome->inserted;
    auto it = firstNew->find(e.ticketId);
    if (it == firstNew->end() || it.value() < 0)
        firstNew->insert(e.ticketId, s.serverSeq);
    *fresh << e;
    return true;
}

bool ReplicaStore::applyPulled(const QList<ServerEvent> &events, PullOutcome *outcome, QString *error)
{
    return apply(events, outcome, error, false);
}

bool ReplicaStore::apply(const QList<ServerEvent> &events, PullOutcome *outcome, QString *error, bool retrying)
{
    if (events.isEmpty())
        return true;
    WriteTransaction tx(m_db);
    if (!tx.isActive()) {
        *error = tx.error();
        return false;
    }
    QSqlQuery head(m_db.sql());
    if (!head.exec(u"SELECT hash FROM events ORDER BY seq DESC LIMIT 1"_s)) {
        *error = head.lastError().text();
        return false;
    }
    m_head = head.next() ? head.value(0).toString().toLatin1() : QByteArray();
    head.finish();

    QHash<QString, qint64> firstNew;
    QList<TicketEvent> fresh;
    fresh.reserve(events.size());
    for (const ServerEvent &s : events) {
        if (!s.problem.isEmpty()) {
            if (!keepSkipped(s, error))
                return false;
            ++outcome->skipped;
            continue;
        }
        if (!insertPulled(s, &firstNew, &fresh, outcome, error))
            return false;
        if (retrying) {
            QSqlQuery del(m_db.sql());
            del.prepare(u"DELETE FROM sync_skipped WHERE server_seq = ?"_s);
            del.addBindValue(s.serverSeq);
            if (!del.exec()) {
                *error = del.lastError().text();
                return false;
            }
        }
    }
    // The cursor moves in the same transaction as the events: a crash replays the page, which changes nothing.
    if (!retrying && !m_db.setMeta(cursorKey(), QString::number(events.constLast().serverSeq))) {
        *error = tr("cannot record the sync position");
        return false;
    }
    QStringList changed;
    int refolded = 0;
    if (!settle(firstNew, fresh, &changed, &refolded, error))
        return false;
    if (!tx.commit()) {
        *error = tx.error();
        return false;
    }
    outcome->refolded += refolded;
    outcome->changedTickets += changed;
    return true;
}

bool ReplicaStore::needsRefold(const QString &ticketId, qint64 fromServerSeq, qint64 firstFreshSeq)
{
    m_earlierOutOfOrder->bind(1, ticketId);
    m_earlierOutOfOrder->bind(2, firstFreshSeq);
    m_earlierOutOfOrder->bind(3, fromServerSeq);
    const bool found = m_earlierOutOfOrder->next();
    m_earlierOutOfOrder->reset();
    return found;
}

bool ReplicaStore::settle(const QHash<QString, qint64> &firstNew, const QList<TicketEvent> &fresh,
                          QStringList *changed, int *refolded, QString *error)
{
    // The fresh events per ticket, in server order (the page is in server order).
    QHash<QString, QList<const TicketEvent *>> byTicket;
    byTicket.reserve(firstNew.size());
    for (const TicketEvent &e : fresh)
        byTicket[e.ticketId] << &e;

    for (auto it = firstNew.cbegin(); it != firstNew.cend(); ++it) {
        const QString &ticketId = it.key();
        const QList<const TicketEvent *> arrivals = byTicket.value(ticketId);
        bool reorder;
        if (it.value() < 0) {
            // Only an acknowledgement: the order changed if the server placed something later than it.
            m_later->bind(1, ticketId);
            m_later->bind(2, -it.value());
            reorder = m_later->next();
            m_later->reset();
        } else {
            const qint64 firstFreshSeq = arrivals.isEmpty() ? std::numeric_limits<qint64>::max()
                                                            : arrivals.constFirst()->seq;
            reorder = needsRefold(ticketId, it.value(), firstFreshSeq);
        }
        if (reorder) {
            if (!refold(ticketId, error))
                return false;
            ++*refolded;
            *changed << ticketId;
            continue;
        }
        if (arrivals.isEmpty())
            continue;
        // Fast path: everything new comes after what this replica already folded.
        Ticket t = m_table->load(ticketId);
        for (const TicketEvent *e : arrivals) {
            if (!foldInto(t, *e, error))
                return false;
        }
        if (t.exists()) {
            if (!m_table->save(t)) {
                *error = m_table->lastError();
                return false;
            }
            *changed << ticketId;
        }
    }
    return true;
}

bool ReplicaStore::refold(const QString &ticketId, QString *error)
{
    for (const QString &table : {u"tickets"_s, u"dispatches"_s, u"callbacks"_s, u"ticket_attachments"_s,
                                 u"sync_conflicts"_s}) {
        QSqlQuery del(m_db.sql());
        del.prepare(u"DELETE FROM "_s + table + (table == u"tickets"_s ? u" WHERE id = ?"_s : u" WHERE ticket_id = ?"_s));
        del.addBindValue(ticketId);
        if (!del.exec()) {
            *error = del.lastError().text();
            return false;
        }
    }
    QSqlQuery q(m_db.sql());
    q.setForwardOnly(true);
    q.prepare(u"SELECT "_s + kEventColumns
              + u" FROM events WHERE ticket_id = ? ORDER BY server_seq IS NULL, server_seq, seq"_s);
    q.addBindValue(ticketId);
    if (!q.exec()) {
        *error = q.lastError().text();
        return false;
    }
    Ticket t;
    while (q.next()) {
        TicketEvent e;
        if (eventFromRow(q, &e) && !foldInto(t, e, error))
            return false;
    }
    if (t.exists() && !m_table->save(t)) {
        *error = m_table->lastError();
        return false;
    }
    qCDebug(lcSync) << "ticket" << ticketId << "refolded in server order";
    return true;
}

bool ReplicaStore::foldInto(Ticket &t, const TicketEvent &e, QString *error)
{
    const Ticket before = t;
    if (TicketFold::apply(t, e)) {
        if (!m_table->recordSideEffects(t, e)) {
            *error = m_table->lastError();
            return false;
        }
        return true;
    }
    t.lastSeq = e.seq;
    return recordConflict(before, e, error);
}

bool ReplicaStore::recordConflict(const Ticket &before, const TicketEvent &e, QString *error)
{
    if (!before.exists())
        return true; // its registration has not arrived yet: not a conflict, it folds when it does
    QString reason = TicketFold::check(before, e);
    if (reason.isEmpty())
        reason = tr("no longer applies after an earlier action from another console");
    SqliteStatement &c = *m_conflict;
    c.bind(1, e.id);
    c.bind(2, e.ticketId);
    c.bind(3, toCode(e.type));
    c.bind(4, e.actor);
    c.bind(5, e.console);
    c.bind(6, e.atMs);
    c.bind(7, reason);
    c.bind(8, m_clock.nowMs());
    if (!c.exec()) {
        *error = c.error();
        return false;
    }
    return true;
}

bool ReplicaStore::retrySkipped(PullOutcome *outcome, QString *error)
{
    QSqlQuery q(m_db.sql());
    if (!q.exec(u"SELECT server_seq, version, id, ticket_id, type, at_ms, actor, console, payload FROM sync_skipped "
                u"ORDER BY server_seq"_s)) {
        *error = q.lastError().text();
        return false;
    }
    QList<ServerEvent> decodable;
    while (q.next()) {
        ServerEvent s = SyncServer::decode(q.value(0).toLongLong(), q.value(1).toInt(), q.value(2).toString(),
                                           q.value(3).toString(), q.value(4).toString(), q.value(5).toLongLong(),
                                           q.value(6).toString(), q.value(7).toString(), q.value(8).toString().toUtf8());
        if (s.problem.isEmpty())
            decodable << s;
    }
    q.finish();
    return apply(decodable, outcome, error, true);
}

} // namespace hotline
