// UniqueKeyIndex: the duplicate detector of the CSV imports (ticket numbers, department codes).

#include "io/UniqueKeyIndex.h"

#include <QTest>

using namespace hotline;
using namespace Qt::StringLiterals;

class TestCsvUniqueKeys : public QObject
{
    Q_OBJECT

private slots:
    void firstLineIsRemembered();
    void manyKeysThroughGrowth();
    void clear();
};

void TestCsvUniqueKeys::firstLineIsRemembered()
{
    UniqueKeyIndex index;
    QCOMPARE(index.insert(u"A1", 2), 0);
    QCOMPARE(index.insert(u"B1", 3), 0);
    QCOMPARE(index.insert(u"A1", 7), 2);
    QCOMPARE(index.insert(u"A1", 9), 2); // still the first line
    QCOMPARE(index.insert(u"a1", 10), 0); // exact comparison
    QCOMPARE(index.insert(u"", 11), 0);
    QCOMPARE(index.insert(u"", 12), 11);
    QCOMPARE(index.insert(u"南海", 13), 0);
    QCOMPARE(index.insert(u"南海", 14), 13);
    QCOMPARE(index.size(), 5);
}

void TestCsvUniqueKeys::manyKeysThroughGrowth()
{
    UniqueKeyIndex index;
    constexpr int n = 300000;
    for (int i = 0; i < n; ++i)
        QCOMPARE(index.insert(u"NH%1"_s.arg(i), i + 2), 0);
    QCOMPARE(index.size(), n);
    for (int i = 0; i < n; i += 997)
        QCOMPARE(index.insert(u"NH%1"_s.arg(i), n + 10), i + 2);
    QCOMPARE(index.insert(u"NH%1"_s.arg(n), 1), 0);
}

void TestCsvUniqueKeys::clear()
{
    UniqueKeyIndex index;
    index.insert(u"x", 5);
    index.clear();
    QCOMPARE(index.size(), 0);
    QCOMPARE(index.insert(u"x", 6), 0);
}

QTEST_GUILESS_MAIN(TestCsvUniqueKeys)
#include "tst_csvuniquekeys.moc"
