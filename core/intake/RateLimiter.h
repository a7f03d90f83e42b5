#pragma once

#include <QHash>
#include <QString>

#include <optional>

namespace hotline {

/**
 * Token buckets by key (an intake token's name, a client address): each holds up to perMinute requests and
 * refills at perMinute a minute, so a steady client is never refused and a flood is cut to the rate. Times come
 * from the caller (the injected clock), so tests need no sleeping.
 */
class RateLimiter final
{
public:
    /** Takes one request from key's bucket; nullopt when allowed, else the seconds until one is available. */
    std::optional<int> take(const QString &key, qint64 nowMs, int perMinute);

private:
    struct Bucket
    {
        double tokens = 0;
        qint64 atMs = 0;
    };
    QHash<QString, Bucket> m_buckets;
};

} // namespace hotline
