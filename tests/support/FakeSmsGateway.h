#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QStringList>
#include <QTcpServer>

class QTcpSocket;

namespace hotline::test {

/** One request the gateway received. */
struct GatewayRequest
{
    QByteArray method;
    QByteArray path;
    QByteArray authorization; ///< the Authorization header as sent
    QByteArray contentType;
    QJsonObject body;         ///< the parsed JSON body (empty when it was not JSON)
};

/**
 * A small SMS gateway for tests: a real HTTP/1.1 server on 127.0.0.1 (any free port) that records every
 * request and answers according to its mode: 200, 500, never (hang) or by dropping the connection.
 */
class FakeSmsGateway final : public QObject
{
    Q_OBJECT

public:
    enum class Mode { Ok, Error500, Hang, Drop };

    explicit FakeSmsGateway(QObject *parent = nullptr);
    ~FakeSmsGateway() override;

    bool isListening() const { return m_server.isListening(); }
    /** http://127.0.0.1:PORT/sms */
    QString url() const;
    void setMode(Mode mode) { m_mode = mode; }

    QList<GatewayRequest> requests() const { return m_requests; }
    /** Requests answered 200, i.e. SMS the gateway accepted (counting repeats of one id). */
    QList<GatewayRequest> accepted() const { return m_accepted; }
    /** The "id" of every accepted request, in order. */
    QStringList acceptedIds() const;
    void clear();

Q_SIGNALS:
    /** A complete request arrived (before it is answered). */
    void requestReceived();

private:
    void onReadyRead(QTcpSocket *socket);

    QTcpServer m_server;
    Mode m_mode = Mode::Ok;
    QList<GatewayRequest> m_requests;
    QList<GatewayRequest> m_accepted;
    QList<QTcpSocket *> m_hanging; // kept open, never answered
};

} // namespace hotline::test
