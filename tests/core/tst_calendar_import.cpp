// The holiday-cn parser, the built-in calendar and its cross-check against the published holiday-cn files.
#include "TestSupport.h"
#include "calendar/BuiltinCalendar.h"
#include "calendar/HolidayCnParser.h"
#include "calendar/WorkCalendar.h"

#include <QDir>
#include <QFile>
#include <QTest>

#include <algorithm>

using namespace Qt::StringLiterals;
using namespace hotline;

namespace {

// Empty when unreadable: parsing it then fails with a message, and the callers name the path.
QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QList<CalendarDay> sortedByDate(QList<CalendarDay> days)
{
    std::sort(days.begin(), days.end(), [](const CalendarDay &a, const CalendarDay &b) { return a.date < b.date; });
    return days;
}

qint64 beijing(QDate d, QTime t)
{
    return QDateTime(d, t, QTimeZone(8 * 3600)).toSecsSinceEpoch();
}

std::optional<CalendarDay> find(const QList<CalendarDay> &days, QDate date)
{
    for (const CalendarDay &d : days) {
        if (d.date == date)
            return d;
    }
    return std::nullopt;
}

} // namespace

/** Tests of reading holiday calendars: the import format, the shipped calendar, and the 2019 notice. */
class TestCalendarImport : public QObject
{
    Q_OBJECT

private slots:
    void parsesHolidayCn();
    void repeatedDayIsKeptOnce();
    void rejectsBadInput_data();
    void rejectsBadInput();
    void workingSaturday2018_data();
    void workingSaturday2018();
    void everySharedFileParses();
    void builtinKnownFacts();
    void builtinMatchesHolidayCn_data();
    void builtinMatchesHolidayCn();
    void builtinFormatErrors_data();
    void builtinFormatErrors();
};

void TestCalendarImport::parsesHolidayCn()
{
    const HolidayCnFile f = HolidayCnParser::parse(R"({"year": 2025, "papers": ["x"], "days": [
        {"name": "春节", "date": "2025-01-26", "isOffDay": false},
        {"name": "春节", "date": "2025-01-28", "isOffDay": true}]})");
    QVERIFY2(f.ok(), qPrintable(f.error));
    QCOMPARE(f.year, 2025);
    QCOMPARE(f.days.size(), 2);
    QCOMPARE(f.days.at(0), (CalendarDay{QDate(2025, 1, 26), false, u"春节"_s}));
    QCOMPARE(f.days.at(1), (CalendarDay{QDate(2025, 1, 28), true, u"春节"_s}));
}

void TestCalendarImport::repeatedDayIsKeptOnce()
{
    const HolidayCnFile f = HolidayCnParser::parse(R"({"year": 2025, "days": [
        {"name": "元旦", "date": "2025-01-01", "isOffDay": true},
        {"name": "元旦", "date": "2025-01-01", "isOffDay": true}]})");
    QVERIFY2(f.ok(), qPrintable(f.error));
    QCOMPARE(f.days.size(), 1);
}

