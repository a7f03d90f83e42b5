// The audit page (docs/USER-GUIDE.md "审计"): supervisors and administrators read every administrative change
// with who, when, from where, before and after; filtered by period and by what changed; read-only; other roles
// neither get the tab nor can read the changes through a page built for them.
#include "TestWorkspace.h"

#include "mainwindow/MainWindow.h"
#include "notify/DepartmentContacts.h"
#include "storage/Settings.h"
#include "supervision/AuditPage.h"
#include "support/ConsoleSession.h"

#include <QComboBox>
#include <QLabel>
#include <QTabWidget>
#include <QTableWidget>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace hotline;
using namespace hotline::test;

namespace {

const Actor kAdmin{u"ada"_s, Role::Administrator, QString(), u"03"_s};
const Actor kSupervisor{u"sam"_s, Role::Supervisor, QString(), u"01"_s};
const Actor kDispatcher{u"dora"_s, Role::Dispatcher, QString(), u"01"_s};

QString cell(AuditPage &page, int row, AuditPage::Column column)
{
    QTableWidgetItem *item = page.table()->item(row, column);
    return item ? item->text() : QString();
}

} // namespace

class TestAuditPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void supervisorSeesChangesNewestFirst()
    {
        TestWorkspace tw(u"2025-03-03T09:00:00+08:00"_s);
        QString error;
        QVERIFY2(tw.ws->settings().set(kAdmin, u"sla.handling_days"_s, u"7"_s, &error), qPrintable(error));
        tw.setNow(u"2025-03-05T10:30:00+08:00"_s);
        QVERIFY2(DepartmentContacts(tw.ws->database())
                     .save(kAdmin, DepartmentContact{u"SW"_s, u"区水务局"_s, {u"13800000001"_s}, QString()}, &error),
                 qPrintable(error));

        ConsoleSession supervisor(*tw.ws, tw.clock, kSupervisor);
        AuditPage page(supervisor);
        page.setFilter(QDate(), QDate(), QString());
        QTableWidget *table = page.table();
        // Two changes and the two tables' baselines.
        QCOMPARE(table->rowCount(), 4);
        QCOMPARE(cell(page, 0, AuditPage::AtColumn), u"2025-03-05 10:30:00"_s);
        QCOMPARE(cell(page, 0, AuditPage::ActorColumn), u"ada"_s);
        QCOMPARE(cell(page, 0, AuditPage::ConsoleColumn), u"03"_s);
        QCOMPARE(cell(page, 0, AuditPage::EntityColumn), u"Department"_s);
        QCOMPARE(cell(page, 0, AuditPage::KeyColumn), u"SW"_s);
        QCOMPARE(cell(page, 0, AuditPage::OldColumn), u"—"_s);
        QVERIFY(cell(page, 0, AuditPage::NewColumn).contains(u"name=区水务局"_s));
        QCOMPARE(cell(page, 2, AuditPage::KeyColumn), u"sla.handling_days"_s);
        QCOMPARE(cell(page, 2, AuditPage::NewColumn), u"7"_s);
        QCOMPARE(table->editTriggers(), QAbstractItemView::NoEditTriggers);

        // Period: both days included; entity filter through the combo box.
        page.setFilter(QDate(2025, 3, 3), QDate(2025, 3, 4), QString());
        QCOMPARE(table->rowCount(), 2);
        QCOMPARE(cell(page, 0, AuditPage::EntityColumn), u"Setting"_s);
        page.setFilter(QDate(), QDate(), QString());
        auto *entity = page.findChild<QComboBox *>(u"auditEntity"_s);
        QVERIFY(entity);
        entity->setCurrentIndex(entity->findData(u"department"_s));
        QCOMPARE(table->rowCount(), 2);
        QCOMPARE(cell(page, 1, AuditPage::KeyColumn), u"(the whole table) — record starts"_s);
        QCOMPARE(page.findChild<QLabel *>(u"auditCount"_s)->text(), u"2 change(s)"_s);
    }

    void onlySupervisorsAndAdministrators()
    {
        TestWorkspace tw;
        QString error;
        QVERIFY(tw.ws->settings().set(kAdmin, u"sla.yellow_hours"_s, u"4"_s, &error));
        const auto hasTab = [](MainWindow &w) {
            for (int i = 0; i < w.tabs()->count(); ++i) {
                if (w.tabs()->widget(i)->objectName() == u"auditPage"_s)
                    return true;
            }
            return false;
        };
        ConsoleSession supervisor(*tw.ws, tw.clock, kSupervisor);
        ConsoleSession admin(*tw.ws, tw.clock, kAdmin);
        ConsoleSession dispatcher(*tw.ws, tw.clock, kDispatcher);
        MainWindow s(supervisor), a(admin), d(dispatcher);
        QVERIFY(hasTab(s));
        QVERIFY(hasTab(a));
        QVERIFY(!hasTab(d));
        AuditPage refused(dispatcher);
        refused.setFilter(QDate(), QDate(), QString());
        QCOMPARE(refused.table()->rowCount(), 0);
        QVERIFY(refused.findChild<QLabel *>(u"auditCount"_s)->text().contains(u"dora"_s));
    }
};

QTEST_MAIN(TestAuditPage)
#include "tst_audit_page.moc"
