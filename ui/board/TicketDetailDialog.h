#pragma once

#include "privacy/CallerReveal.h"
#include "sla/SlaClock.h"

#include <QDialog>
#include <QHash>

class QFormLayout;
class QLabel;
class QPushButton;
class QTreeWidget;

namespace hotline {

class AttachmentsPanel;
class ConsoleSession;

/**
 * One ticket in full: its fields, its countdown, and its whole history as a timeline, oldest first. The caller
 * is masked; roles the permission table allows get "Show number", which reveals (and logs) the caller through
 * CallerReveal for as long as the dialog is open. Follows changes to the ticket while open.
 * A supervisor can urge (督办) from here; a call-taker records the citizen's progress call (催办) and their SMS
 * preference, and sees what the SMS to the caller truthfully did (CitizenActions). Non-modal: the board keeps ticking behind it.
 */
class TicketDetailDialog final : public QDialog
{
    Q_OBJECT

public:
    /** Timeline columns. */
    enum TimelineColumn { TimeColumn, EventColumn, ActorColumn, DetailsColumn };

    TicketDetailDialog(ConsoleSession &session, const QString &ticketId, QWidget *parent = nullptr);

    QString ticketId() const { return m_ticketId; }
    /** False when the ticket does not exist or the signed-in user may not see it. */
    bool isFound() const { return m_found; }
    QTreeWidget *timeline() const { return m_timeline; }
    AttachmentsPanel *attachments() const { return m_attachments; }

public Q_SLOTS:
    /** Reads the ticket and its history again. */
    void refresh();
    /** Asks for a note and urges the department (supervisor). */
    void urge();
    /** Shows the caller in full, logging the view; false (with a message) when refused. */
    bool revealCaller();
    /** Asks what the citizen asked and records their progress call (催办). */
    void recordFollowUp();
    /** The caller declines SMS about this ticket, or accepts them again (after confirming). */
    void toggleCitizenSms();

private:
    void onTicketsChanged(const QStringList &ids);
    void updateCountdown(qint64 nowSecs);
    QLabel *addField(const QString &objectName, const QString &label);

    ConsoleSession &m_session;
    QString m_ticketId;
    bool m_found = false;
    SlaClock m_sla;
    std::optional<qint64> m_deadlineS; // set while the countdown runs
    QLabel *m_number = nullptr;
    QFormLayout *m_form = nullptr;
    QHash<QString, QLabel *> m_fields;
    QTreeWidget *m_timeline = nullptr;
    QPushButton *m_urgeButton = nullptr;
    QPushButton *m_revealButton = nullptr; ///< only for roles that may ever see a caller in full
    QPushButton *m_followUpButton = nullptr; ///< roles with follow-up (call-takers, dispatchers, supervisors…)
    QPushButton *m_smsButton = nullptr;      ///< roles that register tickets: the caller's SMS preference
    std::optional<RevealedCaller> m_revealed;
    AttachmentsPanel *m_attachments = nullptr;
};

} // namespace hotline
