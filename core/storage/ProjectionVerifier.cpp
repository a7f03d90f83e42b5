#include "storage/ProjectionVerifier.h"

#include "domain/TextRules.h"
#include "domain/TicketFold.h"
#include "storage/Database.h"
#include "storage/ReferenceVerifier.h"
#include "storage/SqliteStatement.h"
#include "storage/TicketSearchIndex.h"
#include "storage/TicketTable.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

#include <memory>
#include <vector>

#include <sqlite3.h>

using namespace Qt::StringLiterals;

namespace hotline {

namespace {

// The reference tables against the administrative events that made them (ReferenceVerifier, issue 14): the first
// row changed behind the log's back is a difference like a ticket's.
bool checkReferenceRows(Database &db, ProjectionFinding &finding, QString *error)
{
    const ReferenceFinding r = ReferenceVerifier::verify(db);
    finding.rows += r.checkedRows;
    if (r.ok)
        return true;
    if (r.entity.isEmpty()) { // the log or a table could not be read
        *error = r.message;
        return false;
    }
    const auto shown = [](const QJsonValue &v) -> QString {
        if (v.isNull() || v.isUndefined())
            return u"NULL"_s;
        if (v.isString())
            return u'"' + v.toString() + u'"';
        return QString::fromUtf8(QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact)).mid(1).chopped(1);
    };
    ProjectionDifference d;
    d.table = r.entity;
    d.key = r.key;
    d.message = r.message;
    if (r.expected.isNull() || r.expected.isUndefined())
        d.kind = ProjectionDifference::Kind::Extra;
    else if (r.stored.isNull() || r.stored.isUndefined())
        d.kind = ProjectionDifference::Kind::Missing;
    else {
        d.kind = ProjectionDifference::Kind::Value;
        d.column = u"*"_s;
        d.stored = shown(r.stored);
        d.derived = shown(r.expected);
    }
    finding.note(d);
    return true;
}

/** One stored value, exactly as SQLite holds it (type and value), so that '1' and 1 are told apart. */
struct Cell
{
    int type = SQLITE_NULL;
    qint64 integer = 0;
    double real = 0;
    QByteArray bytes; ///< text (UTF-8) or blob

    bool operator==(const Cell &o) const
    {
        if (type != o.type)
            return false;
        switch (type) {
        case SQLITE_INTEGER:
            return integer == o.integer;
        case SQLITE_FLOAT:
            return real == o.real;
        case SQLITE_NULL:
            return true;
        default:
            return bytes == o.bytes;
        }
    }

    QString shown() const
    {
        switch (type) {
        case SQLITE_INTEGER:
            return QString::number(integer);
        case SQLITE_FLOAT:
            return QString::number(real, 'g', 17);
        case SQLITE_NULL:
            return u"NULL"_s;
        case SQLITE_BLOB:
            return u"x'"_s + QString::fromLatin1(bytes.toHex()) + u'\'';
        default:
            return u'\'' + TextRules::visible(QString::fromUtf8(bytes)) + u'\'';
        }
    }
};
using Row = QList<Cell>;

/** A statement on the verifier's own connection, read through the sqlite3 library: typed values, no QVariant. */
class Statement
{
public:
    Statement(sqlite3 *db, const QByteArray &sql)
        : m_db(db)
    {
        if (sqlite3_prepare_v2(db, sql.constData(), int(sql.size()), &m_stmt, nullptr) != SQLITE_OK) {
            m_error = QString::fromUtf8(sqlite3_errmsg(db));
            sqlite3_finalize(m_stmt);
            m_stmt = nullptr;
        }
    }
    ~Statement() { sqlite3_finalize(m_stmt); }
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;

