#pragma once

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;

namespace hotline {

class ConsoleSession;

/**
 * The administrator's "shared server" settings: the PostgreSQL address this console joins, a connection test
 * that runs off the UI thread, and the switch back to standalone. Joining happens on the sync thread.
 */
class ServerSettingsDialog final : public QDialog
{
    Q_OBJECT

public:
    explicit ServerSettingsDialog(ConsoleSession &session, QWidget *parent = nullptr);

    /** The result of a connection test, for tests. */
    QString testResult() const;

public Q_SLOTS:
    void testConnection();
    void join();
    void leave();

Q_SIGNALS:
    void tested(bool ok, const QString &message);

private:
    ConsoleSession &m_session;
    QLineEdit *m_url = nullptr;
    QLabel *m_result = nullptr;
    QPushButton *m_test = nullptr;
};

} // namespace hotline
