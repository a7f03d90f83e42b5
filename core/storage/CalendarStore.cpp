#include "storage/CalendarStore.h"

#include "auth/Permissions.h"

#include "calendar/BuiltinCalendar.h"
#include "calendar/WorkCalendar.h"
#include "sla/SlaClock.h"
#include "storage/AdminAudit.h"
#include "storage/Database.h"
#include "storage/Settings.h"
#include "util/LogCategories.h"

#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace hotline {

CalendarStore::CalendarStore(Database &db) : m_db(db) {}

QList<CalendarDay> CalendarStore::days() const
{
    QList<CalendarDay> out;
    QSqlQuery q(m_db.sql());
    q.setForwardOnly(true);
    if (q.exec(u"SELECT date, is_off_day, name FROM calendar_days ORDER BY date"_s)) {
        while (q.next())
            out << CalendarDay{QDate::fromString(q.value(0).toString(), Qt::ISODate), q.value(1).toInt() != 0, q.value(2).toString()};
    }
    return out;
}

namespace {
const Actor kSystem{u"system"_s, Role::System, QString(), QString()};
} // namespace

bool CalendarStore::upsert(const Actor &by, const QList<CalendarDay> &days, bool keepExisting, QString *error)
{
    WriteTransaction tx(m_db);
    if (!tx.isActive()) {
        *error = tx.error();
        return false;
    }
    AdminAudit audit(m_db, {AdminEntity::CalendarDay});
    QSqlQuery q(m_db.sql());
    q.prepare(keepExisting ? u"INSERT OR IGNORE INTO calendar_days(date, is_off_day, name) VALUES(?,?,?)"_s
                           : u"INSERT OR REPLACE INTO calendar_days(date, is_off_day, name) VALUES(?,?,?)"_s);
    for (const CalendarDay &d : days) {
        if (!d.date.isValid())
            continue;
        q.addBindValue(d.date.toString(Qt::ISODate));
        q.addBindValue(int(d.isOffDay));
        q.addBindValue(d.name);
        if (!q.exec()) {
            *error = q.lastError().text();
            return false;
        }
    }
    // The built-in calendar copied in at first start is the table's starting point, not a person's change.
    if (!audit.record(by, error, keepExisting ? u"seed"_s : u"import"_s,
                      keepExisting ? AdminAudit::Origin::Seeding : AdminAudit::Origin::Person))
        return false;
    if (!m_db.bumpConfigGeneration()) {
        *error = tr("Cannot record the calendar change.");
        return false;
    }
    if (!tx.commit()) {
        *error = tx.error();
        return false;
    }
    return true;
}

bool CalendarStore::saveDays(const Actor &by, const QList<CalendarDay> &days, QString *error)
{
    return Permissions::check(by, Action::ManageCalendar, error) && storeDays(by, days, error);
}

bool CalendarStore::saveDays(const QList<CalendarDay> &days, QString *error)
{
    return storeDays(kSystem, days, error);
}

bool CalendarStore::storeDays(const Actor &by, const QList<CalendarDay> &days, QString *error)
{
    // An imported file's names obey the rules of a note typed in (no ESC reaching `calendar list`, ≤ 100).
    for (const CalendarDay &d : days) {
        if (const QString why = validateDay(d); !why.isEmpty()) {
            *error = why;
            return false;
        }
    }
    return upsert(by, days, false, error);
}

QString CalendarStore::validateDay(const CalendarDay &day)
{
    if (!day.date.isValid() || day.date.year() < 1900 || day.date.year() > 2200)
        return tr("A calendar date must be a real date between 1900 and 2200.");
    if (day.name.toUcs4().size() > kMaxNote)
        return tr("The note on %1 is too long (at most %2 characters).").arg(day.date.toString(Qt::ISODate)).arg(kMaxNote);
    for (const QChar c : day.name) {
        if (c.category() == QChar::Other_Control || c.category() == QChar::Other_Format)
            return tr("The note on %1 holds a control character.").arg(day.date.toString(Qt::ISODate));
    }
    return {};
}

