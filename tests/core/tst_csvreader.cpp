// CsvReader: RFC 4180 quoting, line numbers, line ends, BOM, broken records and streaming.

#include "io/CsvReader.h"

#include "TestSupport.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <cstring>

using namespace hotline;
using namespace Qt::StringLiterals;

namespace {

/** A record as the tests compare it. */
struct Rec
{
    qint64 line = 0;
    QStringList fields;
    QString error;
};

QString describe(const QList<Rec> &recs)
{
    QStringList out;
    for (const Rec &r : recs)
        out << u"%1:[%2]%3"_s.arg(r.line).arg(r.fields.join(u'|'), r.error.isEmpty() ? QString() : u" ERR "_s + r.error);
    return out.join(u"\n");
}

/** Writes bytes to a real file and reads every record back with the given chunk size. */
QList<Rec> readBytes(const QByteArray &bytes, qsizetype chunk = 1 << 20, qsizetype maxRecordBytes = 0)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"in.csv"_s);
    QFile out(path);
    if (!out.open(QIODevice::WriteOnly) || out.write(bytes) != bytes.size())
        qFatal("cannot write the test file");
    out.close();
    QFile in(path);
    if (!in.open(QIODevice::ReadOnly))
        qFatal("cannot read the test file");
    CsvReader reader(&in, chunk);
    if (maxRecordBytes > 0)
        reader.setMaxRecordBytes(maxRecordBytes);
    QList<Rec> recs;
    CsvRecord rec; // reused on purpose: that is how the importers use it
    while (reader.readRecord(rec))
        recs.append(Rec{rec.line, rec.fields(), rec.error});
    return recs;
}

/** A device that delivers some bytes and then fails, like a disk or network share going away. */
class FailingDevice final : public QIODevice
{
public:
    explicit FailingDevice(QByteArray first) : m_first(std::move(first)) {}

protected:
    qint64 readData(char *data, qint64 max) override
    {
        if (m_first.isEmpty()) {
            setErrorString(u"disk on fire"_s);
            return -1;
        }
        const qint64 n = qMin(max, qint64(m_first.size()));
        std::memcpy(data, m_first.constData(), size_t(n));
        m_first.remove(0, n);
        return n;
    }
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    QByteArray m_first;
};

} // namespace

class TestCsvReader : public QObject
{
    Q_OBJECT

private slots:
    void simpleRecords();
    void quotedFields();
    void multiLineFieldsKeepStartingLine();
    void crlfAndLf();
    void byteOrderMark();
    void lastLineWithoutNewline();
    void blankLinesAreSkipped();
    void emptyFields();
    void loneCarriageReturnIsData();
    void quoteInsideUnquotedField();
    void textAfterClosingQuote();
    void errorDeepInMultiLineRecordNamesItsLine();
    void unterminatedQuoteAtEndOfFile();
    void invalidUtf8_data();
    void invalidUtf8();
    void validMultiByteText();
    void oversizedRecord();
    void chunkBoundaries_data();
    void chunkBoundaries();
    void emptyInput();
    void readErrorIsReported();
    void fileFromTestData();
    void largeFileStreams();
};

void TestCsvReader::simpleRecords()
{
    const auto recs = readBytes("a,b,c\n1,2,3\n");
    QCOMPARE(recs.size(), 2);
    QCOMPARE(recs[0].line, 1);
    QCOMPARE(recs[0].fields, (QStringList{u"a"_s, u"b"_s, u"c"_s}));
    QCOMPARE(recs[1].line, 2);
    QCOMPARE(recs[1].fields, (QStringList{u"1"_s, u"2"_s, u"3"_s}));
    QVERIFY(recs[1].error.isEmpty());
}

void TestCsvReader::quotedFields()
{
    const auto recs = readBytes("\"a,b\",\"say \"\"hi\"\"\",\"\",\"\"\"\",plain\n");
    QCOMPARE(recs.size(), 1);
    QVERIFY2(recs[0].error.isEmpty(), qPrintable(recs[0].error));
    QCOMPARE(recs[0].fields, (QStringList{u"a,b"_s, u"say \"hi\""_s, QString(), u"\""_s, u"plain"_s}));
}

