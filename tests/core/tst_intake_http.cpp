// The intake service over real HTTP: the real server (hotline_serve) on 127.0.0.1, an ephemeral port, in this
// process; clients are QNetworkAccessManager and raw sockets. Tickets land in a real SQLite file through the real
// TicketService; the clock is manual, so the rate limit is tested without sleeping.
#include "IntakeHttpServer.h"
#include "TestWorkspace.h"

#include "auth/Actor.h"
#include "domain/TicketEvent.h"
#include "intake/IntakeTokens.h"
#include "service/TicketService.h"
#include "storage/Database.h"
#include "storage/EventStore.h"
#include "storage/Settings.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSet>
#include <QSqlQuery>
#include <QTcpSocket>
#include <QTest>
#include <QUrlQuery>

#include <algorithm>
#include <memory>

using namespace Qt::StringLiterals;
using namespace hotline;
using namespace hotline::test;

namespace {

struct Reply
{
    int status = 0;
    QByteArray body;
    QHash<QByteArray, QByteArray> headers; // lower-case names
    QJsonObject object() const { return QJsonDocument::fromJson(body).object(); }
    QJsonArray array() const { return QJsonDocument::fromJson(body).array(); }
};

Reply collect(QNetworkReply *reply)
{
    Reply r;
    r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    r.body = reply->readAll();
    for (const auto &[name, value] : reply->rawHeaderPairs())
        r.headers.insert(name.toLower(), value);
    reply->deleteLater();
    return r;
}

QJsonObject request(const QString &summary)
{
    return QJsonObject{{u"type"_s, u"complaint"_s},
                       {u"summary"_s, summary},
                       {u"caller_name"_s, u"李秀英"_s},
                       {u"caller_phone"_s, u"13912345678"_s},
                       {u"category"_s, u"市容环境"_s},
                       {u"town"_s, u"大沥镇"_s},
                       {u"address"_s, u"黄岐广佛路12号"_s},
                       {u"latitude"_s, 23.1},
                       {u"longitude"_s, 113.2}};
}

int scalar(Database &db, const QString &sql, const QVariantList &binds = {})
{
    QSqlQuery q(db.sql());
    q.prepare(sql);
    for (const QVariant &b : binds)
        q.addBindValue(b);
    return q.exec() && q.next() ? q.value(0).toInt() : -1;
}

} // namespace

class TestIntakeHttp : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestWorkspace> m_tw;
    std::unique_ptr<IntakeHttpServer> m_server;
    QNetworkAccessManager m_nam;
    quint16 m_port = 0;
    QString m_token;
    int m_accepted = 0;

    QUrl url(const QString &path) const { return QUrl(u"http://127.0.0.1:%1%2"_s.arg(m_port).arg(path)); }

    QNetworkReply *start(QNetworkAccessManager &nam, const QByteArray &method, const QString &path,
                         const QByteArray &body = {}, const QList<std::pair<QByteArray, QByteArray>> &headers = {},
                         const QString &token = QStringLiteral("default"))
    {
        QNetworkRequest req(url(path));
        req.setHeader(QNetworkRequest::ContentTypeHeader, "application/json"_ba);
        const QString bearer = token == u"default"_s ? m_token : token;
        if (!bearer.isEmpty())
            req.setRawHeader("Authorization", "Bearer " + bearer.toUtf8());
        for (const auto &[name, value] : headers)
            req.setRawHeader(name, value);
        return nam.sendCustomRequest(req, method, body);
    }

    Reply send(const QByteArray &method, const QString &path, const QByteArray &body = {},
               const QList<std::pair<QByteArray, QByteArray>> &headers = {}, const QString &token = QStringLiteral("default"))
    {
        QNetworkReply *reply = start(m_nam, method, path, body, headers, token);
        if (!QTest::qWaitFor([&] { return reply->isFinished(); }, 20000))
            return {};
        return collect(reply);
    }

    Reply post(const QJsonObject &o, const QList<std::pair<QByteArray, QByteArray>> &headers = {})
    {
        return send("POST", u"/api/v1/requests"_s, QJsonDocument(o).toJson(), headers);
    }

    void setRate(int perMinute)
    {
        QString error;
        QVERIFY2(m_tw->ws->settings().set(u"intake.requests_per_minute"_s, QString::number(perMinute), &error),
                 qPrintable(error));
    }

