// The administrator's settings and departments pages: every refusal shown next to its field with nothing saved,
// good values saved, departments edited with checked phone numbers and imported from CSV like hotlinectl does.
#include "TestWorkspace.h"
#include "admin/DepartmentsPage.h"
#include "admin/OpenPathPrompt.h"
#include "admin/SettingsPage.h"
#include "notify/DepartmentContacts.h"
#include "storage/Settings.h"
#include "support/ConsoleSession.h"
#include "support/Prompts.h"

#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace hotline;
using namespace hotline::test;

namespace {

Actor admin()
{
    return Actor {u"admin"_s, Role::Administrator, QString(), u"01"_s};
}

void setText(QWidget &page, const QString &objectName, const QString &text)
{
    auto *edit = page.findChild<QLineEdit *>(objectName);
    QVERIFY2(edit, qPrintable(objectName));
    edit->setText(text);
}

QString labelText(QWidget &page, const QString &objectName)
{
    auto *label = page.findChild<QLabel *>(objectName);
    return label ? label->text() : u"<no %1>"_s.arg(objectName);
}

bool labelShown(QWidget &page, const QString &objectName)
{
    auto *label = page.findChild<QLabel *>(objectName);
    return label && label->isVisibleTo(&page);
}

void writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(bytes);
}

} // namespace

