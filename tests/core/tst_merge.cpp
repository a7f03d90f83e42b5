// Same incident, many callers: registration suggests open tickets of the same category and town with a similar
// place or summary (Chinese, no word breaks), a merge makes one ticket follow another under the documented rules,
// the parent's reply answers every follower in the same transaction, the desk leaves followers out until then,
// and a rebuild of the projection and `verify` agree with what the services wrote.
#include "TestWorkspace.h"

#include "auth/Permissions.h"
#include "domain/DisplayNames.h"
#include "service/DeskBoard.h"
#include "service/DuplicateFinder.h"
#include "service/Followers.h"
#include "service/TicketQueries.h"
#include "service/TicketService.h"
#include "storage/Database.h"
#include "storage/EventStore.h"
#include "storage/ProjectionVerifier.h"
#include "storage/Settings.h"

#include <QSqlQuery>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace hotline;
using namespace hotline::test;

namespace {

const QString kCategory = u"市政设施"_s;
const QString kTown = u"桂城街道"_s;

Actor dispatcher() { return Actor{u"disp"_s, Role::Dispatcher, QString(), u"01"_s}; }
Actor callTaker() { return Actor{u"ct"_s, Role::CallTaker, QString(), u"01"_s}; }
Actor liaison() { return Actor{u"li"_s, Role::Liaison, u"D1"_s, u"01"_s}; }

struct Fixture
{
    TestWorkspace tw{u"2025-03-03T09:00:00+08:00"_s};

    Fixture() { tw.addDepartment(u"D1"_s, u"区城管局"_s); }

    QString add(const QString &summary, const QString &address = QString(), const QString &town = kTown,
                const QString &category = kCategory)
    {
        NewTicket t;
        t.type = TicketType::Report;
        t.category = category;
        t.town = town;
        t.summary = summary;
        t.address = address;
        t.callerPhone = u"13812345678"_s;
        QString error;
        const QString id = tw.ws->tickets().registerTicket(callTaker(), t, &error);
        if (id.isEmpty())
            qWarning() << "register failed:" << error;
        return id;
    }

    Ticket ticket(const QString &id) { return tw.ws->events().ticket(id); }
    TicketService &s() { return tw.ws->tickets(); }

    QStringList suggested(const QString &summary, const QString &address = QString(), const QString &exclude = QString())
    {
        QStringList numbers;
        const DuplicateQuery q{kCategory, kTown, address, summary, exclude};
        for (const DuplicateSuggestion &d : DuplicateFinder(tw.ws->database()).suggest(dispatcher(), q, tw.clock.nowMs()))
            numbers << ticket(d.ticketId).summary;
        return numbers;
    }

    QStringList deskIds()
    {
        QStringList ids;
        const DeskClock clock = DeskClock::fromSettings(tw.ws->sla(), tw.ws->settings());
        for (const DeskEntry &e : DeskBoard::load(tw.ws->database(), clock, tw.clock.nowSecs()).entries)
            ids << e.ticketId;
        return ids;
    }

    long long eventCount()
    {
        QSqlQuery q(tw.ws->database().sql());
        q.exec(u"SELECT count(*) FROM events"_s);
        return q.next() ? q.value(0).toLongLong() : -1;
    }
};

} // namespace

class TestMerge : public QObject
{
    Q_OBJECT

private slots:
    void likenessFoldsWidthSpacesAndPunctuation()
    {
        QCOMPARE(DuplicateFinder::similarity(u"南海大道 12 号"_s, u"南海大道１２号。"_s), 1.0);
        QCOMPARE(DuplicateFinder::similarity(u"井盖"_s, u"路灯"_s), 0.0);
        QVERIFY(DuplicateFinder::similarity(u"南海大道口井盖缺失"_s, u"南海大道井盖不见了"_s) > 0.4);
        QCOMPARE(DuplicateFinder::similarity(QString(), u"路灯"_s), 0.0);
    }

