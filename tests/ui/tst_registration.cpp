// The call-taker's registration form, driven like an operator would: keyboard only, real widgets on the
// offscreen platform, a real SQLite workspace. Drafts are in tst_registration_draft.cpp.
#include "TestWorkspace.h"
#include "UiTestHelpers.h"
#include "domain/DisplayNames.h"
#include "registration/CallerHistoryModel.h"
#include "registration/RegistrationForm.h"
#include "service/TicketQueries.h"
#include "service/TicketService.h"
#include "storage/Database.h"
#include "storage/EventStore.h"
#include "support/ConsoleSession.h"
#include "support/Prompts.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QCompleter>
#include <QInputMethodEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTableView>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace hotline;
using namespace hotline::test;

namespace {

const QString kNow = u"2025-03-03T09:00:00+08:00"_s;

Actor callTaker()
{
    return Actor {u"alice"_s, Role::CallTaker, QString(), u"01"_s};
}

/** Towns and categories as an administrator would have set them up. */
void addReferenceData(Workspace &ws)
{
    QSqlQuery q(ws.database().sql());
    for (const QString &town : {u"桂城"_s, u"九江"_s, u"西樵"_s, u"丹灶"_s, u"狮山"_s, u"大沥"_s, u"里水"_s})
        QVERIFY(q.exec(u"INSERT INTO towns(name) VALUES('"_s + town + u"')"_s));
    for (const QString &category : {u"市政设施"_s, u"环境卫生"_s, u"交通出行"_s, u"劳动保障"_s})
        QVERIFY(q.exec(u"INSERT INTO categories(name) VALUES('"_s + category + u"')"_s));
}

int ticketCount(Workspace &ws)
{
    QSqlQuery q(ws.database().sql());
    return q.exec(u"SELECT COUNT(*) FROM tickets"_s) && q.next() ? q.value(0).toInt() : -1;
}


template<typename T> T *part(QWidget &form, const QString &name)
{
    T *w = form.findChild<T *>(name);
    if (!w)
        qWarning("no %s named %s", T::staticMetaObject.className(), qPrintable(name));
    return w;
}

/** A signed-in call-taker's session with the form on screen. */
struct Screen
{
    explicit Screen(Workspace &ws, const Clock &clock, Actor actor = callTaker())
        : session(ws, clock, std::move(actor))
        , form(std::make_unique<RegistrationForm>(session))
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
class TestRegistration : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { Prompts::setTestMode(true); }