bool CalendarStore::editDays(const Actor &by, const QList<CalendarDay> &set, const QList<QDate> &remove, QString *error)
{
    if (!Permissions::check(by, Action::ManageCalendar, error))
        return false;
    for (const CalendarDay &d : set) {
        if (const QString why = validateDay(d); !why.isEmpty()) {
            *error = why;
            return false;
        }
    }
    for (const QDate &date : remove) {
        if (!date.isValid()) {
            *error = tr("A calendar date must be a real date between 1900 and 2200.");
            return false;
        }
    }
    WriteTransaction tx(m_db);
    if (!tx.isActive()) {
        *error = tx.error();
        return false;
    }
    AdminAudit audit(m_db, {AdminEntity::CalendarDay});
    QSqlQuery del(m_db.sql());
    del.prepare(u"DELETE FROM calendar_days WHERE date = ?"_s);
    for (const QDate &date : remove) {
        del.addBindValue(date.toString(Qt::ISODate));
        if (!del.exec()) {
            *error = del.lastError().text();
            return false;
        }
    }
    QSqlQuery put(m_db.sql());
    put.prepare(u"INSERT OR REPLACE INTO calendar_days(date, is_off_day, name) VALUES(?,?,?)"_s);
    for (const CalendarDay &d : set) {
        put.addBindValue(d.date.toString(Qt::ISODate));
        put.addBindValue(int(d.isOffDay));
        put.addBindValue(d.name.trimmed());
        if (!put.exec()) {
            *error = put.lastError().text();
            return false;
        }
    }
    if (!audit.record(by, error))
        return false;
    if (!m_db.bumpConfigGeneration()) {
        *error = tr("Cannot record the calendar change.");
        return false;
    }
    if (!tx.commit()) {
        *error = tx.error();
        return false;
    }
    return true;
}

bool CalendarStore::seedBuiltin(QString *error)
{
    return upsert(kSystem, builtinCalendarDays(), true, error);
}

WorkCalendar CalendarStore::loadCalendar() const
{
    WorkCalendar calendar;
    const Settings settings(m_db);
    const QTimeZone zone(settings.timeZoneId().toUtf8());
    if (!calendar.setTimeZone(zone))
        qCWarning(lcCalendar) << "unusable time zone setting" << settings.timeZoneId() << "- keeping the default";
    QList<WorkingPeriod> periods;
    const QStringList parts = settings.workingPeriods().split(u',', Qt::SkipEmptyParts);
    for (const QString &part : parts) {
        const QStringList ends = part.trimmed().split(u'-');
        if (ends.size() == 2)
            periods << WorkingPeriod{QTime::fromString(ends.at(0), u"HH:mm"_s), QTime::fromString(ends.at(1), u"HH:mm"_s)};
    }
    QString why;
    if (!calendar.setWorkingPeriods(periods, &why))
        qCWarning(lcCalendar) << "unusable working periods" << settings.workingPeriods() << why;
    calendar.setDays(days());
    return calendar;
}

SlaClock CalendarStore::loadSlaClock() const
{
    const Settings settings(m_db);
    SlaPolicy policy;
    policy.setDurationDays(SlaClass::Consult, settings.consultDays());
    policy.setDurationDays(SlaClass::Handling, settings.handlingDays());
    policy.setYellowThresholdSeconds(settings.yellowThresholdSeconds());
    QSqlQuery q(m_db.sql());
    if (q.exec(u"SELECT name, sla_class FROM categories WHERE sla_class IS NOT NULL"_s)) {
        while (q.next()) {
            if (const auto cls = slaClassFromCode(q.value(1).toString()))
                policy.setCategoryOverride(q.value(0).toString(), *cls);
        }
    }
    return SlaClock(loadCalendar(), policy);
}

} // namespace hotline
