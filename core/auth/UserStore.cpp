#include "auth/UserStore.h"

#include "auth/PasswordHasher.h"
#include "auth/Permissions.h"
#include "auth/SecretOutbox.h"
#include "storage/AdminAudit.h"
#include "storage/Database.h"
#include "util/Clock.h"

#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace hotline {
namespace {

const QString kColumns = u"name, display_name, role, department, disabled, must_change_password"_s;

User userFrom(const QSqlQuery &q)
{
    User u;
    u.name = q.value(0).toString();
    u.displayName = q.value(1).toString();
    u.role = roleFromCode(q.value(2).toString()).value_or(Role::CallTaker);
    u.department = q.value(3).toString();
    u.disabled = q.value(4).toInt() != 0;
    u.mustChangePassword = q.value(5).toInt() != 0;
    return u;
}

/** A role whose rights are limited to its own department (the liaison) cannot work without one. */
bool needsDepartment(Role role)
{
    const QList<Action> actions = Permissions::allActions();
    return std::any_of(actions.cbegin(), actions.cend(),
                       [role](Action a) { return Permissions::grant(role, a) == Grant::OwnDepartment; });
}

bool canManageUsers(const User &u)
{
    return !u.disabled && Permissions::allows(u.role, Action::ManageUsers);
}

} // namespace

UserStore::UserStore(Database &db, const Clock &clock) : m_db(db), m_clock(clock), m_lockout(db, clock) {}

bool UserStore::hasUsers() const
{
    QSqlQuery q(m_db.sql());
    return q.exec(u"SELECT 1 FROM users LIMIT 1"_s) && q.next();
}

QList<User> UserStore::users() const
{
    QList<User> out;
    QSqlQuery q(m_db.sql());
    if (q.exec(u"SELECT "_s + kColumns + u" FROM users ORDER BY role, name"_s)) {
        while (q.next())
            out << userFrom(q);
    }
    return out;
}

std::optional<User> UserStore::user(const QString &name) const
{
    QSqlQuery q(m_db.sql());
    q.prepare(u"SELECT "_s + kColumns + u" FROM users WHERE name = ?"_s);
    q.addBindValue(name);
    if (q.exec() && q.next())
        return userFrom(q);
    return std::nullopt;
}

std::optional<User> UserStore::existing(const QString &name, QString *error) const
{
    auto u = user(name);
    if (!u)
        *error = tr("There is no user %1.").arg(name);
    return u;
}