class TestAdminPages : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { Prompts::setTestMode(true); }

    void settingsAreValidatedNextToTheFieldAndSavedTogether()
    {
        TestWorkspace tw;
        ConsoleSession session(*tw.ws, tw.clock, admin());
        SettingsPage page(session);
        Settings &settings = tw.ws->settings();
        // Every key has a field, filled with the stored (default) value; the token is masked.
        for (const SettingSpec &spec : Settings::specs()) {
            QVERIFY2(page.field(spec.key), qPrintable(spec.key));
            QCOMPARE(page.field(spec.key)->text(), settings.value(spec.key));
        }
        QVERIFY(page.field(u"sms.token"_s)->echoMode() != QLineEdit::Normal);
        QVERIFY(labelText(page, u"settingPreview:sms.template"_s).contains(u"250303-01-0001"_s));

        const QString oldTemplate = settings.smsTemplate();
        setText(page, u"setting:sms.template"_s, u"工单{numbr}请处理"_s);
        setText(page, u"setting:sms.url"_s, u"ftp://sms.example.cn"_s);
        setText(page, u"setting:sla.yellow_hours"_s, u"2.5"_s); // valid, but not saved while others are refused
        QTest::mouseClick(page.findChild<QPushButton *>(u"saveSettings"_s), Qt::LeftButton);
        QVERIFY2(page.problem(u"sms.template"_s).contains(u"{numbr}"_s), qPrintable(page.problem(u"sms.template"_s)));
        QVERIFY(labelShown(page, u"settingError:sms.template"_s));
        QVERIFY(page.problem(u"sms.url"_s).contains(u"ftp://sms.example.cn"_s));
        QVERIFY(page.problem(u"sla.yellow_hours"_s).isEmpty());
        QVERIFY(labelText(page, u"settingsMessage"_s).contains(SettingsPage::tr("Nothing was saved")));
        QCOMPARE(settings.smsTemplate(), oldTemplate);
        QCOMPARE(settings.value(u"sla.yellow_hours"_s), u"3"_s);
        // The preview says why the template cannot be used.
        QVERIFY(labelText(page, u"settingPreview:sms.template"_s).contains(u"numbr"_s));

        // A template without {number} is refused too.
        setText(page, u"setting:sms.template"_s, u"请处理"_s);
        QVERIFY(!page.save());
        QVERIFY(page.problem(u"sms.template"_s).contains(u"{number}"_s));

        setText(page, u"setting:sms.template"_s, u"【热线】工单{number}剩{remaining}"_s);
        setText(page, u"setting:sms.url"_s, u"https://sms.example.cn/send"_s);
        setText(page, u"setting:sms.token"_s, u"s3cret"_s);
        setText(page, u"setting:sms.timeout_seconds"_s, u"15"_s);
        setText(page, u"setting:sync.interval_seconds"_s, u"30"_s);
        QVERIFY(page.save());
        QVERIFY(page.problem(u"sms.template"_s).isEmpty());
        QVERIFY(!labelShown(page, u"settingError:sms.url"_s));
        QCOMPARE(settings.smsTemplate(), u"【热线】工单{number}剩{remaining}"_s);
        QCOMPARE(settings.smsUrl(), u"https://sms.example.cn/send"_s);
        QCOMPARE(settings.smsToken(), u"s3cret"_s);
        QCOMPARE(settings.smsTimeoutSeconds(), 15);
        QCOMPARE(settings.yellowThresholdSeconds(), 9000);
        QCOMPARE(settings.value(u"sync.interval_seconds"_s), u"30"_s);
        QVERIFY(labelText(page, u"settingsMessage"_s).contains(u"6"_s));

        // Out of range numbers are refused; Revert shows the stored values again.
        setText(page, u"setting:sms.timeout_seconds"_s, u"0"_s);
        QVERIFY(!page.save());
        QVERIFY(!page.problem(u"sms.timeout_seconds"_s).isEmpty());
        QTest::mouseClick(page.findChild<QPushButton *>(u"revertSettings"_s), Qt::LeftButton);
        QCOMPARE(page.field(u"sms.timeout_seconds"_s)->text(), u"15"_s);
        QVERIFY(page.problem(u"sms.timeout_seconds"_s).isEmpty());
    }

    void departmentEditRefusesBadPhones()
    {
        TestWorkspace tw;
        tw.addDepartment(u"CG"_s, u"区城管局"_s);
        ConsoleSession session(*tw.ws, tw.clock, admin());
        DepartmentsPage page(session);
        auto *table = page.findChild<QTableWidget *>(u"departmentsTable"_s);
        QCOMPARE(table->rowCount(), 1);
        DepartmentContacts contacts(tw.ws->database());

        QTest::mouseClick(page.findChild<QPushButton *>(u"newDepartment"_s), Qt::LeftButton);
        setText(page, u"departmentCode"_s, u"SW"_s);
        setText(page, u"departmentName"_s, u"区水务局"_s);
        setText(page, u"departmentDutyPhones"_s, u"13800000001；0757-86280000"_s);
        setText(page, u"departmentHeadPhone"_s, u"1390000000"_s); // ten digits
        QTest::mouseClick(page.findChild<QPushButton *>(u"saveDepartment"_s), Qt::LeftButton);
        QVERIFY(labelShown(page, u"departmentHeadError"_s));
        QVERIFY(labelText(page, u"departmentHeadError"_s).contains(u"1390000000"_s));
        QVERIFY(!labelShown(page, u"departmentDutyError"_s));
        QVERIFY(!contacts.find(u"SW"_s));

        setText(page, u"departmentDutyPhones"_s, u"13800000001; 86280000"_s); // a landline needs its area code
        setText(page, u"departmentHeadPhone"_s, u"139 0000 0009"_s);
        QVERIFY(!page.saveDepartment());
        QVERIFY(labelShown(page, u"departmentDutyError"_s));
        QVERIFY(!labelShown(page, u"departmentHeadError"_s));
        QVERIFY(!contacts.find(u"SW"_s));

        setText(page, u"departmentDutyPhones"_s, u"13800000001；0757-86280000"_s);
        QVERIFY(page.saveDepartment());
        const auto saved = contacts.find(u"SW"_s);
        QVERIFY(saved);
        QCOMPARE(saved->dutyPhones, (QStringList {u"13800000001"_s, u"0757-86280000"_s}));
        QCOMPARE(saved->headPhone, u"13900000009"_s);
        QCOMPARE(table->rowCount(), 2);

        // Selecting a row edits that department; its code stays (tickets refer to it).
        table->setCurrentCell(0, DepartmentsPage::NameColumn);
        QCOMPARE(page.findChild<QLineEdit *>(u"departmentCode"_s)->text(), u"CG"_s);
        QVERIFY(page.findChild<QLineEdit *>(u"departmentCode"_s)->isReadOnly());
        setText(page, u"departmentHeadPhone"_s, u"13900000001"_s);
        QVERIFY(!page.saveDepartment()); // no duty phone yet: nobody would get the reminders
        QVERIFY(labelShown(page, u"departmentDutyError"_s));
        setText(page, u"departmentDutyPhones"_s, u"020-12345678"_s);
        QVERIFY2(page.saveDepartment(), qPrintable(labelText(page, u"departmentsMessage"_s)));
        QCOMPARE(contacts.find(u"CG"_s)->dutyPhones, QStringList {u"020-12345678"_s});
        QCOMPARE(contacts.find(u"CG"_s)->headPhone, u"13900000001"_s);
        QCOMPARE(contacts.find(u"CG"_s)->name, u"区城管局"_s);
    }

    void csvImportAddsDepartmentsOrNothing()
    {
        TestWorkspace tw;
        ConsoleSession session(*tw.ws, tw.clock, admin());
        DepartmentsPage page(session);
        auto *table = page.findChild<QTableWidget *>(u"departmentsTable"_s);
        QCOMPARE(table->rowCount(), 0);
        DepartmentContacts contacts(tw.ws->database());

        // One bad phone: the whole file is refused, with the line named.
        const QString bad = tw.dir.filePath(u"bad.csv"_s);
        writeFile(bad,
                  "name,code,duty_phones,head_phone\n"
                  "\xE5\x8C\xBA\xE6\xB0\xB4\xE5\x8A\xA1\xE5\xB1\x80,SW,13800000001,\n"
                  "Bad,BD,12,\n");
        OpenPathPrompt::queueAnswer(bad);
        page.importCsv();
        const QStringList refused = Prompts::takeShown();
        QCOMPARE(refused.size(), 1);
        QVERIFY2(refused.first().contains(u"bad.csv:3"_s), qPrintable(refused.first()));
        QCOMPARE(table->rowCount(), 0);
        QVERIFY(contacts.all().isEmpty());

        const QString good = tw.dir.filePath(u"departments.csv"_s);
        writeFile(good,
                  QString(u"\uFEFFname,code,duty_phones,head_phone\n"
                          "区水务局,SW,13800000001;0757-86280000,13900000009\n"
                          "区城管局,CG,13800000002,\n"_s)
                      .toUtf8());
        OpenPathPrompt::queueAnswer(good);
        page.importCsv();
        const QStringList shown = Prompts::takeShown();
        QCOMPARE(shown, QStringList {DepartmentsPage::tr("Imported %n department(s).", nullptr, 2)});
        QCOMPARE(table->rowCount(), 2);
        QCOMPARE(contacts.find(u"SW"_s)->dutyPhones, (QStringList {u"13800000001"_s, u"0757-86280000"_s}));
        QCOMPARE(contacts.find(u"CG"_s)->name, u"区城管局"_s);

        // Cancelling the file question does nothing.
        OpenPathPrompt::queueAnswer(QString());
        page.importCsv();
        QVERIFY(Prompts::takeShown().isEmpty());
    }
};

QTEST_MAIN(TestAdminPages)
#include "tst_admin_pages.moc"