void TestCsvReader::multiLineFieldsKeepStartingLine()
{
    const auto recs = readBytes("h1,h2\na,\"first\nsecond\nthird\"\n\"x\n\",y\nlast,1\n");
    QCOMPARE(recs.size(), 4);
    QCOMPARE(recs[1].line, 2);
    QCOMPARE(recs[1].fields, (QStringList{u"a"_s, u"first\nsecond\nthird"_s}));
    QCOMPARE(recs[2].line, 5);
    QCOMPARE(recs[2].fields, (QStringList{u"x\n"_s, u"y"_s}));
    QCOMPARE(recs[3].line, 7);
    QCOMPARE(recs[3].fields, (QStringList{u"last"_s, u"1"_s}));
}

void TestCsvReader::crlfAndLf()
{
    const auto recs = readBytes("a,b\r\n\"q\r\nr\",c\r\nd,e\nf,\"g\"\r\n");
    QCOMPARE(recs.size(), 4);
    QCOMPARE(recs[0].fields, (QStringList{u"a"_s, u"b"_s}));
    QCOMPARE(recs[1].fields, (QStringList{u"q\r\nr"_s, u"c"_s})); // inside quotes the line break is data
    QCOMPARE(recs[2].line, 4);
    QCOMPARE(recs[2].fields, (QStringList{u"d"_s, u"e"_s}));
    QCOMPARE(recs[3].line, 5);
    QCOMPARE(recs[3].fields, (QStringList{u"f"_s, u"g"_s}));
}

void TestCsvReader::byteOrderMark()
{
    const auto recs = readBytes("\xEF\xBB\xBFnumber,name\n\xEF\xBB\xBFx,y\n");
    QCOMPARE(recs.size(), 2);
    QCOMPARE(recs[0].line, 1);
    QCOMPARE(recs[0].fields.first(), u"number"_s);
    // Only a mark at the very start is one; later it is ordinary (if odd) text.
    QCOMPARE(recs[1].fields.first(), u"\uFEFFx"_s);
}

void TestCsvReader::lastLineWithoutNewline()
{
    auto recs = readBytes("a,b\nc,d");
    QCOMPARE(recs.size(), 2);
    QCOMPARE(recs[1].fields, (QStringList{u"c"_s, u"d"_s}));
    recs = readBytes("a,\"b\"");
    QCOMPARE(recs.size(), 1);
    QVERIFY(recs[0].error.isEmpty());
    QCOMPARE(recs[0].fields, (QStringList{u"a"_s, u"b"_s}));
    recs = readBytes("a,");
    QCOMPARE(recs[0].fields, (QStringList{u"a"_s, QString()}));
}

void TestCsvReader::blankLinesAreSkipped()
{
    const auto recs = readBytes("a\n\n\r\n\nb\n\n");
    QCOMPARE(recs.size(), 2);
    QCOMPARE(recs[0].line, 1);
    QCOMPARE(recs[1].line, 5);
    QCOMPARE(recs[1].fields, QStringList{u"b"_s});
}

void TestCsvReader::emptyFields()
{
    const auto recs = readBytes(",,\n\"\",x,\n");
    QCOMPARE(recs.size(), 2);
    QCOMPARE(recs[0].fields, (QStringList{QString(), QString(), QString()}));
    QCOMPARE(recs[1].fields, (QStringList{QString(), u"x"_s, QString()}));
}

void TestCsvReader::loneCarriageReturnIsData()
{
    const auto recs = readBytes("a\rb,c\n");
    QCOMPARE(recs.size(), 1);
    QCOMPARE(recs[0].fields, (QStringList{u"a\rb"_s, u"c"_s}));
}

