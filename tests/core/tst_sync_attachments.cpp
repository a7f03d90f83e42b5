// Issue 15: attachments through the shared server (a private PostgreSQL). A photo added on console A is readable
// on console B after sync, byte for byte; an event whose bytes have not arrived shows "not received" without
// failing the sync and is fetched later; a blob swapped on the server is refused by its hash; a console's
// restricted role can store only bytes that match their hash.
#include "PgTestServer.h"
#include "TestSupport.h"
#include "TestWorkspace.h"

#include "auth/Actor.h"
#include "service/Attachments.h"
#include "service/TicketService.h"
#include "storage/AttachmentStore.h"
#include "storage/Database.h"
#include "storage/EventStore.h"
#include "storage/ProjectionVerifier.h"
#include "sync/ConsoleLogins.h"
#include "sync/ConsoleRole.h"
#include "sync/PgConnection.h"
#include "sync/ServerSchema.h"
#include "sync/SyncEngine.h"

#include <QtTest>

using namespace Qt::StringLiterals;
using namespace hotline;
using namespace hotline::test;

namespace {

const Actor kTaker{u"alice"_s, Role::CallTaker, QString(), QString()};

QByteArray photo(char salt)
{
    // A PNG signature and header, then bytes that differ per photo: the content is sniffed as image/png.
    QByteArray b = QByteArray::fromBase64(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
    b.append(QByteArray(300 * 1024, salt)); // large enough to cross several network packets
    return b;
}

} // namespace

class TestSyncAttachments : public QObject
{
    Q_OBJECT

private:
    PgTestServer m_server;

    bool syncOnce(TestWorkspace &tw, const QString &url, SyncPassResult *result = nullptr)
    {
        SyncEngine engine(tw.ws->database(), tw.clock);
        SyncPassResult r;
        QString error;
        const bool ok = engine.connectTo(url, &error) && engine.runPass(&r, &error);
        if (result)
            *result = r;
        if (!ok)
            qWarning() << "sync failed:" << error;
        return ok;
    }

    /** Joins the server first (an empty database takes a free console code), then registers. */
    QString registerWithPhoto(TestWorkspace &tw, const QByteArray &bytes, const QString &url = QString())
    {
        if (!syncOnce(tw, url.isEmpty() ? m_server.url() : url))
            return {};
        NewTicket t;
        t.type = TicketType::Complaint;
        t.callerPhone = u"13800138000"_s;
        t.summary = u"井盖缺失"_s;
        t.address = u"桂城街道南海大道北 38 号"_s;
        t.files = {{u"井盖.png"_s, bytes, QString()}};
        Actor a = kTaker;
        a.console = tw.ws->consoleCode();
        QString error;
        const QString id = tw.ws->tickets().registerTicket(a, t, &error);
        if (id.isEmpty())
            qWarning() << error;
        return id;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_server.start(), qPrintable(m_server.error()));
        const CtlResult r = runCtl({u"server"_s, u"init"_s, u"--url"_s, m_server.url()});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        PgConnection pg;
        QVERIFY(pg.connect(m_server.url()));
        QString error;
        QCOMPARE(ServerSchema::version(pg, &error), ServerSchema::latestVersion());
    }

    void photoReachesTheOtherConsoleByteForByte()
    {
        TestWorkspace a, b;
        const QByteArray bytes = photo('a');
        const QString id = registerWithPhoto(a, bytes);
        QVERIFY(!id.isEmpty());
        SyncPassResult r;
        QVERIFY(syncOnce(a, m_server.url(), &r));
        QCOMPARE(r.blobsPushed, 1);
        QVERIFY(syncOnce(b, m_server.url(), &r));
        QCOMPARE(r.blobsFetched, 1);
        QCOMPARE(r.blobsRefused, 0);
        QVERIFY(r.changedTickets.contains(id));
        const QList<AttachmentRow> rows = b.ws->attachments().list(b.ws->systemActor(), id);
        QCOMPARE(rows.size(), 1);
        QVERIFY(rows.first().received);
        QCOMPARE(rows.first().fileName, u"井盖.png"_s);
        QString error;
        const std::optional<QByteArray> got = b.ws->attachments().content(b.ws->systemActor(), rows.first().hash, &error);
        QVERIFY2(got, qPrintable(error));
        QCOMPARE(*got, bytes);
        QCOMPARE(b.ws->events().ticket(id).address, u"桂城街道南海大道北 38 号"_s);
        const ProjectionFinding f = ProjectionVerifier::verify(b.ws->database());
        QVERIFY2(f.ok(), qPrintable(f.first ? f.first->describe() : f.error));
        // A second pass sends and fetches nothing again.
        QVERIFY(syncOnce(a, m_server.url(), &r));
        QCOMPARE(r.blobsPushed, 0);
        QVERIFY(syncOnce(b, m_server.url(), &r));
        QCOMPARE(r.blobsFetched, 0);
    }

