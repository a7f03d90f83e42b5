// TicketCsvReader: the historical ticket CSV of PRODUCT §7 — header, every validation rule, streaming.

#include "io/CsvWriter.h"
#include "io/TicketCsv.h"

#include "TestSupport.h"

#include <QDateTime>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace hotline;
using namespace Qt::StringLiterals;

namespace {

const QString kHeader = u"number,channel,type,category,town,department,caller_name,caller_phone,summary,"
                        u"registered_at,dispatched_at,replied_at,closed_at,satisfaction"_s;

/** A complete, valid ticket (dispatched, replied, closed with a callback); tests override columns. */
QMap<QString, QString> validTicket()
{
    return {
        {u"number"_s, u"T1"_s},
        {u"channel"_s, u"phone"_s},
        {u"type"_s, u"complaint"_s},
        {u"category"_s, u"城市管理"_s},
        {u"town"_s, u"桂城"_s},
        {u"department"_s, u"南海区城管局"_s},
        {u"caller_name"_s, u"张三"_s},
        {u"caller_phone"_s, u"13812345678"_s},
        {u"summary"_s, u"夜间施工噪音扰民"_s},
        {u"registered_at"_s, u"2024-03-01T09:00:00+08:00"_s},
        {u"dispatched_at"_s, u"2024-03-01T09:30:00+08:00"_s},
        {u"replied_at"_s, u"2024-03-04T10:00:00+08:00"_s},
        {u"closed_at"_s, u"2024-03-05T10:00:00+08:00"_s},
        {u"satisfaction"_s, u"satisfied"_s},
    };
}

/** The CSV line of a ticket given as "column=value" overrides of validTicket(). */
QString rowWith(const QStringList &overrides)
{
    QMap<QString, QString> t = validTicket();
    for (const QString &o : overrides) {
        const qsizetype eq = o.indexOf(u'=');
        if (eq < 0 || !t.contains(o.left(eq)))
            qFatal("bad override in the test");
        t[o.left(eq)] = o.mid(eq + 1);
    }
    QStringList fields;
    for (const QString &column : TicketCsvReader::columns())
        fields << t.value(column);
    QString line;
    CsvWriter(&line, CsvWriter::LineEnding::Lf).writeRow(fields);
    return line;
}

/** Reads text (UTF-8) written to a real file and returns every row the reader yields. */
QList<TicketCsvRow> readText(const QString &text)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"tickets.csv"_s);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(text.toUtf8()) < 0)
        qFatal("cannot write the test file");
    f.close();
    TicketCsvReader reader(path);
    if (!reader.openError().isEmpty())
        qFatal("cannot open the test file");
    QList<TicketCsvRow> rows;
    TicketCsvRow row;
    while (reader.readRow(row))
        rows.append(row);
    return rows;
}

qint64 utcMs(int y, int mo, int d, int h, int mi, int s = 0, int ms = 0)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi, s, ms), QTimeZone::utc()).toMSecsSinceEpoch();
}

} // namespace

class TestTicketCsv : public QObject
{
    Q_OBJECT

private slots:
    void validFile();
    void baselineRowIsValid();
    void rules_data();
    void rules();
    void severalProblemsInOneRow();
    void duplicateNumbers();
    void readingGoesOnAfterBadRows();
    void columnsInAnyOrder();
    void headerProblems_data();
    void headerProblems();
    void emptyFileAndHeaderOnly();
    void missingFile();
    void overlongFields_data();
    void overlongFields();
};