    void suggestionsRankSimilarOpenTicketsOfTheIncident()
    {
        Fixture f;
        f.add(u"南海大道口井盖缺失，有行人掉落危险"_s, u"桂城南海大道与海八路交界"_s);
        f.add(u"井盖不见了"_s, u"南海大道海八路口"_s);
        f.add(u"路灯不亮"_s, u"灯湖东路"_s);                                // same place? no: different matter and place
        f.add(u"南海大道口井盖缺失"_s, u"南海大道海八路口"_s, u"大沥镇"_s);      // another town
        f.add(u"南海大道口井盖缺失"_s, u"南海大道海八路口"_s, kTown, u"环境卫生"_s); // another category
        const QString closed = f.add(u"南海大道井盖缺失"_s, u"南海大道海八路口"_s);
        QString error;
        QVERIFY2(f.s().close(dispatcher(), closed, u"已告知"_s, &error), qPrintable(error));

        const QStringList got = f.suggested(u"南海大道海八路口的井盖没了"_s, u"南海大道海八路口"_s);
        // The same place first (address identical), then the summary-alike one; never the other town, category,
        // the closed ticket or the street lamp.
        QCOMPARE(got, (QStringList{u"井盖不见了"_s, u"南海大道口井盖缺失，有行人掉落危险"_s}));

        // A liaison never sees other callers' matters; without category or town there is nothing to compare.
        const DuplicateQuery q{kCategory, kTown, u"南海大道海八路口"_s, u"井盖"_s, {}};
        QVERIFY(DuplicateFinder(f.tw.ws->database()).suggest(liaison(), q, f.tw.clock.nowMs()).isEmpty());
        const DuplicateQuery noTown{kCategory, QString(), u"南海大道海八路口"_s, u"井盖"_s, {}};
        QVERIFY(DuplicateFinder(f.tw.ws->database()).suggest(dispatcher(), noTown, f.tw.clock.nowMs()).isEmpty());
    }

    void suggestionsKeepToTheWindowAndLeaveOutFollowersAndTheNewTicket()
    {
        Fixture f;
        const QString old = f.add(u"小区门口垃圾堆积"_s);
        f.tw.setNow(u"2025-03-09T09:00:00+08:00"_s); // 6 days later: within the default 7
        const QString parent = f.add(u"小区门口垃圾堆积发臭"_s);
        const QString child = f.add(u"小区门口垃圾堆积没人清"_s);
        QString error;
        QVERIFY2(f.s().merge(dispatcher(), child, parent, QString(), &error), qPrintable(error));
        QCOMPARE(f.suggested(u"小区门口垃圾堆积"_s, {}, parent).size(), 1); // the old one; not the follower, not itself

        // merge.window_days is validated (1 to 90) and narrows the look-back.
        QVERIFY(!f.tw.ws->settings().set(u"merge.window_days"_s, u"0"_s, &error));
        QVERIFY(!f.tw.ws->settings().set(u"merge.window_days"_s, u"91"_s, &error));
        QVERIFY2(f.tw.ws->settings().set(u"merge.window_days"_s, u"3"_s, &error), qPrintable(error));
        QCOMPARE(f.tw.ws->settings().value(u"merge.window_days"_s), u"3"_s);
        QVERIFY(f.suggested(u"小区门口垃圾堆积"_s, {}, parent).isEmpty());
        Q_UNUSED(old);
    }

