#pragma once

#include "domain/Ticket.h"

#include <QList>
#include <QTimeZone>
#include <QWidget>

class QFrame;
class QLabel;
class QPushButton;
class QTableView;

namespace hotline {

class CallerHistoryModel;
class ConsoleSession;

/**
 * The registration form's side panel: the caller's earlier tickets and, while the summary is typed, a
 * banner pointing out a likely duplicate (same caller, similar summary, last 7 days) that can be linked.
 */
class CallerPanel final : public QWidget
{
    Q_OBJECT

public:
    explicit CallerPanel(ConsoleSession &session, QWidget *parent = nullptr);

    /**
     * The call being typed: phone in normalised form (empty when there is none or it is not valid yet),
     * summary and details. Queries only what changed; a ticket counts as linked when details name its number.
     */
    void setCall(const QString &phone, const QString &summary, const QString &details);
    /** Queries the history and duplicates again (tickets changed elsewhere). */
    void refresh();

    /** The likely duplicates currently pointed out, newest first. */
    const QList<Ticket> &duplicates() const { return m_duplicates; }

Q_SIGNALS:
    /** The operator asked to link the new ticket to this earlier one. */
    void linkRequested(const QString &number);

private:
    void queryHistory();
    void queryDuplicates();
    void showDuplicates();
    QString dateText(qint64 ms) const;

    ConsoleSession &m_session;
    QTimeZone m_zone;
    CallerHistoryModel *m_model = nullptr;
    QLabel *m_title = nullptr;
    QTableView *m_view = nullptr;
    QLabel *m_empty = nullptr;
    QFrame *m_banner = nullptr;
    QLabel *m_hint = nullptr;
    QPushButton *m_link = nullptr;

    QString m_phone;
    QString m_summary;
    QString m_details;
    QList<Ticket> m_duplicates;
    QString m_linkTarget;
};

} // namespace hotline
