// WorkCalendar: working time between instants, deadlines by addWorkingSeconds, overrides, hours, zones.
#include "calendar/WorkCalendar.h"

#include <QTest>

#include <limits>
#include <thread>
#include <vector>

using namespace Qt::StringLiterals;
using namespace hotline;

namespace {

// "2025-03-03 08:30" (Beijing time) -> UTC seconds; a full ISO string with offset is taken as it is.
qint64 at(QStringView text)
{
    QString iso = text.toString();
    if (!iso.contains(u'+') && !iso.endsWith(u'Z')) {
        iso.replace(u' ', u'T');
        if (iso.size() == 16)
            iso += u":00"_s;
        iso += u"+08:00"_s;
    }
    const QDateTime dt = QDateTime::fromString(iso, Qt::ISODate);
    if (!dt.isValid())
        qFatal("bad test instant %s", qPrintable(iso));
    return dt.toSecsSinceEpoch();
}

QString iso(QStringView localBeijing)
{
    return QDateTime::fromSecsSinceEpoch(at(localBeijing), QTimeZone(8 * 3600)).toString(Qt::ISODate);
}

constexpr qint64 kHour = 3600;
constexpr qint64 kDay = 7 * kHour; // one working day by default

} // namespace

/** Tests of the working calendar's arithmetic and rules. */
class TestCalendar : public QObject
{
    Q_OBJECT

private slots:
    void defaults();
    void workingSecondsBetween_data();
    void workingSecondsBetween();
    void addWorkingSeconds_data();
    void addWorkingSeconds();
    void deadlineAtEndOfDayIsoString();
    void overridesMakeOffAndWorkingDays();
    void makeUpWeekendDays();
    void copiesAreIndependent();
    void concurrentFirstUse();
    void customWorkingHours();
    void invalidWorkingPeriods_data();
    void invalidWorkingPeriods();
    void otherTimeZone();
    void daylightSavingZone();
    void outsideTheTable();
};

void TestCalendar::defaults()
{
    const WorkCalendar cal;
    QCOMPARE(cal.dayLengthSeconds(), 25200);
    QCOMPARE(cal.timeZone().offsetFromUtc(QDateTime::fromSecsSinceEpoch(at(u"2025-07-01 12:00"))), 8 * 3600);
    QCOMPARE(cal.workingPeriods(), WorkCalendar::defaultWorkingPeriods());
    QCOMPARE(cal.workingPeriods().size(), 2);
    QCOMPARE(cal.workingPeriods().at(0).start, QTime(8, 30));
    QCOMPARE(cal.workingPeriods().at(1).end, QTime(17, 30));
    QVERIFY(cal.isWorkingDay(QDate(2025, 3, 3)));  // Monday
    QVERIFY(cal.isWorkingDay(QDate(2025, 3, 7)));  // Friday
    QVERIFY(!cal.isWorkingDay(QDate(2025, 3, 8))); // Saturday
    QVERIFY(!cal.isWorkingDay(QDate(2025, 3, 9))); // Sunday
    QVERIFY(!cal.isWorkingDay(QDate()));
    QVERIFY(cal.days().isEmpty());
    QVERIFY(!cal.hasDataForYear(2025));
    QCOMPARE(cal.coveredFrom(), QDate(2000, 1, 1));
    QCOMPARE(cal.coveredTo(), QDate(2100, 12, 31));
}