void TestCsvReader::quoteInsideUnquotedField()
{
    const auto recs = readBytes("ok,1\nab\"c,d\nnext,2\n");
    QCOMPARE(recs.size(), 3);
    QCOMPARE(recs[1].line, 2);
    QVERIFY(recs[1].error.contains(u"field 1"_s));
    QVERIFY2(recs[1].error.contains(u"quote inside a field that does not start with a quote"_s), qPrintable(recs[1].error));
    QVERIFY(recs[1].fields.isEmpty());
    // Reading goes on with the next line.
    QCOMPARE(recs[2].line, 3);
    QVERIFY(recs[2].error.isEmpty());
    QCOMPARE(recs[2].fields, (QStringList{u"next"_s, u"2"_s}));
}

void TestCsvReader::textAfterClosingQuote()
{
    const auto recs = readBytes("x,\"ab\"c,d\nnext,2\n");
    QCOMPARE(recs.size(), 2);
    QVERIFY2(recs[0].error.contains(u"field 2: text after the closing quote"_s), qPrintable(recs[0].error));
    QCOMPARE(recs[1].line, 2);
    QCOMPARE(recs[1].fields, (QStringList{u"next"_s, u"2"_s}));
}

void TestCsvReader::errorDeepInMultiLineRecordNamesItsLine()
{
    const auto recs = readBytes("\"a\nb\nc\"x,y\nnext,2\n");
    QCOMPARE(recs.size(), 2);
    QCOMPARE(recs[0].line, 1);
    QVERIFY2(recs[0].error.contains(u"(line 3)"_s), qPrintable(recs[0].error));
    QCOMPARE(recs[1].line, 4);
    QVERIFY(recs[1].error.isEmpty());
}

void TestCsvReader::unterminatedQuoteAtEndOfFile()
{
    const auto recs = readBytes("a,b\nc,\"never closed\nd,e\n");
    QCOMPARE(recs.size(), 2);
    QVERIFY(recs[0].error.isEmpty());
    QCOMPARE(recs[1].line, 2);
    QVERIFY2(recs[1].error.contains(u"field 2: the quoted field opened on line 2 is never closed"_s),
             qPrintable(recs[1].error));
}

void TestCsvReader::invalidUtf8_data()
{
    QTest::addColumn<QByteArray>("bad");
    QTest::newRow("overlong two-byte slash") << QByteArray("\xC0\xAF");
    QTest::newRow("overlong three-byte") << QByteArray("\xE0\x80\xAF");
    QTest::newRow("overlong four-byte") << QByteArray("\xF0\x80\x80\xAF");
    QTest::newRow("lone continuation byte") << QByteArray("ab\x80");
    QTest::newRow("truncated three-byte") << QByteArray("\xE4\xB8");
    QTest::newRow("truncated four-byte") << QByteArray("\xF0\x9F\x98");
    QTest::newRow("lead without continuation") << QByteArray("\xE4x\xAD");
    QTest::newRow("UTF-16 surrogate") << QByteArray("\xED\xA0\x80");
    QTest::newRow("above U+10FFFF") << QByteArray("\xF4\x90\x80\x80");
    QTest::newRow("byte FF") << QByteArray("\xFF");
    QTest::newRow("Latin-1 text") << QByteArray("caf\xE9");
    QTest::newRow("GBK text") << QByteArray("\xC4\xCF\xBA\xA3"); // 南海 in GBK
}

void TestCsvReader::invalidUtf8()
{
    QFETCH(QByteArray, bad);
    const auto recs = readBytes("ok,1\nx," + bad + ",z\nnext,2\n");
    QCOMPARE(recs.size(), 3);
    QVERIFY(recs[0].error.isEmpty());
    QCOMPARE(recs[1].line, 2);
    QVERIFY2(recs[1].error.contains(u"field 2 is not valid UTF-8"_s), qPrintable(recs[1].error));
    QVERIFY(recs[1].fields.isEmpty());
    QVERIFY(recs[2].error.isEmpty());
    QCOMPARE(recs[2].fields, (QStringList{u"next"_s, u"2"_s}));

    // A bad sequence cut off by the end of the file is caught too.
    const auto atEnd = readBytes("x," + bad);
    QCOMPARE(atEnd.size(), 1);
    QVERIFY2(atEnd[0].error.contains(u"not valid UTF-8"_s), qPrintable(atEnd[0].error));
}

