#include "department/DeskText.h"

#include "calendar/WorkCalendar.h"
#include "domain/DisplayNames.h"

using namespace Qt::StringLiterals;

namespace hotline {

QString DeskText::localMinute(qint64 utcSecs, const WorkCalendar &calendar)
{
    return calendar.toLocal(utcSecs).toString(u"yyyy-MM-dd HH:mm"_s);
}

QString DeskText::countdown(qint64 remainingSeconds)
{
    return DisplayNames::countdown(remainingSeconds);
}

QString DeskText::department(const QString &name, const QString &code)
{
    if (name.isEmpty() || name == code)
        return code;
    return tr("%1 (%2)").arg(name, code);
}

} // namespace hotline
