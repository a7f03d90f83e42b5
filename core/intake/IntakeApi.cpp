#include "intake/IntakeApi.h"

#include "domain/Enums.h"
#include "service/Workspace.h"
#include "sla/SlaClock.h"
#include "storage/Settings.h"
#include "util/Clock.h"

#include <QDateTime>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QTimeZone>

#include <cmath>

using namespace Qt::StringLiterals;

namespace hotline {
namespace {

/** Reads an optional text field; false with *why when it is there but not a string. */
bool textField(const QJsonObject &o, const QString &name, QString *into, FieldError *why)
{
    const QJsonValue v = o.value(name);
    if (v.isUndefined() || v.isNull())
        return true;
    if (!v.isString()) {
        *why = FieldError{name, IntakeApi::tr("%1 must be a string.").arg(name)};
        return false;
    }
    *into = v.toString();
    return true;
}

bool numberField(const QJsonObject &o, const QString &name, std::optional<double> *into, FieldError *why)
{
    const QJsonValue v = o.value(name);
    if (v.isUndefined() || v.isNull())
        return true;
    if (!v.isDouble() || !std::isfinite(v.toDouble())) {
        *why = FieldError{name, IntakeApi::tr("%1 must be a number (degrees).").arg(name)};
        return false;
    }
    *into = v.toDouble();
    return true;
}

} // namespace

IntakeApi::IntakeApi(Workspace &ws) : m_ws(ws), m_service(ws) {}

ApiResponse IntakeApi::json(int status, const QJsonDocument &doc)
{
    ApiResponse r;
    r.status = status;
    r.headers << std::pair{"Content-Type"_ba, "application/json; charset=utf-8"_ba};
    r.body = doc.toJson(QJsonDocument::Compact);
    return r;
}

ApiResponse IntakeApi::error(int status, const QString &message, Shape shape, const QString &field)
{
    if (shape == Shape::Open311)
        return json(status, QJsonDocument(QJsonArray{QJsonObject{{u"code"_s, status}, {u"description"_s, message}}}));
    QJsonObject o{{u"error"_s, message}};
    if (!field.isEmpty())
        o.insert(u"field"_s, field);
    return json(status, QJsonDocument(o));
}

ApiResponse IntakeApi::ambiguous(const QList<PublicCandidate> &several, Shape shape) const
{
    // 409: the number is right but names more than one request (two consoles gave it alike); each is listed by what
    // the public may see, with the id prefix that asks for it (?id=PREFIX).
    QStringList lines;
    QJsonArray candidates;
    for (const PublicCandidate &c : several) {
        lines << tr("%1 (registered %2: %3)").arg(c.idPrefix, isoTime(c.registeredMs), c.summary.left(80));
        candidates.append(QJsonObject{{u"id"_s, c.idPrefix}, {u"console"_s, c.console},
                                      {u"registered"_s, isoTime(c.registeredMs)}, {u"summary"_s, c.summary}});
    }
    const QString message = tr("This number names %1 requests; ask again with ?id= and one of: %2")
                                .arg(QString::number(several.size()), lines.join(u"; "_s));
    ApiResponse a = error(409, message, shape);
    if (shape == Shape::Native) {
        QJsonObject o = QJsonDocument::fromJson(a.body).object();
        o.insert(u"candidates"_s, candidates);
        a.body = QJsonDocument(o).toJson(QJsonDocument::Compact);
    }
    return a;
}

QString IntakeApi::clientOf(const ApiRequest &r)
{
    const QHostAddress peer(r.peer);
    const QByteArray forwarded = r.headers.value("x-forwarded-for");
    if (peer.isLoopback() && !forwarded.isEmpty()) {
        // nginx's $proxy_add_x_forwarded_for appends the address it saw: the last entry is the one to trust.
        const QString last = QString::fromLatin1(forwarded.split(',').constLast()).trimmed();
        if (!QHostAddress(last).isNull())
            return last;
    }
    return r.peer;
}

QString IntakeApi::isoTime(qint64 ms) const
{
    return QDateTime::fromMSecsSinceEpoch(ms, m_ws.sla().calendar().timeZone()).toString(Qt::ISODate);
}

ApiResponse IntakeApi::handle(const ApiRequest &r)
{
    const QString path = r.path.endsWith(u'/') && r.path.size() > 1 ? r.path.chopped(1) : r.path;
    const bool open311 = path.startsWith(u"/open311/"_s);
    const Shape shape = open311 ? Shape::Open311 : Shape::Native;
    const auto wrongMethod = [&](const char *allow) {
        ApiResponse a = error(405, tr("This address does not take %1.").arg(QString::fromLatin1(r.method.left(16))), shape);
        a.headers << std::pair{"Allow"_ba, QByteArray(allow)};
        return a;
    };
    static const QString requests = u"/api/v1/requests"_s;
    if (path == requests)
        return r.method == "POST" ? postRequest(r) : wrongMethod("POST");
    if (path.startsWith(requests + u'/'))
        return r.method == "GET" ? getRequest(r, path.mid(requests.size() + 1)) : wrongMethod("GET");
    if (path == u"/open311/v2/services.json"_s)
        return r.method == "GET" ? open311Services(r) : wrongMethod("GET");
    if (path == u"/open311/v2/requests.json"_s)
        return r.method == "POST" ? open311Post(r) : wrongMethod("POST");
    static const QString open311Requests = u"/open311/v2/requests/"_s;
    if (path.startsWith(open311Requests) && path.endsWith(u".json"_s))
        return r.method == "GET" ? open311Get(r, path.mid(open311Requests.size()).chopped(5)) : wrongMethod("GET");
    return error(404, tr("There is nothing at this address; see docs/INTAKE.md."), shape);
}

std::optional<IntakeToken> IntakeApi::authenticate(const ApiRequest &r, Shape shape, const QString &apiKey, ApiResponse *refusal)
{
    QByteArray token = apiKey.toUtf8();
    const QByteArray header = r.headers.value("authorization");
    if (header.size() > 7 && header.left(7).toLower() == "bearer ")
        token = header.mid(7).trimmed();
    if (std::optional<IntakeToken> t = IntakeTokens(m_ws.database()).authenticate(token))
        return t;
    *refusal = error(401, token.isEmpty() ? tr("Give the integration's token: Authorization: Bearer TOKEN.")
                                          : tr("The token is not valid (unknown or revoked)."),
                     shape);
    refusal->headers << std::pair{"WWW-Authenticate"_ba, "Bearer"_ba};
    return std::nullopt;
}

std::optional<ApiResponse> IntakeApi::limited(const QString &key, Shape shape)
{
    const int perMinute = m_ws.settings().value(u"intake.requests_per_minute"_s).toInt();
    const std::optional<int> wait = m_limiter.take(key, m_ws.clock().nowMs(), perMinute);
    if (!wait)
        return std::nullopt;
    ApiResponse a = error(429, tr("Too many requests: at most %1 a minute. Try again in %2 s.").arg(perMinute).arg(*wait), shape);
    a.headers << std::pair{"Retry-After"_ba, QByteArray::number(*wait)};
    return a;
}

ApiResponse IntakeApi::submit(const ApiRequest &r, const IntakeToken &token, const NewTicket &input, Shape shape)
{
    const QString key = QString::fromUtf8(r.headers.value("idempotency-key"));
    if (r.headers.contains("idempotency-key")) {
        if (const QString why = IntakeService::checkKey(key); !why.isEmpty())
            return error(400, why, shape, u"Idempotency-Key"_s);
    }
    const IntakeOutcome o = m_service.submit(token, input, key);
    switch (o.kind) {
    case IntakeOutcome::Kind::Created:
    case IntakeOutcome::Kind::Replayed: {
        // A replay answers 200 with the first request's ticket: the client learns the number it missed.
        const int status = o.kind == IntakeOutcome::Kind::Created ? 201 : 200;
        if (shape == Shape::Open311)
            return json(status, QJsonDocument(QJsonArray{QJsonObject{{u"service_request_id"_s, o.number}}}));
        return json(status, QJsonDocument(QJsonObject{{u"number"_s, o.number}, {u"status"_s, o.status}}));
    }
    case IntakeOutcome::Kind::Invalid: {
        const FieldError &e = o.errors.first();
        if (shape == Shape::Open311)
            return error(400, e.field + u": "_s + e.message, shape);
        QJsonArray all;
        for (const FieldError &f : o.errors)
            all << QJsonObject{{u"field"_s, f.field}, {u"message"_s, f.message}};
        return json(400, QJsonDocument(QJsonObject{{u"error"_s, e.message}, {u"field"_s, e.field}, {u"errors"_s, all}}));
    }
    case IntakeOutcome::Kind::KeyReused: return error(422, o.message, shape, u"Idempotency-Key"_s);
    case IntakeOutcome::Kind::Failed: break;
    }
    return error(503, tr("The request was not saved: %1").arg(o.message), shape);
}

ApiResponse IntakeApi::postRequest(const ApiRequest &r)
{
    ApiResponse refusal;
    const std::optional<IntakeToken> token = authenticate(r, Shape::Native, {}, &refusal);
    if (!token)
        return refusal;
    if (std::optional<ApiResponse> busy = limited(u"token:"_s + token->name, Shape::Native))
        return *busy;
    if (r.body.size() > kMaxBody)
        return error(413, tr("The request is too large (at most %1 KiB).").arg(kMaxBody / 1024), Shape::Native);
    QJsonParseError parse{};
    const QJsonDocument doc = QJsonDocument::fromJson(r.body, &parse);
    if (parse.error != QJsonParseError::NoError || !doc.isObject())
        return error(400, parse.error != QJsonParseError::NoError
                              ? tr("The body is not JSON (%1 at byte %2).").arg(parse.errorString()).arg(parse.offset)
                              : tr("The body must be a JSON object."),
                     Shape::Native);
    const QJsonObject o = doc.object();
    NewTicket t;
    FieldError why;
    QString type, category, town;
    if (!textField(o, u"type"_s, &type, &why) || !textField(o, u"summary"_s, &t.summary, &why)
        || !textField(o, u"caller_name"_s, &t.callerName, &why) || !textField(o, u"caller_phone"_s, &t.callerPhone, &why)
        || !textField(o, u"category"_s, &category, &why) || !textField(o, u"town"_s, &town, &why)
        || !textField(o, u"address"_s, &t.address, &why) || !textField(o, u"details"_s, &t.details, &why)
        || !numberField(o, u"latitude"_s, &t.latitude, &why) || !numberField(o, u"longitude"_s, &t.longitude, &why))
        return error(400, why.message, Shape::Native, why.field);
    if (!o.contains(u"type"_s) || !o.contains(u"summary"_s)) {
        const QString missing = o.contains(u"type"_s) ? u"summary"_s : u"type"_s;
        return error(400, tr("%1 is required.").arg(missing), Shape::Native, missing);
    }
    const std::optional<TicketType> kind = ticketTypeFromCode(type);
    if (!kind)
        return error(400, tr("type must be consult, complaint, help, suggestion or report."), Shape::Native, u"type"_s);
    t.type = *kind;
    if (!category.trimmed().isEmpty()) {
        t.category = m_service.categoryNamed(category);
        if (t.category.isEmpty())
            return error(400, tr("There is no category %1 (give its name or code).").arg(category.left(50)), Shape::Native,
                         u"category"_s);
    }
    if (!town.trimmed().isEmpty()) {
        t.town = m_service.townNamed(town);
        if (t.town.isEmpty())
            return error(400, tr("There is no town %1 (give its name or code).").arg(town.left(50)), Shape::Native, u"town"_s);
    }
    return submit(r, *token, t, Shape::Native);
}

ApiResponse IntakeApi::getRequest(const ApiRequest &r, const QString &number)
{
    // Public, like a parcel's tracking page: a citizen's app asks with the number it was given. Limited by
    // client address so numbers cannot be walked quickly.
    if (std::optional<ApiResponse> busy = limited(u"ip:"_s + clientOf(r), Shape::Native))
        return *busy;
    QList<PublicCandidate> several;
    const std::optional<PublicProgress> p = m_service.progress(number, r.query.queryItemValue(u"id"_s), &several);
    if (!p && !several.isEmpty())
        return ambiguous(several, Shape::Native);
    if (!p)
        return error(404, tr("There is no request with this number."), Shape::Native);
    QJsonObject o{{u"number"_s, p->number},
                  {u"status"_s, p->status},
                  {u"stage"_s, p->stage},
                  {u"stage_text"_s, p->stageText},
                  {u"department"_s, p->departmentName.isEmpty() ? QJsonValue() : QJsonValue(p->departmentName)},
                  {u"deadline"_s, p->deadlineS ? QJsonValue(isoTime(*p->deadlineS * 1000)) : QJsonValue()},
                  {u"reply"_s, p->reply.isEmpty() ? QJsonValue() : QJsonValue(p->reply)},
                  {u"registered"_s, isoTime(p->registeredMs)},
                  {u"updated"_s, isoTime(p->updatedMs)}};
    if (!p->formerly.isEmpty())
        o.insert(u"formerly"_s, p->formerly);
    return json(200, QJsonDocument(o));
}

} // namespace hotline
