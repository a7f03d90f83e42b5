#pragma once

#include <QCoreApplication>
#include <QString>

namespace hotline {

class WorkCalendar;

/** How the department desk and the dispatch view write instants, countdowns and departments. */
class DeskText final
{
    Q_DECLARE_TR_FUNCTIONS(DeskText)

public:
    /** An instant (UTC seconds) in the centre's zone to the minute: "2025-03-03 09:00". */
    static QString localMinute(qint64 utcSecs, const WorkCalendar &calendar);
    /** Remaining working time as "12:05:09", or "overdue 0:10:00" past the deadline. */
    static QString countdown(qint64 remainingSeconds);
    /** "城管局 (CG)"; the code alone when the name is unknown or the same. */
    static QString department(const QString &name, const QString &code);
};

} // namespace hotline