void TestCsvReader::validMultiByteText()
{
    // Two-, three- and four-byte sequences at their boundaries are all fine.
    const auto recs = readBytes("\xC2\x80,\xDF\xBF,\xE0\xA0\x80,\xEF\xBF\xBF,\xF0\x90\x80\x80,\xF4\x8F\xBF\xBF,"
                                "\xE5\x8D\x97\xE6\xB5\xB7 \xF0\x9F\x98\x80\n");
    QCOMPARE(recs.size(), 1);
    QVERIFY2(recs[0].error.isEmpty(), qPrintable(recs[0].error));
    const QStringList f = recs[0].fields;
    QCOMPARE(f[0], QString(QChar(0x80)));
    QCOMPARE(f[1], QString(QChar(0x7FF)));
    QCOMPARE(f[2], QString(QChar(0x800)));
    QCOMPARE(f[3], QString(QChar(0xFFFF)));
    QCOMPARE(f[4], QString::fromUcs4(U"\U00010000", 1));
    QCOMPARE(f[5], QString::fromUcs4(U"\U0010FFFF", 1));
    QCOMPARE(f[6], u"南海 😀"_s);
}

void TestCsvReader::oversizedRecord()
{
    // A record over the limit ends the reading: an endless line (a binary file, /dev/zero) must not be read on.
    const auto recs = readBytes("short,1\n" + QByteArray(100, 'x') + ",\"" + QByteArray(50, 'y') + "\"\nnext,2\n", 7, 64);
    QCOMPARE(recs.size(), 2);
    QVERIFY(recs[0].error.isEmpty());
    QCOMPARE(recs[1].line, 2);
    QVERIFY2(recs[1].error.contains(u"longer than 64 bytes; reading stopped"_s), qPrintable(recs[1].error));
}

void TestCsvReader::chunkBoundaries_data()
{
    QTest::addColumn<qsizetype>("chunk");
    for (qsizetype chunk : {1, 2, 3, 4, 5, 7, 13, 64})
        QTest::addRow("chunk %lld", qlonglong(chunk)) << chunk;
}

void TestCsvReader::chunkBoundaries()
{
    // Every construct split at every possible place must read the same as in one piece.
    QFETCH(qsizetype, chunk);
    const QByteArray bytes = "\xEF\xBB\xBF"
                             "n,\"a \"\"q\"\", b\"\r\n"
                             "\xE5\x8D\x97\xE6\xB5\xB7,\"line1\r\nline2\"\r\n"
                             "\r\n"
                             "bad\"q,x\r\n"
                             "\xF0\x9F\x98\x80,\"\"\r\n"
                             "x,\"y\"z\n"
                             "u,\xC0\xAF\n"
                             "last,\"end\"";
    const auto expected = readBytes(bytes);
    QCOMPARE(expected.size(), 7);
    QCOMPARE(expected[0].fields, (QStringList{u"n"_s, u"a \"q\", b"_s}));
    QCOMPARE(expected[1].fields, (QStringList{u"南海"_s, u"line1\r\nline2"_s}));
    QCOMPARE(expected[2].line, 5);
    QVERIFY(!expected[2].error.isEmpty());
    QCOMPARE(expected[3].fields, (QStringList{u"😀"_s, QString()}));
    QVERIFY(!expected[4].error.isEmpty());
    QVERIFY(!expected[5].error.isEmpty());
    QCOMPARE(expected[6].line, 9);
    QCOMPARE(expected[6].fields, (QStringList{u"last"_s, u"end"_s}));
    QCOMPARE(describe(readBytes(bytes, chunk)), describe(expected));
}