    bool valid() const { return m_stmt != nullptr; }
    QString error() const { return m_error; }
    void bind(int i, const QByteArray &v)
    {
        sqlite3_reset(m_stmt);
        sqlite3_bind_text(m_stmt, i, v.constData(), int(v.size()), SQLITE_TRANSIENT);
    }
    /** True while there is a row; false at the end or on an error (then failed() and error()). */
    bool next()
    {
        const int rc = sqlite3_step(m_stmt);
        if (rc == SQLITE_ROW)
            return true;
        m_failed = rc != SQLITE_DONE;
        if (m_failed)
            m_error = QString::fromUtf8(sqlite3_errmsg(m_db));
        sqlite3_reset(m_stmt);
        return false;
    }
    bool failed() const { return m_failed; }
    int columns() const { return sqlite3_column_count(m_stmt); }
    QString columnName(int c) const { return QString::fromUtf8(sqlite3_column_name(m_stmt, c)); }
    qint64 int64(int c) const { return sqlite3_column_int64(m_stmt, c); }
    /** Valid until the next step. */
    QByteArray raw(int c) const
    {
        const auto *p = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, c));
        return QByteArray::fromRawData(p ? p : "", sqlite3_column_bytes(m_stmt, c));
    }
    QString text(int c) const { return QString::fromUtf8(raw(c)); }
    Row row() const
    {
        Row r(columns());
        for (int c = 0; c < r.size(); ++c) {
            Cell &cell = r[c];
            cell.type = sqlite3_column_type(m_stmt, c);
            if (cell.type == SQLITE_INTEGER) {
                cell.integer = sqlite3_column_int64(m_stmt, c);
            } else if (cell.type == SQLITE_FLOAT) {
                cell.real = sqlite3_column_double(m_stmt, c);
            } else if (cell.type == SQLITE_BLOB) {
                const auto *p = static_cast<const char *>(sqlite3_column_blob(m_stmt, c));
                cell.bytes = QByteArray(p, sqlite3_column_bytes(m_stmt, c));
            } else if (cell.type == SQLITE_TEXT) {
                cell.bytes = QByteArray(reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, c)),
                                        sqlite3_column_bytes(m_stmt, c));
            }
        }
        return r;
    }

private:
    sqlite3 *m_db;
    sqlite3_stmt *m_stmt = nullptr;
    QString m_error;
    bool m_failed = false;
};

bool run(sqlite3 *db, const char *sql, QString *error)
{
    char *message = nullptr;
    if (sqlite3_exec(db, sql, nullptr, nullptr, &message) == SQLITE_OK)
        return true;
    *error = QString::fromUtf8(message ? message : sqlite3_errmsg(db));
    sqlite3_free(message);
    return false;
}

// The projection tables, and the column each side table names its row by.
const QStringList kProjection {u"tickets"_s, u"dispatches"_s, u"callbacks"_s, u"ticket_attachments"_s};

/**
 * TEMP tables named like the projection tables, made from the stored definitions (with every column a
 * migration added): on this connection an unqualified `tickets` now means the empty copy, so TicketTable
 * writes the derived rows there, while `main.tickets` still reads the stored ones.
 */
