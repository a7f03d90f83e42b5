#pragma once

#include "sync/PgConnection.h"

#include <QCoreApplication>
#include <QStringList>

#include <memory>

namespace hotline {

class Clock;
class Database;
class ReplicaStore;

/** What one sync pass did. */
struct SyncPassResult
{
    qint64 pushed = 0;
    qint64 pulled = 0;
    qint64 refolded = 0;
    qint64 skipped = 0;
    qint64 pending = 0;      ///< still waiting to be pushed after the pass
    qint64 conflicts = 0;    ///< unacknowledged conflicts on this replica
    QStringList changedTickets;
    QStringList referenceUpdated;
    QStringList refusedSettings; ///< "key: reason" for each setting from the server that failed validation
    qint64 blobsPushed = 0;      ///< attachment bytes sent to the server
    qint64 blobsFetched = 0;     ///< attachment bytes received
    qint64 blobsRefused = 0;     ///< attachment bytes from the server that did not match their hash
    qint64 blobsWaiting = 0;     ///< attachments whose bytes the server does not have yet
    QStringList refusedReference; ///< "table key: reason" for each other reference row refused (from the server, or by it)
    qint64 referenceConflicts = 0; ///< reference conflicts (concurrent edits of one row) not yet seen on this console
    QStringList clashingNumbers; ///< numbers just pushed that the server already knew under another ticket (issue 16)
    qint64 numberClashes = 0;    ///< numbers that name more than one ticket here after the pass (counted in conflicts)
    QStringList refusedPasswords; ///< "name: reason" for each password change the server refused (not sent again)
};

/**
 * One console's sync with the shared server, on the calling thread: join, then passes of push (reference
 * data, then the outbox in batches) and pull (reference data, then events by server sequence, page by page).
 * Everything it writes locally goes through ReplicaStore in transactions, so a pass interrupted anywhere
 * (network, crash) is simply repeated.
 */
class SyncEngine final
{
    Q_DECLARE_TR_FUNCTIONS(SyncEngine)

public:
    static constexpr int kPushBatch = 2000;
    static constexpr int kPullPage = 5000;
    static int pushBatchSize();

    SyncEngine(Database &db, const Clock &clock);
    ~SyncEngine();

    /** Connects, checks the schema, joins (once per server) and listens for notifications. */
    bool connectTo(const QString &url, QString *error);
    bool isConnected() const;
    void disconnect();
    /** One full push and pull; on a network error the connection is dropped (reconnect and try again). */
    bool runPass(SyncPassResult *result, QString *error);
    /** Whether a notification arrived (reads the socket); false also when the connection died. */
    bool takeNudge(bool *connectionLost);
    int socket() const { return m_pg.socket(); }
    /** Local counts, readable offline. */
    qint64 pendingCount();
    qint64 conflictCount();

    /** Local meta keys. */
    static QString urlKey() { return QStringLiteral("sync.server_url"); }
    static QString joinedKey() { return QStringLiteral("sync.joined_url"); }
    static QString installIdKey() { return QStringLiteral("console.install_id"); }
    static QString lastSyncKey() { return QStringLiteral("sync.last_ms"); }
    /** Where the pull of reference rows (and of their conflicts) resumes: the server's row version. */
    static QString referenceRowsKey() { return QStringLiteral("sync.reference_rows_version"); }

private:
    bool join(const QString &url, QString *error);
    /** At join, when the server gave another code than current: refuses if a local number is the server's already. */
    bool joinWithHistory(const QString &current, const QString &code, QString *error);
    bool pushReference(SyncPassResult *result, QString *error);
    bool pushEvents(SyncPassResult *result, QString *error);
    /** The server's floor for this console login after its pushes (SyncServer::advanceFloor). */
    bool advanceFloor(qint64 passStartMs, QString *error);
    bool pullReference(SyncPassResult *result, QString *error);
    bool pullEvents(SyncPassResult *result, QString *error);
    bool fail(const QString &what, QString *error);

    Database &m_db;
    const Clock &m_clock;
    PgConnection m_pg;
    std::unique_ptr<ReplicaStore> m_replica;
};

} // namespace hotline
