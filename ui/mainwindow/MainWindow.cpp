#include "mainwindow/MainWindow.h"

#include "admin/AccessLogPage.h"
#include "admin/CalendarNoticeBanner.h"
#include "admin/CalendarPage.h"
#include "admin/DepartmentsPage.h"
#include "admin/ReferencePage.h"
#include "admin/SettingsPage.h"
#include "admin/UsersPage.h"
#include "auth/Permissions.h"
#include "board/BoardView.h"
#include "department/DepartmentDesk.h"
#include "dispatch/DispatchView.h"
#include "intake/InterviewImportDialog.h"
#include "domain/DisplayNames.h"
#include "mainwindow/ConsoleStatusBar.h"
#include "mainwindow/TrainingBanner.h"
#include "sync/ServerSettingsDialog.h"
#include "sync/SyncConflictsDialog.h"
#include "registration/RegistrationForm.h"
#include "reports/ReportsPage.h"
#include "search/SearchDialog.h"
#include "service/Workspace.h"
#include "support/ConsoleSession.h"
#include "support/Prompts.h"
#include "supervision/AccountabilityBanner.h"
#include "supervision/AccountabilityPage.h"
#include "supervision/AuditPage.h"
#include "util/Translations.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QKeySequence>
#include <QMenuBar>
#include <QTabWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace hotline {

MainWindow::MainWindow(ConsoleSession &session, QWidget *parent) : QMainWindow(parent), m_session(session)
{
    setObjectName(u"mainWindow"_s);
    setWindowTitle(tr("Hotline Console — %1").arg(DisplayNames::of(session.actor().role)));
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(u"workspaceTabs"_s);
    m_tabs->setDocumentMode(true);
    // A column so that notices (AccountabilityBanner) can sit above the tabs without covering them.
    auto *central = new QWidget(this);
    auto *column = new QVBoxLayout(central);
    column->setContentsMargins(0, 0, 0, 0);
    column->setSpacing(0);
    column->addWidget(m_tabs);
    setCentralWidget(central);
    setStatusBar(new ConsoleStatusBar(session, this));
    buildTabs();
    buildMenus();
    // Above every other notice: a drill must never be mistaken for the real record.
    if (auto *training = TrainingBanner::createFor(session.workspace().database(), central)) {
        column->insertWidget(0, training);
        setWindowTitle(windowTitle() + u" — "_s + tr("TRAINING DATABASE"));
    }
    resize(1366, 800);
}

void MainWindow::buildTabs()
{
    // Every page is offered by the permission table (auth/Permissions), the same table core enforces.
    const Role role = m_session.actor().role;
    const auto may = [role](Action a) { return Permissions::allows(role, a); };
    // The first tab is the role's home: the queue for those who dispatch, registration for call-takers, the desk
    // for liaisons, the board for supervisors.
    if (may(Action::Dispatch))
        m_tabs->addTab(new DispatchView(m_session, m_tabs), tr("Dispatch"));
    if (may(Action::Register))
        m_tabs->addTab(new RegistrationForm(m_session, m_tabs), tr("Register"));
    if (Permissions::grant(role, Action::Reply) == Grant::OwnDepartment)
        m_tabs->addTab(new DepartmentDesk(m_session, m_tabs), tr("Department desk"));
    m_tabs->addTab(new BoardView(m_session, m_tabs), tr("Countdown board"));
    if (may(Action::ViewAccountability)) { // supervisors and the discipline office; officials
        auto *log = new AccountabilityPage(m_session, m_tabs);
        m_tabs->addTab(log, tr("Accountability"));
        auto *column = static_cast<QVBoxLayout *>(centralWidget()->layout());
        column->insertWidget(0, new AccountabilityBanner(m_session, m_tabs, log, centralWidget()));
    }
    if (may(Action::ViewReports))
        m_tabs->addTab(new ReportsPage(m_session, m_tabs), tr("Reports"));
    if (may(Action::ManageUsers))
        m_tabs->addTab(new UsersPage(m_session, m_tabs), tr("Users"));
    if (may(Action::ManageDepartments))
        m_tabs->addTab(new DepartmentsPage(m_session, m_tabs), tr("Departments"));
    if (may(Action::ManageReference)) {
        m_tabs->addTab(new ReferencePage(m_session, ReferenceKind::Categories, m_tabs), tr("Categories"));
        m_tabs->addTab(new ReferencePage(m_session, ReferenceKind::Towns, m_tabs), tr("Towns"));
    }
    if (may(Action::ManageConfig))
        m_tabs->addTab(new SettingsPage(m_session, m_tabs), tr("Settings"));
    if (may(Action::ViewAccessLog))
        m_tabs->addTab(new AccessLogPage(m_session, m_tabs), tr("Access log"));
    if (may(Action::ViewAudit)) // the discipline office and administrators: who changed what
        m_tabs->addTab(new AuditPage(m_session, m_tabs), tr("Audit"));
    buildCalendar();
}

