#pragma once

#include <QByteArray>
#include <QString>

namespace hotline {

/**
 * Slow salted password hashes: PBKDF2-HMAC-SHA256 with a random 16-byte salt, stored as
 * "pbkdf2-sha256$ITERATIONS$SALT_HEX$KEY_HEX" so the iteration count can grow without breaking old hashes.
 */
class PasswordHasher final
{
public:
    static constexpr int kIterations = 120000;

    static QString hash(const QString &password, int iterations = kIterations);
    /** Compares in constant time; false for a malformed stored hash. */
    static bool verify(const QString &password, const QString &stored);
    /** The iteration count a stored hash was made with; 0 when malformed. Below kIterations: rehash on sign-in. */
    static int iterationsOf(const QString &stored);

    /** The stored form of password with a given salt and count (a server's, to check a sign-in there); empty
     *  when saltHex is not hex or iterations is below 1. */
    static QString hashWith(const QString &password, int iterations, const QString &saltHex);
    /** The derived key (hex) of a stored hash, what a server compares; empty when malformed. */
    static QString keyOf(const QString &stored);
};

} // namespace hotline
