// Categories and towns as administered: the CSV import (all or nothing, every bad row named, re-import by code),
// the store's add/edit/disable with its checks and permission, what registration offers, the dispatch suggestion
// and time-limit class that follow, and the shared server's document of both tables.
#include "TestWorkspace.h"
#include "auth/UserStore.h"
#include "domain/Ticket.h"
#include "io/ReferenceImporter.h"
#include "service/ReferenceStore.h"
#include "service/TicketQueries.h"
#include "service/TicketService.h"
#include "storage/Database.h"
#include "notify/DepartmentContacts.h"
#include "sync/ReferenceData.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace hotline;
using namespace hotline::test;

namespace {

const Actor kAdmin {u"admin"_s, Role::Administrator, QString(), u"01"_s};
const Actor kDispatcher {u"disp"_s, Role::Dispatcher, QString(), u"01"_s};

QString writeCsv(TestWorkspace &tw, const QString &name, const QString &text)
{
    const QString path = tw.dir.filePath(name);
    QFile f(path);
    if (f.open(QIODevice::WriteOnly))
        f.write(text.toUtf8());
    return path;
}

void prepare(TestWorkspace &tw)
{
    tw.addDepartment(u"CG"_s, u"区城管局"_s);
    tw.addDepartment(u"SW"_s, u"区水务局"_s);
    tw.addDepartment(u"XQ"_s, u"西樵镇"_s);
}

/** The rows of a table marked for the shared server, as they would travel. */
QList<ReferenceRow> dirtyRows(TestWorkspace &tw, const QString &table)
{
    QString error;
    QList<ReferenceRow> out;
    for (const ReferenceRow &r : ReferenceData::dirtyRows(tw.ws->database(), 0, &error)) {
        if (r.table == table)
            out << r;
    }
    return out;
}

bool dirty(TestWorkspace &tw, const QString &table)
{
    return !dirtyRows(tw, table).isEmpty();
}

/** Another console applies rows as if pulled from the server (each at a new version). */
bool applyPulled(TestWorkspace &tw, QList<ReferenceRow> rows, QString *error)
{
    static qint64 version = 0;
    for (ReferenceRow &r : rows)
        r.version = ++version;
    QStringList refusedSettings, refused;
    const bool ok = ReferenceData::apply(tw.ws->database(), rows, &refusedSettings, &refused, nullptr, error);
    if (ok && !refused.isEmpty())
        *error = refused.join(u'\n');
    return ok && refused.isEmpty();
}

QString tableDump(TestWorkspace &tw, const QString &table)
{
    QSqlQuery q(tw.ws->database().sql());
    q.exec(u"SELECT * FROM "_s + table + u" ORDER BY name"_s);
    QStringList rows;
    while (q.next()) {
        QStringList cells;
        for (int i = 0; i < 5; ++i)
            cells << q.value(i).toString();
        rows << cells.join(u'|');
    }
    return rows.join(u'\n');
}

} // namespace

