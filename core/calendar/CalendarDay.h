#pragma once

#include <QDate>
#include <QString>
#include <QTime>

namespace hotline {

/** One span of working hours on a working day, in the centre's local time (start inclusive, end exclusive). */
struct WorkingPeriod
{
    QTime start;
    QTime end;

    friend bool operator==(const WorkingPeriod &, const WorkingPeriod &) = default;
};

/** A calendar override for one date: an off day (holiday) or a working day (make-up day, 调休). */
struct CalendarDay
{
    QDate date;
    bool isOffDay = false;
    QString name;

    friend bool operator==(const CalendarDay &, const CalendarDay &) = default;
};

} // namespace hotline