void TestCalendarImport::rejectsBadInput_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("mentions"); // the error must name the problem (the entry, the date or the key)
    QTest::newRow("not JSON") << QByteArray("{\"year\": 2025,") << u"JSON"_s;
    QTest::newRow("empty") << QByteArray() << u"JSON"_s;
    QTest::newRow("an array") << QByteArray("[]") << u"object"_s;
    QTest::newRow("no year") << QByteArray(R"({"days": []})") << u"year"_s;
    QTest::newRow("year as text") << QByteArray(R"({"year": "2025", "days": []})") << u"year"_s;
    QTest::newRow("fractional year") << QByteArray(R"({"year": 2025.5, "days": []})") << u"year"_s;
    QTest::newRow("no days") << QByteArray(R"({"year": 2025})") << u"days"_s;
    QTest::newRow("days not a list") << QByteArray(R"({"year": 2025, "days": {}})") << u"days"_s;
    QTest::newRow("day not an object") << QByteArray(R"({"year": 2025, "days": [1]})") << u"Entry 1"_s;
    QTest::newRow("no date") << QByteArray(R"({"year": 2025, "days": [{"name": "a", "isOffDay": true}]})")
                             << u"date"_s;
    QTest::newRow("impossible date")
        << QByteArray(R"({"year": 2025, "days": [{"name": "a", "date": "2025-02-30", "isOffDay": true}]})")
        << u"2025-02-30"_s;
    QTest::newRow("slashes")
        << QByteArray(R"({"year": 2025, "days": [{"name": "a", "date": "2025/01/01", "isOffDay": true}]})")
        << u"2025/01/01"_s;
    QTest::newRow("short date")
        << QByteArray(R"({"year": 2025, "days": [{"name": "a", "date": "2025-1-1", "isOffDay": true}]})")
        << u"2025-1-1"_s;
    QTest::newRow("no name") << QByteArray(R"({"year": 2025, "days": [{"date": "2025-01-01", "isOffDay": true}]})")
                             << u"name"_s;
    QTest::newRow("isOffDay as text")
        << QByteArray(R"({"year": 2025, "days": [{"name": "a", "date": "2025-01-01", "isOffDay": "true"}]})")
        << u"isOffDay"_s;
    QTest::newRow("no isOffDay") << QByteArray(R"({"year": 2025, "days": [{"name": "a", "date": "2025-01-01"}]})")
                                 << u"isOffDay"_s;
    QTest::newRow("date far from the year")
        << QByteArray(R"({"year": 2025, "days": [{"name": "a", "date": "2052-01-01", "isOffDay": true}]})")
        << u"2052-01-01"_s;
    QTest::newRow("second entry is bad") << QByteArray(R"({"year": 2025, "days": [
        {"name": "a", "date": "2025-01-01", "isOffDay": true},
        {"name": "b", "date": "2025-13-01", "isOffDay": true}]})") << u"Entry 2"_s;
    QTest::newRow("off and working at once") << QByteArray(R"({"year": 2025, "days": [
        {"name": "a", "date": "2025-01-01", "isOffDay": true},
        {"name": "a", "date": "2025-01-01", "isOffDay": false}]})") << u"2025-01-01"_s;
}

void TestCalendarImport::rejectsBadInput()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, mentions);
    const HolidayCnFile f = HolidayCnParser::parse(json);
    QVERIFY(!f.ok());
    QVERIFY(f.days.isEmpty());
    QVERIFY2(f.error.contains(mentions), qPrintable(f.error));
}

void TestCalendarImport::workingSaturday2018_data()
{
    // 2018-12-29 is a working Saturday listed only in the 2019 notice: the calendar is keyed by date.
    QTest::addColumn<QString>("path");
    QTest::newRow("own fixture")
        << QDir(hotline::test::testDataDir()).filePath(u"calendar/holiday-cn-2019-newyear.json"_s);
    const QString shared = hotline::test::sharedDataDir();
    if (!shared.isEmpty())
        QTest::newRow("holiday-cn 2019.json") << QDir(shared).filePath(u"holiday-cn/2019.json"_s);
}

