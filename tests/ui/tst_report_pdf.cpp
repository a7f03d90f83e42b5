// The printed monthly report of a known data set with 100 departments, made by `hotlinectl report --format pdf`
// without a display, read back with poppler's pdftotext/pdfinfo/pdffonts and rendered with pdftoppm.
#include "TestSupport.h"
#include "TestWorkspace.h"
#include "domain/TicketEvent.h"
#include "print/ReportDocument.h"
#include "reports/ReportBundle.h"
#include "storage/EventStore.h"
#include "storage/Settings.h"

#include <QImage>
#include <QPrinter>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace hotline;
using namespace hotline::test;

namespace {

constexpr int kDepartments = 100;

/** Output of a poppler tool; fails the test when poppler-utils is missing (tools/install-deps.sh installs it). */
QString poppler(const QString &tool, const QStringList &args)
{
    const QString exe = QStandardPaths::findExecutable(tool);
    if (exe.isEmpty()) {
        qWarning("%s not found: install poppler-utils (tools/install-deps.sh)", qPrintable(tool));
        return {};
    }
    QProcess p;
    p.start(exe, args);
    if (!p.waitForFinished(60000) || p.exitCode() != 0)
        return {};
    return QString::fromUtf8(p.readAllStandardOutput());
}

/** A rate as the table prints it: "–" when there is nothing to divide by. */
QString printed(std::optional<qint64> hundredths)
{
    return hundredths ? QRegularExpression::escape(percentText(hundredths)) : u"–"_s;
}

QString departmentName(int d)
{
    return u"南海区第%1承办单位"_s.arg(d, 3, 10, QChar(u'0'));
}

} // namespace

class TestReportPdf final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void pdfHasEveryDepartmentRatesAndPageNumbers();
    void pagesAsLaidOutAndFontsEmbedded();
    void pagesRender();
    void printerGetsTheSamePages();

private:
    std::unique_ptr<TestWorkspace> m_tw;
    QString m_pdf;
    QStringList m_pages; ///< text of each page
    std::optional<ReportBundle> m_bundle;
};

void TestReportPdf::initTestCase()
{
    m_tw = std::make_unique<TestWorkspace>(u"2025-04-10T09:00:00+08:00"_s);
    QVERIFY2(m_tw->isValid(), qPrintable(m_tw->error));
    QString error;
    QVERIFY(m_tw->ws->settings().set(u"centre.name"_s, u"南海区民声服务热线"_s, &error));
    // Department d completes (d % 7) + 1 tickets in March 2025; every third department has one of them late.
    QList<TicketEvent> events;
    const auto add = [&](const QString &ticket, EventType type, qint64 atMs, QJsonObject payload = {}) {
        events.append(TicketEvent::make(ticket, type, atMs, u"tester"_s, u"01"_s, std::move(payload)));
    };
    for (int d = 1; d <= kDepartments; ++d) {
        const QString code = u"D%1"_s.arg(d, 3, 10, QChar(u'0'));
        m_tw->addDepartment(code, departmentName(d));
        for (int i = 0; i <= d % 7; ++i) {
            const QString id = u"%1-%2"_s.arg(code).arg(i);
            const qint64 start = ms(u"2025-03-03T09:00:00+08:00"_s) + qint64(d * 7 + i) * 3600 * 1000;
            const bool late = d % 3 == 0 && i == 0;
            add(id, EventType::Registered, start,
                {{Key::Number, id},
                 {Key::Channel, i % 2 ? u"wechat"_s : u"phone"_s},
                 {Key::Type, u"complaint"_s},
                 {Key::SlaClass, u"handling"_s}});
            add(id, EventType::Dispatched, start + 60000,
                {{Key::Department, code}, {Key::Deadline, (start + (late ? 120000 : 86400000)) / 1000}});
            add(id, EventType::Replied, start + 3600000);
            add(id, EventType::Callback, start + 7200000, {{Key::Satisfaction, i % 3 ? u"satisfied"_s : u"basic"_s}});
            add(id, EventType::Closed, start + 7300000);
        }
    }
    QVERIFY2(m_tw->ws->events().append(events, &error), qPrintable(error));
    m_bundle = ReportBundleBuilder::build(m_tw->ws->database(), m_tw->ws->sla().calendar().timeZone(),
                                          m_tw->ws->settings().centreName(), QDate(2025, 3, 1), QDate(2025, 4, 1),
                                          m_tw->clock.nowMs(), kDefaultMinCompletedForRank, &error);
    QVERIFY2(m_bundle, qPrintable(error));
    const QString db = m_tw->path();
    m_tw->ws.reset(); // hotlinectl opens the file itself

    // No display at all: hotlinectl must choose the offscreen platform for itself.
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(u"QT_QPA_PLATFORM"_s);
    env.remove(u"DISPLAY"_s);
    env.remove(u"WAYLAND_DISPLAY"_s);
    m_pdf = m_tw->dir.filePath(u"march.pdf"_s);
    const CtlResult r = runCtl(
        {u"--db"_s, db, u"report"_s, u"--month"_s, u"2025-03"_s, u"--format"_s, u"pdf"_s, u"-o"_s, m_pdf}, env);
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QString info = poppler(u"pdfinfo"_s, {m_pdf});
    const QRegularExpressionMatch pages = QRegularExpression(u"Pages:\\s+(\\d+)"_s).match(info);
    QVERIFY2(pages.hasMatch(), qPrintable(info));
    // The text as extracted, no folding: the characters printed (民 in the centre's name shares a glyph with ⺠).
    for (int p = 1; p <= pages.captured(1).toInt(); ++p)
        m_pages << poppler(u"pdftotext"_s,
                           {u"-f"_s, QString::number(p), u"-l"_s, QString::number(p), u"-layout"_s, m_pdf, u"-"_s});
}

