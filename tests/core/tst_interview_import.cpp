// Micro-interview import: the questions file as platforms export it (Chinese CSV with BOM, plain text, GB18030),
// per-row problems beside the good rows, the console's own numbers, one transaction, and the duplicate guard.
#include "TestWorkspace.h"

#include "domain/TicketEvent.h"
#include "io/InterviewQuestions.h"
#include "service/InterviewImport.h"
#include "service/TicketQueries.h"
#include "service/TicketService.h"
#include "storage/Database.h"
#include "storage/EventStore.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QStringEncoder>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace hotline;
using namespace hotline::test;

namespace {

const QTimeZone kZone(QByteArrayLiteral("Asia/Shanghai"));

QByteArray bom(const QString &text)
{
    return QByteArray("\xEF\xBB\xBF") + text.toUtf8();
}

qint64 count(Workspace &ws, const QString &sql)
{
    QSqlQuery q(ws.database().sql());
    return q.exec(sql) && q.next() ? q.value(0).toLongLong() : -1;
}

Actor callTaker(Workspace &ws)
{
    return Actor{u"ct"_s, Role::CallTaker, {}, ws.consoleCode()};
}

} // namespace

class TestInterviewImport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void chineseCsvWithBom();
    void englishHeadersAndQuotedLines();
    void plainText();
    void gb18030();
    void unknownEncodingIsRefused();
    void badRowsReportedBesideGoodOnes();
    void longQuestionKeepsTheWholeInDetails();
    void importsWithTheConsolesNumbers();
    void defaultsMustExist();
    void refusedForALiaison();
    void failureImportsNothing();
    void sameFileTwiceAddsNothing();
    void twoThousandQuestionsInOneGo();
};

void TestInterviewImport::chineseCsvWithBom()
{
    const QByteArray csv = bom(u"序号,网友,提问时间,问题内容\r\n"
                               "1,江南小雨,2026-12-06 14:03,桂城街道的路灯坏了三天了，什么时候修？\r\n"
                               "2,老街坊,2026/12/6 14:05:20,\"学位房政策,今年有变化吗\"\r\n"_s);
    const InterviewQuestionFile f = InterviewQuestions::parse(csv, kZone);
    QVERIFY2(f.error.isEmpty(), qPrintable(f.error));
    QCOMPARE(f.format, InterviewQuestionFile::Format::Csv);
    QCOMPARE(f.encoding, u"UTF-8"_s);
    QCOMPARE(f.questions.size(), 2);
    QCOMPARE(f.questions.at(0).netizen, u"江南小雨"_s);
    QCOMPARE(f.questions.at(0).text, u"桂城街道的路灯坏了三天了，什么时候修？"_s);
    QCOMPARE(f.questions.at(0).askedAt, u"2026-12-06 14:03"_s);
    QCOMPARE(f.questions.at(0).line, 2);
    QCOMPARE(f.questions.at(1).text, u"学位房政策,今年有变化吗"_s);
    QCOMPARE(f.questions.at(1).line, 3);
    QCOMPARE(f.count(InterviewQuestion::State::Ok), 2);
}

void TestInterviewImport::englishHeadersAndQuotedLines()
{
    const QByteArray csv = "Name,Time,Question\n"
                           "alice,14:03,\"first line\nsecond line\"\n"
                           "bob,,plain\n";
    const InterviewQuestionFile f = InterviewQuestions::parse(csv, kZone);
    QVERIFY2(f.error.isEmpty(), qPrintable(f.error));
    QCOMPARE(f.questions.size(), 2);
    QCOMPARE(f.questions.at(0).text, u"first line\nsecond line"_s);
    QCOMPARE(f.questions.at(0).summary(), u"first line second line"_s); // a summary is one line
    QCOMPARE(f.questions.at(1).netizen, u"bob"_s);
    QCOMPARE(f.questions.at(1).line, 4);
    QVERIFY(f.questions.at(1).askedAt.isEmpty());
}

void TestInterviewImport::plainText()
{
    const InterviewQuestionFile f = InterviewQuestions::parse(u"公交线路能否延长到新区？\r\n\r\n医保异地结算怎么办理,需要什么材料\n"_s.toUtf8(), kZone);
    QVERIFY2(f.error.isEmpty(), qPrintable(f.error));
    QCOMPARE(f.format, InterviewQuestionFile::Format::PlainText);
    QCOMPARE(f.questions.size(), 2); // the blank line is not a question
    QCOMPARE(f.questions.at(1).text, u"医保异地结算怎么办理,需要什么材料"_s); // a comma does not split a question
    QCOMPARE(f.questions.at(1).line, 3);
    QVERIFY(f.questions.at(1).netizen.isEmpty());
}

