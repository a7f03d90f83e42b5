// The wall display: counts, red then yellow then green, paging on the session's beat, no caller data on
// the screen, and a countdown that stands still at night, at weekends and on holidays.
#include "TestWorkspace.h"
#include "board/BoardModel.h"
#include "board/WallDisplay.h"
#include "service/TicketService.h"
#include "support/ConsoleSession.h"

#include <QLabel>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace hotline;
using namespace hotline::test;

namespace {

struct Centre
{
    TestWorkspace tw {u"2025-03-03T09:00:00+08:00"_s}; // a Monday
    Actor dispatcher {u"dora"_s, Role::Dispatcher, QString(), u"01"_s};
    Actor wall {u"wall"_s, Role::Supervisor, QString(), u"01"_s};

    Centre()
    {
        if (!tw.isValid())
            qFatal("workspace: %s", qPrintable(tw.error));
        tw.addDepartment(u"D01"_s, u"城市管理局"_s);
    }
    void at(const QString &iso) { tw.setNow(iso); }

    QString dispatched(TicketType type = TicketType::Consult, const QString &summary = u"路灯不亮"_s)
    {
        NewTicket t;
        t.type = type;
        t.town = u"桂城"_s;
        t.callerName = u"张三丰"_s;
        t.callerPhone = u"13812345678"_s;
        t.summary = summary;
        QString error;
        const QString id = tw.ws->tickets().registerTicket(dispatcher, t, &error);
        if (id.isEmpty() || !tw.ws->tickets().dispatch(dispatcher, id, u"D01"_s, &error))
            qFatal("%s", qPrintable(error));
        return id;
    }
};

QString text(QWidget &w, const QString &name)
{
    auto *label = w.findChild<QLabel *>(name);
    return label ? label->text() : u"<missing %1>"_s.arg(name);
}

QString cell(QWidget &wall, int line, const char *name)
{
    QWidget *row = wall.findChild<QWidget *>(u"wallRow%1"_s.arg(line));
    if (!row || row->isHidden())
        return {};
    auto *label = row->findChild<QLabel *>(QString::fromLatin1(name));
    return label ? label->text() : QString();
}

/** Every text the wall shows, to look for what must never be there. */
QString everything(QWidget &wall)
{
    QStringList all {wall.windowTitle()};
    for (QLabel *label : wall.findChildren<QLabel *>())
        all << label->text() << label->toolTip();
    return all.join(u'\n');
}

} // namespace

