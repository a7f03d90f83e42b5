#pragma once

#include <QDateTime>
#include <QTimeZone>
#include <QtGlobal>

#include <atomic>

namespace hotline {

/** Source of "now" for every component; nothing in the project reads the wall clock directly. */
class Clock
{
public:
    virtual ~Clock() = default;
    /** The current instant in milliseconds since the Unix epoch (UTC). */
    virtual qint64 nowMs() const = 0;
    qint64 nowSecs() const { return nowMs() / 1000; }
    QDateTime nowUtc() const { return QDateTime::fromMSecsSinceEpoch(nowMs(), QTimeZone::utc()); }
};

/** The real wall clock. */
class SystemClock final : public Clock
{
public:
    qint64 nowMs() const override { return QDateTime::currentMSecsSinceEpoch(); }
};

/** A clock that stands still until told otherwise: tests, and `hotlinectl --at`. Thread-safe. */
class ManualClock final : public Clock
{
public:
    explicit ManualClock(qint64 ms = 0) : m_ms(ms) {}
    qint64 nowMs() const override { return m_ms.load(); }
    void setMs(qint64 ms) { m_ms.store(ms); }
    void setUtc(const QDateTime &t) { m_ms.store(t.toMSecsSinceEpoch()); }
    void advanceSecs(qint64 s) { m_ms.fetch_add(s * 1000); }

private:
    std::atomic<qint64> m_ms;
};

} // namespace hotline
