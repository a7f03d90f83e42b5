#pragma once

#include "domain/TicketEvent.h"

#include <QCoreApplication>
#include <QList>
#include <QStringList>

namespace hotline {

class Database;
class PgConnection;

/** What one exchange of attachment bytes did. */
struct BlobOutcome
{
    int pushed = 0;   ///< blobs this console sent to the server
    int fetched = 0;  ///< blobs received and stored
    int refused = 0;  ///< blobs whose content did not match their hash (kept out; the file shows as not received)
    int waiting = 0;  ///< files named by an event whose bytes the server does not have yet
    QStringList tickets; ///< tickets whose files arrived
};

/**
 * The bytes of attachments through the shared server (hotline_attachment_blobs, server schema 4). The events
 * travel as any other; the bytes go up before the events that name them, and come down after the events, each
 * checked against its SHA-256 (the hash the chained event carries). A missing or refused blob never fails a sync:
 * the file shows as "not yet received" and is asked for again on the next pass.
 */
class BlobSync final
{
    Q_DECLARE_TR_FUNCTIONS(BlobSync)

public:
    BlobSync(PgConnection &pg, Database &db);

    /** Sends the bytes of the Attached events in a batch about to be pushed, those the server lacks. */
    bool pushFor(const QList<TicketEvent> &batch, BlobOutcome *outcome, QString *error);
    /** Fetches the bytes this replica's attachments name and it lacks (a network failure returns false). */
    bool fetchMissing(BlobOutcome *outcome, QString *error);

    /** Blobs fetched per pass at most (each up to attachments.max_mb): the rest come on the next. */
    static constexpr int kFetchPerPass = 50;

private:
    PgConnection &m_pg;
    Database &m_db;
};

} // namespace hotline
