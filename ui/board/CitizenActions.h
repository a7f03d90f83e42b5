#pragma once

#include <QCoreApplication>
#include <QString>

class QWidget;

namespace hotline {

class ConsoleSession;
class Workspace;
struct Ticket;

/**
 * What the ticket detail offers about the citizen: the progress call (催办) they make by phone, their SMS
 * preference, and what the SMS outbox truthfully did for them (queued is not sent).
 */
class CitizenActions final
{
    Q_DECLARE_TR_FUNCTIONS(CitizenActions)

public:
    /** Whether the signed-in role may record a progress call (the permission table's follow-up). */
    static bool followUpOffered(const ConsoleSession &session);
    /** Asks what the citizen asked (Prompts) and records the progress call; false when cancelled or refused. */
    static bool recordFollowUp(QWidget *parent, ConsoleSession &session, const QString &ticketId);
    /** Whether the signed-in role may change a caller's SMS preference (register). */
    static bool smsToggleOffered(const ConsoleSession &session);
    /** Turns the caller's SMS about the ticket off (or back on) after confirming; false when cancelled or refused. */
    static bool toggleCitizenSms(QWidget *parent, ConsoleSession &session, const QString &ticketId);
    /** One line per SMS to the caller from the outbox (sent, waiting, cancelled), or why none goes out. */
    static QString smsSummary(Workspace &workspace, const Ticket &t);
};

} // namespace hotline
