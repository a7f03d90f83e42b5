// The ticket importer across many chunks of its two-thread pipeline: atomic on a late bad row, complete and
// in order on a good file, progress reported.
#include "TestWorkspace.h"

#include "io/TicketImporter.h"
#include "storage/Database.h"
#include "storage/EventStore.h"

#include <QFile>
#include <QFileInfo>
#include <QSqlQuery>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace hotline;
using namespace hotline::test;

namespace {

const char kHeader[] = "number,channel,type,category,town,department,caller_name,caller_phone,summary,registered_at,"
                       "dispatched_at,replied_at,closed_at,satisfaction\n";

// rows tickets over March 2025; badLine (1-based file line, 0 = none) gets an unknown channel.
QString writeCsv(const QString &dir, int rows, int badLine)
{
    const QString path = dir + u"/tickets.csv"_s;
    QFile f(path);
    f.open(QIODevice::WriteOnly);
    f.write(kHeader);
    for (int i = 0; i < rows; ++i) {
        const int line = i + 2;
        const int day = 3 + (i % 20);
        const QByteArray d = QByteArray::number(day).rightJustified(2, '0');
        const QByteArray channel = line == badLine ? "fax" : "phone";
        const QByteArray department = i % 3 == 0 ? "区城管局" : "区交通局";
        QByteArray row = "T-" + QByteArray::number(i) + "," + channel + ",complaint,市容环境,桂城," + department + ",,,第"
                         + QByteArray::number(i) + "件,2025-03-" + d + "T09:00:00+08:00,2025-03-" + d + "T10:00:00+08:00,";
        if (i % 2)
            row += "2025-03-" + d + "T15:00:00+08:00,2025-03-" + d + "T16:00:00+08:00,satisfied\n";
        else
            row += ",,\n";
        f.write(row);
    }
    return path;
}

int count(Database &db, const QString &sql)
{
    QSqlQuery q(db.sql());
    return q.exec(sql) && q.next() ? q.value(0).toInt() : -1;
}

} // namespace

class TestImport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void lateBadRowImportsNothing()
    {
        TestWorkspace tw;
        const QString csv = writeCsv(tw.dir.path(), 3210, 3100);
        TicketImporter importer(*tw.ws);
        const ImportResult r = importer.importFile(csv);
        QVERIFY(!r.ok);
        QCOMPARE(r.rows, 3210);
        QCOMPARE(r.badRows, 1);
        QCOMPARE(r.errors.size(), 1);
        QVERIFY2(r.errors.first().startsWith(csv + u":3100: "_s), qPrintable(r.errors.first()));
        QCOMPARE(r.imported, 0);
        QCOMPARE(count(tw.ws->database(), u"SELECT count(*) FROM tickets"_s), 0);
        QCOMPARE(count(tw.ws->database(), u"SELECT count(*) FROM events"_s), 0);
        QCOMPARE(count(tw.ws->database(), u"SELECT count(*) FROM departments"_s), 0);
    }

    void goodFileImportsEveryRowWithProgress()
    {
        TestWorkspace tw;
        const QString csv = writeCsv(tw.dir.path(), 3210, 0);
        TicketImporter importer(*tw.ws);
        QList<qint64> progress;
        importer.setProgress([&](qint64 done, qint64 total) {
            QVERIFY(total > 0);
            progress << done;
        });
        const ImportResult r = importer.importFile(csv);
        QVERIFY2(r.ok, qPrintable(r.errors.join(u'\n')));
        QCOMPARE(r.imported, 3210);
        QCOMPARE(count(tw.ws->database(), u"SELECT count(*) FROM tickets"_s), 3210);
        // registered + dispatched for every ticket; replied, callback and closed for every other one.
        QCOMPARE(count(tw.ws->database(), u"SELECT count(*) FROM events WHERE ticket_id <> 'admin'"_s),
                 3210 * 2 + 1605 * 3);
        // And one import marker on the administrative record, before them (the shared server needs it: issue 16).
        QCOMPARE(count(tw.ws->database(), u"SELECT count(*) FROM events WHERE ticket_id = 'admin' AND "
                                          "json_extract(payload, '$.entity') = 'tickets' AND seq < (SELECT min(seq) "
                                          "FROM events WHERE ticket_id <> 'admin')"_s),
                 1);
        QCOMPARE(count(tw.ws->database(), u"SELECT count(*) FROM tickets WHERE department = '区城管局'"_s), 1070);
        QCOMPARE(count(tw.ws->database(), u"SELECT count(*) FROM departments"_s), 2);
        QVERIFY(progress.size() >= 6);
        QVERIFY(std::is_sorted(progress.cbegin(), progress.cend()));
        QCOMPARE(progress.last(), QFileInfo(csv).size());
        // The event log is intact and the projection rebuilds to the same rows.
        QVERIFY(tw.ws->events().verify().ok);
        QString error;
        QVERIFY2(tw.ws->events().rebuildProjection(&error), qPrintable(error));
        QCOMPARE(count(tw.ws->database(), u"SELECT count(*) FROM tickets WHERE closed_ms IS NOT NULL"_s), 1605);
    }
};

QTEST_GUILESS_MAIN(TestImport)
#include "tst_import.moc"
