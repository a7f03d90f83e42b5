#pragma once

#include <QCoreApplication>
#include <QNetworkAccessManager>
#include <QObject>
#include <QStringList>
#include <QUrl>

namespace hotline {

/** One SMS as the gateway receives it: POST {"id": …, "to": […], "text": …}. */
struct SmsRequest
{
    QString id; ///< stable per message, so the gateway can drop repeats
    QStringList to;
    QString text;
};

/** How one POST ended. */
struct SmsResult
{
    QString id;
    bool ok = false;
    int httpStatus = 0;  ///< 0 when no HTTP answer arrived
    QString outcome;     ///< sent | http_error | timeout | network
    QString detail;      ///< readable reason when not ok
};

/**
 * The HTTP client of the SMS gateway: POSTs JSON with `Authorization: Bearer TOKEN`, gives up after a timeout,
 * and reports every request exactly once through finished(). Never blocks: the caller's thread keeps running.
 */
class SmsGateway final : public QObject
{
    Q_OBJECT

public:
    explicit SmsGateway(QObject *parent = nullptr);

    /** Empty when url can be posted to, otherwise the reason (missing, not http(s), no host). */
    static QString checkUrl(const QString &url);
    /** The request body, compact JSON. */
    static QByteArray body(const SmsRequest &request);

    /** Posts request; finished() follows once, at the latest timeoutMs after the last byte moved. */
    void post(const QUrl &url, const QString &token, int timeoutMs, const SmsRequest &request);
    int inFlight() const { return m_inFlight; }

Q_SIGNALS:
    /** A POST ended (accepted, refused, timed out or failed on the network). */
    void finished(const hotline::SmsResult &result);

private:
    QNetworkAccessManager m_nam;
    int m_inFlight = 0;
};

} // namespace hotline
