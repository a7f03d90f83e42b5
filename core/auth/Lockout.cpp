#include "auth/Lockout.h"

#include "storage/Database.h"
#include "storage/Settings.h"
#include "util/Clock.h"

#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace hotline {

Lockout::Lockout(Database &db, const Clock &clock) : m_db(db), m_clock(clock) {}

qint64 Lockout::nowMs() const
{
    return m_clock.nowMs();
}

// A malformed or out-of-range setting falls back to the default rather than switching protection off.
int Lockout::setting(const QString &key, int fallback, int min, int max) const
{
    bool ok = false;
    const int v = Settings(m_db).value(key).trimmed().toInt(&ok);
    return ok && v >= min && v <= max ? v : fallback;
}

int Lockout::maxAttempts() const
{
    return setting(u"security.lockout_attempts"_s, kDefaultAttempts, 1, 100);
}

int Lockout::lockMinutes() const
{
    return setting(u"security.lockout_minutes"_s, kDefaultMinutes, 1, 24 * 60);
}

LockState Lockout::state(const QString &name) const
{
    LockState s;
    QSqlQuery q(m_db.sql());
    q.prepare(u"SELECT failures, locked_until_ms FROM user_lockouts WHERE name = ?"_s);
    q.addBindValue(name);
    if (q.exec() && q.next()) {
        s.failures = q.value(0).toInt();
        s.lockedUntilMs = q.value(1).toLongLong();
    }
    // A lock that ran out starts the count again.
    if (s.lockedUntilMs != 0 && !s.locked(nowMs()))
        s = LockState{};
    return s;
}

bool Lockout::recordFailure(const QString &name)
{
    LockState s = state(name);
    ++s.failures;
    const bool locks = s.failures >= maxAttempts();
    if (locks)
        s.lockedUntilMs = nowMs() + qint64(lockMinutes()) * 60000;
    QSqlQuery q(m_db.sql());
    q.prepare(u"INSERT INTO user_lockouts(name, failures, locked_until_ms, last_failure_ms) VALUES(?,?,?,?) "
              "ON CONFLICT(name) DO UPDATE SET failures = excluded.failures, locked_until_ms = excluded.locked_until_ms, "
              "last_failure_ms = excluded.last_failure_ms"_s);
    q.addBindValue(name);
    q.addBindValue(s.failures);
    q.addBindValue(s.lockedUntilMs);
    q.addBindValue(nowMs());
    if (!q.exec())
        qWarning("cannot record a failed sign-in: %s", qPrintable(q.lastError().text()));
    return locks;
}

bool Lockout::clear(const QString &name, QString *error)
{
    QSqlQuery q(m_db.sql());
    q.prepare(u"DELETE FROM user_lockouts WHERE name = ?"_s);
    q.addBindValue(name);
    if (!q.exec()) {
        if (error)
            *error = q.lastError().text();
        return false;
    }
    return true;
}

QString Lockout::lockedMessage(const QString &name) const
{
    const qint64 remainingMs = state(name).lockedUntilMs - nowMs();
    const int minutes = int(std::max<qint64>(1, (remainingMs + 59999) / 60000));
    return tr("Too many failed sign-ins: this account is locked for %n more minute(s). An administrator can unlock it.",
              nullptr, minutes);
}

} // namespace hotline
