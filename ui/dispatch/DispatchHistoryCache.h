#pragma once

#include "auth/Actor.h"
#include "domain/Ticket.h"
#include "domain/TicketEvent.h"
#include "service/TicketQueries.h"

#include <QHash>

#include <functional>
#include <utility>

namespace hotline {

/**
 * Something derived from a ticket's history (the return reason, the extension request, the reply), read once
 * per version of the ticket: a ticket's history only grows when its projection's lastSeq moves, so a refresh
 * of a 1,800-row queue reads the history of the tickets that changed, not of all of them. Entries of tickets
 * that left the list are dropped at the end of each refresh.
 */
template<typename T> class DispatchHistoryCache final
{
public:
    using Digest = std::function<T(const QList<TicketEvent> &history)>;

    explicit DispatchHistoryCache(Digest digest)
        : m_digest(std::move(digest))
    {
    }

    /** Starts a refresh: what is not asked for again before end() is forgotten. */
    void begin() { m_previous = std::exchange(m_entries, {}); }
    void end() { m_previous.clear(); }

    T get(TicketQueries &queries, const Actor &actor, const Ticket &t)
    {
        auto it = m_previous.constFind(t.id);
        if (it != m_previous.cend() && it->first == t.lastSeq) {
            m_entries.insert(t.id, *it);
            return it->second;
        }
        auto now = m_entries.constFind(t.id);
        if (now != m_entries.cend() && now->first == t.lastSeq)
            return now->second;
        T value = m_digest(queries.history(actor, t.id));
        m_entries.insert(t.id, {t.lastSeq, value});
        return value;
    }

private:
    Digest m_digest;
    QHash<QString, std::pair<qint64, T>> m_entries;
    QHash<QString, std::pair<qint64, T>> m_previous;
};

} // namespace hotline
