#include "sync/SyncEngine.h"

#include "domain/TicketEvent.h"
#include "service/Training.h"
#include "storage/Database.h"
#include "sync/BlobSync.h"
#include "sync/ReferenceConflicts.h"
#include "sync/ReferenceData.h"
#include "sync/ReplicaStore.h"
#include "sync/SecretSync.h"
#include "sync/ServerNumbers.h"
#include "sync/ServerSchema.h"
#include "storage/NumberClashes.h"
#include "sync/SyncServer.h"
#include "util/Clock.h"
#include "util/LogCategories.h"

#include <QElapsedTimer>
#include <QSet>
#include <QSqlQuery>
#include <QSysInfo>

using namespace Qt::StringLiterals;

namespace hotline {

SyncEngine::SyncEngine(Database &db, const Clock &clock)
    : m_db(db),
      m_clock(clock),
      m_replica(std::make_unique<ReplicaStore>(db, clock))
{
}

SyncEngine::~SyncEngine() = default;

bool SyncEngine::fail(const QString &what, QString *error)
{
    *error = what;
    if (!m_pg.isUp())
        m_pg.close(); // reconnect next time
    return false;
}

bool SyncEngine::isConnected() const
{
    return m_pg.isUp();
}

void SyncEngine::disconnect()
{
    m_pg.close();
}

bool SyncEngine::connectTo(const QString &url, QString *error)
{
    // Decided here, where every path to the server passes (console, hotlinectl sync, the replica): a drill
    // never reaches the centre's real record.
    if (const QString refusal = Training::joinRefusal(m_db); !refusal.isEmpty()) {
        *error = refusal;
        return false;
    }
    if (!m_pg.connect(url)) {
        *error = tr("cannot reach the server %1: %2").arg(PgConnection::redacted(url), m_pg.lastError());
        return false;
    }
    if (!ServerSchema::check(m_pg, error) || !join(url, error)) {
        m_pg.close();
        return false;
    }
    SyncServer server(m_pg);
    if (!server.listen(error)) {
        m_pg.close();
        return false;
    }
    qCInfo(lcSync) << "connected to" << PgConnection::redacted(url) << "as console" << m_db.meta(u"console.code"_s);
    return true;
}

namespace {
/** After a join with history under another code (server schema 9): tells the server which old codes this database's
 *  events still waiting to be pushed carry, so that its push takes them (dated before the join, for this console's own
 *  tickets only). A no-op for a session that is no console's login. */
bool nameHistoryCodes(Database &db, PgConnection &pg, const QString &code, QString *error)
{
    QSqlQuery q(db.sql());
    q.prepare(u"SELECT DISTINCT console FROM events WHERE server_seq IS NULL AND console <> ? ORDER BY console"_s);
    q.addBindValue(code);
    if (!q.exec()) {
        *error = SyncEngine::tr("cannot read the local database");
        return false;
    }
    QStringList codes;
    while (q.next())
        codes << q.value(0).toString();
    if (codes.isEmpty())
        return true;
    const PgResult r = pg.exec("SELECT hotline_join_history_codes($1::text[])",
                               {(u"{"_s + codes.join(u',') + u"}"_s).toUtf8()});
    if (!r.ok()) {
        *error = r.error();
        return false;
    }
    qCInfo(lcSync) << "history codes named to the server:" << codes << "recorded" << r.text(0, 0);
    return true;
}
} // namespace

bool SyncEngine::join(const QString &url, QString *error)
{
    if (m_db.meta(joinedKey()) == url)
        return true;
    QString installId = m_db.meta(installIdKey());
    if (installId.isEmpty()) {
        installId = newUuid();
        if (!m_db.setMeta(installIdKey(), installId)) {
            *error = tr("cannot write to the local database");
            return false;
        }
    }
    SyncServer server(m_pg);
    QHash<QString, QStringList> onServer;
    if (!server.referenceKeys(&onServer, error))
        return false;
    const QString current = m_db.meta(u"console.code"_s, u"01"_s);
    // Before anything is written here or on the server: when this database cannot keep its code, its own tickets
    // may join only if none of their numbers is the server's already (checked again below, should the code the
    // server gives differ from this reading).
    bool historyChecked = false;
    {
        // The code a console login has (server schema 7), else the one this installation had, else none yet.
        const PgResult taken = m_pg.exec("SELECT coalesce(hotline_login_console(), "
                                         "(SELECT code FROM hotline_consoles WHERE install_id = $1)), "
                                         "EXISTS (SELECT 1 FROM hotline_consoles WHERE code = $2)",
                                         {installId.toUtf8(), current.toUtf8()});
        if (!taken.ok()) {
            *error = taken.error();
            return false;
        }
        const QString mine = taken.text(0, 0);
        const bool keeps = mine.isEmpty() ? taken.text(0, 1) != u"t"_s : mine == current;
        if (!keeps && !joinWithHistory(current, mine.isEmpty() ? u"?"_s : mine, error))
            return false;
        historyChecked = !keeps;
    }
    // The first console seeds the shared reference data. A later one takes the server's rows of every table the
    // server has (its own rows of such a table that the server lacks are dropped; its secrets stay), and seeds
    // the tables the server has none of. Either way the pull starts from the server's first row.
    if (onServer.isEmpty()) {
        if (!ReferenceData::markAllDirty(m_db, error))
            return false;
    } else {
        for (const QString &table : ReferenceData::tables()) {
            if (onServer.contains(table) && !ReferenceData::dropRowsNotIn(m_db, table, onServer.value(table), error))
                return false;
        }
        if (!ReferenceData::forgetMarks(m_db, error))
            return false;
        for (const QString &table : ReferenceData::tables()) {
            if (!onServer.contains(table) && !ReferenceData::markTableDirty(m_db, table, error))
                return false;
        }
    }
    if (!m_db.setMeta(referenceRowsKey(), u"0"_s)) {
        *error = tr("cannot write to the local database");
        return false;
    }
    // Password hashes: the first console to reach a server that holds none sends all it has (whether or not the
    // server has reference rows already: an owner may have written users there); a later one asks the server at
    // each first sign-in.
    const int holdsHashes = SecretSync::serverHoldsHashes(m_pg, error);
    if (holdsHashes < 0 || !SecretSync::atJoin(m_db, holdsHashes == 0, m_clock.nowMs(), error))
        return false;
    const QString code = server.join(installId, QSysInfo::machineHostName(), current, error);
    if (code.isEmpty())
        return false;
    if (code != current && !historyChecked && !joinWithHistory(current, code, error))
        return false;
    if (code != current && !nameHistoryCodes(m_db, m_pg, code, error))
        return false;
    if (!m_db.setMeta(u"console.code"_s, code) || !m_db.setMeta(joinedKey(), url) || !m_db.setMeta(urlKey(), url)) {
        *error = tr("cannot write to the local database");
        return false;
    }
    qCInfo(lcSync) << "joined" << PgConnection::redacted(url) << "with console code" << code;
    return true;
}

bool SyncEngine::joinWithHistory(const QString &current, const QString &code, QString *error)
{
    // The server gave another code than the one this database's tickets carry: their numbers stay as they are (new
    // tickets get the new code), which is safe only if none of them is already the server's under another ticket.
    QSqlQuery q(m_db.sql());
    if (!q.exec(u"SELECT EXISTS (SELECT 1 FROM tickets)"_s) || !q.next()) {
        *error = tr("cannot read the local database");
        return false;
    }
    if (!q.value(0).toBool())
        return true;
    QList<ServerClash> clashes;
    if (!ServerNumbers::clashingLocal(m_pg, m_db, &clashes, error))
        return false;
    if (clashes.isEmpty()) {
        qCInfo(lcSync) << "joining with history: no local number clashes; new tickets get another code than"
                       << current << code;
        return true;
    }
    QSet<QString> numbers;
    for (const ServerClash &c : std::as_const(clashes))
        numbers.insert(c.number);
    *error = tr("this database's tickets were numbered with console code %1, which the server already gave another "
                "console, and %n of their numbers are already the server's under other tickets: %2. Nothing was "
                "written. Give each of these tickets a new number on this database (hotlinectl --db FILE ticket "
                "renumber NUMBER --reason TEXT --as USER; a dispatcher or administrator), then join again.",
                nullptr, int(numbers.size()))
                 .arg(current, ServerNumbers::summary(clashes));
    return false;
}

bool SyncEngine::runPass(SyncPassResult *result, QString *error)
{
    if (!m_pg.isUp())
        return fail(tr("not connected to the server"), error);
    const qint64 passStartMs = m_clock.nowMs();
    // A login that is no console's (the shared role of 0.7, server schema 7) still pulls; what waits stays here.
    bool mayPush = true;
    if (!SyncServer(m_pg).mayPush(&mayPush, error))
        return fail(*error, error);
    SecretSync secrets(m_pg, m_db); // after the reference data: the server checks administrators by their rows
    if (mayPush
        && (!pushReference(result, error) || !secrets.push(&result->refusedPasswords, error)
            || !pushEvents(result, error) || !advanceFloor(passStartMs, error)))
        return false;
    if (!pullReference(result, error) || !secrets.pull(error) || !pullEvents(result, error))
        return false;
    // After the events: the bytes their attachments name (a blob that is not there yet waits for a later pass).
    BlobOutcome blobs;
    if (!BlobSync(m_pg, m_db).fetchMissing(&blobs, error))
        return fail(*error, error);
    result->blobsFetched += blobs.fetched;
    result->blobsRefused += blobs.refused;
    result->blobsWaiting += blobs.waiting;
    result->changedTickets += blobs.tickets; // their detail shows the files now
    PullOutcome retried;
    if (!m_replica->retrySkipped(&retried, error))
        return false;
    result->changedTickets += retried.changedTickets;
    result->pending = m_replica->pendingCount();
    result->conflicts = m_replica->conflictCount();
    result->numberClashes = NumberClashes(m_db).count();
    if (!mayPush && result->pending > 0)
        return fail(tr("this login may read the server but not push (%1 events wait here): ask the server's owner "
                       "for a login of this console's own (hotlinectl server add-console)")
                        .arg(result->pending),
                    error);
    m_db.setMeta(lastSyncKey(), QString::number(m_clock.nowMs()));
    return true;
}

bool SyncEngine::pushReference(SyncPassResult *result, QString *error)
{
    SyncServer server(m_pg);
    QString why;
    const QList<ReferenceRow> rows = ReferenceData::dirtyRows(m_db, m_clock.nowMs(), &why);
    if (!why.isEmpty()) {
        *error = why;
        return false;
    }
    const QString console = m_db.meta(u"console.code"_s);
    for (const ReferenceRow &row : rows) {
        ReferencePutResult answer;
        QByteArray state;
        if (!server.putReferenceRow(row, console, &answer, error, &state)) {
            // Refused by the server's checks (classes 22: bad data, 42: not allowed): reported, and not offered
            // again until changed here; anything else (the network) is tried again next pass.
            if (!m_pg.isUp() || !(state.startsWith("22") || state.startsWith("42")))
                return fail(*error, error);
            const QString line = row.table + u" "_s + row.key + u": "_s + tr("refused by the server: %1").arg(*error);
            qCWarning(lcSync).noquote() << "reference row not pushed:" << line;
            result->refusedReference << line;
            error->clear();
            answer.outcome = u"same"_s;
            answer.version = row.version;
        }
        if (!ReferenceData::pushed(m_db, row, answer, &result->refusedReference, &result->referenceUpdated, error))
            return false;
    }
    return true;
}

bool SyncEngine::advanceFloor(qint64 passStartMs, QString *error)
{
    // Everything written before the pass started is on the server now, so nothing still to push is older than
    // the pass, except an event still waiting (the earliest one bounds the floor) and what carries an old date by
    // design: the escalator's reminders and overdue marks, and a history import (docs/TAMPER-EVIDENCE.md).
    qint64 floorMs = passStartMs;
    QSqlQuery q(m_db.sql());
    q.prepare(u"SELECT min(at_ms) FROM events WHERE server_seq IS NULL AND type NOT IN (?, ?) AND actor <> 'import'"_s);
    q.addBindValue(toCode(EventType::ReminderSent));
    q.addBindValue(toCode(EventType::Overdue));
    if (q.exec() && q.next() && !q.value(0).isNull())
        floorMs = qMin(floorMs, q.value(0).toLongLong());
    SyncServer server(m_pg);
    if (!server.advanceFloor(floorMs, error))
        return fail(*error, error);
    return true;
}

int SyncEngine::pushBatchSize()
{
    // HOTLINE_SYNC_PUSH_BATCH: smaller batches for tests that cut the server off between two of them.
    static const int size = [] {
        const int fromEnv = qEnvironmentVariableIntValue("HOTLINE_SYNC_PUSH_BATCH");
        return fromEnv > 0 ? fromEnv : kPushBatch;
    }();
    return size;
}

bool SyncEngine::pushEvents(SyncPassResult *result, QString *error)
{
    SyncServer server(m_pg);
    const int batchSize = pushBatchSize();
    for (;;) {
        QElapsedTimer phase;
        phase.start();
        const QList<TicketEvent> batch = m_replica->pending(batchSize, error);
        if (batch.isEmpty())
            return error->isEmpty();
        const qint64 readMs = phase.restart();
        // The bytes of attached files first, so that a console pulling the events can find them.
        BlobOutcome blobs;
        if (!BlobSync(m_pg, m_db).pushFor(batch, &blobs, error))
            return fail(*error, error);
        result->blobsPushed += blobs.pushed;
        QHash<QString, qint64> seqs;
        if (!server.push(batch, &seqs, error))
            return fail(*error, error);
        // Numbers just given that the server already knew under another ticket: both tickets stay (the pull brings
        // the other one), and the clash is reported now, at push, besides being listed as a conflict.
        QList<ServerClash> clashes;
        if (!ServerNumbers::clashingIn(m_pg, batch, &clashes, error))
            return fail(*error, error);
        for (const ServerClash &c : std::as_const(clashes)) {
            if (!result->clashingNumbers.contains(c.number))
                result->clashingNumbers << c.number;
        }
        const qint64 pushMs = phase.restart();
        QStringList changed;
        if (!m_replica->acknowledge(batch, seqs, &changed, error))
            return false;
        qCDebug(lcSync) << "pushed" << batch.size() << "events: read" << readMs << "ms, server" << pushMs
                        << "ms, acknowledged" << phase.elapsed() << "ms";
        result->pushed += batch.size();
        result->changedTickets += changed;
        if (seqs.size() < batch.size())
            return fail(tr("the server did not accept every event"), error);
        if (batch.size() < batchSize)
            return true;
    }
}

bool SyncEngine::pullReference(SyncPassResult *result, QString *error)
{
    SyncServer server(m_pg);
    for (;;) {
        const qint64 known = m_db.meta(referenceRowsKey(), u"0"_s).toLongLong();
        QList<ReferenceRow> rows;
        if (!server.pullReferenceRows(known, kPullPage, &rows, error))
            return fail(*error, error);
        if (rows.isEmpty())
            break;
        if (!ReferenceData::apply(m_db, rows, &result->refusedSettings, &result->refusedReference,
                                  &result->referenceUpdated, error))
            return false;
        if (!m_db.setMeta(referenceRowsKey(), QString::number(rows.constLast().version)))
            return fail(tr("cannot write to the local database"), error);
        if (rows.size() < kPullPage)
            break;
    }
    ReferenceConflicts conflicts(m_db);
    QList<ReferenceConflict> fresh;
    if (!server.pullReferenceConflicts(conflicts.lastVersion(), &fresh, error))
        return fail(*error, error);
    if (!conflicts.store(fresh, error))
        return false;
    result->referenceConflicts = conflicts.unseenCount();
    return true;
}

bool SyncEngine::pullEvents(SyncPassResult *result, QString *error)
{
    SyncServer server(m_pg);
    for (;;) {
        QList<ServerEvent> page;
        const qint64 after = m_replica->pulledUpTo();
        if (!server.pull(after, kPullPage, &page, error))
            return fail(*error, error);
        qCDebug(lcSync) << "pulled" << page.size() << "events after" << after;
        if (page.isEmpty())
            return true;
        PullOutcome outcome;
        if (!m_replica->applyPulled(page, &outcome, error))
            return false;
        result->pulled += outcome.inserted;
        result->refolded += outcome.refolded;
        result->skipped += outcome.skipped;
        result->changedTickets += outcome.changedTickets;
        if (page.size() < kPullPage)
            return true;
    }
}

qint64 SyncEngine::pendingCount()
{
    return m_replica->pendingCount();
}

qint64 SyncEngine::conflictCount()
{
    return m_replica->conflictCount();
}

bool SyncEngine::takeNudge(bool *connectionLost)
{
    *connectionLost = false;
    if (!m_pg.isOpen())
        return false;
    const QList<QByteArray> channels = m_pg.takeNotifications();
    if (!m_pg.isUp()) {
        *connectionLost = true;
        return false;
    }
    return !channels.isEmpty();
}

} // namespace hotline
