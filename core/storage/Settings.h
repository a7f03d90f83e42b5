#pragma once

#include "auth/Actor.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace hotline {

class Database;

/** What kind of value a setting holds; Settings::validate checks each by its type and range. */
enum class SettingType {
    Text,        ///< a line of text, 1..max characters, no control characters
    TimeZone,    ///< an IANA id known to this system (Asia/Shanghai)
    WorkPeriods, ///< HH:MM-HH:MM,… within 00:00–23:59, each from < to, in order, not overlapping
    WholeNumber, ///< digits only, min..max
    Decimal,     ///< digits with an optional fraction (no sign, exponent, nan or inf), min..max
    Url,         ///< empty (off) or an http(s) URL with a host, at most max characters
    Secret,      ///< empty or printable characters without spaces, at most max; never shown (••••)
    Template,    ///< an SMS text with known placeholders, naming {number}, 1..max characters
    PhoneList,   ///< empty or mobile numbers separated by commas, at most max numbers (the dispatch desk's duty phones)
    CitizenTemplate, ///< an SMS text to the caller: placeholders {number} {department} {reply}, naming {number}
};

/** One configurable setting: its key, default and what it means (shown by `hotlinectl config`), type and range. */
struct SettingSpec
{
    QString key;
    QString defaultValue;
    QString description;
    SettingType type = SettingType::Text;
    double min = 0; ///< numbers: the smallest value
    double max = 200; ///< numbers: the largest value; text, URL, secret, template: the most characters
};

/**
 * Typed operator settings stored in the database (so every console of a centre can share them), with every
 * key and default declared in one place. Unknown keys and malformed values are refused with a reason.
 */
class Settings final
{
    Q_DECLARE_TR_FUNCTIONS(Settings)

public:
    explicit Settings(Database &db);

    static const QList<SettingSpec> &specs();
    /** The placeholders an SMS to the caller may use (SettingType::CitizenTemplate). */
    static QStringList citizenTemplatePlaceholders();
    static bool isKnown(const QString &key);
    /** Empty when value is acceptable for key, otherwise the reason. */
    static QString validate(const QString &key, const QString &value);
    /** True for values never shown (sms.token): `config list/get` and the console print kMasked instead. */
    static bool isSecret(const QString &key);
    /** How a value is shown: secrets as kMasked (or empty when unset), a password inside a URL masked too. */
    static QString shown(const QString &key, const QString &value);
    static constexpr char16_t kMasked[] = u"••••";

    QString value(const QString &key) const;
    /** Stores a value (recorded in the log as an administrative change by `system`). */
    bool set(const QString &key, const QString &value, QString *error);
    /** The same, on behalf of a person: refused unless the permission table lets them change settings. */
    bool set(const Actor &by, const QString &key, const QString &value, QString *error);
    /** Several keys at once, all or none (the settings page), in one transaction with their administrative events. */
    bool setMany(const Actor &by, const QList<std::pair<QString, QString>> &values, QString *error);

    // Typed accessors for the keys the core reads.
    QString centreName() const;
    QString timeZoneId() const;
    QString workingPeriods() const;   ///< "08:30-12:00,14:00-17:30"
    int consultDays() const;
    int handlingDays() const;
    qint64 yellowThresholdSeconds() const;
    QString smsUrl() const;
    QString smsToken() const;
    QString smsTemplate() const;
    QString smsUrgeTemplate() const;
    int smsTimeoutSeconds() const;
    /** SMS to the caller (registration, reply) on for the whole centre (sms.citizen.enabled = 1). */
    bool smsCitizenEnabled() const;
    QString smsCitizenRegisteredTemplate() const;
    QString smsCitizenRepliedTemplate() const;
    /** A return within this many working seconds after the dispatch is a misroute (costs the department nothing). */
    qint64 misrouteWindowSeconds() const;
    /** The centre's own clocks (PRODUCT §3): working seconds a ticket may wait for (re-)dispatch … */
    qint64 dispatchLimitSeconds() const;
    /** … and working days a replied ticket may wait for the callback. */
    int callbackDays() const;
    /** Mobile numbers of the dispatch desk's duty phones (normalized), for reminders about the centre's clocks. */
    QStringList dispatchDutyPhones() const;
    /** The annual assessment's weights (on-time rate, satisfaction) and penalties (per breach, per return). */
    double assessmentOnTimeWeight() const;
    double assessmentSatisfactionWeight() const;
    double assessmentBreachPenalty() const;
    double assessmentReturnPenalty() const;
    /** The largest attachment accepted, in bytes (attachments.max_mb). */
    qint64 attachmentMaxBytes() const;

    /** Placeholders a reminder template may use. */
    static QStringList templatePlaceholders();

private:
    bool store(const Actor &by, const QList<std::pair<QString, QString>> &values, QString *error);

    Database &m_db;
};

} // namespace hotline