void TestTicketCsv::validFile()
{
    TicketCsvReader reader(hotline::test::testDataDir() + u"/csv/tickets_valid.csv"_s);
    QVERIFY2(reader.openError().isEmpty(), qPrintable(reader.openError()));
    QVERIFY(reader.totalBytes() > 0);
    QList<TicketCsvRow> rows;
    TicketCsvRow row;
    while (reader.readRow(row)) {
        QVERIFY2(row.isValid(), qPrintable(u"line %1: %2"_s.arg(row.line).arg(row.error)));
        rows.append(row);
    }
    QCOMPARE(rows.size(), 7);
    QCOMPARE(reader.bytesConsumed(), reader.totalBytes());

    const HistoricalTicket &a = rows[0].ticket;
    QCOMPARE(rows[0].line, 2);
    QCOMPARE(a.number, u"NH20240301-0001"_s);
    QCOMPARE(a.channel, Channel::Phone);
    QCOMPARE(a.type, TicketType::Complaint);
    QCOMPARE(a.category, u"城市管理"_s);
    QCOMPARE(a.town, u"桂城"_s);
    QCOMPARE(a.department, u"南海区城管局"_s);
    QCOMPARE(a.callerName, u"张三"_s);
    QCOMPARE(a.callerPhone, u"13812345678"_s); // normalised from "+86 138-1234-5678"
    QCOMPARE(a.summary, u"夜间施工噪音扰民, 市民称\"每晚到12点\""_s);
    QCOMPARE(a.registeredAt, utcMs(2024, 3, 1, 1, 15));
    QCOMPARE(a.dispatchedAt, std::optional<qint64>(utcMs(2024, 3, 1, 1, 40)));
    QCOMPARE(a.repliedAt, std::optional<qint64>(utcMs(2024, 3, 4, 8, 20)));
    QCOMPARE(a.closedAt, std::optional<qint64>(utcMs(2024, 3, 5, 2, 0)));
    QCOMPARE(a.satisfaction, std::optional<Satisfaction>(Satisfaction::Satisfied));

    const HistoricalTicket &b = rows[1].ticket; // consultation closed at intake, anonymous, Z instants
    QCOMPARE(b.channel, Channel::WeChat);
    QCOMPARE(b.type, TicketType::Consult);
    QVERIFY(b.town.isEmpty());
    QVERIFY(b.department.isEmpty());
    QVERIFY(b.callerName.isEmpty());
    QVERIFY(b.callerPhone.isEmpty());
    QCOMPARE(b.registeredAt, utcMs(2024, 3, 1, 2, 0));
    QVERIFY(!b.dispatchedAt.has_value());
    QVERIFY(!b.repliedAt.has_value());
    QCOMPARE(b.closedAt, std::optional<qint64>(utcMs(2024, 3, 1, 2, 5, 30, 250)));
    QVERIFY(!b.satisfaction.has_value());

    const HistoricalTicket &c = rows[2].ticket; // open, landline with extension, two-line summary
    QCOMPARE(rows[2].line, 4);
    QCOMPARE(c.callerPhone, u"0757-86280000-123"_s);
    QCOMPARE(c.summary, u"路灯不亮\r\n第二行说明"_s);
    QCOMPARE(c.registeredAt, utcMs(2024, 3, 2, 0, 0)); // "2024-03-02 08:00:00+0800"
    QVERIFY(c.dispatchedAt.has_value());
    QVERIFY(!c.closedAt.has_value());

    QCOMPARE(rows[3].line, 6); // after the two-line record
    QCOMPARE(rows[3].ticket.channel, Channel::Weibo);
    QCOMPARE(rows[3].ticket.type, TicketType::Suggestion);
    QCOMPARE(rows[4].ticket.channel, Channel::WalkIn);
    QCOMPARE(rows[4].ticket.type, TicketType::Report);
    QCOMPARE(rows[4].ticket.callerPhone, u"020-87654321"_s);
    QCOMPARE(rows[4].ticket.satisfaction, std::optional<Satisfaction>(Satisfaction::Unsatisfied));
    QCOMPARE(rows[5].ticket.channel, Channel::Petition);
    QCOMPARE(rows[5].ticket.satisfaction, std::optional<Satisfaction>(Satisfaction::Basic));
    QCOMPARE(rows[6].ticket.channel, Channel::Interview);
    QCOMPARE(rows[6].line, 9);
}

void TestTicketCsv::baselineRowIsValid()
{
    // The rules test below changes one thing at a time in this row, so it must be valid by itself.
    const auto rows = readText(kHeader + u"\n"_s + rowWith({}));
    QCOMPARE(rows.size(), 1);
    QVERIFY2(rows[0].isValid(), qPrintable(rows[0].error));
    QCOMPARE(rows[0].line, 2);
}

