#pragma once

#include "intake/IntakeApi.h"

#include <QAbstractHttpServer>
#include <QHostAddress>

#include <functional>

namespace hotline {

class Workspace;

/**
 * hotlinectl serve's HTTP server: Qt HTTP Server reads each request, IntakeApi answers it, on this thread.
 * Requests are handled one at a time, so every accepted request is committed before its answer is written.
 */
class IntakeHttpServer final : public QAbstractHttpServer
{
    Q_OBJECT

public:
    explicit IntakeHttpServer(Workspace &ws, QObject *parent = nullptr);

    /** Listens on address:port (0: any free port); returns the port, 0 with error set when it cannot. */
    quint16 start(const QHostAddress &address, quint16 port, QString *error);

    /** Called after each request that registered a ticket (serve runs a sync pass then). */
    void setOnAccepted(std::function<void()> f) { m_onAccepted = std::move(f); }

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    IntakeApi m_api;
    std::function<void()> m_onAccepted;
};

} // namespace hotline
