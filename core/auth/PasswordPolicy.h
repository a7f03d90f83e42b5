#pragma once

#include <QCoreApplication>
#include <QString>

namespace hotline {

/**
 * What a password must be (docs/ACCOUNTS.md): at least 8 characters, letters and digits, not containing the
 * sign-in name, not one of the passwords every attacker tries first. Applied on create, reset and change.
 */
class PasswordPolicy final
{
    Q_DECLARE_TR_FUNCTIONS(PasswordPolicy)

public:
    static constexpr int kMinLength = 8;

    /** Empty when the password is acceptable for this sign-in name, otherwise a translated reason. */
    static QString check(const QString &password, const QString &signInName);
    /** The rules in one translated sentence, for forms. */
    static QString rules();
};

} // namespace hotline
