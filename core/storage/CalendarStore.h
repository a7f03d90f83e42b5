#pragma once

#include "auth/Actor.h"

#include "calendar/CalendarDay.h"

#include <QCoreApplication>
#include <QList>

namespace hotline {

class Database;
class SlaClock;
class WorkCalendar;

/**
 * The working calendar as stored in the database: date overrides (seeded from the built-in calendar on
 * first start, then imported or edited by an administrator), working periods and SLA settings.
 */
class CalendarStore final
{
    Q_DECLARE_TR_FUNCTIONS(CalendarStore)

public:
    explicit CalendarStore(Database &db);

    QList<CalendarDay> days() const;
    /** Inserts or replaces the given dates in one transaction (dates not listed stay as they are). */
    bool saveDays(const QList<CalendarDay> &days, QString *error);
    /** The same, on behalf of a person: refused unless the permission table lets them manage the calendar. */
    bool saveDays(const Actor &by, const QList<CalendarDay> &days, QString *error);
    /**
     * An administrator's edit (console calendar page, hotlinectl calendar set): the listed days are added or
     * replaced, the listed dates go back to the Monday–Friday rule, all in one transaction or nothing. Refused
     * unless the permission table lets `by` manage the calendar, and for a date outside 1900–2200 or a note
     * longer than kMaxNote characters or holding control characters.
     */
    bool editDays(const Actor &by, const QList<CalendarDay> &set, const QList<QDate> &remove, QString *error);
    static constexpr int kMaxNote = 100;
    /** Why a day cannot be stored (translated), or empty. */
    static QString validateDay(const CalendarDay &day);

    /** First start: copy the built-in calendar in (dates already present are kept). */
    bool seedBuiltin(QString *error);

    /** The calendar in force: time zone and working periods from the settings, plus the stored dates. */
    WorkCalendar loadCalendar() const;
    /** Deadline/colour arithmetic as configured (calendar, class durations, yellow threshold, categories). */
    SlaClock loadSlaClock() const;

private:
    bool upsert(const Actor &by, const QList<CalendarDay> &days, bool keepExisting, QString *error);
    bool storeDays(const Actor &by, const QList<CalendarDay> &days, QString *error);

    Database &m_db;
};

} // namespace hotline
