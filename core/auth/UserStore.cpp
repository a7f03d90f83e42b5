#include "auth/UserStore.h"

#include "auth/PasswordHasher.h"
#include "storage/Database.h"
#include "util/Clock.h"

#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace hotline {
namespace {

User userFrom(const QSqlQuery &q)
{
    User u;
    u.name = q.value(0).toString();
    u.displayName = q.value(1).toString();
    u.role = roleFromCode(q.value(2).toString()).value_or(Role::CallTaker);
    u.department = q.value(3).toString();
    u.disabled = q.value(4).toInt() != 0;
    return u;
}

} // namespace

UserStore::UserStore(Database &db, const Clock &clock) : m_db(db), m_clock(clock) {}

bool UserStore::hasUsers() const
{
    QSqlQuery q(m_db.sql());
    return q.exec(u"SELECT 1 FROM users LIMIT 1"_s) && q.next();
}

QList<User> UserStore::users() const
{
    QList<User> out;
    QSqlQuery q(m_db.sql());
    if (q.exec(u"SELECT name, display_name, role, department, disabled FROM users ORDER BY role, name"_s)) {
        while (q.next())
            out << userFrom(q);
    }
    return out;
}

std::optional<User> UserStore::user(const QString &name) const
{
    QSqlQuery q(m_db.sql());
    q.prepare(u"SELECT name, display_name, role, department, disabled FROM users WHERE name = ?"_s);
    q.addBindValue(name);
    if (q.exec() && q.next())
        return userFrom(q);
    return std::nullopt;
}

bool UserStore::create(const std::optional<User> &by, const User &u, const QString &password, QString *error)
{
    if (!hasUsers()) {
        if (u.role != Role::Administrator) {
            *error = tr("The first user must be an administrator.");
            return false;
        }
    } else if (!by || by->role != Role::Administrator) {
        *error = tr("Only an administrator may create users.");
        return false;
    }
    static const QRegularExpression namePattern(u"^[A-Za-z0-9._-]{2,32}$"_s);
    if (!namePattern.match(u.name).hasMatch()) {
        *error = tr("A sign-in name is 2 to 32 letters, digits, dots, dashes or underscores.");
        return false;
    }
    if (u.displayName.trimmed().isEmpty()) {
        *error = tr("Enter the person's name.");
        return false;
    }
    if (password.size() < kMinPasswordLength) {
        *error = tr("The password must have at least %1 characters.").arg(kMinPasswordLength);
        return false;
    }
    if (u.role == Role::System) {
        *error = tr("Choose a role.");
        return false;
    }
    if (u.role == Role::Liaison && u.department.isEmpty()) {
        *error = tr("A department liaison needs a department.");
        return false;
    }
    if (user(u.name)) {
        *error = tr("The sign-in name %1 is taken.").arg(u.name);
        return false;
    }
    QSqlQuery q(m_db.sql());
    q.prepare(u"INSERT INTO users(name, display_name, role, department, password_hash, created_ms) VALUES(?,?,?,?,?,?)"_s);
    q.addBindValue(u.name);
    q.addBindValue(u.displayName.trimmed());
    q.addBindValue(toCode(u.role));
    q.addBindValue(u.role == Role::Liaison ? QVariant(u.department) : QVariant(QMetaType::fromType<QString>()));
    q.addBindValue(PasswordHasher::hash(password));
    q.addBindValue(m_clock.nowMs());
    if (!q.exec()) {
        *error = q.lastError().text();
        return false;
    }
    return true;
}

std::optional<User> UserStore::signIn(const QString &name, const QString &password, QString *error) const
{
    QSqlQuery q(m_db.sql());
    q.prepare(u"SELECT name, display_name, role, department, disabled, password_hash FROM users WHERE name = ?"_s);
    q.addBindValue(name.trimmed());
    const bool found = q.exec() && q.next();
    // Hash even for an unknown name, so the time taken does not tell whether the account exists.
    const QString stored = found ? q.value(5).toString() : PasswordHasher::hash(QString(), PasswordHasher::kIterations);
    const bool matches = PasswordHasher::verify(password, stored) && found;
    if (!matches || q.value(4).toInt() != 0) {
        *error = tr("Wrong sign-in name or password.");
        return std::nullopt;
    }
    return userFrom(q);
}

Actor UserStore::actorFor(const User &user, const QString &consoleCode)
{
    return Actor{user.name, user.role, user.department, consoleCode};
}

} // namespace hotline
