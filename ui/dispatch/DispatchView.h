#pragma once

#include <QSet>
#include <QWidget>

class QLabel;
class QTabWidget;

namespace hotline {

class ConsoleSession;
class DeskPanel;
class DispatchCallbackPage;
class DispatchExtensionPage;
class DispatchInProgressPage;
class DispatchPage;
class DispatchQueuePage;

/**
 * The dispatcher's workspace (PRODUCT §1): the dispatch queue, extension requests, tickets with departments
 * (transfer), callbacks and the dispatch desk (DeskPanel: the centre's own clocks), as tabs. Follows
 * session.ticketsChanged: the visible tab is read again at once, the others when they are shown; never while a
 * batch dispatch runs (the queue is read once at its end). The desk tab follows the tickets by itself.
 * Results and the core's refusals are shown in "dispatchMessage".
 */
class DispatchView final : public QWidget
{
    Q_OBJECT

public:
    explicit DispatchView(ConsoleSession &session, QWidget *parent = nullptr);

    DispatchQueuePage *queuePage() const { return m_queue; }
    DispatchExtensionPage *extensionPage() const { return m_extensions; }
    DispatchInProgressPage *inProgressPage() const { return m_inProgress; }
    DispatchCallbackPage *callbackPage() const { return m_callbacks; }
    /** The dispatch desk: what waits at the centre, on the centre's own clocks. */
    DeskPanel *deskPanel() const { return m_desk; }

public Q_SLOTS:
    /** Reads every tab again now (F5). */
    void refreshAll();

protected:
    void showEvent(QShowEvent *event) override;

private:
    void onTicketsChanged();
    void refreshVisible();
    void showMessage(const QString &text, bool error);
    void addPage(DispatchPage *page, const QString &title);

    ConsoleSession &m_session;
    QTabWidget *m_tabs = nullptr;
    QLabel *m_message = nullptr;
    DispatchQueuePage *m_queue = nullptr;
    DispatchExtensionPage *m_extensions = nullptr;
    DispatchInProgressPage *m_inProgress = nullptr;
    DispatchCallbackPage *m_callbacks = nullptr;
    DeskPanel *m_desk = nullptr;
    QSet<DispatchPage *> m_stale;
};

} // namespace hotline
