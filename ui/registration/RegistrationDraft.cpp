#include "registration/RegistrationDraft.h"

using namespace Qt::StringLiterals;

namespace hotline {
namespace {

const QString kVersion = u"v"_s;
const QString kAnonymous = u"anonymous"_s;
const QString kIntakeAnswer = u"intake_answer"_s;
const QString kCloseAtIntake = u"close_at_intake"_s;
const QString kDeclinesSms = u"declines_sms"_s;
const QString kCoordinates = u"coordinates"_s;

} // namespace

bool RegistrationDraft::isBlank() const
{
    return callerPhone.trimmed().isEmpty() && callerName.trimmed().isEmpty() && town.trimmed().isEmpty()
        && category.trimmed().isEmpty() && summary.trimmed().isEmpty() && details.trimmed().isEmpty()
        && intakeAnswer.trimmed().isEmpty() && address.trimmed().isEmpty() && coordinates.trimmed().isEmpty();
}

NewTicket RegistrationDraft::toNewTicket() const
{
    NewTicket t;
    t.channel = channel;
    t.type = type;
    t.category = category.trimmed();
    t.town = town.trimmed();
    if (!anonymous) {
        t.callerName = callerName.trimmed();
        t.callerPhone = callerPhone.trimmed();
    }
    t.summary = summary.trimmed();
    t.details = details.trimmed();
    t.citizenSms = !declinesSms;
    t.address = address.trimmed();
    parseCoordinates(coordinates, &t.latitude, &t.longitude); // unreadable text: the form says so before submit
    return t;
}

bool RegistrationDraft::parseCoordinates(const QString &text, std::optional<double> *latitude,
                                         std::optional<double> *longitude)
{
    latitude->reset();
    longitude->reset();
    QString t = text.trimmed();
    if (t.isEmpty())
        return true;
    t.replace(u'，', u',').replace(u';', u',');
    QStringList parts = t.split(u',', Qt::SkipEmptyParts);
    if (parts.size() == 1)
        parts = t.split(u' ', Qt::SkipEmptyParts);
    if (parts.size() != 2)
        return false;
    bool okLat = false, okLon = false;
    const double lat = parts.at(0).trimmed().toDouble(&okLat);
    const double lon = parts.at(1).trimmed().toDouble(&okLon);
    if (!okLat || !okLon)
        return false;
    *latitude = lat;
    *longitude = lon;
    return true;
}

QJsonObject RegistrationDraft::toJson() const
{
    QJsonObject json {
        {kVersion, kFormatVersion},
        {Key::Channel, toCode(channel)},
        {Key::Type, toCode(type)},
        {Key::CallerPhone, callerPhone},
        {Key::CallerName, callerName},
        {kAnonymous, anonymous},
        {Key::Town, town},
        {Key::Category, category},
        {Key::Summary, summary},
        {Key::Details, details},
        {kIntakeAnswer, intakeAnswer},
        {kCloseAtIntake, closeAtIntake},
        {Key::Address, address},
        {kCoordinates, coordinates},
    };
    if (declinesSms)
        json.insert(kDeclinesSms, true);
    return json;
}

RegistrationDraft RegistrationDraft::fromJson(const QJsonObject &json)
{
    RegistrationDraft d;
    d.channel = channelFromCode(json.value(Key::Channel).toString()).value_or(Channel::Phone);
    d.type = ticketTypeFromCode(json.value(Key::Type).toString()).value_or(TicketType::Consult);
    d.callerPhone = json.value(Key::CallerPhone).toString();
    d.callerName = json.value(Key::CallerName).toString();
    d.anonymous = json.value(kAnonymous).toBool();
    d.town = json.value(Key::Town).toString();
    d.category = json.value(Key::Category).toString();
    d.summary = json.value(Key::Summary).toString();
    d.details = json.value(Key::Details).toString();
    d.intakeAnswer = json.value(kIntakeAnswer).toString();
    d.closeAtIntake = json.value(kCloseAtIntake).toBool();
    d.declinesSms = json.value(kDeclinesSms).toBool();
    d.address = json.value(Key::Address).toString();
    d.coordinates = json.value(kCoordinates).toString();
    return d;
}

} // namespace hotline
