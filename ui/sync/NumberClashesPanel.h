#pragma once

#include <QWidget>

class QLabel;
class QPushButton;
class QTableWidget;

namespace hotline {

class ConsoleSession;

/**
 * The ticket numbers two consoles gave alike (NumberClashes), one row per ticket, in the sync conflicts dialog:
 * both tickets stay whole until a dispatcher or administrator renumbers one ("Renumber…", an audited event with a
 * reason). Derived from the projection, so the list is the same on every console and empties once resolved.
 */
class NumberClashesPanel final : public QWidget
{
    Q_OBJECT

public:
    explicit NumberClashesPanel(ConsoleSession &session, QWidget *parent = nullptr);

    /** Tickets listed (two or more per clashing number). */
    int rowCount() const;
    /** Selects the listed ticket with this id (tests, and a caller that knows which one to renumber). */
    bool selectTicket(const QString &ticketId);

public Q_SLOTS:
    void reload();
    /** Asks for the reason and renumbers the selected ticket. */
    void renumberSelected();

private:
    void updateButton();

    ConsoleSession &m_session;
    QLabel *m_heading = nullptr;
    QTableWidget *m_table = nullptr;
    QPushButton *m_renumber = nullptr;
};

} // namespace hotline
