#pragma once

#include "auth/Actor.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace hotline {

class Database;

/** One configurable setting: its key, default and what it means (shown by `hotlinectl config`). */
struct SettingSpec
{
    QString key;
    QString defaultValue;
    QString description;
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
    static bool isKnown(const QString &key);
    /** Empty when value is acceptable for key, otherwise the reason. */
    static QString validate(const QString &key, const QString &value);

    QString value(const QString &key) const;
    bool set(const QString &key, const QString &value, QString *error);
    /** The same, on behalf of a person: refused unless the permission table lets them change settings. */
    bool set(const Actor &by, const QString &key, const QString &value, QString *error);

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

    /** Placeholders a reminder template may use. */
    static QStringList templatePlaceholders();

private:
    Database &m_db;
};

} // namespace hotline
