#pragma once

#include <QStatusBar>

class QLabel;

namespace hotline {

class ConsoleSession;

/** The status bar every screen shares: who is signed in, which database, and the centre's clock. */
class ConsoleStatusBar final : public QStatusBar
{
    Q_OBJECT

public:
    explicit ConsoleStatusBar(ConsoleSession &session, QWidget *parent = nullptr);

private:
    void showTime(qint64 nowSecs);

    ConsoleSession &m_session;
    QLabel *m_user = nullptr;
    QLabel *m_database = nullptr;
    QLabel *m_clock = nullptr;
};

} // namespace hotline
