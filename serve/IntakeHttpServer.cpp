#include "IntakeHttpServer.h"

#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QMetaEnum>
#include <QTcpServer>

namespace hotline {

IntakeHttpServer::IntakeHttpServer(Workspace &ws, QObject *parent) : QAbstractHttpServer(parent), m_api(ws) {}

quint16 IntakeHttpServer::start(const QHostAddress &address, quint16 port, QString *error)
{
    auto *server = new QTcpServer(this);
    if (!server->listen(address, port)) {
        *error = server->errorString();
        delete server;
        return 0;
    }
    bind(server);
    return server->serverPort();
}

bool IntakeHttpServer::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    ApiRequest r;
    r.method = QMetaEnum::fromType<QHttpServerRequest::Method>().valueToKey(int(request.method()));
    r.method = r.method.toUpper();
    r.path = request.url().path(QUrl::FullyDecoded);
    r.query = request.query();
    for (const auto &[name, value] : request.headers())
        r.headers.insert(name.toLower(), value);
    r.body = request.body();
    r.peer = request.remoteAddress().toString();
    const ApiResponse a = m_api.handle(r);

    QHttpServerResponder responder = makeResponder(request, socket);
    responder.writeStatusLine(static_cast<QHttpServerResponder::StatusCode>(a.status));
    for (const auto &[name, value] : a.headers)
        responder.writeHeader(name, value);
    responder.writeHeader("Cache-Control", "no-store");
    responder.writeHeader("Content-Length", QByteArray::number(a.body.size()));
    responder.writeBody(a.body);
    if ((a.status == 201) && m_onAccepted)
        m_onAccepted();
    return true;
}

void IntakeHttpServer::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket)
{
    // handleRequest answers everything; this is only Qt's contract.
    makeResponder(request, socket).write(QHttpServerResponder::StatusCode::NotFound);
}

} // namespace hotline