void TestCalendarImport::workingSaturday2018()
{
    QFETCH(QString, path);
    const HolidayCnFile f = HolidayCnParser::parse(readFile(path));
    QVERIFY2(f.ok(), qPrintable(path + u": "_s + f.error));
    QCOMPARE(f.year, 2019);
    QCOMPARE(find(f.days, QDate(2018, 12, 29)), (CalendarDay{QDate(2018, 12, 29), false, u"元旦"_s}));

    const qint64 fridayFive = beijing(QDate(2018, 12, 28), QTime(17, 0));
    WorkCalendar plain;
    // Without the notice Saturday is off: 0.5 h on Friday, then Monday 31st.
    QCOMPARE(plain.toIsoLocal(plain.addWorkingSeconds(fridayFive, 25200)), u"2018-12-31T17:00:00+08:00"_s);

    WorkCalendar cal;
    cal.mergeDays(f.days);
    QVERIFY(cal.isWorkingDay(QDate(2018, 12, 29)));
    QVERIFY(!cal.isWorkingDay(QDate(2018, 12, 30)));
    QVERIFY(!cal.isWorkingDay(QDate(2018, 12, 31))); // a Monday off
    QVERIFY(!cal.isWorkingDay(QDate(2019, 1, 1)));
    QVERIFY(cal.hasDataForYear(2018));
    QCOMPARE(cal.toIsoLocal(cal.addWorkingSeconds(fridayFive, 25200)), u"2018-12-29T17:00:00+08:00"_s);
    // From Saturday 17:00 a day's work runs over the three days off into Wednesday.
    QCOMPARE(cal.toIsoLocal(cal.addWorkingSeconds(beijing(QDate(2018, 12, 29), QTime(17, 0)), 25200)),
             u"2019-01-02T17:00:00+08:00"_s);
}

void TestCalendarImport::everySharedFileParses()
{
    const QString shared = hotline::test::sharedDataDir();
    if (shared.isEmpty())
        QSKIP("../shared/data is not beside the project (a fresh clone): nothing to cross-check");
    const QDir dir(QDir(shared).filePath(u"holiday-cn"_s));
    const QStringList files = dir.entryList({u"20*.json"_s}, QDir::Files, QDir::Name);
    QVERIFY(files.size() >= 3);
    WorkCalendar cal;
    for (const QString &name : files) {
        const HolidayCnFile f = HolidayCnParser::parse(readFile(dir.filePath(name)));
        QVERIFY2(f.ok(), qPrintable(name + u": "_s + f.error));
        QVERIFY(!f.days.isEmpty());
        QCOMPARE(f.year, name.left(4).toInt());
        cal.mergeDays(f.days);
    }
    QVERIFY(cal.hasDataForYear(2007));
    QVERIFY(!cal.isWorkingDay(QDate(2020, 1, 31))); // the 2020 Spring Festival extension (second paper)
}

void TestCalendarImport::builtinKnownFacts()
{
    const QList<HolidayNotice> notices = BuiltinCalendar::notices();
    QCOMPARE(notices.size(), 3);
    QCOMPARE(notices.at(0).year, 2024);
    QCOMPARE(notices.at(2).year, 2026);
    for (const HolidayNotice &n : notices) {
        const QString expected = u"国务院办公厅关于%1年部分节假日安排的通知"_s.arg(n.year);
        QCOMPARE(n.title, expected);
        QVERIFY(n.issued.isValid());
        QCOMPARE(n.issued.year(), n.year - 1);
    }
    QCOMPARE(notices.at(0).document, u"国办发明电〔2023〕7号"_s);
    QCOMPARE(notices.at(1).document, u"国办发明电〔2024〕12号"_s);
    // One entry per date the notice names: 2024 has 36, 2025 has 33, 2026 has 39.
    QCOMPARE(notices.at(0).days.size(), 36);
    QCOMPARE(notices.at(1).days.size(), 33);
    QCOMPARE(notices.at(2).days.size(), 39);

    const QList<CalendarDay> days = builtinCalendarDays();
    QCOMPARE(days.size(), 36 + 33 + 39);
    QVERIFY(std::is_sorted(days.begin(), days.end(), [](const CalendarDay &a, const CalendarDay &b) {
        return a.date < b.date;
    }));
    const WorkCalendar cal = builtinWorkCalendar();
    QVERIFY(cal.isWorkingDay(QDate(2025, 1, 26)));  // Sunday, make-up day for the Spring Festival
    QCOMPARE(cal.day(QDate(2025, 1, 26))->name, u"春节"_s);
    QVERIFY(!cal.isWorkingDay(QDate(2025, 10, 8))); // Wednesday, the eighth day of National Day + Mid-Autumn
    QCOMPARE(cal.day(QDate(2025, 10, 8))->name, u"国庆节、中秋节"_s);
    QVERIFY(cal.isWorkingDay(QDate(2026, 2, 14)));  // Saturday before the 2026 Spring Festival
    QVERIFY(!cal.isWorkingDay(QDate(2026, 2, 23))); // Monday, 正月初七
    QVERIFY(cal.isWorkingDay(QDate(2026, 1, 4)));   // Sunday after New Year 2026
    QVERIFY(!cal.isWorkingDay(QDate(2026, 1, 2)));  // Friday
    QVERIFY(cal.isWorkingDay(QDate(2024, 2, 9)));   // 2024 New Year's Eve was only "encouraged" off
    QVERIFY(!cal.day(QDate(2024, 2, 9)).has_value());
    QVERIFY(!cal.isWorkingDay(QDate(2024, 6, 10))); // Dragon Boat, Monday
    QVERIFY(cal.isWorkingDay(QDate(2024, 10, 12))); // Saturday after National Day
    QVERIFY(!cal.isWorkingDay(QDate(2025, 1, 1)));
    QVERIFY(cal.isWorkingDay(QDate(2025, 1, 2)));
    QVERIFY(cal.hasDataForYear(2024) && cal.hasDataForYear(2025) && cal.hasDataForYear(2026));
    QVERIFY(!cal.hasDataForYear(2027));
}

