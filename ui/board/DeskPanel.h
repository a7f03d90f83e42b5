#pragma once

#include <QFrame>

class QLabel;
class QTableView;

namespace hotline {

class ConsoleSession;
class DeskModel;

/**
 * The dispatch desk's section of the board (调度台 / Dispatch desk): every open ticket that waits at the centre
 * — for dispatch, for re-dispatch after a return or reopening, for the callback after a department's reply —
 * with the time it has waited and the time left on the centre's own clock, in the desk's colours (blue, amber,
 * magenta; a legend says what they mean) and whether the duty phones were reminded (or that reminders are off).
 * Shown apart from the departments' countdown to dispatchers and supervisors.
 */
class DeskPanel final : public QFrame
{
    Q_OBJECT

public:
    explicit DeskPanel(ConsoleSession &session, QWidget *parent = nullptr);

    /** Whether a role sees the dispatch desk: those who dispatch and those who supervise. */
    static bool offeredTo(const ConsoleSession &session);

    DeskModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }

Q_SIGNALS:
    /** A row was activated (double-click or Enter). */
    void ticketActivated(const QString &ticketId);

private:
    void updateCounts(int magenta, int amber, int blue);
    QWidget *makeCount(const QString &objectName, const QString &caption, const QColor &colour, QLabel **number);

    ConsoleSession &m_session;
    DeskModel *m_model = nullptr;
    QLabel *m_magenta = nullptr;
    QLabel *m_amber = nullptr;
    QLabel *m_blue = nullptr;
    QLabel *m_reminders = nullptr;
    QTableView *m_table = nullptr;
};

} // namespace hotline
