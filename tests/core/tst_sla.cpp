// SlaPolicy and SlaClock: deadlines over holidays and make-up days, remaining time, colours, next change.
#include "calendar/BuiltinCalendar.h"
#include "calendar/WorkCalendar.h"
#include "sla/SlaClock.h"
#include "sla/SlaPolicy.h"

#include <QElapsedTimer>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace hotline;

namespace {

constexpr qint64 kHour = 3600;

// "2025-03-03 08:30" or "2025-03-03 08:30:01", Beijing time -> UTC seconds.
qint64 at(QStringView local)
{
    QString iso = local.toString();
    iso.replace(u' ', u'T');
    if (iso.size() == 16)
        iso += u":00"_s;
    const QDateTime dt = QDateTime::fromString(iso + u"+08:00"_s, Qt::ISODate);
    if (!dt.isValid())
        qFatal("bad test instant %s", qPrintable(iso));
    return dt.toSecsSinceEpoch();
}

QString iso(QStringView local)
{
    return QDateTime::fromSecsSinceEpoch(at(local), QTimeZone(8 * 3600)).toString(Qt::ISODate);
}

// The shipped calendar (2024–2026 notices), default hours and policy.
SlaClock builtinClock()
{
    return SlaClock(builtinWorkCalendar(), SlaPolicy());
}

} // namespace

Q_DECLARE_METATYPE(std::optional<qint64>)

/** Tests of time limits: policy, deadlines, remaining time and the colour countdown. */
class TestSla : public QObject
{
    Q_OBJECT

private slots:
    void policyDefaults();
    void policyOverridesAndValidation();
    void deadline_data();
    void deadline();
    void colourAtBoundaries_data();
    void colourAtBoundaries();
    void remainingStandsStillOffHours();
    void nextChange_data();
    void nextChange();
    void customHoursAndPolicy();
    void computationIsCheap();
};

void TestSla::policyDefaults()
{
    const SlaPolicy p;
    QCOMPARE(p.durationDays(SlaClass::Consult), 1);
    QCOMPARE(p.durationDays(SlaClass::Handling), 5);
    QCOMPARE(p.yellowThresholdSeconds(), 10800);
    QCOMPARE(p.classFor(TicketType::Consult, u"政策咨询"_s), SlaClass::Consult);
    QCOMPARE(p.classFor(TicketType::Complaint, u"噪音扰民"_s), SlaClass::Handling);
    QCOMPARE(p.classFor(TicketType::Help, QString()), SlaClass::Handling);
    QCOMPARE(p.classFor(TicketType::Suggestion, QString()), SlaClass::Handling);
    QCOMPARE(p.classFor(TicketType::Report, QString()), SlaClass::Handling);
    const SlaClock clock;
    QCOMPARE(clock.durationSeconds(SlaClass::Consult), 25200);
    QCOMPARE(clock.durationSeconds(SlaClass::Handling), 5 * 25200);
    QCOMPARE(clock.durationSeconds(SlaClass::Handling, 2), 7 * 25200);
    QCOMPARE(clock.durationSeconds(SlaClass::Consult, -3), 0); // never negative
}

void TestSla::policyOverridesAndValidation()
{
    SlaPolicy p;
    p.setCategoryOverride(u"信息查询"_s, SlaClass::Consult);
    p.setCategoryOverride(u"疑难咨询"_s, SlaClass::Handling);
    QCOMPARE(p.classFor(TicketType::Complaint, u"信息查询"_s), SlaClass::Consult);
    QCOMPARE(p.classFor(TicketType::Consult, u"疑难咨询"_s), SlaClass::Handling);
    QCOMPARE(p.classFor(TicketType::Consult, u"疑难咨询 "_s), SlaClass::Consult); // exact names only
    QCOMPARE(p.categoryOverrides().size(), 2);
    p.removeCategoryOverride(u"疑难咨询"_s);
    QCOMPARE(p.classFor(TicketType::Consult, u"疑难咨询"_s), SlaClass::Consult);

    QString error;
    QVERIFY(!p.setDurationDays(SlaClass::Consult, 0, &error));
    QVERIFY(!error.isEmpty());
    QVERIFY(!p.setDurationDays(SlaClass::Handling, 366));
    QCOMPARE(p.durationDays(SlaClass::Handling), 5);
    QVERIFY(p.setDurationDays(SlaClass::Handling, 10));
    QCOMPARE(p.durationDays(SlaClass::Handling), 10);
    QCOMPARE(p.durationDays(SlaClass::Consult), 1);
    QVERIFY(!p.setYellowThresholdSeconds(-1, &error));
    QCOMPARE(p.yellowThresholdSeconds(), 10800);

    // A complaint in an overridden category gets the one-day limit.
    const SlaClock clock(WorkCalendar(), p);
    const SlaClass cls = p.classFor(TicketType::Complaint, u"信息查询"_s);
    QCOMPARE(clock.calendar().toIsoLocal(clock.deadline(at(u"2025-03-03 10:00"), cls)), iso(u"2025-03-04 10:00"));
}

