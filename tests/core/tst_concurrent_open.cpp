// Several processes creating the same new database at once (two consoles started together, or a console and
// hotlinectl): each migration step re-reads the schema version under the write lock, so none of them runs a step
// another has already applied ("table meta already exists" before the fix).
#include "storage/Database.h"

#include <QProcess>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <vector>

using namespace Qt::StringLiterals;
using namespace hotline;

class TestConcurrentOpen : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void processesMigrateOneNewFileTogether()
    {
        const QString ctl = qEnvironmentVariable("HOTLINECTL");
        QVERIFY2(!ctl.isEmpty(), "run through ctest (HOTLINECTL names the hotlinectl binary)");
        QTemporaryDir dir;
        for (int round = 0; round < 6; ++round) {
            const QString path = dir.filePath(u"round-%1.db"_s.arg(round));
            std::vector<std::unique_ptr<QProcess>> processes;
            for (int i = 0; i < 4; ++i) {
                auto p = std::make_unique<QProcess>();
                p->start(ctl, {u"--db"_s, path, u"init"_s});
                processes.push_back(std::move(p));
            }
            for (auto &p : processes) {
                QVERIFY(p->waitForFinished(120000));
                QVERIFY2(p->exitStatus() == QProcess::NormalExit && p->exitCode() == 0,
                         p->readAllStandardError().constData());
            }
            QString error;
            auto db = Database::open(path, &error);
            QVERIFY2(db, qPrintable(error));
            QCOMPARE(db->schemaVersion(), Database::latestSchemaVersion());
            QSqlQuery q(db->sql());
            QVERIFY(q.exec(u"PRAGMA integrity_check"_s) && q.next());
            QCOMPARE(q.value(0).toString(), u"ok"_s);
        }
    }
};

QTEST_GUILESS_MAIN(TestConcurrentOpen)
#include "tst_concurrent_open.moc"
