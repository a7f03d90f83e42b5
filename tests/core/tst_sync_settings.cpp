// Settings pulled from a real, private PostgreSQL server pass the same checks as `config set` (issue 13): a bad
// value from the shared server (written there by its owner, or an older program) is not stored, is reported, and
// the other rows still arrive.
#include "PgTestServer.h"
#include "TestSupport.h"
#include "TestWorkspace.h"
#include "storage/Settings.h"
#include "sync/PgConnection.h"
#include "sync/SyncEngine.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace hotline;
using namespace hotline::test;

class TestSyncSettings : public QObject
{
    Q_OBJECT

private:
    PgTestServer m_server;
    QString m_url;

    bool syncOnce(TestWorkspace &tw, SyncPassResult *result)
    {
        SyncEngine engine(tw.ws->database(), tw.clock);
        QString error;
        const bool ok = engine.connectTo(m_url, &error) && engine.runPass(result, &error);
        if (!ok)
            qWarning() << "sync failed:" << error;
        return ok;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_server.start(), qPrintable(m_server.error()));
        m_url = m_server.createDatabase(u"settings"_s);
        QVERIFY(!m_url.isEmpty());
        const CtlResult r = runCtl({u"server"_s, u"init"_s, u"--url"_s, m_url});
        QVERIFY2(r.exitCode == 0, r.err.constData());
    }

    void badPulledSettingsAreRefusedAndReported()
    {
        // Console A shares its settings, then somebody (an older program, a hand edit) puts bad values on the server.
        TestWorkspace a;
        QString error;
        QVERIFY(a.ws->settings().set(u"centre.timezone"_s, u"Asia/Urumqi"_s, &error));
        QVERIFY(a.ws->settings().set(u"sla.yellow_hours"_s, u"2"_s, &error));
        SyncPassResult r;
        QVERIFY(syncOnce(a, &r));
        QVERIFY(r.refusedSettings.isEmpty());

        const QList<std::pair<QString, QString>> bad {
            {u"centre.timezone"_s, u""_s},
            {u"sla.yellow_hours"_s, u"nan"_s},
            {u"sla.handling_days"_s, u"-5"_s},
            {u"work.periods"_s, u"12:00-08:30,11:00-17:30"_s},
            {u"sms.url"_s, u"javascript:alert(1)"_s},
            {u"sla.consult_days"_s, u"3"_s}, // good: arrives
            {u"future.key"_s, u"x"_s}, // a newer console's: kept
        };
        PgConnection pg;
        QVERIFY2(pg.connect(m_url), qPrintable(pg.lastError()));
        for (const auto &[key, value] : bad) {
            const QByteArray row = QJsonDocument(QJsonObject {{u"key"_s, key}, {u"value"_s, value}}).toJson(QJsonDocument::Compact);
            QVERIFY2(pg.run("INSERT INTO hotline_reference_rows(tbl, key, version, content, edited_ms, console, updated_by) "
                            "VALUES ('settings', $1, nextval('hotline_reference_row_version'), $2, 1, '99', 'x') "
                            "ON CONFLICT (tbl, key) DO UPDATE SET version = excluded.version, content = excluded.content",
                            {key.toUtf8(), row}),
                     qPrintable(pg.lastError()));
        }

        // A pulls it: its own good values stay, the good new one arrives, each bad one is reported with its reason.
        QVERIFY(syncOnce(a, &r));
        QCOMPARE(r.refusedSettings.size(), 5);
        const QString reported = r.refusedSettings.join(u'\n');
        for (const QString &key :
             {u"centre.timezone"_s, u"sla.yellow_hours"_s, u"sla.handling_days"_s, u"work.periods"_s, u"sms.url"_s})
            QVERIFY2(reported.contains(key + u": "_s), qPrintable(reported));
        Settings &settings = a.ws->settings();
        QCOMPARE(settings.value(u"centre.timezone"_s), u"Asia/Urumqi"_s);
        QCOMPARE(settings.value(u"sla.yellow_hours"_s), u"2"_s);
        QCOMPARE(settings.value(u"sla.handling_days"_s), u"5"_s); // the default: A never set it
        QCOMPARE(settings.value(u"work.periods"_s), u"08:30-12:00,14:00-17:30"_s);
        QCOMPARE(settings.value(u"sms.url"_s), QString());
        QCOMPARE(settings.value(u"sla.consult_days"_s), u"3"_s);
        QCOMPARE(settings.value(u"future.key"_s), u"x"_s);
        // The SLA clock still works with what was kept.
        QCOMPARE(a.ws->sla().calendar().timeZone().id(), QByteArray("Asia/Urumqi"));

        // A new replica through hotlinectl: the refusals are printed, and nothing bad is stored.
        QTemporaryDir dir;
        const QString db = dir.filePath(u"b.db"_s);
        const CtlResult c = runCtl({u"--db"_s, db, u"sync"_s, u"--once"_s, u"--server"_s, m_url});
        QVERIFY2(c.exitCode == 0, c.err.constData());
        QCOMPARE(c.out.count("setting from the server refused"), 5);
        QVERIFY(c.out.contains("sla.yellow_hours: "));
        CtlResult g = runCtl({u"--db"_s, db, u"config"_s, u"get"_s, u"sla.yellow_hours"_s});
        QCOMPARE(g.out, QByteArray("3\n"));
        g = runCtl({u"--db"_s, db, u"config"_s, u"get"_s, u"centre.timezone"_s});
        QCOMPARE(g.out, QByteArray("Asia/Shanghai\n"));
        g = runCtl({u"--db"_s, db, u"config"_s, u"get"_s, u"sla.consult_days"_s});
        QCOMPARE(g.out, QByteArray("3\n"));
    }
};

QTEST_GUILESS_MAIN(TestSyncSettings)
#include "tst_sync_settings.moc"
