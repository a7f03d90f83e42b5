#pragma once

#include "domain/Ticket.h"

#include <QString>

#include <memory>

namespace hotline {

class Database;
class SqliteStatement;
struct ProjectionFinding;

/**
 * Keeps `ticket_search` (FTS5, trigram) in step with the tickets' text: summary, details, address and the latest
 * reply. TicketTable::save calls update() for every ticket it writes; only a ticket whose text changed (its
 * registration, a reply, a refold) is indexed again, so the other events cost one lookup by rowid.
 *
 * A ticket's document lives at rowid registered_ms * 2^20 + slot, the slot a hash of its id probed linearly
 * within that millisecond: stable while the tickets row is replaced on every save, found without a second index,
 * and ordered by registration so "newest first" is the index's own order. Documents are only removed all at once
 * (clear()), which keeps the probing sound.
 */
class TicketSearchIndex final
{
public:
    explicit TicketSearchIndex(Database &db);
    ~TicketSearchIndex();

    /** Indexes the ticket's text if it is new or changed. */
    bool update(const Ticket &ticket);
    /** Empties the index (a rebuild fills it again). */
    bool clear();
    QString lastError() const { return m_lastError; }

    /** The indexed text: the fields separated by line breaks. */
    static QString body(const Ticket &ticket);
    /** The smallest and largest rowid a ticket registered at this instant may have. */
    static qint64 firstDocId(qint64 registeredMs);
    static qint64 lastDocId(qint64 registeredMs);

    /**
     * verify's check of the index (a ProjectionCheck): one document per ticket the events give, by count. The documents' text is
     * not folded again: the index is derived from the tickets rows verify has just compared, and `rebuild`
     * renews it whole.
     */
    static bool verifyCount(Database &db, ProjectionFinding &finding, QString *error);

private:
    Database &m_db;
    std::unique_ptr<SqliteStatement> m_find;
    std::unique_ptr<SqliteStatement> m_insert;
    std::unique_ptr<SqliteStatement> m_update;
    QString m_lastError;
};

} // namespace hotline
