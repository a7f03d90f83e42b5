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
};

} // namespace hotline