void TestTicketCsv::rules_data()
{
    QTest::addColumn<QStringList>("overrides");
    QTest::addColumn<QString>("reason");

    const QString channels = u"allowed: phone, weibo, wechat, web, petition, interview, walkin"_s;
    const QString types = u"allowed: consult, complaint, help, suggestion, report"_s;
    QTest::newRow("empty number") << QStringList{u"number="_s} << u"number is empty"_s;
    QTest::newRow("number with space") << QStringList{u"number=T 1"_s} << u"number “T 1” contains spaces or control characters"_s;
    QTest::newRow("unknown channel") << QStringList{u"channel=fax"_s} << u"unknown channel “fax”; "_s + channels;
    QTest::newRow("empty channel") << QStringList{u"channel="_s} << u"channel is empty; "_s + channels;
    QTest::newRow("channel is case-sensitive") << QStringList{u"channel=Phone"_s} << u"unknown channel “Phone”"_s;
    QTest::newRow("unknown type") << QStringList{u"type=question"_s} << u"unknown type “question”; "_s + types;
    QTest::newRow("empty type") << QStringList{u"type="_s} << u"type is empty; "_s + types;
    QTest::newRow("unknown satisfaction") << QStringList{u"satisfaction=happy"_s}
                                          << u"unknown satisfaction “happy”; allowed: satisfied, basic, unsatisfied or empty"_s;
    QTest::newRow("registered_at required") << QStringList{u"registered_at="_s} << u"registered_at is required"_s;
    QTest::newRow("instant without offset") << QStringList{u"registered_at=2024-03-01T09:00:00"_s}
                                            << u"registered_at “2024-03-01T09:00:00” has no UTC offset; add Z or one like +08:00"_s;
    QTest::newRow("not an instant") << QStringList{u"closed_at=yesterday"_s}
                                    << u"closed_at “yesterday” is not an ISO 8601 instant like 2024-03-01T09:15:00+08:00"_s;
    QTest::newRow("date only") << QStringList{u"replied_at=2024-03-04"_s} << u"replied_at “2024-03-04” is not an ISO 8601 instant"_s;
    QTest::newRow("bad month") << QStringList{u"dispatched_at=2024-13-01T09:30:00+08:00"_s}
                               << u"dispatched_at “2024-13-01T09:30:00+08:00” is not a real calendar date"_s;
    QTest::newRow("29 February 2023") << QStringList{u"registered_at=2023-02-29T09:00:00+08:00"_s}
                                      << u"registered_at “2023-02-29T09:00:00+08:00” is not a real calendar date"_s;
    QTest::newRow("hour 24") << QStringList{u"closed_at=2024-03-05T24:00:00+08:00"_s} << u"closed_at “2024-03-05T24:00:00+08:00” is not a valid time of day"_s;
    QTest::newRow("offset 19h") << QStringList{u"closed_at=2024-03-05T10:00:00+19:00"_s} << u"has an impossible UTC offset"_s;
    QTest::newRow("dispatched before registered")
        << QStringList{u"dispatched_at=2024-03-01T08:59:59+08:00"_s}
        << u"dispatched_at (2024-03-01T08:59:59+08:00) is before registered_at (2024-03-01T09:00:00+08:00)"_s;
    QTest::newRow("offsets are compared as instants")
        << QStringList{u"dispatched_at=2024-03-01T00:59:00Z"_s} << u"dispatched_at (2024-03-01T00:59:00Z) is before registered_at"_s;
    QTest::newRow("complaint replied without dispatch")
        << QStringList{u"dispatched_at="_s, u"department="_s}
        << u"replied_at is set but dispatched_at is empty: only a consultation can be answered at intake"_s;
    QTest::newRow("intake answer before registration")
        << QStringList{u"type=consult"_s, u"dispatched_at="_s, u"department="_s, u"replied_at=2024-03-01T08:00:00+08:00"_s}
        << u"replied_at (2024-03-01T08:00:00+08:00) is before registered_at (2024-03-01T09:00:00+08:00)"_s;
    QTest::newRow("control character in a name")
        << QStringList{u"caller_name=张\x1B三"_s}
        << u"caller_name “张\\u001B三” contains the invisible or control character U+001B"_s;
    QTest::newRow("zero-width space in a town")
        << QStringList{u"town=桂\u200B城"_s}
        << u"town “桂\\u200B城” contains the invisible or control character U+200B"_s;
    QTest::newRow("bidi override in a department")
        << QStringList{u"department=城管\u202E局"_s}
        << u"department “城管\\u202E局” contains the invisible or control character U+202E"_s;
    QTest::newRow("reply before dispatch")
        << QStringList{u"replied_at=2024-03-01T09:29:00+08:00"_s}
        << u"replied_at (2024-03-01T09:29:00+08:00) is before dispatched_at (2024-03-01T09:30:00+08:00)"_s;
    QTest::newRow("closed before registered (intake)")
        << QStringList{u"dispatched_at="_s, u"replied_at="_s, u"department="_s, u"closed_at=2024-03-01T08:00:00+08:00"_s}
        << u"closed_at (2024-03-01T08:00:00+08:00) is before registered_at (2024-03-01T09:00:00+08:00)"_s;
    QTest::newRow("closed before replied")
        << QStringList{u"closed_at=2024-03-04T09:59:00+08:00"_s}
        << u"closed_at (2024-03-04T09:59:00+08:00) is before replied_at (2024-03-04T10:00:00+08:00)"_s;
    QTest::newRow("department required")
        << QStringList{u"department="_s} << u"department is required because dispatched_at is set"_s;
    QTest::newRow("department must be empty")
        << QStringList{u"dispatched_at="_s, u"replied_at="_s}
        << u"department must be empty because dispatched_at is empty"_s;
    QTest::newRow("satisfaction without closed_at")
        << QStringList{u"closed_at="_s} << u"satisfaction is only allowed with closed_at"_s;
    QTest::newRow("invalid phone") << QStringList{u"caller_phone=1381234567"_s}
                                   << u"caller_phone: “1381234567” is not a valid mobile number"_s;
    QTest::newRow("phone without area code") << QStringList{u"caller_phone=86280000"_s}
                                             << u"caller_phone: “86280000” has no area code"_s;
    QTest::newRow("service number as caller") << QStringList{u"caller_phone=12345"_s}
                                              << u"caller_phone: “12345” is a service number"_s;
}

