// hotlinectl import interview: the real binary on a demo database. Good rows become interview tickets numbered by
// the console (printed one a line), a problem row is listed on stderr, a second run of the same file adds nothing,
// and bad arguments are usage errors that write nothing.
#include "TestSupport.h"

#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace hotline::test;

class TestCtlInterview : public QObject
{
    Q_OBJECT

private:
    CtlResult ctl(const QStringList &args) { return runCtl(QStringList{u"--db"_s, m_db} + args); }
    QString write(const QString &name, const QByteArray &bytes)
    {
        const QString path = m_dir.filePath(name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size())
            return {};
        return path;
    }

    QTemporaryDir m_dir;
    QString m_db;

private slots:
    void initTestCase()
    {
        QVERIFY2(!hotlinectlPath().isEmpty(), "HOTLINECTL is not set (run through ctest)");
        QVERIFY(m_dir.isValid());
        m_db = m_dir.filePath(u"centre.db"_s);
        const CtlResult r = runCtl({u"--db"_s, m_db, u"init"_s, u"--demo"_s});
        QVERIFY2(r.exitCode == 0, r.err.constData());
    }

    void importsGoodRowsListsProblemsAndSkipsRepeats()
    {
        const QString path = write(u"weifangtan.csv"_s,
                                   "\xEF\xBB\xBF" + u"网友,提问时间,问题内容\n"
                                                    "江南小雨,2026-12-06 14:03,小区门口路灯坏了一个月\n"
                                                    "老街坊,2026-12-06 14:05,学位房政策什么时候公布？\n"
                                                    "无名,2026-12-06 14:07,\n"_s.toUtf8());
        QVERIFY(!path.isEmpty());
        CtlResult r = ctl({u"import"_s, u"interview"_s, path, u"--type"_s, u"consult"_s});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QStringList numbers = QString::fromUtf8(r.out).split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(numbers.size(), 2);
        static const QRegularExpression number(u"^\\d{6}-\\d{2}-\\d{4}$"_s);
        for (const QString &n : numbers)
            QVERIFY2(number.match(n).hasMatch(), qPrintable(n));
        QVERIFY2(r.err.contains(":4:"), r.err.constData()); // the empty question, named by its line

        // The same file again: each row named as already imported, and a failure saying nothing was left to import.
        r = ctl({u"import"_s, u"interview"_s, path});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(QString::fromUtf8(r.out).trimmed().isEmpty(), r.out.constData());
        QVERIFY2(r.err.contains(numbers.first().toUtf8()), r.err.constData());
    }

    void badArgumentsWriteNothing()
    {
        const QString path = write(u"more.txt"_s, u"公交站台能否加装雨棚\n"_s.toUtf8());
        CtlResult r = ctl({u"import"_s, u"interview"_s, path, u"--type"_s, u"gossip"_s});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("gossip"), r.err.constData());
        r = ctl({u"import"_s, u"interview"_s});
        QCOMPARE(r.exitCode, 2);
        r = ctl({u"import"_s, u"interview"_s, m_dir.filePath(u"missing.csv"_s)});
        QCOMPARE(r.exitCode, 1);
        r = ctl({u"import"_s, u"interview"_s, path, u"--category"_s, u"没有这个类别"_s});
        QCOMPARE(r.exitCode, 1);
        // Then the plain-text file imports its one question.
        r = ctl({u"import"_s, u"interview"_s, path});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(QString::fromUtf8(r.out).split(u'\n', Qt::SkipEmptyParts).size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestCtlInterview)
#include "tst_ctl_interview.moc"