void TestInterviewImport::gb18030()
{
    QStringEncoder gb("GB18030");
    QVERIFY(gb.isValid());
    const QByteArray bytes = gb.encode(u"网友,时间,内容\r\n张三,2026-12-06 10:00,垃圾分类点太远\r\n"_s);
    QVERIFY(bytes != u"网友"_s.toUtf8());
    const InterviewQuestionFile f = InterviewQuestions::parse(bytes, kZone);
    QVERIFY2(f.error.isEmpty(), qPrintable(f.error));
    QCOMPARE(f.encoding, u"GB18030"_s);
    QCOMPARE(f.questions.size(), 1);
    QCOMPARE(f.questions.at(0).netizen, u"张三"_s);
    QCOMPARE(f.questions.at(0).text, u"垃圾分类点太远"_s);
}

void TestInterviewImport::unknownEncodingIsRefused()
{
    // 0x80 alone is neither UTF-8 nor a GB18030 character.
    const InterviewQuestionFile f = InterviewQuestions::parse(QByteArray("question\n\x80\n", 11), kZone);
    QVERIFY(!f.error.isEmpty());
    QVERIFY(f.questions.isEmpty());
}

void TestInterviewImport::badRowsReportedBesideGoodOnes()
{
    const QByteArray csv = bom(u"网友,时间,内容\n"
                               "a,2026-12-06 14:03,好问题\n"
                               "b,2026-12-06 14:04,\n"
                               "c,昨天下午,时间写错了\n"
                               "a,2026-12-06 14:03,好问题\n"
                               "d,14:10,另一个好问题\n"_s);
    const InterviewQuestionFile f = InterviewQuestions::parse(csv, kZone);
    QVERIFY2(f.error.isEmpty(), qPrintable(f.error));
    QCOMPARE(f.questions.size(), 5);
    using S = InterviewQuestion::State;
    QCOMPARE(f.questions.at(0).state, S::Ok);
    QCOMPARE(f.questions.at(1).state, S::Problem);
    QVERIFY(f.questions.at(1).reason.contains(u"empty"_s));
    QCOMPARE(f.questions.at(2).state, S::Problem);
    QVERIFY(f.questions.at(2).reason.contains(u"昨天下午"_s));
    QCOMPARE(f.questions.at(3).state, S::Problem);
    QVERIFY(f.questions.at(3).reason.contains(u"line 2"_s));
    QCOMPARE(f.questions.at(4).state, S::Ok);
    QCOMPARE(f.count(S::Ok), 2);
}

void TestInterviewImport::longQuestionKeepsTheWholeInDetails()
{
    const QString text = QString(600, u'问');
    const InterviewQuestionFile f = InterviewQuestions::parse((u"内容,网友\n"_s + text + u",x\n"_s).toUtf8(), kZone);
    QCOMPARE(f.questions.size(), 1);
    const InterviewQuestion &q = f.questions.at(0);
    QCOMPARE(q.state, InterviewQuestion::State::Ok);
    QVERIFY(q.shortened());
    QVERIFY(!q.note.isEmpty());
    QCOMPARE(q.summary().size(), qsizetype(TicketService::kMaxSummary));
    QVERIFY(q.summary().endsWith(u'…'));
    const NewTicket t = InterviewImport::ticketFor(q, {});
    QVERIFY(t.details.contains(text));
    QVERIFY(TicketService::validate(t).isEmpty());

    const InterviewQuestionFile tooLong = InterviewQuestions::parse(QString(5000, u'长').toUtf8(), kZone);
    QCOMPARE(tooLong.questions.at(0).state, InterviewQuestion::State::Problem);
}