bool UserStore::create(const std::optional<User> &by, const User &u, const QString &password, QString *error)
{
    if (!hasUsers()) {
        if (!Permissions::allows(u.role, Action::ManageUsers) || u.role == Role::System) {
            *error = tr("The first user must be an administrator.");
            return false;
        }
    } else if (!by) {
        *error = tr("Only an administrator may create users.");
        return false;
    } else if (!Permissions::check(actorFor(*by, QString()), Action::ManageUsers, error)) {
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
    if (const QString weak = PasswordPolicy::check(password, u.name); !weak.isEmpty()) {
        *error = weak;
        return false;
    }
    if (u.role == Role::System) {
        *error = tr("Choose a role.");
        return false;
    }
    if (needsDepartment(u.role) && u.department.isEmpty()) {
        *error = tr("A department liaison needs a department.");
        return false;
    }
    if (user(u.name)) {
        *error = tr("The sign-in name %1 is taken.").arg(u.name);
        return false;
    }
    // On a console that joined a server the new user's hash goes there too, proved by the administrator's key.
    const std::optional<QString> byKey = by ? proofOf(by->name, error) : std::optional<QString>(QString());
    if (!byKey)
        return false;
    const QString hash = PasswordHasher::hash(password); // slow on purpose: not while holding the write lock
    // The first administrator (no one signed in yet) is the system's setup, recorded once the users are on record.
    const Actor actor = by ? actorFor(*by, QString()) : Actor{u"system"_s, Role::System, QString(), QString()};
    return audited(actor, u"create"_s, !by, error, [&](QString *why) {
        QSqlQuery q(m_db.sql());
        q.prepare(u"INSERT INTO users(name, display_name, role, department, password_hash, created_ms) VALUES(?,?,?,?,?,?)"_s);
        q.addBindValue(u.name);
        q.addBindValue(u.displayName.trimmed());
        q.addBindValue(toCode(u.role));
        q.addBindValue(needsDepartment(u.role) ? QVariant(u.department) : QVariant(QMetaType::fromType<QString>()));
        q.addBindValue(hash);
        q.addBindValue(m_clock.nowMs());
        if (!q.exec()) {
            *why = q.lastError().text();
            return false;
        }
        return !SecretOutbox::isJoined(m_db)
            || SecretOutbox::queue(m_db, u.name, hash, by ? by->name : QString(), *byKey, m_clock.nowMs(), why);
    });
}

bool UserStore::audited(const Actor &by, const QString &action, bool seeding, QString *error,
                        const std::function<bool(QString *)> &write)
{
    // The change and its administrative event (AdminAudit, docs/TAMPER-EVIDENCE.md) commit together or not at all.
    WriteTransaction tx(m_db);
    if (!tx.isActive()) {
        *error = tx.error();
        return false;
    }
    AdminAudit audit(m_db, {AdminEntity::User});
    if (!write(error)
        || !audit.record(by, error, action, seeding ? AdminAudit::Origin::Seeding : AdminAudit::Origin::Person))
        return false;
    if (!tx.commit()) {
        *error = tx.error();
        return false;
    }
    return true;
}

void UserStore::setRemoteCredentials(std::unique_ptr<RemoteCredentials> remote)
{
    m_remote = std::move(remote);
}

std::optional<QString> UserStore::checkPassword(const QString &name, const QString &password, QString *error)
{
    // While locked nothing is verified, so the refusal cannot tell whether the password was right.
    if (m_lockout.isLocked(name)) {
        *error = m_lockout.lockedMessage(name);
        return std::nullopt;
    }
    QSqlQuery q(m_db.sql());
    q.prepare(u"SELECT disabled, password_hash FROM users WHERE name = ?"_s);
    q.addBindValue(name);
    const bool found = q.exec() && q.next();
    const bool disabled = found && q.value(0).toInt() != 0;
    QString stored = found ? q.value(1).toString() : QString();
    q.finish();
    // Hash even for an unknown name (or one without a hash here), so the time taken does not tell which it is.
    const QString compared = stored.isEmpty() ? PasswordHasher::hash(QString(), PasswordHasher::kIterations) : stored;
    bool matches = PasswordHasher::verify(password, compared) && found && !stored.isEmpty();
    RemoteAnswer answer = RemoteAnswer::Unreachable;
    if (!matches && m_remote) {
        // No hash here yet (a first sign-in at this console), or it changed elsewhere: the server decides.
        if (const std::optional<QString> remote = checkRemotely(name, password, found, &answer)) {
            stored = *remote;
            matches = true;
        } else if (answer == RemoteAnswer::Accepted) {
            *error = tr("Your account has not reached this console yet: sign in again after the next sync with the "
                        "server.");
            return std::nullopt;
        }
    }
    if (!matches) {
        // Unknown names are counted too: a lockout must not reveal which accounts exist.
        if (m_lockout.recordFailure(name))
            *error = m_lockout.lockedMessage(name);
        else if (answer == RemoteAnswer::Locked)
            *error = tr("Too many failed sign-ins with this name at the server. Try again later, or ask an "
                        "administrator.");
        else if (m_remote && answer == RemoteAnswer::Unreachable)
            *error = tr("Wrong sign-in name or password, or a first sign-in at this console while the server "
                        "cannot be reached (each person's first sign-in at a console needs it).");
        else
            *error = tr("Wrong sign-in name or password.");
        return std::nullopt;
    }
    if (disabled) {
        *error = tr("This account is disabled. Ask an administrator.");
        return std::nullopt;
    }
    return stored;
}

std::optional<QString> UserStore::checkRemotely(const QString &name, const QString &password, bool known,
                                                RemoteAnswer *answer)
{
    QString why;
    const std::optional<SignInParameters> params = m_remote->parameters(name, &why);
    if (!params) {
        *answer = RemoteAnswer::Unreachable;
        qWarning("sign-in: the server cannot be asked: %s", qPrintable(why));
        return std::nullopt;
    }
    // Only the derived key travels; the server never hands out its hash, and the one made here is the same.
    const QString hash = PasswordHasher::hashWith(password, params->iterations, params->saltHex);
    if (hash.isEmpty()) {
        *answer = RemoteAnswer::Unreachable;
        qWarning("sign-in: the server's parameters are not usable");
        return std::nullopt;
    }
    qint64 version = 0;
    *answer = m_remote->check(name, PasswordHasher::keyOf(hash), &version, &why);
    if (*answer == RemoteAnswer::Unreachable)
        qWarning("sign-in: the server did not answer: %s", qPrintable(why));
    if (*answer != RemoteAnswer::Accepted || !known)
        return std::nullopt;
    // Kept here, so that this person's next sign-in at this console works without the server.
    WriteTransaction tx(m_db);
    QSqlQuery q(m_db.sql());
    q.prepare(u"UPDATE users SET password_hash = ? WHERE name = ?"_s);
    q.addBindValue(hash);
    q.addBindValue(name);
    if (!tx.isActive() || !q.exec() || !SecretOutbox::setVersion(m_db, name, version, &why) || !tx.commit())
        qWarning("sign-in: cannot keep the hash the server accepted: %s", qPrintable(why + q.lastError().text()));
    return hash;
}

std::optional<QString> UserStore::proofOf(const QString &byName, QString *error)
{
    if (!SecretOutbox::isJoined(m_db))
        return QString();
    const QString key = SecretOutbox::localKey(m_db, byName);
    if (key.isEmpty()) {
        *error = tr("This console shares its users with a server, which accepts a password set here only from an "
                    "administrator signed in at a console (or from the user): do it there.");
        return std::nullopt;
    }
    return key;
}

std::optional<User> UserStore::signIn(const QString &rawName, const QString &password, QString *error)
{
    const QString name = rawName.trimmed();
    const auto stored = checkPassword(name, password, error);
    if (!stored)
        return std::nullopt;
    m_lockout.clear(name);
    if (PasswordHasher::iterationsOf(*stored) < PasswordHasher::kIterations) {
        // An old, cheaper hash: the password is at hand only now, so strengthen it now (keeping the reset flag).
        // On a console that joined a server the stronger hash goes there too, proved by the old one.
        QString why;
        const QString stronger = PasswordHasher::hash(password);
        WriteTransaction tx(m_db);
        QSqlQuery q(m_db.sql());
        q.prepare(u"UPDATE users SET password_hash = ? WHERE name = ?"_s);
        q.addBindValue(stronger);
        q.addBindValue(name);
        if (!tx.isActive() || !q.exec()
            || (SecretOutbox::isJoined(m_db)
                && !SecretOutbox::queue(m_db, name, stronger, name, PasswordHasher::keyOf(*stored), m_clock.nowMs(),
                                        &why))
            || !tx.commit())
            qWarning("cannot strengthen a password hash: %s", qPrintable(why + q.lastError().text()));
    }
    return user(name);
}

bool UserStore::setPasswordHash(const QString &name, const QString &hash, bool mustChange, const QString &byName,
                                const QString &byKey, QString *error)
{
    QSqlQuery q(m_db.sql());
    q.prepare(u"UPDATE users SET password_hash = ?, must_change_password = ? WHERE name = ?"_s);
    q.addBindValue(hash);
    q.addBindValue(mustChange ? 1 : 0);
    q.addBindValue(name);
    if (!q.exec()) {
        *error = q.lastError().text();
        return false;
    }
    return !SecretOutbox::isJoined(m_db) || SecretOutbox::queue(m_db, name, hash, byName, byKey, m_clock.nowMs(), error);
}

bool UserStore::changePassword(const QString &rawName, const QString &oldPassword, const QString &newPassword,
                               QString *error)
{
    const QString name = rawName.trimmed();
    const std::optional<QString> stored = checkPassword(name, oldPassword, error);
    if (!stored)
        return false;
    m_lockout.clear(name);
    if (newPassword == oldPassword) {
        *error = tr("Choose a password different from the current one.");
        return false;
    }
    if (const QString weak = PasswordPolicy::check(newPassword, name); !weak.isEmpty()) {
        *error = weak;
        return false;
    }
    const QString hash = PasswordHasher::hash(newPassword);
    // The server takes it on the proof of the old password's key.
    return audited(Actor{name, Role::System, QString(), QString()}, u"password_change"_s, false, error,
                   [&](QString *why) { return setPasswordHash(name, hash, false, name, PasswordHasher::keyOf(*stored), why); });
}

bool UserStore::isLastManager(const User &u) const
{
    if (!canManageUsers(u))
        return false;
    const QList<User> all = users();
    return std::none_of(all.cbegin(), all.cend(), [&u](const User &o) { return o.name != u.name && canManageUsers(o); });
}

bool UserStore::setDisabled(const Actor &by, const QString &name, bool disabled, QString *error)
{
    if (!Permissions::check(by, Action::ManageUsers, error))
        return false;
    const auto u = existing(name, error);
    if (!u)
        return false;
    if (disabled && u->name == by.user) {
        *error = tr("You cannot disable your own account.");
        return false;
    }
    if (disabled && isLastManager(*u)) {
        *error = tr("%1 is the last enabled administrator and cannot be disabled.").arg(name);
        return false;
    }
    return audited(by, disabled ? u"disable"_s : u"enable"_s, false, error, [&](QString *why) {
        QSqlQuery q(m_db.sql());
        q.prepare(u"UPDATE users SET disabled = ? WHERE name = ?"_s);
        q.addBindValue(disabled ? 1 : 0);
        q.addBindValue(name);
        if (!q.exec()) {
            *why = q.lastError().text();
            return false;
        }
        return true;
    });
}

bool UserStore::resetPassword(const Actor &by, const QString &name, const QString &newPassword, QString *error)
{
    if (!Permissions::check(by, Action::ManageUsers, error) || !existing(name, error))
        return false;
    if (const QString weak = PasswordPolicy::check(newPassword, name); !weak.isEmpty()) {
        *error = weak;
        return false;
    }
    const std::optional<QString> byKey = proofOf(by.user, error);
    if (!byKey)
        return false;
    const QString hash = PasswordHasher::hash(newPassword);
    // The administrator knows this password, so the user must replace it before working.
    return audited(by, u"password_reset"_s, false, error, [&](QString *why) {
        return setPasswordHash(name, hash, true, by.user, *byKey, why) && m_lockout.clear(name, why);
    });
}

bool UserStore::changeRole(const Actor &by, const QString &name, Role role, const QString &department, QString *error)
{
    if (!Permissions::check(by, Action::ManageUsers, error))
        return false;
    const auto u = existing(name, error);
    if (!u)
        return false;
    if (role == Role::System) {
        *error = tr("Choose a role.");
        return false;
    }
    if (needsDepartment(role) && department.isEmpty()) {
        *error = tr("A department liaison needs a department.");
        return false;
    }
    if (!Permissions::allows(role, Action::ManageUsers) && isLastManager(*u)) {
        *error = tr("%1 is the last enabled administrator and must stay one.").arg(name);
        return false;
    }
    return audited(by, u"role_change"_s, false, error, [&](QString *why) {
        QSqlQuery q(m_db.sql());
        q.prepare(u"UPDATE users SET role = ?, department = ? WHERE name = ?"_s);
        q.addBindValue(toCode(role));
        q.addBindValue(needsDepartment(role) ? QVariant(department) : QVariant(QMetaType::fromType<QString>()));
        q.addBindValue(name);
        if (!q.exec()) {
            *why = q.lastError().text();
            return false;
        }
        return true;
    });
}

bool UserStore::unlock(const Actor &by, const QString &name, QString *error)
{
    return Permissions::check(by, Action::ManageUsers, error) && m_lockout.clear(name.trimmed(), error);
}

Actor UserStore::actorFor(const User &user, const QString &consoleCode)
{
    return Actor{user.name, user.role, user.department, consoleCode};
}

} // namespace hotline
