#include "storage/ChainVerifier.h"

#include "storage/Database.h"
#include "storage/SqliteStatement.h"

#include <QCryptographicHash>
#include <QSqlDriver>
#include <QVariant>

#include <sqlite3.h>

using namespace Qt::StringLiterals;

namespace hotline {

QString ChainFinding::code(ChainProblem p)
{
    switch (p) {
    case ChainProblem::None:
        return u"ok"_s;
    case ChainProblem::Altered:
        return u"altered"_s;
    case ChainProblem::Removed:
        return u"removed"_s;
    case ChainProblem::Reordered:
        return u"reordered"_s;
    case ChainProblem::Truncated:
        return u"truncated"_s;
    }
    return {};
}

QString ChainFinding::describe(const QString &position) const
{
    const QString number = ticketNumber.isEmpty() ? tr("(unknown)") : ticketNumber;
    const QString who = tr("event %1 (ticket %2, %3 %4, type %5)").arg(eventId, number, position).arg(seq).arg(type);
    QString what;
    switch (problem) {
    case ChainProblem::None:
        return tr("intact");
    case ChainProblem::Altered:
        what = tr("%1 does not match its recorded hash (its content was changed, or it was written by hand)")
                   .arg(who);
        break;
    case ChainProblem::Removed:
        what = missing > 0 ? tr("%1 events are missing before %2").arg(missing).arg(who)
                           : tr("events are missing before %1; its link follows no event that is left").arg(who);
        break;
    case ChainProblem::Reordered:
        what = tr("%1 is out of place; its link follows the event now at %2 %3").arg(who, position).arg(otherSeq);
        break;
    case ChainProblem::Truncated:
        what = eventId.isEmpty() ? tr("the log is empty but events were recorded")
                                 : tr("events are missing after the last one, %1").arg(who);
        break;
    }
    return detail.isEmpty() ? what : what + u"; "_s + detail;
}

namespace {

/** A read-only statement straight on the connection: raw UTF-8 columns, no conversions. */
class Query
{
public:
    Query(sqlite3 *db, const char *sql)
        : m_db(db)
    {
        if (sqlite3_prepare_v2(db, sql, -1, &m_stmt, nullptr) != SQLITE_OK)
            m_stmt = nullptr;
    }
    ~Query() { sqlite3_finalize(m_stmt); }
    Query(const Query &) = delete;
    Query &operator=(const Query &) = delete;

    bool valid() const { return m_stmt != nullptr; }
    QString error() const { return QString::fromUtf8(sqlite3_errmsg(m_db)); }
    void bind(int i, qint64 v) { sqlite3_bind_int64(m_stmt, i, v); }
    void bind(int i, const QByteArray &v) { sqlite3_bind_text(m_stmt, i, v.constData(), int(v.size()), SQLITE_TRANSIENT); }
    /** True while there is a row; false at the end or on an error (then failed()). */
    bool next()
    {
        m_rc = sqlite3_step(m_stmt);
        return m_rc == SQLITE_ROW;
    }
    bool failed() const { return m_rc != SQLITE_ROW && m_rc != SQLITE_DONE; }
    qint64 int64(int c) const { return sqlite3_column_int64(m_stmt, c); }
    /** Valid until the next step. */
    QByteArray raw(int c) const
    {
        const auto *p = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, c));
        return QByteArray::fromRawData(p ? p : "", sqlite3_column_bytes(m_stmt, c));
    }

private:
    sqlite3 *m_db;
    sqlite3_stmt *m_stmt = nullptr;
    int m_rc = SQLITE_DONE;
};

constexpr const char *kWalk = "SELECT seq, id, ticket_id, type, at_ms, actor, console, payload, hash FROM events ORDER BY seq";

QByteArray linkOfRow(const Query &q, const QByteArray &previous)
{
    return ChainVerifier::link(previous, q.raw(1), q.raw(2), q.raw(3), q.int64(4), q.raw(5), q.raw(6), q.raw(7));
}

void nameEvent(const Query &q, ChainFinding *f)
{
    f->seq = q.int64(0);
    f->eventId = QString::fromUtf8(q.raw(1));
    f->ticketId = QString::fromUtf8(q.raw(2));
    f->type = QString::fromUtf8(q.raw(3));
}

void lookUpNumber(sqlite3 *db, ChainFinding *f)
{
    Query q(db, "SELECT number FROM tickets WHERE id = ?");
    q.bind(1, f->ticketId.toUtf8());
    if (q.valid() && q.next())
        f->ticketNumber = QString::fromUtf8(q.raw(0));
}

/** The seq of the event whose hash this row's link follows, or 0 when no stored hash fits. */
qint64 findPredecessor(sqlite3 *db, const QByteArray &id, const QByteArray &ticket, const QByteArray &type, qint64 at,
                       const QByteArray &actor, const QByteArray &console, const QByteArray &payload,
                       const QByteArray &stored, QString *error)
{
    if (ChainVerifier::link({}, id, ticket, type, at, actor, console, payload) == stored)
        return -1; // the first link of the chain
    Query q(db, "SELECT seq, hash FROM events ORDER BY seq");
    if (!q.valid()) {
        *error = q.error();
        return 0;
    }
    while (q.next()) {
        if (ChainVerifier::link(q.raw(1), id, ticket, type, at, actor, console, payload) == stored)
            return q.int64(0);
    }
    if (q.failed())
        *error = q.error();
    return 0;
}

