#pragma once

#include <QString>

#include <optional>

namespace hotline {

/** How a server derives a name's key: the parameters of its stored hash (made up, but stable, for a name it does
 *  not know, so that names cannot be probed). */
struct SignInParameters
{
    int iterations = 0;
    QString saltHex;
};

/** The server's answer to a derived key. */
enum class RemoteAnswer {
    Accepted,    ///< the key is the name's
    Refused,     ///< it is not (or the name is unknown): counted toward the server's lockout
    Locked,      ///< too many failures for this name on the server; nothing was compared
    Unreachable, ///< no answer (offline, or the server failed)
};

/**
 * Sign-in against the shared server's users (docs/DEPLOYMENT.md), for UserStore. The server never hands out a
 * password hash: the console derives the key with the server's parameters and sends only that. Implemented in
 * core/sync (ServerCredentials); core/auth knows only this interface.
 */
class RemoteCredentials
{
public:
    virtual ~RemoteCredentials() = default;
    /** The parameters for name; nullopt (and error) when the server cannot be asked. */
    virtual std::optional<SignInParameters> parameters(const QString &name, QString *error) = 0;
    /** Checks keyHex for name; version is the server's version of the hash when accepted. */
    virtual RemoteAnswer check(const QString &name, const QString &keyHex, qint64 *version, QString *error) = 0;
};

} // namespace hotline