    void keyboardOnlyRegistration()
    {
        TestWorkspace tw(kNow);
        QVERIFY2(tw.isValid(), qPrintable(tw.error));
        addReferenceData(*tw.ws);
        Screen screen(*tw.ws, tw.clock);
        RegistrationForm &form = *screen.form;
        QVERIFY(QTest::qWaitForWindowActive(&form));
        QSignalSpy registered(&form, &RegistrationForm::ticketRegistered);

        QCOMPARE(focusedField(), u"callerPhone"_s);
        type(u"138 1234 5678"_s);
        press(Qt::Key_Tab);
        QCOMPARE(focusedField(), u"callerName"_s);
        type(u"张女士"_s);
        press(Qt::Key_Tab);
        QCOMPARE(focusedField(), u"anonymous"_s);
        press(Qt::Key_Tab);
        QCOMPARE(focusedField(), u"channel"_s); // phone hotline is already chosen
        press(Qt::Key_Tab);
        QCOMPARE(focusedField(), u"type"_s);
        press(Qt::Key_Down); // consultation → complaint
        press(Qt::Key_Tab);
        QCOMPARE(focusedField(), u"town"_s);
        type(u"桂"_s);
        QCOMPARE(part<QComboBox>(form, u"town"_s)->completer()->completionCount(), 1);
        press(Qt::Key_Tab);
        QCOMPARE(focusedField(), u"category"_s);
        QCOMPARE(part<QComboBox>(form, u"town"_s)->currentText(), u"桂城"_s); // the one match was taken
        type(u"市政"_s);
        press(Qt::Key_Tab);
        QCOMPARE(focusedField(), u"summary"_s);
        QCOMPARE(part<QComboBox>(form, u"category"_s)->currentText(), u"市政设施"_s);
        type(u"小区路灯不亮"_s);
        press(Qt::Key_Tab);
        QCOMPARE(focusedField(), u"details"_s);
        type(u"南海大道12号门口,一周了"_s);
        press(Qt::Key_Tab);
        QCOMPARE(focusedField(), u"address"_s);
        type(u"南海大道12号"_s);
        press(Qt::Key_Tab);
        QCOMPARE(focusedField(), u"coordinates"_s);
        type(u"23.03, 113.15"_s);
        press(Qt::Key_Tab); // a complaint has no answer at intake: straight to the button
        QCOMPARE(focusedField(), u"submit"_s);
        press(Qt::Key_Return, Qt::ControlModifier);

        QCOMPARE(registered.count(), 1);
        const QString id = registered.at(0).at(0).toString();
        const QString number = registered.at(0).at(1).toString();
        const Ticket t = tw.ws->events().ticketByNumber(number);
        QVERIFY(t.exists());
        QCOMPARE(t.id, id);
        QCOMPARE(t.callerPhone, u"13812345678"_s);
        QCOMPARE(t.callerName, u"张女士"_s);
        QCOMPARE(t.channel, Channel::Phone);
        QCOMPARE(t.type, TicketType::Complaint);
        QCOMPARE(t.town, u"桂城"_s);
        QCOMPARE(t.category, u"市政设施"_s);
        QCOMPARE(t.summary, u"小区路灯不亮"_s);
        QCOMPARE(t.details, u"南海大道12号门口,一周了"_s);
        QCOMPARE(t.state, TicketState::Registered);
        QCOMPARE(t.address, u"南海大道12号"_s);
        QCOMPARE(t.latitude, std::optional<double>(23.03));
        QCOMPARE(t.longitude, std::optional<double>(113.15));

        QCOMPARE(part<QLabel>(form, u"ticketNumber"_s)->text(), number);
        QCOMPARE(QGuiApplication::clipboard()->text(), number);
        QVERIFY(form.content().isBlank());
        QCOMPARE(form.content().type, TicketType::Consult);
        QVERIFY(part<QLabel>(form, u"errors"_s)->text().isEmpty());
        QCOMPARE(focusedField(), u"callerPhone"_s);

        // The next caller wants to stay anonymous; Ctrl+Enter on the keypad submits too.
        press(Qt::Key_Tab);
        press(Qt::Key_Tab);
        QCOMPARE(focusedField(), u"anonymous"_s);
        press(Qt::Key_Space);
        QVERIFY(part<QCheckBox>(form, u"anonymous"_s)->isChecked());
        QVERIFY(!part<QLineEdit>(form, u"callerPhone"_s)->isEnabled());
        part<QLineEdit>(form, u"summary"_s)->setFocus();
        type(u"咨询社保卡办理地点"_s);
        press(Qt::Key_Enter, Qt::ControlModifier | Qt::KeypadModifier);
        QCOMPARE(registered.count(), 2);
        const Ticket second = tw.ws->events().ticketByNumber(registered.at(1).at(1).toString());
        QCOMPARE(second.summary, u"咨询社保卡办理地点"_s);
        QVERIFY(second.callerPhone.isEmpty());
        QVERIFY(second.number != number);
        QCOMPARE(QGuiApplication::clipboard()->text(), second.number);
    }

    void tabOrderOfAConsultation()
    {
        TestWorkspace tw(kNow);
        Screen screen(*tw.ws, tw.clock);
        QVERIFY(QTest::qWaitForWindowActive(screen.form.get()));
        const QStringList expected {u"callerPhone"_s, u"callerName"_s,   u"anonymous"_s,     u"channel"_s,
                                    u"type"_s,        u"town"_s,         u"category"_s,      u"summary"_s,
                                    u"details"_s,     u"address"_s,      u"coordinates"_s,   u"intakeAnswer"_s,
                                    u"closeAtIntake"_s, u"submit"_s,     u"newTicket"_s};
        QStringList seen {focusedField()};
        for (qsizetype i = 1; i < expected.size(); ++i) {
            press(Qt::Key_Tab);
            seen << focusedField();
        }
        QCOMPARE(seen, expected);
    }