private Q_SLOTS:
    void init()
    {
        m_tw = std::make_unique<TestWorkspace>();
        QVERIFY2(m_tw->isValid(), qPrintable(m_tw->error));
        m_tw->addDepartment(u"CG"_s, u"区城管局"_s);
        QSqlQuery q(m_tw->ws->database().sql());
        QVERIFY(q.exec(u"INSERT INTO categories(name, code, department_code) VALUES('市容环境', 'ENV', 'CG'), "
                       "('道路设施', 'ROAD', 'CG')"_s));
        QVERIFY(q.exec(u"INSERT INTO towns(name, code) VALUES('大沥镇', 'DL')"_s));
        QString error;
        m_token = IntakeTokens(m_tw->ws->database()).add(m_tw->ws->systemActor(), u"wechat-main"_s, Channel::WeChat, &error);
        QVERIFY2(!m_token.isEmpty(), qPrintable(error));
        setRate(1000);
        m_server = std::make_unique<IntakeHttpServer>(*m_tw->ws);
        m_accepted = 0;
        m_server->setOnAccepted([this] { ++m_accepted; });
        m_port = m_server->start(QHostAddress::LocalHost, 0, &error);
        QVERIFY2(m_port != 0, qPrintable(error));
    }

    void cleanup()
    {
        m_server.reset();
        m_tw.reset();
    }

    void tokenIsRandomAndOnlyItsHashIsStored()
    {
        QVERIFY(m_token.size() >= 43); // 256 bits in base64url
        QVERIFY(QRegularExpression(u"^[A-Za-z0-9_-]+$"_s).match(m_token).hasMatch());
        QSqlQuery q(m_tw->ws->database().sql());
        QVERIFY(q.exec(u"SELECT token_hash FROM intake_tokens WHERE name = 'wechat-main'"_s) && q.next());
        QCOMPARE(q.value(0).toString(), QString::fromLatin1(IntakeTokens::hashOf(m_token.toUtf8())));
        QString error;
        const QString other = IntakeTokens(m_tw->ws->database()).add(m_tw->ws->systemActor(), u"web"_s, Channel::Web, &error);
        QVERIFY(!other.isEmpty() && other != m_token);
    }

    void postRegistersTicketWithTheTokensChannelAndSource()
    {
        const Reply r = post(request(u"井盖缺失，夜间危险"_s));
        QCOMPARE(r.status, 201);
        const QString number = r.object().value(u"number"_s).toString();
        QVERIFY2(!number.isEmpty(), r.body.constData());
        QCOMPARE(r.object().value(u"status"_s).toString(), u"registered"_s);
        QCOMPARE(m_accepted, 1);
        // Durable before the 201: a second connection to the file sees it.
        const Ticket t = m_tw->ws->events().ticketByNumber(number);
        QVERIFY(t.exists());
        QCOMPARE(t.channel, Channel::WeChat);
        QCOMPARE(t.category, u"市容环境"_s);
        QCOMPARE(t.town, u"大沥镇"_s);
        QCOMPARE(t.address, u"黄岐广佛路12号"_s);
        QCOMPARE(t.latitude.value_or(0), 23.1);
        QCOMPARE(t.callerPhone, u"13912345678"_s);
        const QList<TicketEvent> history = m_tw->ws->events().history(t.id);
        QCOMPARE(history.size(), 1);
        QCOMPARE(history.first().actor, u"intake:wechat-main"_s);
        QCOMPARE(history.first().payload.value(u"source"_s).toString(), u"wechat-main"_s);
        // The category by its code works too.
        QJsonObject byCode = request(u"路灯不亮"_s);
        byCode.insert(u"category"_s, u"road"_s);
        byCode.insert(u"town"_s, u"DL"_s);
        const Reply r2 = post(byCode);
        QCOMPARE(r2.status, 201);
        QCOMPARE(m_tw->ws->events().ticketByNumber(r2.object().value(u"number"_s).toString()).category, u"道路设施"_s);
    }

    void concurrentClientsGetDistinctNumbers()
    {
        // 40 requests in flight at once over 8 managers (6 connections each): 40 tickets, 40 numbers, each once.
        constexpr int kClients = 40;
        std::vector<std::unique_ptr<QNetworkAccessManager>> managers;
        for (int i = 0; i < 8; ++i)
            managers.push_back(std::make_unique<QNetworkAccessManager>());
        QList<QNetworkReply *> replies;
        for (int i = 0; i < kClients; ++i)
            replies << start(*managers[size_t(i % 8)], "POST", u"/api/v1/requests"_s,
                             QJsonDocument(request(u"并发投诉 %1"_s.arg(i))).toJson());
        QVERIFY(QTest::qWaitFor([&] { return std::all_of(replies.begin(), replies.end(), [](auto *r) { return r->isFinished(); }); },
                                60000));
        QSet<QString> numbers;
        for (QNetworkReply *reply : replies) {
            const Reply r = collect(reply);
            QCOMPARE(r.status, 201);
            numbers.insert(r.object().value(u"number"_s).toString());
        }
        QCOMPARE(numbers.size(), kClients);
        Database &db = m_tw->ws->database();
        QCOMPARE(scalar(db, u"SELECT COUNT(*) FROM tickets"_s), kClients);
        for (const QString &n : std::as_const(numbers))
            QCOMPARE(scalar(db, u"SELECT COUNT(*) FROM tickets WHERE number = ?"_s, {n}), 1);
    }

    void retriesWithTheSameKeyGetTheSameNumber()
    {
        const QJsonObject body = request(u"垃圾清运不及时"_s);
        const QList<std::pair<QByteArray, QByteArray>> key{{"Idempotency-Key", "6f1c2d9e-retry-1"}};
        // Identical retries racing each other: one ticket.
        QNetworkAccessManager a, b, c;
        QList<QNetworkReply *> replies;
        for (QNetworkAccessManager *nam : {&a, &b, &c, &a, &b, &c})
            replies << start(*nam, "POST", u"/api/v1/requests"_s, QJsonDocument(body).toJson(), key);
        QVERIFY(QTest::qWaitFor([&] { return std::all_of(replies.begin(), replies.end(), [](auto *r) { return r->isFinished(); }); },
                                30000));
        QSet<QString> numbers;
        int created = 0;
        for (QNetworkReply *reply : replies) {
            const Reply r = collect(reply);
            QVERIFY2(r.status == 201 || r.status == 200, r.body.constData());
            created += r.status == 201 ? 1 : 0;
            numbers.insert(r.object().value(u"number"_s).toString());
        }
        QCOMPARE(created, 1);
        QCOMPARE(numbers.size(), 1);
        QCOMPARE(scalar(m_tw->ws->database(), u"SELECT COUNT(*) FROM tickets"_s), 1);
        // Later, with other spacing and key order: the same request, the same number.
        const Reply again = send("POST", u"/api/v1/requests"_s, "  " + QJsonDocument(body).toJson(QJsonDocument::Indented), key);
        QCOMPARE(again.status, 200);
        QCOMPARE(again.object().value(u"number"_s).toString(), *numbers.begin());
        // The same key with other content: refused, nothing registered.
        const Reply other = post(request(u"另一件事"_s), key);
        QCOMPARE(other.status, 422);
        QCOMPARE(other.object().value(u"field"_s).toString(), u"Idempotency-Key"_s);
        QVERIFY(other.object().value(u"error"_s).toString().contains(*numbers.begin()));
        QCOMPARE(scalar(m_tw->ws->database(), u"SELECT COUNT(*) FROM tickets"_s), 1);
        // Another key is another request; a bad key is refused.
        QCOMPARE(post(body, {{"Idempotency-Key", "retry-2"}}).status, 201);
        QCOMPARE(post(body, {{"Idempotency-Key", QByteArray(300, 'k')}}).status, 400);
        QCOMPARE(scalar(m_tw->ws->database(), u"SELECT COUNT(*) FROM intake_keys"_s), 2);
    }

    void wrongMissingAndRevokedTokensAre401()
    {
        const QByteArray body = QJsonDocument(request(u"测试"_s)).toJson();
        Reply r = send("POST", u"/api/v1/requests"_s, body, {}, QString());
        QCOMPARE(r.status, 401);
        QCOMPARE(r.headers.value("www-authenticate"), "Bearer"_ba);
        QCOMPARE(send("POST", u"/api/v1/requests"_s, body, {}, m_token + u"x"_s).status, 401);
        QCOMPARE(send("POST", u"/api/v1/requests"_s, body, {{"Authorization", "Basic abc"}}, QString()).status, 401);
        QCOMPARE(send("POST", u"/api/v1/requests"_s, body).status, 201);
        QString error;
        QVERIFY2(IntakeTokens(m_tw->ws->database()).revoke(m_tw->ws->systemActor(), u"wechat-main"_s, &error), qPrintable(error));
        r = send("POST", u"/api/v1/requests"_s, body);
        QCOMPARE(r.status, 401);
        QVERIFY(r.object().value(u"error"_s).toString().contains(u"revoked"_s));
        QCOMPARE(scalar(m_tw->ws->database(), u"SELECT COUNT(*) FROM tickets"_s), 1);
    }

    void badJsonAndBadFieldsAre400NamingTheField()
    {
        QCOMPARE(send("POST", u"/api/v1/requests"_s, "{not json").status, 400);
        QCOMPARE(send("POST", u"/api/v1/requests"_s, "[1,2]").status, 400);
        QCOMPARE(send("POST", u"/api/v1/requests"_s, "").status, 400);
        const auto field = [&](const QJsonObject &o) {
            const Reply r = post(o);
            return r.status == 400 ? r.object().value(u"field"_s).toString() : u"status %1"_s.arg(r.status);
        };
        QJsonObject o = request(u"x"_s);
        o.remove(u"summary"_s);
        QCOMPARE(field(o), u"summary"_s);
        o = request(u"   "_s);
        QCOMPARE(field(o), u"summary"_s);
        o = request(u"x"_s);
        o.insert(u"type"_s, u"praise"_s);
        QCOMPARE(field(o), u"type"_s);
        o = request(u"x"_s);
        o.insert(u"caller_phone"_s, u"12345"_s);
        QCOMPARE(field(o), u"caller_phone"_s);
        o = request(u"x"_s);
        o.insert(u"latitude"_s, u"23.1"_s);
        QCOMPARE(field(o), u"latitude"_s);
        o = request(u"x"_s);
        o.insert(u"latitude"_s, 123.0);
        QCOMPARE(field(o), u"latitude"_s);
        o = request(u"x"_s);
        o.remove(u"longitude"_s);
        QCOMPARE(field(o), u"longitude"_s);
        o = request(u"x"_s);
        o.insert(u"category"_s, u"不存在"_s);
        QCOMPARE(field(o), u"category"_s);
        o = request(u"x"_s);
        o.insert(u"town"_s, 7);
        QCOMPARE(field(o), u"town"_s);
        o = request(u"x"_s);
        o.insert(u"summary"_s, QString(600, u'长'));
        QCOMPARE(field(o), u"summary"_s);
        QCOMPARE(scalar(m_tw->ws->database(), u"SELECT COUNT(*) FROM tickets"_s), 0);
        QCOMPARE(send("GET", u"/api/v1/requests"_s).status, 405);
        QCOMPARE(send("GET", u"/nothing/here"_s).status, 404);
    }

    void oversizeBodyIs413()
    {
        QJsonObject o = request(u"x"_s);
        o.insert(u"details"_s, QString(70 * 1024, u'a'));
        const Reply r = post(o);
        QCOMPARE(r.status, 413);
        QCOMPARE(scalar(m_tw->ws->database(), u"SELECT COUNT(*) FROM tickets"_s), 0);
    }

    void floodIs429UntilTheBucketRefills()
    {
        setRate(5);
        const QByteArray body = QJsonDocument(request(u"刷单"_s)).toJson();
        int created = 0, refused = 0;
        QByteArray retryAfter;
        for (int i = 0; i < 12; ++i) {
            const Reply r = send("POST", u"/api/v1/requests"_s, body);
            if (r.status == 201)
                ++created;
            if (r.status == 429) {
                ++refused;
                retryAfter = r.headers.value("retry-after");
            }
        }
        QCOMPARE(created, 5);
        QCOMPARE(refused, 7);
        QCOMPARE(retryAfter, "12"_ba); // one request every 12 s at 5 a minute
        m_tw->clock.advanceSecs(12);
        QCOMPARE(send("POST", u"/api/v1/requests"_s, body).status, 201);
        QCOMPARE(send("POST", u"/api/v1/requests"_s, body).status, 429);
        QCOMPARE(scalar(m_tw->ws->database(), u"SELECT COUNT(*) FROM tickets"_s), 6);
    }

    void publicProgressShowsNoCallerData()
    {
        const Reply created = post(request(u"井盖缺失"_s));
        QCOMPARE(created.status, 201);
        const QString number = created.object().value(u"number"_s).toString();
        Reply r = send("GET", u"/api/v1/requests/"_s + number, {}, {}, QString()); // no token: public
        QCOMPARE(r.status, 200);
        QCOMPARE(r.object().value(u"status"_s).toString(), u"registered"_s);
        QCOMPARE(r.object().value(u"stage"_s).toString(), u"received"_s);
        QVERIFY(r.object().value(u"department"_s).isNull());
        for (const char *secret : {"李秀英", "13912345678", "黄岐广佛路", "5678"})
            QVERIFY2(!r.body.contains(secret), r.body.constData());

        const Ticket t = m_tw->ws->events().ticketByNumber(number);
        QString error;
        TicketService &tickets = m_tw->ws->tickets();
        QVERIFY2(tickets.dispatch(Actor{u"dispatcher"_s, Role::Dispatcher, {}, u"01"_s}, t.id, u"CG"_s, &error), qPrintable(error));
        r = send("GET", u"/api/v1/requests/"_s + number);
        QCOMPARE(r.object().value(u"stage"_s).toString(), u"in_progress"_s);
        QCOMPARE(r.object().value(u"department"_s).toString(), u"区城管局"_s);
        QVERIFY(!r.object().value(u"deadline"_s).toString().isEmpty());
        QVERIFY(r.object().value(u"reply"_s).isNull());
        const Actor liaison{u"cg"_s, Role::Liaison, u"CG"_s, u"01"_s};
        QVERIFY2(tickets.sign(liaison, t.id, &error), qPrintable(error));
        QVERIFY2(tickets.reply(liaison, t.id, u"已补装井盖。"_s, &error), qPrintable(error));
        r = send("GET", u"/api/v1/requests/"_s + number);
        QCOMPARE(r.object().value(u"stage"_s).toString(), u"answered"_s);
        QCOMPARE(r.object().value(u"reply"_s).toString(), u"已补装井盖。"_s);
        QVERIFY(r.object().value(u"deadline"_s).isNull());

        QCOMPARE(send("GET", u"/api/v1/requests/9999999999"_s).status, 404);
        QCOMPARE(send("GET", u"/api/v1/requests/%27%20OR%201=1"_s).status, 404);
    }

    void publicProgressIsRateLimitedByClient()
    {
        setRate(3);
        int refused = 0;
        for (int i = 0; i < 6; ++i)
            refused += send("GET", u"/api/v1/requests/2503030001"_s, {}, {}, QString()).status == 429 ? 1 : 0;
        QCOMPARE(refused, 3);
        // Behind the proxy: each citizen's address is its own bucket.
        QCOMPARE(send("GET", u"/api/v1/requests/2503030001"_s, {}, {{"X-Forwarded-For", "203.0.113.9"}}, QString()).status, 404);
    }

    void open311RoundTrip()
    {
        Reply r = send("GET", u"/open311/v2/services.json"_s, {}, {}, QString());
        QCOMPARE(r.status, 200);
        QCOMPARE(r.array().size(), 2);
        QCOMPARE(r.array().at(0).toObject().value(u"service_code"_s).toString(), u"ENV"_s);
        QCOMPARE(r.array().at(0).toObject().value(u"service_name"_s).toString(), u"市容环境"_s);

        // Form-encoded, api_key in the body, as Open311 clients send it.
        QUrlQuery form;
        form.addQueryItem(u"api_key"_s, m_token);
        form.addQueryItem(u"service_code"_s, u"ROAD"_s);
        form.addQueryItem(u"description"_s, u"路面塌陷 约一米"_s);
        form.addQueryItem(u"lat"_s, u"23.05"_s);
        form.addQueryItem(u"long"_s, u"113.15"_s);
        form.addQueryItem(u"address_string"_s, u"桂城南海大道"_s);
        form.addQueryItem(u"first_name"_s, u"明"_s);
        form.addQueryItem(u"last_name"_s, u"王"_s);
        form.addQueryItem(u"phone"_s, u"13800138000"_s);
        QByteArray encoded = form.query(QUrl::FullyEncoded).toUtf8();
        encoded.replace("%20", "+");
        r = send("POST", u"/open311/v2/requests.json"_s, encoded, {{"Content-Type", "application/x-www-form-urlencoded"}},
                 QString());
        QCOMPARE(r.status, 201);
        const QString id = r.array().at(0).toObject().value(u"service_request_id"_s).toString();
        QVERIFY2(!id.isEmpty(), r.body.constData());
        const Ticket t = m_tw->ws->events().ticketByNumber(id);
        QCOMPARE(t.summary, u"路面塌陷 约一米"_s);
        QCOMPARE(t.callerName, u"王明"_s);
        QCOMPARE(t.category, u"道路设施"_s);
        QCOMPARE(t.type, TicketType::Help);

        r = send("GET", u"/open311/v2/requests/"_s + id + u".json"_s, {}, {}, QString());
        QCOMPARE(r.status, 200);
        const QJsonObject o = r.array().at(0).toObject();
        QCOMPARE(o.value(u"service_request_id"_s).toString(), id);
        QCOMPARE(o.value(u"status"_s).toString(), u"open"_s);
        QCOMPARE(o.value(u"service_code"_s).toString(), u"ROAD"_s);
        QCOMPARE(o.value(u"service_name"_s).toString(), u"道路设施"_s);
        QCOMPARE(o.value(u"description"_s).toString(), u"路面塌陷 约一米"_s);
        QCOMPARE(o.value(u"address"_s).toString(), u"桂城南海大道"_s);
        QCOMPARE(o.value(u"lat"_s).toDouble(), 23.05);
        QCOMPARE(o.value(u"long"_s).toDouble(), 113.15);
        QVERIFY(!o.value(u"requested_datetime"_s).toString().isEmpty());
        QVERIFY2(!r.body.contains("13800138000") && !r.body.contains("王明"), r.body.constData());

        // JSON works too; errors come in Open311's shape.
        r = send("POST", u"/open311/v2/requests.json"_s,
                 QJsonDocument(QJsonObject{{u"service_code"_s, u"ENV"_s}, {u"description"_s, u"占道经营"_s}}).toJson());
        QCOMPARE(r.status, 201);
        r = send("POST", u"/open311/v2/requests.json"_s,
                 QJsonDocument(QJsonObject{{u"service_code"_s, u"NOPE"_s}, {u"description"_s, u"x"_s}}).toJson());
        QCOMPARE(r.status, 400);
        QCOMPARE(r.array().at(0).toObject().value(u"code"_s).toInt(), 400);
        QVERIFY(r.array().at(0).toObject().value(u"description"_s).toString().startsWith(u"service_code"_s));
        r = send("POST", u"/open311/v2/requests.json"_s, "service_code=ENV&description=x",
                 {{"Content-Type", "application/x-www-form-urlencoded"}}, QString());
        QCOMPARE(r.status, 401);
        QCOMPARE(r.array().at(0).toObject().value(u"code"_s).toInt(), 401);
        r = send("GET", u"/open311/v2/requests/0000.json"_s);
        QCOMPARE(r.status, 404);
        QCOMPARE(r.array().at(0).toObject().value(u"code"_s).toInt(), 404);
    }

    void randomInputNeverCrashes()
    {
        // Random bodies, paths and headers, over raw sockets too: every one answered, nothing half-written.
        QRandomGenerator rng(15);
        const QStringList paths{u"/api/v1/requests"_s, u"/open311/v2/requests.json"_s, u"/api/v1/requests/x"_s,
                                u"/open311/v2/services.json"_s, u"/open311/v2/requests/%00.json"_s};
        for (int i = 0; i < 60; ++i) {
            QByteArray body(int(rng.bounded(2000)), Qt::Uninitialized);
            for (char &c : body)
                c = char(rng.bounded(256));
            if (i % 3 == 0) // half-valid JSON with wrong types
                body = QJsonDocument(QJsonObject{{u"type"_s, QJsonArray{1}}, {u"summary"_s, QJsonObject{}},
                                                 {u"latitude"_s, u"NaN"_s}}).toJson();
            const Reply r = send(i % 2 ? "POST" : "GET", paths.at(i % paths.size()), body,
                                 {{"Idempotency-Key", body.left(20).toBase64()}});
            QVERIFY2(r.status >= 200 && r.status < 600, qPrintable(u"request %1: no answer"_s.arg(i)));
        }
        // Raw bytes: a malformed request, and one whose body never arrives (the client gives up).
        for (const QByteArray &raw : {"GARBAGE\r\n\r\n"_ba, "GET /api/v1/requests/%ff%fe HTTP/1.1\r\nHost: x\r\n\r\n"_ba,
                                      "POST /api/v1/requests HTTP/1.1\r\nHost: x\r\nContent-Length: 500\r\n\r\n{\"a\""_ba}) {
            QTcpSocket s;
            s.connectToHost(QHostAddress::LocalHost, m_port);
            QVERIFY(s.waitForConnected(5000));
            s.write(raw);
            if (!raw.startsWith("POST")) // the server answers or hangs up; either way it is done with us
                QVERIFY(QTest::qWaitFor([&] { return s.bytesAvailable() > 0 || s.state() != QAbstractSocket::ConnectedState; },
                                        10000));
            s.abort();
        }
        // Still serving.
        QCOMPARE(post(request(u"之后仍能受理"_s)).status, 201);
    }
};

QTEST_GUILESS_MAIN(TestIntakeHttp)
#include "tst_intake_http.moc"
