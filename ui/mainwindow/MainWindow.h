#pragma once

#include <QMainWindow>
#include <QPointer>

class QTabWidget;

namespace hotline {

class ConsoleSession;
class SearchDialog;

/** The console's window: one tab per workspace the signed-in role uses, and the shared status bar. */
class MainWindow final : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(ConsoleSession &session, QWidget *parent = nullptr);

    QTabWidget *tabs() const { return m_tabs; }

public Q_SLOTS:
    /** Search everything (Ctrl+F in every workspace): the window's one search dialog, shown with its query selected. */
    SearchDialog *openSearch();

Q_SIGNALS:
    /** The operator asked for the wall display. */
    void wallDisplayRequested();

private:
    void buildTabs();
    void buildCalendar();
    void buildMenus();
    void showConflicts();

    ConsoleSession &m_session;
    QTabWidget *m_tabs = nullptr;
    QPointer<SearchDialog> m_search;
};

} // namespace hotline
