#include "calendar/BuiltinCalendar.h"

#include "calendar/HolidayCnParser.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QLoggingCategory>
#include <QMap>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace hotline {

namespace {
Q_LOGGING_CATEGORY(lcCalendar, "hotline.core.calendar")
} // namespace

QList<HolidayNotice> BuiltinCalendar::parse(const QByteArray &json, QString *error)
{
    auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return QList<HolidayNotice>();
    };
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return fail(tr("The calendar is not valid JSON: %1 (at offset %2).")
                        .arg(parseError.errorString())
                        .arg(parseError.offset));
    if (!doc.isObject() || !doc.object().value(u"years"_s).isArray())
        return fail(tr("The calendar must be a JSON object with a \"years\" list."));

    QList<HolidayNotice> notices;
    QMap<QDate, int> yearOfDate; // a date may be claimed by one notice only
    const QJsonArray years = doc.object().value(u"years"_s).toArray();
    for (qsizetype i = 0; i < years.size(); ++i) {
        const QJsonObject object = years.at(i).toObject();
        const HolidayCnFile file = HolidayCnParser::parseObject(object);
        if (!file.ok())
            return fail(tr("Year entry %1 of the calendar: %2").arg(i + 1).arg(file.error));
        HolidayNotice notice;
        notice.year = file.year;
        notice.title = object.value(u"notice"_s).toString();
        notice.document = object.value(u"document"_s).toString();
        notice.issued = QDate::fromString(object.value(u"issued"_s).toString(), Qt::ISODate);
        notice.url = object.value(u"url"_s).toString();
        notice.days = file.days;
        if (notice.title.isEmpty())
            return fail(tr("Year %1 of the calendar names no notice.").arg(notice.year));
        for (const CalendarDay &d : std::as_const(notice.days)) {
            const auto other = yearOfDate.constFind(d.date);
            if (other != yearOfDate.cend())
                return fail(tr("%1 is listed by the notices for both %2 and %3.")
                                .arg(d.date.toString(Qt::ISODate))
                                .arg(*other)
                                .arg(notice.year));
            yearOfDate.insert(d.date, notice.year);
        }
        notices.append(notice);
    }
    return notices;
}

QList<HolidayNotice> BuiltinCalendar::notices()
{
    // Parsed once (thread-safe static initialisation); the resource never changes at run time.
    static const QList<HolidayNotice> cached = [] {
        QFile file(u":/calendar/cn-holidays.json"_s);
        if (!file.open(QIODevice::ReadOnly)) {
            qCWarning(lcCalendar) << "built-in calendar resource is missing:" << file.errorString();
            return QList<HolidayNotice>();
        }
        QString error;
        QList<HolidayNotice> parsed = parse(file.readAll(), &error);
        if (!error.isEmpty())
            qCWarning(lcCalendar) << "built-in calendar resource is broken:" << error;
        return parsed;
    }();
    return cached;
}

QList<CalendarDay> builtinCalendarDays()
{
    QList<CalendarDay> days;
    for (const HolidayNotice &n : BuiltinCalendar::notices())
        days += n.days;
    std::sort(days.begin(), days.end(), [](const CalendarDay &a, const CalendarDay &b) { return a.date < b.date; });
    return days;
}

WorkCalendar builtinWorkCalendar()
{
    WorkCalendar calendar;
    calendar.setDays(builtinCalendarDays());
    return calendar;
}

} // namespace hotline
