// The console session: the beat follows the injected clock, ticket changes are forwarded.
#include "TestWorkspace.h"

#include "service/TicketService.h"
#include "support/ConsoleSession.h"
#include "support/Prompts.h"

#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace hotline;
using namespace hotline::test;

class TestSession : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void tickFollowsTheInjectedClock()
    {
        TestWorkspace tw(u"2025-03-03T09:00:00+08:00"_s);
        ConsoleSession session(*tw.ws, tw.clock, Actor{u"alice"_s, Role::CallTaker, QString(), u"01"_s});
        QSignalSpy ticks(&session, &ConsoleSession::tick);
        session.pulse();
        tw.clock.advanceSecs(3600);
        session.pulse();
        QCOMPARE(ticks.count(), 2);
        QCOMPARE(ticks.at(0).at(0).toLongLong(), secs(u"2025-03-03T09:00:00+08:00"_s));
        QCOMPARE(ticks.at(1).at(0).toLongLong(), secs(u"2025-03-03T10:00:00+08:00"_s));
    }

    void ticketChangesAreForwarded()
    {
        TestWorkspace tw;
        ConsoleSession session(*tw.ws, tw.clock, Actor{u"alice"_s, Role::CallTaker, QString(), u"01"_s});
        QSignalSpy changed(&session, &ConsoleSession::ticketsChanged);
        NewTicket t;
        t.summary = u"路灯不亮"_s;
        QString error;
        const QString id = tw.ws->tickets().registerTicket(session.actor(), t, &error);
        QVERIFY2(!id.isEmpty(), qPrintable(error));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.at(0).at(0).toStringList(), QStringList{id});
    }

    void promptsArePreAnswered()
    {
        Prompts::setTestMode(true);
        Prompts::queueAnswer(u"不属本单位"_s);
        Prompts::queueAnswer(QVariant());
        QCOMPARE(Prompts::askText(nullptr, u"t"_s, u"l"_s), std::optional<QString>(u"不属本单位"_s));
        QCOMPARE(Prompts::askText(nullptr, u"t"_s, u"l"_s), std::nullopt);
        Prompts::warning(nullptr, u"t"_s, u"电话号码有误"_s);
        QCOMPARE(Prompts::takeShown(), QStringList{u"电话号码有误"_s});
        Prompts::setTestMode(false);
    }
};

QTEST_MAIN(TestSession)
#include "tst_session.moc"
