#pragma once

#include "service/DuplicateFinder.h"

#include <QTimer>
#include <QWidget>

class QLabel;
class QListWidget;
class QPushButton;

namespace hotline {

class ConsoleSession;

/**
 * "Possibly the same incident" under the registration form (same incident, many callers): open tickets of the
 * typed category and town with a similar place or summary, refreshed a moment after the typing stops. The list
 * never takes the keyboard focus by itself (Tab does not stop in it; a click does), so the call-taker's flow
 * through the fields is untouched. After a registration the list stays on that call's suggestions until the
 * next call is typed, and a dispatcher or administrator can merge the new ticket into the selected one.
 */
class IncidentSuggestions final : public QWidget
{
    Q_OBJECT

public:
    explicit IncidentSuggestions(ConsoleSession &session, QWidget *parent = nullptr);

    /** Debounce between the last keystroke and the search. */
    static constexpr int kDelayMs = 300;

    /** What the form holds now; searched after kDelayMs. A blank query while a registered ticket is shown is ignored. */
    void setQuery(const DuplicateQuery &query);
    /** The form registered a ticket from this query: its suggestions (without itself) stay, ready to merge. */
    void setRegistered(const QString &ticketId, const QString &number, DuplicateQuery query);
    /** Searches now (the debounce's end). */
    void refresh();

    QList<DuplicateSuggestion> suggestions() const { return m_found; }
    QListWidget *list() const { return m_list; }

public Q_SLOTS:
    /** Merges the registered ticket into the selected suggestion; false when nothing was done (the label says why). */
    bool mergeSelected();

Q_SIGNALS:
    void merged(const QString &childId, const QString &parentId);

private:
    void updateButton();

    ConsoleSession &m_session;
    QTimer m_timer;
    DuplicateQuery m_query;
    QString m_registeredId;
    QString m_registeredNumber;
    QList<DuplicateSuggestion> m_found;
    QLabel *m_caption = nullptr;
    QListWidget *m_list = nullptr;
    QPushButton *m_merge = nullptr;
    QLabel *m_result = nullptr;
};

} // namespace hotline