void TestSla::deadline_data()
{
    QTest::addColumn<QString>("dispatched");
    QTest::addColumn<SlaClass>("cls");
    QTest::addColumn<int>("extension");
    QTest::addColumn<QString>("expected");
    const SlaClass C = SlaClass::Consult;
    const SlaClass H = SlaClass::Handling;
    QTest::newRow("consult, mid-morning") << u"2025-03-03 10:00"_s << C << 0 << u"2025-03-04 10:00"_s;
    QTest::newRow("handling, mid-morning") << u"2025-03-03 10:00"_s << H << 0 << u"2025-03-10 10:00"_s;
    QTest::newRow("handling + 1 day") << u"2025-03-03 10:00"_s << H << 1 << u"2025-03-11 10:00"_s;
    QTest::newRow("handling + 2 days") << u"2025-03-03 10:00"_s << H << 2 << u"2025-03-12 10:00"_s;
    QTest::newRow("consult before 08:30") << u"2025-03-03 06:10"_s << C << 0 << u"2025-03-03 17:30"_s;
    QTest::newRow("consult in the evening") << u"2025-01-23 17:45"_s << C << 0 << u"2025-01-24 17:30"_s;
    QTest::newRow("consult over lunch") << u"2025-03-03 12:15"_s << C << 0 << u"2025-03-04 12:00"_s;
    QTest::newRow("consult on Saturday") << u"2025-03-08 09:00"_s << C << 0 << u"2025-03-10 17:30"_s;
    QTest::newRow("consult on a make-up Saturday") << u"2025-02-08 10:00"_s << C << 0 << u"2025-02-10 10:00"_s;
    // 2025 Spring Festival: off 01-28..02-04, make-up Saturday 02-08.
    QTest::newRow("consult before 2025 Spring Festival") << u"2025-01-27 09:00"_s << C << 0 << u"2025-02-05 09:00"_s;
    QTest::newRow("handling before 2025 Spring Festival") << u"2025-01-27 09:00"_s << H << 0 << u"2025-02-10 09:00"_s;
    // 2024 Spring Festival: off 02-10..02-17, make-up Sunday 02-18; New Year's Eve (02-09) is a working day.
    QTest::newRow("consult on 2024 New Year's Eve") << u"2024-02-09 16:00"_s << C << 0 << u"2024-02-18 16:00"_s;
    // 2024 National Day: make-up Sunday 09-29, off 10-01..10-07, make-up Saturday 10-12.
    QTest::newRow("consult before 2024 National Day") << u"2024-09-30 10:00"_s << C << 0 << u"2024-10-08 10:00"_s;
    QTest::newRow("handling before 2024 National Day") << u"2024-09-27 17:00"_s << H << 0 << u"2024-10-10 17:00"_s;
    // 2025 National Day + Mid-Autumn: make-up Sunday 09-28, off 10-01..10-08, make-up Saturday 10-11.
    QTest::newRow("consult before 2025 National Day") << u"2025-09-30 16:00"_s << C << 0 << u"2025-10-09 16:00"_s;
    QTest::newRow("handling before 2025 National Day") << u"2025-09-30 16:00"_s << H << 0 << u"2025-10-14 16:00"_s;
    QTest::newRow("dispatched during the holiday") << u"2025-10-03 10:00"_s << C << 0 << u"2025-10-09 17:30"_s;
    // 2026 Spring Festival: make-up Saturdays 02-14 and 02-28 around 02-15..02-23 off.
    QTest::newRow("consult into a 2026 make-up Saturday") << u"2026-02-13 15:00"_s << C << 0 << u"2026-02-14 15:00"_s;
    QTest::newRow("handling over 2026 Spring Festival") << u"2026-02-14 15:00"_s << H << 0 << u"2026-02-28 15:00"_s;
}

void TestSla::deadline()
{
    QFETCH(QString, dispatched);
    QFETCH(SlaClass, cls);
    QFETCH(int, extension);
    QFETCH(QString, expected);
    const SlaClock clock = builtinClock();
    const qint64 d = clock.deadline(at(dispatched), cls, extension);
    QCOMPARE(clock.calendar().toIsoLocal(d), iso(expected));
    QCOMPARE(clock.remaining(at(dispatched), d), clock.durationSeconds(cls, extension));
}

