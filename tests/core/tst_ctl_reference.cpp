// hotlinectl categories|towns import|list as a real process on a real database file: all rows or none with
// `FILE:LINE: reason` and exit code 1, bad usage exit code 2, lists as text and JSON that name the routing.
#include "TestSupport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace hotline::test;

namespace {

QString writeFile(const QTemporaryDir &dir, const QString &name, const QString &text)
{
    const QString path = dir.filePath(name);
    QFile f(path);
    if (f.open(QIODevice::WriteOnly))
        f.write(text.toUtf8());
    return path;
}

} // namespace

class TestCtlReference : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(!hotlinectlPath().isEmpty(), "HOTLINECTL is not set (run through ctest)");
        QVERIFY(m_dir.isValid());
    }

    void categoriesImportAndList()
    {
        const QString db = m_dir.filePath(u"centre.db"_s);
        const QString departments = writeFile(m_dir, u"departments.csv"_s,
                                              u"name,code,duty_phones,head_phone\n区城管局,CG,13800000001,\n"
                                              "里水镇,LS,13800000002,\n"_s);
        CtlResult r = runCtl({u"--db"_s, db, u"departments"_s, u"import"_s, departments});
        QVERIFY2(r.exitCode == 0, r.err.constData());

        // One bad row among good ones: nothing imported, each bad row named, exit code 1.
        const QString bad = writeFile(m_dir, u"bad.csv"_s,
                                      u"code,name,department,class\nC1,占道经营,cg,handling\nC2,河涌污染,水务局,\n"
                                      "C3,乱\u001B]0;x\u0007码,LS,\nC4,村道维修,里水镇,urgent\n"_s);
        r = runCtl({u"--db"_s, db, u"categories"_s, u"import"_s, bad});
        QCOMPARE(r.exitCode, 1);
        const QString err = QString::fromUtf8(r.err);
        QVERIFY2(err.contains(u"bad.csv:3: department “水务局” is not a known department"_s), r.err.constData());
        QVERIFY2(err.contains(u"bad.csv:4: name “乱\\u{1B}]0;x\\u{7}码” contains control"_s), r.err.constData());
        QVERIFY2(err.contains(u"bad.csv:5: class “urgent”"_s), r.err.constData());
        QVERIFY2(err.contains(u"3 bad of 4 rows"_s), r.err.constData());
        QVERIFY(!r.err.contains('\x1b') && !r.err.contains('\x07')); // never echoed raw to the terminal
        r = runCtl({u"--db"_s, db, u"categories"_s, u"list"_s, u"--format"_s, u"json"_s});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(QJsonDocument::fromJson(r.out).array().size(), 0);

        // The good file: department by code in any case or by name.
        const QString good = writeFile(m_dir, u"good.csv"_s,
                                       u"code,name,department,class\nC1,占道经营,cg,handling\nC2,村道维修,里水镇,\n"
                                       "C3,政策咨询,,consult\n"_s);
        r = runCtl({u"--db"_s, db, u"categories"_s, u"import"_s, good});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(r.out.contains("3 new, 0 updated"), r.out.constData());
        r = runCtl({u"--db"_s, db, u"categories"_s, u"list"_s, u"--format"_s, u"json"_s});
        QCOMPARE(r.exitCode, 0);
        const QJsonArray rows = QJsonDocument::fromJson(r.out).array();
        QCOMPARE(rows.size(), 3);
        const QJsonObject village = rows.at(1).toObject();
        QCOMPARE(village.value(u"code"_s).toString(), u"C2"_s);
        QCOMPARE(village.value(u"department"_s).toString(), u"LS"_s);
        QCOMPARE(village.value(u"department_name"_s).toString(), u"里水镇"_s);
        QVERIFY(village.value(u"class"_s).isNull());
        QCOMPARE(village.value(u"active"_s).toBool(), true);
        QCOMPARE(rows.at(2).toObject().value(u"class"_s).toString(), u"consult"_s);
        QVERIFY(rows.at(2).toObject().value(u"department"_s).isNull());

        // Re-import updates by code.
        r = runCtl({u"--db"_s, db, u"categories"_s, u"import"_s,
                    writeFile(m_dir, u"again.csv"_s, u"code,name,department,class\nc2,村道维修,CG,handling\n"_s)});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(r.out.contains("0 new, 1 updated"), r.out.constData());
        r = runCtl({u"--db"_s, db, u"categories"_s, u"list"_s});
        QCOMPARE(r.exitCode, 0);
        const QStringList lines = QString::fromUtf8(r.out).split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 4); // header + 3
        // The stored code takes the file's spelling.
        QVERIFY2(lines.at(2).startsWith(u"c2 "_s) && lines.at(2).contains(u"CG 区城管局"_s)
                     && lines.at(2).contains(u"handling"_s),
                 qPrintable(lines.at(2)));
    }

    void townsImportListAndUsage()
    {
        const QString db = m_dir.filePath(u"towns.db"_s);
        CtlResult r = runCtl({u"--db"_s, db, u"towns"_s, u"import"_s,
                              writeFile(m_dir, u"towns.csv"_s, u"code,name\nGC,桂城\nJJ,九江\ngc,桂城街道\n"_s)});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(QString::fromUtf8(r.err).contains(u"towns.csv:4: code “gc” already appears on line 2"_s),
                 r.err.constData());
        r = runCtl({u"--db"_s, db, u"towns"_s, u"import"_s,
                    writeFile(m_dir, u"towns2.csv"_s, u"code,name\nGC,桂城\nJJ,九江\n"_s)});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        r = runCtl({u"--db"_s, db, u"towns"_s, u"list"_s, u"--format"_s, u"json"_s});
        QCOMPARE(r.exitCode, 0);
        const QJsonArray towns = QJsonDocument::fromJson(r.out).array();
        QCOMPARE(towns.size(), 2);
        QCOMPARE(towns.at(0).toObject().value(u"name"_s).toString(), u"桂城"_s);
        QVERIFY(!towns.at(0).toObject().contains(u"department"_s));
        r = runCtl({u"--db"_s, db, u"towns"_s, u"list"_s});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(QString::fromUtf8(r.out).contains(u"JJ"_s));
        // Bad usage: exit code 2.
        for (const QStringList &args : {QStringList {u"towns"_s}, QStringList {u"towns"_s, u"import"_s},
                                        QStringList {u"categories"_s, u"list"_s, u"--format"_s, u"csv"_s},
                                        QStringList {u"categories"_s, u"delete"_s, u"C1"_s}}) {
            r = runCtl(QStringList {u"--db"_s, db} + args);
            QCOMPARE(r.exitCode, 2);
            QVERIFY2(r.err.contains("Usage"), r.err.constData());
        }
        // A file that is not there: exit code 1 with the path.
        r = runCtl({u"--db"_s, db, u"towns"_s, u"import"_s, m_dir.filePath(u"missing.csv"_s)});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains("missing.csv"));
        r = runCtl({u"--help"_s});
        QVERIFY(r.out.contains("categories import"));
    }