void TestInterviewImport::importsWithTheConsolesNumbers()
{
    TestWorkspace tw(u"2026-12-06T15:00:00+08:00"_s);
    QVERIFY2(tw.isValid(), qPrintable(tw.error));
    Workspace &ws = *tw.ws;
    // A phone registration first: the import continues the same daily sequence.
    NewTicket call;
    call.summary = u"电话登记"_s;
    QString error;
    const QString callId = ws.tickets().registerTicket(callTaker(ws), call, &error);
    QVERIFY2(!callId.isEmpty(), qPrintable(error));
    const QString callNumber = ws.events().ticket(callId).number;

    InterviewQuestionFile f = InterviewQuestions::parse(
        bom(u"网友,时间,内容\n江南小雨,2026-12-06 14:03,路灯坏了\n老街坊,,学位房政策\n,,\n"_s), kZone);
    InterviewImport import(ws);
    import.markImported(f);
    QSignalSpy changed(&ws.events(), &EventStore::ticketsChanged);
    QSignalSpy appended(&ws.events(), &EventStore::appended);
    InterviewDefaults defaults;
    defaults.type = TicketType::Suggestion;
    const InterviewImportResult r = import.run(callTaker(ws), f, defaults);
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(r.numbers.size(), 2);
    QCOMPARE(r.skipped, 1); // the empty row
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.at(0).at(0).toStringList().size(), 2);
    QCOMPARE(appended.size(), 1);

    // YYMMDD-CC-NNNN continuing the console's sequence: 0001 was the call.
    const QString prefix = callNumber.left(callNumber.size() - 4);
    QCOMPARE(callNumber.right(4), u"0001"_s);
    QCOMPARE(r.numbers.at(0), prefix + u"0002"_s);
    QCOMPARE(r.numbers.at(1), prefix + u"0003"_s);

    const Ticket t = ws.events().ticket(r.ticketIds.at(0));
    QCOMPARE(t.number, r.numbers.at(0));
    QCOMPARE(t.channel, Channel::Interview);
    QCOMPARE(t.type, TicketType::Suggestion);
    QCOMPARE(t.callerName, u"江南小雨"_s);
    QCOMPARE(t.summary, u"路灯坏了"_s);
    QVERIFY(t.details.contains(u"2026-12-06 14:03"_s));
    QCOMPARE(t.registeredMs, ms(u"2026-12-06T15:00:00+08:00"_s)); // now, never the netizen's time
    QCOMPARE(t.state, TicketState::Registered);

    // They wait in the dispatch queue like any new ticket.
    const QList<Ticket> queue = ws.queries().dispatchQueue(ws.systemActor());
    int interview = 0;
    for (const Ticket &q : queue)
        interview += q.channel == Channel::Interview ? 1 : 0;
    QCOMPARE(interview, 2);
}

void TestInterviewImport::defaultsMustExist()
{
    TestWorkspace tw(u"2026-12-06T15:00:00+08:00"_s);
    QVERIFY2(tw.isValid(), qPrintable(tw.error));
    tw.addDepartment(u"CG"_s, u"城管局"_s);
    tw.addCategory(u"市容环境"_s, u"CG"_s);
    InterviewQuestionFile f = InterviewQuestions::parse("question\nq1\n", kZone);
    InterviewImport import(*tw.ws);
    InterviewDefaults bad;
    bad.category = u"没有这个分类"_s;
    const InterviewImportResult refused = import.run(callTaker(*tw.ws), f, bad);
    QVERIFY(!refused.ok);
    QVERIFY(refused.error.contains(u"没有这个分类"_s));
    QCOMPARE(count(*tw.ws, u"SELECT count(*) FROM tickets"_s), 0);

    InterviewDefaults good;
    good.category = u"市容环境"_s;
    const InterviewImportResult r = import.run(callTaker(*tw.ws), f, good);
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(tw.ws->events().ticket(r.ticketIds.at(0)).category, u"市容环境"_s);
}

void TestInterviewImport::refusedForALiaison()
{
    TestWorkspace tw(u"2026-12-06T15:00:00+08:00"_s);
    QVERIFY2(tw.isValid(), qPrintable(tw.error));
    const InterviewQuestionFile f = InterviewQuestions::parse("question\nq1\n", kZone);
    const InterviewImportResult r =
        InterviewImport(*tw.ws).run(Actor{u"li"_s, Role::Liaison, u"D1"_s, tw.ws->consoleCode()}, f, {});
    QVERIFY(!r.ok);
    QVERIFY(!r.error.isEmpty());
    QCOMPARE(count(*tw.ws, u"SELECT count(*) FROM tickets"_s), 0);
}

void TestInterviewImport::failureImportsNothing()
{
    TestWorkspace tw(u"2026-12-06T15:00:00+08:00"_s);
    QVERIFY2(tw.isValid(), qPrintable(tw.error));
    Workspace &ws = *tw.ws;
    // The disk gives out at the third ticket: a real SQLite abort in the middle of the write.
    QSqlQuery trigger(ws.database().sql());
    QVERIFY(trigger.exec(u"CREATE TEMP TRIGGER fail_third BEFORE INSERT ON main.tickets "
                         "WHEN (SELECT count(*) FROM main.tickets) >= 2 BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END"_s));
    InterviewQuestionFile f = InterviewQuestions::parse("question\nq1\nq2\nq3\nq4\n", kZone);
    InterviewImport import(ws);
    QSignalSpy changed(&ws.events(), &EventStore::ticketsChanged);
    const InterviewImportResult r = import.run(callTaker(ws), f, {});
    QVERIFY(!r.ok);
    QVERIFY(!r.error.isEmpty());
    QVERIFY(r.numbers.isEmpty());
    QCOMPARE(changed.size(), 0);
    QCOMPARE(count(ws, u"SELECT count(*) FROM tickets"_s), 0);
    QCOMPARE(count(ws, u"SELECT count(*) FROM events"_s), 0);
    QCOMPARE(count(ws, u"SELECT count(*) FROM interview_questions"_s), 0);
    QCOMPARE(count(ws, u"SELECT count(*) FROM number_sequence"_s), 0); // no numbers used up either

    // Once the disk is back the same questions go in, numbered from 0001.
    QVERIFY(trigger.exec(u"DROP TRIGGER fail_third"_s));
    const InterviewImportResult again = import.run(callTaker(ws), f, {});
    QVERIFY2(again.ok, qPrintable(again.error));
    QCOMPARE(again.numbers.size(), 4);
    QVERIFY(again.numbers.first().endsWith(u"-0001"_s));
}

