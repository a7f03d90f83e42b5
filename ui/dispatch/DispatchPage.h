#pragma once

#include <QWidget>

namespace hotline {

class ConsoleSession;

/**
 * One tab of the dispatch view. The view decides when a page reads its data again (only the visible page, once
 * per change, never during a batch); a page reports what happened through message() so that nothing the core
 * refuses is lost.
 */
class DispatchPage : public QWidget
{
    Q_OBJECT

public:
    DispatchPage(ConsoleSession &session, QWidget *parent);

    /** Reads the page's tickets again, keeping the selection. */
    virtual void refresh() = 0;
    /** True while the page must not be refreshed (a batch is running). */
    virtual bool isBusy() const { return false; }

Q_SIGNALS:
    /** Something for the operator to read: an action's result or the core's refusal (error). */
    void message(const QString &text, bool error);
    /** The page started or finished a long action; the view refreshes when it ends. */
    void busyChanged(bool busy);

protected:
    /** Opens the ticket's full detail and timeline (non-modal). */
    void openDetail(const QString &ticketId);

    ConsoleSession &m_session;
};

} // namespace hotline
