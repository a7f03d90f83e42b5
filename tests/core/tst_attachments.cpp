// Issue 15: photos and documents on tickets. The bytes are stored once per SHA-256 beside an Attached event, in
// one transaction; size limit, refused types, permissions and visibility; rebuild and verify agree on the rows.
#include "TestSupport.h"
#include "TestWorkspace.h"

#include "auth/Actor.h"
#include "service/Attachments.h"
#include "service/TicketService.h"
#include "storage/AttachmentStore.h"
#include "storage/Database.h"
#include "storage/EventStore.h"
#include "storage/ProjectionVerifier.h"
#include "storage/Settings.h"

#include <QSqlQuery>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace hotline;
using namespace hotline::test;

namespace {

const Actor kTaker{u"alice"_s, Role::CallTaker, QString(), u"01"_s};
const Actor kDispatcher{u"bob"_s, Role::Dispatcher, QString(), u"01"_s};
const Actor kCg{u"carol"_s, Role::Liaison, u"CG"_s, u"01"_s};
const Actor kJt{u"dave"_s, Role::Liaison, u"JT"_s, u"01"_s};
const Actor kSupervisor{u"sue"_s, Role::Supervisor, QString(), u"01"_s};

// A real 1x1 PNG: its content says image/png whatever it is called.
QByteArray png()
{
    return QByteArray::fromBase64(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
}

QByteArray pdf()
{
    return "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";
}

NewTicket manhole()
{
    NewTicket t;
    t.type = TicketType::Complaint;
    t.callerName = u"陈先生"_s;
    t.callerPhone = u"13800138000"_s;
    t.summary = u"人行道井盖缺失"_s;
    t.address = u"桂城街道南海大道北 38 号"_s;
    t.latitude = 23.0329;
    t.longitude = 113.1453;
    return t;
}

qint64 count(TestWorkspace &tw, const QString &sql)
{
    QSqlQuery q(tw.ws->database().sql());
    return q.exec(sql) && q.next() ? q.value(0).toLongLong() : -1;
}

} // namespace

class TestAttachments : public QObject
{
    Q_OBJECT

private:
    QString dispatched(TestWorkspace &tw, const QString &department = u"CG"_s)
    {
        QString error;
        const QString id = tw.ws->tickets().registerTicket(kTaker, manhole(), &error);
        if (id.isEmpty() || !tw.ws->tickets().dispatch(kDispatcher, id, department, &error))
            qWarning() << error;
        return id;
    }

private Q_SLOTS:
    void init() {}

    void storedOncePerHash()
    {
        TestWorkspace tw;
        tw.addDepartment(u"CG"_s, u"区城管局"_s);
        const QString a = dispatched(tw);
        const QString b = dispatched(tw);
        Attachments &att = tw.ws->attachments();
        QString error;
        const QString h1 = att.attach(kCg, a, {u"井盖.png"_s, png(), u"before"_s}, &error);
        QVERIFY2(!h1.isEmpty(), qPrintable(error));
        QCOMPARE(h1, AttachmentStore::hashOf(png()));
        QCOMPARE(h1.size(), 64);
        // The same photo again, on another ticket, by another person: one blob, two rows.
        QVERIFY2(!att.attach(kTaker, b, {u"C:\\照片\\same.png"_s, png(), u"registration"_s}, &error).isEmpty(),
                 qPrintable(error));
        QCOMPARE(count(tw, u"SELECT count(*) FROM attachment_blobs"_s), 1);
        QCOMPARE(count(tw, u"SELECT count(*) FROM ticket_attachments"_s), 2);
        const QList<AttachmentRow> rows = att.list(kDispatcher, b);
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.first().fileName, u"same.png"_s); // the path is not kept
        QCOMPARE(rows.first().mimeType, u"image/png"_s);
        QCOMPARE(rows.first().size, qint64(png().size()));
        QCOMPARE(rows.first().stage, u"registration"_s);
        QCOMPARE(rows.first().actor, u"alice"_s);
        QVERIFY(rows.first().received);
        QCOMPARE(tw.ws->events().ticket(a).attachments, 1);
        // The event records what the log vouches for.
        const QList<TicketEvent> history = tw.ws->events().history(a);
        QCOMPARE(history.last().type, EventType::Attached);
        QCOMPARE(history.last().payload.value(Key::Hash).toString(), h1);
        QCOMPARE(history.last().payload.value(Key::Stage).toString(), u"before"_s);
        const std::optional<QByteArray> bytes = att.content(kDispatcher, h1, &error);
        QVERIFY(bytes);
        QCOMPARE(*bytes, png());
    }

