// The Open311 GeoReport v2 subset of the intake API (docs/INTAKE.md): categories as services, requests filed
// and followed in Open311's field names and error shape, so existing Open311 clients work unchanged.
#include "intake/IntakeApi.h"

#include "service/ReferenceStore.h"
#include "service/Workspace.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace hotline {
namespace {

/** The request's fields, from a form-encoded body, a JSON object or the query string (first found wins). */
class Open311Fields
{
public:
    explicit Open311Fields(const ApiRequest &r)
    {
        const QByteArray type = r.headers.value("content-type").toLower();
        const QByteArray body = r.body.trimmed();
        if (type.contains("json") || body.startsWith('{')) {
            const QJsonDocument doc = QJsonDocument::fromJson(body);
            m_json = doc.object();
            m_badJson = !doc.isObject() && !body.isEmpty();
        } else {
            // application/x-www-form-urlencoded: '+' is a space there, and QUrlQuery does not know it.
            QByteArray form = body;
            form.replace('+', "%20");
            m_form = QUrlQuery(QString::fromUtf8(form));
        }
        m_query = r.query;
    }

    bool badJson() const { return m_badJson; }
    bool has(const QString &name) const { return !value(name).isNull(); }
    /** Null when absent. */
    QString value(const QString &name) const
    {
        const QJsonValue v = m_json.value(name);
        if (v.isString())
            return v.toString();
        if (v.isDouble())
            return QString::number(v.toDouble(), 'g', 17);
        if (m_form.hasQueryItem(name))
            return m_form.queryItemValue(name, QUrl::FullyDecoded);
        if (m_query.hasQueryItem(name))
            return m_query.queryItemValue(name, QUrl::FullyDecoded);
        return {};
    }

private:
    QJsonObject m_json;
    QUrlQuery m_form;
    QUrlQuery m_query;
    bool m_badJson = false;
};

QString serviceCodeOf(const ReferenceEntry &c)
{
    return c.code.isEmpty() ? c.name : c.code;
}

} // namespace

ApiResponse IntakeApi::open311Services(const ApiRequest &)
{
    QJsonArray services;
    for (const ReferenceEntry &c : ReferenceStore(m_ws.database()).all(ReferenceKind::Categories)) {
        if (!c.active)
            continue;
        services << QJsonObject{{u"service_code"_s, serviceCodeOf(c)},
                                {u"service_name"_s, c.name},
                                {u"description"_s, c.name},
                                {u"metadata"_s, false},
                                {u"type"_s, u"realtime"_s},
                                {u"keywords"_s, u""_s},
                                {u"group"_s, u""_s}};
    }
    return json(200, QJsonDocument(services));
}

ApiResponse IntakeApi::open311Post(const ApiRequest &r)
{
    if (r.body.size() > kMaxBody)
        return error(413, tr("The request is too large (at most %1 KiB).").arg(kMaxBody / 1024), Shape::Open311);
    const Open311Fields f(r);
    ApiResponse refusal;
    const std::optional<IntakeToken> token = authenticate(r, Shape::Open311, f.value(u"api_key"_s), &refusal);
    if (!token)
        return refusal;
    if (std::optional<ApiResponse> busy = limited(u"token:"_s + token->name, Shape::Open311))
        return *busy;
    if (f.badJson())
        return error(400, tr("The body is not a JSON object."), Shape::Open311);
    NewTicket t;
    t.type = TicketType::Help; // Open311 has no request type: a reported problem asks for help
    if (f.has(u"type"_s)) {    // our extension, for clients that know it
        const std::optional<TicketType> kind = ticketTypeFromCode(f.value(u"type"_s));
        if (!kind)
            return error(400, tr("type: must be consult, complaint, help, suggestion or report."), Shape::Open311);
        t.type = *kind;
    }
    const QString service = f.value(u"service_code"_s);
    if (service.trimmed().isEmpty())
        return error(400, tr("service_code: required (see services.json)."), Shape::Open311);
    t.category = m_service.categoryNamed(service);
    if (t.category.isEmpty())
        return error(400, tr("service_code: there is no service %1 (see services.json).").arg(service.left(50)),
                     Shape::Open311);
    // The description is the summary; a long one keeps its start as the summary and the whole as details.
    const QString description = f.value(u"description"_s).trimmed();
    if (description.size() > TicketService::kMaxSummary) {
        t.summary = description.left(TicketService::kMaxSummary - 1) + u'…';
        t.details = description;
    } else {
        t.summary = description;
    }
    t.address = f.value(u"address_string"_s);
    t.callerName = QString(f.value(u"last_name"_s) + f.value(u"first_name"_s)).trimmed(); // family name first
    t.callerPhone = f.value(u"phone"_s);
    for (const auto &[name, into] : {std::pair{u"lat"_s, &t.latitude}, std::pair{u"long"_s, &t.longitude}}) {
        if (!f.has(name))
            continue;
        bool ok = false;
        const double v = f.value(name).toDouble(&ok);
        if (!ok)
            return error(400, tr("%1: must be a number (degrees).").arg(name), Shape::Open311);
        *into = v;
    }
    return submit(r, *token, t, Shape::Open311);
}

ApiResponse IntakeApi::open311Get(const ApiRequest &r, const QString &id)
{
    if (std::optional<ApiResponse> busy = limited(u"ip:"_s + clientOf(r), Shape::Open311))
        return *busy;
    QList<PublicCandidate> several;
    const std::optional<PublicProgress> p = m_service.progress(id, r.query.queryItemValue(u"id"_s), &several);
    if (!p && !several.isEmpty())
        return ambiguous(several, Shape::Open311);
    if (!p)
        return error(404, tr("There is no request with this number."), Shape::Open311);
    QString code = p->category;
    if (const auto c = ReferenceStore(m_ws.database()).byName(ReferenceKind::Categories, p->category))
        code = serviceCodeOf(*c);
    const QString notes = p->reply.isEmpty() ? p->stageText : p->reply;
    QJsonObject o{{u"service_request_id"_s, p->number},
                  {u"status"_s, p->closed ? u"closed"_s : u"open"_s},
                  {u"status_notes"_s, notes},
                  {u"service_name"_s, p->category},
                  {u"service_code"_s, code},
                  {u"description"_s, p->summary},
                  {u"agency_responsible"_s, p->departmentName},
                  {u"service_notice"_s, u""_s},
                  {u"requested_datetime"_s, isoTime(p->registeredMs)},
                  {u"updated_datetime"_s, isoTime(p->updatedMs)},
                  {u"expected_datetime"_s, p->deadlineS ? QJsonValue(isoTime(*p->deadlineS * 1000)) : QJsonValue()},
                  {u"address"_s, p->address},
                  {u"lat"_s, p->latitude ? QJsonValue(*p->latitude) : QJsonValue()},
                  {u"long"_s, p->longitude ? QJsonValue(*p->longitude) : QJsonValue()}};
    return json(200, QJsonDocument(QJsonArray{o}));
}

} // namespace hotline
