// DepartmentCsvReader: `name,code,duty_phones,head_phone` for `hotlinectl departments import`.

#include "io/DepartmentCsv.h"

#include "TestSupport.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace hotline;
using namespace Qt::StringLiterals;

namespace {

const QString kHeader = u"name,code,duty_phones,head_phone\n"_s;

QList<DepartmentCsvResult> readText(const QString &text)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"departments.csv"_s);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(text.toUtf8()) < 0)
        qFatal("cannot write the test file");
    f.close();
    DepartmentCsvReader reader(path);
    QList<DepartmentCsvResult> rows;
    DepartmentCsvResult row;
    while (reader.readRow(row))
        rows.append(row);
    return rows;
}

} // namespace

class TestDepartmentCsv : public QObject
{
    Q_OBJECT

private slots:
    void validFile();
    void rules_data();
    void rules();
    void duplicateCodesAndNames();
    void readingGoesOnAfterBadRows();
    void badHeader();
    void emptyFile();
    void fromDevice();
};

void TestDepartmentCsv::validFile()
{
    DepartmentCsvReader reader(hotline::test::testDataDir() + u"/csv/departments_valid.csv"_s);
    QVERIFY2(reader.openError().isEmpty(), qPrintable(reader.openError()));
    QList<DepartmentCsvResult> rows;
    DepartmentCsvResult row;
    while (reader.readRow(row)) {
        QVERIFY2(row.isValid(), qPrintable(u"line %1: %2"_s.arg(row.line).arg(row.error)));
        rows.append(row);
    }
    QCOMPARE(rows.size(), 4);
    QCOMPARE(rows[0].line, 2);
    QCOMPARE(rows[0].department.name, u"南海区城管局"_s);
    QCOMPARE(rows[0].department.code, u"NH-CG"_s);
    QCOMPARE(rows[0].department.dutyPhones, (QStringList{u"13800000001"_s, u"0757-86280000"_s}));
    QCOMPARE(rows[0].department.headPhone, u"13900000001"_s);
    // Spaces, +86, a full-width ； and a trailing separator.
    QCOMPARE(rows[1].department.dutyPhones, (QStringList{u"13800000002"_s, u"13800000003"_s}));
    QVERIFY(rows[1].department.headPhone.isEmpty());
    // No duty phone at all is allowed; a landline head phone with extension.
    QVERIFY(rows[2].department.dutyPhones.isEmpty());
    QCOMPARE(rows[2].department.headPhone, u"0757-86281111-8001"_s);
    // The same number written twice is kept once.
    QCOMPARE(rows[3].department.dutyPhones, QStringList{u"13800000004"_s});
    QCOMPARE(rows[3].line, 5);
}

void TestDepartmentCsv::rules_data()
{
    QTest::addColumn<QString>("row");
    QTest::addColumn<QString>("reason");
    QTest::newRow("empty name") << u",C1,13800000001,"_s << u"name is empty"_s;
    QTest::newRow("empty code") << u"城管局,,13800000001,"_s << u"code is empty"_s;
    QTest::newRow("code with space") << u"城管局,C 1,13800000001,"_s << u"code “C 1” contains spaces or control characters"_s;
    QTest::newRow("long code") << u"城管局,"_s + QString(33, u'C') + u",,"_s << u"code is longer than 32 characters"_s;
    QTest::newRow("long name") << QString(101, u'局') + u",C1,,"_s << u"name is longer than 100 characters"_s;
    QTest::newRow("bad duty phone") << u"城管局,C1,13800000001;1380000,"_s
                                    << u"duty_phones: “1380000” is not a valid mobile number: it has 7 digits"_s;
    QTest::newRow("duty phone without area code") << u"城管局,C1,86280000,"_s << u"duty_phones: “86280000” has no area code"_s;
    QTest::newRow("service number as duty phone") << u"城管局,C1,12345,"_s << u"duty_phones: “12345” is a service number"_s;
    QTest::newRow("comma-separated phones") << u"城管局,C1,\"13800000001,13800000002\","_s
                                            << u"duty_phones: “13800000001,13800000002” contains “,”"_s;
    QTest::newRow("bad head phone") << u"城管局,C1,,abc"_s << u"head_phone: “abc” contains “a”"_s;
    QTest::newRow("too many fields") << u"城管局,C1,,,extra"_s << u"expected 4 fields but found 5"_s;
    QString many;
    for (int i = 0; i < 21; ++i)
        many += u"138000001%1;"_s.arg(i, 2, 10, QLatin1Char('0'));
    QTest::newRow("too many duty phones") << u"城管局,C1,"_s + many + u","_s << u"duty_phones lists more than 20 numbers"_s;
}