    void rulesAreRefusedWithMessages()
    {
        Fixture f;
        const QString a = f.add(u"路灯不亮"_s);
        const QString b = f.add(u"路灯坏了"_s);
        const QString c = f.add(u"路灯一直不亮"_s);
        const long long before = f.eventCount();
        QString error;
        QVERIFY(!f.s().merge(dispatcher(), a, a, QString(), &error));
        QVERIFY2(error.contains(u"itself"_s), qPrintable(error));
        QVERIFY(!f.s().merge(dispatcher(), a, u"no-such-id"_s, QString(), &error));
        QVERIFY2(error.contains(u"no ticket"_s), qPrintable(error));
        // The permission table: merge is the dispatcher's and the administrator's, not a call-taker's.
        QVERIFY(!f.s().merge(callTaker(), b, a, QString(), &error));
        QVERIFY2(error.contains(DisplayNames::action(Action::Merge)), qPrintable(error));
        QCOMPARE(f.eventCount(), before);

        // b follows a; then a cannot follow b (its own follower), nor b anything else.
        QVERIFY2(f.s().merge(dispatcher(), b, a, u"同一路段"_s, &error), qPrintable(error));
        QVERIFY(!f.s().merge(dispatcher(), a, b, QString(), &error));
        QVERIFY2(error.contains(u"own follower"_s), qPrintable(error));
        QVERIFY(!f.s().merge(dispatcher(), b, c, QString(), &error));
        QVERIFY2(error.contains(u"already follows"_s), qPrintable(error));
        // Merging into a follower follows the chain to its root.
        QVERIFY2(f.s().merge(dispatcher(), c, b, QString(), &error), qPrintable(error));
        QCOMPARE(f.ticket(c).parentId, a);

        // A child with a department's clock running: return it first.
        const QString d = f.add(u"路灯闪烁"_s);
        QVERIFY2(f.s().dispatch(dispatcher(), d, u"D1"_s, &error), qPrintable(error));
        QVERIFY(!f.s().merge(dispatcher(), d, a, QString(), &error));
        QVERIFY2(error.contains(u"return it"_s), qPrintable(error));
        // A closed parent, and a parent that already has its reply.
        const QString e = f.add(u"路灯不亮了"_s);
        const QString closed = f.add(u"路灯"_s);
        QVERIFY(f.s().close(dispatcher(), closed, u"已解答"_s, &error));
        QVERIFY(!f.s().merge(dispatcher(), e, closed, QString(), &error));
        QVERIFY2(error.contains(u"closed"_s), qPrintable(error));
        QVERIFY(f.s().sign(Actor{u"li"_s, Role::Liaison, u"D1"_s, u"01"_s}, d, &error));
        QVERIFY(f.s().reply(liaison(), d, u"已修复"_s, &error));
        QVERIFY(!f.s().merge(dispatcher(), e, d, QString(), &error));
        QVERIFY2(error.contains(u"already has its reply"_s), qPrintable(error));
        // Dispatching a follower is refused by the fold: it is answered with its parent.
        QVERIFY(!f.s().dispatch(dispatcher(), b, u"D1"_s, &error));
        QVERIFY2(error.contains(u"follows another ticket"_s), qPrintable(error));
        // Nor is it replied on its own: the parent's reply answers it.
        QVERIFY(!f.s().reply(f.tw.ws->systemActor(), b, u"已处理"_s, &error));
        QVERIFY2(error.contains(u"reply to that ticket"_s), qPrintable(error));
    }

