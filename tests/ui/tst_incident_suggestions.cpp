// "Possibly the same incident" under the registration form, offscreen with real widgets: the list follows the
// typing (debounced) without taking the keyboard, keeps the registered call's suggestions, and a dispatcher merges
// the new ticket into one; a call-taker sees the list but no merge. The dispatch queue's Merge into… and the
// ticket detail's "follows" line are checked on the same workspace.
#include "TestWorkspace.h"
#include "UiTestHelpers.h"
#include "board/TicketDetailDialog.h"
#include "dispatch/DispatchQueuePage.h"
#include "registration/IncidentSuggestions.h"
#include "registration/RegistrationForm.h"
#include "service/TicketService.h"
#include "storage/Database.h"
#include "storage/EventStore.h"
#include "support/ConsoleSession.h"
#include "support/Prompts.h"

#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace hotline;
using namespace hotline::test;

namespace {

const QString kNow = u"2025-03-03T09:00:00+08:00"_s;

void addReferenceData(Workspace &ws)
{
    QSqlQuery q(ws.database().sql());
    for (const QString &town : {u"桂城"_s, u"大沥"_s})
        QVERIFY(q.exec(u"INSERT INTO towns(name) VALUES('"_s + town + u"')"_s));
    for (const QString &category : {u"市政设施"_s, u"环境卫生"_s})
        QVERIFY(q.exec(u"INSERT INTO categories(name) VALUES('"_s + category + u"')"_s));
}

QString registerTicket(Workspace &ws, const QString &summary, const QString &town = u"桂城"_s)
{
    NewTicket t;
    t.type = TicketType::Report;
    t.category = u"市政设施"_s;
    t.town = town;
    t.summary = summary;
    QString error;
    const QString id = ws.tickets().registerTicket(ws.systemActor(), t, &error);
    if (id.isEmpty())
        qWarning() << error;
    return id;
}

template<typename T> T *part(QWidget &w, const QString &name)
{
    T *found = w.findChild<T *>(name);
    if (!found)
        qWarning("no %s named %s", T::staticMetaObject.className(), qPrintable(name));
    return found;
}

struct Screen
{
    Screen(Workspace &ws, const Clock &clock, Actor actor)
        : session(ws, clock, std::move(actor)), form(std::make_unique<RegistrationForm>(session))
    {
        form->resize(1366, 768);
        form->show();
        QApplication::setActiveWindow(form.get());
    }
    ~Screen() { form.reset(); }

    ConsoleSession session;
    std::unique_ptr<RegistrationForm> form;
};

} // namespace

