#include "FakeSmsGateway.h"

#include <QJsonDocument>
#include <QTcpSocket>

using namespace Qt::StringLiterals;

namespace hotline::test {

FakeSmsGateway::FakeSmsGateway(QObject *parent) : QObject(parent)
{
    m_server.listen(QHostAddress::LocalHost, 0);
    connect(&m_server, &QTcpServer::newConnection, this, [this] {
        while (QTcpSocket *s = m_server.nextPendingConnection()) {
            s->setParent(this);
            connect(s, &QTcpSocket::readyRead, this, [this, s] { onReadyRead(s); });
            connect(s, &QTcpSocket::disconnected, s, &QObject::deleteLater);
        }
    });
}

FakeSmsGateway::~FakeSmsGateway() = default;

QString FakeSmsGateway::url() const
{
    return u"http://127.0.0.1:%1/sms"_s.arg(m_server.serverPort());
}

QStringList FakeSmsGateway::acceptedIds() const
{
    QStringList ids;
    for (const GatewayRequest &r : m_accepted)
        ids << r.body.value(u"id"_s).toString();
    return ids;
}

void FakeSmsGateway::clear()
{
    m_requests.clear();
    m_accepted.clear();
}

void FakeSmsGateway::onReadyRead(QTcpSocket *socket)
{
    // The request so far is kept on the socket until its headers and Content-Length bytes have arrived.
    QByteArray buffer = socket->property("buffer").toByteArray() + socket->readAll();
    const qsizetype headerEnd = buffer.indexOf("\r\n\r\n");
    if (headerEnd < 0) {
        socket->setProperty("buffer", buffer);
        return;
    }
    GatewayRequest r;
    qsizetype contentLength = 0;
    const QList<QByteArray> lines = buffer.left(headerEnd).split('\n');
    const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
    r.method = requestLine.value(0);
    r.path = requestLine.value(1);
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        const qsizetype colon = line.indexOf(':');
        const QByteArray name = line.left(colon).trimmed().toLower();
        const QByteArray value = line.mid(colon + 1).trimmed();
        if (name == "content-length")
            contentLength = value.toLongLong();
        else if (name == "authorization")
            r.authorization = value;
        else if (name == "content-type")
            r.contentType = value;
    }
    if (buffer.size() < headerEnd + 4 + contentLength) {
        socket->setProperty("buffer", buffer);
        return;
    }
    socket->setProperty("buffer", buffer.mid(headerEnd + 4 + contentLength));
    r.body = QJsonDocument::fromJson(buffer.mid(headerEnd + 4, contentLength)).object();
    m_requests << r;
    Q_EMIT requestReceived();
    switch (m_mode) {
    case Mode::Ok: {
        m_accepted << r;
        socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 11\r\n\r\n{\"ok\":true}");
        break;
    }
    case Mode::Error500:
        socket->write("HTTP/1.1 500 Internal Server Error\r\nContent-Type: text/plain\r\nContent-Length: 14\r\n\r\ngateway broken");
        break;
    case Mode::Hang:
        m_hanging << socket;
        break;
    case Mode::Drop:
        socket->abort();
        break;
    }
}

} // namespace hotline::test