bool shadowProjection(sqlite3 *db, QString *error)
{
    Statement q(db, "SELECT name, sql, type FROM main.sqlite_master WHERE tbl_name IN ('tickets', 'dispatches', "
                    "'callbacks', 'ticket_attachments') AND (type = 'table' OR (type = 'index' AND sql LIKE 'CREATE UNIQUE%'))");
    if (!q.valid()) {
        *error = q.error();
        return false;
    }
    static const QRegularExpression table(u"^\\s*CREATE\\s+TABLE\\s+"_s, QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression index(u"^\\s*CREATE\\s+UNIQUE\\s+INDEX\\s+"_s,
                                          QRegularExpression::CaseInsensitiveOption);
    QStringList tables, indexes;
    while (q.next()) {
        QString sql = q.text(1);
        if (q.text(2) == u"table"_s) {
            sql.replace(table, u"CREATE TEMP TABLE "_s);
            tables << sql;
        } else {
            sql.replace(index, u"CREATE UNIQUE INDEX temp."_s);
            indexes << sql;
        }
    }
    if (q.failed()) {
        *error = q.error();
        return false;
    }
    if (tables.size() != kProjection.size()) {
        *error = ProjectionVerifier::tr("the projection tables (tickets, dispatches, callbacks, ticket_attachments) are not all there");
        return false;
    }
    for (const QString &sql : tables + indexes) {
        if (!run(db, sql.toUtf8().constData(), error))
            return false;
    }
    return true;
}

/**
 * Nothing this connection runs may change the stored database: should the projection code ever write a table
 * that has no TEMP copy, verify fails with "not authorized" instead of writing.
 */
int refuseWritesToMain(void *, int action, const char *a1, const char *, const char *database, const char *)
{
    const auto isMain = [](const char *name) { return name && qstrcmp(name, "main") == 0; };
    switch (action) {
    case SQLITE_INSERT:
    case SQLITE_UPDATE:
    case SQLITE_DELETE:
    case SQLITE_CREATE_TABLE:
    case SQLITE_CREATE_INDEX:
    case SQLITE_CREATE_TRIGGER:
    case SQLITE_CREATE_VIEW:
    case SQLITE_DROP_TABLE:
    case SQLITE_DROP_INDEX:
    case SQLITE_DROP_TRIGGER:
    case SQLITE_DROP_VIEW:
        return isMain(database) ? SQLITE_DENY : SQLITE_OK;
    case SQLITE_ALTER_TABLE:
        return isMain(a1) ? SQLITE_DENY : SQLITE_OK;
    default:
        return SQLITE_OK;
    }
}

/** Compares, ticket by ticket, the rows the fold gives (TEMP tables) with the stored ones (main). */
class Comparer
{
public:
    explicit Comparer(sqlite3 *db)
        : m_db(db)
        , m_storedTicket(db, "SELECT * FROM main.tickets WHERE id = ?")
        , m_derivedTicket(db, "SELECT * FROM temp.tickets")
    {
        for (const QString &t : kProjection.mid(1)) {
            m_storedSide.emplace_back(
                std::make_unique<Statement>(db, "SELECT * FROM main." + t.toLatin1() + " WHERE ticket_id = ? ORDER BY event_id"));
            m_derivedSide.emplace_back(std::make_unique<Statement>(db, "SELECT * FROM temp." + t.toLatin1() + " ORDER BY event_id"));
        }
        for (const QString &t : kProjection)
            m_clear.emplace_back(std::make_unique<Statement>(db, "DELETE FROM temp." + t.toLatin1()));
    }

    QString error() const
    {
        for (const Statement *s : statements()) {
            if (!s->valid() || s->failed())
                return s->error();
        }
        return {};
    }

    /** Compares the ticket whose derived rows are in the TEMP tables; empties them again. */
    std::optional<ProjectionDifference> compare(const QByteArray &ticketId, const Ticket &derived, qint64 *sideRows)
    {
        ProjectionDifference d;
        d.ticketId = QString::fromUtf8(ticketId);
        d.ticketNumber = derived.number;
        std::optional<ProjectionDifference> found = compareTicket(ticketId, d);
        for (size_t i = 0; i < m_storedSide.size(); ++i) {
            const std::optional<ProjectionDifference> side = compareSide(i, ticketId, d, sideRows);
            if (!found && side)
                found = side;
        }
        for (const auto &c : m_clear)
            c->next();
        return found;
    }

private:
    QList<const Statement *> statements() const
    {
        QList<const Statement *> all {&m_storedTicket, &m_derivedTicket};
        for (const auto *list : {&m_storedSide, &m_derivedSide, &m_clear}) {
            for (const auto &s : *list)
                all << s.get();
        }
        return all;
    }

    std::optional<ProjectionDifference> compareTicket(const QByteArray &ticketId, ProjectionDifference &d)
    {
        m_storedTicket.bind(1, ticketId);
        std::optional<Row> stored;
        if (m_storedTicket.next()) {
            stored = m_storedTicket.row();
            const int number = columnIndex(m_storedTicket, u"number"_s);
            if (number >= 0 && stored->at(number).type == SQLITE_TEXT)
                d.ticketNumber = QString::fromUtf8(stored->at(number).bytes);
            m_storedTicket.next(); // the id is the primary key: no second row, this resets
        }
        std::optional<Row> derived;
        if (m_derivedTicket.next()) {
            derived = m_derivedTicket.row();
            m_derivedTicket.next();
        }
        d.table = kProjection.at(0);
        if (!stored && !derived)
            return std::nullopt;
        if (!stored || !derived) {
            d.kind = stored ? ProjectionDifference::Kind::Extra : ProjectionDifference::Kind::Missing;
            return d;
        }
        return firstDifferentColumn(*stored, *derived, m_storedTicket, d);
    }

    std::optional<ProjectionDifference> compareSide(size_t i, const QByteArray &ticketId, ProjectionDifference base,
                                                    qint64 *sideRows)
    {
        Statement &storedQuery = *m_storedSide[i];
        Statement &derivedQuery = *m_derivedSide[i];
        base.table = kProjection.at(int(i) + 1);
        storedQuery.bind(1, ticketId);
        QList<Row> stored, derived;
        while (storedQuery.next())
            stored << storedQuery.row();
        while (derivedQuery.next())
            derived << derivedQuery.row();
        *sideRows += derived.size();
        const int key = columnIndex(derivedQuery, u"event_id"_s);
        if (key < 0)
            return std::nullopt;
        // Both in event_id order: walk them side by side.
        qsizetype s = 0, v = 0;
        while (s < stored.size() || v < derived.size()) {
            const QByteArray storedKey = s < stored.size() ? stored[s][key].bytes : QByteArray();
            const QByteArray derivedKey = v < derived.size() ? derived[v][key].bytes : QByteArray();
            ProjectionDifference d = base;
            if (v == derived.size() || (s < stored.size() && storedKey < derivedKey)) {
                d.kind = ProjectionDifference::Kind::Extra;
                d.key = QString::fromUtf8(storedKey);
                return d;
            }
            if (s == stored.size() || derivedKey < storedKey) {
                d.kind = ProjectionDifference::Kind::Missing;
                d.key = QString::fromUtf8(derivedKey);
                return d;
            }
            d.key = QString::fromUtf8(storedKey);
            if (auto found = firstDifferentColumn(stored[s], derived[v], derivedQuery, d))
                return found;
            ++s;
            ++v;
        }
        return std::nullopt;
    }

    static int columnIndex(const Statement &q, const QString &name)
    {
        for (int c = 0; c < q.columns(); ++c) {
            if (q.columnName(c) == name)
                return c;
        }
        return -1;
    }

    /** Both rows come from tables of one definition, so their columns are in the same order. */
    static std::optional<ProjectionDifference> firstDifferentColumn(const Row &stored, const Row &derived,
                                                                    const Statement &names, ProjectionDifference d)
    {
        for (qsizetype c = 0; c < qMin(stored.size(), derived.size()); ++c) {
            if (stored[c] == derived[c])
                continue;
            d.kind = ProjectionDifference::Kind::Value;
            d.column = names.columnName(int(c));
            d.stored = stored[c].shown();
            d.derived = derived[c].shown();
            return d;
        }
        return std::nullopt;
    }

    sqlite3 *m_db;
    Statement m_storedTicket;
    Statement m_derivedTicket;
    std::vector<std::unique_ptr<Statement>> m_storedSide;
    std::vector<std::unique_ptr<Statement>> m_derivedSide;
    std::vector<std::unique_ptr<Statement>> m_clear;
};

/** Stored rows whose ticket has no event at all: nothing could have given them. */
bool findOrphans(sqlite3 *db, ProjectionFinding &f, QString *error)
{
    Statement tickets(db, "SELECT id, number FROM main.tickets AS t "
                          "WHERE NOT EXISTS (SELECT 1 FROM main.events AS e WHERE e.ticket_id = t.id)");
    while (tickets.next()) {
        ProjectionDifference d;
        d.kind = ProjectionDifference::Kind::Extra;
        d.table = kProjection.at(0);
        d.ticketId = tickets.text(0);
        d.ticketNumber = tickets.text(1);
        f.note(d);
    }
    if (!tickets.valid() || tickets.failed()) {
        *error = tickets.error();
        return false;
    }
    for (const QString &table : kProjection.mid(1)) {
        // A side row of a ticket row already named counts with it.
        Statement rows(db, "SELECT r.ticket_id, r.event_id FROM main." + table.toLatin1()
                               + " AS r WHERE NOT EXISTS (SELECT 1 FROM main.events AS e WHERE e.ticket_id = r.ticket_id)"
                                 " AND NOT EXISTS (SELECT 1 FROM main.tickets AS t WHERE t.id = r.ticket_id)");
        while (rows.next()) {
            ProjectionDifference d;
            d.kind = ProjectionDifference::Kind::Extra;
            d.table = table;
            d.ticketId = rows.text(0);
            d.key = rows.text(1);
            f.note(d);
        }
        if (!rows.valid() || rows.failed()) {
            *error = rows.error();
            return false;
        }
    }
    return true;
}

/** Folds the events ticket by ticket and compares each; the connection is inside its read snapshot. */
bool foldAndCompare(Database &own, sqlite3 *db, ProjectionFinding &f, QString *error)
{
    // After the TEMP copies exist: its statements resolve to them. The search index has no copy (an FTS5 table
    // folded again would double verify's time); its row count is compared with the tickets' instead.
    TicketTable table(own, TicketTable::Search::Skip);
    Comparer comparer(db);
    if (const QString why = comparer.error(); !why.isEmpty()) {
        *error = why;
        return false;
    }
    // Each ticket's events in the projection's order (EventStore::rebuildProjection, ReplicaStore::refold): the
    // server's order, then the events not yet pushed. A ticket's fold depends on its own events only.
    Statement events(db, "SELECT seq, id, ticket_id, type, at_ms, actor, console, payload FROM main.events "
                         "ORDER BY ticket_id, server_seq IS NULL, server_seq, seq");
    if (!events.valid()) {
        *error = events.error();
        return false;
    }
    QByteArray current;
    Ticket ticket;
    bool any = false;
    const auto finish = [&]() -> bool {
        if (ticket.exists()) {
            if (!table.save(ticket)) {
                *error = table.lastError();
                return false;
            }
            ++f.tickets;
        }
        if (const auto d = comparer.compare(current, ticket, &f.rows))
            f.note(*d);
        if (const QString why = comparer.error(); !why.isEmpty()) {
            *error = why;
            return false;
        }
        return true;
    };
    while (events.next()) {
        const QByteArray ticketId = events.raw(2);
        if (!any || ticketId != current) {
            if (any && !finish())
                return false;
            current = QByteArray(ticketId.constData(), ticketId.size()); // a deep copy: the row goes at the next step
            ticket = Ticket {};
            any = true;
        }
        const TicketEvent e = TicketEvent::fromStored(events.int64(0), events.text(1), QString::fromUtf8(ticketId),
                                                      events.text(3), events.int64(4), events.text(5), events.text(6),
                                                      events.raw(7));
        ++f.events;
        if (TicketFold::apply(ticket, e)) {
            if (!table.recordSideEffects(ticket, e)) {
                *error = table.lastError();
                return false;
            }
        } else {
            ticket.lastSeq = e.seq;
        }
    }
    if (events.failed()) {
        *error = events.error();
        return false;
    }
    return !any || finish();
}

} // namespace

