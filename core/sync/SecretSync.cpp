#include "sync/SecretSync.h"

#include "auth/SecretOutbox.h"
#include "storage/Database.h"
#include "sync/PgConnection.h"
#include "util/LogCategories.h"

#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace hotline {

namespace {

struct Queued
{
    qint64 id = 0;
    QString name;
    QString hash;
    QString byName;
    QString byKey;
};

} // namespace

SecretSync::SecretSync(PgConnection &pg, Database &db) : m_pg(pg), m_db(db) {}

bool SecretSync::atJoin(Database &db, bool seeding, qint64 nowMs, QString *error)
{
    if (!db.exec(u"DELETE FROM user_secret_outbox WHERE refused IS NULL"_s, error)
        || !db.exec(u"DELETE FROM user_secret_versions"_s, error) || !db.setMeta(versionKey(), u"0"_s))
        return false;
    if (!seeding)
        return true;
    QSqlQuery q(db.sql());
    q.prepare(u"INSERT INTO user_secret_outbox(name, hash, by_name, by_key, queued_ms) "
              "SELECT name, password_hash, '', '', ? FROM users WHERE password_hash <> '' ORDER BY name"_s);
    q.addBindValue(nowMs);
    if (!q.exec()) {
        *error = q.lastError().text();
        return false;
    }
    return true;
}

int SecretSync::serverHoldsHashes(PgConnection &pg, QString *error)
{
    const PgResult r = pg.exec("SELECT EXISTS (SELECT 1 FROM hotline_password_changes(0))");
    if (!r.ok() || r.rows() != 1) {
        *error = r.ok() ? tr("the server did not say whether it holds passwords") : r.error();
        return -1;
    }
    return r.text(0, 0) == QStringLiteral("t") ? 1 : 0;
}

bool SecretSync::networkFailure(const QString &why, QString *error)
{
    *error = why;
    if (!m_pg.isUp())
        m_pg.close(); // reconnect next time
    return false;
}

bool SecretSync::refuse(qint64 id, const QString &name, const QString &why, QStringList *refused, QString *error)
{
    qCWarning(lcSync).noquote() << "password change refused by the server:" << name << why;
    refused->append(name + u": "_s + why);
    WriteTransaction tx(m_db);
    QSqlQuery mark(m_db.sql());
    mark.prepare(u"UPDATE user_secret_outbox SET refused = ? WHERE id = ?"_s);
    mark.addBindValue(why.isEmpty() ? tr("refused") : why);
    mark.addBindValue(id);
    // The server's hash stays in force everywhere: the one made here would work on this console only.
    QSqlQuery forget(m_db.sql());
    forget.prepare(u"UPDATE users SET password_hash = '' WHERE name = ?"_s);
    forget.addBindValue(name);
    if (!tx.isActive() || !mark.exec() || !forget.exec() || !tx.commit()) {
        *error = tx.isActive() ? mark.lastError().text() + forget.lastError().text() : tx.error();
        return false;
    }
    return true;
}

