#pragma once

#include "auth/Actor.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <vector>

namespace hotline {

class Database;

/** What the call-taker has typed so far. */
struct DuplicateQuery
{
    QString category;
    QString town;
    QString address;
    QString summary;
    QString excludeId; ///< the ticket just registered from this form: never its own duplicate
};

/** One open ticket that may be the same incident, with how alike it is. */
struct DuplicateSuggestion
{
    QString ticketId;
    QString number;
    QString summary;
    QString address;
    QString department; ///< where it is now, empty in the dispatch queue
    qint64 registeredMs = 0;
    double score = 0;   ///< 0..1, the better of address and summary likeness
};

/**
 * Suggests open tickets of the same incident while a call is registered (PRODUCT §2, "same incident, many
 * callers"): same category and town, registered within merge.window_days, not closed, not themselves following
 * another, not yet replied (a replied ticket has had its one answer), and with a similar place or summary.
 * Likeness is the Dice coefficient of character bigrams of the text with spaces, punctuation and width folded
 * away, because Chinese has no word breaks and callers word the same place differently (南海大道 / 南海大道口).
 * The candidates come through the partial index tickets_incident; scoring is a merge of sorted integer bigrams,
 * cheap enough to run on every (debounced) keystroke.
 */
class DuplicateFinder final
{
    Q_DECLARE_TR_FUNCTIONS(DuplicateFinder)

public:
    static constexpr double kThreshold = 0.3;
    /** At most this many of the newest candidates of one category and town are compared (bounds a lookup). */
    static constexpr int kMaxCandidates = 2000;

    explicit DuplicateFinder(Database &db);

    /** Best first (score, then newest); at most limit; empty without category and town or for a liaison. */
    QList<DuplicateSuggestion> suggest(const Actor &actor, const DuplicateQuery &query, qint64 nowMs, int limit = 5) const;

    /** 0..1 Dice likeness of two texts' character bigrams after normalising. */
    static double similarity(const QString &a, const QString &b);
    /** The text's sorted, distinct bigrams (two UTF-16 units each packed in 32 bits) after normalising. */
    static std::vector<quint32> bigrams(const QString &text);
    static double dice(const std::vector<quint32> &a, const std::vector<quint32> &b);

private:
    Database &m_db;
};

} // namespace hotline