QList<ProjectionCheck> ProjectionVerifier::extraChecks()
{
    // Append further checks here (each runs in the same snapshot, after the tickets).
    return {{u"reference"_s, checkReferenceRows}, {u"search"_s, TicketSearchIndex::verifyCount}};
}

ProjectionFinding ProjectionVerifier::verify(Database &db, const QList<ProjectionCheck> &extra)
{
    ProjectionFinding f;
    // A connection of its own: the TEMP copies must not shadow the projection for anyone else.
    std::unique_ptr<Database> own = Database::open(db.path(), &f.error);
    if (!own)
        return f;
    sqlite3 *handle = SqliteStatement::connectionOf(*own);
    if (!handle) {
        f.error = tr("the local database is not open");
        return f;
    }
    QString error;
    // A small page cache and no memory map: the events are read once, and mapping the whole file would only grow
    // the process by the size of the database.
    if (!run(handle, "PRAGMA cache_size = -8192", &error) || !run(handle, "PRAGMA mmap_size = 0", &error)
        || !shadowProjection(handle, &error)) {
        f.error = error;
        return f;
    }
    sqlite3_set_authorizer(handle, refuseWritesToMain, nullptr);
    // One read snapshot for the stamp, the events and the rows: a console writing meanwhile is not half-seen.
    if (run(handle, "BEGIN", &error)) {
        if (std::optional<LogStamp> stamp = LogStamp::read(*own, &error)) {
            f.log = *stamp;
            if (foldAndCompare(*own, handle, f, &error) && findOrphans(handle, f, &error)) {
                for (const ProjectionCheck &check : extra) {
                    if (!check.run(*own, f, &error)) {
                        error = check.name + u": "_s + error;
                        break;
                    }
                }
            }
        }
        QString ignored;
        run(handle, "ROLLBACK", &ignored);
    }
    sqlite3_set_authorizer(handle, nullptr, nullptr);
    if (!error.isEmpty()) {
        f.error = error;
        f.first.reset();
    }
    return f;
}

} // namespace hotline
