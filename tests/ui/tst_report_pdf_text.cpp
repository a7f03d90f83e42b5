// The printed report is searchable: the text extracted from the PDF is the characters printed, including the
// ideographs Noto Sans CJK draws with the glyphs of look-alike radicals (民/⺠, 里/⾥, 水/⽔, 人/⼈, 马/⻢, …).
#include "TestSupport.h"
#include "TestWorkspace.h"
#include "charts/ReportCharts.h"
#include "domain/TicketEvent.h"
#include "print/PdfToUnicode.h"
#include "print/ReportDocument.h"
#include "reports/ReportBundle.h"
#include "storage/EventStore.h"
#include "storage/Settings.h"

#include <QBuffer>
#include <QFontDatabase>
#include <QImage>
#include <QPdfWriter>
#include <QProcess>
#include <QRawFont>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace hotline;
using namespace hotline::test;

namespace {

/** Output of a poppler tool; empty (and the test fails) when poppler-utils is missing (tools/install-deps.sh). */
QByteArray poppler(const QString &tool, const QStringList &args)
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
    return p.readAllStandardOutput();
}

QString pdfText(const QString &path)
{
    return QString::fromUtf8(poppler(u"pdftotext"_s, {u"-layout"_s, path, u"-"_s}));
}

/** The code points of text in the two radical blocks, as "U+2EA0 ⺠" items. */
QStringList radicalsIn(const QString &text)
{
    QStringList found;
    for (const char32_t c : text.toUcs4()) {
        if ((c >= 0x2E80 && c <= 0x2EFF) || (c >= 0x2F00 && c <= 0x2FDF))
            found << u"U+%1 %2"_s.arg(uint(c), 4, 16, QChar(u'0')).arg(QString::fromUcs4(&c, 1));
    }
    found.removeDuplicates();
    return found;
}

// Member units and towns of a centre, written with ideographs that share a glyph with a Kangxi radical
// (里 水 人 力 言 金 門 食 馬 …) or a CJK Radicals Supplement form (民 马 门 见 长 车 贝 鱼 鸟 龙 页 风 飞 …).
const QStringList kDepartments {
    u"里水镇人民政府"_s, u"民政局"_s,       u"人力资源和社会保障局"_s, u"市场监督管理局"_s,   u"金融工作局"_s,
    u"言语康复中心"_s,   u"門診服務中心"_s, u"食品药品检验所"_s,       u"馬場街道辦"_s,       u"马鞍山社区居委会"_s,
    u"车辆管理所"_s,     u"长途客运站"_s,   u"鱼类检疫站"_s,           u"飞龙风景区管理处"_s, u"页岩地质队"_s,
    u"贝岗村委会"_s,     u"鸟类保护站"_s,   u"见义勇为基金会"_s,       u"门诊部"_s,           u"水务局"_s,
};

} // namespace

class TestReportPdfText final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void fontMapsRadicalsToIdeographs();
    void extractedTextIsThePrintedNames();
    void pagesLookTheSameAsBefore();
    void fontsStayEmbedded();
    void notAQtPdfIsRefused();
    void compressedMapsAndRangesAreRewritten();

private:
    std::unique_ptr<TestWorkspace> m_tw;
    std::optional<ReportBundle> m_bundle;
    QString m_pdf; ///< made by hotlinectl
};

