#include "storage/Settings.h"

#include "auth/Permissions.h"

#include "storage/Database.h"

#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QTime>
#include <QTimeZone>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace hotline {

const QList<SettingSpec> &Settings::specs()
{
    static const QList<SettingSpec> all{
        {u"centre.name"_s, u"南海区民声服务热线"_s, tr("Name of the service centre (report headers)")},
        {u"centre.timezone"_s, u"Asia/Shanghai"_s, tr("IANA time zone of the centre")},
        {u"work.periods"_s, u"08:30-12:00,14:00-17:30"_s, tr("Working periods of a working day, HH:MM-HH:MM separated by commas")},
        {u"sla.consult_days"_s, u"1"_s, tr("Working days to answer a consultation")},
        {u"sla.handling_days"_s, u"5"_s, tr("Working days to handle any other request")},
        {u"sla.yellow_hours"_s, u"3"_s, tr("Working hours before the deadline at which a ticket turns yellow")},
        {u"sync.interval_seconds"_s, u"5"_s, tr("Seconds between two syncs with the shared server")},
        {u"sms.url"_s, QString(), tr("URL of the SMS gateway (HTTP POST)")},
        {u"sms.token"_s, QString(), tr("Bearer token for the SMS gateway")},
        {u"sms.template"_s, u"【民声热线】工单{number}（{department}）距办理时限还剩{remaining}，请尽快答复。"_s,
         tr("Reminder text; placeholders {number} {department} {remaining} {deadline}")},
        {u"sms.urge_template"_s, u"【民声热线】督办：工单{number}（{department}）距办理时限还剩{remaining}，请立即办理并答复。"_s,
         tr("Urging (督办) text sent to the department head; same placeholders")},
        {u"sms.timeout_seconds"_s, u"10"_s, tr("Seconds to wait for the SMS gateway before an attempt counts as failed")},
        {u"security.lockout_attempts"_s, u"5"_s, tr("Consecutive failed sign-ins (1-100) after which an account is locked")},
        {u"security.lockout_minutes"_s, u"15"_s, tr("Minutes (1-1440) an account stays locked after too many failed sign-ins")},
        {u"security.idle_lock_minutes"_s, u"10"_s, tr("Minutes without input after which a console locks its screen (0 = never)")},
    };
    return all;
}

QStringList Settings::templatePlaceholders()
{
    return {u"number"_s, u"department"_s, u"remaining"_s, u"deadline"_s};
}

bool Settings::isKnown(const QString &key)
{
    for (const SettingSpec &s : specs()) {
        if (s.key == key)
            return true;
    }
    return false;
}

QString Settings::validate(const QString &key, const QString &value)
{
    if (!isKnown(key))
        return tr("Unknown setting \"%1\".").arg(key);
    if (key == u"centre.name"_s && value.trimmed().isEmpty())
        return tr("The centre's name cannot be empty.");
    if (key == u"centre.timezone"_s && !QTimeZone(value.toUtf8()).isValid())
        return tr("\"%1\" is not a known time zone (e.g. Asia/Shanghai).").arg(value);
    if (key == u"work.periods"_s) {
        static const QRegularExpression period(u"^(\\d\\d:\\d\\d)-(\\d\\d:\\d\\d)$"_s);
        QTime previousEnd(0, 0);
        const QStringList parts = value.split(u',', Qt::SkipEmptyParts);
        if (parts.isEmpty())
            return tr("Give at least one working period, e.g. 08:30-12:00,14:00-17:30.");
        for (const QString &part : parts) {
            const auto m = period.match(part.trimmed());
            const QTime from = m.hasMatch() ? QTime::fromString(m.captured(1), u"HH:mm"_s) : QTime();
            const QTime to = m.hasMatch() ? QTime::fromString(m.captured(2), u"HH:mm"_s) : QTime();
            if (!from.isValid() || !to.isValid() || from >= to || from < previousEnd)
                return tr("\"%1\" is not a valid list of ordered working periods (HH:MM-HH:MM,...).").arg(value);
            previousEnd = to;
        }
    }
    if (key == u"sla.consult_days"_s || key == u"sla.handling_days"_s) {
        bool ok = false;
        const int days = value.toInt(&ok);
        if (!ok || days < 1 || days > 60)
            return tr("%1 must be a whole number of working days from 1 to 60.").arg(key);
    }
    if (key == u"sla.yellow_hours"_s) {
        bool ok = false;
        const double hours = value.toDouble(&ok);
        if (!ok || hours <= 0 || hours > 48)
            return tr("sla.yellow_hours must be a number of hours above 0 and at most 48.");
    }
    if (key == u"sync.interval_seconds"_s) {
        bool ok = false;
        const int seconds = value.toInt(&ok);
        if (!ok || seconds < 1 || seconds > 3600)
            return tr("sync.interval_seconds must be a whole number of seconds from 1 to 3600.");
    }
    // Account protection: a value out of range is refused here rather than silently weakening the protection.
    const struct { const char16_t *key; int min; int max; } ranges[]{
        {u"security.lockout_attempts", 1, 100}, {u"security.lockout_minutes", 1, 1440}, {u"security.idle_lock_minutes", 0, 1440}};
    for (const auto &r : ranges) {
        if (key != QStringView(r.key))
            continue;
        bool ok = false;
        const int n = value.toInt(&ok);
        if (!ok || n < r.min || n > r.max)
            return tr("%1 must be a whole number from %2 to %3.").arg(key).arg(r.min).arg(r.max);
    }
    if (key == u"sms.url"_s && !value.isEmpty()) {
        const QUrl url(value, QUrl::StrictMode);
        if (!url.isValid() || (url.scheme() != u"http"_s && url.scheme() != u"https"_s) || url.host().isEmpty())
            return tr("\"%1\" is not an http(s) URL.").arg(value);
    }
    if (key == u"sms.timeout_seconds"_s) {
        bool ok = false;
        const int seconds = value.toInt(&ok);
        if (!ok || seconds < 1 || seconds > 120)
            return tr("sms.timeout_seconds must be a whole number of seconds from 1 to 120.");
    }
    if (key == u"sms.template"_s || key == u"sms.urge_template"_s) {
        static const QRegularExpression placeholder(u"\\{([^{}]*)\\}"_s);
        auto it = placeholder.globalMatch(value);
        while (it.hasNext()) {
            const QString name = it.next().captured(1);
            if (!templatePlaceholders().contains(name))
                return tr("Unknown placeholder {%1} in the template; use {number}, {department}, {remaining} or {deadline}.")
                    .arg(name);
        }
        if (!value.contains(u"{number}"_s))
            return tr("The template must name the ticket: include {number}.");
    }
    return {};
}