void TestDepartmentCsv::rules()
{
    QFETCH(QString, row);
    QFETCH(QString, reason);
    const auto rows = readText(kHeader + row + u"\n"_s);
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows[0].line, 2);
    QVERIFY2(rows[0].error.contains(reason), qPrintable(rows[0].error));
}

void TestDepartmentCsv::duplicateCodesAndNames()
{
    const auto rows = readText(kHeader + u"城管局,NH-CG,,\n环保局,NH-HB,,\n交通局,nh-cg,,\n环保局,NH-X,,\n人社局,NH-RS,,\n"_s);
    QCOMPARE(rows.size(), 5);
    QVERIFY(rows[0].isValid());
    QVERIFY(rows[1].isValid());
    QCOMPARE(rows[2].error, u"code “nh-cg” already appears on line 2"_s); // codes ignore case
    QCOMPARE(rows[3].error, u"name “环保局” already appears on line 3"_s);
    QVERIFY(rows[4].isValid());
}

void TestDepartmentCsv::readingGoesOnAfterBadRows()
{
    const auto rows = readText(kHeader + u"A,1,bad,\nB,2,\"x\"y,\n\nC,3,13800000001,\n"_s);
    QCOMPARE(rows.size(), 3);
    QVERIFY(rows[0].error.startsWith(u"duty_phones: “bad”"_s));
    QCOMPARE(rows[1].line, 3);
    QVERIFY(rows[1].error.contains(u"text after the closing quote"_s));
    QCOMPARE(rows[2].line, 5);
    QVERIFY(rows[2].isValid());
    QCOMPARE(rows[2].department.code, u"3"_s);
}

void TestDepartmentCsv::badHeader()
{
    const auto rows = readText(u"name,code,phones\nA,1,13800000001\n"_s);
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows[0].line, 1);
    QVERIFY2(rows[0].error.contains(u"missing column(s) duty_phones, head_phone; unknown column(s) phones"_s),
             qPrintable(rows[0].error));
    QVERIFY(rows[0].error.contains(u"name,code,duty_phones,head_phone"_s));
}

void TestDepartmentCsv::emptyFile()
{
    const auto rows = readText(QString());
    QCOMPARE(rows.size(), 1);
    QVERIFY(rows[0].error.contains(u"the file is empty"_s));
}

void TestDepartmentCsv::fromDevice()
{
    QTemporaryDir dir;
    QFile f(dir.filePath(u"d.csv"_s));
    QVERIFY(f.open(QIODevice::ReadWrite));
    f.write((u"code,name,head_phone,duty_phones\r\nNH-1,里水镇,,0757-8628 0000\r\n"_s).toUtf8());
    QVERIFY(f.seek(0));
    DepartmentCsvReader reader(&f);
    DepartmentCsvResult row;
    QVERIFY(reader.readRow(row));
    QVERIFY2(row.isValid(), qPrintable(row.error));
    QCOMPARE(row.department.name, u"里水镇"_s);
    QCOMPARE(row.department.dutyPhones, QStringList{u"0757-86280000"_s});
    QVERIFY(!reader.readRow(row));
}

QTEST_GUILESS_MAIN(TestDepartmentCsv)
#include "tst_departmentcsv.moc"
