// hotlinectl ticket merge and the parent/followers of ticket show, on a training database: the real binary, the
// console's TicketService and permission table; refusals write nothing and say why.
#include "TestSupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace hotline::test;

class TestCtlMerge : public QObject
{
    Q_OBJECT

private:
    CtlResult drill(const QStringList &args) { return runCtl(QStringList{u"--db"_s, m_db} + args); }
    QString registerAt(const QString &summary, const QString &at)
    {
        const CtlResult r = drill({u"ticket"_s, u"register"_s, u"--type"_s, u"complaint"_s, u"--summary"_s, summary,
                                   u"--town"_s, u"桂城"_s, u"--at"_s, at});
        if (r.exitCode != 0)
            qWarning() << r.err;
        return QString::fromUtf8(r.out).trimmed();
    }
    QJsonObject show(const QString &number)
    {
        return QJsonDocument::fromJson(drill({u"ticket"_s, u"show"_s, number, u"--format"_s, u"json"_s}).out).object();
    }
    int timelineSize(const QString &number) { return show(number).value(u"timeline"_s).toArray().size(); }

    QTemporaryDir m_dir;
    QString m_db;

private slots:
    void initTestCase()
    {
        QVERIFY2(!hotlinectlPath().isEmpty(), "HOTLINECTL is not set (run through ctest)");
        QVERIFY(m_dir.isValid());
        m_db = m_dir.filePath(u"training.db"_s);
        const CtlResult r = runCtl({u"--db"_s, m_db, u"init"_s, u"--training"_s});
        QVERIFY2(r.exitCode == 0, r.err.constData());
    }

    void mergeShowAndTheParentsReply()
    {
        const QString parent = registerAt(u"南海大道井盖缺失"_s, u"2025-03-04T10:00:00+08:00"_s);
        const QString child = registerAt(u"南海大道口井盖不见了"_s, u"2025-03-04T10:05:00+08:00"_s);
        QVERIFY(!parent.isEmpty() && !child.isEmpty());

        // Usage and rules: without --into a usage error; itself and unknown tickets refused; nothing written.
        QCOMPARE(drill({u"ticket"_s, u"merge"_s, child}).exitCode, 2);
        CtlResult r = drill({u"ticket"_s, u"merge"_s, child, u"--into"_s, child, u"--at"_s, u"2025-03-04T10:06:00+08:00"_s});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("cannot follow itself"), r.err.constData());
        r = drill({u"ticket"_s, u"merge"_s, child, u"--into"_s, u"2025-999"_s, u"--at"_s, u"2025-03-04T10:06:00+08:00"_s});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("There is no ticket 2025-999"), r.err.constData());
        QCOMPARE(timelineSize(child), 1);

        r = drill({u"ticket"_s, u"merge"_s, child, u"--into"_s, parent, u"--reason"_s, u"同一井盖"_s, u"--at"_s,
                   u"2025-03-04T10:06:00+08:00"_s});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(r.out.contains((child + u" now follows "_s + parent).toUtf8()), r.out.constData());

        QJsonObject c = show(child);
        QCOMPARE(c.value(u"parent"_s).toObject().value(u"number"_s).toString(), parent);
        QVERIFY(c.value(u"waiting"_s).isNull()); // not at the dispatch desk
        const QJsonObject merged = c.value(u"timeline"_s).toArray().last().toObject();
        QCOMPARE(merged.value(u"event"_s).toString(), u"merged"_s);
        QCOMPARE(merged.value(u"payload"_s).toObject().value(u"reason"_s).toString(), u"同一井盖"_s);
        const QJsonArray followers = show(parent).value(u"followers"_s).toArray();
        QCOMPARE(followers.size(), 1);
        QCOMPARE(followers.at(0).toObject().value(u"number"_s).toString(), child);
        QVERIFY(show(parent).value(u"parent"_s).isNull());
        QVERIFY(drill({u"ticket"_s, u"show"_s, child}).out.contains((u"Follows "_s + parent).toUtf8()));
        QVERIFY(drill({u"ticket"_s, u"show"_s, parent}).out.contains((u"Followers: "_s + child).toUtf8()));

        // A follower is not dispatched on its own; the parent's reply answers it.
        r = drill({u"ticket"_s, u"dispatch"_s, child, u"--department"_s, u"CG"_s, u"--at"_s, u"2025-03-04T10:07:00+08:00"_s});
        QCOMPARE(r.exitCode, 1);
        for (const QStringList &step : {QStringList{u"dispatch"_s, parent, u"--department"_s, u"CG"_s},
                                        QStringList{u"sign"_s, parent}, QStringList{u"reply"_s, parent, u"--text"_s, u"已补装"_s}}) {
            r = drill(QStringList{u"ticket"_s} + step + QStringList{u"--at"_s, u"2025-03-04T11:00:00+08:00"_s});
            QVERIFY2(r.exitCode == 0, r.err.constData());
        }
        c = show(child);
        QCOMPARE(c.value(u"state"_s).toString(), u"replied"_s);
        QCOMPARE(c.value(u"reply_on_time"_s).toBool(), true);
        QCOMPARE(c.value(u"waiting"_s).toObject().value(u"for"_s).toString(), u"callback"_s);
        const QJsonObject replied = c.value(u"timeline"_s).toArray().last().toObject();
        QCOMPARE(replied.value(u"event"_s).toString(), u"replied"_s);
        QCOMPARE(replied.value(u"payload"_s).toObject().value(u"text"_s).toString(), u"已补装"_s);
        QCOMPARE(replied.value(u"payload"_s).toObject().value(u"parent_number"_s).toString(), parent);
    }
};

QTEST_GUILESS_MAIN(TestCtlMerge)
#include "tst_ctl_merge.moc"
