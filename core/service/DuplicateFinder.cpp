#include "service/DuplicateFinder.h"

#include "auth/Permissions.h"
#include "storage/Settings.h"
#include "storage/SqliteStatement.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace hotline {

DuplicateFinder::DuplicateFinder(Database &db) : m_db(db) {}

std::vector<quint32> DuplicateFinder::bigrams(const QString &text)
{
    // Full-width forms folded to their ASCII (ＮＯ．１２ is NO.12), case folded, and only letters and digits kept:
    // "南海大道 12 号" and "南海大道１２号" are the same place. Done by hand per UTF-16 unit rather than with a
    // Unicode normalisation, which cost most of a lookup over thousands of candidates; characters outside the
    // Basic Multilingual Plane (surrogate pairs) are dropped, as rare in addresses and summaries.
    std::vector<quint32> out;
    out.reserve(std::size_t(text.size()));
    char16_t previous = 0;
    bool first = true;
    char16_t only = 0;
    for (const QChar ch : text) {
        char16_t u = ch.unicode();
        if (u >= 0xFF01 && u <= 0xFF5E)
            u = char16_t(u - 0xFEE0);
        if (u < 0x80) {
            if (u >= 'A' && u <= 'Z')
                u = char16_t(u + ('a' - 'A'));
            else if (!((u >= 'a' && u <= 'z') || (u >= '0' && u <= '9')))
                continue;
        } else {
            const QChar c(u);
            if (!c.isLetterOrNumber())
                continue;
            u = c.toCaseFolded().unicode();
        }
        if (first) {
            only = u;
            first = false;
        } else {
            out.push_back((quint32(previous) << 16) | u);
        }
        previous = u;
    }
    if (out.empty() && !first)
        out.push_back(only); // a single character is its own "bigram"
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

double DuplicateFinder::dice(const std::vector<quint32> &a, const std::vector<quint32> &b)
{
    if (a.empty() || b.empty())
        return 0.0;
    std::size_t shared = 0;
    auto i = a.begin();
    auto j = b.begin();
    while (i != a.end() && j != b.end()) {
        if (*i < *j)
            ++i;
        else if (*j < *i)
            ++j;
        else {
            ++shared;
            ++i;
            ++j;
        }
    }
    return 2.0 * double(shared) / double(a.size() + b.size());
}

double DuplicateFinder::similarity(const QString &a, const QString &b)
{
    return dice(bigrams(a), bigrams(b));
}

QList<DuplicateSuggestion> DuplicateFinder::suggest(const Actor &actor, const DuplicateQuery &query, qint64 nowMs,
                                                    int limit) const
{
    // Suggestions show other callers' matters: only for those who see every ticket (call-takers, dispatchers…).
    if (!Permissions::allows(actor, Action::ViewAllTickets))
        return {};
    const QString category = query.category.trimmed();
    const QString town = query.town.trimmed();
    const auto address = bigrams(query.address);
    const auto summary = bigrams(query.summary);
    if (category.isEmpty() || town.isEmpty() || (address.empty() && summary.empty()) || limit <= 0)
        return {};
    std::vector<quint32> both = address;
    both.insert(both.end(), summary.begin(), summary.end());
    std::sort(both.begin(), both.end());
    both.erase(std::unique(both.begin(), both.end()), both.end());

    const qint64 windowMs = Settings(m_db).value(u"merge.window_days"_s).toLongLong() * 24 * 3600 * 1000;
    SqliteStatement q(m_db, "SELECT id, number, summary, address, department, registered_ms "
                            "FROM tickets INDEXED BY tickets_incident "
                            "WHERE category = ? AND town = ? AND registered_ms >= ? "
                            "AND closed_ms IS NULL AND parent_id IS NULL AND replied_ms IS NULL "
                            "ORDER BY registered_ms DESC LIMIT ?");
    if (!q.isValid())
        return {};
    q.bind(1, category);
    q.bind(2, town);
    q.bind(3, nowMs - windowMs);
    q.bind(4, qint64(kMaxCandidates)); // the newest first: a storm of calls about one street stays fast
    QList<DuplicateSuggestion> out;
    while (q.next()) {
        const QString id = q.text(0);
        if (id == query.excludeId)
            continue;
        const QString theirSummary = q.text(2);
        const QString theirAddress = q.text(3);
        const auto s = bigrams(theirSummary);
        const auto a = bigrams(theirAddress);
        // The better of: place against place, summary against summary, and everything against everything (one
        // caller names the street in the summary, the other in the address field).
        double score = dice(summary, s);
        if (!address.empty() && !a.empty())
            score = std::max(score, dice(address, a));
        std::vector<quint32> theirs = a;
        theirs.insert(theirs.end(), s.begin(), s.end());
        std::sort(theirs.begin(), theirs.end());
        theirs.erase(std::unique(theirs.begin(), theirs.end()), theirs.end());
        score = std::max(score, dice(both, theirs));
        if (score < kThreshold)
            continue;
        out << DuplicateSuggestion{id, q.text(1), theirSummary, theirAddress, q.text(4), q.int64(5), score};
    }
    std::sort(out.begin(), out.end(), [](const DuplicateSuggestion &x, const DuplicateSuggestion &y) {
        if (x.score != y.score)
            return x.score > y.score;
        return x.registeredMs != y.registeredMs ? x.registeredMs > y.registeredMs : x.number < y.number;
    });
    if (out.size() > limit)
        out.resize(limit);
    return out;
}

} // namespace hotline