void TestCalendarImport::builtinMatchesHolidayCn_data()
{
    QTest::addColumn<int>("year");
    for (int year = 2024; year <= 2026; ++year)
        QTest::newRow(qPrintable(QString::number(year))) << year;
}

void TestCalendarImport::builtinMatchesHolidayCn()
{
    QFETCH(int, year);
    const QString shared = hotline::test::sharedDataDir();
    if (shared.isEmpty())
        QSKIP("../shared/data is not beside the project (a fresh clone): nothing to cross-check");
    const QString path = QDir(shared).filePath(u"holiday-cn/%1.json"_s.arg(year));
    const HolidayCnFile published = HolidayCnParser::parse(readFile(path));
    QVERIFY2(published.ok(), qPrintable(path + u": "_s + published.error));
    const QList<HolidayNotice> notices = BuiltinCalendar::notices();
    const auto notice = std::find_if(notices.begin(), notices.end(), [year](const HolidayNotice &n) {
        return n.year == year;
    });
    QVERIFY(notice != notices.end());
    const QList<CalendarDay> ours = sortedByDate(notice->days);
    const QList<CalendarDay> theirs = sortedByDate(published.days);
    for (qsizetype i = 0; i < std::min(ours.size(), theirs.size()); ++i)
        QCOMPARE(ours.at(i), theirs.at(i)); // date, off/working and holiday name
    QCOMPARE(ours.size(), theirs.size());
}

void TestCalendarImport::builtinFormatErrors_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("not JSON") << QByteArray("{") << u"JSON"_s;
    QTest::newRow("no years") << QByteArray(R"({"source": "x"})") << u"years"_s;
    QTest::newRow("bad day") << QByteArray(R"({"years": [{"year": 2025, "notice": "n",
        "days": [{"name": "a", "date": "2025-02-29", "isOffDay": true}]}]})") << u"2025-02-29"_s;
    QTest::newRow("no notice") << QByteArray(R"({"years": [{"year": 2025, "days": []}]})") << u"2025"_s;
    QTest::newRow("date in two notices") << QByteArray(R"({"years": [
        {"year": 2025, "notice": "n", "days": [{"name": "a", "date": "2025-12-31", "isOffDay": true}]},
        {"year": 2026, "notice": "n", "days": [{"name": "a", "date": "2025-12-31", "isOffDay": true}]}]})")
                                          << u"2025-12-31"_s;
}

void TestCalendarImport::builtinFormatErrors()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, mentions);
    QString error;
    QVERIFY(BuiltinCalendar::parse(json, &error).isEmpty());
    QVERIFY2(error.contains(mentions), qPrintable(error));
}

QTEST_GUILESS_MAIN(TestCalendarImport)
#include "tst_calendar_import.moc"