void TestCsvReader::emptyInput()
{
    QVERIFY(readBytes({}).isEmpty());
    QVERIFY(readBytes("\xEF\xBB\xBF").isEmpty());
    QVERIFY(readBytes("\n\r\n").isEmpty());
}

void TestCsvReader::readErrorIsReported()
{
    FailingDevice device("a,b\nc,");
    QVERIFY(device.open(QIODevice::ReadOnly | QIODevice::Unbuffered));
    CsvReader reader(&device, 64);
    CsvRecord rec;
    QVERIFY(reader.readRecord(rec));
    QVERIFY(rec.isValid());
    QCOMPARE(rec.fields(), (QStringList{u"a"_s, u"b"_s}));
    // The record cut short by the failure is not passed off as complete.
    QVERIFY(reader.readRecord(rec));
    QCOMPARE(rec.line, 2);
    QCOMPARE(rec.error, u"could not read the input: disk on fire"_s);
    QCOMPARE(reader.ioError(), u"disk on fire"_s);
    QVERIFY(!reader.readRecord(rec));
}

void TestCsvReader::fileFromTestData()
{
    QFile f(hotline::test::testDataDir() + u"/csv/reader_edge_cases.csv"_s);
    QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable(f.fileName()));
    CsvReader reader(&f);
    CsvRecord rec;
    QList<Rec> recs;
    while (reader.readRecord(rec))
        recs.append(Rec{rec.line, rec.fields(), rec.error});
    QCOMPARE(recs.size(), 4);
    QCOMPARE(recs[0].fields, (QStringList{u"name"_s, u"note"_s}));
    QCOMPARE(recs[1].line, 2);
    QCOMPARE(recs[1].fields, (QStringList{u"南海区城管局"_s, u"夜间施工,噪音扰民"_s}));
    QCOMPARE(recs[2].line, 3);
    QCOMPARE(recs[2].fields, (QStringList{u"桂城街道"_s, u"市民说：\"路灯不亮\"\r\n第二行"_s}));
    QCOMPARE(recs[3].line, 5);
    QCOMPARE(recs[3].fields, (QStringList{u"九江镇"_s, QString()}));
}

void TestCsvReader::largeFileStreams()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"big.csv"_s);
    constexpr int rows = 200000;
    {
        QFile out(path);
        QVERIFY(out.open(QIODevice::WriteOnly));
        QByteArray chunk;
        for (int i = 1; i <= rows; ++i) {
            chunk += "T" + QByteArray::number(i) + ",\"市民反映, \"\"噪音\"\"\nsecond line\",2024-03-01T09:15:00+08:00\r\n";
            if (chunk.size() > (1 << 16)) {
                out.write(chunk);
                chunk.clear();
            }
        }
        out.write(chunk);
    }
    QFile in(path);
    QVERIFY(in.open(QIODevice::ReadOnly));
    const qsizetype chunkSize = 1 << 16;
    CsvReader reader(&in, chunkSize);
    CsvRecord rec;
    qint64 count = 0;
    qint64 maxRead = 0;
    while (reader.readRecord(rec)) {
        ++count;
        QVERIFY2(rec.isValid(), qPrintable(rec.error));
        QCOMPARE(rec.fieldCount(), 3);
        QCOMPARE(rec.line, 2 * count - 1);
        if (count == 1)
            maxRead = in.pos();
        if (count == rows) {
            QCOMPARE(rec.field(0).toString(), u"T200000"_s);
            QCOMPARE(rec.field(1).toString(), u"市民反映, \"噪音\"\nsecond line"_s);
        }
    }
    QCOMPARE(count, rows);
    // It streamed: after the first record only about one chunk had been read of a file many times larger.
    QVERIFY(in.size() > 50 * chunkSize);
    QVERIFY2(maxRead <= 2 * chunkSize, qPrintable(QString::number(maxRead)));
    QCOMPARE(reader.bytesConsumed(), in.size());
}

QTEST_GUILESS_MAIN(TestCsvReader)
#include "tst_csvreader.moc"