void TestReportPdf::pdfHasEveryDepartmentRatesAndPageNumbers()
{
    const QString all = m_pages.join(u'\n');
    QVERIFY(all.contains(u"南海区民声服务热线"_s));
    QVERIFY(all.contains(u"Month 2025-03"_s));
    // hotlinectl reads the system clock: the time generated is now, in the centre's zone.
    QVERIFY(QRegularExpression(u"Generated \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d \\(Asia/Shanghai\\)"_s)
                .match(all)
                .hasMatch());
    for (int d = 1; d <= kDepartments; ++d)
        QVERIFY2(all.contains(departmentName(d)), qPrintable(departmentName(d)));
    // Every department's row: its name, then its figures in table order with its two rates.
    for (const DepartmentReport &d : m_bundle->report.departments) {
        const ReportFigures &f = d.figures;
        const QString row = u"%1(?: \\*)?\\s+%2\\s+%3\\s+%4\\s+%5\\s+%6\\s+%7\\s+%8\\s+%9\\s+"_s
                                .arg(QRegularExpression::escape(d.name))
                                .arg(f.received)
                                .arg(f.dispatched)
                                .arg(f.completed)
                                .arg(f.onTime)
                                .arg(printed(f.onTimeRateHundredths()))
                                .arg(f.overdue)
                                .arg(f.surveyed)
                                .arg(f.satisfied)
            + u"%1\\s+%2\\s+%3\\s+%4\\s+%5\\s+%6"_s.arg(f.basicallySatisfied)
                  .arg(f.unsatisfied)
                  .arg(printed(f.satisfactionRateHundredths()))
                  .arg(f.breaches)
                  .arg(f.returns)
                  .arg(f.extensions);
        QVERIFY2(QRegularExpression(row).match(all).hasMatch(), qPrintable(row));
    }
    const ReportFigures &t = m_bundle->report.totals;
    QVERIFY(all.contains(percentText(t.onTimeRateHundredths()) + u" %"_s)); // headline
    QVERIFY(QRegularExpression(u"Totals\\s+%1\\s+%2\\s+%3"_s.arg(t.received).arg(t.dispatched).arg(t.completed))
                .match(all)
                .hasMatch());
    for (int p = 0; p < m_pages.size(); ++p)
        QVERIFY2(m_pages[p].contains(u"Page %1 of %2"_s.arg(p + 1).arg(m_pages.size())), qPrintable(m_pages[p]));
}