class TestIncidentSuggestions : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { Prompts::setTestMode(true); }

    void suggestionsFollowTheTypingAndTheDispatcherMerges()
    {
        TestWorkspace tw(kNow);
        QVERIFY2(tw.isValid(), qPrintable(tw.error));
        addReferenceData(*tw.ws);
        const QString parent = registerTicket(*tw.ws, u"南海大道海八路口井盖缺失"_s);
        registerTicket(*tw.ws, u"南海大道海八路口井盖缺失"_s, u"大沥"_s); // another town: never suggested
        registerTicket(*tw.ws, u"公园路灯不亮"_s);                         // another matter
        Screen screen(*tw.ws, tw.clock, Actor{u"disp"_s, Role::Dispatcher, QString(), u"01"_s});
        RegistrationForm &form = *screen.form;
        QVERIFY(QTest::qWaitForWindowActive(&form));
        auto *suggestions = part<IncidentSuggestions>(form, u"incidentSuggestions"_s);
        auto *list = part<QListWidget>(form, u"incidentSuggestionList"_s);
        QVERIFY(suggestions && list);
        QVERIFY(!suggestions->isVisible());

        part<QComboBox>(form, u"town"_s)->setCurrentText(u"桂城"_s);
        part<QComboBox>(form, u"category"_s)->setCurrentText(u"市政设施"_s);
        part<QLineEdit>(form, u"summary"_s)->setFocus();
        type(u"海八路口井盖没了"_s);
        // After the pause: the one open ticket of the incident; the keyboard stays in the summary.
        QTRY_COMPARE(list->count(), 1);
        QVERIFY(suggestions->isVisible());
        QVERIFY(list->item(0)->text().contains(tw.ws->events().ticket(parent).number));
        QCOMPARE(focusedField(), u"summary"_s);
        press(Qt::Key_Tab);
        QCOMPARE(focusedField(), u"details"_s); // Tab never stops in the list
        auto *merge = part<QPushButton>(form, u"mergeIntoSuggestion"_s);
        QVERIFY(merge->isVisible());
        QVERIFY(!merge->isEnabled()); // nothing registered yet

        QSignalSpy registered(&form, &RegistrationForm::ticketRegistered);
        QVERIFY(form.submit());
        QCOMPARE(registered.count(), 1);
        const QString child = registered.at(0).at(0).toString();
        // The form is clear for the next call, the list still offers the registered call's incident.
        QVERIFY(form.content().isBlank());
        QCOMPARE(list->count(), 1);
        list->setCurrentRow(0);
        QVERIFY(merge->isEnabled());
        QSignalSpy merged(suggestions, &IncidentSuggestions::merged);
        QTest::mouseClick(merge, Qt::LeftButton);
        QCOMPARE(merged.count(), 1);
        QCOMPARE(tw.ws->events().ticket(child).parentId, parent);
        QVERIFY(part<QLabel>(form, u"mergeResult"_s)->text().contains(u"now follows"_s));

        // The detail shows who follows whom.
        TicketDetailDialog detail(screen.session, child);
        QVERIFY(part<QLabel>(detail, u"detailIncident"_s)->text().contains(tw.ws->events().ticket(parent).number));
        TicketDetailDialog parentDetail(screen.session, parent);
        QVERIFY(part<QLabel>(parentDetail, u"detailIncident"_s)->text().contains(tw.ws->events().ticket(child).number));
    }

    void aCallTakerSeesTheListButDoesNotMerge()
    {
        TestWorkspace tw(kNow);
        addReferenceData(*tw.ws);
        registerTicket(*tw.ws, u"南海大道海八路口井盖缺失"_s);
        Screen screen(*tw.ws, tw.clock, Actor{u"alice"_s, Role::CallTaker, QString(), u"01"_s});
        RegistrationForm &form = *screen.form;
        QVERIFY(QTest::qWaitForWindowActive(&form));
        part<QComboBox>(form, u"town"_s)->setCurrentText(u"桂城"_s);
        part<QComboBox>(form, u"category"_s)->setCurrentText(u"市政设施"_s);
        part<QLineEdit>(form, u"summary"_s)->setFocus();
        type(u"井盖缺失"_s);
        auto *list = part<QListWidget>(form, u"incidentSuggestionList"_s);
        QTRY_COMPARE(list->count(), 1);
        QVERIFY(!part<QPushButton>(form, u"mergeIntoSuggestion"_s)->isVisible());
    }

    void theDispatchQueueMergesTheCurrentTicket()
    {
        TestWorkspace tw(kNow);
        addReferenceData(*tw.ws);
        const QString parent = registerTicket(*tw.ws, u"南海大道海八路口井盖缺失"_s);
        tw.setNow(u"2025-03-03T09:05:00+08:00"_s);
        const QString child = registerTicket(*tw.ws, u"海八路口井盖没了"_s);
        ConsoleSession session(*tw.ws, tw.clock, Actor{u"disp"_s, Role::Dispatcher, QString(), u"01"_s});
        DispatchQueuePage page(session);
        page.show();
        page.refresh();
        auto *queue = part<QAbstractItemView>(page, u"dispatchQueue"_s);
        QCOMPARE(queue->model()->rowCount(), 2);
        QVERIFY(part<QPushButton>(page, u"mergeInto"_s)->isVisible());
        // The newer ticket (second row, oldest first) follows the older one by number.
        queue->setCurrentIndex(queue->model()->index(1, 0));
        QVERIFY(!page.mergeCurrentInto(u"2099-000"_s, QString()));
        QVERIFY(part<QLabel>(page, u"dispatchResult"_s)->text().contains(u"no ticket"_s));
        QVERIFY(page.mergeCurrentInto(tw.ws->events().ticket(parent).number, u"同一井盖"_s));
        QCOMPARE(tw.ws->events().ticket(child).parentId, parent);
        QCOMPARE(queue->model()->rowCount(), 1); // the follower left the queue
    }
};

QTEST_MAIN(TestIncidentSuggestions)
#include "tst_incident_suggestions.moc"
