#include "notify/NotifyService.h"

#include "notify/LocalMessageClaims.h"
#include "service/Workspace.h"
#include "storage/Database.h"
#include "sync/ServerMessageClaims.h"
#include "sync/SyncEngine.h"

namespace hotline {

namespace {

// Standalone the local file guards exactly-once; a console that joined a shared server claims there, so that
// one SMS goes out however many consoles and escalators watch the same ticket.
std::unique_ptr<MessageClaims> defaultClaims(Workspace &ws)
{
    const QString url = ws.database().meta(SyncEngine::urlKey());
    if (url.isEmpty())
        return std::make_unique<LocalMessageClaims>(ws.database());
    return std::make_unique<ServerMessageClaims>(url);
}

} // namespace

NotifyService::NotifyService(Workspace &workspace, std::unique_ptr<MessageClaims> claims, QObject *parent)
    : QObject(parent),
      m_ws(workspace),
      m_outbox(workspace.database()),
      m_claims(claims ? std::move(claims) : defaultClaims(workspace)),
      m_sender(std::make_unique<SmsSender>(workspace, m_outbox, *m_claims)),
      m_escalator(std::make_unique<Escalator>(workspace, m_outbox)),
      m_citizen(std::make_unique<CitizenNotifier>(workspace, m_outbox))
{
    connect(m_escalator.get(), &Escalator::remindersQueued, m_sender.get(), [this] { m_sender->sendDue(); });
    connect(m_citizen.get(), &CitizenNotifier::queued, m_sender.get(), [this] { m_sender->sendDue(); });
}

NotifyService::~NotifyService() = default;

EscalationResult NotifyService::start(bool automatic)
{
    EscalationResult r = m_escalator->start();
    const CitizenSmsResult c = m_citizen->processNew();
    r.citizenSms = c.citizen;
    r.followUpAlerts = c.followUpAlerts;
    if (r.error.isEmpty())
        r.error = c.error;
    m_escalator->setAutomatic(automatic);
    m_citizen->setAutomatic(automatic);
    m_sender->setAutomatic(automatic);
    m_sender->sendDue();
    return r;
}

} // namespace hotline