void TestTicketCsv::rules()
{
    QFETCH(QStringList, overrides);
    QFETCH(QString, reason);
    const auto rows = readText(kHeader + u"\n"_s + rowWith(overrides));
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows[0].line, 2);
    QVERIFY2(!rows[0].isValid(), "the row should have been refused");
    QVERIFY2(rows[0].error.contains(reason), qPrintable(rows[0].error));
    // The reason is only the reason: the importer adds FILE:LINE.
    QVERIFY(!rows[0].error.contains(u"tickets.csv"_s));
}

void TestTicketCsv::severalProblemsInOneRow()
{
    const auto rows = readText(kHeader + u"\n"_s + rowWith({u"channel=fax"_s, u"caller_phone=123"_s, u"satisfaction=meh"_s}));
    QCOMPARE(rows.size(), 1);
    const QStringList parts = rows[0].error.split(u"; "_s);
    QVERIFY2(rows[0].error.contains(u"unknown channel “fax”"_s), qPrintable(rows[0].error));
    QVERIFY(rows[0].error.contains(u"caller_phone: “123”"_s));
    QVERIFY(rows[0].error.contains(u"unknown satisfaction “meh”"_s));
    QVERIFY(parts.size() >= 3);
}

void TestTicketCsv::duplicateNumbers()
{
    const auto rows = readText(kHeader + u"\n"_s + rowWith({u"number=A1"_s}) + rowWith({u"number=B2"_s})
                               + rowWith({u"number=A1"_s}) + rowWith({u"number=a1"_s}) + rowWith({u"number=A1"_s}));
    QCOMPARE(rows.size(), 5);
    QVERIFY(rows[0].isValid());
    QVERIFY(rows[1].isValid());
    QCOMPARE(rows[2].line, 4);
    QCOMPARE(rows[2].error, u"number “A1” already appears on line 2"_s);
    QVERIFY2(rows[3].isValid(), qPrintable(rows[3].error)); // numbers are case-sensitive
    QCOMPARE(rows[4].error, u"number “A1” already appears on line 2"_s);
}

void TestTicketCsv::readingGoesOnAfterBadRows()
{
    QString text = kHeader + u"\n"_s;
    text += rowWith({u"number=R1"_s});
    text += u"R2,phone,consult\n"_s;                                  // line 3: too few fields
    text += u"R3,\"bad\"quote,consult,,,,,,,2024-03-01T09:00:00Z,,,,\n"_s; // line 4: broken quoting
    text += rowWith({u"number=R4"_s, u"type=nope"_s});               // line 5
    text += rowWith({u"number=R5"_s});                               // line 6
    const auto rows = readText(text);
    QCOMPARE(rows.size(), 5);
    QVERIFY(rows[0].isValid());
    QCOMPARE(rows[1].line, 3);
    QCOMPARE(rows[1].error, u"expected 14 fields but found 3"_s);
    QCOMPARE(rows[2].line, 4);
    QVERIFY2(rows[2].error.contains(u"text after the closing quote"_s), qPrintable(rows[2].error));
    QCOMPARE(rows[3].line, 5);
    QVERIFY(rows[3].error.contains(u"unknown type “nope”"_s));
    QCOMPARE(rows[4].line, 6);
    QVERIFY(rows[4].isValid());
    QCOMPARE(rows[4].ticket.number, u"R5"_s);
}

