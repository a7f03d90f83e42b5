#include "department/DeskTicketDetail.h"

#include "board/CallerRevealPrompt.h"
#include "board/EventDescriptions.h"
#include "department/DeskText.h"
#include "department/DeskTicketModel.h"
#include "domain/DisplayNames.h"
#include "privacy/CallerPrivacy.h"
#include "support/ConsoleSession.h"
#include "support/Prompts.h"

#include <QUrl>

using namespace Qt::StringLiterals;

namespace hotline {
namespace {

QString esc(const QString &s)
{
    QString html = s.toHtmlEscaped();
    html.replace(u'\n', u"<br>"_s);
    return html;
}

QString rowHtml(const QString &label, const QString &valueHtml)
{
    return u"<tr><td style='padding-right:12px; color:#555'>"_s + esc(label) + u"</td><td>"_s + valueHtml
        + u"</td></tr>"_s;
}

QString row(const QString &label, const QString &value)
{
    return rowHtml(label, esc(value));
}

const QString kRevealLink = u"reveal:caller"_s;

} // namespace

DeskTicketDetail::DeskTicketDetail(ConsoleSession &session, QWidget *parent)
    : QTextBrowser(parent)
    , m_session(session)
    , m_sla(session.sla())
{
    setObjectName(u"deskDetail"_s);
    setOpenLinks(false);
    setMinimumWidth(280);
    connect(this, &QTextBrowser::anchorClicked, this, [this](const QUrl &url) {
        if (url.toString() == kRevealLink)
            revealCaller();
    });
    showNothing();
}

bool DeskTicketDetail::offersReveal() const
{
    return !m_ticketId.isEmpty() && CallerReveal::offered(m_session.actor(), m_ticket);
}

bool DeskTicketDetail::revealCaller()
{
    if (m_ticketId.isEmpty())
        return false;
    std::optional<RevealedCaller> caller = CallerRevealPrompt::reveal(this, m_session, m_ticketId);
    if (!caller)
        return false;
    m_revealed = std::move(caller);
    render();
    return true;
}

void DeskTicketDetail::showNothing()
{
    m_ticketId.clear();
    m_ticket = Ticket();
    m_history.clear();
    m_revealed.reset();
    setHtml(u"<p style='color:#777'>"_s + esc(tr("Select a ticket to see its details.")) + u"</p>"_s);
}

void DeskTicketDetail::showTicket(const Ticket &t, const QList<TicketEvent> &history, const SlaClock &sla,
                                  const DepartmentName &departmentName)
{
    if (t.id != m_ticketId)
        m_revealed.reset(); // a reveal is for one ticket, while it stays selected
    m_ticketId = t.id;
    m_ticket = t;
    m_history = history;
    m_sla = sla;
    m_departmentName = departmentName;
    if (!offersReveal())
        m_revealed.reset();
    render();
}

void DeskTicketDetail::render()
{
    const Ticket &t = m_ticket;
    const WorkCalendar &calendar = m_sla.calendar();
    QString html = u"<h3>"_s + esc(tr("Ticket %1").arg(t.number)) + u"</h3><table>"_s;
    html += row(tr("State"), DeskTicketModel::stateText(t));
    html += row(tr("Type"), DisplayNames::of(t.type));
    html += row(tr("Channel"), DisplayNames::of(t.channel));
    if (!t.category.isEmpty())
        html += row(tr("Category"), t.category);
    if (!t.town.isEmpty())
        html += row(tr("Town"), t.town);
    if (m_revealed) {
        html += row(tr("Caller"), m_revealed->name.isEmpty() ? tr("anonymous") : m_revealed->name);
        html += row(tr("Phone"), m_revealed->phone.isEmpty() ? tr("—") : m_revealed->phone);
    } else {
        html += row(tr("Caller"), CallerPrivacy::shownName(t.callerName));
        QString phone = esc(CallerPrivacy::shownPhone(t.callerPhone));
        if (offersReveal())
            phone += u" &nbsp;<a href='"_s + kRevealLink + u"'>"_s + esc(tr("Show number")) + u"</a>"_s;
        html += rowHtml(tr("Phone"), phone);
    }
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
    for (const TicketEvent &e : std::as_const(m_history)) {
        const QString details = EventDescriptions::details(e, calendar, m_departmentName);
        html += u"<tr><td style='padding-right:8px; color:#555'>"_s
            + esc(EventDescriptions::localTime(e.atMs / 1000, calendar)) + u"</td><td><b>"_s
            + esc(DisplayNames::of(e.type)) + u"</b> "_s + esc(EventDescriptions::actor(e))
            + (details.isEmpty() ? QString() : u"<br>"_s + esc(details)) + u"</td></tr>"_s;
    }
    html += u"</table>"_s;
    setHtml(html);
}

} // namespace hotline
