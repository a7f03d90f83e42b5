#pragma once

#include "auth/Actor.h"

#include <QCoreApplication>
#include <QString>

namespace hotline {

class SmsOutbox;
class Workspace;

/**
 * Urging (督办, PRODUCT §4): a supervisor's Urged event on a counting ticket and, when asked, an SMS to the
 * department head, queued in the same transaction as the event so it cannot be lost.
 */
class Urging final
{
    Q_DECLARE_TR_FUNCTIONS(Urging)

public:
    Urging(Workspace &workspace, SmsOutbox &outbox);

    /** Records the urging; with smsHead also queues the head's SMS. Returns the event id, or empty with error set.
     *  warning is set (the urging still recorded) when the head has no phone number to text. */
    QString urge(const Actor &actor, const QString &ticketId, const QString &note, bool smsHead, QString *error,
                 QString *warning = nullptr);

private:
    Workspace &m_ws;
    SmsOutbox &m_outbox;
};

} // namespace hotline
