#include "intake/RateLimiter.h"

#include <algorithm>
#include <cmath>

namespace hotline {

std::optional<int> RateLimiter::take(const QString &key, qint64 nowMs, int perMinute)
{
    const double capacity = std::max(1, perMinute);
    const double perMs = capacity / 60000.0;
    // Full buckets carry nothing worth keeping: drop them now and then so client addresses do not pile up.
    if (m_buckets.size() > 10000) {
        for (auto it = m_buckets.begin(); it != m_buckets.end();) {
            if (it->tokens + double(nowMs - it->atMs) * perMs >= capacity)
                it = m_buckets.erase(it);
            else
                ++it;
        }
    }
    auto it = m_buckets.find(key);
    if (it == m_buckets.end())
        it = m_buckets.insert(key, Bucket{capacity, nowMs});
    Bucket &b = it.value();
    // A clock set back refills nothing (and takes nothing away).
    b.tokens = std::min(capacity, b.tokens + double(std::max<qint64>(0, nowMs - b.atMs)) * perMs);
    b.atMs = std::max(b.atMs, nowMs);
    // A hair of tolerance: refills are sums of small fractions, and a whole token must not read as 0.999….
    constexpr double kEpsilon = 1e-9;
    if (b.tokens >= 1.0 - kEpsilon) {
        b.tokens = std::max(0.0, b.tokens - 1.0);
        return std::nullopt;
    }
    const double waitMs = (1.0 - b.tokens) * 60000.0 / capacity;
    return std::max(1, int(std::ceil(waitMs / 1000.0 - 1e-6)));
}

} // namespace hotline