    void sizeLimitFromSettings()
    {
        TestWorkspace tw;
        tw.addDepartment(u"CG"_s, u"区城管局"_s);
        const QString id = dispatched(tw);
        QString error;
        QVERIFY(!Settings::validate(u"attachments.max_mb"_s, u"0"_s).isEmpty());
        QVERIFY(!Settings::validate(u"attachments.max_mb"_s, u"abc"_s).isEmpty());
        QVERIFY(Settings::validate(u"attachments.max_mb"_s, u"25"_s).isEmpty());
        QCOMPARE(tw.ws->settings().attachmentMaxBytes(), qint64(10) * 1024 * 1024);
        QVERIFY(tw.ws->settings().set(u"attachments.max_mb"_s, u"1"_s, &error));
        const QByteArray big = png() + QByteArray(1024 * 1024, 'x');
        const qint64 events = count(tw, u"SELECT count(*) FROM events"_s);
        QVERIFY(tw.ws->attachments().attach(kCg, id, {u"大图.png"_s, big, u"after"_s}, &error).isEmpty());
        QVERIFY2(error.contains(u"attachments.max_mb"_s) && error.contains(u"大图.png"_s), qPrintable(error));
        QCOMPARE(count(tw, u"SELECT count(*) FROM events"_s), events);
        QCOMPARE(count(tw, u"SELECT count(*) FROM attachment_blobs"_s), 0);
        // Just under the limit passes.
        QVERIFY2(!tw.ws->attachments().attach(kCg, id, {u"ok.png"_s, big.left(1024 * 1024), u"after"_s}, &error).isEmpty(),
                 qPrintable(error));
    }

