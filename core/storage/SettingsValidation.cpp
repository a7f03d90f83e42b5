// Settings::validate and how a value is shown: every key checked by its type and range (SettingSpec), the same
// way for `config set`, the console's settings page and settings pulled from the shared server.
#include "domain/TextRules.h"
#include "storage/Settings.h"

#include "domain/PhoneNumber.h"

#include <QRegularExpression>
#include <QTimeZone>
#include <QUrl>

#include <cmath>

using namespace Qt::StringLiterals;

namespace hotline {
namespace {

const SettingSpec *specOf(const QString &key)
{
    for (const SettingSpec &s : Settings::specs()) {
        if (s.key == key)
            return &s;
    }
    return nullptr;
}

/** Control, bidi-override and zero-width characters: never part of a setting, and never echoed raw. */
bool hasInvisible(const QString &value)
{
    for (const char32_t c : value.toUcs4()) {
        if (c < 0x20 || (c >= 0x7F && c < 0xA0) || (c >= 0x200B && c <= 0x200F) || (c >= 0x202A && c <= 0x202E)
            || (c >= 0x2060 && c <= 0x2069) || c == 0xFEFF || TextRules::isForbidden(c)) // U+061C too
            return true;
    }
    return false;
}

qsizetype characters(const QString &value)
{
    return value.toUcs4().size();
}

QString number(double v)
{
    return QString::number(v, 'g', 10);
}

QString checkWorkPeriods(const SettingSpec &spec, const QString &value)
{
    static const QRegularExpression period(u"^(\\d\\d):(\\d\\d)-(\\d\\d):(\\d\\d)$"_s);
    const QString example = u"08:30-12:00,14:00-17:30"_s;
    const QStringList parts = value.split(u',');
    if (value.trimmed().isEmpty())
        return Settings::tr("Give at least one working period, e.g. %1.").arg(example);
    if (parts.size() > spec.max)
        return Settings::tr("At most %1 working periods.").arg(number(spec.max));
    int previousEnd = -1;
    for (const QString &part : parts) {
        const auto m = period.match(part.trimmed());
        if (!m.hasMatch())
            return Settings::tr("\"%1\" is not a working period HH:MM-HH:MM (e.g. %2).").arg(part.trimmed(), example);
        const int fromH = m.captured(1).toInt(), fromM = m.captured(2).toInt();
        const int toH = m.captured(3).toInt(), toM = m.captured(4).toInt();
        if (fromH > 23 || toH > 23 || fromM > 59 || toM > 59)
            return Settings::tr("\"%1\": times run from 00:00 to 23:59.").arg(part.trimmed());
        const int from = fromH * 60 + fromM;
        const int to = toH * 60 + toM;
        if (from >= to)
            return Settings::tr("\"%1\": a period must end after it starts.").arg(part.trimmed());
        if (from < previousEnd)
            return Settings::tr("\"%1\" overlaps or comes before the period before it; list periods in order.")
                .arg(part.trimmed());
        previousEnd = to;
    }
    return {};
}

QString checkTemplate(const SettingSpec &spec, const QString &value)
{
    if (value.trimmed().isEmpty())
        return Settings::tr("%1 cannot be empty.").arg(spec.key);
    static const QRegularExpression placeholder(u"\\{([^{}]*)\\}"_s);
    auto it = placeholder.globalMatch(value);
    while (it.hasNext()) {
        const QString name = it.next().captured(1);
        if (!Settings::templatePlaceholders().contains(name))
            return Settings::tr("Unknown placeholder {%1} in the template; use {number}, {department}, {remaining} or "
                                "{deadline}.")
                .arg(name);
    }
    if (!value.contains(u"{number}"_s))
        return Settings::tr("The template must name the ticket: include {number}.");
    return {};
}

// An SMS to the caller speaks of the ticket and its answer, not of a department's remaining time.
QString checkCitizenTemplate(const SettingSpec &spec, const QString &value)
{
    if (value.trimmed().isEmpty())
        return Settings::tr("%1 cannot be empty.").arg(spec.key);
    static const QRegularExpression placeholder(u"\\{([^{}]*)\\}"_s);
    auto it = placeholder.globalMatch(value);
    while (it.hasNext()) {
        const QString name = it.next().captured(1);
        if (!Settings::citizenTemplatePlaceholders().contains(name))
            return Settings::tr("Unknown placeholder {%1} in the template; use {number}, {department} or {reply}.").arg(name);
    }
    if (!value.contains(u"{number}"_s))
        return Settings::tr("The template must name the ticket: include {number}.");
    return {};
}

} // namespace

bool Settings::isKnown(const QString &key)
{
    return specOf(key) != nullptr;
}

bool Settings::isSecret(const QString &key)
{
    const SettingSpec *spec = specOf(key);
    return spec && spec->type == SettingType::Secret;
}

QString Settings::shown(const QString &key, const QString &value)
{
    if (value.isEmpty())
        return value;
    if (isSecret(key))
        return QString::fromUtf16(kMasked);
    const SettingSpec *spec = specOf(key);
    if (spec && spec->type == SettingType::Url) {
        QUrl url(value);
        if (!url.password().isEmpty()) {
            url.setPassword(QString::fromUtf16(kMasked));
            return url.toString(QUrl::PrettyDecoded);
        }
    }
    return value;
}

QString Settings::validate(const QString &key, const QString &value)
{
    const SettingSpec *spec = specOf(key);
    if (!spec)
        return tr("Unknown setting \"%1\".").arg(key);
    if (hasInvisible(value))
        return tr("%1 must not contain control, zero-width or direction-changing characters.").arg(key);
    const qsizetype length = characters(value);
    switch (spec->type) {
    case SettingType::Text:
        if (value.trimmed().isEmpty())
            return key == u"centre.name"_s ? tr("The centre's name cannot be empty.")
                                           : tr("%1 cannot be empty.").arg(key);
        if (length > spec->max)
            return tr("%1 is at most %2 characters long.").arg(key, number(spec->max));
        return {};
    case SettingType::TimeZone:
        if (value.trimmed().isEmpty())
            return tr("The time zone cannot be empty; give an IANA name such as Asia/Shanghai.");
        if (length > spec->max || value.contains(u' ') || !QTimeZone::isTimeZoneIdAvailable(value.toUtf8())
            || !QTimeZone(value.toUtf8()).isValid())
            return tr("\"%1\" is not a known time zone (e.g. Asia/Shanghai).").arg(value);
        return {};
    case SettingType::WorkPeriods:
        return checkWorkPeriods(*spec, value);
    case SettingType::WholeNumber: {
        static const QRegularExpression digits(u"^[0-9]{1,9}$"_s);
        const bool ok = digits.match(value).hasMatch();
        const double n = ok ? value.toDouble() : 0;
        if (!ok || n < spec->min || n > spec->max)
            return tr("%1 must be a whole number from %2 to %3.").arg(key, number(spec->min), number(spec->max));
        return {};
    }
    case SettingType::Decimal: {
        // Digits only: "nan", "inf", "1e3", "-2" and "0x10" are refused before any conversion.
        static const QRegularExpression decimal(u"^[0-9]{1,6}(\\.[0-9]{1,6})?$"_s);
        const bool ok = decimal.match(value).hasMatch();
        const double n = ok ? value.toDouble() : 0;
        if (!ok || !std::isfinite(n) || n < spec->min || n > spec->max) {
            // The example is inside the range (an assessment weight runs from 0 to 1: "e.g. 2.5" misled).
            const double example = 2.5 >= spec->min && 2.5 <= spec->max ? 2.5 : (spec->min + spec->max) / 2;
            return tr("%1 must be a number from %2 to %3 (e.g. %4).")
                .arg(key, number(spec->min), number(spec->max), number(example));
        }
        return {};
    }
    case SettingType::Url: {
        if (value.isEmpty())
            return {};
        const QUrl url(value, QUrl::StrictMode);
        if (length > spec->max || value.contains(u' ') || !url.isValid()
            || (url.scheme() != u"http"_s && url.scheme() != u"https"_s) || url.host().isEmpty())
            return tr("\"%1\" is not an http(s) URL.").arg(shown(key, value));
        return {};
    }
    case SettingType::Secret:
        if (length > spec->max || value.contains(u' '))
            return tr("%1 is at most %2 characters without spaces.").arg(key, number(spec->max));
        return {};
    case SettingType::PhoneList: {
        if (value.trimmed().isEmpty())
            return {};
        const QStringList parts = value.split(u',');
        if (parts.size() > spec->max)
            return tr("%1 holds at most %2 phone numbers.").arg(key, number(spec->max));
        for (const QString &part : parts) {
            QString why;
            if (!PhoneNumber::parse(part.trimmed(), &why, PhoneNumber::Kind::Mobile))
                return tr("%1: %2 (mobile numbers separated by commas).").arg(key, why);
        }
        return {};
    }
    case SettingType::Template:
        if (length > spec->max)
            return tr("%1 is at most %2 characters long.").arg(key, number(spec->max));
        return checkTemplate(*spec, value);
    case SettingType::CitizenTemplate:
        if (length > spec->max)
            return tr("%1 is at most %2 characters long.").arg(key, number(spec->max));
        return checkCitizenTemplate(*spec, value);
    }
    return {};
}

} // namespace hotline