void MainWindow::buildCalendar()
{
    // The calendar page for administrators; the missing-notice banner for them and for supervisors (docs/CALENDAR.md).
    const Role role = m_session.actor().role;
    CalendarPage *page = nullptr;
    if (Permissions::allows(role, Action::ManageCalendar)) {
        page = new CalendarPage(m_session, m_tabs);
        m_tabs->addTab(page, tr("Calendar"));
    }
    if (role != Role::Administrator && role != Role::Supervisor)
        return;
    auto *banner = new CalendarNoticeBanner(m_session, centralWidget());
    static_cast<QVBoxLayout *>(centralWidget()->layout())->insertWidget(0, banner);
    if (page) {
        connect(page, &CalendarPage::calendarChanged, banner, &CalendarNoticeBanner::refresh);
        connect(banner, &CalendarNoticeBanner::calendarRequested, this, [this, page] { m_tabs->setCurrentWidget(page); });
    }
}

void MainWindow::buildMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    const Role role = m_session.actor().role;
    if (Permissions::allows(role, Action::ManageServer)) {
        QAction *server = file->addAction(tr("Shared &server…"));
        server->setObjectName(u"actionSharedServer"_s);
        connect(server, &QAction::triggered, this, [this] { ServerSettingsDialog(m_session, this).exec(); });
    }
    if (Permissions::allows(role, Action::ReviewConflicts)) {
        QAction *conflicts = file->addAction(tr("Sync &conflicts…"));
        conflicts->setObjectName(u"actionSyncConflicts"_s);
        connect(conflicts, &QAction::triggered, this, &MainWindow::showConflicts);
        connect(static_cast<ConsoleStatusBar *>(statusBar()), &ConsoleStatusBar::conflictsRequested, this,
                &MainWindow::showConflicts);
    }
    if (Permissions::allows(role, Action::Register)) { // a micro-interview's questions become registrations
        QAction *interview = file->addAction(tr("Import &micro-interview…"));
        interview->setObjectName(u"actionImportInterview"_s);
        connect(interview, &QAction::triggered, this, [this] { InterviewImportDialog(m_session, this).exec(); });
    }
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"));
    quit->setShortcut(QKeySequence::Quit);
    connect(quit, &QAction::triggered, this, &QWidget::close);
    QMenu *view = menuBar()->addMenu(tr("&View"));
    QAction *wall = view->addAction(tr("&Wall display"));
    wall->setObjectName(u"actionWallDisplay"_s);
    wall->setShortcut(QKeySequence(Qt::Key_F11));
    connect(wall, &QAction::triggered, this, &MainWindow::wallDisplayRequested);
    // Search everything: a window shortcut, so it works whichever workspace (tab) has the keyboard.
    QAction *search = view->addAction(tr("&Search tickets…"));
    search->setObjectName(u"actionSearch"_s);
    search->setShortcut(QKeySequence::Find);
    search->setShortcutContext(Qt::WindowShortcut);
    connect(search, &QAction::triggered, this, &MainWindow::openSearch);
    // The interface language, kept in the user's settings and applied at the next start: every screen, report and
    // PDF then speaks it from the first string on, instead of mixing two languages until the window is rebuilt.
    QMenu *language = view->addMenu(tr("&Language"));
    language->setObjectName(u"menuLanguage"_s);
    auto *languages = new QActionGroup(language);
    // Language names in their own language, so that whoever cannot read the current one still finds theirs.
    const std::pair<QString, QString> choices[] = {
        {QString(), tr("Follow the system")}, {u"zh_CN"_s, u"中文（简体）"_s}, {u"en"_s, u"English"_s}};
    for (const auto &[code, name] : choices) {
        QAction *choice = language->addAction(name);
        choice->setObjectName(u"actionLanguage_"_s + (code.isEmpty() ? u"system"_s : code));
        choice->setCheckable(true);
        choice->setChecked(code == chosenLanguage());
        languages->addAction(choice);
        connect(choice, &QAction::triggered, this, [this, code] {
            if (setChosenLanguage(code))
                Prompts::information(this, tr("Language"), tr("The language changes the next time the console starts."));
            else
                Prompts::warning(this, tr("Language"), tr("The language could not be saved in the user's settings."));
        });
    }
    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *about = help->addAction(tr("&About Hotline Console"));
    connect(about, &QAction::triggered, this, [this] {
        Prompts::information(this, tr("About Hotline Console"),
                             tr("Hotline Console %1\nOperator console of a citizen service hotline.")
                                 .arg(QApplication::applicationVersion()));
    });
}

SearchDialog *MainWindow::openSearch()
{
    if (!m_search)
        m_search = new SearchDialog(m_session, this);
    m_search->show();
    m_search->raise();
    m_search->activateWindow();
    m_search->focusQuery();
    return m_search;
}

void MainWindow::showConflicts()
{
    SyncConflictsDialog(m_session, this).exec();
}

} // namespace hotline
