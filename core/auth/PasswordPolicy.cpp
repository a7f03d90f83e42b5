#include "auth/PasswordPolicy.h"

#include <QSet>

using namespace Qt::StringLiterals;

namespace hotline {
namespace {

// The first guesses of any attacker that pass the other rules (compared ignoring case).
const QSet<QString> &commonPasswords()
{
    static const QSet<QString> list{
        u"password123"_s, u"passw0rd"_s,   u"p4ssw0rd"_s,  u"abc12345"_s,   u"abcd1234"_s,  u"a1b2c3d4"_s,
        u"1q2w3e4r"_s,    u"1qaz2wsx"_s,   u"qwerty123"_s, u"qwerty12"_s,   u"qwer1234"_s,  u"asdf1234"_s,
        u"zxcv1234"_s,    u"admin123"_s,   u"admin1234"_s, u"welcome1"_s,   u"welcome123"_s, u"letmein1"_s,
        u"iloveyou1"_s,   u"aa123456"_s,   u"a12345678"_s, u"12345678a"_s,  u"123456789a"_s, u"1234qwer"_s,
        u"hotline1"_s,    u"hotline123"_s, u"changeme1"_s, u"test1234"_s,   u"user1234"_s,  u"woaini1314"_s,
    };
    return list;
}

} // namespace

QString PasswordPolicy::check(const QString &password, const QString &signInName)
{
    if (password.size() < kMinLength)
        return tr("The password must have at least %1 characters.").arg(kMinLength);
    bool letter = false;
    bool digit = false;
    for (const QChar c : password) {
        letter = letter || c.isLetter();
        digit = digit || c.isDigit();
    }
    if (!letter || !digit)
        return tr("The password must contain both letters and digits.");
    // Two-letter names would forbid too many passwords; from three letters on the name is a real giveaway.
    const QString name = signInName.trimmed();
    if (name.size() >= 3 && password.contains(name, Qt::CaseInsensitive))
        return tr("The password must not contain the sign-in name.");
    if (commonPasswords().contains(password.toLower()))
        return tr("This password is too common; choose another.");
    return {};
}

QString PasswordPolicy::rules()
{
    return tr("At least %1 characters with letters and digits, not containing the sign-in name.").arg(kMinLength);
}

} // namespace hotline
