// Text rules (code-point lengths, control characters) in core validation, and the input limits of the CSV
// readers: what the console's registration and every import share (issue 13).
#include "TestWorkspace.h"
#include "domain/PhoneNumber.h"
#include "domain/TextRules.h"
#include "io/CsvTableReader.h"
#include "io/DepartmentCsv.h"
#include "io/TicketCsv.h"
#include "notify/DepartmentContacts.h"
#include "service/TicketService.h"
#include "storage/EventStore.h"

#include <QBuffer>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace hotline;
using namespace hotline::test;

namespace {

/** A pipe that never ends: the header once, then the same good line forever. */
class EndlessDevice : public QIODevice
{
public:
    EndlessDevice(QByteArray header, QByteArray line)
        : m_pending(std::move(header))
        , m_line(std::move(line))
    {
        open(QIODevice::ReadOnly);
    }
    bool isSequential() const override { return true; }
    qint64 produced = 0;

protected:
    qint64 readData(char *data, qint64 max) override
    {
        qint64 n = 0;
        while (n < max) {
            if (m_pending.isEmpty())
                m_pending = m_line;
            const qint64 take = std::min<qint64>(max - n, m_pending.size());
            std::memcpy(data + n, m_pending.constData(), size_t(take));
            m_pending.remove(0, take);
            n += take;
        }
        produced += n;
        return n;
    }
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    QByteArray m_pending;
    QByteArray m_line;
};

const QByteArray kTicketHeader = "number,channel,type,category,town,department,caller_name,caller_phone,summary,"
                                 "registered_at,dispatched_at,replied_at,closed_at,satisfaction\n";

QList<TicketCsvRow> readTickets(const QByteArray &body)
{
    QByteArray bytes = kTicketHeader + body;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::ReadOnly);
    TicketCsvReader reader(&buffer);
    QList<TicketCsvRow> rows;
    TicketCsvRow row;
    while (reader.readRow(row))
        rows << row;
    return rows;
}

} // namespace

