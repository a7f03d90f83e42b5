#pragma once

#include <QCoreApplication>
#include <QString>

class QWidget;

namespace hotline {

class ConsoleSession;

/** The supervisor's urge (督办): ask a note through Prompts, then TicketService::urge. */
class UrgeAction final
{
    Q_DECLARE_TR_FUNCTIONS(UrgeAction)

public:
    /** Whether the signed-in role is offered the action (supervisors; administrators may do everything). */
    static bool offeredTo(const ConsoleSession &session);
    /** Asks for a note and urges; false when cancelled, left empty or refused (the reason is shown). */
    static bool run(QWidget *parent, ConsoleSession &session, const QString &ticketId);
};

} // namespace hotline