bool SecretSync::push(QStringList *refused, QString *error)
{
    QList<Queued> rows;
    {
        QSqlQuery q(m_db.sql());
        if (!q.exec(u"SELECT id, name, hash, by_name, by_key FROM user_secret_outbox WHERE refused IS NULL ORDER BY id"_s)) {
            *error = q.lastError().text();
            return false;
        }
        while (q.next())
            rows.append({q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString(),
                         q.value(4).toString()});
    }
    if (rows.isEmpty())
        return true;

    // A seeding console's hashes go in one call: the server takes them only while it has none.
    QList<Queued> seeds;
    for (const Queued &row : std::as_const(rows)) {
        if (row.byName.isEmpty())
            seeds.append(row);
    }
    if (!seeds.isEmpty()) {
        QList<QByteArray> names, hashes;
        for (const Queued &row : std::as_const(seeds)) {
            names << row.name.toUtf8();
            hashes << row.hash.toLatin1();
        }
        const PgResult r = m_pg.exec("SELECT name, version FROM hotline_seed_passwords($1::text[], $2::text[])",
                                     {PgConnection::textArray(names), PgConnection::textArray(hashes)});
        if (!r.ok() && !m_pg.isUp())
            return networkFailure(r.error(), error);
        for (const Queued &row : std::as_const(seeds)) {
            if (!r.ok() ? !refuse(row.id, row.name, r.error(), refused, error)
                        : !m_db.exec(u"DELETE FROM user_secret_outbox WHERE id = "_s + QString::number(row.id), error))
                return false;
        }
        for (int i = 0; r.ok() && i < r.rows(); ++i) {
            if (!SecretOutbox::setVersion(m_db, r.text(i, 0), r.integer(i, 1), error))
                return false;
        }
    }

    QSet<QString> failedNames; // a later change of the same person was proved by the refused one's key
    for (const Queued &row : std::as_const(rows)) {
        if (row.byName.isEmpty())
            continue;
        if (failedNames.contains(row.byName) || failedNames.contains(row.name)) {
            failedNames.insert(row.name);
            if (!refuse(row.id, row.name, tr("an earlier password change it depends on was refused"), refused, error))
                return false;
            continue;
        }
        // The proof first: the check counts a wrong key toward the server's lockout, and leaves the proof the
        // setting function asks for.
        const PgResult check = m_pg.exec("SELECT accepted, locked FROM hotline_check_password($1, $2)",
                                         {row.byName.toUtf8(), row.byKey.toLatin1()});
        if (!check.ok() && !m_pg.isUp())
            return networkFailure(check.error(), error);
        QString why;
        if (!check.ok())
            why = check.error();
        else if (check.text(0, 1) == u"t"_s)
            why = tr("%1 is locked at the server after repeated failed sign-ins").arg(row.byName);
        else if (check.text(0, 0) != u"t"_s)
            why = tr("the server does not accept %1's password as this console knows it (changed at another console?); "
                     "sign in as %1 here and make the change again")
                      .arg(row.byName);
        if (why.isEmpty()) {
            const PgResult set = m_pg.exec("SELECT hotline_set_password($1, $2, $3, $4)",
                                           {row.name.toUtf8(), row.hash.toLatin1(), row.byName.toUtf8(),
                                            row.byKey.toLatin1()});
            if (!set.ok() && !m_pg.isUp())
                return networkFailure(set.error(), error);
            if (set.ok()) {
                WriteTransaction tx(m_db);
                if (!tx.isActive()
                    || !m_db.exec(u"DELETE FROM user_secret_outbox WHERE id = "_s + QString::number(row.id), error)
                    || !SecretOutbox::setVersion(m_db, row.name, set.integer(0, 0), error) || !tx.commit()) {
                    if (error->isEmpty())
                        *error = tx.error();
                    return false;
                }
                continue;
            }
            why = set.error();
        }
        failedNames.insert(row.name);
        if (!refuse(row.id, row.name, why, refused, error))
            return false;
    }
    return true;
}

bool SecretSync::pull(QString *error)
{
    const qint64 after = m_db.meta(versionKey(), u"0"_s).toLongLong();
    const PgResult r = m_pg.exec("SELECT name, version FROM hotline_password_changes($1)", {QByteArray::number(after)});
    if (!r.ok())
        return networkFailure(r.error(), error);
    if (r.rows() == 0)
        return true;
    WriteTransaction tx(m_db);
    if (!tx.isActive()) {
        *error = tx.error();
        return false;
    }
    qint64 newest = after;
    for (int i = 0; i < r.rows(); ++i) {
        const QString name = r.text(i, 0);
        const qint64 version = r.integer(i, 1);
        newest = std::max(newest, version);
        if (version <= SecretOutbox::version(m_db, name))
            continue; // this console holds that hash (it pushed it, or the server accepted a sign-in with it)
        // Changed elsewhere: the old password must stop working here too. A change queued here and not yet sent
        // keeps its hash (its push decides).
        QSqlQuery forget(m_db.sql());
        forget.prepare(u"UPDATE users SET password_hash = '' WHERE name = ? AND password_hash <> '' AND NOT EXISTS "
                       "(SELECT 1 FROM user_secret_outbox o WHERE o.name = users.name AND o.refused IS NULL)"_s);
        forget.addBindValue(name);
        if (!forget.exec()) {
            *error = forget.lastError().text();
            return false;
        }
        if (!SecretOutbox::setVersion(m_db, name, version, error))
            return false;
    }
    if (!m_db.setMeta(versionKey(), QString::number(newest)) || !tx.commit()) {
        *error = tr("cannot write to the local database");
        return false;
    }
    return true;
}

} // namespace hotline
