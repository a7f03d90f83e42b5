#pragma once

#include "auth/Actor.h"
#include "domain/Ticket.h"
#include "domain/TicketEvent.h"
#include "privacy/CallerReveal.h"
#include "sla/SlaClock.h"

#include <QTextBrowser>

#include <functional>

namespace hotline {

class ConsoleSession;

/**
 * The side panel of the department desk: one ticket's fields, its caller, its text and its history. The
 * caller is masked; where the permission table allows it (a liaison for their own department's tickets —
 * the department has to contact the citizen) a "Show number" link reveals the caller through CallerReveal,
 * which logs the view. The reveal holds while the same ticket stays selected.
 */
class DeskTicketDetail final : public QTextBrowser
{
    Q_OBJECT

public:
    using DepartmentName = std::function<QString(const QString &code)>;

    explicit DeskTicketDetail(ConsoleSession &session, QWidget *parent = nullptr);

    /** Shows a ticket with its history (oldest first). */
    void showTicket(const Ticket &t, const QList<TicketEvent> &history, const SlaClock &sla,
                    const DepartmentName &departmentName);
    /** Shows the "select a ticket" placeholder. */
    void showNothing();
    /** The ticket shown, or empty. */
    QString ticketId() const { return m_ticketId; }
    /** Whether "Show number" is offered for the ticket shown. */
    bool offersReveal() const;

public Q_SLOTS:
    /** Shows the caller of the ticket shown in full, logging the view; false (with a message) when refused. */
    bool revealCaller();

private:
    void render();

    ConsoleSession &m_session;
    QString m_ticketId;
    Ticket m_ticket;
    QList<TicketEvent> m_history;
    SlaClock m_sla;
    DepartmentName m_departmentName;
    std::optional<RevealedCaller> m_revealed;
};

} // namespace hotline
