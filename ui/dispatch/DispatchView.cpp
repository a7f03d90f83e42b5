#include "dispatch/DispatchView.h"

#include "board/DeskPanel.h"
#include "board/TicketDetailDialog.h"
#include "dispatch/DispatchCallbackPage.h"
#include "dispatch/DispatchExtensionPage.h"
#include "dispatch/DispatchInProgressPage.h"
#include "dispatch/DispatchQueuePage.h"
#include "support/ConsoleSession.h"

#include <QLabel>
#include <QShortcut>
#include <QTabWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace hotline {

DispatchView::DispatchView(ConsoleSession &session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
{
    setObjectName(u"dispatchView"_s);
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(u"dispatchTabs"_s);
    m_message = new QLabel(this);
    m_message->setObjectName(u"dispatchMessage"_s);
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(m_message);

    m_queue = new DispatchQueuePage(session, m_tabs);
    m_extensions = new DispatchExtensionPage(session, m_tabs);
    m_inProgress = new DispatchInProgressPage(session, m_tabs);
    m_callbacks = new DispatchCallbackPage(session, m_tabs);
    addPage(m_queue, tr("&Queue"));
    addPage(m_extensions, tr("&Extension requests"));
    addPage(m_inProgress, tr("&With departments"));
    addPage(m_callbacks, tr("Call&backs"));
    // The centre's own clocks for what waits here (also under the board): it follows the tickets by itself.
    m_desk = new DeskPanel(session, m_tabs);
    m_tabs->addTab(m_desk, tr("Dispatch des&k"));
    connect(m_desk, &DeskPanel::ticketActivated, this, [this](const QString &id) {
        if (id.isEmpty())
            return;
        auto *dialog = new TicketDetailDialog(m_session, id, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->show();
    });

    connect(&session, &ConsoleSession::ticketsChanged, this, &DispatchView::onTicketsChanged);
    connect(m_tabs, &QTabWidget::currentChanged, this, &DispatchView::refreshVisible);
    auto *refresh = new QShortcut(QKeySequence::Refresh, this);
    refresh->setContext(Qt::WidgetWithChildrenShortcut);
    connect(refresh, &QShortcut::activated, this, &DispatchView::refreshAll);

    m_queue->refresh(); // the tab a dispatcher starts on; the others load when first shown
    m_stale.remove(m_queue);
}

void DispatchView::addPage(DispatchPage *page, const QString &title)
{
    m_tabs->addTab(page, title);
    m_stale.insert(page);
    connect(page, &DispatchPage::message, this, &DispatchView::showMessage);
    connect(page, &DispatchPage::busyChanged, this, [this](bool busy) {
        if (!busy)
            refreshVisible();
    });
}

void DispatchView::onTicketsChanged()
{
    for (int i = 0; i < m_tabs->count(); ++i) {
        if (auto *page = qobject_cast<DispatchPage *>(m_tabs->widget(i)))
            m_stale.insert(page);
    }
    refreshVisible();
}

void DispatchView::refreshVisible()
{
    if (!isVisible() || m_queue->isBusy())
        return;
    auto *page = qobject_cast<DispatchPage *>(m_tabs->currentWidget());
    if (page && m_stale.remove(page))
        page->refresh();
}

void DispatchView::refreshAll()
{
    if (m_queue->isBusy())
        return;
    for (int i = 0; i < m_tabs->count(); ++i) {
        if (auto *page = qobject_cast<DispatchPage *>(m_tabs->widget(i)))
            page->refresh();
    }
    m_stale.clear();
}

void DispatchView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    refreshVisible();
}

void DispatchView::showMessage(const QString &text, bool error)
{
    m_message->setText(text);
    m_message->setStyleSheet(error ? u"color: #b71c1c; font-weight: bold;"_s : QString());
}

} // namespace hotline
