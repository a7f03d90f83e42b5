#pragma once

#include "domain/TicketEvent.h"
#include "sync/ReferenceConflicts.h"
#include "sync/ReferenceData.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QString>

namespace hotline {

class PgConnection;

/** An event as the server holds it: its server sequence and format version besides the event. */
struct ServerEvent
{
    qint64 serverSeq = 0;
    int version = 1;
    TicketEvent event;       ///< payloadText holds the payload exactly as stored
    QString rawType;         ///< the type as the server stored it
    QString problem;         ///< set when the row could not be decoded (then event is incomplete)
};

/**
 * What a console asks of the shared server, over one PgConnection: join, push, pull, reference data.
 * Every call is one round trip (a push is one call of the server's hotline_push function), so a batch of
 * thousands of events costs one network exchange.
 */
class SyncServer final
{
    Q_DECLARE_TR_FUNCTIONS(SyncServer)

public:
    /** The event format this build writes and understands. */
    static constexpr int kEventVersion = 1;
    static constexpr QLatin1StringView kChannel{"hotline_events"};

    explicit SyncServer(PgConnection &pg);

    /**
     * Registers this console (by its install id) and returns its two-digit code: the code it had before on
     * this server, else `preferred` when free, else the lowest free one. Empty on failure.
     */
    QString join(const QString &installId, const QString &name, const QString &preferred, QString *error);
    /** Pushes events; answers every id with its server sequence (events already there keep theirs). */
    bool push(const QList<TicketEvent> &events, QHash<QString, qint64> *serverSeqs, QString *error);
    /** Events with a server sequence above `after`, in order, at most `limit`. */
    bool pull(qint64 after, int limit, QList<ServerEvent> *out, QString *error);
    /** Whether this login may push: a console login or the owner (server schema 7); false for any other login. */
    bool mayPush(bool *allowed, QString *error);
    /**
     * After a completed pass: nothing this console login pushes later may be dated before `floorMs` (the server
     * never lowers it). Does nothing for a login that is no console's.
     */
    bool advanceFloor(qint64 floorMs, QString *error);
    /** The highest server sequence handed out. */
    qint64 lastSequence(QString *error);

    bool listen(QString *error);
    /** Reference rows (deletions included) with a version above `after`, in order, at most `limit`. */
    bool pullReferenceRows(qint64 after, int limit, QList<ReferenceRow> *out, QString *error);
    /** The tables that have rows on the server, and the keys of the rows there (not deleted). */
    bool referenceKeys(QHash<QString, QStringList> *keysByTable, QString *error);
    /**
     * Writes one row through the server's checking function (hotline_put_reference_row). On a refusal, error
     * holds the server's reason and sqlState (if given) its SQLSTATE.
     */
    bool putReferenceRow(const ReferenceRow &row, const QString &console, ReferencePutResult *answer, QString *error,
                         QByteArray *sqlState = nullptr);
    /** Reference conflicts with a version above `after`, in order. */
    bool pullReferenceConflicts(qint64 after, QList<ReferenceConflict> *out, QString *error);

    /** Decodes one pulled row; public for the tests of malformed events. */
    static ServerEvent decode(qint64 serverSeq, int version, const QString &id, const QString &ticketId,
                              const QString &type, qint64 atMs, const QString &actor, const QString &console,
                              const QByteArray &payload);

private:
    PgConnection &m_pg;
};

} // namespace hotline
