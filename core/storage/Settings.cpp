#include "storage/Settings.h"

#include "auth/Permissions.h"

#include "domain/PhoneNumber.h"
#include "storage/AdminAudit.h"
#include "storage/Database.h"

#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace hotline {

const QList<SettingSpec> &Settings::specs()
{
    // Each key with its type and range (docs/ADMIN-GUIDE.md "Settings"): the same checks for `config set`, the
    // console's settings page and settings pulled from the shared server.
    using T = SettingType;
    static const QList<SettingSpec> all{
        {u"centre.name"_s, u"南海区民声服务热线"_s, tr("Name of the service centre (report headers)"), T::Text, 1, 100},
        {u"centre.timezone"_s, u"Asia/Shanghai"_s, tr("IANA time zone of the centre"), T::TimeZone, 0, 64},
        {u"work.periods"_s, u"08:30-12:00,14:00-17:30"_s,
         tr("Working periods of a working day, HH:MM-HH:MM separated by commas"), T::WorkPeriods, 1, 12},
        {u"sla.consult_days"_s, u"1"_s, tr("Working days to answer a consultation"), T::WholeNumber, 1, 60},
        {u"sla.handling_days"_s, u"5"_s, tr("Working days to handle any other request"), T::WholeNumber, 1, 60},
        {u"sla.yellow_hours"_s, u"3"_s, tr("Working hours before the deadline at which a ticket turns yellow"),
         T::Decimal, 0.1, 48},
        {u"sla.misroute_hours"_s, u"2"_s,
         tr("Working hours after a dispatch within which a return is a misroute and does not count against the "
            "department"),
         T::Decimal, 0, 48},
        {u"sla.dispatch_hours"_s, u"2"_s,
         tr("Working hours a registered or returned ticket may wait at the dispatch desk"), T::Decimal, 0.1, 48},
        {u"sla.callback_days"_s, u"1"_s, tr("Working days a replied ticket may wait for the callback to the citizen"),
         T::WholeNumber, 1, 30},
        {u"dispatch.duty_phones"_s, QString(),
         tr("Mobile numbers of the dispatch desk's duty phones, separated by commas (reminders about waiting tickets)"),
         T::PhoneList, 0, 10},
        {u"assessment.weight.on_time"_s, u"0.7"_s, tr("Annual assessment: weight of the on-time rate in the score"),
         T::Decimal, 0, 1},
        {u"assessment.weight.satisfaction"_s, u"0.3"_s,
         tr("Annual assessment: weight of the satisfaction rate in the score"), T::Decimal, 0, 1},
        {u"assessment.penalty.breach"_s, u"0.5"_s, tr("Annual assessment: points deducted per breached deadline"),
         T::Decimal, 0, 100},
        {u"assessment.penalty.return"_s, u"0.2"_s,
         tr("Annual assessment: points deducted per return counted against the department"), T::Decimal, 0, 100},
        {u"sync.interval_seconds"_s, u"5"_s, tr("Seconds between two syncs with the shared server"), T::WholeNumber, 1,
         3600},
        {u"sms.url"_s, QString(), tr("URL of the SMS gateway (HTTP POST)"), T::Url, 0, 2000},
        {u"sms.token"_s, QString(), tr("Bearer token for the SMS gateway"), T::Secret, 0, 4096},
        {u"sms.template"_s, u"【民声热线】工单{number}（{department}）距办理时限还剩{remaining}，请尽快答复。"_s,
         tr("Reminder text; placeholders {number} {department} {remaining} {deadline}"), T::Template, 1, 300},
        {u"sms.urge_template"_s, u"【民声热线】督办：工单{number}（{department}）距办理时限还剩{remaining}，请立即办理并答复。"_s,
         tr("Urging (督办) text sent to the department head; same placeholders"), T::Template, 1, 300},
        {u"sms.timeout_seconds"_s, u"10"_s, tr("Seconds to wait for the SMS gateway before an attempt counts as failed"),
         T::WholeNumber, 1, 120},
        {u"security.lockout_attempts"_s, u"5"_s,
         tr("Consecutive failed sign-ins (1-100) after which an account is locked"), T::WholeNumber, 1, 100},
        {u"security.lockout_minutes"_s, u"15"_s,
         tr("Minutes (1-1440) an account stays locked after too many failed sign-ins"), T::WholeNumber, 1, 1440},
        {u"security.idle_lock_minutes"_s, u"10"_s,
         tr("Minutes without input after which a console locks its screen (0 = never)"), T::WholeNumber, 0, 1440},
        {u"merge.window_days"_s, u"7"_s,
         tr("Days back (1-90) in which registration suggests open tickets of the same incident"), T::WholeNumber, 1, 90},
        {u"intake.requests_per_minute"_s, u"60"_s,
         tr("Requests per minute each intake token may file through hotlinectl serve (bursts up to this many)"),
         T::WholeNumber, 1, 100000},
        // Issue 15: SMS to the caller (CitizenNotifier).
        {u"sms.citizen.enabled"_s, u"1"_s,
         tr("SMS to callers about their tickets (registration, reply): 1 = on, 0 = off for the whole centre"),
         T::WholeNumber, 0, 1},
        {u"sms.citizen.registered_template"_s,
         u"【民声热线】您反映的问题已受理，工单号{number}。如需查询办理进展，请致电热线并提供工单号。"_s,
         tr("SMS to the caller on registration; placeholders {number} {department} {reply}"), T::CitizenTemplate, 1, 300},
        {u"sms.citizen.replied_template"_s, u"【民声热线】您的工单{number}已由{department}答复：{reply}"_s,
         tr("SMS to the caller when the department has replied; placeholders {number} {department} {reply}"),
         T::CitizenTemplate, 1, 300},
        {u"attachments.max_mb"_s, u"10"_s, tr("Largest photo or document (MB, 1-100) that may be attached to a ticket"),
         T::WholeNumber, 1, 100},
    };
    return all;
}

