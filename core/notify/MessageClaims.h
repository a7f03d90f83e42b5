#pragma once

#include <QString>

namespace hotline {

/** What a claim on one SMS message found. */
enum class ClaimResult {
    Granted,     ///< the caller holds the message until leaseUntilMs and may POST it once
    HeldElsewhere, ///< another claimant holds a live lease; try again after it ends
    AlreadySent, ///< someone recorded it as sent: never POST it again
    Unavailable, ///< the claim store could not be asked (database busy, server offline): try later
};

/** The answer of MessageClaims::claim. */
struct Claim
{
    ClaimResult result = ClaimResult::Unavailable;
    qint64 leaseUntilMs = 0; ///< end of the caller's lease (Granted) or of the other holder's (HeldElsewhere)
    QString holder;          ///< who holds it (HeldElsewhere) or sent it (AlreadySent), for the attempt log
    QString error;           ///< why, when Unavailable
};

/**
 * Who may send an SMS message: the exactly-once guard in front of the HTTP gateway. Every console (and every
 * `hotlinectl escalate` process) that finds a message due asks claim() before POSTing it.
 *
 * Contract:
 *  - claim() is atomic in the store that all senders share (the local SQLite file standalone, the shared
 *    PostgreSQL server otherwise). At most one claimant holds a live lease on a message id; it is Granted
 *    again to the same claimant while the lease lives (a retry), HeldElsewhere to anyone else.
 *  - A claimant POSTs only while it holds a live lease, and the lease is longer than its HTTP timeout, so a
 *    request never outlives its lease: no two POSTs of one id overlap.
 *  - markSent() after the gateway accepted (2xx): from then on every claim() answers AlreadySent.
 *  - release() after a failed attempt: the lease ends at once, so any claimant may retry (with back-off).
 *  - A claimant that crashes after claiming simply lets its lease run out; another one then takes over. If it
 *    crashed after the gateway accepted but before markSent(), the takeover POSTs the same id again and the
 *    gateway drops the repeat (that is why message ids are deterministic, see MessageIds).
 *  - claimant names one sending process: the console code plus a per-process token, since a console and a
 *    `hotlinectl escalate` on the same database share the console code.
 */
class MessageClaims
{
public:
    virtual ~MessageClaims() = default;

    /** Tries to take (or renew) the lease on messageId until nowMs + leaseMs. */
    virtual Claim claim(const QString &messageId, const QString &claimant, qint64 nowMs, qint64 leaseMs) = 0;
    /** Records that the gateway accepted messageId; false (error set) when that could not be stored. */
    virtual bool markSent(const QString &messageId, const QString &claimant, qint64 nowMs, QString *error) = 0;
    /** Gives up the caller's lease after a failed attempt; does nothing when it holds none. */
    virtual void release(const QString &messageId, const QString &claimant) = 0;
};

} // namespace hotline