private:
    QTemporaryDir m_dir;

    void categoriesFindDepartmentByItsOtherCode()
    {
        // Found by attacking issue 13: a department created by import tickets keeps its code (its name) when
        // departments import gives it the real code CG; a categories file naming CG must find it.
        const QString db = m_dir.filePath(u"alias.db"_s);
        const QString history = writeFile(
            m_dir, u"history.csv"_s,
            u"number,channel,type,category,town,department,caller_name,caller_phone,summary,registered_at,"
            "dispatched_at,replied_at,closed_at,satisfaction\nA-1,phone,complaint,,,区城管局,,,占道,"
            "2025-03-03T09:00:00+08:00,2025-03-03T10:00:00+08:00,,,\n"_s);
        CtlResult r = runCtl({u"--db"_s, db, u"import"_s, u"tickets"_s, history});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        r = runCtl({u"--db"_s, db, u"departments"_s, u"import"_s,
                    writeFile(m_dir, u"real.csv"_s, u"name,code,duty_phones,head_phone\n区城管局,CG,,\n"_s)});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        r = runCtl({u"--db"_s, db, u"categories"_s, u"import"_s,
                    writeFile(m_dir, u"routing.csv"_s, u"code,name,department,class\nC1,占道经营,cg,handling\n"_s)});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        r = runCtl({u"--db"_s, db, u"categories"_s, u"list"_s, u"--format"_s, u"json"_s});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject row = QJsonDocument::fromJson(r.out).array().at(0).toObject();
        QCOMPARE(row.value(u"department"_s).toString(), u"区城管局"_s); // the kept code
        QCOMPARE(row.value(u"department_name"_s).toString(), u"区城管局"_s);
    }
};

QTEST_GUILESS_MAIN(TestCtlReference)
#include "tst_ctl_reference.moc"
