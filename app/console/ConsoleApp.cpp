#include "ConsoleApp.h"

#include "auth/UserStore.h"
#include "board/WallDisplay.h"
#include "lock/IdleLock.h"
#include "mainwindow/MainWindow.h"
#include "notify/NotifyService.h"
#include "service/DemoData.h"
#include "service/Workspace.h"
#include "signin/SignInDialog.h"
#include "storage/Database.h"
#include "support/ConsoleSession.h"
#include "sync/ServerCredentials.h"
#include "sync/SyncEngine.h"
#include "support/Prompts.h"
#include "util/Clock.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QShortcut>
#include <QSqlQuery>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace hotline::console {
namespace {

bool hasTickets(Workspace &ws)
{
    QSqlQuery q(ws.database().sql());
    return q.exec(u"SELECT 1 FROM tickets LIMIT 1"_s) && q.next();
}

/** A full-screen wall display; Esc closes it when it was opened from a console. */
WallDisplay *showWall(ConsoleSession &session, bool closable)
{
    auto *wall = new WallDisplay(session);
    wall->setAttribute(Qt::WA_DeleteOnClose);
    if (closable) {
        auto *escape = new QShortcut(QKeySequence(Qt::Key_Escape), wall);
        QObject::connect(escape, &QShortcut::activated, wall, &QWidget::close);
    }
    wall->showFullScreen();
    return wall;
}

} // namespace

int run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("hotline-console", "Operator console of a citizen service hotline."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption dbOption(u"db"_s, QApplication::translate("hotline-console", "The local database file."),
                                      u"PATH"_s, Workspace::defaultDatabasePath());
    const QCommandLineOption demoOption(u"demo"_s, QApplication::translate("hotline-console", "Fill an empty database with demo data."));
    const QCommandLineOption wallOption(u"wall"_s, QApplication::translate("hotline-console", "Show the wall display full screen (no sign-in)."));
    // For package checks (tools/run-tests.sh): the wall display starts as it would on a wall, then the console quits.
    const QCommandLineOption smokeOption(u"smoke-test"_s, QApplication::translate("hotline-console", "Start the wall display, then quit at once (checks an installation)."));
    parser.addOptions({dbOption, demoOption, wallOption, smokeOption});
    parser.process(arguments);
    const bool smoke = parser.isSet(smokeOption);

    static SystemClock clock;
    QString error;
    std::unique_ptr<Workspace> ws = Workspace::open(parser.value(dbOption), clock, &error);
    if (!ws) {
        Prompts::warning(nullptr, QApplication::translate("hotline-console", "Hotline Console"), error);
        return 1;
    }
    if (parser.isSet(demoOption) && !hasTickets(*ws)) {
        DemoSummary summary;
        if (!DemoData::populate(*ws, &summary, &error)) {
            Prompts::warning(nullptr, QApplication::translate("hotline-console", "Hotline Console"), error);
            return 1;
        }
    }

    // Every running console escalates (PRODUCT §4): catches up with what fell due while it was closed, then wakes at
    // each colour change. Ids are deterministic and sends are claimed, so several consoles do the work once.
    NotifyService notify(*ws);
    const EscalationResult caughtUp = notify.start(true);

    std::unique_ptr<ConsoleSession> session;
    std::unique_ptr<MainWindow> window;
    if (parser.isSet(wallOption) || smoke) {
        // A wall machine signs nobody in: it shows the supervisors' board, masked, and changes nothing.
        session = std::make_unique<ConsoleSession>(*ws, clock, Actor{u"wall"_s, Role::Supervisor, QString(), ws->consoleCode()});
        showWall(*session, false);
    } else {
        // On a console that joined a server, a person's first sign-in here is checked by the server.
        ServerCredentials::installFor(ws->users(), ws->database());
        SignInDialog signIn(*ws);
        if (signIn.exec() != QDialog::Accepted || !signIn.user())
            return 0;
        session = std::make_unique<ConsoleSession>(*ws, clock, UserStore::actorFor(*signIn.user(), ws->consoleCode()));
        window = std::make_unique<MainWindow>(*session);
        QObject::connect(window.get(), &MainWindow::wallDisplayRequested, window.get(), [&session] { showWall(*session, true); });
        window->show();
        IdleLock::install(*session, window.get()); // shared terminals lock when left alone (not the wall)
    }
    // A console that joined a shared server syncs on its own thread from the start (PRODUCT §5).
    const QString serverUrl = ws->database().meta(SyncEngine::urlKey());
    if (!serverUrl.isEmpty())
        session->startSync(serverUrl);
    session->setNotifyService(&notify);
    session->reportAccountabilityOpened(caughtUp.overdueTickets); // opened while nobody was signed in
    session->setTicking(true);
    session->pulse();
    if (smoke) // queued behind the events that show and paint the wall, so the first board is drawn before quitting
        QTimer::singleShot(0, qApp, &QCoreApplication::quit);
    const int code = QApplication::exec();
    window.reset();
    session.reset();
    return code;
}

} // namespace hotline::console
