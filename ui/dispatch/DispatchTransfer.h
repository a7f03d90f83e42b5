#pragma once

#include <QCoreApplication>
#include <QString>

class QWidget;

namespace hotline {

class ConsoleSession;

/**
 * The dispatcher's transfer of a ticket that is with a department to another one: asks where to
 * (Prompts::askChoice) and why (Prompts::askText), then calls TicketService::transfer. The new department gets
 * its full time limit (DESIGN "Lifecycle decisions").
 */
class DispatchTransfer final
{
    Q_DECLARE_TR_FUNCTIONS(DispatchTransfer)

public:
    /** What became of it: the message to show, and whether it is an error; cancelled means nothing to show. */
    struct Outcome
    {
        bool cancelled = false;
        bool error = false;
        QString message;
    };

    static Outcome run(QWidget *parent, ConsoleSession &session, const QString &ticketId);
};

} // namespace hotline
