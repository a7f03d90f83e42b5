#include "intake/IntakeTokens.h"

#include "auth/Permissions.h"
#include "storage/AdminAudit.h"
#include "storage/Database.h"
#include "util/Clock.h"

#include <QCryptographicHash>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace hotline {

QList<Channel> IntakeTokens::channels()
{
    return {Channel::Web, Channel::WeChat, Channel::Weibo, Channel::Petition, Channel::Interview};
}

QString IntakeTokens::checkName(const QString &name)
{
    static const QRegularExpression valid(u"^[A-Za-z0-9._-]{1,64}$"_s);
    if (!valid.match(name).hasMatch())
        return tr("A token's name is 1 to 64 letters A–Z, digits, dots, underscores or hyphens (e.g. wechat-main).");
    return {};
}

QByteArray IntakeTokens::hashOf(const QByteArray &token)
{
    return QCryptographicHash::hash(token, QCryptographicHash::Sha256).toHex();
}

QString IntakeTokens::add(const Actor &by, const QString &name, Channel channel, QString *error)
{
    if (!Permissions::check(by, Action::ManageIntake, error))
        return {};
    if (const QString why = checkName(name); !why.isEmpty()) {
        *error = why;
        return {};
    }
    if (!channels().contains(channel)) {
        *error = tr("An intake token is for web, wechat, weibo, petition or interview, not %1.").arg(toCode(channel));
        return {};
    }
    // 256 bits from the system's generator, base64url without padding: safe in a header, a URL and a shell.
    QByteArray raw(32, Qt::Uninitialized);
    QRandomGenerator::system()->generate(reinterpret_cast<quint32 *>(raw.data()),
                                         reinterpret_cast<quint32 *>(raw.data() + raw.size()));
    const QByteArray token = raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);

    WriteTransaction tx(m_db);
    if (!tx.isActive()) {
        *error = tx.error();
        return {};
    }
    AdminAudit audit(m_db, {AdminEntity::IntakeToken});
    QSqlQuery q(m_db.sql());
    q.prepare(u"SELECT 1 FROM intake_tokens WHERE name = ?"_s);
    q.addBindValue(name);
    if (q.exec() && q.next()) {
        *error = tr("There is already a token named %1 (revoked tokens keep their name).").arg(name);
        return {};
    }
    q.prepare(u"INSERT INTO intake_tokens (name, channel, token_hash, created_ms, created_by) VALUES (?, ?, ?, ?, ?)"_s);
    q.addBindValue(name);
    q.addBindValue(toCode(channel));
    q.addBindValue(QString::fromLatin1(hashOf(token)));
    q.addBindValue(m_db.clock().nowMs());
    q.addBindValue(AdminAudit::actorName(by));
    if (!q.exec()) {
        *error = Database::describeError(q.lastError(), m_db.path());
        return {};
    }
    if (!audit.record(by, error) || !tx.commit()) {
        if (error->isEmpty())
            *error = tx.error();
        return {};
    }
    return QString::fromLatin1(token);
}

bool IntakeTokens::revoke(const Actor &by, const QString &name, QString *error)
{
    if (!Permissions::check(by, Action::ManageIntake, error))
        return false;
    WriteTransaction tx(m_db);
    if (!tx.isActive()) {
        *error = tx.error();
        return false;
    }
    AdminAudit audit(m_db, {AdminEntity::IntakeToken});
    QSqlQuery q(m_db.sql());
    q.prepare(u"SELECT revoked_ms IS NOT NULL FROM intake_tokens WHERE name = ?"_s);
    q.addBindValue(name);
    if (!q.exec() || !q.next()) {
        *error = tr("There is no token named %1.").arg(name);
        return false;
    }
    if (q.value(0).toBool()) {
        *error = tr("The token %1 is already revoked.").arg(name);
        return false;
    }
    q.prepare(u"UPDATE intake_tokens SET revoked_ms = ? WHERE name = ?"_s);
    q.addBindValue(m_db.clock().nowMs());
    q.addBindValue(name);
    if (!q.exec()) {
        *error = Database::describeError(q.lastError(), m_db.path());
        return false;
    }
    if (!audit.record(by, error, u"revoke"_s) || !tx.commit()) {
        if (error->isEmpty())
            *error = tx.error();
        return false;
    }
    return true;
}

QList<IntakeToken> IntakeTokens::all(QString *error) const
{
    QList<IntakeToken> out;
    QSqlQuery q(m_db.sql());
    if (!q.exec(u"SELECT name, channel, created_ms, created_by, revoked_ms FROM intake_tokens ORDER BY name"_s)) {
        if (error)
            *error = Database::describeError(q.lastError(), m_db.path());
        return out;
    }
    while (q.next()) {
        IntakeToken t;
        t.name = q.value(0).toString();
        t.channel = channelFromCode(q.value(1).toString()).value_or(Channel::Web);
        t.createdMs = q.value(2).toLongLong();
        t.createdBy = q.value(3).toString();
        if (!q.value(4).isNull())
            t.revokedMs = q.value(4).toLongLong();
        out << t;
    }
    return out;
}

std::optional<IntakeToken> IntakeTokens::authenticate(const QByteArray &token) const
{
    if (token.isEmpty() || token.size() > 512)
        return std::nullopt;
    // By hash: the lookup compares digests, never the secret itself, so its timing says nothing about the token.
    QSqlQuery q(m_db.sql());
    q.prepare(u"SELECT name, channel, created_ms, created_by FROM intake_tokens WHERE token_hash = ? AND revoked_ms IS NULL"_s);
    q.addBindValue(QString::fromLatin1(hashOf(token)));
    if (!q.exec() || !q.next())
        return std::nullopt;
    IntakeToken t;
    t.name = q.value(0).toString();
    t.channel = channelFromCode(q.value(1).toString()).value_or(Channel::Web);
    t.createdMs = q.value(2).toLongLong();
    t.createdBy = q.value(3).toString();
    return t;
}

} // namespace hotline