void TestSla::colourAtBoundaries_data()
{
    QTest::addColumn<QString>("t");
    QTest::addColumn<Colour>("colour");
    QTest::addColumn<qint64>("remaining");
    // Deadline: handling from Monday 2025-03-03 08:30 = Friday 2025-03-07 17:30.
    QTest::newRow("at dispatch") << u"2025-03-03 08:30"_s << Colour::Green << 35 * kHour;
    QTest::newRow("Thursday evening") << u"2025-03-06 20:00"_s << Colour::Green << 7 * kHour;
    QTest::newRow("3 h 00 m 01 s left") << u"2025-03-07 14:29:59"_s << Colour::Green << 3 * kHour + 1;
    QTest::newRow("3 h 00 m 00 s left") << u"2025-03-07 14:30:00"_s << Colour::Yellow << 3 * kHour;
    QTest::newRow("lunch on the last day") << u"2025-03-07 12:30"_s << Colour::Green << 3 * kHour + 1800;
    QTest::newRow("the deadline itself") << u"2025-03-07 17:30:00"_s << Colour::Yellow << qint64(0);
    QTest::newRow("one second past") << u"2025-03-07 17:30:01"_s << Colour::Red << qint64(0);
    QTest::newRow("that night") << u"2025-03-07 23:00"_s << Colour::Red << qint64(0);
    QTest::newRow("next Monday 09:00") << u"2025-03-10 09:00"_s << Colour::Red << -1800LL;
    QTest::newRow("a week late") << u"2025-03-14 17:30"_s << Colour::Red << -5 * 7 * kHour;
}

void TestSla::colourAtBoundaries()
{
    QFETCH(QString, t);
    QFETCH(Colour, colour);
    QFETCH(qint64, remaining);
    const SlaClock clock = builtinClock();
    const qint64 d = clock.deadline(at(u"2025-03-03 08:30"), SlaClass::Handling);
    QCOMPARE(clock.calendar().toIsoLocal(d), iso(u"2025-03-07 17:30"));
    QCOMPARE(clock.colour(at(t), d), colour);
    QCOMPARE(clock.remaining(at(t), d), remaining);
    const SlaStatus s = clock.status(at(t), d);
    QCOMPARE(s.colour, colour);
    QCOMPARE(s.remainingSeconds, remaining);
    QCOMPARE(s.nextChange, clock.nextChange(at(t), d));
}

void TestSla::remainingStandsStillOffHours()
{
    const SlaClock clock = builtinClock();
    // Overnight: nothing moves between 17:30 and 08:30.
    const qint64 d = at(u"2025-03-07 17:30");
    for (const QString &t :
         {u"2025-03-06 17:30"_s, u"2025-03-06 21:00"_s, u"2025-03-07 03:00"_s, u"2025-03-07 08:30"_s})
        QCOMPARE(clock.remaining(at(t), d), 7 * kHour);
    QCOMPARE(clock.remaining(at(u"2025-03-07 08:31"), d), 7 * kHour - 60);
    // Over the 2025 National Day holiday: consult dispatched 09-30 16:00, due 10-09 16:00.
    const qint64 holidayDeadline = clock.deadline(at(u"2025-09-30 16:00"), SlaClass::Consult);
    for (const QString &t : {u"2025-09-30 17:30"_s, u"2025-10-01 10:00"_s, u"2025-10-05 15:00"_s,
                             u"2025-10-08 16:00"_s, u"2025-10-09 08:30"_s})
        QCOMPARE(clock.remaining(at(t), holidayDeadline), 5 * kHour + 1800);
    // Overdue time does not grow over a weekend either.
    QCOMPARE(clock.remaining(at(u"2025-03-08 12:00"), d), 0);
    QCOMPARE(clock.remaining(at(u"2025-03-10 08:30"), d), 0);
}