    void validationMessages_data()
    {
        QTest::addColumn<QString>("phone");
        QTest::addColumn<QString>("summary");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("message");
        QTest::newRow("mobile with 10 digits") << u"1381234567"_s << u"路灯不亮"_s << u"callerPhone"_s
                                               << u"“1381234567” is not a valid mobile number: it has 10 digits"_s;
        QTest::newRow("landline without area code")
            << u"86280000"_s << u"路灯不亮"_s << u"callerPhone"_s << u"“86280000” has no area code"_s;
        QTest::newRow("bad area code") << u"0012-86280000"_s << u"路灯不亮"_s << u"callerPhone"_s << u"0012-86280000"_s;
        QTest::newRow("missing summary") << u"0757-86280000"_s << u""_s << u"summary"_s
                                         << u"Summary: Enter a short summary"_s;
        QTest::newRow("blank summary") << u""_s << u"   "_s << u"summary"_s << u"Summary: Enter a short summary"_s;
    }

    void validationMessages()
    {
        QFETCH(QString, phone);
        QFETCH(QString, summary);
        QFETCH(QString, field);
        QFETCH(QString, message);
        TestWorkspace tw(kNow);
        Screen screen(*tw.ws, tw.clock);
        RegistrationForm &form = *screen.form;
        QVERIFY(QTest::qWaitForWindowActive(&form));
        QSignalSpy registered(&form, &RegistrationForm::ticketRegistered);

        typeText(part<QLineEdit>(form, u"callerPhone"_s), phone);
        typeText(part<QLineEdit>(form, u"summary"_s), summary);
        part<QLineEdit>(form, u"summary"_s)->setFocus();
        press(Qt::Key_Return, Qt::ControlModifier);

        QCOMPARE(registered.count(), 0);
        QCOMPARE(ticketCount(*tw.ws), 0);
        auto *errors = part<QLabel>(form, u"errors"_s);
        QVERIFY(errors->isVisible());
        QVERIFY2(errors->text().contains(message), qPrintable(errors->text()));
        QWidget *invalid = form.findChild<QWidget *>(field);
        QVERIFY(invalid->property("invalid").toBool());
        QCOMPARE(focusedField(), field); // the cursor goes to what must be fixed
        QCOMPARE(form.content().summary, summary); // nothing typed is lost
        QCOMPARE(form.content().callerPhone, phone);
        QVERIFY(part<QLabel>(form, u"ticketNumber"_s)->text().isEmpty());
    }

    void lengthLimits()
    {
        TestWorkspace tw(kNow);
        Screen screen(*tw.ws, tw.clock);
        RegistrationForm &form = *screen.form;
        QCOMPARE(part<QLineEdit>(form, u"summary"_s)->maxLength(), TicketService::kMaxSummary);
        QCOMPARE(part<QLineEdit>(form, u"callerName"_s)->maxLength(), TicketService::kMaxName);
        part<QLineEdit>(form, u"summary"_s)->setText(u"路灯不亮"_s);
        part<QPlainTextEdit>(form, u"details"_s)->setPlainText(QString(TicketService::kMaxDetails + 1, u'字'));
        QVERIFY(!form.submit());
        QCOMPARE(ticketCount(*tw.ws), 0);
        const QString errors = part<QLabel>(form, u"errors"_s)->text();
        QVERIFY2(errors.contains(u"The details are too long (5001 characters, at most 5000)"_s), qPrintable(errors));
        QVERIFY(part<QPlainTextEdit>(form, u"details"_s)->property("invalid").toBool());
        QVERIFY(!part<QLineEdit>(form, u"summary"_s)->property("invalid").toBool());
    }

    void phoneIsCheckedWhenLeavingTheField()
    {
        TestWorkspace tw(kNow);
        Screen screen(*tw.ws, tw.clock);
        RegistrationForm &form = *screen.form;
        QVERIFY(QTest::qWaitForWindowActive(&form));
        auto *errors = part<QLabel>(form, u"errors"_s);
        auto *phone = part<QLineEdit>(form, u"callerPhone"_s);

        type(u"1381234567"_s);
        QVERIFY(errors->text().isEmpty()); // not while typing
        press(Qt::Key_Tab);
        QVERIFY2(errors->text().contains(u"it has 10 digits"_s), qPrintable(errors->text()));
        QVERIFY(phone->property("invalid").toBool());
        QVERIFY(errors->isVisible());

        press(Qt::Key_Backtab);
        QCOMPARE(focusedField(), u"callerPhone"_s);
        phone->end(false);
        type(u"8"_s); // fixed: the message goes as soon as the number is right
        QVERIFY(errors->text().isEmpty());
        QVERIFY(!errors->isVisible());
        QVERIFY(!phone->property("invalid").toBool());

        press(Qt::Key_Backspace);
        QVERIFY(errors->text().isEmpty()); // flagged again only when leaving the field (or on submit)
        press(Qt::Key_Tab);
        QVERIFY(errors->text().contains(u"it has 10 digits"_s));
    }

