#include "notify/SmsGateway.h"

#include "privacy/CallerPrivacy.h"

#include "notify/NotifyLog.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkReply>
#include <QNetworkRequest>

using namespace Qt::StringLiterals;

namespace hotline {

SmsGateway::SmsGateway(QObject *parent) : QObject(parent) {}

QString SmsGateway::checkUrl(const QString &url)
{
    if (url.trimmed().isEmpty())
        return tr("No SMS gateway is configured: set sms.url (hotlinectl config set sms.url URL).");
    const QUrl u(url, QUrl::StrictMode);
    if (!u.isValid() || (u.scheme() != u"http"_s && u.scheme() != u"https"_s) || u.host().isEmpty())
        return tr("The SMS gateway URL \"%1\" is not an http(s) URL.").arg(url);
    return {};
}

QByteArray SmsGateway::body(const SmsRequest &request)
{
    const QJsonObject o{{u"id"_s, request.id}, {u"to"_s, QJsonArray::fromStringList(request.to)}, {u"text"_s, request.text}};
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

void SmsGateway::post(const QUrl &url, const QString &token, int timeoutMs, const SmsRequest &request)
{
    QNetworkRequest r(url);
    r.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json; charset=utf-8"_s);
    if (!token.isEmpty())
        r.setRawHeader("Authorization", "Bearer " + token.toUtf8());
    r.setTransferTimeout(timeoutMs);
    r.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    ++m_inFlight;
    QNetworkReply *reply = m_nam.post(r, body(request));
    const QString id = request.id;
    connect(reply, &QNetworkReply::finished, this, [this, reply, id] {
        reply->deleteLater();
        --m_inFlight;
        SmsResult res;
        res.id = id;
        res.httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QNetworkReply::NetworkError err = reply->error();
        if (err == QNetworkReply::NoError && res.httpStatus >= 200 && res.httpStatus < 300) {
            res.ok = true;
            res.outcome = u"sent"_s;
        } else if (res.httpStatus > 0) {
            res.outcome = u"http_error"_s;
            const QString answer = QString::fromUtf8(reply->readAll().left(200)).simplified();
            res.detail = tr("The SMS gateway answered HTTP %1%2").arg(res.httpStatus).arg(answer.isEmpty() ? QString() : u": "_s + answer);
        } else if (err == QNetworkReply::OperationCanceledError || err == QNetworkReply::TimeoutError) {
            res.outcome = u"timeout"_s;
            res.detail = tr("The SMS gateway did not answer in time.");
        } else {
            res.outcome = u"network"_s;
            res.detail = tr("Cannot reach the SMS gateway: %1").arg(reply->errorString());
        }
        // The gateway's answer may quote the recipient: never a whole phone number in the log (PRODUCT §8).
        res.detail = CallerPrivacy::scrubPhoneNumbers(res.detail);
        qCInfo(lcNotify) << "SMS" << id << res.outcome << res.httpStatus << res.detail;
        Q_EMIT finished(res);
    });
}

} // namespace hotline
