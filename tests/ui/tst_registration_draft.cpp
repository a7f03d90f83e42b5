// Registration drafts: an unfinished form survives a destroyed widget and a killed process (SIGKILL), is
// offered back without a dialog, and goes away when the call is registered or abandoned.
#include "TestWorkspace.h"
#include "UiTestHelpers.h"
#include "registration/DraftStore.h"
#include "registration/RegistrationDraft.h"
#include "registration/RegistrationForm.h"
#include "service/TicketService.h"
#include "storage/EventStore.h"
#include "support/ConsoleSession.h"
#include "support/Prompts.h"

#include <QApplication>
#include <QComboBox>
#include <QInputMethodEvent>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

#include <cstdio>
#include <memory>

using namespace Qt::StringLiterals;
using namespace hotline;
using namespace hotline::test;

namespace {

const QString kNow = u"2025-03-03T09:00:00+08:00"_s;
const QString kChildEnv = u"HOTLINE_REG_DRAFT_CHILD_DB"_s;
const QByteArray kChildMarker = "REGISTRATION-DRAFT-SAVED";

Actor callTaker()
{
    return Actor {u"alice"_s, Role::CallTaker, QString(), u"01"_s};
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

class TestRegistrationDraft : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { Prompts::setTestMode(true); }

    void ctrlNStartsANewCall()
    {
        TestWorkspace tw(kNow);
        Screen screen(*tw.ws, tw.clock);
        RegistrationForm &form = *screen.form;
        QVERIFY(QTest::qWaitForWindowActive(&form));
        DraftStore drafts(tw.ws->database());
        part<QComboBox>(form, u"channel"_s)->setCurrentIndex(2);
        type(u"13812345678"_s);
        part<QLineEdit>(form, u"summary"_s)->setFocus(); // leaving a field writes the draft at once
        QVERIFY(drafts.load(u"alice"_s).has_value());
        type(u"打错了"_s);
        press(Qt::Key_N, Qt::ControlModifier);
        QVERIFY(form.content().isBlank());
        QCOMPARE(form.content().channel, Channel::WeChat); // the call-taker's channel stays
        QCOMPARE(focusedField(), u"callerPhone"_s);
        QVERIFY(!drafts.load(u"alice"_s).has_value());
        QTest::qWait(2 * RegistrationForm::kDraftDelayMs); // a pending debounce must not bring it back
        QVERIFY(!drafts.load(u"alice"_s).has_value());
    }

    void draftFormatRoundTrip()
    {
        RegistrationDraft d;
        d.channel = Channel::Web;
        d.type = TicketType::Report;
        d.callerPhone = u"0757-8628 0000"_s;
        d.callerName = u"李先生"_s;
        d.anonymous = true;
        d.town = u"狮山"_s;
        d.category = u"环境卫生"_s;
        d.summary = u" 工地夜间施工 "_s;
        d.details = u"第一行\n第二行"_s;
        d.intakeAnswer = u"答复"_s;
        d.closeAtIntake = true;
        const QJsonObject json = d.toJson();
        QCOMPARE(json.value(u"v"_s).toInt(), 1);
        QCOMPARE(json.value(u"channel"_s).toString(), u"web"_s);
        QCOMPARE(json.value(u"type"_s).toString(), u"report"_s);
        QCOMPARE(json.value(u"caller_phone"_s).toString(), u"0757-8628 0000"_s);
        QCOMPARE(RegistrationDraft::fromJson(json), d);
        QVERIFY(!d.closesAtIntake()); // only a consultation closes at intake
        QVERIFY(d.toNewTicket().callerName.isEmpty());
        QCOMPARE(d.toNewTicket().summary, u"工地夜间施工"_s);
        QVERIFY(RegistrationDraft().isBlank());
        QCOMPARE(RegistrationDraft::fromJson(QJsonObject {{u"channel"_s, u"fax"_s}}).channel, Channel::Phone);
    }

    void draftSurvivesADestroyedForm()
    {
        TestWorkspace tw(kNow);
        {
            Screen screen(*tw.ws, tw.clock);
            RegistrationForm &form = *screen.form;
            QVERIFY(QTest::qWaitForWindowActive(&form));
            QSignalSpy saved(&form, &RegistrationForm::draftSaved);
            type(u"13812345678"_s);
            part<QLineEdit>(form, u"summary"_s)->setFocus();
            saved.clear();
            type(u"楼上漏水"_s);
            QTRY_COMPARE(saved.count(), 1); // the debounce, not a focus change, wrote it
            QCOMPARE(part<QLabel>(form, u"draftStatus"_s)->text(), u"Draft saved at 09:00:00"_s);
            screen.form.reset(); // gone without submitting (nothing was pending: the draft was already written)
        }
        tw.reopen();
        QVERIFY2(tw.isValid(), qPrintable(tw.error));
        tw.clock.advanceSecs(600);
        Screen screen(*tw.ws, tw.clock);
        RegistrationForm &form = *screen.form;
        QVERIFY(form.isOfferingDraft());
        auto *offer = part<QLabel>(form, u"draftOffer"_s);
        QVERIFY(offer->isVisible());
        QVERIFY2(offer->text().contains(u"2025-03-03 09:00"_s) && offer->text().contains(u"楼上漏水"_s),
                 qPrintable(offer->text()));
        QVERIFY(form.content().isBlank()); // nothing is put in the form until the operator says so
        QTest::mouseClick(part<QPushButton>(form, u"restoreDraft"_s), Qt::LeftButton);
        QVERIFY(!offer->isVisible());
        QCOMPARE(form.content().callerPhone, u"13812345678"_s);
        QCOMPARE(form.content().summary, u"楼上漏水"_s);
        QVERIFY(form.submit());
        QVERIFY(!DraftStore(tw.ws->database()).load(u"alice"_s).has_value());
    }

    void discardingTheOfferedDraft()
    {
        TestWorkspace tw(kNow);
        RegistrationDraft old;
        old.summary = u"旧的草稿"_s;
        QVERIFY(DraftStore(tw.ws->database()).save(u"alice"_s, tw.clock.nowMs(), old.toJson(), nullptr));
        QVERIFY(DraftStore(tw.ws->database()).save(u"bob"_s, tw.clock.nowMs(), old.toJson(), nullptr));
        Screen screen(*tw.ws, tw.clock);
        RegistrationForm &form = *screen.form;
        QVERIFY(form.isOfferingDraft());
        QTest::mouseClick(part<QPushButton>(form, u"discardDraft"_s), Qt::LeftButton);
        QVERIFY(!form.isOfferingDraft());
        QVERIFY(!part<QLabel>(form, u"draftOffer"_s)->isVisible());
        QVERIFY(form.content().isBlank());
        QVERIFY(!DraftStore(tw.ws->database()).load(u"alice"_s).has_value());
        QVERIFY(DraftStore(tw.ws->database()).load(u"bob"_s).has_value()); // another user's draft is theirs
    }

    void offeredDraftIsKeptUntilDecided()
    {
        TestWorkspace tw(kNow);
        DraftStore drafts(tw.ws->database());
        RegistrationDraft old;
        old.callerPhone = u"13812345678"_s;
        old.summary = u"昨晚没写完的工单"_s;
        const qint64 oldMs = tw.clock.nowMs();
        QVERIFY(drafts.save(u"alice"_s, oldMs, old.toJson(), nullptr));
        tw.clock.advanceSecs(3600);
        Screen screen(*tw.ws, tw.clock);
        RegistrationForm &form = *screen.form;
        QVERIFY(QTest::qWaitForWindowActive(&form));
        QVERIFY(form.isOfferingDraft());

        // A new call comes in before the operator decides: it is what a crash must not lose now…
        type(u"0757-86280000"_s);
        QVERIFY(form.saveDraftNow());
        QCOMPARE(drafts.load(u"alice"_s)->content.value(u"caller_phone"_s).toString(), u"0757-86280000"_s);
        // …and once it is done with, the old draft on offer is what the table keeps.
        press(Qt::Key_N, Qt::ControlModifier);
        QCOMPARE(RegistrationDraft::fromJson(drafts.load(u"alice"_s)->content), old);
        QCOMPARE(drafts.load(u"alice"_s)->savedMs, oldMs);
        QVERIFY(form.isOfferingDraft());
        QVERIFY(part<QLabel>(form, u"draftOffer"_s)->isVisible());
        part<QPushButton>(form, u"restoreDraft"_s)->click();
        QCOMPARE(form.content(), old);
        QCOMPARE(focusedField(), u"summary"_s);
    }

    /** Runs only as the child of draftSurvivesAKilledProcess: types a call, waits for the draft, waits to die. */
    void draftChild()
    {
        const QString path = qEnvironmentVariable(qPrintable(kChildEnv));
        if (path.isEmpty())
            QSKIP("helper process of draftSurvivesAKilledProcess");
        ManualClock clock(ms(kNow));
        QString error;
        const std::unique_ptr<Workspace> ws = Workspace::open(path, clock, &error);
        QVERIFY2(ws, qPrintable(error));
        Screen screen(*ws, clock);
        RegistrationForm &form = *screen.form;
        QVERIFY(QTest::qWaitForWindowActive(&form));
        type(u"0757-86280000"_s);
        press(Qt::Key_Tab);
        type(u"陈伯"_s);
        part<QLineEdit>(form, u"summary"_s)->setFocus();
        type(u"井盖松动有异响"_s);
        DraftStore drafts(ws->database());
        QTRY_COMPARE(drafts.load(u"alice"_s).value_or(StoredDraft()).content.value(u"summary"_s).toString(),
                     u"井盖松动有异响"_s);
        std::fputs(kChildMarker.constData(), stdout);
        std::fputs("\n", stdout);
        std::fflush(stdout);
        QTest::qWait(120 * 1000);
        QFAIL("the parent should have killed this process");
    }

    void draftSurvivesAKilledProcess()
    {
        TestWorkspace tw(kNow);
        QProcess child;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(kChildEnv, tw.path());
        env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
        child.setProcessEnvironment(env);
        child.setProcessChannelMode(QProcess::MergedChannels);
        QByteArray output;
        connect(&child, &QProcess::readyRead, this, [&] { output += child.readAll(); });
        child.start(QCoreApplication::applicationFilePath(), {u"draftChild"_s});
        QVERIFY(child.waitForStarted());
        QTRY_VERIFY2_WITH_TIMEOUT(output.contains(kChildMarker) || child.state() == QProcess::NotRunning,
                                  output.constData(), 60000);
        QVERIFY2(output.contains(kChildMarker), output.constData());
        child.kill(); // SIGKILL: no destructor, no event loop, no flush — like a crash or a pulled plug
        QVERIFY(child.waitForFinished());
        QCOMPARE(child.exitStatus(), QProcess::CrashExit);

        tw.reopen();
        QVERIFY2(tw.isValid(), qPrintable(tw.error));
        Screen screen(*tw.ws, tw.clock);
        RegistrationForm &form = *screen.form;
        QVERIFY(form.isOfferingDraft());
        QVERIFY(part<QLabel>(form, u"draftOffer"_s)->text().contains(u"井盖松动有异响"_s));
        part<QPushButton>(form, u"restoreDraft"_s)->click();
        QCOMPARE(form.content().callerPhone, u"0757-86280000"_s);
        QCOMPARE(form.content().callerName, u"陈伯"_s);
        QCOMPARE(form.content().summary, u"井盖松动有异响"_s);
        QSignalSpy registered(&form, &RegistrationForm::ticketRegistered);
        QVERIFY(form.submit());
        QCOMPARE(tw.ws->events().ticketByNumber(registered.at(0).at(1).toString()).callerPhone, u"0757-86280000"_s);
    }
};

QTEST_MAIN(TestRegistrationDraft)
#include "tst_registration_draft.moc"
