#pragma once

#include <QCoreApplication>
#include <QString>

class QWidget;

namespace hotline {

class ConsoleSession;

/**
 * The supervisor's urge (督办): asks a note and, where the console runs the SMS outbox (a NotifyService), whether
 * to text the department head too; then TicketService::urge, or Urging with the head's SMS queued in the same
 * transaction.
 */
class UrgeAction final
{
    Q_DECLARE_TR_FUNCTIONS(UrgeAction)

public:
    /** Whether the signed-in role is offered the action (supervisors; administrators may do everything). */
    static bool offeredTo(const ConsoleSession &session);
    /** Asks for a note and urges; false when cancelled, left empty or refused (the reason is shown). */
    static bool run(QWidget *parent, ConsoleSession &session, const QString &ticketId);

    /** Test support: the next run() with SMS offered takes this answer instead of opening its dialog; a null
     *  note means "cancelled". Without SMS offered, the note is asked through Prompts as before. */
    static void queueAnswer(const QString &note, bool smsHead);
};

} // namespace hotline
