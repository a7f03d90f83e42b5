#include "department/DeskText.h"

#include "calendar/WorkCalendar.h"
#include "service/Board.h"

using namespace Qt::StringLiterals;

namespace hotline {

QString DeskText::localMinute(qint64 utcSecs, const WorkCalendar &calendar)
{
    return calendar.toLocal(utcSecs).toString(u"yyyy-MM-dd HH:mm"_s);
}

QString DeskText::countdown(qint64 remainingSeconds)
{
    if (remainingSeconds < 0)
        return tr("overdue %1").arg(Board::formatDuration(-remainingSeconds));
    return Board::formatDuration(remainingSeconds);
}

QString DeskText::department(const QString &name, const QString &code)
{
    if (name.isEmpty() || name == code)
        return code;
    return tr("%1 (%2)").arg(name, code);
}

} // namespace hotline
