// The intake service's logic without a socket: IntakeApi answering ApiRequests on a real database, the token
// bucket's arithmetic, which client address a limit counts, and how Open311 fields map to a ticket.
#include "TestWorkspace.h"

#include "intake/IntakeApi.h"
#include "intake/IntakeTokens.h"
#include "intake/RateLimiter.h"
#include "storage/Database.h"
#include "storage/EventStore.h"
#include "storage/Settings.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace hotline;
using namespace hotline::test;

class TestIntake : public QObject
{
    Q_OBJECT

private:
    ApiRequest req(const QByteArray &method, const QString &path, const QByteArray &body = {}) const
    {
        ApiRequest r;
        r.method = method;
        r.path = path;
        r.body = body;
        r.peer = u"127.0.0.1"_s;
        r.headers.insert("authorization", "Bearer " + m_token.toUtf8());
        return r;
    }

    TestWorkspace m_tw;
    QString m_token;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_tw.isValid(), qPrintable(m_tw.error));
        QSqlQuery q(m_tw.ws->database().sql());
        QVERIFY(q.exec(u"INSERT INTO categories(name, code) VALUES('道路设施', 'ROAD'), ('停用类别', 'OLD')"_s));
        QVERIFY(q.exec(u"UPDATE categories SET active = 0 WHERE code = 'OLD'"_s));
        QString error;
        m_token = IntakeTokens(m_tw.ws->database()).add(m_tw.ws->systemActor(), u"web-form"_s, Channel::Web, &error);
        QVERIFY2(!m_token.isEmpty(), qPrintable(error));
    }

    void tokenBucketRefillsAtTheRate()
    {
        RateLimiter limiter;
        for (int i = 0; i < 3; ++i)
            QVERIFY(!limiter.take(u"a"_s, 0, 3)); // a burst of the whole minute's allowance
        QCOMPARE(limiter.take(u"a"_s, 0, 3).value_or(-1), 20);
        QVERIFY(!limiter.take(u"b"_s, 0, 3)); // another key has its own bucket
        QCOMPARE(limiter.take(u"a"_s, 19000, 3).value_or(-1), 1);
        QVERIFY(!limiter.take(u"a"_s, 20000, 3));
        QVERIFY(limiter.take(u"a"_s, 20000, 3).has_value());
        QVERIFY(limiter.take(u"a"_s, 10000, 3).has_value()); // a clock set back refills nothing
    }

    void onlyAFriendlyProxyNamesTheClient()
    {
        QString error;
        QVERIFY2(m_tw.ws->settings().set(u"intake.requests_per_minute"_s, u"1"_s, &error), qPrintable(error));
        IntakeApi api(*m_tw.ws);
        ApiRequest r = req("GET", u"/api/v1/requests/1"_s);
        r.headers.insert("x-forwarded-for", "198.51.100.1, 203.0.113.7");
        QCOMPARE(api.handle(r).status, 404);
        QCOMPARE(api.handle(r).status, 429); // 203.0.113.7's one request this minute
        r.headers.insert("x-forwarded-for", "203.0.113.8");
        QCOMPARE(api.handle(r).status, 404); // another citizen
        // From a remote peer the header is the client's own word: ignored, the peer is counted.
        r.peer = u"192.0.2.50"_s;
        QCOMPARE(api.handle(r).status, 404);
        r.headers.insert("x-forwarded-for", "203.0.113.99");
        QCOMPARE(api.handle(r).status, 429);
        QVERIFY2(m_tw.ws->settings().set(u"intake.requests_per_minute"_s, u"60"_s, &error), qPrintable(error));
        QVERIFY(!Settings::validate(u"intake.requests_per_minute"_s, u"0"_s).isEmpty());
        QVERIFY(!Settings::validate(u"intake.requests_per_minute"_s, u"many"_s).isEmpty());
    }

    void wrongMethodsSayWhatIsAllowed()
    {
        IntakeApi api(*m_tw.ws);
        ApiResponse a = api.handle(req("DELETE", u"/api/v1/requests"_s));
        QCOMPARE(a.status, 405);
        QVERIFY(a.headers.contains(std::pair{"Allow"_ba, "POST"_ba}));
        a = api.handle(req("POST", u"/open311/v2/services.json"_s));
        QCOMPARE(a.status, 405);
        QCOMPARE(QJsonDocument::fromJson(a.body).array().at(0).toObject().value(u"code"_s).toInt(), 405);
    }

    void open311MapsALongDescriptionAndSkipsInactiveServices()
    {
        IntakeApi api(*m_tw.ws);
        ApiResponse a = api.handle(req("GET", u"/open311/v2/services.json"_s));
        QCOMPARE(a.status, 200);
        const QJsonArray services = QJsonDocument::fromJson(a.body).array();
        QCOMPARE(services.size(), 1);
        QCOMPARE(services.at(0).toObject().value(u"service_code"_s).toString(), u"ROAD"_s);

        const QString description = QString(600, u'坑');
        ApiRequest r = req("POST", u"/open311/v2/requests.json"_s,
                           QJsonDocument(QJsonObject{{u"service_code"_s, u"road"_s}, {u"description"_s, description},
                                                     {u"type"_s, u"complaint"_s}, {u"lat"_s, 23.0}, {u"long"_s, 113.0}})
                               .toJson());
        a = api.handle(r);
        QCOMPARE(a.status, 201);
        const Ticket t = m_tw.ws->events().ticketByNumber(
            QJsonDocument::fromJson(a.body).array().at(0).toObject().value(u"service_request_id"_s).toString());
        QVERIFY(t.exists());
        QCOMPARE(t.summary.size(), qsizetype(500));
        QCOMPARE(t.details, description);
        QCOMPARE(t.type, TicketType::Complaint);
        QCOMPARE(t.channel, Channel::Web);
        QCOMPARE(t.longitude.value_or(0), 113.0);

        r.body = QJsonDocument(QJsonObject{{u"service_code"_s, u"OLD"_s}, {u"description"_s, u"x"_s}}).toJson();
        QCOMPARE(api.handle(r).status, 400); // an inactive category is no service
        r.body = "lat=north&service_code=ROAD&description=x";
        r.headers.insert("content-type", "application/x-www-form-urlencoded");
        a = api.handle(r);
        QCOMPARE(a.status, 400);
        QVERIFY(QJsonDocument::fromJson(a.body).array().at(0).toObject().value(u"description"_s).toString().startsWith(u"lat"_s));
    }
};

QTEST_GUILESS_MAIN(TestIntake)
#include "tst_intake.moc"
