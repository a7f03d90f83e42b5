#include "calendar/HolidayCnParser.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QJsonValue>
#include <QRegularExpression>

#include <cstdlib>

using namespace Qt::StringLiterals;

namespace hotline {

namespace {

HolidayCnFile failure(const QString &error)
{
    HolidayCnFile f;
    f.error = error;
    return f;
}

// Exactly YYYY-MM-DD, as the format promises; QDate then checks that the day exists (no 2025-02-30).
QDate strictIsoDate(const QString &text)
{
    static const QRegularExpression pattern(u"^\\d{4}-\\d{2}-\\d{2}$"_s);
    if (!pattern.match(text).hasMatch())
        return {};
    return QDate::fromString(text, Qt::ISODate);
}

} // namespace

HolidayCnFile HolidayCnParser::parse(const QByteArray &json)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return failure(tr("The holiday calendar is not valid JSON: %1 (at character %2).")
                           .arg(parseError.errorString())
                           .arg(parseError.offset));
    if (!doc.isObject())
        return failure(tr("The holiday calendar must be a JSON object with \"year\" and \"days\"."));
    return parseObject(doc.object());
}

HolidayCnFile HolidayCnParser::parseObject(const QJsonObject &object)
{
    const QJsonValue yearValue = object.value(u"year"_s);
    const double yearNumber = yearValue.toDouble(-1);
    // Range first: converting an out-of-range double to int is undefined (found by the holiday_cn fuzzer).
    if (!yearValue.isDouble() || yearNumber < 1900 || yearNumber > 2200 || yearNumber != double(int(yearNumber)))
        return failure(tr("The holiday calendar needs \"year\" as a whole number between 1900 and 2200."));
    const int year = int(yearNumber);

    const QJsonValue daysValue = object.value(u"days"_s);
    if (!daysValue.isArray())
        return failure(tr("The holiday calendar for %1 needs \"days\" as a list.").arg(year));

    HolidayCnFile file;
    file.year = year;
    const QJsonArray days = daysValue.toArray();
    QHash<QDate, qsizetype> seen; // date -> index, to catch contradictory repeats
    for (qsizetype i = 0; i < days.size(); ++i) {
        const QJsonValue v = days.at(i);
        if (!v.isObject())
            return failure(tr("Entry %1 of the holiday calendar for %2 is not an object.").arg(i + 1).arg(year));
        const QJsonObject d = v.toObject();
        const QJsonValue dateValue = d.value(u"date"_s);
        if (!dateValue.isString())
            return failure(tr("Entry %1 of the holiday calendar for %2 has no \"date\" text.").arg(i + 1).arg(year));
        const QString dateText = dateValue.toString();
        const QDate date = strictIsoDate(dateText);
        if (!date.isValid())
            return failure(tr("Entry %1 of the holiday calendar for %2 has an invalid date \"%3\" "
                              "(expected YYYY-MM-DD).")
                               .arg(i + 1)
                               .arg(year)
                               .arg(dateText));
        // A notice can list the previous December (2019's lists 2018-12-29), but never further away.
        if (std::abs(date.year() - year) > 1)
            return failure(tr("Entry %1 (%2) of the holiday calendar for %3 is too far from that year.")
                               .arg(i + 1)
                               .arg(dateText)
                               .arg(year));
        const QJsonValue nameValue = d.value(u"name"_s);
        if (!nameValue.isString())
            return failure(tr("Entry %1 (%2) of the holiday calendar for %3 has no \"name\" text.")
                               .arg(i + 1)
                               .arg(dateText)
                               .arg(year));
        const QJsonValue offValue = d.value(u"isOffDay"_s);
        if (!offValue.isBool())
            return failure(tr("Entry %1 (%2) of the holiday calendar for %3 needs \"isOffDay\" as true or false.")
                               .arg(i + 1)
                               .arg(dateText)
                               .arg(year));
        const CalendarDay day{date, offValue.toBool(), nameValue.toString()};
        const auto previous = seen.constFind(date);
        if (previous != seen.cend()) {
            if (file.days.at(*previous).isOffDay != day.isOffDay)
                return failure(tr("The holiday calendar for %1 lists %2 twice, once as an off day and once as "
                                  "a working day (entries %3 and %4 of \"days\").")
                                   .arg(year)
                                   .arg(dateText)
                                   .arg(*previous + 1)
                                   .arg(i + 1));
            continue; // a harmless repeat
        }
        seen.insert(date, file.days.size());
        file.days.append(day);
    }
    return file;
}

} // namespace hotline
