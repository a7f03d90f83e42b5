// The administrator's Categories and Towns pages driven by objectName on a real workspace: add, refuse with the
// reason and nothing saved, edit and disable, import from CSV (all or nothing); then a category that is not in the
// demo data routes its ticket: the dispatcher's queue suggests its usual department.
#include "admin/OpenPathPrompt.h"
#include "admin/ReferencePage.h"
#include "auth/Permissions.h"
#include "mainwindow/MainWindow.h"
#include "service/ReferenceStore.h"
#include "tst_dispatch_support.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QTableWidget>

using namespace hotline;
using namespace hotline::test;

namespace {

const Actor kAdmin {u"admin"_s, Role::Administrator, QString(), u"01"_s};

template<typename T> T *child(QWidget &w, const QString &name)
{
    T *found = w.findChild<T *>(name);
    if (!found)
        qWarning() << "no" << name;
    return found;
}

void click(QWidget &page, const QString &name)
{
    auto *button = child<QPushButton>(page, name);
    QVERIFY(button);
    QTest::mouseClick(button, Qt::LeftButton);
}

QString message(QWidget &page)
{
    auto *label = child<QLabel>(page, u"categoriesMessage"_s);
    return label ? label->text() : QString();
}

} // namespace

class TestReferencePage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { Prompts::setTestMode(true); }
    void cleanup() { Prompts::takeShown(); }

    void categoriesAddedRefusedEditedAndRouted()
    {
        Fixture f; // departments CG 城管局, JT 交通局, SW 水务局
        ConsoleSession admin(*f.tw.ws, f.tw.clock, kAdmin);
        ReferencePage page(admin, ReferenceKind::Categories);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        auto *table = child<QTableWidget>(page, u"categoriesTable"_s);
        QVERIFY(table);
        QCOMPARE(table->rowCount(), 3); // the fixture's categories, from before codes
        QCOMPARE(table->item(0, ReferencePage::CodeColumn)->text(), QString());

        // A new category, department typed by its code in lower case, class handling.
        click(page, u"newCategory"_s);
        QTest::keyClicks(child<QLineEdit>(page, u"categoryCode"_s), u"Q1"_s);
        child<QLineEdit>(page, u"categoryName"_s)->setText(u"古村保护"_s);
        child<DepartmentChooser>(page, u"categoryDepartment"_s)->setEditText(u"jt"_s);
        auto *cls = child<QComboBox>(page, u"categoryClass"_s);
        cls->setCurrentIndex(cls->findData(u"handling"_s));
        click(page, u"saveCategory"_s);
        QVERIFY2(message(page).contains(u"古村保护 (Q1) saved"_s), qPrintable(message(page)));
        QCOMPARE(table->rowCount(), 4);
        const ReferenceStore store(f.tw.ws->database());
        QCOMPARE(store.byName(ReferenceKind::Categories, u"古村保护"_s),
                 (ReferenceEntry {u"Q1"_s, u"古村保护"_s, u"JT"_s, u"handling"_s, true}));
        QCOMPARE(table->item(0, ReferencePage::DepartmentColumn)->text(), u"交通局 (JT)"_s);

        // Refused: an unknown department, a control character, a code already used. Nothing saved.
        const QList<ReferenceEntry> before = store.all(ReferenceKind::Categories);
        const std::tuple<QString, QString, QString, QString> refused[] = {
            {u"Q2"_s, u"祠堂修缮"_s, u"文物局"_s, u"not a known department"_s},
            {u"Q2"_s, u"祠堂\u202E修缮"_s, QString(), u"control or invisible"_s},
            {u"q1"_s, u"祠堂修缮"_s, QString(), u"already used"_s},
        };
        for (const auto &[code, name, department, why] : refused) {
            click(page, u"newCategory"_s);
            child<QLineEdit>(page, u"categoryCode"_s)->setText(code);
            child<QLineEdit>(page, u"categoryName"_s)->setText(name);
            child<DepartmentChooser>(page, u"categoryDepartment"_s)->setEditText(department);
            click(page, u"saveCategory"_s);
            QVERIFY2(message(page).contains(why), qPrintable(message(page) + u" / "_s + why));
            QVERIFY(!message(page).contains(QChar(0x202E)));
            QCOMPARE(store.all(ReferenceKind::Categories), before);
        }

        // Edit an old category: give it a code and a usual department; disable another.
        table->setCurrentCell(3, ReferencePage::NameColumn); // rows without a code come last, by name
        const QString oldName = table->item(3, ReferencePage::NameColumn)->text();
        QCOMPARE(child<QLineEdit>(page, u"categoryName"_s)->text(), oldName);
        child<QLineEdit>(page, u"categoryCode"_s)->setText(u"Q0"_s);
        child<DepartmentChooser>(page, u"categoryDepartment"_s)->setCurrentCode(u"SW"_s);
        child<QCheckBox>(page, u"categoryActive"_s)->setChecked(false);
        click(page, u"saveCategory"_s);
        QVERIFY2(message(page).contains(u"saved"_s), qPrintable(message(page)));
        QCOMPARE(store.byName(ReferenceKind::Categories, oldName)->departmentCode, u"SW"_s);
        QCOMPARE(store.byName(ReferenceKind::Categories, oldName)->active, false);
        QVERIFY(!f.tw.ws->queries().categories().contains(oldName));

        // An old category without a code can be disabled as it is.
        const int last = table->rowCount() - 1;
        QCOMPARE(table->item(last, ReferencePage::CodeColumn)->text(), QString());
        table->setCurrentCell(last, ReferencePage::NameColumn);
        const QString lastName = table->item(last, ReferencePage::NameColumn)->text();
        child<QCheckBox>(page, u"categoryActive"_s)->setChecked(false);
        click(page, u"saveCategory"_s);
        QVERIFY2(message(page).contains(u"saved"_s), qPrintable(message(page)));
        QCOMPARE(store.byName(ReferenceKind::Categories, lastName)->active, false);
        QCOMPARE(table->item(last, ReferencePage::StatusColumn)->text(), u"Disabled"_s);

        // The new category routes its ticket: the dispatcher's queue suggests the usual department.
        const QString id = f.registerTicket(u"古村墙体开裂"_s, u"古村保护"_s);
        QVERIFY(!id.isEmpty());
        ConsoleSession dispatcher(*f.tw.ws, f.tw.clock, f.dispatcher);
        DispatchView view(dispatcher);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QTableView *queue = hotline::test::table(view, u"dispatchQueue"_s);
        QCOMPARE(queue->model()->rowCount(), 1);
        QCOMPARE(cell(queue, 0, DispatchQueueModel::Suggested), u"交通局 (JT)"_s);
        QCOMPARE(view.findChild<DepartmentChooser *>(u"departmentChoice"_s)->currentCode(), u"JT"_s);
    }

    void importFromCsvAllOrNothing()
    {
        Fixture f;
        ConsoleSession admin(*f.tw.ws, f.tw.clock, kAdmin);
        ReferencePage page(admin, ReferenceKind::Categories);
        auto *table = child<QTableWidget>(page, u"categoriesTable"_s);
        const QString bad = f.tw.dir.filePath(u"bad.csv"_s);
        QFile b(bad);
        QVERIFY(b.open(QIODevice::WriteOnly));
        b.write(u"code,name,department,class\nA1,古村保护,JT,handling\nA2,祠堂修缮,文物局,\n"_s.toUtf8());
        b.close();
        OpenPathPrompt::queueAnswer(bad);
        page.importCsv();
        const QStringList refused = Prompts::takeShown();
        QCOMPARE(refused.size(), 1);
        QVERIFY2(refused.first().contains(u"bad.csv:3: department “文物局”"_s), qPrintable(refused.first()));
        QVERIFY(message(page).contains(u"bad.csv:3"_s));
        QCOMPARE(table->rowCount(), 3);

        const QString good = f.tw.dir.filePath(u"good.csv"_s);
        QFile g(good);
        QVERIFY(g.open(QIODevice::WriteOnly));
        g.write(u"code,name,department,class\nA1,古村保护,交通局,handling\nS1,市容环境,cg,\n"_s.toUtf8());
        g.close();
        OpenPathPrompt::queueAnswer(good);
        page.importCsv();
        const QStringList shown = Prompts::takeShown();
        QCOMPARE(shown.size(), 1);
        QVERIFY2(shown.first().contains(u"1 new, 1 updated"_s), qPrintable(shown.first()));
        QCOMPARE(table->rowCount(), 4); // 市容环境 adopted its code instead of being added again
        QCOMPARE(f.tw.ws->queries().suggestedDepartment(u"古村保护"_s), u"JT"_s);
    }

    void townsPage()
    {
        TestWorkspace tw;
        ConsoleSession admin(*tw.ws, tw.clock, kAdmin);
        ReferencePage page(admin, ReferenceKind::Towns);
        QCOMPARE(page.objectName(), u"townsPage"_s);
        QVERIFY(!page.findChild<QComboBox *>(u"townClass"_s));
        child<QLineEdit>(page, u"townCode"_s)->setText(u"XQ"_s);
        child<QLineEdit>(page, u"townName"_s)->setText(u"西樵"_s);
        click(page, u"saveTown"_s);
        QCOMPARE(child<QTableWidget>(page, u"townsTable"_s)->rowCount(), 1);
        QCOMPARE(tw.ws->queries().towns(), QStringList {u"西樵"_s});
    }

    void onlyAdministratorsSeeThePages()
    {
        TestWorkspace tw;
        for (Role role : Permissions::allRoles()) {
            ConsoleSession s(*tw.ws, tw.clock, Actor {u"u"_s, role, QString(), u"01"_s});
            MainWindow w(s);
            const bool shown = w.findChild<ReferencePage *>(u"categoriesPage"_s) != nullptr;
            QCOMPARE(shown, Permissions::allows(role, Action::ManageReference));
            QCOMPARE(w.findChild<ReferencePage *>(u"townsPage"_s) != nullptr, shown);
            QCOMPARE(shown, role == Role::Administrator || role == Role::System);
        }
    }
};

QTEST_MAIN(TestReferencePage)
#include "tst_reference_page.moc"