    void serviceRefusalKeepsTheForm()
    {
        TestWorkspace tw(kNow);
        // A supervisor may not register: the service says so, and the operator must see it.
        Screen screen(*tw.ws, tw.clock, Actor {u"sam"_s, Role::Supervisor, QString(), u"01"_s});
        RegistrationForm &form = *screen.form;
        typeText(part<QLineEdit>(form, u"callerPhone"_s), u"13812345678"_s);
        typeText(part<QLineEdit>(form, u"summary"_s), u"噪音扰民"_s);
        QSignalSpy registered(&form, &RegistrationForm::ticketRegistered);
        QVERIFY(!form.submit());
        QCOMPARE(registered.count(), 0);
        QCOMPARE(ticketCount(*tw.ws), 0);
        const QString errors = part<QLabel>(form, u"errors"_s)->text();
        QVERIFY2(errors.contains(u"The ticket was not registered: sam (Supervisor) may not register tickets."_s), qPrintable(errors));
        QCOMPARE(form.content().summary, u"噪音扰民"_s);
        QCOMPARE(form.content().callerPhone, u"13812345678"_s);
    }

    void callerHistoryAppearsForAKnownCaller()
    {
        TestWorkspace tw(kNow);
        const QString first = registerEarlier(*tw.ws, u"13812345678"_s, u"垃圾清运不及时"_s);
        tw.clock.advanceSecs(3600);
        const QString second = registerEarlier(*tw.ws, u"13812345678"_s, u"公交站台破损"_s);
        registerEarlier(*tw.ws, u"13900001111"_s, u"别人的工单"_s);
        tw.clock.advanceSecs(2 * 24 * 3600);

        Screen screen(*tw.ws, tw.clock);
        RegistrationForm &form = *screen.form;
        auto *history = part<QTableView>(form, u"callerHistory"_s);
        QAbstractItemModelTester tester(history->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(!history->isVisible());

        typeText(part<QLineEdit>(form, u"callerPhone"_s), u"138-1234-567"_s);
        QCOMPARE(history->model()->rowCount(), 0); // not a complete number yet
        typeText(part<QLineEdit>(form, u"callerPhone"_s), u"8"_s);
        QCOMPARE(history->model()->rowCount(), 2);
        QVERIFY(history->isVisible());
        QAbstractItemModel *m = history->model();
        QCOMPARE(m->index(0, CallerHistoryModel::Number).data().toString(), second); // newest first
        QCOMPARE(m->index(1, CallerHistoryModel::Number).data().toString(), first);
        QCOMPARE(m->index(1, CallerHistoryModel::Summary).data().toString(), u"垃圾清运不及时"_s);
        QCOMPARE(m->index(1, CallerHistoryModel::Registered).data().toString(), u"2025-03-03 09:00"_s);
        QCOMPARE(m->index(1, CallerHistoryModel::State).data().toString(), DisplayNames::of(TicketState::Registered));
        QCOMPARE(m->headerData(CallerHistoryModel::Summary, Qt::Horizontal).toString(), u"Summary"_s);
        QVERIFY(!part<QLabel>(form, u"duplicateHint"_s)->isVisible()); // no summary typed yet

        part<QCheckBox>(form, u"anonymous"_s)->setChecked(true); // not recorded: no history shown either
        QCOMPARE(history->model()->rowCount(), 0);
        part<QCheckBox>(form, u"anonymous"_s)->setChecked(false);
        QCOMPARE(history->model()->rowCount(), 2);
        part<QLineEdit>(form, u"callerPhone"_s)->clear();
        QCOMPARE(history->model()->rowCount(), 0);
    }

    void duplicateHintWithinSevenDays_data()
    {
        QTest::addColumn<qint64>("ageSecs");
        QTest::addColumn<QString>("summary");
        QTest::addColumn<bool>("hinted");
        QTest::newRow("3 days, similar") << qint64(3 * 24 * 3600) << u"小区路灯不亮了"_s << true;
        QTest::newRow("6 days 23 h, similar") << qint64(7 * 24 * 3600 - 3600) << u"小区的路灯不亮"_s << true;
        QTest::newRow("8 days, similar") << qint64(8 * 24 * 3600) << u"小区路灯不亮了"_s << false;
        QTest::newRow("1 day, different") << qint64(24 * 3600) << u"咨询公积金提取"_s << false;
    }

    void duplicateHintWithinSevenDays()
    {
        QFETCH(qint64, ageSecs);
        QFETCH(QString, summary);
        QFETCH(bool, hinted);
        TestWorkspace tw(kNow);
        const QString earlier = registerEarlier(*tw.ws, u"0757-86280000"_s, u"小区路灯不亮"_s);
        tw.clock.advanceSecs(ageSecs);

        Screen screen(*tw.ws, tw.clock);
        RegistrationForm &form = *screen.form;
        QVERIFY(QTest::qWaitForWindowActive(&form));
        type(u"(0757) 8628 0000"_s);
        press(Qt::Key_Tab);
        QCOMPARE(part<QTableView>(form, u"callerHistory"_s)->model()->rowCount(), 1); // history has no time limit
        part<QLineEdit>(form, u"summary"_s)->setFocus();
        type(summary);
        auto *hint = part<QLabel>(form, u"duplicateHint"_s);
        QCOMPARE(hint->isVisible(), hinted);
        if (hinted)
            QVERIFY2(hint->text().contains(earlier), qPrintable(hint->text()));
    }

    void linkingADuplicate()
    {
        TestWorkspace tw(kNow);
        const QString earlier = registerEarlier(*tw.ws, u"13812345678"_s, u"小区路灯不亮"_s);
        tw.clock.advanceSecs(2 * 24 * 3600);
        Screen screen(*tw.ws, tw.clock);
        RegistrationForm &form = *screen.form;
        QVERIFY(QTest::qWaitForWindowActive(&form));
        type(u"13812345678"_s);
        part<QLineEdit>(form, u"summary"_s)->setFocus();
        type(u"小区路灯还是不亮"_s);
        auto *hint = part<QLabel>(form, u"duplicateHint"_s);
        auto *link = part<QPushButton>(form, u"linkDuplicate"_s);
        QVERIFY(hint->isVisible());
        QVERIFY(link->isVisible());

        press(Qt::Key_L, Qt::AltModifier); // the button's mnemonic: no mouse needed (it clicks animated)
        auto *detailsEdit = part<QPlainTextEdit>(form, u"details"_s);
        QTRY_COMPARE(detailsEdit->toPlainText(), u"Related ticket: "_s + earlier);
        const QString details = detailsEdit->toPlainText();
        QVERIFY(hint->isVisible());
        QVERIFY2(hint->text().startsWith(u"Linked to ticket "_s + earlier), qPrintable(hint->text()));
        QVERIFY(!link->isVisible());
        link->click(); // linking twice adds nothing
        QCOMPARE(part<QPlainTextEdit>(form, u"details"_s)->toPlainText(), details);

        QSignalSpy registered(&form, &RegistrationForm::ticketRegistered);
        QVERIFY(form.submit());
        const Ticket t = tw.ws->events().ticketByNumber(registered.at(0).at(1).toString());
        QCOMPARE(t.details, u"Related ticket: "_s + earlier);
        QCOMPARE(tw.ws->events().ticketByNumber(earlier).details, QString()); // the earlier ticket is untouched
        QVERIFY(!hint->isVisible());
    }

    void consultationClosedAtIntake()
    {
        TestWorkspace tw(kNow);
        Screen screen(*tw.ws, tw.clock);
        RegistrationForm &form = *screen.form;
        QVERIFY(QTest::qWaitForWindowActive(&form));
        QSignalSpy registered(&form, &RegistrationForm::ticketRegistered);
        auto *close = part<QCheckBox>(form, u"closeAtIntake"_s);
        QVERIFY(close->isVisible());

        type(u"13812345678"_s);
        part<QLineEdit>(form, u"summary"_s)->setFocus();
        type(u"咨询社保卡补办"_s);
        for (int i = 0; i < 4; ++i) // details, address, coordinates, then the answer
            press(Qt::Key_Tab);
        QCOMPARE(focusedField(), u"intakeAnswer"_s);
        type(u"携带身份证到桂城社保所办理"_s);
        QVERIFY(close->isChecked()); // an answer means the consultation is settled
        press(Qt::Key_Return, Qt::ControlModifier);

        QCOMPARE(registered.count(), 1);
        const Ticket t = tw.ws->events().ticketByNumber(registered.at(0).at(1).toString());
        QCOMPARE(t.state, TicketState::Closed);
        QVERIFY(t.closedMs.has_value());
        QCOMPARE(t.type, TicketType::Consult);
        const QList<TicketEvent> history = tw.ws->events().history(t.id);
        QCOMPARE(history.size(), 2);
        QCOMPARE(history.at(1).type, EventType::Closed);
        QVERIFY(part<QLabel>(form, u"ticketNumberCaption"_s)->text().startsWith(u"Answered and closed"_s));
        QVERIFY(!close->isChecked());
        QCOMPARE(form.content().intakeAnswer, QString());

        // Ticked without an answer, or an answer without the tick: said plainly, nothing registered.
        part<QLineEdit>(form, u"summary"_s)->setText(u"咨询"_s);
        close->setChecked(true);
        QVERIFY(!form.submit());
        QVERIFY(part<QLabel>(form, u"errors"_s)->text().contains(u"Write the answer given to the caller"_s));
        QCOMPARE(focusedField(), u"intakeAnswer"_s);
        type(u"已答复"_s);
        QVERIFY(part<QLabel>(form, u"errors"_s)->text().isEmpty());
        close->setChecked(false);
        QVERIFY(!form.submit());
        QVERIFY(part<QLabel>(form, u"errors"_s)->text().contains(u"the ticket would stay open"_s));
        QCOMPARE(registered.count(), 1);

        // A complaint never closes at intake, whatever was typed while it was a consultation.
        part<QComboBox>(form, u"type"_s)->setCurrentIndex(1);
        QVERIFY(!close->isVisible());
        QVERIFY(form.submit());
        QCOMPARE(tw.ws->events().ticketByNumber(registered.at(1).at(1).toString()).state, TicketState::Registered);
    }

    void historyModelUnderTester()
    {
        CallerHistoryModel model(QTimeZone(QByteArrayLiteral("Asia/Shanghai")));
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.columnCount(), int(CallerHistoryModel::ColumnCount));
        Ticket a;
        a.id = u"id-a"_s;
        a.number = u"250303-01-0001"_s;
        a.summary = u"路灯不亮"_s;
        a.details = u"一周了"_s;
        a.registeredMs = ms(kNow);
        a.state = TicketState::Closed;
        Ticket b = a;
        b.id = u"id-b"_s;
        b.number = u"250303-01-0002"_s;
        model.setTickets({a, b});
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(0, CallerHistoryModel::Registered).data().toString(), u"2025-03-03 09:00"_s);
        QCOMPARE(model.index(0, CallerHistoryModel::Registered).data(CallerHistoryModel::RawRole).toLongLong(),
                 ms(kNow));
        QCOMPARE(model.index(0, CallerHistoryModel::State).data(CallerHistoryModel::RawRole).toInt(),
                 int(TicketState::Closed));
        QCOMPARE(model.index(1, CallerHistoryModel::Summary).data(CallerHistoryModel::TicketIdRole).toString(),
                 u"id-b"_s);
        QCOMPARE(model.index(1, CallerHistoryModel::Summary).data(Qt::ToolTipRole).toString(), u"路灯不亮\n\n一周了"_s);
        QVERIFY(!model.index(0, 0).data(Qt::DecorationRole).isValid());
        QVERIFY(!model.index(2, 0).isValid());
        model.setTickets({});
        QCOMPARE(model.rowCount(), 0);
    }

private:
    static QString registerEarlier(Workspace &ws, const QString &phone, const QString &summary)
    {
        NewTicket t;
        t.type = TicketType::Complaint;
        t.callerPhone = phone;
        t.summary = summary;
        QString error;
        const QString id = ws.tickets().registerTicket(callTaker(), t, &error);
        if (id.isEmpty())
            qWarning("%s", qPrintable(error));
        return ws.events().ticket(id).number;
    }
};

QTEST_MAIN(TestRegistration)
#include "tst_registration.moc"