QStringList Settings::templatePlaceholders()
{
    return {u"number"_s, u"department"_s, u"remaining"_s, u"deadline"_s};
}

QStringList Settings::citizenTemplatePlaceholders()
{
    return {u"number"_s, u"department"_s, u"reply"_s};
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
    return setMany(by, {{key, value}}, error);
}

bool Settings::set(const QString &key, const QString &value, QString *error)
{
    return store(Actor{u"system"_s, Role::System, QString(), QString()}, {{key, value}}, error);
}

bool Settings::setMany(const Actor &by, const QList<std::pair<QString, QString>> &values, QString *error)
{
    return Permissions::check(by, Action::ManageConfig, error) && store(by, values, error);
}

bool Settings::store(const Actor &by, const QList<std::pair<QString, QString>> &values, QString *error)
{
    for (const auto &[key, value] : values) {
        const QString why = validate(key, value);
        if (!why.isEmpty()) {
            *error = why;
            return false;
        }
    }
    // The change and its administrative events (AdminAudit) commit together or not at all.
    WriteTransaction tx(m_db);
    if (!tx.isActive()) {
        *error = tx.error();
        return false;
    }
    AdminAudit audit(m_db, {AdminEntity::Setting});
    for (const auto &[key, value] : values) {
        // UPDATE, then INSERT when there was nothing to update: an upsert's DO UPDATE makes SQLite apply its
        // conflict handling to the sync triggers' INSERT OR IGNORE as well, and a second `config set` of a key failed.
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
    }
    if (!audit.record(by, error))
        return false;
    m_db.bumpConfigGeneration();
    if (!tx.commit()) {
        *error = tx.error();
        return false;
    }
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
bool Settings::smsCitizenEnabled() const { return value(u"sms.citizen.enabled"_s).toInt() != 0; }
QString Settings::smsCitizenRegisteredTemplate() const { return value(u"sms.citizen.registered_template"_s); }
QString Settings::smsCitizenRepliedTemplate() const { return value(u"sms.citizen.replied_template"_s); }
qint64 Settings::misrouteWindowSeconds() const { return qint64(value(u"sla.misroute_hours"_s).toDouble() * 3600.0 + 0.5); }
qint64 Settings::dispatchLimitSeconds() const { return qint64(value(u"sla.dispatch_hours"_s).toDouble() * 3600.0 + 0.5); }
int Settings::callbackDays() const { return value(u"sla.callback_days"_s).toInt(); }
double Settings::assessmentOnTimeWeight() const { return value(u"assessment.weight.on_time"_s).toDouble(); }
double Settings::assessmentSatisfactionWeight() const { return value(u"assessment.weight.satisfaction"_s).toDouble(); }
double Settings::assessmentBreachPenalty() const { return value(u"assessment.penalty.breach"_s).toDouble(); }
double Settings::assessmentReturnPenalty() const { return value(u"assessment.penalty.return"_s).toDouble(); }

QStringList Settings::dispatchDutyPhones() const
{
    QStringList phones;
    for (const QString &part : value(u"dispatch.duty_phones"_s).split(u',', Qt::SkipEmptyParts)) {
        if (const auto phone = PhoneNumber::parse(part.trimmed(), nullptr, PhoneNumber::Kind::Mobile))
            phones << phone->normalized();
    }
    return phones;
}

qint64 Settings::attachmentMaxBytes() const
{
    return qint64(value(u"attachments.max_mb"_s).toInt()) * 1024 * 1024;
}

} // namespace hotline