void TestTicketCsv::columnsInAnyOrder()
{
    QStringList reversed = TicketCsvReader::columns();
    std::reverse(reversed.begin(), reversed.end());
    QStringList values;
    const auto t = validTicket();
    for (const QString &c : reversed)
        values << t.value(c);
    const auto rows = readText(u" "_s + reversed.join(u" , "_s) + u"\r\n"_s + values.join(u',') + u"\r\n"_s);
    QCOMPARE(rows.size(), 1);
    QVERIFY2(rows[0].isValid(), qPrintable(rows[0].error));
    QCOMPARE(rows[0].ticket.number, u"T1"_s);
    QCOMPARE(rows[0].ticket.department, u"南海区城管局"_s);
    QCOMPARE(rows[0].ticket.satisfaction, std::optional<Satisfaction>(Satisfaction::Satisfied));
}

void TestTicketCsv::headerProblems_data()
{
    QTest::addColumn<QString>("header");
    QTest::addColumn<QString>("reason");
    QString missing = kHeader;
    missing.remove(u",town"_s);
    QTest::newRow("missing") << missing << u"missing column(s) town"_s;
    QTest::newRow("unknown") << kHeader + u",notes"_s << u"unknown column(s) notes"_s;
    QTest::newRow("repeated") << kHeader + u",number"_s << u"repeated column(s) number"_s;
    QTest::newRow("capitalised") << QString(kHeader).replace(u"summary"_s, u"Summary"_s)
                                 << u"missing column(s) summary; unknown column(s) Summary"_s;
    QTest::newRow("data instead of header") << rowWith({}).trimmed() << u"missing column(s) number, channel"_s;
}

void TestTicketCsv::headerProblems()
{
    QFETCH(QString, header);
    QFETCH(QString, reason);
    // A bad header is one error at its line, and the rows after it are not read at all.
    const auto rows = readText(header + u"\n"_s + rowWith({}) + rowWith({u"number=T2"_s}));
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows[0].line, 1);
    QVERIFY2(rows[0].error.startsWith(u"bad header: "_s), qPrintable(rows[0].error));
    QVERIFY2(rows[0].error.contains(reason), qPrintable(rows[0].error));
    QVERIFY(rows[0].error.contains(u"the first line must name the columns "_s + kHeader));
}

void TestTicketCsv::emptyFileAndHeaderOnly()
{
    auto rows = readText(QString());
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows[0].line, 1);
    QVERIFY2(rows[0].error.contains(u"the file is empty; its first line must be the header number,channel,"_s),
             qPrintable(rows[0].error));
    rows = readText(kHeader + u"\r\n"_s);
    QVERIFY(rows.isEmpty());
}

void TestTicketCsv::missingFile()
{
    TicketCsvReader reader(u"/nonexistent/dir/tickets.csv"_s);
    QVERIFY(reader.openError().contains(u"cannot open /nonexistent/dir/tickets.csv"_s));
    TicketCsvRow row;
    QVERIFY(!reader.readRow(row));
}

void TestTicketCsv::overlongFields_data()
{
    QTest::addColumn<QString>("column");
    QTest::addColumn<int>("limit");
    QTest::newRow("number") << u"number"_s << int(TicketCsvLimits::Number);
    QTest::newRow("category") << u"category"_s << int(TicketCsvLimits::Category);
    QTest::newRow("town") << u"town"_s << int(TicketCsvLimits::Town);
    QTest::newRow("department") << u"department"_s << int(TicketCsvLimits::Department);
    QTest::newRow("caller_name") << u"caller_name"_s << int(TicketCsvLimits::CallerName);
    QTest::newRow("summary") << u"summary"_s << int(TicketCsvLimits::Summary);
}

void TestTicketCsv::overlongFields()
{
    QFETCH(QString, column);
    QFETCH(int, limit);
    QCOMPARE(TicketCsvLimits::Summary, 500);
    // Exactly at the limit is fine (Chinese characters count as one each) …
    auto rows = readText(kHeader + u"\n"_s + rowWith({column + u"="_s + QString(limit, u'南')}));
    QVERIFY2(rows[0].isValid(), qPrintable(rows[0].error));
    // … one more is not.
    rows = readText(kHeader + u"\n"_s + rowWith({column + u"="_s + QString(limit + 1, u'南')}));
    QVERIFY2(rows[0].error.contains(u"%1 is longer than %2 characters"_s.arg(column).arg(limit)), qPrintable(rows[0].error));
}

QTEST_GUILESS_MAIN(TestTicketCsv)
#include "tst_ticketcsv.moc"
