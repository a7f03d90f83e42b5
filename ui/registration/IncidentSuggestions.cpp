#include "registration/IncidentSuggestions.h"

#include "auth/Permissions.h"
#include "calendar/WorkCalendar.h"
#include "service/TicketService.h"
#include "service/Workspace.h"
#include "sla/SlaClock.h"
#include "support/ConsoleSession.h"
#include "util/Clock.h"

#include <QDateTime>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace hotline {

IncidentSuggestions::IncidentSuggestions(ConsoleSession &session, QWidget *parent)
    : QWidget(parent), m_session(session)
{
    setObjectName(u"incidentSuggestions"_s);
    m_caption = new QLabel(tr("Possibly the same incident (open tickets of this category and town):"), this);
    m_list = new QListWidget(this);
    m_list->setObjectName(u"incidentSuggestionList"_s);
    // Click focus only: Tab walks the form's fields and buttons, never stops here.
    m_list->setFocusPolicy(Qt::ClickFocus);
    m_list->setMaximumHeight(m_list->fontMetrics().height() * 6);
    m_merge = new QPushButton(tr("Merge the registered ticket into the selected one"), this);
    m_merge->setObjectName(u"mergeIntoSuggestion"_s);
    m_merge->setFocusPolicy(Qt::ClickFocus);
    m_merge->setVisible(Permissions::allows(m_session.actor(), Action::Merge));
    m_result = new QLabel(this);
    m_result->setObjectName(u"mergeResult"_s);
    m_result->setWordWrap(true);

    auto *row = new QHBoxLayout;
    row->addWidget(m_result, 1);
    row->addWidget(m_merge);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_caption);
    layout->addWidget(m_list);
    layout->addLayout(row);

    m_timer.setSingleShot(true);
    m_timer.setInterval(kDelayMs);
    connect(&m_timer, &QTimer::timeout, this, &IncidentSuggestions::refresh);
    connect(m_list, &QListWidget::currentRowChanged, this, &IncidentSuggestions::updateButton);
    connect(m_merge, &QPushButton::clicked, this, &IncidentSuggestions::mergeSelected);
    hide(); // shown when there is something to suggest
}

void IncidentSuggestions::setQuery(const DuplicateQuery &query)
{
    const bool blank = query.summary.trimmed().isEmpty() && query.address.trimmed().isEmpty();
    if (!m_registeredId.isEmpty()) {
        if (blank)
            return; // the form was cleared after registering: keep that call's suggestions to merge
        m_registeredId.clear(); // the next call is being typed
        m_registeredNumber.clear();
        m_result->clear();
    }
    m_query = query;
    m_timer.start();
}

void IncidentSuggestions::setRegistered(const QString &ticketId, const QString &number, DuplicateQuery query)
{
    m_timer.stop();
    query.excludeId = ticketId;
    m_query = query;
    m_registeredId = ticketId;
    m_registeredNumber = number;
    m_result->clear();
    refresh();
}

void IncidentSuggestions::refresh()
{
    m_timer.stop();
    Workspace &ws = m_session.workspace();
    m_found = DuplicateFinder(ws.database()).suggest(m_session.actor(), m_query, m_session.clock().nowMs());
    const QTimeZone zone = m_session.sla().calendar().timeZone();
    m_list->clear();
    for (const DuplicateSuggestion &d : std::as_const(m_found)) {
        const QString place = d.address.isEmpty() ? QString() : tr(" · %1").arg(d.address);
        const QString when = QDateTime::fromMSecsSinceEpoch(d.registeredMs, zone).toString(u"MM-dd HH:mm"_s);
        auto *item = new QListWidgetItem(tr("%1  %2%3  (%4, %5% alike)")
                                             .arg(d.number, d.summary, place, when)
                                             .arg(qRound(d.score * 100)),
                                         m_list);
        item->setData(Qt::UserRole, d.ticketId);
    }
    setVisible(!m_found.isEmpty() || !m_result->text().isEmpty());
    updateButton();
}

void IncidentSuggestions::updateButton()
{
    m_merge->setEnabled(!m_registeredId.isEmpty() && m_list->currentRow() >= 0);
    m_merge->setToolTip(m_registeredId.isEmpty() ? tr("Register the call first, then merge it into the same incident.")
                                                 : tr("Ticket %1 will follow the selected ticket and be answered with it.")
                                                       .arg(m_registeredNumber));
}

bool IncidentSuggestions::mergeSelected()
{
    const int row = m_list->currentRow();
    if (m_registeredId.isEmpty() || row < 0 || row >= m_found.size())
        return false;
    const DuplicateSuggestion parent = m_found.at(row);
    QString error;
    const bool ok = m_session.workspace().tickets().merge(m_session.actor(), m_registeredId, parent.ticketId, QString(), &error);
    m_result->setText(ok ? tr("Ticket %1 now follows %2.").arg(m_registeredNumber, parent.number)
                         : tr("Not merged: %1").arg(error));
    m_result->setStyleSheet(ok ? QString() : u"color: #b71c1c;"_s);
    if (!ok)
        return false;
    const QString child = m_registeredId;
    m_registeredId.clear();
    m_registeredNumber.clear();
    m_list->clear();
    m_found.clear();
    updateButton();
    Q_EMIT merged(child, parent.ticketId);
    return true;
}

} // namespace hotline
