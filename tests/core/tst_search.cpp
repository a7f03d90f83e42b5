// Search everything (TicketSearch, the ticket_search index): numbers, caller phones and the text of open and closed
// tickets in Chinese of any length, within each role's visibility; the index kept where the text changes, by a
// rebuild and by the refold after the upgrade to schema 12; odd input answered, never an SQL error.
#include "TestSupport.h"
#include "TestWorkspace.h"

#include "service/TicketSearch.h"
#include "service/TicketService.h"
#include "storage/Database.h"
#include "storage/EventStore.h"
#include "storage/ProjectionVerifier.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSqlQuery>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace hotline;
using namespace hotline::test;

namespace {

Actor dispatcher(Workspace &ws) { return Actor{u"di"_s, Role::Dispatcher, {}, ws.consoleCode()}; }
Actor liaison(Workspace &ws, const QString &department) { return Actor{u"li"_s, Role::Liaison, department, ws.consoleCode()}; }

QStringList numbers(const SearchResult &r)
{
    QStringList out;
    for (const Ticket &t : r.tickets)
        out << t.number;
    return out;
}

qint64 scalar(Workspace &ws, const QString &sql)
{
    QSqlQuery q(ws.database().sql());
    return q.exec(sql) && q.next() ? q.value(0).toLongLong() : -1;
}

} // namespace

class TestSearch : public QObject
{
    Q_OBJECT

    struct Fixture
    {
        TestWorkspace tw;
        QString lamp, rubbish, noise, closedOne; // ticket ids
        QString lampNumber, rubbishNumber, noiseNumber, closedNumber;
    };

