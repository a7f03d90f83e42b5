#pragma once

#include "notify/CitizenNotifier.h"
#include "notify/Escalator.h"
#include "notify/MessageClaims.h"
#include "notify/SmsOutbox.h"
#include "notify/SmsSender.h"
#include "notify/Urging.h"

#include <QObject>

#include <memory>

namespace hotline {

class Workspace;

/**
 * Reminders and accountability for one workspace, wired: the escalator queues SMS in the outbox and the
 * citizen notifier queues the SMS that events call for (CitizenNotifier), and the
 * sender delivers them through a claim store (local SQLite unless another, e.g. the shared server's, is given).
 */
class NotifyService final : public QObject
{
    Q_OBJECT

public:
    /** claims: null for the local (standalone) claim store. */
    explicit NotifyService(Workspace &workspace, std::unique_ptr<MessageClaims> claims = {}, QObject *parent = nullptr);
    ~NotifyService() override;

    SmsOutbox &outbox() { return m_outbox; }
    MessageClaims &claims() { return *m_claims; }
    SmsSender &sender() { return *m_sender; }
    Escalator &escalator() { return *m_escalator; }
    /** The SMS that events call for: to the caller (registration, reply), to a department on a progress call. */
    CitizenNotifier &citizen() { return *m_citizen; }
    Urging urging() { return Urging(m_ws, m_outbox); }

    /** Catches up (escalates everything due, sends what is due) and, when automatic, keeps doing so on timers. */
    EscalationResult start(bool automatic);

private:
    Workspace &m_ws;
    SmsOutbox m_outbox;
    std::unique_ptr<MessageClaims> m_claims;
    std::unique_ptr<SmsSender> m_sender;
    std::unique_ptr<Escalator> m_escalator;
    std::unique_ptr<CitizenNotifier> m_citizen;
};

} // namespace hotline