Settings::Settings(Database &db) : m_db(db) {}

QString Settings::value(const QString &key) const
{
    QSqlQuery q(m_db.sql());
    q.prepare(u"SELECT value FROM settings WHERE key = ?"_s);
    q.addBindValue(key);
    if (q.exec() && q.next())
        return q.value(0).toString();
    for (const SettingSpec &s : specs()) {
        if (s.key == key)
            return s.defaultValue;
    }
    return {};
}

bool Settings::set(const Actor &by, const QString &key, const QString &value, QString *error)
{
    return Permissions::check(by, Action::ManageConfig, error) && set(key, value, error);
}

bool Settings::set(const QString &key, const QString &value, QString *error)
{
    const QString why = validate(key, value);
    if (!why.isEmpty()) {
        *error = why;
        return false;
    }
    // UPDATE, then INSERT when there was nothing to update: an upsert's DO UPDATE makes SQLite apply its conflict
    // handling to the sync triggers' INSERT OR IGNORE as well, and a second `config set` of a key failed.
    QSqlQuery q(m_db.sql());
    q.prepare(u"UPDATE settings SET value = ? WHERE key = ?"_s);
    q.addBindValue(value);
    q.addBindValue(key);
    bool ok = q.exec();
    if (ok && q.numRowsAffected() == 0) {
        q.prepare(u"INSERT INTO settings(key, value) VALUES(?, ?)"_s);
        q.addBindValue(key);
        q.addBindValue(value);
        ok = q.exec();
    }
    if (!ok) {
        *error = tr("Cannot save the setting: %1").arg(q.lastError().text());
        return false;
    }
    m_db.bumpConfigGeneration();
    return true;
}

QString Settings::centreName() const { return value(u"centre.name"_s); }
QString Settings::timeZoneId() const { return value(u"centre.timezone"_s); }
QString Settings::workingPeriods() const { return value(u"work.periods"_s); }
int Settings::consultDays() const { return value(u"sla.consult_days"_s).toInt(); }
int Settings::handlingDays() const { return value(u"sla.handling_days"_s).toInt(); }
qint64 Settings::yellowThresholdSeconds() const { return qint64(value(u"sla.yellow_hours"_s).toDouble() * 3600.0 + 0.5); }
QString Settings::smsUrl() const { return value(u"sms.url"_s); }
QString Settings::smsToken() const { return value(u"sms.token"_s); }
QString Settings::smsTemplate() const { return value(u"sms.template"_s); }
QString Settings::smsUrgeTemplate() const { return value(u"sms.urge_template"_s); }
int Settings::smsTimeoutSeconds() const { return value(u"sms.timeout_seconds"_s).toInt(); }

} // namespace hotline
