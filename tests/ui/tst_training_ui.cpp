// A training database in the console: the TRAINING banner on every role's main window (and never on a real
// database), and the shared-server dialog refusing to join, as core refuses it, with a real server listening.
#include "PgTestServer.h"
#include "TestSupport.h"
#include "TestWorkspace.h"

#include "auth/Permissions.h"
#include "mainwindow/MainWindow.h"
#include "service/Training.h"
#include "storage/Database.h"
#include "support/ConsoleSession.h"
#include "support/Prompts.h"
#include "sync/PgConnection.h"
#include "sync/ServerSettingsDialog.h"
#include "sync/SyncEngine.h"

#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace hotline;
using namespace hotline::test;

namespace {

bool makeTraining(TestWorkspace &tw)
{
    QString password;
    QStringList users;
    QString error;
    const bool ok = Training::create(*tw.ws, &password, &users, &error);
    if (!ok)
        qWarning() << error;
    return ok;
}

} // namespace

class TestTrainingUi : public QObject
{
    Q_OBJECT

private:
    PgTestServer m_server;

private Q_SLOTS:
    void initTestCase()
    {
        Prompts::setTestMode(true);
        QVERIFY2(m_server.start(), qPrintable(m_server.error()));
        QCOMPARE(runCtl({u"server"_s, u"init"_s, u"--url"_s, m_server.url()}).exitCode, 0);
    }

    void bannerOnlyOnATrainingDatabase()
    {
        TestWorkspace real;
        real.addDepartment(u"CG"_s, u"区城管局"_s);
        {
            ConsoleSession s(*real.ws, real.clock, Actor{u"d"_s, Role::Dispatcher, QString(), u"01"_s});
            MainWindow w(s);
            w.show();
            QVERIFY(w.findChild<QLabel *>(u"trainingBanner"_s) == nullptr);
            QVERIFY(!w.windowTitle().contains(u"TRAINING"_s));
        }

        TestWorkspace drill;
        QVERIFY(makeTraining(drill));
        for (const Role role : {Role::CallTaker, Role::Dispatcher, Role::Liaison, Role::Supervisor, Role::Administrator}) {
            ConsoleSession s(*drill.ws, drill.clock,
                             Actor{Training::userName(role, u"CG"_s), role, role == Role::Liaison ? u"CG"_s : QString(), u"01"_s});
            MainWindow w(s);
            w.show();
            auto *banner = w.findChild<QLabel *>(u"trainingBanner"_s);
            QVERIFY2(banner, qPrintable(toCode(role)));
            QVERIFY(banner->isVisible());
            QVERIFY(banner->text().startsWith(u"TRAINING DATABASE"_s));
            // Above the tabs (and any other notice): the first thing in the window's column.
            QVERIFY(banner->geometry().bottom() <= w.tabs()->geometry().top());
            QVERIFY(w.windowTitle().contains(u"TRAINING DATABASE"_s));
        }
    }

    void serverDialogRefusesToJoin()
    {
        TestWorkspace drill;
        QVERIFY(makeTraining(drill));
        ConsoleSession session(*drill.ws, drill.clock, Actor{u"train.admin"_s, Role::Administrator, QString(), u"01"_s});
        ServerSettingsDialog dialog(session);
        dialog.findChild<QLineEdit *>(u"serverUrl"_s)->setText(m_server.url());
        dialog.findChild<QPushButton *>(u"serverJoin"_s)->click();
        QVERIFY2(dialog.testResult().contains(u"training database"_s), qPrintable(dialog.testResult()));
        QCOMPARE(dialog.result(), int(QDialog::Rejected)); // still open, nothing accepted
        QVERIFY(drill.ws->database().meta(SyncEngine::urlKey()).isEmpty()); // the address was not kept
        QVERIFY(!session.syncStatus().online);
    }

    void engineRefusesAReachableServer()
    {
        // Core decides: whatever path reaches the engine (a replica, a script), a training database never joins.
        TestWorkspace drill;
        QVERIFY(makeTraining(drill));
        SyncEngine engine(drill.ws->database(), drill.clock);
        QString error;
        QVERIFY(!engine.connectTo(m_server.url(), &error));
        QVERIFY2(error.contains(u"training database"_s), qPrintable(error));
        QVERIFY(drill.ws->database().meta(SyncEngine::joinedKey()).isEmpty());
        PgConnection pg;
        QVERIFY(pg.connect(m_server.url()));
        const PgResult consoles = pg.exec("SELECT count(*) FROM hotline_consoles");
        QVERIFY2(consoles.ok(), qPrintable(pg.lastError()));
        QCOMPARE(consoles.integer(0, 0), 0); // the server never heard of it

        // A real database joins the same server: the refusal is about the database, not the server.
        TestWorkspace real;
        SyncEngine realEngine(real.ws->database(), real.clock);
        QVERIFY2(realEngine.connectTo(m_server.url(), &error), qPrintable(error));
    }
};

QTEST_MAIN(TestTrainingUi)
#include "tst_training_ui.moc"
