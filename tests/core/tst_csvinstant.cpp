// parseIsoInstantMs: the fast ISO 8601 instant parser of the CSV imports, checked against QDateTime.

#include "io/IsoInstant.h"

#include <QDateTime>
#include <QRandomGenerator>
#include <QTest>
#include <QTimeZone>

using namespace hotline;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(hotline::IsoInstantError)

class TestCsvInstant : public QObject
{
    Q_OBJECT

private slots:
    void valid_data();
    void valid();
    void invalid_data();
    void invalid();
    void agreesWithQDateTime();
    void daysFromCivilKnownDates();
};

void TestCsvInstant::valid_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("utc"); // as QDateTime parses it, in UTC
    QTest::newRow("Z") << u"2024-03-01T09:15:00Z"_s << u"2024-03-01T09:15:00.000"_s;
    QTest::newRow("lower-case z and t") << u"2024-03-01t09:15:00z"_s << u"2024-03-01T09:15:00.000"_s;
    QTest::newRow("+08:00") << u"2024-03-01T09:15:00+08:00"_s << u"2024-03-01T01:15:00.000"_s;
    QTest::newRow("+0800") << u"2024-03-01T09:15:00+0800"_s << u"2024-03-01T01:15:00.000"_s;
    QTest::newRow("+08") << u"2024-03-01T09:15:00+08"_s << u"2024-03-01T01:15:00.000"_s;
    QTest::newRow("-05:30") << u"2024-03-01T09:15:00-05:30"_s << u"2024-03-01T14:45:00.000"_s;
    QTest::newRow("space") << u"2024-03-01 09:15:00+08:00"_s << u"2024-03-01T01:15:00.000"_s;
    QTest::newRow("no seconds") << u"2024-03-01T09:15+08:00"_s << u"2024-03-01T01:15:00.000"_s;
    QTest::newRow("milliseconds") << u"2024-03-01T09:15:00.123Z"_s << u"2024-03-01T09:15:00.123"_s;
    QTest::newRow("one fraction digit") << u"2024-03-01T09:15:00.5Z"_s << u"2024-03-01T09:15:00.500"_s;
    QTest::newRow("nanoseconds truncated") << u"2024-03-01T09:15:00,987654321Z"_s << u"2024-03-01T09:15:00.987"_s;
    QTest::newRow("crosses midnight") << u"2024-03-01T03:00:00+08:00"_s << u"2024-02-29T19:00:00.000"_s;
    QTest::newRow("leap day") << u"2000-02-29T00:00:00Z"_s << u"2000-02-29T00:00:00.000"_s;
    QTest::newRow("before 1970") << u"1969-12-31T23:59:59Z"_s << u"1969-12-31T23:59:59.000"_s;
}

void TestCsvInstant::valid()
{
    QFETCH(QString, text);
    QFETCH(QString, utc);
    IsoInstantError error = IsoInstantError::Malformed;
    const auto ms = parseIsoInstantMs(text, &error);
    QVERIFY(ms.has_value());
    QCOMPARE(error, IsoInstantError::None);
    QDateTime expected = QDateTime::fromString(utc, Qt::ISODateWithMs);
    expected.setTimeZone(QTimeZone::utc());
    QCOMPARE(*ms, expected.toMSecsSinceEpoch());
}