void TestCalendar::workingSecondsBetween_data()
{
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("to");
    QTest::addColumn<qint64>("expected");
    QTest::newRow("inside a period") << u"2025-03-03 09:00"_s << u"2025-03-03 10:00"_s << kHour;
    QTest::newRow("over lunch") << u"2025-03-03 11:00"_s << u"2025-03-03 15:00"_s << 2 * kHour;
    QTest::newRow("whole day") << u"2025-03-03 08:30"_s << u"2025-03-03 17:30"_s << kDay;
    QTest::newRow("overnight") << u"2025-03-03 17:00"_s << u"2025-03-04 09:00"_s << kHour;
    QTest::newRow("over a weekend") << u"2025-03-07 17:00"_s << u"2025-03-10 09:00"_s << kHour;
    QTest::newRow("only weekend") << u"2025-03-08 10:00"_s << u"2025-03-09 15:00"_s << qint64(0);
    QTest::newRow("only lunch") << u"2025-03-03 12:00"_s << u"2025-03-03 14:00"_s << qint64(0);
    QTest::newRow("backwards is negative") << u"2025-03-03 10:00"_s << u"2025-03-03 09:00"_s << -kHour;
    QTest::newRow("same instant") << u"2025-03-03 10:00"_s << u"2025-03-03 10:00"_s << qint64(0);
    QTest::newRow("one week") << u"2025-03-03 00:00"_s << u"2025-03-10 00:00"_s << 5 * kDay;
}

void TestCalendar::workingSecondsBetween()
{
    QFETCH(QString, from);
    QFETCH(QString, to);
    QFETCH(qint64, expected);
    const WorkCalendar cal;
    QCOMPARE(cal.workingSecondsBetween(at(from), at(to)), expected);
}

void TestCalendar::addWorkingSeconds_data()
{
    QTest::addColumn<QString>("start");
    QTest::addColumn<qint64>("work");
    QTest::addColumn<QString>("expected");
    // 2025-03-03 is a Monday; March 2025 has no holidays.
    QTest::newRow("before 08:30, lands on 17:30") << u"2025-03-03 07:00"_s << kDay << u"2025-03-03 17:30"_s;
    QTest::newRow("at 08:30") << u"2025-03-03 08:30"_s << kHour << u"2025-03-03 09:30"_s;
    QTest::newRow("mid-morning, next day") << u"2025-03-03 10:00"_s << kDay << u"2025-03-04 10:00"_s;
    QTest::newRow("over lunch") << u"2025-03-03 11:00"_s << 2 * kHour << u"2025-03-03 15:00"_s;
    QTest::newRow("dispatched at lunch") << u"2025-03-03 12:30"_s << kHour << u"2025-03-03 15:00"_s;
    QTest::newRow("lands on 12:00, not 14:00") << u"2025-03-03 11:00"_s << kHour << u"2025-03-03 12:00"_s;
    QTest::newRow("one second after lunch") << u"2025-03-03 12:00"_s << qint64(1) << u"2025-03-03 14:00:01"_s;
    QTest::newRow("evening") << u"2025-03-03 20:00"_s << kHour << u"2025-03-04 09:30"_s;
    QTest::newRow("just after 17:30") << u"2025-03-03 17:30:01"_s << kDay << u"2025-03-04 17:30"_s;
    QTest::newRow("Saturday") << u"2025-03-08 10:00"_s << kDay << u"2025-03-10 17:30"_s;
    QTest::newRow("Friday afternoon") << u"2025-03-07 16:00"_s << kDay << u"2025-03-10 16:00"_s;
    QTest::newRow("five days") << u"2025-03-03 08:30"_s << 5 * kDay << u"2025-03-07 17:30"_s;
    QTest::newRow("zero stays put off hours") << u"2025-03-08 10:00"_s << qint64(0) << u"2025-03-08 10:00"_s;
    QTest::newRow("back over a weekend") << u"2025-03-10 09:00"_s << -kHour << u"2025-03-07 17:00"_s;
    QTest::newRow("back over lunch: earliest") << u"2025-03-03 15:00"_s << -kHour << u"2025-03-03 12:00"_s;
    QTest::newRow("back a day from 08:30: earliest") << u"2025-03-04 08:30"_s << -kDay << u"2025-02-28 17:30"_s;
    QTest::newRow("back two days") << u"2025-03-05 10:00"_s << -2 * kDay << u"2025-03-03 10:00"_s;
    QTest::newRow("back from Sunday") << u"2025-03-09 12:00"_s << -1800LL << u"2025-03-07 17:00"_s;
}

