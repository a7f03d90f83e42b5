#pragma once

#include "storage/ChainVerifier.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>

namespace hotline {

class Database;
class PgConnection;

/** An event the server's rules (schema 7) say is wrong, though the chain holds: see authorityFindings(). */
struct AuthorityFinding
{
    qint64 seq = 0;
    QString eventId, ticketId, type, console, login;
    QString loginConsole; ///< the console code of the login that pushed it; empty when no console login did
    QString problem;      ///< "console" (not its login's), "ahead" or "behind" (of the server's receive time)
    qint64 atMs = 0;
    qint64 receivedMs = 0;

    /** One translated sentence naming the event and what is wrong. */
    QString describe() const;
};

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

    /**
     * The events whose console code is not their login's, or whose time is further than the skew from when the
     * server received them (ahead of it, or behind it for events no console login pushed: before schema 7, or the
     * owner's); reminders, overdue marks and history imports are dated in the past by design and left out of the
     * time rule (hotline_authority_findings). At most `limit`; `total` counts them all. False on a read error.
     */
    static bool authorityFindings(PgConnection &pg, int limit, QList<AuthorityFinding> *out, qint64 *total,
                                  QString *error);

    /** One link: sha256 over the previous link and the length-prefixed fields, as hotline_chain_link(). */
    static QByteArray link(const QByteArray &previous, const QByteArray &id, const QByteArray &ticketId,
                           const QByteArray &type, qint64 atMs, const QByteArray &actor, const QByteArray &console,
                           int version, const QByteArray &payload);
};

} // namespace hotline
