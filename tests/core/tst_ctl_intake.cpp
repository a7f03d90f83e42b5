// hotlinectl intake token add|list|revoke and hotlinectl serve as real processes on a real database file: the
// token printed once and only its hash kept, the administrative record without it, administrators only, and the
// service answering over HTTP until SIGTERM stops it cleanly.
#include "TestSupport.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace hotline::test;

namespace {

/** hotlinectl with input on its standard input (the password of --as). */
CtlResult ctl(const QStringList &args, const QByteArray &input = {})
{
    QProcess p;
    p.start(hotlinectlPath(), args);
    CtlResult r;
    if (!p.waitForStarted(60000)) {
        r.err = "hotlinectl did not start";
        return r;
    }
    p.write(input);
    p.closeWriteChannel();
    if (!p.waitForFinished(120000)) {
        p.kill();
        p.waitForFinished();
        r.err = "hotlinectl timed out";
        return r;
    }
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    return r;
}

QString scalar(const QString &path, const QString &sql)
{
    QString value;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"probe"_s);
        db.setDatabaseName(path);
        if (db.open()) {
            QSqlQuery q(db);
            if (q.exec(sql) && q.next())
                value = q.value(0).toString();
        }
    }
    QSqlDatabase::removeDatabase(u"probe"_s);
    return value;
}

} // namespace

