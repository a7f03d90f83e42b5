// ReferenceData::checkRow: a row pulled from the shared server passes the checks a person's own entry passes
// (`config set`, the departments, categories and calendar importers, the users page), so that nobody who can
// write the server (its owner, an older or a broken program) can put on a console what the console would refuse.
#include "sync/ReferenceData.h"

#include "auth/Actor.h"
#include "domain/Enums.h"
#include "domain/TextRules.h"
#include "notify/DepartmentContacts.h"
#include "storage/Settings.h"

#include <QDate>

using namespace Qt::StringLiterals;

namespace hotline {

namespace {

/** Text, or a JSON null where the column may be empty. */
bool isText(const QJsonValue &v, bool nullable = false)
{
    return v.isString() || (nullable && (v.isNull() || v.isUndefined()));
}

/** 0/1 (a number, or true/false): SQLite's booleans. Absent is fine (the column's default). */
bool isFlag(const QJsonValue &v)
{
    if (v.isUndefined() || v.isBool())
        return true;
    return v.isDouble() && (v.toDouble() == 0 || v.toDouble() == 1);
}

QString checkName(const QJsonValue &v, const QString &what)
{
    if (!v.isString() || v.toString().trimmed().isEmpty())
        return ReferenceData::tr("%1 is missing").arg(what);
    if (const auto bad = TextRules::firstForbidden(v.toString()))
        return ReferenceData::tr("%1 contains the invisible or control character %2").arg(what, TextRules::codePoint(*bad));
    return {};
}

} // namespace

QString ReferenceData::checkRow(const QString &table, const QString &key, const QJsonObject &row)
{
    const QString keyName = keyColumn(table);
    if (row.value(keyName).toString() != key)
        return tr("its %1 is not the row's key %2").arg(keyName, key);
    if (table == u"settings"_s) {
        const QJsonValue value = row.value(u"value"_s);
        if (!value.isString())
            return tr("the value is not text");
        // Keys this version does not know are kept as they are: a newer console's, unused here.
        return Settings::isKnown(key) ? Settings::validate(key, value.toString()) : QString();
    }
    if (table == u"departments"_s) {
        if (QString why = checkName(row.value(u"code"_s), tr("the code")); !why.isEmpty())
            return why;
        if (QString why = checkName(row.value(u"name"_s), tr("the name")); !why.isEmpty())
            return why;
        for (const QString &column : {u"duty_phones"_s, u"head_phone"_s}) {
            const QJsonValue v = row.value(column);
            if (v.isUndefined())
                continue;
            if (!v.isString())
                return tr("%1 is not text").arg(column);
            QString why;
            const QStringList phones = DepartmentContacts::parsePhones(v.toString(), &why);
            if (!why.isEmpty())
                return why;
            if (column == u"head_phone"_s && phones.size() > 1)
                return tr("more than one head phone");
        }
        return {};
    }
    if (table == u"categories"_s || table == u"towns"_s) {
        if (QString why = checkName(row.value(u"name"_s), tr("the name")); !why.isEmpty())
            return why;
        if (!isText(row.value(u"code"_s), true))
            return tr("the code is not text");
        if (!isFlag(row.value(u"active"_s)))
            return tr("active is neither 0 nor 1");
        if (table == u"categories"_s) {
            const QJsonValue cls = row.value(u"sla_class"_s);
            if (!isText(cls, true) || (!cls.toString().isEmpty() && !slaClassFromCode(cls.toString())))
                return tr("\"%1\" is not a time-limit class (consult or handling)").arg(cls.toVariant().toString());
            if (!isText(row.value(u"department_code"_s), true))
                return tr("the department is not text");
        }
        return {};
    }
    if (table == u"calendar_days"_s) {
        if (!QDate::fromString(key, u"yyyy-MM-dd"_s).isValid())
            return tr("\"%1\" is not a date (YYYY-MM-DD)").arg(key);
        const QJsonValue off = row.value(u"is_off_day"_s);
        if (off.isUndefined() || !isFlag(off))
            return tr("is_off_day is neither 0 nor 1");
        if (!isText(row.value(u"name"_s), true))
            return tr("the name is not text");
        return {};
    }
    if (table == u"users"_s) {
        if (QString why = checkName(row.value(u"name"_s), tr("the sign-in name")); !why.isEmpty())
            return why;
        const QJsonValue role = row.value(u"role"_s);
        if (!role.isString() || !roleFromCode(role.toString()))
            return tr("\"%1\" is not a role").arg(role.toVariant().toString());
        if (!isText(row.value(u"display_name"_s)))
            return tr("the display name is missing");
        if (!isText(row.value(u"department"_s), true))
            return tr("the department is not text");
        for (const QString &flag : {u"disabled"_s, u"must_change_password"_s}) {
            if (!isFlag(row.value(flag)))
                return tr("%1 is neither 0 nor 1").arg(flag);
        }
        return {};
    }
    return tr("not a shared table");
}

} // namespace hotline
