// CsvWriter: quoting rules, BOM, line ends, and a round trip through CsvReader.

#include "io/CsvReader.h"
#include "io/CsvWriter.h"

#include <QBuffer>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace hotline;
using namespace Qt::StringLiterals;

class TestCsvWriter : public QObject
{
    Q_OBJECT

private slots:
    void escape_data();
    void escape();
    void toString();
    void toDeviceWithBom();
    void roundTrip();
    void writeErrorIsReported();
};

void TestCsvWriter::escape_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("written");
    QTest::newRow("plain") << u"abc"_s << u"abc"_s;
    QTest::newRow("empty") << QString() << QString();
    QTest::newRow("chinese") << u"南海区"_s << u"南海区"_s;
    QTest::newRow("comma") << u"a,b"_s << u"\"a,b\""_s;
    QTest::newRow("quote") << u"say \"hi\""_s << u"\"say \"\"hi\"\"\""_s;
    QTest::newRow("newline") << u"a\nb"_s << u"\"a\nb\""_s;
    QTest::newRow("carriage return") << u"a\rb"_s << u"\"a\rb\""_s;
    QTest::newRow("leading space") << u" a"_s << u"\" a\""_s;
    QTest::newRow("trailing space") << u"a "_s << u"\"a \""_s;
    QTest::newRow("inner space") << u"a b"_s << u"a b"_s;
}

void TestCsvWriter::escape()
{
    QFETCH(QString, field);
    QFETCH(QString, written);
    QCOMPARE(CsvWriter::escape(field), written);
    QCOMPARE(CsvWriter::needsQuotes(field), written != field);
}

void TestCsvWriter::toString()
{
    QString out;
    {
        CsvWriter w(&out);
        w.writeRow({u"department", u"rate"});
        w.writeField(u"城管局, 南海");
        w.writeField(u"95.76");
        w.endRow();
        w.writeRow(QStringList{QString()}); // a lone empty field must not become a blank line
    }
    QCOMPARE(out, u"department,rate\r\n\"城管局, 南海\",95.76\r\n\"\"\r\n"_s);

    QString lf;
    CsvWriter(&lf, CsvWriter::LineEnding::Lf).writeRow({u"a", u""});
    QCOMPARE(lf, u"a,\n"_s);
}

void TestCsvWriter::toDeviceWithBom()
{
    QBuffer buffer;
    QVERIFY(buffer.open(QIODevice::WriteOnly));
    CsvWriter w(&buffer);
    w.writeBom();
    w.writeRow({u"名称", u"x"});
    QVERIFY(w.flush());
    QVERIFY(!w.hasError());
    QCOMPARE(buffer.data(), QByteArray("\xEF\xBB\xBF\xE5\x90\x8D\xE7\xA7\xB0,x\r\n"));
}

void TestCsvWriter::roundTrip()
{
    const QList<QStringList> rows{
        {u"a"_s, u"b,c"_s, u"\"q\""_s},
        {u"多行\r\n文本"_s, QString(), u" padded "_s},
        {QString()},
        {u"😀"_s, u"end"_s, u"x\ny"_s},
    };
    QTemporaryDir dir;
    QFile f(dir.filePath(u"out.csv"_s));
    QVERIFY(f.open(QIODevice::WriteOnly));
    {
        CsvWriter w(&f);
        w.writeBom();
        // Enough rows to pass the internal buffer several times.
        for (int i = 0; i < 5000; ++i) {
            for (const QStringList &r : rows)
                w.writeRow(r);
        }
    }
    f.close();
    QVERIFY(f.open(QIODevice::ReadOnly));
    CsvReader reader(&f);
    CsvRecord rec;
    int n = 0;
    while (reader.readRecord(rec)) {
        QVERIFY2(rec.isValid(), qPrintable(rec.error));
        QCOMPARE(rec.fields(), rows[n % rows.size()]);
        ++n;
    }
    QCOMPARE(n, 5000 * rows.size());
}

void TestCsvWriter::writeErrorIsReported()
{
    QBuffer readOnly;
    QVERIFY(readOnly.open(QIODevice::ReadOnly));
    CsvWriter w(&readOnly);
    w.writeRow({u"a"});
    QVERIFY(!w.flush());
    QVERIFY(w.hasError());
    QVERIFY(w.errorString().contains(u"could not write the CSV"_s));
}

QTEST_GUILESS_MAIN(TestCsvWriter)
#include "tst_csvwriter.moc"
