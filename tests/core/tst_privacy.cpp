// Privacy (PRODUCT §8, docs/PRIVACY.md): one masking rule everywhere, full callers only through a logged
// reveal the permission table allows, masked exports by default and a logged unmasked one.
#include "TestSupport.h"
#include "TestWorkspace.h"
#include "auth/Permissions.h"
#include "io/TicketImporter.h"
#include "privacy/AccessLog.h"
#include "privacy/CallerPrivacy.h"
#include "privacy/CallerReveal.h"
#include "privacy/TicketExport.h"
#include "service/TicketService.h"
#include "storage/Database.h"
#include "storage/EventStore.h"

#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace hotline;
using namespace hotline::test;

namespace {

const Actor kCallTaker {u"cathy"_s, Role::CallTaker, QString(), u"01"_s};
const Actor kDispatcher {u"dora"_s, Role::Dispatcher, QString(), u"01"_s};
const Actor kLiaisonD01 {u"lily"_s, Role::Liaison, u"D01"_s, u"02"_s};
const Actor kLiaisonD02 {u"leo"_s, Role::Liaison, u"D02"_s, u"02"_s};
const Actor kSupervisor {u"sam"_s, Role::Supervisor, QString(), u"01"_s};
const Actor kAdmin {u"ada"_s, Role::Administrator, QString(), u"01"_s};
const Actor kSystem {u"hotlinectl"_s, Role::System, QString(), u"01"_s};

struct Centre
{
    TestWorkspace tw;

    Centre()
    {
        if (!tw.isValid())
            qFatal("workspace: %s", qPrintable(tw.error));
        tw.addDepartment(u"D01"_s, u"城市管理局"_s);
        tw.addDepartment(u"D02"_s, u"水务局"_s);
    }

    QString registered(const QString &name = u"张三丰"_s, const QString &phone = u"13812345678"_s,
                       const QString &summary = u"路灯不亮，请回电13812345678"_s)
    {
        NewTicket t;
        t.town = u"桂城"_s;
        t.callerName = name;
        t.callerPhone = phone;
        t.summary = summary;
        QString error;
        const QString id = tw.ws->tickets().registerTicket(kDispatcher, t, &error);
        if (id.isEmpty())
            qFatal("register: %s", qPrintable(error));
        return id;
    }
    QString dispatched(const QString &department = u"D01"_s)
    {
        const QString id = registered();
        QString error;
        if (!tw.ws->tickets().dispatch(kDispatcher, id, department, &error))
            qFatal("dispatch: %s", qPrintable(error));
        return id;
    }
    QList<AccessLogEntry> log(const AccessLogFilter &filter = {})
    {
        QString error;
        const QList<AccessLogEntry> entries = AccessLog(tw.ws->database(), tw.clock).list(kAdmin, filter, &error);
        if (!error.isEmpty())
            qFatal("access log: %s", qPrintable(error));
        return entries;
    }
    QString number(const QString &id) { return tw.ws->events().ticket(id).number; }
};

AccessLogFilter byUser(const QString &user, const QString &ticket = {})
{
    AccessLogFilter f;
    f.user = user;
    f.ticket = ticket;
    return f;
}

AccessLogFilter between(std::optional<qint64> fromMs, std::optional<qint64> toMs)
{
    AccessLogFilter f;
    f.fromMs = fromMs;
    f.toMs = toMs;
    return f;
}

} // namespace