void TestCalendar::addWorkingSeconds()
{
    QFETCH(QString, start);
    QFETCH(qint64, work);
    QFETCH(QString, expected);
    const WorkCalendar cal;
    const qint64 result = cal.addWorkingSeconds(at(start), work);
    QCOMPARE(cal.toIsoLocal(result), iso(expected));
    QCOMPARE(cal.workingSecondsBetween(at(start), result), work);
    // Earliest: one second sooner there is less working time between (for a non-zero amount).
    if (work > 0)
        QCOMPARE(cal.workingSecondsBetween(at(start), result - 1), work - 1);
    if (work < 0)
        QVERIFY(cal.workingSecondsBetween(at(start), result - 1) != work);
}

void TestCalendar::deadlineAtEndOfDayIsoString()
{
    // Dispatched Thursday evening: the day's work is all of Friday and ends exactly at 17:30.
    const WorkCalendar cal;
    const qint64 deadline = cal.addWorkingSeconds(at(u"2025-01-23 17:45"), kDay);
    QCOMPARE(cal.toIsoLocal(deadline), u"2025-01-24T17:30:00+08:00"_s);
    QCOMPARE(cal.toLocal(deadline).time(), QTime(17, 30));
    QCOMPARE(cal.toLocal(deadline).offsetFromUtc(), 8 * 3600);
    QCOMPARE(deadline, at(u"2025-01-24T09:30:00Z"));
}

void TestCalendar::overridesMakeOffAndWorkingDays()
{
    WorkCalendar cal;
    QVERIFY(!cal.setDay({QDate(), true, u"nothing"_s}));
    QVERIFY(cal.setDay({QDate(2025, 3, 4), true, u"local holiday"_s})); // a Tuesday off
    QVERIFY(!cal.isWorkingDay(QDate(2025, 3, 4)));
    QCOMPARE(cal.day(QDate(2025, 3, 4))->name, u"local holiday"_s);
    QVERIFY(!cal.day(QDate(2025, 3, 5)).has_value());
    QVERIFY(cal.hasDataForYear(2025));
    QVERIFY(!cal.hasDataForYear(2024));
    QVERIFY(!cal.hasDataForYear(2026));
    // Monday 16:00 + 7 h skips the Tuesday.
    QCOMPARE(cal.toIsoLocal(cal.addWorkingSeconds(at(u"2025-03-03 16:00"), kDay)), iso(u"2025-03-05 16:00"));
    QCOMPARE(cal.workingSecondsBetween(at(u"2025-03-04 00:00"), at(u"2025-03-05 00:00")), 0);

    cal.removeDay(QDate(2025, 3, 4));
    QVERIFY(cal.isWorkingDay(QDate(2025, 3, 4)));
    QCOMPARE(cal.toIsoLocal(cal.addWorkingSeconds(at(u"2025-03-03 16:00"), kDay)), iso(u"2025-03-04 16:00"));
    QVERIFY(!cal.hasDataForYear(2025));

    // setDays replaces, mergeDays keeps; days() comes back sorted by date.
    cal.setDays({{QDate(2025, 3, 9), false, u"make-up"_s}, {QDate(2025, 3, 4), true, u"off"_s}});
    QCOMPARE(cal.days().size(), 2);
    QCOMPARE(cal.days().first().date, QDate(2025, 3, 4));
    cal.mergeDays({{QDate(2025, 3, 9), true, u"changed"_s}, {QDate(2026, 1, 1), true, u"元旦"_s}});
    QCOMPARE(cal.days().size(), 3);
    QVERIFY(!cal.isWorkingDay(QDate(2025, 3, 9)));
    QVERIFY(cal.hasDataForYear(2026));
    cal.setDays({});
    QVERIFY(cal.days().isEmpty());
    QVERIFY(cal.isWorkingDay(QDate(2025, 3, 4)));
}