class TestCtlIntake : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_db;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(!hotlinectlPath().isEmpty(), "HOTLINECTL is not set (run through ctest)");
        QVERIFY(m_dir.isValid());
        m_db = m_dir.filePath(u"centre.db"_s);
        const CtlResult r = ctl({u"--db"_s, m_db, u"init"_s, u"--demo"_s});
        QVERIFY2(r.exitCode == 0, r.err.constData());
    }

    void tokenAddListRevoke()
    {
        CtlResult r = ctl({u"--db"_s, m_db, u"intake"_s, u"token"_s, u"add"_s, u"wechat-main"_s, u"--channel"_s, u"wechat"_s});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QByteArray token = r.out.trimmed();
        QVERIFY2(QRegularExpression(u"^[A-Za-z0-9_-]{43,}$"_s).match(QString::fromLatin1(token)).hasMatch(), r.out.constData());
        QVERIFY(r.err.contains("shown only now"));
        // Only the hash is stored.
        const QString hash = QString::fromLatin1(QCryptographicHash::hash(token, QCryptographicHash::Sha256).toHex());
        QCOMPARE(scalar(m_db, u"SELECT token_hash FROM intake_tokens WHERE name = 'wechat-main'"_s), hash);
        QCOMPARE(scalar(m_db, u"SELECT COUNT(*) FROM intake_tokens WHERE token_hash LIKE '%%1%'"_s.arg(QString::fromLatin1(token))),
                 u"0"_s);

        // The same name again, an unknown channel, a bad name.
        QCOMPARE(ctl({u"--db"_s, m_db, u"intake"_s, u"token"_s, u"add"_s, u"wechat-main"_s, u"--channel"_s, u"web"_s}).exitCode, 1);
        QCOMPARE(ctl({u"--db"_s, m_db, u"intake"_s, u"token"_s, u"add"_s, u"x"_s, u"--channel"_s, u"fax"_s}).exitCode, 2);
        QCOMPARE(ctl({u"--db"_s, m_db, u"intake"_s, u"token"_s, u"add"_s, u"x"_s, u"--channel"_s, u"phone"_s}).exitCode, 1);
        QCOMPARE(ctl({u"--db"_s, m_db, u"intake"_s, u"token"_s, u"add"_s, u"a b"_s, u"--channel"_s, u"web"_s}).exitCode, 1);

        // An administrator signed in adds one; another role may not.
        r = ctl({u"--db"_s, m_db, u"intake"_s, u"token"_s, u"add"_s, u"web-form"_s, u"--channel"_s, u"web"_s, u"--as"_s,
                 u"admin"_s},
                "demo1234\n");
        QVERIFY2(r.exitCode == 0, r.err.constData());
        r = ctl({u"--db"_s, m_db, u"intake"_s, u"token"_s, u"add"_s, u"weibo"_s, u"--channel"_s, u"weibo"_s, u"--as"_s,
                 u"dispatcher"_s},
                "demo1234\n");
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(scalar(m_db, u"SELECT COUNT(*) FROM intake_tokens"_s), u"2"_s);

        // The list never shows a token.
        r = ctl({u"--db"_s, m_db, u"intake"_s, u"token"_s, u"list"_s, u"--format"_s, u"json"_s});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(!r.out.contains(token) && !r.out.contains(hash.toLatin1()));
        QJsonArray rows = QJsonDocument::fromJson(r.out).array();
        QCOMPARE(rows.size(), 2);
        QCOMPARE(rows.at(0).toObject().value(u"name"_s).toString(), u"web-form"_s);
        QCOMPARE(rows.at(1).toObject().value(u"channel"_s).toString(), u"wechat"_s);
        QVERIFY(rows.at(1).toObject().value(u"revoked"_s).isNull());

        r = ctl({u"--db"_s, m_db, u"intake"_s, u"token"_s, u"revoke"_s, u"wechat-main"_s});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(ctl({u"--db"_s, m_db, u"intake"_s, u"token"_s, u"revoke"_s, u"wechat-main"_s}).exitCode, 1);
        QCOMPARE(ctl({u"--db"_s, m_db, u"intake"_s, u"token"_s, u"revoke"_s, u"nobody"_s}).exitCode, 1);
        r = ctl({u"--db"_s, m_db, u"intake"_s, u"token"_s, u"list"_s});
        QVERIFY2(r.out.contains("wechat-main\twechat\t") && r.out.contains("revoked"), r.out.constData());

        // Recorded as administrative changes, without the token or its hash; verify still passes.
        r = ctl({u"--db"_s, m_db, u"audit"_s, u"--entity"_s, u"intake_token"_s, u"--format"_s, u"json"_s});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(r.out.contains("wechat-main") && r.out.contains("web-form"), r.out.constData());
        QVERIFY(r.out.contains("admin"));
        QVERIFY(!r.out.contains(token) && !r.out.contains(hash.toLatin1()));
        r = ctl({u"--db"_s, m_db, u"verify"_s});
        QVERIFY2(r.exitCode == 0, QByteArray(r.out + r.err).constData());
    }

    void serveAnswersUntilSigterm()
    {
        CtlResult r = ctl({u"--db"_s, m_db, u"intake"_s, u"token"_s, u"add"_s, u"petition"_s, u"--channel"_s, u"petition"_s});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QByteArray token = r.out.trimmed();
        QCOMPARE(ctl({u"--db"_s, m_db, u"serve"_s, u"--listen"_s, u"nowhere"_s}).exitCode, 2);

        QProcess serve;
        serve.start(hotlinectlPath(), {u"--db"_s, m_db, u"serve"_s, u"--listen"_s, u"127.0.0.1:0"_s});
        QVERIFY(serve.waitForStarted(60000));
        QByteArray err;
        const QRegularExpression listening(u"http://127\\.0\\.0\\.1:(\\d+)/"_s);
        QVERIFY2(QTest::qWaitFor([&] {
                     err += serve.readAllStandardError();
                     return listening.match(QString::fromUtf8(err)).hasMatch() || serve.state() == QProcess::NotRunning;
                 }, 60000),
                 err.constData());
        const QRegularExpressionMatch m = listening.match(QString::fromUtf8(err));
        QVERIFY2(m.hasMatch(), err.constData());

        QNetworkAccessManager nam;
        QNetworkRequest req(QUrl(u"http://127.0.0.1:%1/api/v1/requests"_s.arg(m.captured(1))));
        req.setHeader(QNetworkRequest::ContentTypeHeader, "application/json"_ba);
        req.setRawHeader("Authorization", "Bearer " + token);
        QNetworkReply *reply = nam.post(req, R"({"type":"suggestion","summary":"网上信访：建议增设公交站"})");
        QVERIFY(QTest::qWaitFor([&] { return reply->isFinished(); }, 30000));
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 201);
        const QString number = QJsonDocument::fromJson(reply->readAll()).object().value(u"number"_s).toString();
        reply->deleteLater();
        QVERIFY(!number.isEmpty());

        serve.terminate(); // SIGTERM: a clean stop
        QVERIFY(serve.waitForFinished(30000));
        QCOMPARE(serve.exitStatus(), QProcess::NormalExit);
        QCOMPARE(serve.exitCode(), 0);
        QCOMPARE(scalar(m_db, u"SELECT channel FROM tickets WHERE number = '%1'"_s.arg(number)), u"petition"_s);
    }
};

QTEST_GUILESS_MAIN(TestCtlIntake)
#include "tst_ctl_intake.moc"
