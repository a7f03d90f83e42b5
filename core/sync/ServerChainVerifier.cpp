#include "sync/ServerChainVerifier.h"

#include "domain/Ticket.h"
#include "domain/TicketEvent.h"
#include "storage/Database.h"
#include "sync/PgConnection.h"
#include "sync/ServerSchema.h"
#include "sync/SyncEngine.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>
#include <QtEndian>

using namespace Qt::StringLiterals;

namespace hotline {

namespace {

void addField(QCryptographicHash &h, const QByteArray &value)
{
    const quint32 be = qToBigEndian(quint32(value.size()));
    h.addData(QByteArrayView(reinterpret_cast<const char *>(&be), sizeof be));
    h.addData(value);
}

/** One server row, columns as selected in kBatchSql. */
struct Row
{
    qint64 seq = 0;
    QByteArray id, ticket, type, actor, console, payload, prev, chain;
    qint64 at = 0;
    int version = 0;
};

constexpr const char *kBatchSql =
    "SELECT server_seq, id, ticket_id, type, at_ms, actor, console, version, payload, encode(chain_prev, 'hex'), "
    "encode(chain, 'hex') FROM hotline_events WHERE server_seq > $1 ORDER BY server_seq LIMIT $2";

QByteArray bytes(const PgResult &r, int row, int column)
{
    return QByteArray(r.raw(row, column), r.length(row, column));
}

Row rowAt(const PgResult &r, int i)
{
    Row row;
    row.seq = r.integer(i, 0);
    row.id = bytes(r, i, 1);
    row.ticket = bytes(r, i, 2);
    row.type = bytes(r, i, 3);
    row.at = r.integer(i, 4);
    row.actor = bytes(r, i, 5);
    row.console = bytes(r, i, 6);
    row.version = int(r.integer(i, 7));
    row.payload = bytes(r, i, 8);
    row.prev = QByteArray::fromHex(bytes(r, i, 9));
    row.chain = QByteArray::fromHex(bytes(r, i, 10));
    return row;
}

void name(const Row &row, ChainFinding *f)
{
    f->seq = row.seq;
    f->eventId = QString::fromUtf8(row.id);
    f->ticketId = QString::fromUtf8(row.ticket);
    f->type = QString::fromUtf8(row.type);
}

/** The ticket's number: from the replica when it has the ticket, else from its registration on the server. */
void lookUpNumber(PgConnection &pg, Database *replica, ChainFinding *f)
{
    if (f->ticketId.isEmpty())
        return;
    if (replica) {
        QSqlQuery q(replica->sql());
        q.prepare(u"SELECT number FROM tickets WHERE id = ?"_s);
        q.addBindValue(f->ticketId);
        if (q.exec() && q.next()) {
            f->ticketNumber = q.value(0).toString();
            return;
        }
    }
    const PgResult r = pg.exec("SELECT payload FROM hotline_events WHERE ticket_id = $1 AND type = $2 "
                               "ORDER BY server_seq LIMIT 1",
                               {f->ticketId.toUtf8(), toCode(EventType::Registered).toUtf8()});
    if (r.ok() && r.rows() == 1) {
        const QJsonObject payload = QJsonDocument::fromJson(bytes(r, 0, 0)).object();
        f->ticketNumber = payload.value(Key::Number).toString();
    }
}

/** Empty when the replica's copy of the event matches (or it has none); otherwise which field differs. */
QString compareWithReplica(QSqlQuery &q, bool *hasRow, const Row &row)
{
    while (*hasRow && q.value(0).toLongLong() < row.seq)
        *hasRow = q.next();
    if (!*hasRow || q.value(0).toLongLong() != row.seq)
        return {};
    const struct
    {
        const char *field;
        QByteArray local;
        QByteArray server;
    } checks[] = {
        {"id", q.value(1).toString().toUtf8(), row.id},
        {"ticket_id", q.value(2).toString().toUtf8(), row.ticket},
        {"type", q.value(3).toString().toUtf8(), row.type},
        {"at_ms", QByteArray::number(q.value(4).toLongLong()), QByteArray::number(row.at)},
        {"actor", q.value(5).toString().toUtf8(), row.actor},
        {"console", q.value(6).toString().toUtf8(), row.console},
        {"payload", q.value(7).toString().toUtf8(), row.payload},
    };
    for (const auto &c : checks) {
        if (c.local != c.server)
            return QString::fromLatin1(c.field);
    }
    return {};
}

/** Whether the replica was synced with this very server (it joined it), so comparing makes sense. */
bool replicaBelongsHere(PgConnection &pg, Database &replica)
{
    const QString installId = replica.meta(SyncEngine::installIdKey());
    if (installId.isEmpty())
        return false;
    const PgResult r = pg.exec("SELECT 1 FROM hotline_consoles WHERE install_id = $1", {installId.toUtf8()});
    return r.ok() && r.rows() == 1;
}

} // namespace

QString AuthorityFinding::describe() const
{
    const QString which = ServerChainVerifier::tr("event %1 (ticket %2, server_seq %3, type %4)")
                              .arg(eventId, ticketId)
                              .arg(seq)
                              .arg(type);
    const QString by = login.isEmpty() ? ServerChainVerifier::tr("pushed before the server checked logins")
                                       : ServerChainVerifier::tr("pushed by login %1").arg(login);
    if (problem == u"console"_s) {
        if (!loginConsole.isEmpty())
            return ServerChainVerifier::tr("%1 claims console %2 but was %3, which is console %4")
                .arg(which, console, by, loginConsole);
        return ServerChainVerifier::tr("%1 claims console %2, which no console on the server has (%3)")
            .arg(which, console, by);
    }
    const qint64 seconds = qAbs(atMs - receivedMs) / 1000;
    if (problem == u"ahead"_s)
        return ServerChainVerifier::tr("%1 is dated %2 s after the server received it (%3)").arg(which).arg(seconds).arg(by);
    return ServerChainVerifier::tr("%1 is dated %2 s before the server received it, unchecked (%3)")
        .arg(which)
        .arg(seconds)
        .arg(by);
}

bool ServerChainVerifier::authorityFindings(PgConnection &pg, int limit, QList<AuthorityFinding> *out, qint64 *total,
                                            QString *error)
{
    const PgResult count = pg.exec("SELECT count(*) FROM hotline_authority_findings(NULL)");
    if (!count.ok()) {
        *error = count.error();
        return false;
    }
    *total = count.integer(0, 0);
    const PgResult r = pg.exec("SELECT server_seq, id, ticket_id, type, console, coalesce(login, ''), "
                               "coalesce(login_console, ''), at_ms, received_ms, problem "
                               "FROM hotline_authority_findings($1)",
                               {QByteArray::number(limit)});
    if (!r.ok()) {
        *error = r.error();
        return false;
    }
    for (int i = 0; i < r.rows(); ++i) {
        AuthorityFinding f;
        f.seq = r.integer(i, 0);
        f.eventId = r.text(i, 1);
        f.ticketId = r.text(i, 2);
        f.type = r.text(i, 3);
        f.console = r.text(i, 4);
        f.login = r.text(i, 5);
        f.loginConsole = r.text(i, 6);
        f.atMs = r.integer(i, 7);
        f.receivedMs = r.integer(i, 8);
        f.problem = r.text(i, 9);
        out->append(f);
    }
    return true;
}

QByteArray ServerChainVerifier::link(const QByteArray &previous, const QByteArray &id, const QByteArray &ticketId,
                                     const QByteArray &type, qint64 atMs, const QByteArray &actor,
                                     const QByteArray &console, int version, const QByteArray &payload)
{
    QCryptographicHash h(QCryptographicHash::Sha256);
    h.addData(previous);
    addField(h, id);
    addField(h, ticketId);
    addField(h, type);
    const quint64 at = qToBigEndian(quint64(atMs));
    h.addData(QByteArrayView(reinterpret_cast<const char *>(&at), sizeof at));
    addField(h, actor);
    addField(h, console);
    const quint16 v = qToBigEndian(quint16(version));
    h.addData(QByteArrayView(reinterpret_cast<const char *>(&v), sizeof v));
    addField(h, payload);
    return h.result();
}

ChainFinding ServerChainVerifier::verify(PgConnection &pg, Database *replica, qint64 *compared, int batch)
{
    ChainFinding f;
    auto fail = [&](const QString &why) -> ChainFinding {
        f.error = why;
        pg.run("ROLLBACK");
        return f;
    };
    if (!ServerSchema::check(pg, &f.error))
        return f;
    // One snapshot for every batch, so pushes arriving meanwhile are simply not seen.
    if (!pg.run("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"))
        return fail(pg.lastError());
    const PgResult head = pg.exec("SELECT last, encode(chain, 'hex') FROM hotline_sequence WHERE id = 1");
    if (!head.ok() || head.rows() != 1)
        return fail(head.ok() ? tr("the server's sequence row is missing") : head.error());
    const qint64 recordedLast = head.integer(0, 0);
    const QByteArray recordedHead = QByteArray::fromHex(bytes(head, 0, 1));
    if (replica && !replicaBelongsHere(pg, *replica))
        replica = nullptr;
    qint64 matched = 0;

    QByteArray previous;
    qint64 previousSeq = 0;
    auto finish = [&](ChainProblem problem, const Row *row) -> ChainFinding {
        f.problem = problem;
        if (row)
            name(*row, &f);
        lookUpNumber(pg, replica, &f);
        pg.run("ROLLBACK");
        if (compared)
            *compared = matched;
        return f;
    };
    for (;;) {
        const PgResult r = pg.exec(kBatchSql, {QByteArray::number(previousSeq), QByteArray::number(batch)});
        if (!r.ok())
            return fail(r.error());
        if (r.rows() == 0)
            break;
        QSqlQuery local;
        bool hasLocal = false;
        if (replica) {
            local = QSqlQuery(replica->sql());
            local.setForwardOnly(true);
            local.prepare(u"SELECT server_seq, id, ticket_id, type, at_ms, actor, console, payload FROM events "
                          u"WHERE server_seq BETWEEN ? AND ? ORDER BY server_seq"_s);
            local.addBindValue(r.integer(0, 0));
            local.addBindValue(r.integer(r.rows() - 1, 0));
            if (!local.exec())
                return fail(local.lastError().text());
            hasLocal = local.next();
        }
        for (int i = 0; i < r.rows(); ++i) {
            const Row row = rowAt(r, i);
            f.otherSeq = previousSeq;
            if (row.seq != previousSeq + 1) {
                f.missing = row.seq - previousSeq - 1;
                f.detail = tr("server_seq jumps from %1 to %2").arg(previousSeq).arg(row.seq);
                return finish(ChainProblem::Removed, &row);
            }
            const QByteArray expected = link(row.prev, row.id, row.ticket, row.type, row.at, row.actor, row.console,
                                             row.version, row.payload);
            if (expected != row.chain)
                return finish(ChainProblem::Altered, &row);
            if (row.prev != previous) {
                if (row.prev.isEmpty()) {
                    f.detail = tr("its link says it was the first event");
                    return finish(ChainProblem::Reordered, &row);
                }
                const PgResult other = pg.exec("SELECT server_seq FROM hotline_events WHERE chain = decode($1, 'hex') "
                                               "LIMIT 1",
                                               {row.prev.toHex()});
                if (!other.ok())
                    return fail(other.error());
                if (other.rows() == 1) {
                    f.otherSeq = other.integer(0, 0);
                    return finish(ChainProblem::Reordered, &row);
                }
                f.detail = tr("server_seq was renumbered to hide the gap");
                return finish(ChainProblem::Removed, &row);
            }
            if (replica) {
                const QString differs = compareWithReplica(local, &hasLocal, row);
                if (!differs.isEmpty()) {
                    f.detail = tr("its %1 differs from the copy this console pulled: the server's log was rewritten "
                                  "and its chain recomputed")
                                   .arg(differs);
                    return finish(ChainProblem::Altered, &row);
                }
                if (hasLocal && local.value(0).toLongLong() == row.seq)
                    ++matched;
            }
            previous = row.chain;
            previousSeq = row.seq;
            ++f.checked;
        }
        if (r.rows() < batch)
            break;
    }
    if (recordedLast > previousSeq || recordedHead != previous) {
        f.missing = qMax<qint64>(0, recordedLast - previousSeq);
        f.otherSeq = previousSeq;
        f.detail = tr("the server recorded %1 events and a different chain head").arg(recordedLast);
        if (recordedHead == previous)
            f.detail = tr("the server recorded %1 events").arg(recordedLast);
    } else if (replica) {
        QSqlQuery q(replica->sql());
        const qint64 held = q.exec(u"SELECT coalesce(max(server_seq), 0) FROM events"_s) && q.next()
                                ? q.value(0).toLongLong()
                                : 0;
        if (held <= previousSeq) {
            pg.run("ROLLBACK");
            if (compared)
                *compared = matched;
            return f;
        }
        f.missing = held - previousSeq;
        f.otherSeq = previousSeq;
        f.detail = tr("this console pulled events up to server sequence %1").arg(held);
    } else {
        pg.run("ROLLBACK");
        if (compared)
            *compared = matched;
        return f;
    }
    // Name the last event still there.
    const PgResult last = pg.exec("SELECT server_seq, id, ticket_id, type FROM hotline_events WHERE server_seq = $1",
                                  {QByteArray::number(previousSeq)});
    if (last.ok() && last.rows() == 1) {
        f.seq = last.integer(0, 0);
        f.eventId = last.text(0, 1);
        f.ticketId = last.text(0, 2);
        f.type = last.text(0, 3);
    }
    return finish(ChainProblem::Truncated, nullptr);
}

} // namespace hotline