    void theParentsReplyAnswersEveryFollower()
    {
        Fixture f;
        const QString parent = f.add(u"南海大道井盖缺失"_s);
        const QString child = f.add(u"南海大道口井盖不见了"_s);
        const QString grandchild = f.add(u"海八路口井盖没了"_s);
        const QString alone = f.add(u"井盖松动"_s);
        QString error;
        // grandchild follows child before child follows the parent: the reply reaches it too.
        QVERIFY2(f.s().merge(dispatcher(), grandchild, child, QString(), &error), qPrintable(error));
        QVERIFY2(f.s().merge(Actor{u"adm"_s, Role::Administrator, QString(), u"01"_s}, child, parent, u"同一井盖"_s, &error),
                 qPrintable(error));
        const Ticket merged = f.ticket(child);
        QCOMPARE(merged.parentId, parent);
        const QList<TicketEvent> h = f.tw.ws->events().history(child);
        QCOMPARE(h.last().type, EventType::Merged);
        QCOMPARE(h.last().payload.value(Key::ParentNumber).toString(), f.ticket(parent).number);
        QCOMPARE(h.last().payload.value(Key::Reason).toString(), u"同一井盖"_s);
        QCOMPARE(Followers::direct(f.tw.ws->database(), parent).size(), 1);
        QCOMPARE(Followers::openDescendants(f.tw.ws->database(), parent).size(), 2);

        // The desk and the dispatch queue leave followers out: they wait for their parent, not for dispatch.
        QVERIFY(f.deskIds().contains(parent));
        QVERIFY(!f.deskIds().contains(child));
        QVERIFY(!f.deskIds().contains(grandchild));
        QStringList queue;
        for (const Ticket &t : f.tw.ws->queries().dispatchQueue(dispatcher()))
            queue << t.id;
        QCOMPARE(queue, (QStringList{parent, alone}));

        // A parent closed at intake would leave its followers unanswered.
        QVERIFY(!f.s().close(dispatcher(), parent, u"已解答"_s, &error));
        QVERIFY2(error.contains(f.ticket(child).number), qPrintable(error));

        QVERIFY2(f.s().dispatch(dispatcher(), parent, u"D1"_s, &error), qPrintable(error));
        QVERIFY(f.s().sign(liaison(), parent, &error));
        f.tw.setNow(u"2025-03-04T10:00:00+08:00"_s);
        QVERIFY2(f.s().reply(liaison(), parent, u"井盖已补装"_s, &error), qPrintable(error));
        for (const QString &id : {child, grandchild}) {
            const Ticket t = f.ticket(id);
            QCOMPARE(t.state, TicketState::Replied);
            QCOMPARE(t.replyText, u"井盖已补装"_s);
            QCOMPARE(t.replyOnTime, std::optional<bool>(true));
            QCOMPARE(t.department, u"D1"_s);
            QCOMPARE(t.repliedMs, f.ticket(parent).repliedMs);
            const TicketEvent r = f.tw.ws->events().history(id).last();
            QCOMPARE(r.type, EventType::Replied);
            QCOMPARE(r.actor, u"li"_s);
            QCOMPARE(r.payload.value(Key::ParentNumber).toString(), f.ticket(parent).number);
            // Each caller now waits for its own callback at the desk.
            QVERIFY(f.deskIds().contains(id));
        }
        QCOMPARE(f.ticket(alone).state, TicketState::Registered);
        // Called back and closed on their own; a follower's on-time figure is its parent's reply's.
        QVERIFY2(f.s().callback(dispatcher(), child, Satisfaction::Satisfied, QString(), &error), qPrintable(error));
        QVERIFY2(f.s().close(dispatcher(), child, u"已回访"_s, &error), qPrintable(error));
        QCOMPARE(f.ticket(child).onTime, std::optional<bool>(true));

        // The projection rebuilt from the events is the same, and verify finds nothing.
        const Ticket beforeRebuild = f.ticket(grandchild);
        QVERIFY2(f.tw.ws->events().rebuildProjection(&error), qPrintable(error));
        QCOMPARE(f.ticket(grandchild), beforeRebuild);
        const ProjectionFinding finding = ProjectionVerifier::verify(f.tw.ws->database());
        QVERIFY2(finding.ok(), qPrintable(finding.error));
    }

    void aLateParentMakesLateFollowersAndAReopenedFollowerStandsAlone()
    {
        Fixture f;
        const QString parent = f.add(u"路面塌陷"_s);
        const QString child = f.add(u"路面塌了个坑"_s);
        QString error;
        QVERIFY(f.s().merge(dispatcher(), child, parent, QString(), &error));
        QVERIFY(f.s().dispatch(dispatcher(), parent, u"D1"_s, &error));
        f.tw.setNow(u"2025-03-20T10:00:00+08:00"_s); // long past the 5 working days
        QVERIFY(f.s().sign(liaison(), parent, &error));
        QVERIFY2(f.s().reply(liaison(), parent, u"已修复"_s, &error), qPrintable(error));
        QCOMPARE(f.ticket(child).replyOnTime, std::optional<bool>(false));
        QVERIFY(f.s().close(dispatcher(), child, u"已回访"_s, &error));
        QCOMPARE(f.ticket(child).onTime, std::optional<bool>(false));
        // The caller is unsatisfied: reopened, the follower is its own ticket again, back at the dispatch desk.
        QVERIFY2(f.s().reopen(dispatcher(), child, u"市民不满意"_s, &error), qPrintable(error));
        QVERIFY(f.ticket(child).parentId.isEmpty());
        QVERIFY(f.deskIds().contains(child));
        QVERIFY2(f.s().dispatch(dispatcher(), child, u"D1"_s, &error), qPrintable(error));
        const ProjectionFinding finding = ProjectionVerifier::verify(f.tw.ws->database());
        QVERIFY2(finding.ok(), qPrintable(finding.error));
    }
};

QTEST_GUILESS_MAIN(TestMerge)
#include "tst_merge.moc"