void TestCalendar::makeUpWeekendDays()
{
    WorkCalendar cal;
    cal.setDays({{QDate(2025, 2, 8), false, u"春节"_s}, {QDate(2025, 1, 26), false, u"春节"_s}});
    QVERIFY(cal.isWorkingDay(QDate(2025, 2, 8)));  // Saturday
    QVERIFY(cal.isWorkingDay(QDate(2025, 1, 26))); // Sunday
    // Friday 15:00: 2.5 h on Friday, then the make-up Saturday's morning and one hour after lunch.
    QCOMPARE(cal.toIsoLocal(cal.addWorkingSeconds(at(u"2025-02-07 15:00"), kDay)), iso(u"2025-02-08 15:00"));
    // Friday 17:00: half an hour, Saturday 25th off, the make-up Sunday gives the rest.
    QCOMPARE(cal.toIsoLocal(cal.addWorkingSeconds(at(u"2025-01-24 17:00"), kDay)), iso(u"2025-01-26 17:00"));
    QCOMPARE(cal.workingSecondsBetween(at(u"2025-02-08 00:00"), at(u"2025-02-09 00:00")), kDay);
}

void TestCalendar::copiesAreIndependent()
{
    WorkCalendar a;
    const WorkCalendar b = a;
    QVERIFY(a == b);
    a.setDay({QDate(2025, 3, 3), true, u"off"_s});
    QVERIFY(!(a == b));
    QVERIFY(b.isWorkingDay(QDate(2025, 3, 3)));
    QCOMPARE(b.workingSecondsBetween(at(u"2025-03-03 00:00"), at(u"2025-03-04 00:00")), kDay);
    QCOMPARE(a.workingSecondsBetween(at(u"2025-03-03 00:00"), at(u"2025-03-04 00:00")), 0);
}

void TestCalendar::concurrentFirstUse()
{
    // The table is built on first use; copies on several threads may race to need it first.
    WorkCalendar cal;
    cal.setDays({{QDate(2025, 3, 4), true, u"off"_s}});
    const WorkCalendar shared = cal;
    std::vector<qint64> results(8, 0);
    std::vector<std::thread> threads;
    for (std::size_t i = 0; i < results.size(); ++i) {
        threads.emplace_back([&shared, &results, i] {
            const WorkCalendar copy = shared; // half use a copy, half the shared object itself
            const WorkCalendar &use = i % 2 ? copy : shared;
            results[i] = use.addWorkingSeconds(at(u"2025-03-03 16:00"), kDay);
        });
    }
    for (std::thread &t : threads)
        t.join();
    for (const qint64 r : results)
        QCOMPARE(r, at(u"2025-03-05 16:00"));
}

void TestCalendar::customWorkingHours()
{
    WorkCalendar cal;
    QString error;
    QVERIFY(cal.setWorkingPeriods({{QTime(9, 0), QTime(17, 0)}}, &error));
    QVERIFY(error.isEmpty());
    QCOMPARE(cal.dayLengthSeconds(), 8 * kHour);
    QCOMPARE(cal.toIsoLocal(cal.addWorkingSeconds(at(u"2025-03-03 08:00"), 8 * kHour)), iso(u"2025-03-03 17:00"));
    QCOMPARE(cal.workingSecondsBetween(at(u"2025-03-03 12:00"), at(u"2025-03-03 14:00")), 2 * kHour);

    QVERIFY(cal.setWorkingPeriods({{QTime(8, 0), QTime(12, 0)}, {QTime(13, 0), QTime(17, 0)},
                                   {QTime(18, 0), QTime(20, 0)}}));
    QCOMPARE(cal.dayLengthSeconds(), 10 * kHour);
    QCOMPARE(cal.toIsoLocal(cal.addWorkingSeconds(at(u"2025-03-03 11:00"), 3 * kHour)), iso(u"2025-03-03 15:00"));
    QCOMPARE(cal.toIsoLocal(cal.addWorkingSeconds(at(u"2025-03-03 16:00"), 3 * kHour)), iso(u"2025-03-03 20:00"));
    QCOMPARE(cal.toIsoLocal(cal.addWorkingSeconds(at(u"2025-03-03 16:00"), 4 * kHour)), iso(u"2025-03-04 09:00"));
    // Back-to-back periods are allowed and behave as one.
    QVERIFY(cal.setWorkingPeriods({{QTime(9, 0), QTime(12, 0)}, {QTime(12, 0), QTime(15, 0)}}));
    QCOMPARE(cal.toIsoLocal(cal.addWorkingSeconds(at(u"2025-03-03 11:00"), 2 * kHour)), iso(u"2025-03-03 13:00"));
}

