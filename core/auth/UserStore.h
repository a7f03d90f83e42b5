#pragma once

#include "auth/Actor.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <optional>

namespace hotline {

class Clock;
class Database;

/** A person who signs in to the console. */
struct User
{
    QString name;        ///< sign-in name
    QString displayName;
    Role role = Role::CallTaker;
    QString department;  ///< the liaison's department code
    bool disabled = false;
};

/**
 * The console's users: creating them (only an administrator may, except the very first, who must be one),
 * signing in against slow salted hashes, and listing them. Passwords never leave this class.
 */
class UserStore final
{
    Q_DECLARE_TR_FUNCTIONS(UserStore)

public:
    UserStore(Database &db, const Clock &clock);

    static constexpr int kMinPasswordLength = 8;

    bool hasUsers() const;
    QList<User> users() const;
    std::optional<User> user(const QString &name) const;

    /**
     * Creates a user. by must be an administrator, or empty when no user exists yet (then the new user must be
     * an administrator). Returns false with a translated reason.
     */
    bool create(const std::optional<User> &by, const User &user, const QString &password, QString *error);
    /** The user when name and password match an enabled account; otherwise nullopt and a reason that does not
     *  say which of the two was wrong. */
    std::optional<User> signIn(const QString &name, const QString &password, QString *error) const;
    /** The actor a signed-in user acts as on this console. */
    static Actor actorFor(const User &user, const QString &consoleCode);

private:
    Database &m_db;
    const Clock &m_clock;
};

} // namespace hotline
