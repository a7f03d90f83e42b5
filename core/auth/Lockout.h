#pragma once

#include <QCoreApplication>
#include <QString>

namespace hotline {

class Clock;
class Database;

/** One account's failed sign-ins on this console. */
struct LockState
{
    int failures = 0;          ///< consecutive failures since the last success or unlock
    qint64 lockedUntilMs = 0;  ///< 0 when not locked
    bool locked(qint64 nowMs) const { return lockedUntilMs > nowMs; }
};

/**
 * Counts consecutive failed sign-ins per name in the local table user_lockouts and locks the name for
 * security.lockout_minutes after security.lockout_attempts of them. Local to this console, never synced
 * (docs/ACCOUNTS.md). Names that do not exist are counted too, so a lockout does not reveal which exist.
 */
class Lockout final
{
    Q_DECLARE_TR_FUNCTIONS(Lockout)

public:
    Lockout(Database &db, const Clock &clock);

    static constexpr int kDefaultAttempts = 5;
    static constexpr int kDefaultMinutes = 15;
    int maxAttempts() const;
    int lockMinutes() const;

    LockState state(const QString &name) const;
    bool isLocked(const QString &name) const { return state(name).locked(nowMs()); }
    /** Counts a failure; true when it locked the account. */
    bool recordFailure(const QString &name);
    /** A success or an administrator's unlock: the count starts again. */
    bool clear(const QString &name, QString *error = nullptr);
    /** The refusal while locked: the same whether or not the password was right. */
    QString lockedMessage(const QString &name) const;

private:
    qint64 nowMs() const;
    int setting(const QString &key, int fallback, int min, int max) const;

    Database &m_db;
    const Clock &m_clock;
};

} // namespace hotline