    /** Four tickets an hour apart: two with department D1, one with D2, one closed at intake. */
    static bool fill(Fixture &f)
    {
        Workspace &ws = *f.tw.ws;
        f.tw.addDepartment(u"D1"_s, u"城管局"_s);
        f.tw.addDepartment(u"D2"_s, u"环保局"_s);
        QString error;
        const auto reg = [&](const QString &summary, const QString &details, const QString &address,
                             const QString &phone, const QString &when) {
            f.tw.setNow(when);
            NewTicket n;
            n.type = TicketType::Complaint;
            n.summary = summary;
            n.details = details;
            n.address = address;
            n.callerPhone = phone;
            const QString id = ws.tickets().registerTicket(dispatcher(ws), n, &error);
            if (id.isEmpty())
                qWarning() << error;
            return id;
        };
        f.lamp = reg(u"小区路灯不亮"_s, u"晚上很黑，老人出门不方便"_s, u"桂城街道海五路12号"_s, u"138-1234-5678"_s,
                     u"2025-03-03T09:00:00+08:00"_s);
        f.rubbish = reg(u"垃圾清运不及时"_s, u"三天没有收垃圾"_s, u"大沥镇黄岐"_s, u"13900001111"_s,
                        u"2025-03-03T10:00:00+08:00"_s);
        f.noise = reg(u"工地夜间施工噪音"_s, u"凌晨两点还在打桩"_s, QString(), u"13812345678"_s,
                      u"2025-03-03T11:00:00+08:00"_s);
        f.tw.setNow(u"2025-03-03T12:00:00+08:00"_s);
        NewTicket c;
        c.summary = u"咨询路灯报修电话"_s;
        c.callerPhone = u"13700002222"_s;
        f.closedOne = ws.tickets().registerAndClose(dispatcher(ws), c, u"已告知报修电话"_s, &error);
        if (f.lamp.isEmpty() || f.rubbish.isEmpty() || f.noise.isEmpty() || f.closedOne.isEmpty())
            return false;
        f.tw.setNow(u"2025-03-03T13:00:00+08:00"_s);
        if (!ws.tickets().dispatch(dispatcher(ws), f.lamp, u"D1"_s, &error)
            || !ws.tickets().dispatch(dispatcher(ws), f.noise, u"D1"_s, &error)
            || !ws.tickets().dispatch(dispatcher(ws), f.rubbish, u"D2"_s, &error)) {
            qWarning() << error;
            return false;
        }
        f.lampNumber = ws.events().ticket(f.lamp).number;
        f.rubbishNumber = ws.events().ticket(f.rubbish).number;
        f.noiseNumber = ws.events().ticket(f.noise).number;
        f.closedNumber = ws.events().ticket(f.closedOne).number;
        return true;
    }

private Q_SLOTS:
    void chineseOfEveryLength()
    {
        Fixture f;
        QVERIFY(fill(f));
        TicketSearch search(f.tw.ws->database());
        const Actor di = dispatcher(*f.tw.ws);
        // 3+ characters: the trigram index, in summary, details and address alike.
        SearchResult r = search.search(di, u"路灯不亮"_s);
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.kind, SearchResult::Kind::Text);
        QCOMPARE(numbers(r), QStringList{f.lampNumber});
        QCOMPARE(r.total, 1);
        QCOMPARE(numbers(search.search(di, u"老人出门"_s)), QStringList{f.lampNumber});
        QCOMPARE(numbers(search.search(di, u"海五路"_s)), QStringList{f.lampNumber});
        // 2 characters: open and closed tickets, newest first.
        r = search.search(di, u"路灯"_s);
        QCOMPARE(numbers(r), (QStringList{f.closedNumber, f.lampNumber}));
        QCOMPARE(r.total, 2);
        QVERIFY(!r.more);
        // 1 character.
        QCOMPARE(numbers(search.search(di, u"噪"_s)), QStringList{f.noiseNumber});
        QCOMPARE(numbers(search.search(di, u"垃"_s)), QStringList{f.rubbishNumber});
        // Several words: all must occur, short and long mixed.
        QCOMPARE(numbers(search.search(di, u"路灯  报修电话"_s)), QStringList{f.closedNumber});
        QCOMPARE(numbers(search.search(di, u"路灯\u3000黑"_s)), QStringList{f.lampNumber});
        QVERIFY(search.search(di, u"路灯 垃圾"_s).tickets.isEmpty());
        QVERIFY(search.search(di, u"没有这样的事"_s).tickets.isEmpty());
    }

    void limitAndMoreThan()
    {
        Fixture f;
        QVERIFY(fill(f));
        TicketSearch search(f.tw.ws->database());
        // Short words are a scan: it stops when the page is full and says "more than".
        SearchResult r = search.search(dispatcher(*f.tw.ws), u"路灯"_s, 1);
        QCOMPARE(numbers(r), QStringList{f.closedNumber});
        QCOMPARE(r.total, 1);
        QVERIFY(r.more);
        QCOMPARE(r.newestOnly, 0); // fewer documents than ShortWordScan: all were read
        r = search.search(dispatcher(*f.tw.ws), u"路灯"_s, 2);
        QCOMPARE(r.total, 2);
        QVERIFY(!r.more);
        // An index (here the numbers) counts beyond the page.
        r = search.search(dispatcher(*f.tw.ws), f.lampNumber.left(6), 2);
        QCOMPARE(r.tickets.size(), 2);
        QCOMPARE(r.total, 4);
        QVERIFY(!r.more);
        QCOMPARE(r.newestOnly, 0);
    }

    void numberAndPhone()
    {
        Fixture f;
        QVERIFY(fill(f));
        TicketSearch search(f.tw.ws->database());
        const Actor di = dispatcher(*f.tw.ws);
        SearchResult r = search.search(di, f.noiseNumber);
        QCOMPARE(r.kind, SearchResult::Kind::Number);
        QCOMPARE(numbers(r), QStringList{f.noiseNumber});
        // A prefix of at least 6 characters: the day's tickets, newest first.
        r = search.search(di, f.noiseNumber.left(6));
        QCOMPARE(r.kind, SearchResult::Kind::Number);
        QCOMPARE(numbers(r), (QStringList{f.closedNumber, f.noiseNumber, f.rubbishNumber, f.lampNumber}));
        // A shorter prefix is not a number: searched as text (and nothing has it).
        QCOMPARE(search.search(di, f.noiseNumber.left(5)).kind, SearchResult::Kind::Text);
        // The caller's phone, however it is written; exact (another number of the same prefix is not found).
        for (const QString &phone : {u"13812345678"_s, u"+86 138 1234 5678"_s, u"138-1234-5678"_s}) {
            r = search.search(di, phone);
            QCOMPARE(r.kind, SearchResult::Kind::Phone);
            QCOMPARE(numbers(r), (QStringList{f.noiseNumber, f.lampNumber}));
        }
        QCOMPARE(numbers(search.search(di, u"13700002222"_s)), QStringList{f.closedNumber});
        QVERIFY(search.search(di, u"13812345679"_s).tickets.isEmpty());
    }

    void replyTextIsFoundAfterTheReply()
    {
        Fixture f;
        QVERIFY(fill(f));
        Workspace &ws = *f.tw.ws;
        TicketSearch search(ws.database());
        const Actor di = dispatcher(ws);
        QVERIFY(search.search(di, u"更换灯泡"_s).tickets.isEmpty());
        QString error;
        const Actor d1 = liaison(ws, u"D1"_s);
        QVERIFY2(ws.tickets().sign(d1, f.lamp, &error), qPrintable(error));
        QVERIFY2(ws.tickets().reply(d1, f.lamp, u"已派人更换灯泡，恢复照明"_s, &error), qPrintable(error));
        QCOMPARE(numbers(search.search(di, u"更换灯泡"_s)), QStringList{f.lampNumber});
        QCOMPARE(numbers(search.search(di, u"照"_s)), QStringList{f.lampNumber});
        // The summary is still found: the document was updated, not added again.
        QCOMPARE(numbers(search.search(di, u"路灯不亮"_s)), QStringList{f.lampNumber});
        QCOMPARE(scalar(ws, u"SELECT count(*) FROM ticket_search"_s), 4);
        // Events that do not change the text leave the document as it was (one per ticket).
        const Actor supervisor{u"su"_s, Role::Supervisor, {}, ws.consoleCode()};
        QVERIFY2(ws.tickets().urge(supervisor, f.noise, u"请尽快"_s, &error), qPrintable(error));
        QCOMPARE(scalar(ws, u"SELECT count(*) FROM ticket_search"_s), 4);
    }

    void liaisonSeesOnlyTheirDepartment()
    {
        Fixture f;
        QVERIFY(fill(f));
        TicketSearch search(f.tw.ws->database());
        const Actor d1 = liaison(*f.tw.ws, u"D1"_s);
        const Actor d2 = liaison(*f.tw.ws, u"D2"_s);
        QCOMPARE(numbers(search.search(d1, u"路灯"_s)), QStringList{f.lampNumber}); // not the closed one
        QVERIFY(search.search(d2, u"路灯"_s).tickets.isEmpty());
        QCOMPARE(numbers(search.search(d2, u"垃圾"_s)), QStringList{f.rubbishNumber});
        QVERIFY(search.search(d1, u"垃圾清运"_s).tickets.isEmpty());
        QCOMPARE(search.search(d1, u"垃圾清运"_s).total, 0);
        QVERIFY(search.search(d2, f.lampNumber).tickets.isEmpty());
        QVERIFY(search.search(d2, u"13812345678"_s).tickets.isEmpty());
        QCOMPARE(numbers(search.search(d1, u"13812345678"_s)), (QStringList{f.noiseNumber, f.lampNumber}));
        // A liaison without a department sees nothing.
        QVERIFY(search.search(liaison(*f.tw.ws, QString()), u"路灯"_s).tickets.isEmpty());
        // Call-takers and supervisors see everything.
        for (const Role role : {Role::CallTaker, Role::Supervisor, Role::Administrator}) {
            const Actor a{u"x"_s, role, {}, f.tw.ws->consoleCode()};
            QCOMPARE(search.search(a, u"路灯"_s).tickets.size(), 2);
        }
    }

    void oddInputIsAnsweredNotAnError()
    {
        Fixture f;
        QVERIFY(fill(f));
        TicketSearch search(f.tw.ws->database());
        const Actor di = dispatcher(*f.tw.ws);
        for (const QString &empty : {QString(), u"   "_s, u"\t\u3000 "_s}) {
            const SearchResult r = search.search(di, empty);
            QVERIFY(!r.ok());
            QVERIFY(r.error.contains(u"search"_s));
        }
        QVERIFY(!search.search(di, QString(TicketSearch::MaxQueryLength + 1, u'路')).ok());
        // FTS5 syntax is plain text: none of these may fail, and they find only what contains them.
        for (const QString &odd : {u"\""_s, u"\"\"\""_s, u"路灯\""_s, u"*"_s, u"路灯*"_s, u"***"_s, u"("_s,
                                   u"(路灯"_s, u"NEAR"_s, u"NEAR(路灯 垃圾)"_s, u"路灯 OR 垃圾"_s, u"AND"_s,
                                   u"NOT 路灯"_s, u"^路"_s, u"路灯:"_s, u"body:路灯"_s, u"%"_s, u"_"_s, u"\\"_s,
                                   u"'; DROP TABLE tickets; --"_s, u"-"_s, u"------"_s, u"+"_s}) {
            const SearchResult r = search.search(di, odd);
            QVERIFY2(r.ok(), qPrintable(odd + u": "_s + r.error));
            QVERIFY2(r.tickets.isEmpty(), qPrintable(odd));
        }
        QCOMPARE(scalar(*f.tw.ws, u"SELECT count(*) FROM tickets"_s), 4);
    }

    void rebuildKeepsTheIndexRight()
    {
        Fixture f;
        QVERIFY(fill(f));
        Workspace &ws = *f.tw.ws;
        // Spoil the index as an old database or a broken disk would, then rebuild.
        QVERIFY(ws.database().exec(u"DELETE FROM ticket_search"_s));
        QVERIFY(ws.database().exec(u"INSERT INTO ticket_search(rowid, ticket_id, body) VALUES(1, 'gone', '路灯不亮')"_s));
        const ProjectionFinding bad = ProjectionVerifier::verify(ws.database());
        QVERIFY(!bad.ok());
        QVERIFY2(bad.first && bad.first->table == u"ticket_search"_s, qPrintable(bad.error));
        QString error;
        QVERIFY2(ws.events().rebuildProjection(&error), qPrintable(error));
        QCOMPARE(scalar(ws, u"SELECT count(*) FROM ticket_search"_s), 4);
        TicketSearch search(ws.database());
        QCOMPARE(numbers(search.search(dispatcher(ws), u"路灯不亮"_s)), QStringList{f.lampNumber});
        QCOMPARE(numbers(search.search(dispatcher(ws), u"路灯"_s)), (QStringList{f.closedNumber, f.lampNumber}));
        const ProjectionFinding good = ProjectionVerifier::verify(ws.database());
        QVERIFY2(good.ok(), qPrintable(good.error + (good.first ? good.first->describe() : QString())));
        // A second rebuild writes the same documents at the same rowids.
        const qint64 sum = scalar(ws, u"SELECT sum(rowid % 1000003) FROM ticket_search"_s);
        QVERIFY2(ws.events().rebuildProjection(&error), qPrintable(error));
        QCOMPARE(scalar(ws, u"SELECT sum(rowid % 1000003) FROM ticket_search"_s), sum);
    }

    void refoldAfterUpgradeFillsTheIndex()
    {
        // A database upgraded to 12 is refolded (Database's projection.refold_needed mark): the refold fills the index.
        Fixture f;
        QVERIFY(fill(f));
        const QString path = f.tw.path();
        QVERIFY(f.tw.ws->database().exec(u"DELETE FROM ticket_search"_s));
        f.tw.ws.reset();
        {
            QString error;
            std::unique_ptr<Database> db = Database::open(path, &error);
            QVERIFY2(db, qPrintable(error));
            QVERIFY(db->exec(u"INSERT OR REPLACE INTO meta(key, value) VALUES('projection.refold_needed', '1')"_s));
        }
        f.tw.reopen();
        QVERIFY2(f.tw.isValid(), qPrintable(f.tw.error));
        QCOMPARE(scalar(*f.tw.ws, u"SELECT count(*) FROM ticket_search"_s), 4);
        TicketSearch search(f.tw.ws->database());
        QCOMPARE(numbers(search.search(dispatcher(*f.tw.ws), u"夜间施工"_s)), QStringList{f.noiseNumber});
    }

    void ctlSearch()
    {
        QVERIFY2(!hotlinectlPath().isEmpty(), "HOTLINECTL is not set (run through ctest)");
        QTemporaryDir dir;
        const QString db = dir.filePath(u"demo.db"_s);
        QCOMPARE(runCtl({u"--db"_s, db, u"init"_s, u"--demo"_s}).exitCode, 0);
        const auto search = [&](const QStringList &args, const QByteArray &password) {
            QProcess p;
            p.start(hotlinectlPath(), QStringList{u"--db"_s, db, u"search"_s} + args);
            p.waitForStarted();
            p.write(password);
            p.closeWriteChannel();
            p.waitForFinished(120000);
            return std::pair{p.exitCode(), std::pair{p.readAllStandardOutput(), p.readAllStandardError()}};
        };
        // Every demo ticket with 路 in its text, as the administrator sees them.
        auto [code, out] = search({u"路"_s, u"--format"_s, u"json"_s, u"--limit"_s, u"5"_s, u"--as"_s, u"admin"_s},
                                  "demo1234\n");
        QVERIFY2(code == 0, out.second.constData());
        const QJsonObject o = QJsonDocument::fromJson(out.first).object();
        const QJsonArray tickets = o.value(u"tickets"_s).toArray();
        QVERIFY2(!tickets.isEmpty(), out.first.constData());
        QVERIFY(tickets.size() <= 5);
        QVERIFY(o.value(u"total"_s).toInteger() >= tickets.size());
        QString previous = u"9999"_s;
        for (const QJsonValue &v : tickets) {
            const QJsonObject t = v.toObject();
            for (const char *key : {"number", "status", "summary", "department", "registered"})
                QVERIFY2(t.contains(QLatin1StringView(key)), key);
            QVERIFY(t.value(u"registered"_s).toString() <= previous); // newest first
            previous = t.value(u"registered"_s).toString();
            QVERIFY(!t.value(u"caller_phone"_s).toString().contains(QRegularExpression(u"\\d{11}"_s)));
        }
        // The text table, and the number found again by itself.
        const QString number = tickets.first().toObject().value(u"number"_s).toString();
        std::tie(code, out) = search({number, u"--as"_s, u"admin"_s}, "demo1234\n");
        QVERIFY2(code == 0, out.second.constData());
        QVERIFY(out.first.startsWith("number\tstatus"));
        QVERIFY(out.first.contains(number.toUtf8()));
        // Without who acts, or with nothing to search: refused with a reason.
        std::tie(code, out) = search({u"路"_s}, {});
        QCOMPARE(code, 1);
        QVERIFY(out.second.contains("--as"));
        std::tie(code, out) = search({u"   "_s, u"--as"_s, u"admin"_s}, "demo1234\n");
        QCOMPARE(code, 2);
        std::tie(code, out) = search({u"路"_s, u"--limit"_s, u"0"_s, u"--as"_s, u"admin"_s}, "demo1234\n");
        QCOMPARE(code, 2);
    }
};

QTEST_GUILESS_MAIN(TestSearch)
#include "tst_search.moc"
