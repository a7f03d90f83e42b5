#pragma once

#include <QStatusBar>

class QLabel;

namespace hotline {

class ConsoleSession;
struct SyncStatus;

/**
 * The status bar every screen shares: who is signed in, standalone or the shared server's state (online or an
 * unmistakable red OFFLINE, last sync, pending events, conflicts), and the centre's clock.
 */
class ConsoleStatusBar final : public QStatusBar
{
    Q_OBJECT

public:
    explicit ConsoleStatusBar(ConsoleSession &session, QWidget *parent = nullptr);

Q_SIGNALS:
    /** The operator clicked the conflict count. */
    void conflictsRequested();

private:
    void showTime(qint64 nowSecs);
    void showSync(const SyncStatus &status);

    ConsoleSession &m_session;
    QLabel *m_user = nullptr;
    QLabel *m_database = nullptr;
    QLabel *m_clock = nullptr;
};

} // namespace hotline
