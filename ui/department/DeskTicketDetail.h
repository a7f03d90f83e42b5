#pragma once

#include "auth/Actor.h"
#include "domain/Ticket.h"
#include "domain/TicketEvent.h"

#include <QTextBrowser>

#include <functional>

namespace hotline {

class SlaClock;

/**
 * The side panel of the department desk: one ticket's fields, its caller, its text and its history. The
 * caller's name and phone number are shown as CallerPrivacy decides for the signed-in role; a liaison sees
 * them in full, because the department has to contact the citizen to handle the matter, and a liaison only
 * ever sees their own department's tickets.
 */
class DeskTicketDetail final : public QTextBrowser
{
    Q_OBJECT

public:
    using DepartmentName = std::function<QString(const QString &code)>;

    explicit DeskTicketDetail(QWidget *parent = nullptr);

    /** Shows a ticket with its history (oldest first). */
    void showTicket(const Ticket &t, const QList<TicketEvent> &history, const SlaClock &sla, Role viewer,
                    const DepartmentName &departmentName);
    /** Shows the "select a ticket" placeholder. */
    void showNothing();
    /** The ticket shown, or empty. */
    QString ticketId() const { return m_ticketId; }

private:
    QString m_ticketId;
};

} // namespace hotline
