#include "storage/TicketSearchIndex.h"

#include "storage/Database.h"
#include "storage/ProjectionVerifier.h"
#include "storage/SqliteStatement.h"

#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace hotline {
namespace {

constexpr int kSlotBits = 20;
constexpr qint64 kSlots = qint64(1) << kSlotBits;

/** FNV-1a over the id's UTF-16: the same slot in every process (qHash is seeded per process). */
qint64 slotOf(const QString &id)
{
    quint32 h = 2166136261u;
    for (const QChar c : id) {
        h ^= c.unicode();
        h *= 16777619u;
    }
    return qint64(h & (kSlots - 1));
}

} // namespace

TicketSearchIndex::TicketSearchIndex(Database &db)
    : m_db(db),
      m_find(std::make_unique<SqliteStatement>(db, "SELECT ticket_id, body FROM ticket_search WHERE rowid = ?")),
      m_insert(std::make_unique<SqliteStatement>(db, "INSERT INTO ticket_search(rowid, ticket_id, body) VALUES(?,?,?)")),
      m_update(std::make_unique<SqliteStatement>(db, "UPDATE ticket_search SET body = ? WHERE rowid = ?"))
{
}

TicketSearchIndex::~TicketSearchIndex() = default;

qint64 TicketSearchIndex::firstDocId(qint64 registeredMs)
{
    return std::max<qint64>(registeredMs, 0) << kSlotBits;
}

qint64 TicketSearchIndex::lastDocId(qint64 registeredMs)
{
    return firstDocId(registeredMs) + kSlots - 1;
}

QString TicketSearchIndex::body(const Ticket &t)
{
    QString out = t.summary;
    for (const QString *field : {&t.details, &t.address, &t.replyText}) {
        if (!field->isEmpty())
            out += u'\n' + *field;
    }
    return out;
}

bool TicketSearchIndex::update(const Ticket &t)
{
    if (!m_find->isValid() || !m_insert->isValid() || !m_update->isValid()) {
        m_lastError = m_find->error() + m_insert->error() + m_update->error();
        return false;
    }
    const QString text = body(t);
    const qint64 base = firstDocId(t.registeredMs);
    const qint64 start = slotOf(t.id);
    for (qint64 i = 0; i < kSlots; ++i) {
        const qint64 rowid = base + (start + i) % kSlots;
        SqliteStatement &find = *m_find;
        find.bind(1, rowid);
        const QString errorBefore = find.error(); // next() is false at the end and on an error alike
        if (!find.next()) {
            if (find.error() != errorBefore) {
                m_lastError = find.error();
                return false;
            }
            // A free slot: the ticket was not indexed yet.
            SqliteStatement &insert = *m_insert;
            insert.bind(1, rowid);
            insert.bind(2, t.id);
            insert.bind(3, text);
            if (insert.exec())
                return true;
            m_lastError = insert.error();
            return false;
        }
        const bool mine = find.text(0) == t.id;
        const bool same = mine && find.text(1) == text;
        find.reset();
        if (same)
            return true;
        if (mine) {
            SqliteStatement &update = *m_update;
            update.bind(1, text);
            update.bind(2, rowid);
            if (update.exec())
                return true;
            m_lastError = update.error();
            return false;
        }
    }
    m_lastError = u"ticket_search: no free slot at %1"_s.arg(t.registeredMs);
    return false;
}

bool TicketSearchIndex::clear()
{
    return m_db.exec(u"DELETE FROM ticket_search"_s, &m_lastError);
}

bool TicketSearchIndex::verifyCount(Database &db, ProjectionFinding &f, QString *error)
{
    QSqlQuery q(db.sql());
    // The FTS5 table's own content table (a plain table): verify's connection refuses every write to main, and
    // opening the virtual table there fails on the statements FTS5 prepares for its writes.
    if (!q.exec(u"SELECT count(*) FROM main.ticket_search_content"_s) || !q.next()) {
        *error = q.lastError().text();
        return false;
    }
    // One document per ticket the events give (f.tickets, counted by the fold before this check): a tampered
    // tickets row is the tickets comparison's finding, not a second one here.
    const qint64 documents = q.value(0).toLongLong();
    if (documents != f.tickets) {
        ProjectionDifference d;
        d.kind = ProjectionDifference::Kind::Value;
        d.table = u"ticket_search"_s;
        d.column = u"count(*)"_s;
        d.stored = QString::number(documents);
        d.derived = QString::number(f.tickets);
        d.message = ProjectionVerifier::tr("The search index holds %1 documents for %2 tickets: run `hotlinectl "
                                           "rebuild` to renew it.")
                        .arg(documents)
                        .arg(f.tickets);
        f.note(d);
    }
    return true;
}

} // namespace hotline
