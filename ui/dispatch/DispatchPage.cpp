#include "dispatch/DispatchPage.h"

#include "board/TicketDetailDialog.h"

namespace hotline {

DispatchPage::DispatchPage(ConsoleSession &session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
{
}

void DispatchPage::openDetail(const QString &ticketId)
{
    if (ticketId.isEmpty())
        return;
    auto *dialog = new TicketDetailDialog(m_session, ticketId, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
}

} // namespace hotline
