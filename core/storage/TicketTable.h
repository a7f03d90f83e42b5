#pragma once

#include "domain/Ticket.h"
#include "domain/TicketEvent.h"

#include <QSqlQuery>

#include <memory>

namespace hotline {

class Database;
class SqliteStatement;
class TicketSearchIndex;

/**
 * Reads and writes the projection tables (tickets, dispatches, callbacks) with prepared statements that
 * are reused for the life of the object: bulk imports write millions of rows through it.
 */
class TicketTable final
{
public:
    /** Whether save() keeps the search index (ticket_search): not while `verify` folds into its TEMP copies. */
    enum class Search { Index, Skip };

    explicit TicketTable(Database &db, Search search = Search::Index);
    ~TicketTable();

    /** The projected ticket with its clocks (Ticket::clocks), or a Ticket whose exists() is false. */
    Ticket load(const QString &ticketId);
    /**
     * The one ticket with this number (now, else before a renumbering), or a Ticket whose exists() is false, also
     * when the number names two tickets: TicketLookup lists those.
     */
    Ticket loadByNumber(const QString &number);
    /** Writes the ticket's row and each of its clocks' `dispatches` rows. */
    bool save(const Ticket &ticket);
    /** Side tables fed by single events (surveys per period). */
    bool recordSideEffects(const Ticket &after, const TicketEvent &event);
    bool clearAll();
    QString lastError() const { return m_lastError; }

    /** The ticket row alone: no clocks (see load()). */
    static Ticket fromQuery(const QSqlQuery &q, int firstColumn = 0);
    /** The column list matching fromQuery(), for SELECTs elsewhere. */
    static QString columns();

private:
    bool run(QSqlQuery &q);
    bool run(SqliteStatement &s);
    bool clearSearch();
    void loadClocks(Ticket &t);

    Database &m_db;
    QSqlQuery m_load;
    QSqlQuery m_loadByNumber;
    QSqlQuery m_loadByFormerNumber;
    QSqlQuery m_loadClocks;
    // Writes go straight through SQLite: a million-ticket import makes millions of them.
    std::unique_ptr<SqliteStatement> m_save;
    std::unique_ptr<SqliteStatement> m_dispatch;
    std::unique_ptr<SqliteStatement> m_callback;
    std::unique_ptr<TicketSearchIndex> m_search; // null with Search::Skip
    std::unique_ptr<SqliteStatement> m_attachment;
    QString m_lastError;
};

} // namespace hotline
