#pragma once

#include "intake/IntakeService.h"
#include "intake/RateLimiter.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QString>
#include <QUrlQuery>

#include <optional>
#include <utility>

namespace hotline {

class Workspace;

/** An HTTP request as the intake API sees it, whatever server read it. */
struct ApiRequest
{
    QByteArray method;                  ///< "GET", "POST", …
    QString path;                       ///< decoded path, e.g. /api/v1/requests/2503010001
    QUrlQuery query;
    QHash<QByteArray, QByteArray> headers; ///< names in lower case
    QByteArray body;
    QString peer;                       ///< the client's address
};

struct ApiResponse
{
    int status = 200;
    QList<std::pair<QByteArray, QByteArray>> headers;
    QByteArray body;
};

/**
 * The intake service's HTTP API as plain code (docs/INTAKE.md): routes a request to the native API
 * (/api/v1/requests) or the Open311 GeoReport v2 subset (/open311/v2/…), checks token, size and rate, and answers
 * in the right shape. Never throws and never crashes on any input: every refusal is an answer.
 */
class IntakeApi final
{
    Q_DECLARE_TR_FUNCTIONS(IntakeApi)

public:
    explicit IntakeApi(Workspace &ws);

    static constexpr qsizetype kMaxBody = 64 * 1024;

    ApiResponse handle(const ApiRequest &request);

private:
    enum class Shape { Native, Open311 };

    ApiResponse postRequest(const ApiRequest &r);
    ApiResponse getRequest(const ApiRequest &r, const QString &number);
    ApiResponse open311Services(const ApiRequest &r);
    ApiResponse open311Post(const ApiRequest &r);
    ApiResponse open311Get(const ApiRequest &r, const QString &id);

    /** The token of the Authorization header (or Open311's api_key); nullopt after filling *refusal (401). */
    std::optional<IntakeToken> authenticate(const ApiRequest &r, Shape shape, const QString &apiKey, ApiResponse *refusal);
    /** A 429 when key's bucket is empty. */
    std::optional<ApiResponse> limited(const QString &key, Shape shape);
    /** Registers and answers (201, the replayed ticket, or why not). */
    ApiResponse submit(const ApiRequest &r, const IntakeToken &token, const NewTicket &input, Shape shape);
    /** The client address a rate limit counts: the proxy's X-Forwarded-For when the peer is this machine. */
    static QString clientOf(const ApiRequest &r);
    QString isoTime(qint64 ms) const;

    static ApiResponse json(int status, const QJsonDocument &doc);
    static ApiResponse error(int status, const QString &message, Shape shape, const QString &field = {});
    /** A 409 for a number that names several requests (two consoles gave it alike), listing them. */
    ApiResponse ambiguous(const QList<PublicCandidate> &several, Shape shape) const;

    Workspace &m_ws;
    IntakeService m_service;
    RateLimiter m_limiter;
};

} // namespace hotline
