#pragma once

#include "calendar/CalendarDay.h"
#include "calendar/WorkCalendar.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>

namespace hotline {

/** One year's State Council holiday notice as the project ships it. */
struct HolidayNotice
{
    int year = 0;
    QString title;    // 国务院办公厅关于2025年部分节假日安排的通知
    QString document; // 国办发明电〔2024〕12号; may be empty
    QDate issued;
    QString url;
    QList<CalendarDay> days;
};

/**
 * The project's own holiday calendar, compiled in as :/calendar/cn-holidays.json:
 * {"source":…, "years":[{"year":…, "notice":…, "document":…, "days":[holiday-cn days]}]}. Every year is
 * checked like an imported holiday-cn file.
 */
class BuiltinCalendar
{
    Q_DECLARE_TR_FUNCTIONS(BuiltinCalendar)

public:
    /** Parses and validates a document of that format; on error returns nothing and explains in *error. */
    static QList<HolidayNotice> parse(const QByteArray &json, QString *error = nullptr);
    /** The shipped notices, read once; empty (with a logged warning) if the resource were ever broken. */
    static QList<HolidayNotice> notices();
};

/** Every day of the shipped notices, sorted by date. */
QList<CalendarDay> builtinCalendarDays();
/** The default calendar (Asia/Shanghai, default hours) with the shipped days. */
WorkCalendar builtinWorkCalendar();

} // namespace hotline