void TestReportPdfText::initTestCase()
{
    m_tw = std::make_unique<TestWorkspace>(u"2025-04-10T09:00:00+08:00"_s);
    QVERIFY2(m_tw->isValid(), qPrintable(m_tw->error));
    QString error;
    QVERIFY(m_tw->ws->settings().set(u"centre.name"_s, u"里水镇民声服务热线"_s, &error));
    QList<TicketEvent> events;
    for (int d = 0; d < kDepartments.size(); ++d) {
        const QString code = u"D%1"_s.arg(d, 2, 10, QChar(u'0'));
        m_tw->addDepartment(code, kDepartments[d]);
        // One ticket completed in March by each department, so that each also has a bar in the ranking chart.
        const QString id = code + u"-1"_s;
        const qint64 start = ms(u"2025-03-03T09:00:00+08:00"_s) + qint64(d) * 86400 * 1000;
        const auto add = [&](EventType type, qint64 atMs, QJsonObject payload = {}) {
            events.append(TicketEvent::make(id, type, atMs, u"tester"_s, u"01"_s, std::move(payload)));
        };
        add(EventType::Registered, start,
            {{Key::Number, id},
             {Key::Channel, u"phone"_s},
             {Key::Type, u"complaint"_s},
             {Key::SlaClass, u"handling"_s}});
        add(EventType::Dispatched, start + 60000, {{Key::Department, code}, {Key::Deadline, start / 1000 + 86400}});
        add(EventType::Replied, start + 3600000);
        add(EventType::Closed, start + 7200000);
    }
    QVERIFY2(m_tw->ws->events().append(events, &error), qPrintable(error));
    m_bundle = ReportBundleBuilder::build(m_tw->ws->database(), m_tw->ws->sla().calendar().timeZone(),
                                          m_tw->ws->settings().centreName(), QDate(2025, 3, 1), QDate(2025, 4, 1),
                                          m_tw->clock.nowMs(), kDefaultMinCompletedForRank, &error);
    QVERIFY2(m_bundle, qPrintable(error));
    const QString db = m_tw->path();
    m_tw->ws.reset(); // hotlinectl opens the file itself

    m_pdf = m_tw->dir.filePath(u"march.pdf"_s);
    const CtlResult r
        = runCtl({u"--db"_s, db, u"report"_s, u"--month"_s, u"2025-03"_s, u"--format"_s, u"pdf"_s, u"-o"_s, m_pdf});
    QVERIFY2(r.exitCode == 0, r.err.constData());
}

void TestReportPdfText::fontMapsRadicalsToIdeographs()
{
    // The font the report sets Chinese in draws these radicals with the ideographs' glyphs.
    QFont cjk = ReportCharts::font(10);
    cjk.setFamilies({u"Noto Sans CJK SC"_s});
    const QRawFont raw = QRawFont::fromFont(cjk);
    QVERIFY(raw.isValid());
    QVERIFY2(PdfToUnicode::postScriptName(raw).startsWith("NotoSansCJK"),
             PdfToUnicode::postScriptName(raw).constData());
    const RadicalMap map = PdfToUnicode::radicalMap(raw);
    QCOMPARE(map.value(0x2EA0), char32_t(0x6C11)); // ⺠ → 民
    QCOMPARE(map.value(0x2FA5), char32_t(0x91CC)); // ⾥ → 里
    QCOMPARE(map.value(0x2F54), char32_t(0x6C34)); // ⽔ → 水
    QCOMPARE(map.value(0x2F08), char32_t(0x4EBA)); // ⼈ → 人
    QCOMPARE(map.value(0x2EE2), char32_t(0x9A6C)); // ⻢ → 马
    QVERIFY(PdfToUnicode::reportFonts().contains(PdfToUnicode::postScriptName(raw)));
}

void TestReportPdfText::extractedTextIsThePrintedNames()
{
    const QString text = pdfText(m_pdf);
    QVERIFY(!text.isEmpty());
    QVERIFY2(radicalsIn(text).isEmpty(), qPrintable(radicalsIn(text).join(u", "_s)));
    // Exactly the characters printed, with no folding: a search for the name finds it.
    QVERIFY2(text.contains(u"里水镇民声服务热线"_s), qPrintable(text.left(400)));
    for (const QString &name : kDepartments)
        QVERIFY2(text.contains(name), qPrintable(name));
    // The rest of the text is untouched: Latin, digits, the page numbers.
    QVERIFY(text.contains(u"Month 2025-03"_s));
    QVERIFY(text.contains(u"Page 1 of "_s));
}

