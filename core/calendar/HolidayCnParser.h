#pragma once

#include "calendar/CalendarDay.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace hotline {

/** What a holiday-cn file holds once validated; on any problem, error is set and days is empty. */
struct HolidayCnFile
{
    int year = 0;
    QList<CalendarDay> days; // in file order, keyed by their own dates (may include the previous December)
    QString error;           // translated, empty when the file is fine

    bool ok() const { return error.isEmpty(); }
};

/**
 * Reads the holiday-cn JSON format (https://github.com/NateScarlet/holiday-cn), the machine-readable form of
 * the State Council's annual holiday notice: {"year":2025,"days":[{"name":…,"date":"YYYY-MM-DD",
 * "isOffDay":true|false}]}. Strict: every day needs a name, a real date within a year of "year", and a
 * boolean isOffDay; "papers" and other extra keys are ignored.
 */
class HolidayCnParser
{
    Q_DECLARE_TR_FUNCTIONS(HolidayCnParser)

public:
    static HolidayCnFile parse(const QByteArray &json);
    /** The same checks on an already parsed object (one year of a larger document). */
    static HolidayCnFile parseObject(const QJsonObject &object);
};

} // namespace hotline
