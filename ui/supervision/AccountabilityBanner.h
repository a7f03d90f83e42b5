#pragma once

#include <QFrame>
#include <QPointer>

class QLabel;
class QTabWidget;

namespace hotline {

class ConsoleSession;

/**
 * Tells a supervisor that accountability records were opened (PRODUCT §4) without interrupting them: a banner
 * over the tabs with "Show" and "Dismiss", and a count on the log's tab until it is looked at. Never modal.
 */
class AccountabilityBanner final : public QFrame
{
    Q_OBJECT

public:
    /** page: the accountability log's widget in tabs (badge and "Show"). */
    AccountabilityBanner(ConsoleSession &session, QTabWidget *tabs, QWidget *page, QWidget *parent = nullptr);

    /** Records opened since the log was last looked at. */
    int unseen() const { return m_unseen; }
    QString message() const;

private:
    void onOpened(const QStringList &ticketIds);
    void markSeen();
    void updateBadge();

    ConsoleSession &m_session;
    QPointer<QTabWidget> m_tabs;
    QPointer<QWidget> m_page;
    QString m_title; // the tab's text without the count
    QLabel *m_text = nullptr;
    int m_unseen = 0;
};

} // namespace hotline