class TestTextRules : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void lengthCountsCodePoints()
    {
        QCOMPARE(TextRules::length(u""_s), 0);
        QCOMPARE(TextRules::length(u"abc"_s), 3);
        QCOMPARE(TextRules::length(u"里水镇"_s), 3);
        QCOMPARE(u"𠀋𠀋"_s.size(), 4);
        QCOMPARE(TextRules::length(u"𠀋𠀋"_s), 2);
        QCOMPARE(TextRules::length(u"a😀b"_s), 3);
    }

    void forbiddenCharacters()
    {
        for (const char32_t c : {0x00u, 0x07u, 0x09u, 0x0Au, 0x1Bu, 0x7Fu, 0x85u, 0x9Bu, 0x200Bu, 0x200Cu, 0x200Du,
                                 0x200Eu, 0x202Au, 0x202Eu, 0x2060u, 0x2066u, 0x2069u, 0xFEFFu, 0x061Cu})
            QVERIFY2(TextRules::isForbidden(c), qPrintable(TextRules::codePoint(c)));
        for (const char32_t c :
             {U'a', U' ', U'里', char32_t(0x3000), char32_t(0xFF0B), char32_t(0x2010), char32_t(0x20000)})
            QVERIFY2(!TextRules::isForbidden(c), qPrintable(TextRules::codePoint(c)));
        QCOMPARE(TextRules::firstForbidden(u"王\u202E五"_s), std::optional<char32_t>(0x202E));
        QVERIFY(!TextRules::firstForbidden(u"王五 𠀋"_s));
        QCOMPARE(TextRules::codePoint(0x1B), u"U+001B"_s);
    }

    void strippedAndVisible()
    {
        const QString text = u"a\x1B[2Jb\u200B\tc\nd\r\u202Ee\uFEFF"_s;
        QCOMPARE(TextRules::stripped(text, TextRules::Lines::Keep), u"a[2Jb\tc\nd\re"_s);
        QCOMPARE(TextRules::stripped(text, TextRules::Lines::Single), u"a[2Jbcde"_s);
        QCOMPARE(TextRules::visible(text), u"a\\u001B[2Jb\\u200B\\u0009c\\u000Ad\\u000D\\u202Ee\\uFEFF"_s);
        QCOMPARE(TextRules::visible(u"里水镇 𠀋"_s), u"里水镇 𠀋"_s);
    }

    void phoneMessagesNeverEchoControls()
    {
        QString why;
        QVERIFY(!PhoneNumber::parse(u"138\x1B"
                                    u"0013\u202E8000"_s,
                                    &why));
        QVERIFY2(why.contains(u"\\u001B"_s), qPrintable(why));
        QVERIFY(!why.contains(QChar(0x1B)) && !why.contains(QChar(0x202E)));
    }

    void registrationValidatesCharactersAndStripsFreeText()
    {
        NewTicket t;
        t.summary = QString(u"𠀋"_s).repeated(TicketService::kMaxSummary);
        t.callerName = QString(u"𠀋"_s).repeated(TicketService::kMaxName);
        t.details = QString(u"𠀋"_s).repeated(TicketService::kMaxDetails);
        QVERIFY(TicketService::validate(t).isEmpty());
        t.summary += u"𠀋"_s;
        t.callerName += u"𠀋"_s;
        t.details += u"𠀋"_s;
        QStringList fields;
        for (const FieldError &e : TicketService::validate(t))
            fields << e.field;
        QCOMPARE(fields, (QStringList {u"summary"_s, u"details"_s, u"caller_name"_s}));

        NewTicket c;
        c.summary = u"咨询"_s;
        c.callerName = u"王\u200B五"_s;
        c.category = u"社保\x1B"_s;
        c.town = u"桂城\u2066"_s;
        c.callerPhone = u"138\x00"
                        u"0013 8000"_s;
        fields.clear();
        for (const FieldError &e : TicketService::validate(c)) {
            fields << e.field;
            QVERIFY2(!e.message.contains(QChar(0x1B)) && !e.message.contains(QChar(0)), qPrintable(e.message));
        }
        QCOMPARE(fields, (QStringList {u"caller_name"_s, u"category"_s, u"town"_s, u"caller_phone"_s}));
        // A summary of invisible characters only is empty.
        NewTicket empty;
        empty.summary = u"\u200B\x1B"_s;
        QCOMPARE(TicketService::validate(empty).first().field, u"summary"_s);

        // Registered: free text without its control characters; line breaks kept in the details and answers.
        TestWorkspace tw;
        QVERIFY(tw.isValid());
        NewTicket n;
        n.summary = u"咨询\x1B[31m社保\u202E"_s;
        n.details = u"第一行\u200B\n第二行\x07"_s;
        QString error;
        const QString id = tw.ws->tickets().registerAndClose(tw.ws->systemActor(), n, u"答复\x1B\n完毕"_s, &error);
        QVERIFY2(!id.isEmpty(), qPrintable(error));
        const Ticket ticket = tw.ws->events().ticket(id);
        QCOMPARE(ticket.summary, u"咨询[31m社保"_s);
        QCOMPARE(ticket.details, u"第一行\n第二行"_s);
        const QList<TicketEvent> history = tw.ws->events().history(id);
        QCOMPARE(history.last().payload.value(u"text"_s).toString(), u"答复\n完毕"_s);
    }

    void departmentsPageRefusesControlCharacters()
    {
        TestWorkspace tw;
        QVERIFY(tw.isValid());
        DepartmentContacts contacts(tw.ws->database());
        QString error;
        QVERIFY(!contacts.save({u"CG"_s, u"区城管局\u202E"_s, {}, QString()}, &error));
        QVERIFY2(error.contains(u"U+202E"_s) && !error.contains(QChar(0x202E)), qPrintable(error));
        QVERIFY(!contacts.save({u"C\x1BG"_s, u"区城管局"_s, {}, QString()}, &error));
        QVERIFY2(error.contains(u"U+001B"_s), qPrintable(error));
        QVERIFY(!contacts.save({u"CG"_s, QString(u"𠀋"_s).repeated(101), {}, QString()}, &error));
        QVERIFY2(contacts.save({u"CG"_s, QString(u"𠀋"_s).repeated(100), {}, QString()}, &error), qPrintable(error));
        QCOMPARE(contacts.all().size(), 1);
    }

    void intakeAnswerClosesAConsultation()
    {
        const QList<TicketCsvRow> rows = readTickets(
            "A,phone,consult,,,,,,q,2025-03-04T09:00:00+08:00,,2025-03-04T09:05:00+08:00,,\n"
            "B,phone,consult,,,,,,q,2025-03-04T09:00:00+08:00,,2025-03-04T09:05:00+08:00,2025-03-05T09:00:00+08:00,"
            "basic\n"
            "C,phone,help,,,,,,q,2025-03-04T09:00:00+08:00,,2025-03-04T09:05:00+08:00,,\n"
            "D,phone,consult,,,,,,q,2025-03-04T09:00:00+08:00,,2025-03-04T09:05:00+08:00,2025-03-04T09:04:00+08:00,\n");
        QCOMPARE(rows.size(), 4);
        QVERIFY2(rows[0].isValid(), qPrintable(rows[0].error));
        QCOMPARE(rows[0].ticket.closedAt, rows[0].ticket.repliedAt);
        QVERIFY(!rows[0].ticket.dispatchedAt);
        QVERIFY2(rows[1].isValid(), qPrintable(rows[1].error));
        QCOMPARE(*rows[1].ticket.closedAt, ms(u"2025-03-05T09:00:00+08:00"_s));
        QVERIFY(rows[2].error.contains(u"only a consultation"_s));
        QVERIFY(rows[3].error.contains(u"closed_at (2025-03-04T09:04:00+08:00) is before replied_at"_s));
    }

    void endlessInputEndsWithAnError()
    {
        EndlessDevice pipe(kTicketHeader, "N,phone,consult,,,,,,q,2025-03-04T09:00:00+08:00,,,,\n");
        TicketCsvReader reader(&pipe);
        reader.setLimits(1 << 20, 0);
        TicketCsvRow row;
        qint64 rows = 0;
        QString last;
        while (reader.readRow(row)) {
            ++rows;
            last = row.error;
        }
        QVERIFY2(last.contains(u"larger than 1048576 bytes"_s), qPrintable(last));
        QVERIFY(pipe.produced <= (2 << 20)); // stopped right after the limit
        QVERIFY(rows > 10000);
    }

    void tooManyRowsEndWithAnError()
    {
        EndlessDevice pipe("name,code,duty_phones,head_phone\n", "x,y,,\n");
        DepartmentCsvReader reader(&pipe);
        reader.setLimits(0, 100);
        DepartmentCsvResult row;
        DepartmentCsvResult last;
        qint64 rows = 0;
        while (reader.readRow(row)) {
            ++rows;
            last = row;
        }
        QCOMPARE(rows, 101);
        QCOMPARE(last.line, 102);
        QVERIFY2(last.error.contains(u"more than 100 data rows"_s), qPrintable(last.error));
    }

    void defaultLimitsStopAnEndlessLine()
    {
        EndlessDevice pipe(kTicketHeader, QByteArray(4096, 'x'));
        TicketCsvReader reader(&pipe);
        TicketCsvRow row;
        QVERIFY(reader.readRow(row));
        QVERIFY2(row.error.contains(u"the record is longer than"_s), qPrintable(row.error));
        QVERIFY(!reader.readRow(row));
        QVERIFY(pipe.produced < (32 << 20));
    }
};

QTEST_GUILESS_MAIN(TestTextRules)
#include "tst_textrules.moc"
