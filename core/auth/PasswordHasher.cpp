#include "auth/PasswordHasher.h"

#include <QCryptographicHash>
#include <QPasswordDigestor>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace hotline {
namespace {

constexpr int kKeyLength = 32;

QByteArray derive(const QString &password, const QByteArray &salt, int iterations)
{
    return QPasswordDigestor::deriveKeyPbkdf2(QCryptographicHash::Sha256, password.toUtf8(), salt, iterations, kKeyLength);
}

} // namespace

QString PasswordHasher::hash(const QString &password, int iterations)
{
    QByteArray salt(16, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(salt.data()), salt.size() / 4);
    return u"pbkdf2-sha256$%1$%2$%3"_s.arg(iterations)
        .arg(QString::fromLatin1(salt.toHex()), QString::fromLatin1(derive(password, salt, iterations).toHex()));
}

bool PasswordHasher::verify(const QString &password, const QString &stored)
{
    const QStringList parts = stored.split(u'$');
    if (parts.size() != 4 || parts.at(0) != u"pbkdf2-sha256"_s)
        return false;
    bool ok = false;
    const int iterations = parts.at(1).toInt(&ok);
    if (!ok || iterations < 1)
        return false;
    const QByteArray salt = QByteArray::fromHex(parts.at(2).toLatin1());
    const QByteArray expected = QByteArray::fromHex(parts.at(3).toLatin1());
    const QByteArray actual = derive(password, salt, iterations);
    if (expected.size() != actual.size() || expected.isEmpty())
        return false;
    unsigned char diff = 0; // constant time: no early exit on the first differing byte
    for (qsizetype i = 0; i < actual.size(); ++i)
        diff |= static_cast<unsigned char>(actual.at(i) ^ expected.at(i));
    return diff == 0;
}

int PasswordHasher::iterationsOf(const QString &stored)
{
    const QStringList parts = stored.split(u'$');
    if (parts.size() != 4 || parts.at(0) != u"pbkdf2-sha256"_s)
        return 0;
    bool ok = false;
    const int iterations = parts.at(1).toInt(&ok);
    return ok && iterations > 0 ? iterations : 0;
}

QString PasswordHasher::hashWith(const QString &password, int iterations, const QString &saltHex)
{
    static const QRegularExpression hex(u"^([0-9a-f]{2})+$"_s);
    if (iterations < 1 || !hex.match(saltHex).hasMatch())
        return {};
    const QByteArray salt = QByteArray::fromHex(saltHex.toLatin1());
    return u"pbkdf2-sha256$%1$%2$%3"_s.arg(iterations).arg(saltHex, QString::fromLatin1(derive(password, salt, iterations).toHex()));
}

QString PasswordHasher::keyOf(const QString &stored)
{
    const QStringList parts = stored.split(u'$');
    if (parts.size() != 4 || parts.at(0) != u"pbkdf2-sha256"_s || iterationsOf(stored) == 0)
        return {};
    return parts.at(3);
}

} // namespace hotline