/** After an intact chain: does anything recorded elsewhere point past its end? */
void checkTail(sqlite3 *db, qint64 lastSeq, ChainFinding *f)
{
    Query projection(db, "SELECT max(last_seq) FROM tickets");
    const qint64 projected = projection.valid() && projection.next() ? projection.int64(0) : 0;
    Query cursor(db, "SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'sync.pulled_seq'");
    const qint64 pulled = cursor.valid() && cursor.next() ? cursor.int64(0) : 0;
    Query serverMax(db, "SELECT max(coalesce((SELECT max(server_seq) FROM events), 0), "
                        "coalesce((SELECT max(server_seq) FROM sync_skipped), 0))");
    const qint64 heldFromServer = serverMax.valid() && serverMax.next() ? serverMax.int64(0) : 0;
    if (projected > lastSeq) {
        f->problem = ChainProblem::Truncated;
        f->detail = ChainVerifier::tr("the ticket projection refers to event seq %1 but the log ends at seq %2")
                        .arg(projected)
                        .arg(lastSeq);
    } else if (pulled > heldFromServer) {
        f->problem = ChainProblem::Truncated;
        f->missing = pulled - heldFromServer;
        f->detail = ChainVerifier::tr("events up to server sequence %1 were pulled but only %2 are here")
                        .arg(pulled)
                        .arg(heldFromServer);
    }
}

} // namespace

QByteArray ChainVerifier::link(const QByteArray &previous, const QByteArray &id, const QByteArray &ticketId,
                               const QByteArray &type, qint64 atMs, const QByteArray &actor, const QByteArray &console,
                               const QByteArray &payload)
{
    QCryptographicHash h(QCryptographicHash::Blake2b_256);
    h.addData(previous);
    h.addData("\n");
    h.addData(id);
    h.addData("\n");
    h.addData(ticketId);
    h.addData("\n");
    h.addData(type);
    h.addData("\n");
    h.addData(QByteArray::number(atMs));
    h.addData("\n");
    h.addData(actor);
    h.addData("\n");
    h.addData(console);
    h.addData("\n");
    h.addData(payload);
    return h.result().toHex();
}

ChainFinding ChainVerifier::verify(Database &db)
{
    ChainFinding f;
    sqlite3 *handle = SqliteStatement::connectionOf(db);
    if (!handle) {
        f.error = tr("the local database is not open");
        return f;
    }
    Query q(handle, kWalk);
    if (!q.valid()) {
        f.error = q.error();
        return f;
    }
    QByteArray previous;
    qint64 previousSeq = 0;
    while (q.next()) {
        const QByteArray stored = q.raw(8);
        if (linkOfRow(q, previous) == stored) {
            previous = QByteArray(stored.constData(), stored.size()); // a deep copy: the row goes at the next step
            previousSeq = q.int64(0);
            ++f.checked;
            continue;
        }
        nameEvent(q, &f);
        f.otherSeq = previousSeq;
        const qint64 at = q.int64(4);
        // Copies: the walk statement stays open while the second read runs.
        const QByteArray id(q.raw(1)), ticket(q.raw(2)), type(q.raw(3)), actor(q.raw(5)), console(q.raw(6)),
            payload(q.raw(7)), hash(stored.constData(), stored.size());
        const qint64 follows = findPredecessor(handle, id, ticket, type, at, actor, console, payload, hash, &f.error);
        if (!f.error.isEmpty())
            return f;
        if (follows != 0) {
            f.problem = ChainProblem::Reordered;
            f.otherSeq = qMax<qint64>(0, follows);
            if (follows < 0)
                f.detail = tr("it was the first event of the log");
        } else if (f.seq > previousSeq + 1) {
            // Local seqs may skip a number (a duplicate that was ignored), so a gap alone proves nothing: a gap
            // where the link also follows nothing that is left does.
            f.problem = ChainProblem::Removed;
            f.detail = tr("the log jumps from seq %1 to %2").arg(previousSeq).arg(f.seq);
        } else {
            f.problem = ChainProblem::Altered;
        }
        lookUpNumber(handle, &f);
        return f;
    }
    if (q.failed()) {
        f.error = q.error();
        return f;
    }
    checkTail(handle, previousSeq, &f);
    if (f.problem == ChainProblem::Truncated && previousSeq > 0) {
        Query last(handle, "SELECT seq, id, ticket_id, type FROM events WHERE seq = ?");
        last.bind(1, previousSeq);
        if (last.valid() && last.next())
            nameEvent(last, &f);
        f.otherSeq = previousSeq;
        lookUpNumber(handle, &f);
    }
    return f;
}

} // namespace hotline