void TestInterviewImport::sameFileTwiceAddsNothing()
{
    TestWorkspace tw(u"2026-12-06T15:00:00+08:00"_s);
    QVERIFY2(tw.isValid(), qPrintable(tw.error));
    Workspace &ws = *tw.ws;
    const QByteArray file = bom(u"网友,时间,内容\na,14:03,问题一\nb,14:04,问题二\nc,坏时间,问题三\n"_s);
    InterviewImport import(ws);
    InterviewQuestionFile first = InterviewQuestions::parse(file, kZone);
    import.markImported(first);
    const InterviewImportResult r = import.run(callTaker(ws), first, {});
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(r.numbers.size(), 2);

    // The same file again: every good question is marked with the number it became; nothing left to import.
    InterviewQuestionFile second = InterviewQuestions::parse(file, kZone);
    import.markImported(second);
    QCOMPARE(second.count(InterviewQuestion::State::Imported), 2);
    QCOMPARE(second.questions.at(0).reason, r.numbers.at(0));
    const InterviewImportResult none = import.run(callTaker(ws), second, {});
    QVERIFY(!none.ok);
    QCOMPARE(count(ws, u"SELECT count(*) FROM tickets"_s), 2);

    // The corrected file (the bad time fixed) adds only the question that was left out.
    InterviewQuestionFile fixed = InterviewQuestions::parse(
        bom(u"网友,时间,内容\na,14:03,问题一\nb,14:04,问题二\nc,14:05,问题三\n"_s), kZone);
    import.markImported(fixed);
    QCOMPARE(fixed.count(InterviewQuestion::State::Ok), 1);
    const InterviewImportResult rest = import.run(callTaker(ws), fixed, {});
    QVERIFY2(rest.ok, qPrintable(rest.error));
    QCOMPARE(rest.numbers.size(), 1);
    QCOMPARE(count(ws, u"SELECT count(*) FROM tickets"_s), 3);

    // A preview taken before someone else imported the file: the whole import is refused, nothing doubled.
    InterviewQuestionFile stale = InterviewQuestions::parse(u"question\n问题四\n问题五\n"_s.toUtf8(), kZone);
    import.markImported(stale);
    InterviewQuestionFile other = InterviewQuestions::parse(u"question\n问题五\n"_s.toUtf8(), kZone);
    QVERIFY(import.run(callTaker(ws), other, {}).ok);
    const InterviewImportResult late = import.run(callTaker(ws), stale, {});
    QVERIFY(!late.ok);
    QVERIFY(late.error.contains(u"meanwhile"_s));
    QCOMPARE(count(ws, u"SELECT count(*) FROM tickets"_s), 4);
}

void TestInterviewImport::twoThousandQuestionsInOneGo()
{
    TestWorkspace tw(u"2026-12-06T15:00:00+08:00"_s);
    QVERIFY2(tw.isValid(), qPrintable(tw.error));
    QString csv = u"网友,提问时间,问题\n"_s;
    for (int i = 0; i < 2000; ++i)
        csv += u"网友%1,2026-12-06 14:%2,第%1个问题：小区停车难怎么解决？\n"_s.arg(i).arg(i % 60, 2, 10, QChar(u'0'));
    QElapsedTimer timer;
    timer.start();
    InterviewQuestionFile f = InterviewQuestions::parse(bom(csv), kZone);
    InterviewImport import(*tw.ws);
    import.markImported(f);
    const qint64 parsed = timer.elapsed();
    const InterviewImportResult r = import.run(callTaker(*tw.ws), f, {});
    const qint64 total = timer.elapsed();
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(r.numbers.size(), 2000);
    QCOMPARE(count(*tw.ws, u"SELECT count(*) FROM tickets WHERE channel = 'interview'"_s), 2000);
    qInfo("2,000 questions: read and checked in %lld ms, imported in %lld ms", parsed, total - parsed);
    // 3.3 s on a 2-core machine under a load of 24 (six builds at once); the bound leaves room for worse.
    QVERIFY2(total < 20000, "2,000 questions should import in well under twenty seconds");
}

QTEST_GUILESS_MAIN(TestInterviewImport)
#include "tst_interview_import.moc"
