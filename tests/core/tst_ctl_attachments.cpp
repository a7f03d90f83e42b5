// Issue 15: hotlinectl ticket register with a place, ticket attach, ticket show (text and JSON) and attachment
// save, on a real database with the demo accounts: the real binary, the password on standard input.
#include "TestSupport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace hotline::test;

namespace {

CtlResult ctl(const QStringList &args, const QByteArray &input = "demo1234\n")
{
    QProcess p;
    p.start(hotlinectlPath(), args);
    CtlResult r;
    if (!p.waitForStarted(60000))
        return r;
    p.write(input);
    p.closeWriteChannel();
    if (!p.waitForFinished(120000)) {
        p.kill();
        p.waitForFinished();
        return r;
    }
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
    return r;
}

QByteArray png()
{
    return QByteArray::fromBase64(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
}

} // namespace

class TestCtlAttachments : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void placeAttachShowSave()
    {
        QTemporaryDir dir;
        const QString db = dir.filePath(u"centre.db"_s);
        QCOMPARE(ctl({u"--db"_s, db, u"init"_s, u"--demo"_s}).exitCode, 0);
        const QStringList base{u"--db"_s, db};

        // A place: the address and both coordinates, or a clear refusal.
        CtlResult r = ctl(base + QStringList{u"ticket"_s, u"register"_s, u"--summary"_s, u"井盖缺失"_s, u"--address"_s,
                                             u"南海大道北 38 号"_s, u"--latitude"_s, u"23.0329"_s, u"--as"_s, u"calltaker"_s});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("latitude and longitude"), r.err.constData());
        r = ctl(base + QStringList{u"ticket"_s, u"register"_s, u"--summary"_s, u"井盖缺失"_s, u"--latitude"_s,
                                   u"north"_s, u"--longitude"_s, u"113"_s, u"--as"_s, u"calltaker"_s});
        QCOMPARE(r.exitCode, 2);
        r = ctl(base + QStringList{u"ticket"_s, u"register"_s, u"--summary"_s, u"井盖缺失"_s, u"--address"_s,
                                   u"南海大道北 38 号"_s, u"--latitude"_s, u"23.0329"_s, u"--longitude"_s, u"113.1453"_s,
                                   u"--as"_s, u"calltaker"_s});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QString number = QString::fromUtf8(r.out).trimmed();

        // A photo attached by the call-taker; a program refused.
        const QString photo = dir.filePath(u"现场.png"_s);
        QFile f(photo);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(png());
        f.close();
        r = ctl(base + QStringList{u"ticket"_s, u"attach"_s, number, photo, u"--stage"_s, u"registration"_s, u"--as"_s,
                                   u"calltaker"_s});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(r.out.contains("现场.png"), r.out.constData());
        const QString exe = dir.filePath(u"setup.exe"_s);
        QFile e(exe);
        QVERIFY(e.open(QIODevice::WriteOnly));
        e.write("MZ");
        e.close();
        r = ctl(base + QStringList{u"ticket"_s, u"attach"_s, number, exe, u"--as"_s, u"calltaker"_s});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("program"), r.err.constData());
        r = ctl(base + QStringList{u"ticket"_s, u"attach"_s, number, photo, u"--stage"_s, u"sideways"_s, u"--as"_s,
                                   u"calltaker"_s});
        QCOMPARE(r.exitCode, 2);

        // Show, as JSON and as text.
        r = ctl(base + QStringList{u"ticket"_s, u"show"_s, number, u"--format"_s, u"json"_s, u"--as"_s, u"dispatcher"_s});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonObject o = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(o.value(u"address"_s).toString(), u"南海大道北 38 号"_s);
        QCOMPARE(o.value(u"latitude"_s).toDouble(), 23.0329);
        QCOMPARE(o.value(u"longitude"_s).toDouble(), 113.1453);
        const QJsonArray files = o.value(u"attachments"_s).toArray();
        QCOMPARE(files.size(), 1);
        const QJsonObject file = files.first().toObject();
        QCOMPARE(file.value(u"file_name"_s).toString(), u"现场.png"_s);
        QCOMPARE(file.value(u"mime_type"_s).toString(), u"image/png"_s);
        QCOMPARE(file.value(u"stage"_s).toString(), u"registration"_s);
        QCOMPARE(file.value(u"by"_s).toString(), u"calltaker"_s);
        QCOMPARE(file.value(u"received"_s).toBool(), true);
        const QString hash = file.value(u"hash"_s).toString();
        QCOMPARE(hash.size(), 64);
        r = ctl(base + QStringList{u"ticket"_s, u"show"_s, number, u"--as"_s, u"dispatcher"_s});
        QVERIFY2(r.out.contains("南海大道北 38 号 (23.032900, 113.145300)"), r.out.constData());
        QVERIFY2(r.out.contains(hash.toLatin1()), r.out.constData());

        // Out again, byte for byte; a liaison who may not see the ticket gets nothing.
        const QString copy = dir.filePath(u"copy.png"_s);
        r = ctl(base + QStringList{u"attachment"_s, u"save"_s, hash, u"-o"_s, copy, u"--as"_s, u"dispatcher"_s});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QFile back(copy);
        QVERIFY(back.open(QIODevice::ReadOnly));
        QCOMPARE(back.readAll(), png());
        r = ctl(base + QStringList{u"attachment"_s, u"save"_s, hash, u"-o"_s, dir.filePath(u"no.png"_s), u"--as"_s,
                                   u"liaison"_s});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(!QFile::exists(dir.filePath(u"no.png"_s)));
        r = ctl(base + QStringList{u"attachment"_s, u"save"_s, hash, u"--as"_s, u"dispatcher"_s});
        QCOMPARE(r.exitCode, 2);
    }
};

QTEST_GUILESS_MAIN(TestCtlAttachments)
#include "tst_ctl_attachments.moc"
