#include "board/CitizenActions.h"

#include "auth/Permissions.h"
#include "board/EventDescriptions.h"
#include "domain/Ticket.h"
#include "notify/CitizenNotifier.h"
#include "notify/SmsOutbox.h"
#include "service/TicketService.h"
#include "service/Workspace.h"
#include "sla/SlaClock.h"
#include "storage/EventStore.h"
#include "support/ConsoleSession.h"
#include "support/Prompts.h"

using namespace Qt::StringLiterals;

namespace hotline {

bool CitizenActions::followUpOffered(const ConsoleSession &session)
{
    return Permissions::allows(session.actor(), Action::FollowUp);
}

bool CitizenActions::recordFollowUp(QWidget *parent, ConsoleSession &session, const QString &ticketId)
{
    const std::optional<QString> note
        = Prompts::askText(parent, tr("Progress call (催办)"), tr("What did the citizen ask?"), true);
    if (!note)
        return false;
    if (note->trimmed().isEmpty()) {
        Prompts::warning(parent, tr("Progress call (催办)"), tr("Please note what the citizen asked."));
        return false;
    }
    QString error;
    if (!session.workspace().tickets().followUp(session.actor(), ticketId, *note, &error)) {
        Prompts::warning(parent, tr("Progress call (催办)"), error);
        return false;
    }
    return true;
}

bool CitizenActions::smsToggleOffered(const ConsoleSession &session)
{
    return Permissions::allows(session.actor(), Action::Register);
}

bool CitizenActions::toggleCitizenSms(QWidget *parent, ConsoleSession &session, const QString &ticketId)
{
    const Ticket t = session.workspace().events().ticket(ticketId);
    const bool on = !t.citizenSms;
    const QString question = on ? tr("The caller of ticket %1 wants SMS about it again?").arg(t.number)
                                : tr("The caller of ticket %1 declines SMS about it? No further SMS goes to them, "
                                     "including those already waiting.")
                                      .arg(t.number);
    if (!Prompts::confirm(parent, tr("SMS to the caller"), question))
        return false;
    QString error;
    if (!session.workspace().tickets().setCitizenSms(session.actor(), ticketId, on, &error)) {
        Prompts::warning(parent, tr("SMS to the caller"), error);
        return false;
    }
    return true;
}

QString CitizenActions::smsSummary(Workspace &workspace, const Ticket &t)
{
    QStringList lines;
    const SlaClock sla = workspace.sla();
    const WorkCalendar &calendar = sla.calendar();
    for (const OutboxMessage &m : SmsOutbox(workspace.database()).forTicket(t.id)) {
        if (m.audience != u"citizen"_s)
            continue;
        const QString what = m.kind == u"citizen_registered"_s ? tr("Registration SMS") : tr("Reply SMS");
        if (m.state == u"sent"_s || m.state == u"sent_elsewhere"_s) {
            const QString at = m.sentMs ? EventDescriptions::localTime(*m.sentMs / 1000, calendar) : QString();
            lines << (m.state == u"sent"_s ? tr("%1: sent %2").arg(what, at)
                                            : tr("%1: sent by another console (recorded %2)").arg(what, at));
        } else if (m.state == u"cancelled"_s) {
            lines << tr("%1: not sent (%2)").arg(what, m.lastError);
        } else if (m.lastError.isEmpty()) {
            lines << tr("%1: queued, not sent yet").arg(what);
        } else {
            lines << tr("%1: queued, not sent yet; %n attempt(s), last problem: %2", nullptr, m.attempts)
                         .arg(what, m.lastError);
        }
    }
    const QString why = CitizenNotifier::whyNoCitizenSms(workspace, t);
    if (!why.isEmpty())
        lines << tr("No SMS to the caller: %1").arg(why);
    else if (lines.isEmpty())
        lines << tr("The caller receives SMS about this ticket; none queued yet.");
    return lines.join(u'\n');
}

} // namespace hotline
