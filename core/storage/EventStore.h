#pragma once

#include "domain/Ticket.h"
#include "domain/TicketEvent.h"

#include <QCoreApplication>
#include <QObject>
#include <QStringList>

#include <functional>

namespace hotline {

class Database;
class SqliteStatement;
class TicketTable;

/** What `verify` found in the event log. */
struct VerifyReport
{
    qint64 checked = 0;
    bool ok = true;
    qint64 firstBadSeq = 0;   ///< local sequence of the first altered event
    QString firstBadId;
    QString message;
};

/**
 * The append-only event log and its projection. Every append writes the events, a hash chain over them
 * and the updated projection in one SQLite transaction; an event id seen before is ignored, so applying
 * the same event twice changes nothing.
 */
class EventStore final : public QObject
{
    Q_OBJECT

public:
    /** Local actions must make sense in the current state; events from elsewhere are recorded regardless. */
    enum class Mode { Strict, Tolerant };
    Q_ENUM(Mode)

    explicit EventStore(Database &db, QObject *parent = nullptr);
    ~EventStore() override;

    /** Work done in the same write transaction, after the events (e.g. an intake idempotency key); false rolls back. */
    using WithinTransaction = std::function<bool(QString *error)>;

    /** Appends in its own write transaction; within, when given, runs before the commit. */
    bool append(const QList<TicketEvent> &events, QString *error, Mode mode = Mode::Strict,
                const WithinTransaction &within = {});
    /**
     * Appends like append(), and runs alsoWrite in the same transaction first (the bytes of an attached file):
     * when either fails, neither is kept.
     */
    bool appendWith(const QList<TicketEvent> &events, const std::function<bool(QString *)> &alsoWrite, QString *error,
                    const WithinTransaction &within = {});
    /** Appends inside a transaction the caller holds (bulk import); counts what was new. */
    bool appendWithin(const QList<TicketEvent> &events, QString *error, Mode mode = Mode::Strict, int *added = nullptr);
    /**
     * Like appendWithin for tickets the caller has just created (an import): their projection rows are known not
     * to exist, so none is looked up. Every event must belong to a ticket registered in the same call.
     */
    bool appendNewTickets(const QList<TicketEvent> &events, QString *error);

    Ticket ticket(const QString &ticketId);
    /** The one ticket a number names (see TicketTable::loadByNumber); TicketLookup when it may name two. */
    Ticket ticketByNumber(const QString &number);
    /** A ticket's events in fold order: server order, then events not yet pushed. */
    QList<TicketEvent> history(const QString &ticketId);

    /** Drops the projection and derives it again from the events, in one transaction. */
    bool rebuildProjection(QString *error);
    /** The same inside a write transaction the caller holds (the refold after an upgrade); says what changed. */
    bool rebuildWithin(QStringList *changedTickets, QString *error);
    /** Recomputes the hash chain and names the first event whose stored content was altered. */
    VerifyReport verify();

    /** The chain link of one event: a hash over the previous link, the event's fields and its stored payload. */
    static QByteArray chainHash(const QByteArray &previous, const TicketEvent &e, const QByteArray &payloadJson);

    /** Tells listeners about tickets another connection changed (the sync thread applying pulled events). */
    void announceExternalChanges(const QStringList &ticketIds) { Q_EMIT ticketsChanged(ticketIds); }
    /** After the caller committed its own transaction around appendWithin/appendNewTickets: tells the listeners. */
    void announceCommitted();
    /** After the caller rolled its transaction back: what appendWithin noted as changed never happened. */
    void forgetPending() { m_pendingChanged.clear(); }

Q_SIGNALS:
    /** Tickets whose projected state changed, after the transaction committed. */
    void ticketsChanged(const QStringList &ticketIds);
    /** A local append committed: there is something new in the outbox for the shared server. */
    void appended();

private:
    bool appendWithMode(const QList<TicketEvent> &events, const std::function<bool(QString *)> &alsoWrite,
                        QString *error, Mode mode, const WithinTransaction &within = {});
    bool appendImpl(const QList<TicketEvent> &events, QString *error, Mode mode, int *added, bool ticketsAreNew);
    bool loadChainHead(QString *error);

    Database &m_db;
    std::unique_ptr<TicketTable> m_table;
    std::unique_ptr<SqliteStatement> m_insert; // INSERT OR IGNORE of one event, straight through SQLite
    QByteArray m_head; // hash of the latest event, read at the start of each write
    QStringList m_pendingChanged;
};

} // namespace hotline