class TestWall : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void countsAndOrder()
    {
        Centre c;
        const QString red = c.dispatched(); // consult from Mon 09:00: due Tue 09:00
        c.at(u"2025-03-04T10:00:00+08:00"_s);
        const QString yellow = c.dispatched(); // due Wed 10:00
        const QString green = c.dispatched(TicketType::Complaint); // due Tue 2025-03-11 10:00
        c.at(u"2025-03-05T08:00:00+08:00"_s); // Wednesday before work: 1:30 left on the consult

        ConsoleSession session(*c.tw.ws, c.tw.clock, c.wall);
        WallDisplay wall(session);
        wall.resize(1280, 720);
        wall.show();
        QVERIFY(QTest::qWaitForWindowExposed(&wall));
        session.pulse();

        QCOMPARE(text(wall, u"wallRedCount"_s), u"1"_s);
        QCOMPARE(text(wall, u"wallYellowCount"_s), u"1"_s);
        QCOMPARE(text(wall, u"wallGreenCount"_s), u"1"_s);
        QCOMPARE(text(wall, u"wallPage"_s), u"1/1"_s);
        const BoardModel &model = *wall.model();
        QCOMPARE(cell(wall, 0, "number"), model.row(model.rowOfTicket(red)).number);
        QCOMPARE(cell(wall, 1, "number"), model.row(model.rowOfTicket(yellow)).number);
        QCOMPARE(cell(wall, 2, "number"), model.row(model.rowOfTicket(green)).number);
        QCOMPARE(cell(wall, 1, "remaining"), u"1:30:00"_s);
        QCOMPARE(cell(wall, 0, "department"), u"城市管理局"_s);
        QCOMPARE(cell(wall, 0, "town"), u"桂城"_s);
        QCOMPARE(cell(wall, 0, "summary"), u"路灯不亮"_s);
        QCOMPARE(cell(wall, 3, "number"), QString());

        // A new red one comes in through the session and is counted at once.
        c.at(u"2025-03-05T09:00:00+08:00"_s);
        session.pulse();
        QCOMPARE(text(wall, u"wallRedCount"_s), u"1"_s);
        QCOMPARE(text(wall, u"wallYellowCount"_s), u"1"_s);
    }

    void pagesOnTheBeat()
    {
        Centre c;
        ConsoleSession session(*c.tw.ws, c.tw.clock, c.wall);
        WallDisplay wall(session);
        wall.setPageSeconds(10);
        wall.resize(800, 320);
        wall.show();
        QVERIFY(QTest::qWaitForWindowExposed(&wall));
        const int per = wall.rowsPerPage();
        QVERIFY2(per >= 2, qPrintable(QString::number(per)));
        for (int i = 0; i < 2 * per + 1; ++i)
            c.dispatched();
        QCOMPARE(wall.pageCount(), 3);
        session.pulse();
        QCOMPARE(text(wall, u"wallPage"_s), u"1/3"_s);
        const QString firstOfPageOne = cell(wall, 0, "number");

        c.tw.clock.advanceSecs(9);
        session.pulse();
        QCOMPARE(text(wall, u"wallPage"_s), u"1/3"_s);
        c.tw.clock.advanceSecs(1);
        session.pulse();
        QCOMPARE(text(wall, u"wallPage"_s), u"2/3"_s);
        QCOMPARE(cell(wall, 0, "number"), wall.model()->row(per).number);
        c.tw.clock.advanceSecs(10);
        session.pulse();
        QCOMPARE(text(wall, u"wallPage"_s), u"3/3"_s);
        QCOMPARE(cell(wall, 0, "number"), wall.model()->row(2 * per).number);
        QCOMPARE(cell(wall, 1, "number"), QString()); // the last page holds one ticket
        c.tw.clock.advanceSecs(10);
        session.pulse();
        QCOMPARE(text(wall, u"wallPage"_s), u"1/3"_s);
        QCOMPARE(cell(wall, 0, "number"), firstOfPageOne);

        // A taller screen holds more per page.
        wall.resize(800, 1000);
        QTRY_VERIFY(wall.rowsPerPage() > per);
    }

    void callersNeverAppear()
    {
        Centre c;
        c.dispatched(TicketType::Complaint, u"噪音扰民，请回电13987654321"_s);
        c.dispatched();
        ConsoleSession session(*c.tw.ws, c.tw.clock, c.wall);
        WallDisplay wall(session);
        wall.resize(1280, 720);
        wall.show();
        QVERIFY(QTest::qWaitForWindowExposed(&wall));
        session.pulse();
        const QString shown = everything(wall);
        QVERIFY(shown.contains(u"噪音扰民"_s));
        QVERIFY(shown.contains(u"139****4321"_s));
        QVERIFY(!shown.contains(u"13987654321"_s));
        QVERIFY(!shown.contains(u"13812345678"_s));
        QVERIFY(!shown.contains(u"12345678"_s));
        QVERIFY(!shown.contains(u"张三丰"_s));
        QVERIFY(!shown.contains(u"三丰"_s));
    }

    void nightsWeekendsAndHolidaysDoNotTick()
    {
        Centre c;
        c.at(u"2025-09-30T16:00:00+08:00"_s); // Tuesday before National Day
        c.dispatched(); // consult: due Thu 2025-10-09 16:00 (over the holiday)
        ConsoleSession session(*c.tw.ws, c.tw.clock, c.wall);
        WallDisplay wall(session);
        wall.resize(1280, 720);
        wall.show();
        QVERIFY(QTest::qWaitForWindowExposed(&wall));
        session.pulse();
        QCOMPARE(cell(wall, 0, "remaining"), u"7:00:00"_s);
        QVERIFY(text(wall, u"wallOffHours"_s).isEmpty());

        c.at(u"2025-09-30T17:00:00+08:00"_s);
        session.pulse();
        QCOMPARE(cell(wall, 0, "remaining"), u"6:00:00"_s);

        // The evening: the clock moves on, the countdown does not.
        c.at(u"2025-09-30T19:00:00+08:00"_s);
        session.pulse();
        QCOMPARE(cell(wall, 0, "remaining"), u"5:30:00"_s);
        QVERIFY(!text(wall, u"wallOffHours"_s).isEmpty());
        const QString evening = text(wall, u"wallClock"_s);
        c.at(u"2025-09-30T23:59:00+08:00"_s);
        session.pulse();
        QCOMPARE(cell(wall, 0, "remaining"), u"5:30:00"_s);
        QVERIFY(text(wall, u"wallClock"_s) != evening);
        QVERIFY(!wall.model()->lastTick().countdownAdvanced);

        // National Day and the weekend in it: a week without a second of working time.
        for (const QString &day :
             {u"2025-10-01T10:00:00+08:00"_s, u"2025-10-04T11:00:00+08:00"_s, u"2025-10-08T15:00:00+08:00"_s}) {
            c.at(day);
            session.pulse();
            QCOMPARE(cell(wall, 0, "remaining"), u"5:30:00"_s);
            QVERIFY2(!text(wall, u"wallOffHours"_s).isEmpty(), qPrintable(day));
            QCOMPARE(text(wall, u"wallYellowCount"_s), u"0"_s);
        }

        // Back at work on Thursday the 9th: it counts again, and turns yellow at three hours.
        c.at(u"2025-10-09T10:00:00+08:00"_s);
        session.pulse();
        QVERIFY(text(wall, u"wallOffHours"_s).isEmpty());
        QCOMPARE(cell(wall, 0, "remaining"), u"4:00:00"_s); // 10:00–12:00 and 14:00–16:00
        c.at(u"2025-10-09T11:00:00+08:00"_s);
        session.pulse();
        QCOMPARE(cell(wall, 0, "remaining"), u"3:00:00"_s);
        QCOMPARE(text(wall, u"wallYellowCount"_s), u"1"_s);
    }
};

QTEST_MAIN(TestWall)
#include "tst_wall.moc"
