#include "auth/SecretOutbox.h"

#include "auth/PasswordHasher.h"
#include "storage/Database.h"

#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace hotline {

bool SecretOutbox::isJoined(const Database &db)
{
    return !db.meta(joinedKey()).isEmpty();
}

bool SecretOutbox::queue(Database &db, const QString &name, const QString &hash, const QString &byName,
                         const QString &byKey, qint64 nowMs, QString *error)
{
    QSqlQuery q(db.sql());
    q.prepare(u"INSERT INTO user_secret_outbox(name, hash, by_name, by_key, queued_ms) VALUES(?,?,?,?,?)"_s);
    q.addBindValue(name);
    q.addBindValue(hash);
    q.addBindValue(byName);
    q.addBindValue(byKey);
    q.addBindValue(nowMs);
    if (!q.exec()) {
        *error = q.lastError().text();
        return false;
    }
    return true;
}

QString SecretOutbox::localKey(Database &db, const QString &name)
{
    QSqlQuery q(db.sql());
    q.prepare(u"SELECT password_hash FROM users WHERE name = ?"_s);
    q.addBindValue(name);
    return q.exec() && q.next() ? PasswordHasher::keyOf(q.value(0).toString()) : QString();
}

qint64 SecretOutbox::version(Database &db, const QString &name)
{
    QSqlQuery q(db.sql());
    q.prepare(u"SELECT version FROM user_secret_versions WHERE name = ?"_s);
    q.addBindValue(name);
    return q.exec() && q.next() ? q.value(0).toLongLong() : 0;
}

bool SecretOutbox::setVersion(Database &db, const QString &name, qint64 version, QString *error)
{
    QSqlQuery q(db.sql());
    q.prepare(u"INSERT INTO user_secret_versions(name, version) VALUES(?, ?) "
              "ON CONFLICT(name) DO UPDATE SET version = excluded.version"_s);
    q.addBindValue(name);
    q.addBindValue(version);
    if (!q.exec()) {
        *error = q.lastError().text();
        return false;
    }
    return true;
}

} // namespace hotline