void TestReportPdf::pagesAsLaidOutAndFontsEmbedded()
{
    // 100 rows and the totals: 35 on the first page (below the header and the headline figures), 43 on each
    // next one, so three table pages; then the ranking chart (a bar per department) fills a page, and the four
    // other charts share two.
    QCOMPARE(ReportDocument::rowsOnFirstPage(false), 35);
    QCOMPARE(ReportDocument::rowsPerPage(), 43);
    QCOMPARE(m_pages.size(), 6);
    QCOMPARE(ReportDocument(*m_bundle).pageCount(), 6);
    // The table header is repeated on each table page, and only there.
    const QRegularExpression header(u"Rank\\s+Department\\s+Received\\s+Dispatched\\s+Completed"_s);
    for (int p = 0; p < 3; ++p)
        QVERIFY2(header.match(m_pages[p]).hasMatch(), qPrintable(m_pages[p]));
    QVERIFY(!header.match(m_pages[3]).hasMatch());
    QVERIFY(m_pages[2].contains(u"Totals"_s));
    QVERIFY(m_pages[3].contains(u"On-time completion rate by department"_s));
    QVERIFY(m_pages[4].contains(u"Daily intake by channel"_s) && m_pages[4].contains(u"Share by type"_s));
    QVERIFY(m_pages[5].contains(u"Overdue per week"_s) && m_pages[5].contains(u"Satisfaction"_s));
    // The charts are text and paths, not pictures.
    QCOMPARE(poppler(u"pdfimages"_s, {u"-list"_s, m_pdf}).trimmed().split(u'\n').size(), 2); // header lines only
    // Chinese glyphs come from Noto Sans CJK, embedded.
    const QString fonts = poppler(u"pdffonts"_s, {m_pdf});
    const QRegularExpression cjk(u"NotoSansCJK\\S*\\s+CID TrueType\\s+Identity-H\\s+yes"_s);
    QVERIFY2(cjk.match(fonts).hasMatch(), qPrintable(fonts));
    for (const QString &line : fonts.split(u'\n').mid(2, -1)) {
        if (!line.trimmed().isEmpty())
            QVERIFY2(line.contains(u" yes "_s), qPrintable(line)); // every font embedded
    }
}

void TestReportPdf::pagesRender()
{
    const QString prefix = m_tw->dir.filePath(u"page"_s);
    poppler(u"pdftoppm"_s, {u"-png"_s, u"-r"_s, u"60"_s, m_pdf, prefix});
    for (int p = 1; p <= m_pages.size(); ++p) {
        const QImage page(u"%1-%2.png"_s.arg(prefix).arg(p));
        QVERIFY2(!page.isNull(), qPrintable(u"page %1 did not render"_s.arg(p)));
        QCOMPARE(page.width(), 496); // A4 at 60 dpi
        // Something dark was drawn in the body of the page (text or chart), not only the frame.
        int dark = 0;
        for (int y = 100; y < 600; y += 2)
            for (int x = 40; x < 450; x += 2)
                dark += qGray(page.pixel(x, y)) < 128;
        QVERIFY2(dark > 200, qPrintable(u"page %1 looks empty"_s.arg(p)));
        if (const QString dir = qEnvironmentVariable("HOTLINE_SCREENSHOT_DIR"); !dir.isEmpty())
            page.save(dir + u"/report-page%1.png"_s.arg(p));
    }
}

void TestReportPdf::printerGetsTheSamePages()
{
    // The print preview and the printer paint a QPrinter: the same layout, at the printer's resolution.
    QPrinter printer(QPrinter::HighResolution);
    printer.setOutputFormat(QPrinter::PdfFormat);
    const QString path = m_tw->dir.filePath(u"printed.pdf"_s);
    printer.setOutputFileName(path);
    printer.setPageSize(QPageSize(QPageSize::A4));
    printer.setFullPage(true);
    QString error;
    QVERIFY2(ReportDocument(*m_bundle).paint(&printer, &error), qPrintable(error));
    QVERIFY(poppler(u"pdfinfo"_s, {path}).contains(QRegularExpression(u"Pages:\\s+6\\b"_s)));
    const QString page3
        = poppler(u"pdftotext"_s, {u"-f"_s, u"3"_s, u"-l"_s, u"3"_s, u"-layout"_s, path, u"-"_s});
    QVERIFY(page3.contains(u"Page 3 of 6"_s));
    QVERIFY(page3.contains(u"Totals"_s));
}

QTEST_MAIN(TestReportPdf)
#include "tst_report_pdf.moc"