void TestSla::nextChange_data()
{
    QTest::addColumn<QString>("t");
    QTest::addColumn<QString>("deadline");
    QTest::addColumn<qint64>("threshold");
    QTest::addColumn<QString>("expected"); // empty: none (already red)
    QTest::newRow("green -> yellow at 14:30") << u"2025-03-03 09:00"_s << u"2025-03-07 17:30"_s << 3 * kHour
                                              << u"2025-03-07 14:30"_s;
    QTest::newRow("yellow -> red one second past") << u"2025-03-07 15:00"_s << u"2025-03-07 17:30"_s << 3 * kHour
                                                   << u"2025-03-07 17:30:01"_s;
    QTest::newRow("yellow at the deadline") << u"2025-03-07 17:30"_s << u"2025-03-07 17:30"_s << 3 * kHour
                                            << u"2025-03-07 17:30:01"_s;
    QTest::newRow("red: none") << u"2025-03-07 17:30:01"_s << u"2025-03-07 17:30"_s << 3 * kHour << QString();
    QTest::newRow("threshold spans the evening") << u"2025-03-10 09:00"_s << u"2025-03-11 10:00"_s << 3 * kHour
                                                 << u"2025-03-10 16:00"_s;
    QTest::newRow("threshold spans lunch") << u"2025-03-05 09:00"_s << u"2025-03-07 15:00"_s << 3 * kHour
                                           << u"2025-03-07 10:00"_s;
    QTest::newRow("earliest: yellow from the previous 17:30") << u"2025-03-05 09:00"_s << u"2025-03-07 17:30"_s
                                                              << 7 * kHour << u"2025-03-06 17:30"_s;
    QTest::newRow("green through the holiday") << u"2025-09-30 16:00"_s << u"2025-10-09 16:00"_s << 3 * kHour
                                               << u"2025-10-09 11:00"_s;
    QTest::newRow("yellow before the holiday") << u"2025-09-30 09:30"_s << u"2025-10-09 09:30"_s << 3 * kHour
                                               << u"2025-09-30 15:30"_s;
    QTest::newRow("threshold 0") << u"2025-03-07 09:00"_s << u"2025-03-07 17:30"_s << qint64(0)
                                 << u"2025-03-07 17:30"_s;
}

void TestSla::nextChange()
{
    QFETCH(QString, t);
    QFETCH(QString, deadline);
    QFETCH(qint64, threshold);
    QFETCH(QString, expected);
    SlaPolicy policy;
    QVERIFY(policy.setYellowThresholdSeconds(threshold));
    const SlaClock clock(builtinWorkCalendar(), policy);
    const qint64 d = at(deadline);
    const std::optional<qint64> next = clock.nextChange(at(t), d);
    if (expected.isEmpty()) {
        QVERIFY(!next.has_value());
        return;
    }
    QVERIFY(next.has_value());
    QCOMPARE(clock.calendar().toIsoLocal(*next), iso(expected));
    // It is a real change, and the first one: one second earlier still has the colour of t.
    QVERIFY(clock.colour(*next, d) != clock.colour(at(t), d));
    QCOMPARE(clock.colour(*next - 1, d), clock.colour(at(t), d));
}

void TestSla::customHoursAndPolicy()
{
    WorkCalendar cal;
    QVERIFY(cal.setWorkingPeriods({{QTime(9, 0), QTime(17, 0)}}));
    SlaPolicy policy;
    QVERIFY(policy.setDurationDays(SlaClass::Consult, 2));
    QVERIFY(policy.setYellowThresholdSeconds(kHour));
    const SlaClock clock(cal, policy);
    QCOMPARE(clock.durationSeconds(SlaClass::Consult), 16 * kHour);
    // Monday 12:00: 5 h Monday, 8 h Tuesday, 3 h Wednesday.
    const qint64 d = clock.deadline(at(u"2025-03-03 12:00"), SlaClass::Consult);
    QCOMPARE(clock.calendar().toIsoLocal(d), iso(u"2025-03-05 12:00"));
    QCOMPARE(clock.colour(at(u"2025-03-05 10:59:59"), d), Colour::Green);
    QCOMPARE(clock.colour(at(u"2025-03-05 11:00"), d), Colour::Yellow);
    QCOMPARE(clock.nextChange(at(u"2025-03-04 09:00"), d), std::optional<qint64>(at(u"2025-03-05 11:00")));
    QCOMPARE(clock.colour(at(u"2025-03-05 12:00:01"), d), Colour::Red);
}

void TestSla::computationIsCheap()
{
    // The board recomputes many tickets; a deadline plus a status must stay far below the 500 ns budget.
    const SlaClock clock = builtinClock();
    const qint64 base = at(u"2024-01-01 00:00");
    constexpr int kCount = 200000;
    qint64 checksum = 0;
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < kCount; ++i) {
        const qint64 start = base + qint64(i) * 487; // spread over about three years
        const qint64 d = clock.deadline(start, i % 3 ? SlaClass::Handling : SlaClass::Consult);
        checksum += d + clock.status(start + 40000, d).remainingSeconds;
    }
    const double nsPerTicket = double(timer.nsecsElapsed()) / kCount;
    qInfo("deadline + status: %.0f ns per ticket", nsPerTicket);
    QVERIFY(checksum != 0);
    QVERIFY2(nsPerTicket < 5000, "far slower than expected: is QTimeZone being called per computation?");
}

QTEST_GUILESS_MAIN(TestSla)
#include "tst_sla.moc"
