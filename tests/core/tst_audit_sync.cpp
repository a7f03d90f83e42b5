// Administrative events travel like ticket events (docs/TAMPER-EVIDENCE.md "Administrative changes"): pushed to
// and pulled from a real, private PostgreSQL server, chained on every replica, listed everywhere with the console
// they came from, never folded into a ticket; after a sync each console's reference tables match the log.
#include "PgTestServer.h"
#include "TestSupport.h"
#include "TestWorkspace.h"

#include "notify/DepartmentContacts.h"
#include "storage/AdminLog.h"
#include "storage/Database.h"
#include "storage/EventStore.h"
#include "storage/ReferenceVerifier.h"
#include "storage/Settings.h"
#include "sync/SyncEngine.h"

#include <QSqlQuery>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace hotline;
using namespace hotline::test;

class TestAuditSync : public QObject
{
    Q_OBJECT

private:
    PgTestServer m_server;

    bool syncOnce(TestWorkspace &tw)
    {
        SyncEngine engine(tw.ws->database(), tw.clock);
        SyncPassResult r;
        QString error;
        const bool ok = engine.connectTo(m_server.url(), &error) && engine.runPass(&r, &error);
        if (!ok)
            qWarning() << "sync failed:" << error;
        return ok;
    }

    static QList<AdminChange> changes(TestWorkspace &tw)
    {
        QList<AdminChange> out;
        QString error;
        AdminLog(tw.ws->database()).list(0, 0, QString(), &out, &error);
        return out;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_server.start(), qPrintable(m_server.error()));
        QCOMPARE(runCtl({u"server"_s, u"init"_s, u"--url"_s, m_server.url()}).exitCode, 0);
    }

    void adminEventsPushPullAndVerify()
    {
        TestWorkspace a, b;
        QVERIFY(syncOnce(a));
        QVERIFY(syncOnce(b));
        const Actor adminA{u"ada"_s, Role::Administrator, QString(), a.ws->consoleCode()};
        const Actor adminB{u"ben"_s, Role::Administrator, QString(), b.ws->consoleCode()};
        QVERIFY(a.ws->consoleCode() != b.ws->consoleCode());
        QString error;
        QVERIFY2(DepartmentContacts(a.ws->database())
                     .save(adminA, DepartmentContact{u"SW"_s, u"区水务局"_s, {u"13800000001"_s}, QString()}, &error),
                 qPrintable(error));
        QVERIFY2(a.ws->settings().set(adminA, u"sla.handling_days"_s, u"6"_s, &error), qPrintable(error));
        QVERIFY(syncOnce(a));
        QVERIFY(syncOnce(b));

        // B holds A's changes with A's console, chained into B's log; nothing became a ticket.
        QList<AdminChange> onB = changes(b);
        QCOMPARE(onB.size(), 4); // two baselines, two changes
        QCOMPARE(onB.at(1).actor, u"ada"_s);
        QCOMPARE(onB.at(1).console, a.ws->consoleCode());
        QCOMPARE(b.ws->settings().handlingDays(), 6); // the settings document carried the change itself
        QVERIFY(b.ws->events().verify().ok);
        QSqlQuery q(b.ws->database().sql());
        QVERIFY(q.exec(u"SELECT count(*) FROM tickets"_s) && q.next());
        QCOMPARE(q.value(0).toInt(), 0);
        ReferenceFinding f = ReferenceVerifier::verify(b.ws->database());
        QVERIFY2(f.ok, qPrintable(f.message));

        // B changes the department in turn; A pulls it, and both agree with the log.
        b.clock.advanceSecs(60);
        QVERIFY2(DepartmentContacts(b.ws->database())
                     .save(adminB, DepartmentContact{u"SW"_s, u"区水利局"_s, {u"13800000001"_s}, QString()}, &error),
                 qPrintable(error));
        QVERIFY(syncOnce(b));
        QVERIFY(syncOnce(a));
        const QList<AdminChange> onA = changes(a);
        QCOMPARE(onA.size(), 5);
        QCOMPARE(onA.constLast().actor, u"ben"_s);
        QCOMPARE(onA.constLast().oldValue.toObject().value(u"name"_s).toString(), u"区水务局"_s);
        QVERIFY(a.ws->events().verify().ok);
        f = ReferenceVerifier::verify(a.ws->database());
        QVERIFY2(f.ok, qPrintable(f.message));
        f = ReferenceVerifier::verify(b.ws->database());
        QVERIFY2(f.ok, qPrintable(f.message));
    }
};

QTEST_GUILESS_MAIN(TestAuditSync)
#include "tst_audit_sync.moc"