void TestReportPdfText::pagesLookTheSameAsBefore()
{
    // The same document as Qt writes it, before the text map is fixed.
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    {
        QPdfWriter writer(&buffer);
        writer.setPageSize(QPageSize(QPageSize::A4));
        writer.setPageMargins(QMarginsF(0, 0, 0, 0));
        writer.setResolution(300);
        QString error;
        QVERIFY2(ReportDocument(*m_bundle).paint(&writer, &error), qPrintable(error));
    }
    const QByteArray raw = buffer.data();
    QString error;
    int changed = 0;
    const std::optional<QByteArray> fixed = PdfToUnicode::fix(raw, PdfToUnicode::reportFonts(), &error, &changed);
    QVERIFY2(fixed, qPrintable(error));
    QVERIFY(changed > 0);
    QVERIFY(*fixed != raw);
    const QString rawPath = m_tw->dir.filePath(u"raw.pdf"_s);
    const QString fixedPath = m_tw->dir.filePath(u"fixed.pdf"_s);
    for (const auto &[path, bytes] : {std::pair {rawPath, raw}, std::pair {fixedPath, *fixed}}) {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size());
    }
    // Qt's own text had the radicals (the data does exercise the bug); the fixed text has none.
    QVERIFY(!radicalsIn(pdfText(rawPath)).isEmpty());
    QVERIFY(radicalsIn(pdfText(fixedPath)).isEmpty());
    // pdfinfo reads the rebuilt cross-reference table without repairing it (it would print "Syntax Error").
    const QString info = QString::fromUtf8(poppler(u"pdfinfo"_s, {fixedPath}));
    QVERIFY2(info.contains(QRegularExpression(u"Pages:\\s+\\d+"_s)), qPrintable(info));
    // Every page renders pixel for pixel as before.
    poppler(u"pdftoppm"_s, {u"-png"_s, u"-r"_s, u"50"_s, rawPath, m_tw->dir.filePath(u"raw"_s)});
    poppler(u"pdftoppm"_s, {u"-png"_s, u"-r"_s, u"50"_s, fixedPath, m_tw->dir.filePath(u"fixed"_s)});
    const int pages = ReportDocument(*m_bundle).pageCount();
    QVERIFY(pages >= 2);
    for (int p = 1; p <= pages; ++p) {
        const QImage before(m_tw->dir.filePath(u"raw-%1.png"_s.arg(p)));
        const QImage after(m_tw->dir.filePath(u"fixed-%1.png"_s.arg(p)));
        QVERIFY2(!before.isNull() && !after.isNull(), qPrintable(u"page %1 did not render"_s.arg(p)));
        QCOMPARE(after, before);
        if (const QString dir = qEnvironmentVariable("HOTLINE_SCREENSHOT_DIR"); !dir.isEmpty())
            after.save(dir + u"/report-text-page%1.png"_s.arg(p));
    }
}

void TestReportPdfText::fontsStayEmbedded()
{
    const QString fonts = QString::fromUtf8(poppler(u"pdffonts"_s, {m_pdf}));
    const QRegularExpression cjk(u"NotoSansCJK\\S*\\s+CID TrueType\\s+Identity-H\\s+yes\\s+\\S+\\s+yes"_s);
    QVERIFY2(cjk.match(fonts).hasMatch(), qPrintable(fonts));
    const QStringList lines = fonts.split(u'\n', Qt::SkipEmptyParts).mid(2);
    QVERIFY(!lines.isEmpty());
    for (const QString &line : lines)
        QVERIFY2(line.contains(u" yes "_s), qPrintable(line)); // embedded, with a ToUnicode map
}