void TestCalendar::invalidWorkingPeriods_data()
{
    QTest::addColumn<QList<WorkingPeriod>>("periods");
    QTest::newRow("none") << QList<WorkingPeriod>{};
    QTest::newRow("empty period") << QList<WorkingPeriod>{{QTime(9, 0), QTime(9, 0)}};
    QTest::newRow("ends before it starts") << QList<WorkingPeriod>{{QTime(17, 0), QTime(9, 0)}};
    QTest::newRow("invalid time") << QList<WorkingPeriod>{{QTime(), QTime(9, 0)}};
    QTest::newRow("milliseconds") << QList<WorkingPeriod>{{QTime(9, 0, 0, 500), QTime(10, 0)}};
    QTest::newRow("overlapping") << QList<WorkingPeriod>{{QTime(8, 0), QTime(12, 0)}, {QTime(11, 0), QTime(13, 0)}};
    QTest::newRow("unsorted") << QList<WorkingPeriod>{{QTime(14, 0), QTime(17, 0)}, {QTime(8, 0), QTime(12, 0)}};
}

void TestCalendar::invalidWorkingPeriods()
{
    QFETCH(QList<WorkingPeriod>, periods);
    WorkCalendar cal;
    QString error;
    QVERIFY(!cal.setWorkingPeriods(periods, &error));
    QVERIFY(!error.isEmpty());
    QCOMPARE(error, WorkCalendar::validateWorkingPeriods(periods));
    QCOMPARE(cal.workingPeriods(), WorkCalendar::defaultWorkingPeriods()); // unchanged
    QCOMPARE(cal.dayLengthSeconds(), kDay);
}

void TestCalendar::otherTimeZone()
{
    WorkCalendar cal;
    QString error;
    QVERIFY(!cal.setTimeZone(QTimeZone(QByteArrayLiteral("Not/AZone")), &error));
    QVERIFY(!error.isEmpty());
    QVERIFY(cal.setTimeZone(QTimeZone::utc()));
    // Working hours are now 08:30–17:30 UTC = 16:30–01:30 Beijing time.
    const qint64 deadline = cal.addWorkingSeconds(at(u"2025-03-03T00:00:00Z"), kDay);
    QCOMPARE(deadline, at(u"2025-03-03T17:30:00Z"));
    QCOMPARE(cal.toIsoLocal(deadline), u"2025-03-03T17:30:00+00:00"_s); // an offset, even for UTC
    QCOMPARE(cal.workingSecondsBetween(at(u"2025-03-03 08:30"), at(u"2025-03-03 17:30")), 1 * kHour); // 16:30–17:30
}