    void bytesNotYetThereDoNotFailTheSync()
    {
        TestWorkspace a, b;
        const QByteArray bytes = photo('b');
        const QString id = registerWithPhoto(a, bytes);
        const QString hash = AttachmentStore::hashOf(bytes);
        // The event goes up without its bytes (as if the console that took them had lost them before sending).
        QVERIFY(a.ws->database().exec(u"DELETE FROM attachment_blobs"_s));
        SyncPassResult r;
        QVERIFY(syncOnce(a, m_server.url(), &r));
        QCOMPARE(r.blobsPushed, 0);
        QVERIFY(syncOnce(b, m_server.url(), &r));
        QCOMPARE(r.blobsWaiting, 1);
        QList<AttachmentRow> rows = b.ws->attachments().list(b.ws->systemActor(), id);
        QCOMPARE(rows.size(), 1);
        QVERIFY(!rows.first().received);
        QString error;
        QVERIFY(!b.ws->attachments().content(b.ws->systemActor(), hash, &error));
        QVERIFY2(error.contains(u"not been received"_s), qPrintable(error));
        // The bytes reach the server later; the next pass fetches them.
        PgConnection pg;
        QVERIFY(pg.connect(m_server.url()));
        QVERIFY(pg.run("SELECT hotline_put_blob($1, decode($2, 'hex'))", {hash.toLatin1(), bytes.toHex()}));
        QVERIFY(syncOnce(b, m_server.url(), &r));
        QCOMPARE(r.blobsFetched, 1);
        rows = b.ws->attachments().list(b.ws->systemActor(), id);
        QVERIFY(rows.first().received);
        QCOMPARE(*b.ws->attachments().content(b.ws->systemActor(), hash, &error), bytes);
    }

    void swappedBlobOnTheServerIsRefused()
    {
        TestWorkspace a, c;
        const QByteArray bytes = photo('c');
        const QString id = registerWithPhoto(a, bytes);
        const QString hash = AttachmentStore::hashOf(bytes);
        QVERIFY(syncOnce(a, m_server.url()));
        PgConnection pg;
        QVERIFY(pg.connect(m_server.url()));
        // The table refuses changes, whoever asks; and the function refuses bytes that are not the hash's.
        PgResult changed = pg.exec("UPDATE hotline_attachment_blobs SET data = 'x'::bytea WHERE hash = $1", {hash.toLatin1()});
        QVERIFY(!changed.ok());
        QVERIFY2(changed.error().contains(u"append-only"_s), qPrintable(changed.error()));
        PgResult wrong = pg.exec("SELECT hotline_put_blob($1, decode('00', 'hex'))", {QByteArray(64, 'a')});
        QVERIFY(!wrong.ok());
        QVERIFY2(wrong.error().contains(u"does not match"_s), qPrintable(wrong.error()));
        // Someone with the owner's powers swaps the bytes behind the triggers' back.
        QVERIFY(pg.run("SET session_replication_role = replica"));
        QVERIFY(pg.run("UPDATE hotline_attachment_blobs SET data = decode($2, 'hex') WHERE hash = $1",
                       {hash.toLatin1(), photo('z').toHex()}));
        SyncPassResult r;
        QVERIFY(syncOnce(c, m_server.url(), &r)); // the sync itself succeeds
        QCOMPARE(r.blobsRefused, 1); // (the earlier tests' files on this server arrive intact)
        const QList<AttachmentRow> rows = c.ws->attachments().list(c.ws->systemActor(), id);
        QCOMPARE(rows.size(), 1);
        QVERIFY(!rows.first().received);
        QString error;
        QVERIFY(!c.ws->attachments().content(c.ws->systemActor(), hash, &error));
    }

    void restrictedConsoleRoleSyncsFiles()
    {
        const QString url = m_server.createDatabase(u"desk"_s);
        PgConnection owner;
        QVERIFY(owner.connect(url));
        QString error;
        QVERIFY2(ServerSchema::migrate(owner, &error), qPrintable(error));
        // One login per console (server schema 7), and alice known on the server so that her events are taken.
        QVERIFY2(!ConsoleLogins::add(owner, u"attach_desk"_s, "pw", QString(), &error).isEmpty(), qPrintable(error));
        QVERIFY2(!ConsoleLogins::add(owner, u"attach_desk_b"_s, "pw", QString(), &error).isEmpty(), qPrintable(error));
        QVERIFY(owner.run("INSERT INTO hotline_reference_rows(tbl, key, version, content, edited_ms, console, "
                          "updated_by) VALUES ('users', 'alice', nextval('hotline_reference_row_version'), "
                          "'{\"name\":\"alice\",\"role\":\"calltaker\"}', 0, '01', 'test') ON CONFLICT DO NOTHING"));
        const QString deskUrl = m_server.urlAs(u"attach_desk"_s, u"desk"_s);
        const QString deskUrlB = m_server.urlAs(u"attach_desk_b"_s, u"desk"_s);
        TestWorkspace a, b;
        const QByteArray bytes = photo('d');
        const QString id = registerWithPhoto(a, bytes, deskUrl);
        SyncPassResult r;
        QVERIFY(syncOnce(a, deskUrl, &r));
        QCOMPARE(r.blobsPushed, 1);
        QVERIFY(syncOnce(b, deskUrlB, &r));
        QCOMPARE(r.blobsFetched, 1);
        QCOMPARE(*b.ws->attachments().content(b.ws->systemActor(), AttachmentStore::hashOf(bytes), &error), bytes);
        // The role cannot write the table directly, only through the checking function.
        PgConnection desk;
        QVERIFY(desk.connect(deskUrl));
        QVERIFY(!desk.run("INSERT INTO hotline_attachment_blobs(hash, size, data) VALUES (repeat('b', 64), 1, '\\x00')"));
        QVERIFY(!b.ws->attachments().list(b.ws->systemActor(), id).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestSyncAttachments)
#include "tst_sync_attachments.moc"