class TestReference : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void importCategoriesRoutesTheirTickets()
    {
        TestWorkspace tw;
        prepare(tw);
        QString error;
        QVERIFY(ReferenceData::forgetMarks(tw.ws->database(), &error));
        // Department by code in any case, or by name; class consult, handling or empty (the ticket type decides).
        const QString path = writeCsv(tw, u"categories.csv"_s,
                                      u"code,name,department,class\n"
                                      "C01,占道经营,cg,handling\n"
                                      "C02,排水不畅,区水务局,\n"
                                      "C03,政策咨询,,CONSULT\n"
                                      "C04,旅游景区,XQ,handling\n"_s);
        const ReferenceImportResult r
            = ReferenceImporter(tw.ws->database(), kAdmin).importFile(ReferenceKind::Categories, path);
        QVERIFY2(r.ok, qPrintable(r.errors.join(u'\n')));
        QCOMPARE(r.imported, 4);
        QCOMPARE(r.added, 4);
        const QList<ReferenceEntry> all = ReferenceStore(tw.ws->database()).all(ReferenceKind::Categories);
        QCOMPARE(all.size(), 4);
        QCOMPARE(all.at(0), (ReferenceEntry {u"C01"_s, u"占道经营"_s, u"CG"_s, u"handling"_s, true}));
        QCOMPARE(all.at(1), (ReferenceEntry {u"C02"_s, u"排水不畅"_s, u"SW"_s, QString(), true}));
        QCOMPARE(all.at(2), (ReferenceEntry {u"C03"_s, u"政策咨询"_s, QString(), u"consult"_s, true}));
        // The dispatch suggestion follows the usual department; registration offers them.
        TicketQueries &queries = tw.ws->queries();
        QCOMPARE(queries.suggestedDepartment(u"旅游景区"_s), u"XQ"_s);
        QCOMPARE(queries.suggestedDepartment(u"排水不畅"_s), u"SW"_s);
        QCOMPARE(queries.suggestedDepartment(u"政策咨询"_s), QString());
        QCOMPARE(queries.categories().size(), 4);
        QVERIFY(queries.categories().contains(u"旅游景区"_s));
        // The class decides the deadline: a complaint in the consult category runs on the consult clock.
        NewTicket t;
        t.type = TicketType::Complaint;
        t.category = u"政策咨询"_s;
        t.summary = u"咨询补贴政策"_s;
        const QString id = tw.ws->tickets().registerTicket(tw.ws->systemActor(), t, &error);
        QVERIFY2(!id.isEmpty(), qPrintable(error));
        QCOMPARE(queries.ticket(tw.ws->systemActor(), id)->slaClass, SlaClass::Consult);
        // Marked for the shared server.
        QVERIFY(dirty(tw, u"categories"_s));
    }

    void everyBadRowIsNamedAndNothingIsImported()
    {
        TestWorkspace tw;
        prepare(tw);
        QVERIFY(ReferenceImporter(tw.ws->database(), kAdmin)
                    .importFile(ReferenceKind::Categories,
                                writeCsv(tw, u"first.csv"_s, u"code,name,department,class\nK1,旧类别,CG,\n"_s))
                    .ok);
        QString error;
        QVERIFY(ReferenceData::forgetMarks(tw.ws->database(), &error));
        const QString before = tableDump(tw, u"categories"_s);
        const QString astral100 = QString(u"𠀀"_s).repeated(100); // 100 characters, 200 UTF-16 units
        const QString path = writeCsv(tw, u"bad.csv"_s,
                                      u"code,name,department,class\n"
                                      "A1,好的类别,CG,\n" // 2: fine
                                      "A2,未知部门,交通局,\n" // 3: unknown department
                                      "A3,错误时限,CG,urgent\n" // 4: bad class
                                      "a1,重复代码,CG,\n" // 5: code again, other case
                                      "A5,好的类别,CG,\n" // 6: name again
                                      "A6,控制\u001B[31m字符,CG,\n" // 7: ESC
                                      "A7,反向\u202E字符,CG,\n" // 8: bidi override
                                      "A8,零宽\u200B字符,,\n" // 9: zero-width space
                                      "A 9,空格代码,,\n" // 10: space in a code
                                      ",无代码,,\n" // 11: no code
                                      "A11,"_s
                                          + astral100 + u",,\n"_s // 12: exactly the limit: fine
                                          + u"A12,"_s + astral100 + u"𠀀,,\n"_s // 13: one over
                                          + u"A13,旧类别,,\n"_s); // 14: the name of K1, which the file leaves alone
        const ReferenceImportResult r
            = ReferenceImporter(tw.ws->database(), kAdmin).importFile(ReferenceKind::Categories, path);
        QVERIFY(!r.ok);
        QCOMPARE(r.rows, 13);
        QCOMPARE(r.badRows, 11);
        QCOMPARE(r.errors.size(), 11);
        QCOMPARE(r.imported, 0);
        const QStringList expected {
            u"bad.csv:3: department “交通局”"_s, u"bad.csv:4: class “urgent”"_s,
            u"bad.csv:5: code “a1” already appears on line 2"_s,
            u"bad.csv:6: name “好的类别” already appears on line 2"_s,
            u"bad.csv:7: name “控制\\u{1B}[31m字符” contains control"_s,
            u"bad.csv:8: name “反向\\u{202E}字符” contains control"_s,
            u"bad.csv:9: name “零宽\\u{200B}字符” contains control"_s, u"bad.csv:10: code “A 9” contains spaces"_s,
            u"bad.csv:11: code is empty"_s, u"bad.csv:13: name is longer than 100 characters"_s,
            // a conflict with the table is reported together with the file's own problems
            u"bad.csv:14: name “旧类别” is already the name of K1, which this file does not change"_s};
        for (const QString &e : expected) {
            bool found = false;
            for (const QString &line : r.errors)
                found |= line.contains(tw.dir.path()) && line.mid(line.lastIndexOf(u'/') + 1).startsWith(e);
            QVERIFY2(found, qPrintable(e + u"\n--- got:\n"_s + r.errors.join(u'\n')));
        }
        // In line order.
        QVERIFY(r.errors.first().contains(u"bad.csv:3:"_s));
        QVERIFY(r.errors.last().contains(u"bad.csv:14:"_s));
        for (const QString &line : r.errors)
            QVERIFY2(!line.contains(QChar(0x1B)) && !line.contains(QChar(0x202E)), qPrintable(line));
        QCOMPARE(tableDump(tw, u"categories"_s), before);
        QVERIFY(!dirty(tw, u"categories"_s));
    }

    void conflictWithAnEntryTheFileLeavesAlone()
    {
        TestWorkspace tw;
        prepare(tw);
        ReferenceImporter importer(tw.ws->database(), kAdmin);
        QVERIFY(importer
                    .importFile(ReferenceKind::Categories,
                                writeCsv(tw, u"a.csv"_s, u"code,name,department,class\nK1,旧类别,CG,\n"_s))
                    .ok);
        const ReferenceImportResult r = importer.importFile(
            ReferenceKind::Categories,
            writeCsv(tw, u"b.csv"_s, u"code,name,department,class\nN1,新类别,,\nN2,旧类别,,\n"_s));
        QVERIFY(!r.ok);
        QCOMPARE(r.errors.size(), 1);
        QVERIFY2(r.errors.first().endsWith(
                     u"b.csv:3: name “旧类别” is already the name of K1, which this file does not change"_s),
                 qPrintable(r.errors.first()));
        QCOMPARE(ReferenceStore(tw.ws->database()).all(ReferenceKind::Categories).size(), 1);
    }

    void reimportUpdatesByCodeAdoptsOldNamesAndSwapsNames()
    {
        TestWorkspace tw;
        prepare(tw);
        // A category from before codes (demo data, ticket import): no code, no department.
        tw.addCategory(u"市容环境"_s, QString());
        ReferenceImporter importer(tw.ws->database(), kAdmin);
        QVERIFY(
            importer
                .importFile(ReferenceKind::Categories,
                            writeCsv(tw, u"a.csv"_s, u"code,name,department,class\nC1,甲,CG,\nC2,乙,SW,handling\n"_s))
                .ok);
        QString error;
        QVERIFY(ReferenceStore(tw.ws->database())
                    .save(kAdmin, ReferenceKind::Categories, u"乙"_s, {u"C2"_s, u"乙"_s, u"SW"_s, u"handling"_s, false},
                          &error));
        const ReferenceImportResult r = importer.importFile(
            ReferenceKind::Categories,
            writeCsv(tw, u"b.csv"_s, u"code,name,department,class\nc1,乙,XQ,consult\nC2,甲,CG,\nS1,市容环境,CG,\n"_s));
        QVERIFY2(r.ok, qPrintable(r.errors.join(u'\n')));
        QCOMPARE(r.added, 0);
        QCOMPARE(r.updated, 3);
        const ReferenceStore store(tw.ws->database());
        // Matched by code ignoring case (the stored code is the file's), names exchanged, re-enabled.
        QCOMPARE(store.byName(ReferenceKind::Categories, u"乙"_s),
                 (ReferenceEntry {u"c1"_s, u"乙"_s, u"XQ"_s, u"consult"_s, true}));
        QCOMPARE(store.byName(ReferenceKind::Categories, u"甲"_s),
                 (ReferenceEntry {u"C2"_s, u"甲"_s, u"CG"_s, QString(), true}));
        QCOMPARE(store.byName(ReferenceKind::Categories, u"市容环境"_s),
                 (ReferenceEntry {u"S1"_s, u"市容环境"_s, u"CG"_s, QString(), true}));
        QCOMPARE(store.all(ReferenceKind::Categories).size(), 3);
        QCOMPARE(tw.ws->queries().suggestedDepartment(u"市容环境"_s), u"CG"_s);
    }

    void storeChecksEveryChangeAndTheRole()
    {
        TestWorkspace tw;
        prepare(tw);
        ReferenceStore store(tw.ws->database());
        QString error;
        // Only administrators (and the system).
        QVERIFY(!store.save(kDispatcher, ReferenceKind::Categories, QString(),
                            {u"X1"_s, u"路灯"_s, u"CG"_s, QString(), true}, &error));
        QVERIFY2(error.contains(u"manage categories and towns"_s), qPrintable(error));
        QVERIFY(store.all(ReferenceKind::Categories).isEmpty());
        QVERIFY2(store.save(kAdmin, ReferenceKind::Categories, QString(),
                            {u"X1"_s, u"路灯"_s, u"cg"_s, QString(), true}, &error),
                 qPrintable(error));
        QCOMPARE(store.byName(ReferenceKind::Categories, u"路灯"_s)->departmentCode, u"CG"_s); // resolved to the code
        // Refusals, each leaving the table as it was.
        const QList<ReferenceEntry> before = store.all(ReferenceKind::Categories);
        const std::pair<ReferenceEntry, QString> refused[] = {
            {{QString(), u"井盖"_s, QString(), QString(), true}, u"code is empty"_s},
            {{u"x1"_s, u"别的"_s, QString(), QString(), true}, u"code “x1” is already used"_s},
            {{u"X2"_s, u"路灯"_s, QString(), QString(), true}, u"“路灯” already exists"_s},
            {{u"X2"_s, u"井盖"_s, u"交通局"_s, QString(), true}, u"not a known department"_s},
            {{u"X2"_s, u"井盖"_s, QString(), u"urgent"_s, true}, u"class “urgent”"_s},
            {{u"X2"_s, u"井\u0000盖"_s, QString(), QString(), true}, u"control or invisible"_s},
            {{u"X2"_s, QString(101, u'名'), QString(), QString(), true}, u"longer than 100"_s},
        };
        for (const auto &[entry, why] : refused) {
            error.clear();
            QVERIFY(!store.save(kAdmin, ReferenceKind::Categories, QString(), entry, &error));
            QVERIFY2(error.contains(why), qPrintable(error + u" / expected: "_s + why));
            QCOMPARE(store.all(ReferenceKind::Categories), before);
        }
        // Edit: rename, move to another department, change class, disable. Registration no longer offers it.
        QVERIFY2(store.save(kAdmin, ReferenceKind::Categories, u"路灯"_s,
                            {u"X1"_s, u"路灯照明"_s, u"区水务局"_s, u"consult"_s, false}, &error),
                 qPrintable(error));
        QCOMPARE(store.all(ReferenceKind::Categories),
                 (QList<ReferenceEntry> {{u"X1"_s, u"路灯照明"_s, u"SW"_s, u"consult"_s, false}}));
        QVERIFY(!tw.ws->queries().categories().contains(u"路灯照明"_s));
        QCOMPARE(tw.ws->queries().suggestedDepartment(u"路灯照明"_s), u"SW"_s); // old tickets still get the suggestion
        QVERIFY(!store.save(kAdmin, ReferenceKind::Categories, u"路灯"_s,
                            {u"X1"_s, u"路灯"_s, QString(), QString(), true}, &error));
        QVERIFY2(error.contains(u"no longer exists"_s), qPrintable(error));
        // An entry from before codes may be disabled (or edited) without being given a code; two such stay apart.
        tw.addCategory(u"旧类甲"_s, QString());
        tw.addCategory(u"旧类乙"_s, QString());
        QVERIFY2(store.save(kAdmin, ReferenceKind::Categories, u"旧类甲"_s,
                            {QString(), u"旧类甲"_s, u"CG"_s, QString(), false}, &error),
                 qPrintable(error));
        QVERIFY2(store.save(kAdmin, ReferenceKind::Categories, u"旧类乙"_s,
                            {QString(), u"旧类乙"_s, QString(), QString(), false}, &error),
                 qPrintable(error));
        QCOMPARE(store.byName(ReferenceKind::Categories, u"旧类甲"_s),
                 (ReferenceEntry {QString(), u"旧类甲"_s, u"CG"_s, QString(), false}));
        QVERIFY(!tw.ws->queries().categories().contains(u"旧类乙"_s));
        // Towns the same way.
        QVERIFY(store.save(kAdmin, ReferenceKind::Towns, QString(), {u"T1"_s, u"西樵"_s, QString(), QString(), true},
                           &error));
        QVERIFY(tw.ws->queries().towns().contains(u"西樵"_s));
        QVERIFY(store.save(kAdmin, ReferenceKind::Towns, u"西樵"_s, {u"T1"_s, u"西樵"_s, QString(), QString(), false},
                           &error));
        QVERIFY(!tw.ws->queries().towns().contains(u"西樵"_s));
        QVERIFY(!store.save(kDispatcher, ReferenceKind::Towns, QString(),
                            {u"T2"_s, u"九江"_s, QString(), QString(), true}, &error));
        QCOMPARE(store.all(ReferenceKind::Towns).size(), 1);
    }

    void importTowns()
    {
        TestWorkspace tw;
        const QString good = writeCsv(tw, u"towns.csv"_s, u"name,code\n桂城,GC\n九江,JJ\n"_s); // columns in any order
        ReferenceImporter importer(tw.ws->database(), kAdmin);
        ReferenceImportResult r = importer.importFile(ReferenceKind::Towns, good);
        QVERIFY2(r.ok, qPrintable(r.errors.join(u'\n')));
        QCOMPARE(tw.ws->queries().towns(), (QStringList {u"九江"_s, u"桂城"_s}));
        // A town name is limited to 50 characters; a dispatcher may not import.
        r = importer.importFile(ReferenceKind::Towns,
                                writeCsv(tw, u"long.csv"_s, u"code,name\nX,"_s + QString(51, u'镇') + u"\n"_s));
        QVERIFY(!r.ok);
        QVERIFY2(r.errors.first().endsWith(u"long.csv:2: name is longer than 50 characters"_s),
                 qPrintable(r.errors.first()));
        r = ReferenceImporter(tw.ws->database(), kDispatcher).importFile(ReferenceKind::Towns, good);
        QVERIFY(!r.ok);
        QVERIFY(r.errors.first().contains(u"manage categories and towns"_s));
        // A missing column is one error naming the expected header; an empty file has no rows.
        r = importer.importFile(ReferenceKind::Towns, writeCsv(tw, u"header.csv"_s, u"code\nX\n"_s));
        QVERIFY(!r.ok);
        QVERIFY2(r.errors.first().contains(u"name"_s), qPrintable(r.errors.first()));
        r = importer.importFile(ReferenceKind::Towns, writeCsv(tw, u"none.csv"_s, u"code,name\n"_s));
        QVERIFY(!r.ok);
        QCOMPARE(tw.ws->queries().towns().size(), 2);
    }

    void sharedServerRowCarriesCodesAndStatus()
    {
        TestWorkspace tw;
        prepare(tw);
        QString error;
        QVERIFY(ReferenceStore(tw.ws->database())
                    .save(kAdmin, ReferenceKind::Categories, QString(),
                          {u"C1"_s, u"占道"_s, u"CG"_s, u"handling"_s, false}, &error));
        const QList<ReferenceRow> rows = dirtyRows(tw, u"categories"_s);
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.first().key, u"占道"_s);
        const QJsonObject row = QJsonDocument::fromJson(rows.first().content).object();
        QCOMPARE(row.value(u"code"_s).toString(), u"C1"_s);
        QCOMPARE(row.value(u"department_code"_s).toString(), u"CG"_s);
        QCOMPARE(row.value(u"active"_s).toInt(), 0);
        QCOMPARE(rows.first().by, u"admin"_s); // from the administrative log
        // Another console receives it whole.
        TestWorkspace other;
        QVERIFY2(applyPulled(other, rows, &error), qPrintable(error));
        QCOMPARE(ReferenceStore(other.ws->database()).all(ReferenceKind::Categories),
                 (QList<ReferenceEntry> {{u"C1"_s, u"占道"_s, u"CG"_s, u"handling"_s, false}}));
        QVERIFY(!dirty(other, u"categories"_s)); // and does not send it back
        // A deletion travels as a row without content.
        QSqlQuery q(tw.ws->database().sql());
        QVERIFY(q.exec(u"DELETE FROM categories WHERE name = '占道'"_s));
        const QList<ReferenceRow> gone = dirtyRows(tw, u"categories"_s);
        QCOMPARE(gone.size(), 1);
        QVERIFY(gone.first().content.isNull());
        QVERIFY2(applyPulled(other, gone, &error), qPrintable(error));
        QVERIFY(ReferenceStore(other.ws->database()).all(ReferenceKind::Categories).isEmpty());
    }

    // Regression: entries without a code (demo data, ticket import) travelled as "" and the second one broke the
    // unique index on the receiving console ("UNIQUE constraint failed: categories.code"), stopping every pull.
    void entriesWithoutCodeTravelAsNoCode()
    {
        TestWorkspace tw;
        QString error;
        QSqlQuery q(tw.ws->database().sql());
        QVERIFY(q.exec(u"INSERT INTO categories(name) VALUES('无代码甲'), ('无代码乙')"_s));
        QVERIFY(q.exec(u"INSERT INTO towns(name) VALUES('甲镇'), ('乙镇')"_s));
        for (const QString &table : {u"categories"_s, u"towns"_s}) {
            QList<ReferenceRow> rows = dirtyRows(tw, table);
            rows.removeIf([](const ReferenceRow &r) {
                return !QStringList{u"无代码甲"_s, u"无代码乙"_s, u"甲镇"_s, u"乙镇"_s}.contains(r.key);
            });
            QCOMPARE(rows.size(), 2);
            for (const ReferenceRow &r : std::as_const(rows))
                QVERIFY2(QJsonDocument::fromJson(r.content).object().value(u"code"_s).isNull(), r.content.constData());
            TestWorkspace other;
            QVERIFY2(applyPulled(other, rows, &error), qPrintable(error));
            // A row written before the fix said "" for no code: it is read as no code.
            for (ReferenceRow &r : rows) {
                r.content.replace("\"code\":null", "\"code\":\"\"");
                QVERIFY(r.content.contains("\"code\":\"\""));
            }
            QVERIFY2(applyPulled(other, rows, &error), qPrintable(error));
            QSqlQuery count(other.ws->database().sql());
            QVERIFY(count.exec(u"SELECT count(*) FROM "_s + table + u" WHERE code IS NULL"_s) && count.next());
            QVERIFY(count.value(0).toInt() >= 2);
        }
    }

    void badRowsFromTheServerAreRefused()
    {
        // Each table's rows pass the checks a person's entry passes; a refused row leaves the local one as it was.
        TestWorkspace tw;
        prepare(tw);
        QString error;
        QVERIFY(ReferenceData::forgetMarks(tw.ws->database(), &error)); // as after a sync: nothing unpushed
        auto row = [](const QString &table, const QString &key, const QJsonObject &o) {
            ReferenceRow r;
            r.table = table;
            r.key = key;
            r.content = QJsonDocument(o).toJson(QJsonDocument::Compact);
            return r;
        };
        const QList<ReferenceRow> bad{
            row(u"departments"_s, u"CG"_s, {{u"code"_s, u"CG"_s}, {u"name"_s, u""_s}}),
            row(u"departments"_s, u"SW"_s, {{u"code"_s, u"SW"_s}, {u"name"_s, u"水务"_s}, {u"duty_phones"_s, u"12"_s}}),
            row(u"categories"_s, u"K"_s, {{u"name"_s, u"K"_s}, {u"sla_class"_s, u"urgent"_s}}),
            row(u"calendar_days"_s, u"2025-02-30"_s, {{u"date"_s, u"2025-02-30"_s}, {u"is_off_day"_s, 1}}),
            row(u"calendar_days"_s, u"2025-03-01"_s, {{u"date"_s, u"2025-03-01"_s}, {u"is_off_day"_s, 2}}),
            row(u"users"_s, u"eve"_s, {{u"name"_s, u"eve"_s}, {u"display_name"_s, u"E"_s}, {u"role"_s, u"root"_s},
                                       {u"created_ms"_s, 1}}),
            row(u"towns"_s, u"X"_s, {{u"name"_s, u"Y"_s}}),
        };
        const QString others = u"SELECT (SELECT count(*) FROM categories) || '/' || (SELECT count(*) FROM calendar_days) "
                               "|| '/' || (SELECT count(*) FROM users) || '/' || (SELECT count(*) FROM towns)"_s;
        QSqlQuery q(tw.ws->database().sql());
        QVERIFY(q.exec(others) && q.next());
        const QString before = q.value(0).toString();
        QStringList refusedSettings, refused;
        QVERIFY2(ReferenceData::apply(tw.ws->database(), bad, &refusedSettings, &refused, nullptr, &error),
                 qPrintable(error));
        QCOMPARE(refused.size(), bad.size());
        QVERIFY2(refused.at(0).startsWith(u"departments CG: "_s), qPrintable(refused.at(0)));
        QVERIFY2(refused.at(5).startsWith(u"users eve: "_s), qPrintable(refused.at(5)));
        QCOMPARE(tableDump(tw, u"departments"_s).count(u"区城管局"_s), 1);
        QCOMPARE(DepartmentContacts(tw.ws->database()).find(u"SW"_s)->name, u"区水务局"_s);
        QVERIFY(q.exec(others) && q.next());
        QCOMPARE(q.value(0).toString(), before);
        // A good row of the same pull arrives.
        QVERIFY2(applyPulled(tw, {row(u"users"_s, u"eve"_s, {{u"name"_s, u"eve"_s}, {u"display_name"_s, u"E"_s},
                                                            {u"role"_s, u"dispatcher"_s}, {u"created_ms"_s, 1}})},
                             &error),
                 qPrintable(error));
        QVERIFY(tw.ws->users().user(u"eve"_s));
    }
};

QTEST_GUILESS_MAIN(TestReference)
#include "tst_reference.moc"
