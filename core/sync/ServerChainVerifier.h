#pragma once

#include "storage/ChainVerifier.h"

#include <QByteArray>
#include <QCoreApplication>

namespace hotline {

class Database;
class PgConnection;

/**
 * Checks the shared server's event chain (resources/server/003_event_chain.sql) from a client: streams the
 * events in server_seq order in batches inside one read-only snapshot, recomputes every link and names the
 * first event that was altered, removed (a server_seq gap, or a link to an event no longer there), reordered
 * (a link to another event still there) or cut off at the end (the head in hotline_sequence is further on).
 * With a replica it also compares every event with the copy this console pulled, which catches a rewrite
 * that recomputed the whole chain. See docs/TAMPER-EVIDENCE.md.
 */
class ServerChainVerifier final
{
    Q_DECLARE_TR_FUNCTIONS(ServerChainVerifier)

public:
    static constexpr int kBatch = 20000;

    /** `replica` may be null (then only the chain is checked); `compared` counts events matched with it. */
    static ChainFinding verify(PgConnection &pg, Database *replica, qint64 *compared = nullptr, int batch = kBatch);

    /** One link: sha256 over the previous link and the length-prefixed fields, as hotline_chain_link(). */
    static QByteArray link(const QByteArray &previous, const QByteArray &id, const QByteArray &ticketId,
                           const QByteArray &type, qint64 atMs, const QByteArray &actor, const QByteArray &console,
                           int version, const QByteArray &payload);
};

} // namespace hotline