void TestCsvInstant::invalid_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<IsoInstantError>("error");
    QTest::newRow("empty") << QString() << IsoInstantError::Malformed;
    QTest::newRow("date only") << u"2024-03-01"_s << IsoInstantError::Malformed;
    QTest::newRow("no offset") << u"2024-03-01T09:15:00"_s << IsoInstantError::NoOffset;
    QTest::newRow("no offset, no seconds") << u"2024-03-01T09:15"_s << IsoInstantError::NoOffset;
    QTest::newRow("no offset, fraction") << u"2024-03-01T09:15:00.5"_s << IsoInstantError::NoOffset;
    QTest::newRow("slashes") << u"2024/03/01T09:15:00Z"_s << IsoInstantError::Malformed;
    QTest::newRow("short year") << u"24-03-01T09:15:00Z"_s << IsoInstantError::Malformed;
    QTest::newRow("one-digit month") << u"2024-3-01T09:15:00Z"_s << IsoInstantError::Malformed;
    QTest::newRow("trailing text") << u"2024-03-01T09:15:00Z!"_s << IsoInstantError::Malformed;
    QTest::newRow("empty fraction") << u"2024-03-01T09:15:00.Z"_s << IsoInstantError::Malformed;
    QTest::newRow("ten fraction digits") << u"2024-03-01T09:15:00.1234567890Z"_s << IsoInstantError::Malformed;
    QTest::newRow("offset one digit") << u"2024-03-01T09:15:00+8"_s << IsoInstantError::Malformed;
    QTest::newRow("offset three digits") << u"2024-03-01T09:15:00+080"_s << IsoInstantError::Malformed;
    QTest::newRow("full-width digits") << u"２０２４-03-01T09:15:00Z"_s << IsoInstantError::Malformed;
    QTest::newRow("month 13") << u"2024-13-01T09:15:00Z"_s << IsoInstantError::BadDate;
    QTest::newRow("month 0") << u"2024-00-01T09:15:00Z"_s << IsoInstantError::BadDate;
    QTest::newRow("day 0") << u"2024-03-00T09:15:00Z"_s << IsoInstantError::BadDate;
    QTest::newRow("31 April") << u"2024-04-31T09:15:00Z"_s << IsoInstantError::BadDate;
    QTest::newRow("29 Feb 1900") << u"1900-02-29T09:15:00Z"_s << IsoInstantError::BadDate;
    QTest::newRow("29 Feb 2023") << u"2023-02-29T09:15:00Z"_s << IsoInstantError::BadDate;
    QTest::newRow("year 0") << u"0000-01-01T00:00:00Z"_s << IsoInstantError::BadDate;
    QTest::newRow("hour 24") << u"2024-03-01T24:00:00Z"_s << IsoInstantError::BadTime;
    QTest::newRow("minute 60") << u"2024-03-01T09:60:00Z"_s << IsoInstantError::BadTime;
    QTest::newRow("leap second") << u"2016-12-31T23:59:60Z"_s << IsoInstantError::BadTime;
    QTest::newRow("offset +19") << u"2024-03-01T09:15:00+19:00"_s << IsoInstantError::BadOffset;
    QTest::newRow("offset minutes 60") << u"2024-03-01T09:15:00+08:60"_s << IsoInstantError::BadOffset;
}

void TestCsvInstant::invalid()
{
    QFETCH(QString, text);
    QFETCH(IsoInstantError, error);
    IsoInstantError got = IsoInstantError::None;
    QVERIFY(!parseIsoInstantMs(text, &got).has_value());
    QCOMPARE(got, error);
    QVERIFY(!parseIsoInstantMs(text).has_value());
}

void TestCsvInstant::agreesWithQDateTime()
{
    // Random instants over 1900–2100 with random whole-quarter-hour offsets, formatted by QDateTime.
    QRandomGenerator rng(20240301);
    const qint64 from = QDateTime(QDate(1900, 1, 1), QTime(0, 0), QTimeZone::utc()).toMSecsSinceEpoch();
    const qint64 to = QDateTime(QDate(2100, 12, 31), QTime(0, 0), QTimeZone::utc()).toMSecsSinceEpoch();
    for (int i = 0; i < 20000; ++i) {
        const qint64 ms = from + qint64(rng.bounded(quint64(to - from)));
        const int offset = (int(rng.bounded(97)) - 48) * 15 * 60; // -12:00 .. +12:00
        const QDateTime t = QDateTime::fromMSecsSinceEpoch(ms, QTimeZone(offset));
        const QString text = t.toString(Qt::ISODateWithMs);
        const auto parsed = parseIsoInstantMs(text);
        QVERIFY2(parsed.has_value(), qPrintable(text));
        QCOMPARE(*parsed, ms);
    }
}

void TestCsvInstant::daysFromCivilKnownDates()
{
    QCOMPARE(daysFromCivil(1970, 1, 1), 0);
    QCOMPARE(daysFromCivil(1969, 12, 31), -1);
    QCOMPARE(daysFromCivil(2000, 3, 1), QDate(1970, 1, 1).daysTo(QDate(2000, 3, 1)));
    QCOMPARE(daysFromCivil(2024, 2, 29), QDate(1970, 1, 1).daysTo(QDate(2024, 2, 29)));
    QCOMPARE(daysFromCivil(1600, 1, 1), QDate(1970, 1, 1).daysTo(QDate(1600, 1, 1)));
}

QTEST_GUILESS_MAIN(TestCsvInstant)
#include "tst_csvinstant.moc"
