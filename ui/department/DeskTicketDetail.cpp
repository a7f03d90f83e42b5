#include "department/DeskTicketDetail.h"

#include "board/CallerPrivacy.h"
#include "board/EventDescriptions.h"
#include "department/DeskText.h"
#include "department/DeskTicketModel.h"
#include "domain/DisplayNames.h"
#include "sla/SlaClock.h"

using namespace Qt::StringLiterals;

namespace hotline {
namespace {

QString esc(const QString &s)
{
    QString html = s.toHtmlEscaped();
    html.replace(u'\n', u"<br>"_s);
    return html;
}

QString row(const QString &label, const QString &value)
{
    return u"<tr><td style='padding-right:12px; color:#555'>"_s + esc(label) + u"</td><td>"_s + esc(value)
        + u"</td></tr>"_s;
}

} // namespace

DeskTicketDetail::DeskTicketDetail(QWidget *parent)
    : QTextBrowser(parent)
{
    setObjectName(u"deskDetail"_s);
    setOpenLinks(false);
    setMinimumWidth(280);
    showNothing();
}

void DeskTicketDetail::showNothing()
{
    m_ticketId.clear();
    setHtml(u"<p style='color:#777'>"_s + esc(tr("Select a ticket to see its details.")) + u"</p>"_s);
}

void DeskTicketDetail::showTicket(const Ticket &t, const QList<TicketEvent> &history, const SlaClock &sla, Role viewer,
                                  const DepartmentName &departmentName)
{
    m_ticketId = t.id;
    const WorkCalendar &calendar = sla.calendar();
    QString html = u"<h3>"_s + esc(tr("Ticket %1").arg(t.number)) + u"</h3><table>"_s;
    html += row(tr("State"), DeskTicketModel::stateText(t));
    html += row(tr("Type"), DisplayNames::of(t.type));
    html += row(tr("Channel"), DisplayNames::of(t.channel));
    if (!t.category.isEmpty())
        html += row(tr("Category"), t.category);
    if (!t.town.isEmpty())
        html += row(tr("Town"), t.town);
    html += row(tr("Caller"), CallerPrivacy::nameFor(viewer, t.callerName));
    html += row(tr("Phone"), CallerPrivacy::phoneFor(viewer, t.callerPhone));
    html += row(tr("Registered"), DeskText::localMinute(t.registeredMs / 1000, calendar));
    if (t.dispatchedMs)
        html += row(tr("Received"), DeskText::localMinute(*t.dispatchedMs / 1000, calendar));
    if (t.deadlineS)
        html += row(tr("Deadline"), DeskText::localMinute(*t.deadlineS, calendar));
    html += u"</table>"_s;
    html += u"<h4>"_s + esc(tr("Summary")) + u"</h4><p>"_s + esc(t.summary) + u"</p>"_s;
    if (!t.details.isEmpty())
        html += u"<h4>"_s + esc(tr("Details")) + u"</h4><p>"_s + esc(t.details) + u"</p>"_s;
    html += u"<h4>"_s + esc(tr("History")) + u"</h4><table>"_s;
    for (const TicketEvent &e : history) {
        const QString details = EventDescriptions::details(e, calendar, departmentName);
        html += u"<tr><td style='padding-right:8px; color:#555'>"_s
            + esc(EventDescriptions::localTime(e.atMs / 1000, calendar)) + u"</td><td><b>"_s
            + esc(DisplayNames::of(e.type)) + u"</b> "_s + esc(EventDescriptions::actor(e))
            + (details.isEmpty() ? QString() : u"<br>"_s + esc(details)) + u"</td></tr>"_s;
    }
    html += u"</table>"_s;
    setHtml(html);
}

} // namespace hotline
