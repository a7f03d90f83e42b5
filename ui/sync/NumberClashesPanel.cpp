#include "sync/NumberClashesPanel.h"

#include "auth/Permissions.h"
#include "domain/DisplayNames.h"
#include "service/TicketService.h"
#include "service/Workspace.h"
#include "calendar/WorkCalendar.h"
#include "sla/SlaClock.h"
#include "storage/NumberClashes.h"
#include "support/ConsoleSession.h"
#include "support/Prompts.h"

#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace hotline {

NumberClashesPanel::NumberClashesPanel(ConsoleSession &session, QWidget *parent) : QWidget(parent), m_session(session)
{
    setObjectName(u"numberClashesPanel"_s);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_heading = new QLabel(this);
    m_heading->setWordWrap(true);
    layout->addWidget(m_heading);
    m_table = new QTableWidget(this);
    m_table->setObjectName(u"numberClashTable"_s);
    m_table->setColumnCount(6);
    m_table->setHorizontalHeaderLabels(
        {tr("Number"), tr("Ticket id"), tr("Console"), tr("Registered"), tr("State"), tr("Summary")});
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();
    layout->addWidget(m_table);
    auto *row = new QHBoxLayout;
    m_renumber = new QPushButton(tr("&Renumber…"), this);
    m_renumber->setObjectName(u"renumberButton"_s);
    m_renumber->setToolTip(tr("Give the selected ticket a new number from this console's sequence; its old number "
                              "keeps finding it."));
    // Shown to those who may renumber only (the permission table decides, as in core).
    m_renumber->setVisible(Permissions::allows(m_session.actor(), Action::Renumber));
    row->addWidget(m_renumber);
    row->addStretch();
    layout->addLayout(row);
    connect(m_renumber, &QPushButton::clicked, this, &NumberClashesPanel::renumberSelected);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &NumberClashesPanel::updateButton);
    reload();
}

int NumberClashesPanel::rowCount() const
{
    return m_table->rowCount();
}

void NumberClashesPanel::reload()
{
    const QList<NumberClash> clashes = NumberClashes(m_session.workspace().database()).list();
    const QTimeZone zone = m_session.sla().calendar().timeZone();
    m_table->setRowCount(0);
    for (const NumberClash &clash : clashes) {
        for (const TicketCandidate &c : clash.tickets) {
            const int r = m_table->rowCount();
            m_table->insertRow(r);
            const QString when = QDateTime::fromMSecsSinceEpoch(c.ticket.registeredMs, zone).toString(u"yyyy-MM-dd HH:mm"_s);
            const QStringList cells{clash.number, TicketLookup::idPrefix(c.ticket.id, clash.tickets), c.console, when,
                                    DisplayNames::of(c.ticket.state), c.ticket.summary};
            for (int col = 0; col < cells.size(); ++col) {
                auto *item = new QTableWidgetItem(cells.at(col));
                item->setData(Qt::UserRole, c.ticket.id);
                m_table->setItem(r, col, item);
            }
        }
    }
    m_table->resizeColumnsToContents();
    m_heading->setText(clashes.isEmpty()
                           ? tr("No ticket number names two tickets.")
                           : tr("%n ticket number(s) name more than one ticket (two consoles gave them alike). Both "
                                "tickets stay whole; renumber one of each so the number names one ticket again.",
                                nullptr, int(clashes.size())));
    m_table->setVisible(!clashes.isEmpty());
    updateButton();
}

bool NumberClashesPanel::selectTicket(const QString &ticketId)
{
    for (int r = 0; r < m_table->rowCount(); ++r) {
        if (m_table->item(r, 0)->data(Qt::UserRole).toString() == ticketId) {
            m_table->selectRow(r);
            return true;
        }
    }
    return false;
}

void NumberClashesPanel::updateButton()
{
    m_renumber->setEnabled(!m_table->selectedItems().isEmpty());
}

void NumberClashesPanel::renumberSelected()
{
    const QList<QTableWidgetItem *> selected = m_table->selectedItems();
    if (selected.isEmpty())
        return;
    const QString ticketId = selected.first()->data(Qt::UserRole).toString();
    const QString number = m_table->item(selected.first()->row(), 0)->text();
    const std::optional<QString> reason
        = Prompts::askText(this, tr("Renumber ticket %1").arg(number),
                           tr("Why this ticket gets a new number (kept in its history):"), false,
                           tr("Number %1 was given by two consoles").arg(number));
    if (!reason)
        return;
    QString error;
    const QString renumbered = m_session.workspace().tickets().renumber(m_session.actor(), ticketId, *reason, &error);
    if (renumbered.isEmpty()) {
        Prompts::warning(this, tr("Renumber ticket %1").arg(number), error);
        return;
    }
    Prompts::information(this, tr("Renumber ticket %1").arg(number),
                         tr("The ticket is now %1; %2 still finds it.").arg(renumbered, number));
    m_session.syncNow(); // the other consoles see the clash resolved after their next pass
    reload();
}

} // namespace hotline
