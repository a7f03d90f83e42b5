#pragma once

#include "auth/Actor.h"
#include "auth/Lockout.h"
#include "auth/PasswordPolicy.h"
#include "auth/RemoteCredentials.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <functional>
#include <memory>
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
    bool mustChangePassword = false; ///< set by an administrator's reset: choose a new one before working
};

/**
 * The console's users: creating and administering them (only someone the permission table lets manage users,
 * except the very first, who must be an administrator), signing in against slow salted hashes with a lockout
 * after repeated failures, and changing passwords under the PasswordPolicy. Passwords never leave this class.
 */
class UserStore final
{
    Q_DECLARE_TR_FUNCTIONS(UserStore)

public:
    UserStore(Database &db, const Clock &clock);

    static constexpr int kMinPasswordLength = PasswordPolicy::kMinLength;

    bool hasUsers() const;
    QList<User> users() const;
    std::optional<User> user(const QString &name) const;

    /**
     * Creates a user. by must be allowed to manage users, or empty when no user exists yet (then the new user
     * must be an administrator). Returns false with a translated reason.
     */
    bool create(const std::optional<User> &by, const User &user, const QString &password, QString *error);
    /**
     * The user when name and password match an enabled account that is not locked; otherwise nullopt and a
     * reason that does not say which of the two was wrong. Failures count toward the lockout, a success resets
     * the count, and a hash made with fewer iterations than today's is replaced. The caller must make a user
     * with mustChangePassword choose a new password (changePassword) before letting them work.
     */
    std::optional<User> signIn(const QString &name, const QString &password, QString *error);
    /** A user changes their own password: the old one is checked like a sign-in (and counts toward the lockout). */
    bool changePassword(const QString &name, const QString &oldPassword, const QString &newPassword, QString *error);

    // Administration: each checks Permissions (Action::ManageUsers) for by, and refuses with a translated reason.
    bool setDisabled(const Actor &by, const QString &name, bool disabled, QString *error);
    /** Sets a new password that the user must change at the next sign-in; also unlocks the account. */
    bool resetPassword(const Actor &by, const QString &name, const QString &newPassword, QString *error);
    bool changeRole(const Actor &by, const QString &name, Role role, const QString &department, QString *error);
    bool unlock(const Actor &by, const QString &name, QString *error);

    /**
     * Sign-in against the shared server (docs/DEPLOYMENT.md): asked when this console holds no hash for the name
     * or the local check fails; an accepted password's hash is kept here, so the next sign-in works offline. The
     * console and hotlinectl install it when the database joined a server; without one, sign-in is local only.
     */
    void setRemoteCredentials(std::unique_ptr<RemoteCredentials> remote);
    RemoteCredentials *remoteCredentials() const { return m_remote.get(); }

    /** The account's failed sign-ins on this console. */
    LockState lockState(const QString &name) const { return m_lockout.state(name); }
    bool isLocked(const QString &name) const { return m_lockout.isLocked(name); }
    Lockout &lockout() { return m_lockout; }

    /** The actor a signed-in user acts as on this console. */
    static Actor actorFor(const User &user, const QString &consoleCode);

private:
    /** Runs write in a write transaction together with the administrative event of what it changed. */
    bool audited(const Actor &by, const QString &action, bool seeding, QString *error,
                 const std::function<bool(QString *)> &write);
    /** The stored hash of a matching, enabled account; nullopt after counting the failure and setting error. */
    std::optional<QString> checkPassword(const QString &name, const QString &password, QString *error);
    /** The hash the server accepted for password (kept here with its version); nullopt with answer otherwise. */
    std::optional<QString> checkRemotely(const QString &name, const QString &password, bool known,
                                         RemoteAnswer *answer);
    /** Stores a new hash; on a console that joined a server, also queues it, proved by byName's key held here. */
    bool setPasswordHash(const QString &name, const QString &hash, bool mustChange, const QString &byName,
                         const QString &byKey, QString *error);
    /** The key proving byName's changes to the server ("" when not joined); nullopt with error when there is none. */
    std::optional<QString> proofOf(const QString &byName, QString *error);
    /** Whether taking this user's ability to manage users away would leave no enabled account with it. */
    bool isLastManager(const User &user) const;
    std::optional<User> existing(const QString &name, QString *error) const;

    Database &m_db;
    const Clock &m_clock;
    Lockout m_lockout;
    std::unique_ptr<RemoteCredentials> m_remote;
};

} // namespace hotline