void TestCalendar::daylightSavingZone()
{
    const QTimeZone berlin(QByteArrayLiteral("Europe/Berlin"));
    if (!berlin.isValid())
        QSKIP("this system has no Europe/Berlin time zone"); // optional: China's zone has no DST
    WorkCalendar cal;
    QVERIFY(cal.setTimeZone(berlin));
    // Clocks go forward on Sunday 2024-03-31: the weekend has no working time, Monday starts at 08:30 CEST.
    QCOMPARE(cal.workingSecondsBetween(at(u"2024-03-29T17:30:00+01:00"), at(u"2024-04-01T08:30:00+02:00")), 0);
    QCOMPARE(cal.toIsoLocal(cal.addWorkingSeconds(at(u"2024-03-29T16:00:00+01:00"), kDay)),
             u"2024-04-01T16:00:00+02:00"_s);

    // A working period across the change: 01:00–04:00 lasts 2 h in spring and 4 h in autumn.
    QVERIFY(cal.setWorkingPeriods({{QTime(1, 0), QTime(4, 0)}}));
    cal.setDays({{QDate(2024, 3, 31), false, u"test"_s}, {QDate(2024, 10, 27), false, u"test"_s}});
    QCOMPARE(cal.workingSecondsBetween(at(u"2024-03-31T00:00:00+01:00"), at(u"2024-03-31T12:00:00+02:00")),
             2 * kHour);
    QCOMPARE(cal.toIsoLocal(cal.addWorkingSeconds(at(u"2024-03-31T00:00:00+01:00"), kHour)),
             u"2024-03-31T03:00:00+02:00"_s);
    QCOMPARE(cal.workingSecondsBetween(at(u"2024-10-27T00:00:00+02:00"), at(u"2024-10-27T12:00:00+01:00")),
             4 * kHour);
    QCOMPARE(cal.toIsoLocal(cal.addWorkingSeconds(at(u"2024-10-27T00:00:00+02:00"), 3 * kHour)),
             u"2024-10-27T03:00:00+01:00"_s);
    // Ordinary days either side keep 3 h.
    QCOMPARE(cal.workingSecondsBetween(at(u"2024-07-01T00:00:00+02:00"), at(u"2024-07-02T00:00:00+02:00")),
             3 * kHour);
    QCOMPARE(cal.workingSecondsBetween(at(u"2024-12-02T00:00:00+01:00"), at(u"2024-12-03T00:00:00+01:00")),
             3 * kHour);
}

void TestCalendar::outsideTheTable()
{
    WorkCalendar cal;
    const qint64 start = at(u"2025-03-03 10:00");
    // Beyond 2100 nothing is counted: an absurd amount stops at the table's end, never overflows or crashes.
    const qint64 end = at(u"2101-01-01 00:00");
    QCOMPARE(cal.addWorkingSeconds(start, std::numeric_limits<qint64>::max()), end);
    QCOMPARE(cal.addWorkingSeconds(start, 200LL * 365 * 86400), end);
    QCOMPARE(cal.addWorkingSeconds(start, std::numeric_limits<qint64>::min()), at(u"2000-01-01 00:00"));
    QCOMPARE(cal.workingSecondsBetween(at(u"1950-01-02 09:00"), at(u"1960-01-04 12:00")), 0);
    QCOMPARE(cal.workingSecondsBetween(at(u"2150-03-03 09:00"), at(u"2150-03-04 12:00")), 0);
    const qint64 far = at(u"2150-03-03 09:00");
    QCOMPARE(cal.addWorkingSeconds(far, kHour), far);  // never before start
    QCOMPARE(cal.addWorkingSeconds(far, -kHour), at(u"2100-12-31 16:30")); // last working hour (a Friday)
    // Inside the table right up to its edges.
    QCOMPARE(cal.toIsoLocal(cal.addWorkingSeconds(at(u"2100-12-31 08:30"), kDay)), iso(u"2100-12-31 17:30"));
    QCOMPARE(cal.toIsoLocal(cal.addWorkingSeconds(at(u"2000-01-03 08:30"), kHour)), iso(u"2000-01-03 09:30"));
    // An override outside 2000..2100 widens the table.
    QVERIFY(cal.setDay({QDate(1990, 5, 2), true, u"old"_s}));
    QCOMPARE(cal.coveredFrom(), QDate(1989, 1, 1));
    QCOMPARE(cal.workingSecondsBetween(at(u"1990-05-01 00:00"), at(u"1990-05-03 00:00")), kDay);
}

QTEST_GUILESS_MAIN(TestCalendar)
#include "tst_calendar.moc"
