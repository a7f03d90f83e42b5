#pragma once

#include "domain/Ticket.h"
#include "sync/SyncServer.h"

#include <QCoreApplication>
#include <QHash>
#include <QStringList>

#include <memory>

namespace hotline {

class Clock;
class Database;
class SqliteStatement;
class TicketTable;

/** What one apply of pulled events did. */
struct PullOutcome
{
    int inserted = 0;      ///< events new to this replica
    int acknowledged = 0;  ///< own events the server echoed back
    int refolded = 0;      ///< tickets re-derived because the server order differed from the local one
    int skipped = 0;       ///< events that could not be decoded (kept aside, retried after an update)
    QStringList changedTickets;
};

/**
 * The console's side of sync, on its local SQLite replica: the outbox (local events the server has not
 * numbered yet), acknowledging pushes, and applying pulled events so that every ticket is folded in server
 * order followed by the events still waiting to be pushed. That order is the same on every console, so all
 * replicas converge; an action that no longer applies in it is kept and listed as a conflict.
 */
class ReplicaStore final
{
    Q_DECLARE_TR_FUNCTIONS(ReplicaStore)

public:
    ReplicaStore(Database &db, const Clock &clock);
    ~ReplicaStore();

    /** Up to `limit` events waiting to be pushed, in local order, payloads exactly as stored. */
    QList<TicketEvent> pending(int limit, QString *error);
    qint64 pendingCount();
    /** Records the server sequences of pushed events (one transaction); reorders tickets where needed. */
    bool acknowledge(const QList<TicketEvent> &pushed, const QHash<QString, qint64> &serverSeqs,
                     QStringList *changedTickets, QString *error);
    /** Applies a page of pulled events in one transaction, moving the pull cursor with them. */
    bool applyPulled(const QList<ServerEvent> &events, PullOutcome *outcome, QString *error);
    /** Tries again the events kept aside as undecodable (a newer program may understand them). */
    bool retrySkipped(PullOutcome *outcome, QString *error);

    qint64 pulledUpTo() const;
    qint64 conflictCount(bool unseenOnly = true);

    static QString cursorKey() { return QStringLiteral("sync.pulled_seq"); }

private:
    bool apply(const QList<ServerEvent> &events, PullOutcome *outcome, QString *error, bool retrying);
    bool insertPulled(const ServerEvent &s, QHash<QString, qint64> *firstNew, QList<TicketEvent> *fresh,
                      PullOutcome *outcome, QString *error);
    bool settle(const QHash<QString, qint64> &firstNew, const QList<TicketEvent> &fresh, QStringList *changed,
                int *refolded, QString *error);
    bool needsRefold(const QString &ticketId, qint64 fromServerSeq, qint64 firstFreshSeq);
    bool refold(const QString &ticketId, QString *error);
    /** Applies one event in fold order: its side rows when it applies, a conflict row when it no longer does. */
    bool foldInto(Ticket &t, const TicketEvent &e, QString *error);
    bool recordConflict(const Ticket &before, const TicketEvent &e, QString *error);
    bool keepSkipped(const ServerEvent &s, QString *error);

    Database &m_db;
    const Clock &m_clock;
    std::unique_ptr<TicketTable> m_table;
    std::unique_ptr<SqliteStatement> m_insert;
    std::unique_ptr<SqliteStatement> m_ackBySeq;
    std::unique_ptr<SqliteStatement> m_ack;
    std::unique_ptr<SqliteStatement> m_earlierOutOfOrder;
    std::unique_ptr<SqliteStatement> m_later;
    std::unique_ptr<SqliteStatement> m_conflict;
    QByteArray m_head;
};

} // namespace hotline