class TestPrivacy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void masksPhones_data()
    {
        QTest::addColumn<QString>("phone");
        QTest::addColumn<QString>("masked");
        QTest::newRow("mobile") << u"13812345678"_s << u"138****5678"_s;
        QTest::newRow("mobile as typed") << u"+86 138-1234-5678"_s << u"138****5678"_s;
        QTest::newRow("full-width digits") << u"１３８１２３４５６７８"_s << u"138****5678"_s;
        QTest::newRow("landline") << u"0757-86280000"_s << u"0757-****0000"_s;
        QTest::newRow("landline, 2-digit area, extension") << u"020-12345678-123"_s << u"020-****5678-123"_s;
        QTest::newRow("landline, 7 digits") << u"0757 8628000"_s << u"0757-***8000"_s;
        QTest::newRow("service number is public") << u"12345"_s << u"12345"_s;
        QTest::newRow("emergency") << u"110"_s << u"110"_s;
        QTest::newRow("no area code") << u"86280000"_s << u"****0000"_s;
        QTest::newRow("mobile one digit short") << u"1381234567"_s << u"******4567"_s;
        QTest::newRow("too long") << u"13812345678901"_s << u"138*******8901"_s;
        QTest::newRow("short") << u"4567"_s << u"**67"_s;
        QTest::newRow("very short") << u"12"_s << u"**"_s;
        QTest::newRow("letters are never shown") << u"call Wang"_s << u"*"_s;
        QTest::newRow("empty") << QString() << QString();
    }
    void masksPhones()
    {
        QFETCH(QString, phone);
        QFETCH(QString, masked);
        QCOMPARE(CallerPrivacy::maskPhone(phone), masked);
        QCOMPARE(CallerPrivacy::shownPhone(phone), phone.isEmpty() ? u"—"_s : masked);
    }

    void scrubsNumbersWrittenInText_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("scrubbed");
        QTest::newRow("plain mobile") << u"请回电13812345678谢谢"_s << u"请回电138****5678谢谢"_s;
        QTest::newRow("+86 with dashes") << u"电话+86 139-1234-5678。"_s << u"电话139****5678。"_s;
        QTest::newRow("86- without plus") << u"打86-139-1234-5678找我"_s << u"打139****5678找我"_s;
        QTest::newRow("full-width plus") << u"＋86 13912345678"_s << u"139****5678"_s;
        QTest::newRow("parenthesised area code") << u"座机(0757) 8628 0000转"_s << u"座机0757-****0000转"_s;
        QTest::newRow("full-width parentheses") << u"座机（0757）86280000"_s << u"座机0757-****0000"_s;
        QTest::newRow("area code dash") << u"0757-86280000"_s << u"0757-****0000"_s;
        QTest::newRow("dots") << u"139.1234.5678"_s << u"139****5678"_s;
        QTest::newRow("spaces") << u"139 1234 5678"_s << u"139****5678"_s;
        QTest::newRow("+86 landline") << u"+86 757 8628 0000"_s << u"0757-****0000"_s;
        QTest::newRow("in brackets") << u"号码（13912345678）"_s << u"号码（139****5678）"_s;
        QTest::newRow("two numbers") << u"13912345678或0757-86280000"_s << u"139****5678或0757-****0000"_s;
        QTest::newRow("date stays") << u"2025-03-03 14:00起"_s << u"2025-03-03 14:00起"_s;
        QTest::newRow("dotted date stays") << u"2025.03.03"_s << u"2025.03.03"_s;
        QTest::newRow("service number stays") << u"拨打12345或400-830-1234"_s << u"拨打12345或400-830-1234"_s;
        QTest::newRow("time range stays") << u"08:30-12:00"_s << u"08:30-12:00"_s;
    }
    void scrubsNumbersWrittenInText()
    {
        QFETCH(QString, text);
        QFETCH(QString, scrubbed);
        QCOMPARE(CallerPrivacy::scrubPhoneNumbers(text), scrubbed);
    }

    void masksNames()
    {
        QCOMPARE(CallerPrivacy::maskName(u"张三"_s), u"张*"_s);
        QCOMPARE(CallerPrivacy::maskName(u"张三丰"_s), u"张**"_s);
        QCOMPARE(CallerPrivacy::maskName(u" 欧阳娜娜 "_s), u"欧***"_s);
        QCOMPARE(CallerPrivacy::maskName(u"张"_s), u"张*"_s);
        QCOMPARE(CallerPrivacy::maskName(u"𠮷野家"_s), u"𠮷**"_s); // a character outside the BMP is one character
        QCOMPARE(CallerPrivacy::maskName(QString()), QString());
        QCOMPARE(CallerPrivacy::shownName(QString()), u"anonymous"_s);
    }

    void scrubsNumbersInText()
    {
        QCOMPARE(CallerPrivacy::scrubPhoneNumbers(u"请回电138 1234 5678或0757-86280000，2025-03-03反映"_s),
                 u"请回电138****5678或0757-****0000，2025-03-03反映"_s);
        QCOMPARE(CallerPrivacy::scrubPhoneNumbers(u"手机１３８１２３４５６７８"_s), u"手机138****5678"_s);
        QCOMPARE(CallerPrivacy::scrubPhoneNumbers(u"打12345热线，门牌88号"_s), u"打12345热线，门牌88号"_s);
    }

    void revealPerRoleAndDepartment_data()
    {
        QTest::addColumn<int>("who");
        QTest::addColumn<bool>("allowed");
        QTest::newRow("call-taker") << 0 << true;
        QTest::newRow("dispatcher") << 1 << true;
        QTest::newRow("liaison, own department") << 2 << true;
        QTest::newRow("liaison, other department") << 3 << false;
        QTest::newRow("supervisor") << 4 << true;
        QTest::newRow("administrator") << 5 << false;
        QTest::newRow("system") << 6 << true;
    }
    void revealPerRoleAndDepartment()
    {
        QFETCH(int, who);
        QFETCH(bool, allowed);
        const Actor actor = QList<Actor> {kCallTaker, kDispatcher, kLiaisonD01, kLiaisonD02, kSupervisor, kAdmin,
                                          kSystem}
                                .at(who);
        Centre c;
        const QString id = c.dispatched(u"D01"_s);
        const Ticket t = c.tw.ws->events().ticket(id);
        QCOMPARE(CallerReveal::offered(actor, t), allowed);
        c.tw.setNow(u"2025-03-03T10:15:00+08:00"_s);

        QString error;
        const std::optional<RevealedCaller> caller = CallerReveal::reveal(*c.tw.ws, actor, id, &error);
        const QList<AccessLogEntry> log = c.log();
        if (!allowed) {
            QVERIFY(!caller);
            QVERIFY(!error.isEmpty());
            QVERIFY(log.isEmpty()); // a refused reveal is not a view
            return;
        }
        QVERIFY2(caller, qPrintable(error));
        QCOMPARE(caller->phone, u"13812345678"_s);
        QCOMPARE(caller->name, u"张三丰"_s);
        QCOMPARE(log.size(), 1);
        const AccessLogEntry &e = log.first();
        QCOMPARE(e.kind, AccessLogEntry::Kind::View);
        QCOMPARE(e.user, actor.user);
        QCOMPARE(e.role, actor.role);
        QCOMPARE(e.console, actor.console);
        QCOMPARE(e.ticketId, id);
        QCOMPARE(e.ticketNumber, t.number);
        QCOMPARE(e.atMs, ms(u"2025-03-03T10:15:00+08:00"_s));
    }

    void liaisonLosesTheRightWhenTheTicketMoves()
    {
        Centre c;
        const QString id = c.dispatched(u"D01"_s);
        QString error;
        QVERIFY2(c.tw.ws->tickets().transfer(kDispatcher, id, u"D02"_s, u"水管"_s, &error), qPrintable(error));
        QVERIFY(!CallerReveal::reveal(*c.tw.ws, kLiaisonD01, id, &error));
        QVERIFY(CallerReveal::reveal(*c.tw.ws, kLiaisonD02, id, &error));
        QCOMPARE(c.log().size(), 1);
        QCOMPARE(c.log().first().user, kLiaisonD02.user);
    }

    void anonymousOrUnknownRevealsNothing()
    {
        Centre c;
        const QString anonymous = c.registered(QString(), QString(), u"匿名反映噪音"_s);
        QString error;
        QVERIFY(!CallerReveal::offered(kDispatcher, c.tw.ws->events().ticket(anonymous)));
        QVERIFY(!CallerReveal::reveal(*c.tw.ws, kDispatcher, anonymous, &error));
        QVERIFY(error.contains(u"anonymous"_s));
        QVERIFY(!CallerReveal::reveal(*c.tw.ws, kDispatcher, u"no-such-ticket"_s, &error));
        QVERIFY(c.log().isEmpty());
    }

    void accessLogIsForAdministratorsFilteredAndAppendOnly()
    {
        Centre c;
        const QString a = c.dispatched();
        const QString b = c.dispatched();
        QString error;
        QVERIFY(CallerReveal::reveal(*c.tw.ws, kDispatcher, a, &error));
        c.tw.setNow(u"2025-03-05T09:00:00+08:00"_s);
        QVERIFY(CallerReveal::reveal(*c.tw.ws, kSupervisor, b, &error));
        QVERIFY(CallerReveal::reveal(*c.tw.ws, kDispatcher, b, &error));

        QCOMPARE(c.log().size(), 3);
        QCOMPARE(c.log().first().ticketId, b); // newest first
        QCOMPARE(c.log(byUser(u"dora"_s)).size(), 2);
        QCOMPARE(c.log(byUser(QString(), c.number(b))).size(), 2);
        QCOMPARE(c.log(byUser(u"dora"_s, c.number(a))).size(), 1);
        QCOMPARE(c.log(between(ms(u"2025-03-04T00:00:00+08:00"_s), std::nullopt)).size(), 2);
        QCOMPARE(c.log(between(std::nullopt, ms(u"2025-03-04T00:00:00+08:00"_s))).size(), 1);

        AccessLog log(c.tw.ws->database(), c.tw.clock);
        QVERIFY(log.list(kDispatcher, {}, &error).isEmpty());
        QVERIFY(error.contains(u"dora"_s));
        QVERIFY(log.list(kSupervisor, {}, &error).isEmpty());

        QSqlQuery q(c.tw.ws->database().sql());
        QVERIFY(!q.exec(u"UPDATE access_log SET user = 'nobody'"_s));
        QVERIFY(!q.exec(u"DELETE FROM access_log"_s));
        QCOMPARE(c.log(byUser(u"dora"_s)).size(), 2);
    }

    void exportMaskedAndUnmasked()
    {
        Centre c;
        const QString a = c.dispatched();
        QString error;
        QVERIFY(c.tw.ws->tickets().reply(kLiaisonD01, a, u"已修复"_s, &error));
        QVERIFY(c.tw.ws->tickets().callback(kDispatcher, a, Satisfaction::Satisfied, QString(), &error));
        QVERIFY(c.tw.ws->tickets().close(kDispatcher, a, QString(), &error));
        c.registered(u"李四"_s, u"0757-86280000"_s, u"咨询社保"_s);
        c.registered(QString(), QString(), u"匿名"_s);

        TicketExportRequest request;
        request.fromMs = ms(u"2025-03-01T00:00:00+08:00"_s);
        request.toMs = ms(u"2025-04-01T00:00:00+08:00"_s);
        request.period = u"2025-03"_s;
        request.target = u"/tmp/x.csv"_s;
        std::optional<TicketExportResult> masked = TicketExport::run(*c.tw.ws, kSupervisor, request, &error);
        QVERIFY2(masked, qPrintable(error));
        QCOMPARE(masked->tickets, 3);
        const QString maskedText = QString::fromUtf8(masked->csv);
        QVERIFY(masked->csv.startsWith("\xEF\xBB\xBFnumber,channel,type")); // BOM: Excel reads it as UTF-8
        QVERIFY(maskedText.contains(u"张**,138****5678,路灯不亮，请回电138****5678"_s));
        QVERIFY(maskedText.contains(u"李*,0757-****0000"_s));
        QVERIFY(!maskedText.contains(u"13812345678"_s));
        QVERIFY(!maskedText.contains(u"86280000"_s));
        QVERIFY(c.log().isEmpty()); // masked: nobody saw a caller

        request.unmasked = true;
        // The administrator may export, but not callers in full; the dispatcher may not export at all.
        QVERIFY(!TicketExport::run(*c.tw.ws, kAdmin, request, &error));
        QVERIFY(!TicketExport::run(*c.tw.ws, kDispatcher, request, &error));
        QVERIFY(c.log().isEmpty());
        std::optional<TicketExportResult> full = TicketExport::run(*c.tw.ws, kSupervisor, request, &error);
        QVERIFY2(full, qPrintable(error));
        const QString fullText = QString::fromUtf8(full->csv);
        QVERIFY(fullText.contains(u"张三丰,13812345678,路灯不亮，请回电13812345678"_s));
        QVERIFY(fullText.contains(u"0757-86280000"_s));
        QVERIFY(fullText.contains(u",2025-03-03T09:00:00+08:00,"_s));
        QVERIFY(fullText.contains(u",satisfied\r\n"_s));
        const QList<AccessLogEntry> log = c.log();
        QCOMPARE(log.size(), 1);
        QCOMPARE(log.first().kind, AccessLogEntry::Kind::Export);
        QCOMPARE(log.first().user, kSupervisor.user);
        QCOMPARE(log.first().tickets, 3);
        QVERIFY(log.first().detail.contains(u"2025-03"_s));
        QVERIFY(log.first().detail.contains(u"/tmp/x.csv"_s));

        // An empty period is refused.
        request.toMs = request.fromMs;
        QVERIFY(!TicketExport::run(*c.tw.ws, kSupervisor, request, &error));
    }

    void exportReimports()
    {
        Centre c;
        const QString a = c.dispatched();
        QString error;
        QVERIFY(c.tw.ws->tickets().reply(kLiaisonD01, a, u"已修复"_s, &error));
        QVERIFY(c.tw.ws->tickets().callback(kDispatcher, a, Satisfaction::Basic, QString(), &error));
        QVERIFY(c.tw.ws->tickets().close(kDispatcher, a, QString(), &error));
        const QString open = c.dispatched(u"D02"_s);
        c.registered(u"李四"_s, u"0757-86280000"_s, u"咨询社保"_s);

        QTemporaryDir dir;
        const QString unmaskedPath = dir.filePath(u"unmasked.csv"_s);
        const QString maskedPath = dir.filePath(u"masked.csv"_s);
        CtlResult r = runCtl({u"--db"_s, c.tw.path(), u"export"_s, u"tickets"_s, u"--month"_s, u"2025-03"_s,
                              u"--unmasked"_s, u"-o"_s, unmaskedPath});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        r = runCtl({u"--db"_s, c.tw.path(), u"export"_s, u"tickets"_s, u"--from"_s, u"2025-03-01"_s, u"--to"_s,
                    u"2025-03-04"_s, u"-o"_s, maskedPath});
        QVERIFY2(r.exitCode == 0, r.err.constData());

        TestWorkspace fresh;
        const ImportResult imported = TicketImporter(*fresh.ws).importFile(unmaskedPath);
        QVERIFY2(imported.ok, qPrintable(imported.errors.join(u'\n')));
        QCOMPARE(imported.imported, 3);
        const Ticket back = fresh.ws->events().ticketByNumber(c.number(a));
        QCOMPARE(back.callerPhone, u"13812345678"_s);
        QCOMPARE(back.callerName, u"张三丰"_s);
        QCOMPARE(back.satisfaction, std::optional<Satisfaction>(Satisfaction::Basic));
        QVERIFY(back.closedMs.has_value());
        QCOMPARE(fresh.ws->events().ticketByNumber(c.number(open)).department, u"水务局"_s); // created by name

        // A masked file is for handing on: its numbers are not numbers, so the importer refuses it whole.
        TestWorkspace other;
        const ImportResult refused = TicketImporter(*other.ws).importFile(maskedPath);
        QVERIFY(!refused.ok);
        QCOMPARE(refused.imported, 0);
        QVERIFY(refused.errors.join(u'\n').contains(u"caller_phone"_s));
    }

    void exportNeutralisesFormulasAndMasksWrittenNumbers()
    {
        Centre c;
        const QString summary = u"=HYPERLINK(\"http://x\",\"点我\")，电话+86 139-1234-5678或(0757) 8628 0000"_s;
        c.registered(u"@张三"_s, u"+8613912345678"_s, summary);
        c.registered(u"-李四"_s, u"13912345678"_s, u"+1 很好"_s);
        QTemporaryDir dir;
        const QString unmaskedPath = dir.filePath(u"unmasked.csv"_s);
        CtlResult r = runCtl({u"--db"_s, c.tw.path(), u"export"_s, u"tickets"_s, u"--month"_s, u"2025-03"_s});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QString masked = QString::fromUtf8(r.out);
        // The same rule as report --format csv: a leading ' makes a spreadsheet show the cell as text.
        QVERIFY2(masked.contains(u",'@*"_s), qPrintable(masked)); // the masked name keeps its first character
        QVERIFY(masked.contains(u",'-**,"_s));
        QVERIFY(masked.contains(u"\"'=HYPERLINK("_s));
        QVERIFY(masked.contains(u"电话139****5678或0757-****0000"_s));
        QVERIFY(masked.contains(u",'+1 很好,"_s));
        QVERIFY(!masked.contains(u"1234-5678"_s));
        QVERIFY(!masked.contains(u"8628 0000"_s));
        for (const QString &line : masked.split(u"\r\n"_s, Qt::SkipEmptyParts)) {
            for (const QString &cell : line.split(u',')) {
                const QString bare = cell.startsWith(u'"') ? cell.mid(1) : cell;
                QVERIFY2(bare.isEmpty() || !QStringView(u"=+-@\t\r").contains(bare.front()), qPrintable(line));
            }
        }

        r = runCtl({u"--db"_s, c.tw.path(), u"export"_s, u"tickets"_s, u"--month"_s, u"2025-03"_s, u"--unmasked"_s,
                    u"-o"_s, unmaskedPath});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QFile f(unmaskedPath);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QString full = QString::fromUtf8(f.readAll());
        QVERIFY2(full.contains(u",'@张三,13912345678,"_s), qPrintable(full)); // the phone was normalised at registration
        QVERIFY(full.contains(u"\"'=HYPERLINK("_s));
        // The guard is read back by the importer: the unmasked file still imports to the same tickets.
        TestWorkspace fresh;
        const ImportResult imported = TicketImporter(*fresh.ws).importFile(unmaskedPath);
        QVERIFY2(imported.ok, qPrintable(imported.errors.join(u'\n')));
        QSqlQuery q(fresh.ws->database().sql());
        QVERIFY(q.exec(u"SELECT caller_name, caller_phone, summary FROM tickets ORDER BY number"_s));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toString(), u"@张三"_s);
        QCOMPARE(q.value(2).toString(), summary);
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toString(), u"-李四"_s);
        QCOMPARE(q.value(2).toString(), u"+1 很好"_s);
    }

    void ctlLogsTheOsUserAndListsTheLog()
    {
        Centre c;
        c.dispatched();
        QString error;
        QVERIFY(CallerReveal::reveal(*c.tw.ws, kDispatcher, c.dispatched(), &error));
        QTemporaryDir dir;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"USER"_s, u"auditor"_s);
        CtlResult r = runCtl({u"--db"_s, c.tw.path(), u"export"_s, u"tickets"_s, u"--month"_s, u"2025-03"_s,
                              u"--unmasked"_s, u"-o"_s, dir.filePath(u"all.csv"_s)},
                             env);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        r = runCtl({u"--db"_s, c.tw.path(), u"export"_s, u"tickets"_s, u"--month"_s, u"2025-03"_s}, env);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(r.out.contains("138****5678"));
        QVERIFY(!r.out.contains("13812345678"));

        const QList<AccessLogEntry> log = c.log();
        QCOMPARE(log.size(), 2); // the reveal and the unmasked export; the masked one is no view
        QCOMPARE(log.first().user, u"auditor"_s);
        QCOMPARE(log.first().role, Role::System);
        QCOMPARE(log.first().tickets, 2);

        r = runCtl({u"--db"_s, c.tw.path(), u"access-log"_s});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QStringList lines = QString::fromUtf8(r.out).split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 3);
        QVERIFY(lines.at(1).contains(u"\texport\tauditor\tsystem\t"_s));
        QVERIFY(lines.at(2).contains(u"\tview\tdora\tdispatcher\t01\t"_s));
        r = runCtl({u"--db"_s, c.tw.path(), u"access-log"_s, u"--from"_s, u"2025-02-01"_s, u"--to"_s,
                    u"2025-03-01"_s});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(QString::fromUtf8(r.out).split(u'\n', Qt::SkipEmptyParts).size(), 1); // the header only
        r = runCtl({u"--db"_s, c.tw.path(), u"export"_s, u"tickets"_s, u"--month"_s, u"March"_s});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("March"));
    }
};

QTEST_GUILESS_MAIN(TestPrivacy)
#include "tst_privacy.moc"
