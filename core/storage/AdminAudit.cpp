#include "storage/AdminAudit.h"

#include "domain/Enums.h"
#include "domain/TicketEvent.h"
#include "storage/Database.h"
#include "storage/EventStore.h"
#include "storage/Settings.h"
#include "util/Clock.h"

#include <QJsonArray>
#include <QSqlError>
#include <QSqlQuery>

#include <array>

using namespace Qt::StringLiterals;

namespace hotline {
namespace {

constexpr std::array<std::pair<AdminEntity, const char16_t *>, 7> kEntities{{
    {AdminEntity::Setting, u"setting"},
    {AdminEntity::CalendarDay, u"calendar_day"},
    {AdminEntity::Department, u"department"},
    {AdminEntity::Category, u"category"},
    {AdminEntity::Town, u"town"},
    {AdminEntity::User, u"user"},
    {AdminEntity::IntakeToken, u"intake_token"},
}};

// Field names of the stored columns; the password hash is read only to notice that it changed.
constexpr auto kPasswordHash = "password_hash"_L1;

QJsonValue text(const QSqlQuery &q, int i)
{
    return q.value(i).isNull() ? QJsonValue(u""_s) : QJsonValue(q.value(i).toString());
}

QString selectOf(AdminEntity entity)
{
    switch (entity) {
    case AdminEntity::Setting: return u"SELECT key, value FROM settings"_s;
    case AdminEntity::CalendarDay: return u"SELECT date, is_off_day, name FROM calendar_days"_s;
    case AdminEntity::Department: return u"SELECT code, name, duty_phones, head_phone FROM departments"_s;
    case AdminEntity::Category: return u"SELECT name, code, active, department_code, sla_class FROM categories"_s;
    case AdminEntity::Town: return u"SELECT name, code, active FROM towns"_s;
    case AdminEntity::User:
        return u"SELECT name, display_name, role, department, password_hash, disabled, must_change_password FROM users"_s;
    case AdminEntity::IntakeToken: // never the token's hash: the log shows who may file requests, not how
        return u"SELECT name, channel, created_by, revoked_ms IS NOT NULL FROM intake_tokens"_s;
    }
    return {};
}

QJsonValue rowOf(AdminEntity entity, const QSqlQuery &q)
{
    switch (entity) {
    case AdminEntity::Setting: return text(q, 1);
    case AdminEntity::CalendarDay:
        return QJsonObject{{u"off_day"_s, q.value(1).toInt() != 0}, {u"name"_s, text(q, 2)}};
    case AdminEntity::Department:
        return QJsonObject{{u"name"_s, text(q, 1)}, {u"duty_phones"_s, text(q, 2)}, {u"head_phone"_s, text(q, 3)}};
    case AdminEntity::Category:
        return QJsonObject{{u"code"_s, text(q, 1)},
                           {u"active"_s, q.value(2).toInt() != 0},
                           {u"department"_s, text(q, 3)},
                           {u"sla_class"_s, text(q, 4)}};
    case AdminEntity::Town: return QJsonObject{{u"code"_s, text(q, 1)}, {u"active"_s, q.value(2).toInt() != 0}};
    case AdminEntity::User:
        return QJsonObject{{u"display_name"_s, text(q, 1)},
                           {u"role"_s, text(q, 2)},
                           {u"department"_s, text(q, 3)},
                           {QString(kPasswordHash), text(q, 4)},
                           {u"disabled"_s, q.value(5).toInt() != 0},
                           {u"must_change_password"_s, q.value(6).toInt() != 0}};
    case AdminEntity::IntakeToken:
        return QJsonObject{{u"channel"_s, text(q, 1)}, {u"created_by"_s, text(q, 2)}, {u"revoked"_s, q.value(3).toInt() != 0}};
    }
    return {};
}

QJsonObject rowsObject(AdminEntity entity, const AdminRows &rows)
{
    QJsonObject o;
    for (auto it = rows.cbegin(); it != rows.cend(); ++it)
        o.insert(it.key(), AdminAudit::shown(entity, it.key(), it.value()));
    return o;
}

} // namespace

QString AdminAudit::entityCode(AdminEntity entity)
{
    for (const auto &[value, code] : kEntities) {
        if (value == entity)
            return QString::fromUtf16(code);
    }
    return {};
}

std::optional<AdminEntity> AdminAudit::entityFromCode(QStringView code)
{
    for (const auto &[value, name] : kEntities) {
        if (code == QStringView(name))
            return value;
    }
    return std::nullopt;
}

QList<AdminEntity> AdminAudit::allEntities()
{
    QList<AdminEntity> out;
    for (const auto &[value, code] : kEntities)
        out << value;
    return out;
}

AdminRows AdminAudit::snapshot(Database &db, AdminEntity entity, QString *error)
{
    AdminRows rows;
    QSqlQuery q(db.sql());
    q.setForwardOnly(true);
    if (!q.exec(selectOf(entity))) {
        if (error)
            *error = Database::describeError(q.lastError(), db.path());
        return rows;
    }
    while (q.next())
        rows.insert(q.value(0).toString(), rowOf(entity, q));
    return rows;
}

QJsonValue AdminAudit::shown(AdminEntity entity, const QString &key, const QJsonValue &value)
{
    if (entity == AdminEntity::Setting && Settings::isSecret(key))
        return value.toString().isEmpty() ? QJsonValue(u""_s) : QJsonValue(u"(set)"_s);
    if (entity == AdminEntity::User && value.isObject()) {
        QJsonObject o = value.toObject();
        o.remove(kPasswordHash);
        return o;
    }
    return value;
}

QJsonValue AdminAudit::comparable(AdminEntity entity, const QString &key, const QJsonValue &shownValue)
{
    // A secret is on the record only as set or empty; a password only as "(changed)" at the change.
    if (entity == AdminEntity::Setting && Settings::isSecret(key))
        return QJsonValue(!shownValue.toString().isEmpty());
    if (entity == AdminEntity::User && shownValue.isObject()) {
        QJsonObject o = shownValue.toObject();
        o.remove(u"password"_s);
        return o;
    }
    return shownValue;
}

QString AdminAudit::actorName(const Actor &by)
{
    // hotlinectl acts as the system on this machine: name the operating-system account that ran it.
    if (by.role == Role::System && by.user == u"hotlinectl"_s) {
        for (const char *name : {"USER", "USERNAME", "LOGNAME"}) {
            const QString os = qEnvironmentVariable(name);
            if (!os.isEmpty())
                return u"hotlinectl (%1)"_s.arg(os);
        }
    }
    return by.user.isEmpty() ? u"system"_s : by.user;
}

AdminAudit::AdminAudit(Database &db, QList<AdminEntity> entities) : m_db(db)
{
    for (AdminEntity e : entities)
        m_before.append({e, snapshot(db, e)});
}

bool AdminAudit::hasBaseline(AdminEntity entity, bool *has, QString *error)
{
    QSqlQuery q(m_db.sql());
    // The admin stream is small and walked by the ticket index; the JSON is read only for its events.
    q.prepare(u"SELECT 1 FROM events WHERE ticket_id = ? AND type = ? AND json_extract(payload, '$.entity') = ? "
              "AND json_extract(payload, '$.key') = ? LIMIT 1"_s);
    q.addBindValue(QString(kAdminStream));
    q.addBindValue(toCode(EventType::AdminChanged));
    q.addBindValue(entityCode(entity));
    q.addBindValue(baselineKey());
    if (!q.exec()) {
        *error = Database::describeError(q.lastError(), m_db.path());
        return false;
    }
    *has = q.next();
    return true;
}

bool AdminAudit::appendEvent(const QString &actor, const QString &console, const QJsonObject &payload, QString *error)
{
    QSqlQuery head(m_db.sql());
    if (!head.exec(u"SELECT hash FROM events ORDER BY seq DESC LIMIT 1"_s)) {
        *error = Database::describeError(head.lastError(), m_db.path());
        return false;
    }
    const QByteArray previous = head.next() ? head.value(0).toString().toLatin1() : QByteArray();
    head.finish();
    const TicketEvent e = TicketEvent::make(QString(kAdminStream), EventType::AdminChanged, m_db.clock().nowMs(),
                                            actor, console, payload);
    const QByteArray json = e.payloadJson();
    QSqlQuery q(m_db.sql());
    q.prepare(u"INSERT INTO events(id, ticket_id, type, at_ms, actor, console, payload, hash) VALUES(?,?,?,?,?,?,?,?)"_s);
    q.addBindValue(e.id);
    q.addBindValue(e.ticketId);
    q.addBindValue(toCode(e.type));
    q.addBindValue(e.atMs);
    q.addBindValue(e.actor);
    q.addBindValue(e.console);
    q.addBindValue(QString::fromUtf8(json));
    q.addBindValue(QString::fromLatin1(EventStore::chainHash(previous, e, json)));
    if (!q.exec()) {
        *error = Database::describeError(q.lastError(), m_db.path());
        return false;
    }
    ++m_recorded;
    return true;
}

bool AdminAudit::recordMarker(const Actor &by, const QString &entity, const QString &action, const QJsonValue &value,
                              QString *error)
{
    const QString console = by.console.isEmpty() ? m_db.meta(u"console.code"_s, u"01"_s) : by.console;
    const QJsonObject payload{{u"entity"_s, entity},
                              {u"key"_s, action},
                              {u"old"_s, QJsonValue::Null},
                              {u"new"_s, value},
                              {u"action"_s, action}};
    return appendEvent(actorName(by), console, payload, error);
}

bool AdminAudit::record(const Actor &by, QString *error, const QString &action, Origin origin)
{
    const QString console = by.console.isEmpty() ? m_db.meta(u"console.code"_s, u"01"_s) : by.console;
    const QString actor = actorName(by);
    for (const auto &[entity, before] : std::as_const(m_before)) {
        QString why;
        const AdminRows after = snapshot(m_db, entity, &why);
        if (!why.isEmpty()) {
            *error = why;
            return false;
        }
        if (after == before)
            continue;
        bool baselined = false;
        if (!hasBaseline(entity, &baselined, error))
            return false;
        if (!baselined) {
            if (origin == Origin::Seeding)
                continue; // the table is not on the record yet: its first recorded change takes it as it stands
            const QJsonObject baseline{{u"entity"_s, entityCode(entity)},
                                       {u"key"_s, baselineKey()},
                                       {u"old"_s, QJsonValue::Null},
                                       {u"new"_s, rowsObject(entity, before)},
                                       {u"action"_s, u"baseline"_s}};
            if (!appendEvent(u"system"_s, console, baseline, error))
                return false;
        }
        QStringList keys = before.keys() + after.keys();
        keys.removeDuplicates();
        std::sort(keys.begin(), keys.end());
        for (const QString &key : std::as_const(keys)) {
            const QJsonValue old = before.value(key, QJsonValue::Null);
            const QJsonValue now = after.value(key, QJsonValue::Null);
            if (old == now)
                continue;
            QJsonValue oldShown = old.isNull() ? old : shown(entity, key, old);
            QJsonValue newShown = now.isNull() ? now : shown(entity, key, now);
            if (entity == AdminEntity::Setting && Settings::isSecret(key) && !now.toString().isEmpty())
                newShown = u"(changed)"_s; // never the secret itself
            if (entity == AdminEntity::User && old.isObject() && now.isObject()
                && old.toObject().value(kPasswordHash) != now.toObject().value(kPasswordHash)) {
                QJsonObject o = newShown.toObject();
                o.insert(u"password"_s, u"(changed)"_s); // never the hash
                newShown = o;
            }
            QJsonObject payload{{u"entity"_s, entityCode(entity)}, {u"key"_s, key}, {u"old"_s, oldShown},
                                {u"new"_s, newShown}};
            if (!action.isEmpty())
                payload.insert(u"action"_s, action);
            if (!appendEvent(actor, console, payload, error))
                return false;
        }
    }
    return true;
}

} // namespace hotline