    void refusedTypes_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("says");
        QTest::newRow("exe named as a photo") << u"photo.jpg"_s << QByteArray("MZ\x90\x00\x03", 5) + QByteArray(200, '\0')
                                              << u"program"_s;
        QTest::newRow("elf") << u"report.pdf"_s << QByteArray("\x7f" "ELF\x02\x01\x01", 7) + QByteArray(100, '\0')
                             << u"program"_s;
        QTest::newRow("script") << u"notes.txt"_s << QByteArray("#!/bin/sh\nrm -rf /\n") << u"program"_s;
        QTest::newRow("exe by name") << u"setup.exe"_s << QByteArray("hello") << u"program"_s;
        QTest::newRow("zip archive") << u"archive.zip"_s << QByteArray("PK\x03\x04\x14\x00\x00\x00", 8) + QByteArray(60, '\0')
                                     << u"not a photo"_s;
        QTest::newRow("empty") << u"empty.png"_s << QByteArray() << u"empty"_s;
    }

    void refusedTypes()
    {
        QFETCH(QString, name);
        QFETCH(QByteArray, bytes);
        QFETCH(QString, says);
        TestWorkspace tw;
        tw.addDepartment(u"CG"_s, u"区城管局"_s);
        const QString id = dispatched(tw);
        QString error;
        QVERIFY(tw.ws->attachments().attach(kCg, id, {name, bytes, u"document"_s}, &error).isEmpty());
        QVERIFY2(error.contains(says), qPrintable(error));
        QCOMPARE(count(tw, u"SELECT count(*) FROM attachment_blobs"_s), 0);
        QCOMPARE(count(tw, u"SELECT count(*) FROM ticket_attachments"_s), 0);
    }

    void acceptedTypes()
    {
        TestWorkspace tw;
        tw.addDepartment(u"CG"_s, u"区城管局"_s);
        const QString id = dispatched(tw);
        QString error;
        QVERIFY2(!tw.ws->attachments().attach(kCg, id, {u"答复函.pdf"_s, pdf(), u"document"_s}, &error).isEmpty(),
                 qPrintable(error));
        QVERIFY2(!tw.ws->attachments().attach(kCg, id, {u"说明.txt"_s, "现场已修复。\n"_ba, u"after"_s}, &error).isEmpty(),
                 qPrintable(error));
        const QList<AttachmentRow> rows = tw.ws->attachments().list(kCg, id);
        QCOMPARE(rows.size(), 2);
        QCOMPARE(rows.at(0).mimeType, u"application/pdf"_s);
        QCOMPARE(rows.at(1).mimeType, u"text/plain"_s);
        QVERIFY(tw.ws->attachments().attach(kCg, id, {u"x.png"_s, png(), u"sideways"_s}, &error).isEmpty());
        QVERIFY2(error.contains(u"sideways"_s), qPrintable(error));
    }

    void registrationWithFilesIsOneTransaction()
    {
        TestWorkspace tw;
        NewTicket t = manhole();
        t.files = {{u"现场.png"_s, png(), QString()}, {u"说明.pdf"_s, pdf(), u"document"_s}};
        QString error;
        const QString id = tw.ws->tickets().registerTicket(kTaker, t, &error);
        QVERIFY2(!id.isEmpty(), qPrintable(error));
        const QList<AttachmentRow> rows = tw.ws->attachments().list(kTaker, id);
        QCOMPARE(rows.size(), 2);
        QCOMPARE(rows.at(0).stage, u"registration"_s);
        QCOMPARE(rows.at(1).stage, u"document"_s);
        const Ticket ticket = tw.ws->events().ticket(id);
        QCOMPARE(ticket.attachments, 2);
        QCOMPARE(ticket.address, u"桂城街道南海大道北 38 号"_s);
        QCOMPARE(ticket.latitude, std::optional<double>(23.0329));

        // One bad file refuses the whole registration: no ticket, no bytes.
        const qint64 tickets = count(tw, u"SELECT count(*) FROM tickets"_s);
        const qint64 blobs = count(tw, u"SELECT count(*) FROM attachment_blobs"_s);
        NewTicket bad = manhole();
        bad.files = {{u"fine.png"_s, png() + "other"_ba, QString()}, {u"virus.exe"_s, "MZ"_ba, QString()}};
        QVERIFY(tw.ws->tickets().registerTicket(kTaker, bad, &error).isEmpty());
        QVERIFY2(error.contains(u"virus.exe"_s), qPrintable(error));
        QCOMPARE(count(tw, u"SELECT count(*) FROM tickets"_s), tickets);
        QCOMPARE(count(tw, u"SELECT count(*) FROM attachment_blobs"_s), blobs);
    }

    void failedEventWriteKeepsNoBytes()
    {
        TestWorkspace tw;
        tw.addDepartment(u"CG"_s, u"区城管局"_s);
        const QString id = dispatched(tw);
        // The event insert fails after the bytes were written in the same transaction: both are rolled back.
        QVERIFY(tw.ws->database().exec(u"CREATE TRIGGER refuse_attached BEFORE INSERT ON events WHEN NEW.type = "
                                       "'attached' BEGIN SELECT RAISE(ABORT, 'disk trouble'); END"_s));
        QString error;
        QVERIFY(tw.ws->attachments().attach(kCg, id, {u"p.png"_s, png(), u"before"_s}, &error).isEmpty());
        QVERIFY2(error.contains(u"disk trouble"_s), qPrintable(error));
        QCOMPARE(count(tw, u"SELECT count(*) FROM attachment_blobs"_s), 0);
        QCOMPARE(count(tw, u"SELECT count(*) FROM ticket_attachments"_s), 0);
        QCOMPARE(tw.ws->events().ticket(id).attachments, 0);
    }

    void permissionsAndVisibility()
    {
        TestWorkspace tw;
        tw.addDepartment(u"CG"_s, u"区城管局"_s);
        tw.addDepartment(u"JT"_s, u"区交通局"_s);
        const QString id = dispatched(tw, u"CG"_s);
        Attachments &att = tw.ws->attachments();
        QString error;
        // Another department's liaison cannot even learn the ticket is there; a supervisor may look, not attach.
        QVERIFY(att.attach(kJt, id, {u"p.png"_s, png(), u"after"_s}, &error).isEmpty());
        QVERIFY(!error.isEmpty());
        QVERIFY(att.attach(kSupervisor, id, {u"p.png"_s, png(), u"after"_s}, &error).isEmpty());
        QVERIFY(!error.isEmpty());
        QCOMPARE(count(tw, u"SELECT count(*) FROM attachment_blobs"_s), 0);
        const QString hash = att.attach(kCg, id, {u"after.png"_s, png(), u"after"_s}, &error);
        QVERIFY2(!hash.isEmpty(), qPrintable(error));
        QVERIFY(att.list(kJt, id).isEmpty());
        QCOMPARE(att.list(kSupervisor, id).size(), 1);
        QVERIFY(!att.content(kJt, hash, &error));
        QVERIFY(att.content(kSupervisor, hash, &error));
        QVERIFY(!att.content(kSupervisor, QString(64, u'0'), &error));
    }

    void rebuildAndVerifyAgree()
    {
        TestWorkspace tw;
        tw.addDepartment(u"CG"_s, u"区城管局"_s);
        const QString id = dispatched(tw);
        QString error;
        QVERIFY(!tw.ws->attachments().attach(kCg, id, {u"before.png"_s, png(), u"before"_s}, &error).isEmpty());
        QVERIFY(!tw.ws->attachments().attach(kCg, id, {u"reply.pdf"_s, pdf(), u"document"_s}, &error).isEmpty());
        ProjectionFinding f = ProjectionVerifier::verify(tw.ws->database());
        QVERIFY2(f.ok(), qPrintable(f.first ? f.first->describe() : f.error));
        QVERIFY(f.rows >= 3); // one dispatch row, two attachment rows
        // A row edited behind the log's back is found, by table and column.
        QVERIFY(tw.ws->database().exec(u"UPDATE ticket_attachments SET file_name = 'forged.png' WHERE stage = 'before'"_s));
        f = ProjectionVerifier::verify(tw.ws->database());
        QVERIFY(!f.ok());
        QCOMPARE(f.first->table, u"ticket_attachments"_s);
        QCOMPARE(f.first->column, u"file_name"_s);
        // Rebuild derives the rows again and keeps the bytes (they are not projection).
        QVERIFY2(tw.ws->events().rebuildProjection(&error), qPrintable(error));
        f = ProjectionVerifier::verify(tw.ws->database());
        QVERIFY2(f.ok(), qPrintable(f.first ? f.first->describe() : f.error));
        QCOMPARE(count(tw, u"SELECT count(*) FROM attachment_blobs"_s), 2);
        const QList<AttachmentRow> rows = tw.ws->attachments().list(kCg, id);
        QCOMPARE(rows.size(), 2);
        QCOMPARE(rows.at(0).fileName, u"before.png"_s);
        QVERIFY(rows.at(0).received && rows.at(1).received);
        // A row nothing gave is extra.
        QVERIFY(tw.ws->database().exec(u"DELETE FROM ticket_attachments WHERE stage = 'document'"_s));
        f = ProjectionVerifier::verify(tw.ws->database());
        QVERIFY(!f.ok());
        QCOMPARE(f.first->table, u"ticket_attachments"_s);
        QCOMPARE(f.first->kind, ProjectionDifference::Kind::Missing);
    }
};

QTEST_GUILESS_MAIN(TestAttachments)
#include "tst_attachments.moc"