void TestReportPdfText::notAQtPdfIsRefused()
{
    QString error;
    QVERIFY(!PdfToUnicode::fix("not a pdf", PdfToUnicode::reportFonts(), &error));
    QVERIFY(!error.isEmpty());
    // A PDF with no font to fix comes back byte for byte.
    QFile f(m_pdf);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray written = f.readAll();
    QCOMPARE(*PdfToUnicode::fix(written, {}, &error), written);
}

void TestReportPdfText::compressedMapsAndRangesAreRewritten()
{
    // A small file laid out as a PDF writer may: the ToUnicode stream compressed with an indirect length, the
    // radicals inside a bfrange that counts up and inside an array, and a bfchar.
    const QByteArray cmap = "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
                            "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
                            "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n"
                            "2 beginbfrange\n<0001> <0003> <2E9F>\n<0004> <0005> [<0041> <2F08>]\nendbfrange\n"
                            "1 beginbfchar\n<0006> <2FA5>\nendbfchar\nendcmap\nend\nend\n";
    const QByteArray deflated = qCompress(cmap).mid(4); // zlib data without Qt's size prefix
    QList<QByteArray> objects {
        "<< /Type /Catalog >>",
        "<< /Type /Font\n/Subtype /Type0\n/BaseFont /ABCDEF+TestSans\n/Encoding /Identity-H\n/ToUnicode 3 0 R>>",
        "<< /Length 4 0 R /Filter /FlateDecode >>\nstream\n" + deflated + "\nendstream",
        QByteArray::number(deflated.size()),
    };
    QByteArray pdf = "%PDF-1.4\n";
    QList<qint64> offsets;
    for (int i = 0; i < objects.size(); ++i) {
        offsets << pdf.size();
        pdf += QByteArray::number(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
    }
    const qint64 xref = pdf.size();
    pdf += "xref\n0 " + QByteArray::number(objects.size() + 1) + "\n0000000000 65535 f \n";
    for (const qint64 o : offsets)
        pdf += QByteArray::number(o).rightJustified(10, '0') + " 00000 n \n";
    pdf += "trailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n" + QByteArray::number(xref) + "\n%%EOF\n";

    // ⺟ (U+2E9F) has a glyph of its own in this font: it stays; ⺠ ⼈ ⾥ share their ideographs' glyphs.
    const QHash<QByteArray, RadicalMap> maps {{"TestSans", {{0x2EA0, 0x6C11}, {0x2F08, 0x4EBA}, {0x2FA5, 0x91CC}}}};
    QString error;
    int changed = 0;
    const std::optional<QByteArray> fixed = PdfToUnicode::fix(pdf, maps, &error, &changed);
    QVERIFY2(fixed, qPrintable(error));
    QCOMPARE(changed, 3);
    // Every xref entry points at its object, startxref at the table.
    const qsizetype table = fixed->lastIndexOf("xref\n0 5");
    QVERIFY(table > 0);
    QVERIFY(fixed->contains(QByteArray("startxref\n" + QByteArray::number(table) + "\n%%EOF")));
    for (int n = 1; n <= 4; ++n) {
        const qint64 at = fixed->mid(table + 9 + 20 * n, 10).toLongLong();
        QVERIFY2(fixed->mid(at).startsWith(QByteArray(QByteArray::number(n) + " 0 obj")),
                 qPrintable(QString::number(n)));
    }
    const QByteArray object3 = fixed->mid(fixed->mid(table + 9 + 60, 10).toLongLong());
    QVERIFY2(object3.contains("<0001> <2E9F>\n<0002> <6C11>\n<0003> <2EA1>\n<0004> <0041>\n<0005> <4EBA>\n"
                              "<0006> <91CC>\n"),
             object3.left(600).constData());
    // Fonts not named in the maps are left alone.
    QCOMPARE(*PdfToUnicode::fix(pdf, {{"OtherSans", maps.value("TestSans")}}, &error), pdf);
}

QTEST_MAIN(TestReportPdfText)
#include "tst_report_pdf_text.moc"
