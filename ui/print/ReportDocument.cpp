#include "print/ReportDocument.h"

#include "charts/ReportCharts.h"
#include "domain/DisplayNames.h"
#include "print/PdfToUnicode.h"
#include "print/ReportPageParts.h"
#include "util/LogCategories.h"

#include <QBuffer>
#include <QChart>
#include <QDateTime>
#include <QElapsedTimer>
#include <QPagedPaintDevice>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>

#include <algorithm>
#include <memory>

using namespace Qt::StringLiterals;

namespace hotline {
namespace {

using P = ReportPageParts;

constexpr qreal kBottom = P::kFooterTop - 2; // nothing of the body below this line
constexpr qreal kCorrectionsNoteHeight = 11; // up to two lines
constexpr qreal kChartHeight = 112;
constexpr qreal kChartLogicalWidth = 900; // the chart's own pixel layout width before scaling to the page

qreal tableTopOnFirstPage(bool withCorrectionsNote)
{
    return P::kMargin + P::kTitleHeight + P::kHeadlineHeight + (withCorrectionsNote ? kCorrectionsNoteHeight : 0);
}

ReportDocument::Block chartBlock(const ReportBundle &b, ReportCharts::Kind kind, qreal heightMm, qsizetype bars = 0)
{
    return [&b, kind, heightMm, bars](const ReportDocument::Page &p, qreal top) {
        const std::unique_ptr<QChart> chart(ReportCharts::create(kind, b));
        const QRectF target(p.mm(P::kMargin), p.mm(top), p.mm(P::kBodyWidth), p.mm(heightMm - 4));
        // Qt Charts hides category labels that would overlap: give each bar at least 18 logical pixels (the
        // chart, text included, is then scaled down a little more) so that every department keeps its name.
        const qreal width = std::max(kChartLogicalWidth, qreal(bars) * 18 * P::kBodyWidth / (heightMm - 4));
        const QSizeF logical(width, width * (heightMm - 4) / P::kBodyWidth);
        ReportCharts::paint(chart.get(), p.painter, target, logical);
    };
}

} // namespace

ReportDocument::ReportDocument(ReportBundle bundle)
    : m_bundle(std::move(bundle))
{
    layout();
}

int ReportDocument::rowsOnFirstPage(bool withCorrectionsNote)
{
    return int((kBottom - tableTopOnFirstPage(withCorrectionsNote) - P::kTableHeaderHeight) / P::kRowHeight);
}

int ReportDocument::rowsPerPage()
{
    return int((kBottom - P::kMargin - P::kRunningHeadHeight - P::kTableHeaderHeight) / P::kRowHeight);
}

void ReportDocument::newPage()
{
    m_pages.append(QList<Placed> {});
    m_cursorMm = P::kMargin;
    if (m_pages.size() == 1)
        return;
    const ReportBundle &b = m_bundle;
    m_pages.last().append(Placed {m_cursorMm, [&b](const Page &p, qreal top) { P::runningHead(p, top, b); }});
    m_cursorMm += P::kRunningHeadHeight;
}

void ReportDocument::addBlock(qreal heightMm, Block block, bool keepOnPage)
{
    if (keepOnPage && m_cursorMm + heightMm > kBottom)
        newPage();
    m_pages.last().append(Placed {m_cursorMm, std::move(block)});
    m_cursorMm += heightMm;
}

void ReportDocument::layout()
{
    // Blocks capture m_bundle by reference: the document owns it for as long as the pages exist.
    const ReportBundle &b = m_bundle;
    newPage();
    addBlock(P::kTitleHeight, [&b](const Page &p, qreal top) { P::title(p, top, b); });
    addBlock(P::kHeadlineHeight, [&b](const Page &p, qreal top) { P::headline(p, top, b.report.totals); });
    // A running period has no corrections (nothing is dated after its end yet) but says at which instant its
    // open tickets were judged; a closed one, what changed since it closed.
    const QString running = b.report.runningNote();
    if (const QString note = running.isEmpty() ? ReportCorrections::note(b.corrections) : running; !note.isEmpty()) {
        addBlock(kCorrectionsNoteHeight, [note](const Page &p, qreal top) {
            P::paragraph(p, top + 1, kCorrectionsNoteHeight - 1, note, 8, true);
        });
    }

    // The table, its header repeated at the top of every page it runs onto.
    const auto header = [](const Page &p, qreal top) { P::tableHeader(p, top); };
    addBlock(P::kTableHeaderHeight, header);
    const QList<RankedDepartment> ranking = b.ranking();
    for (int i = 0; i <= ranking.size(); ++i) {
        if (m_cursorMm + P::kRowHeight > kBottom) {
            newPage();
            addBlock(P::kTableHeaderHeight, header);
        }
        if (i == ranking.size()) {
            addBlock(P::kRowHeight, [&b](const Page &p, qreal top) {
                P::tableRow(p, top, {}, tr("Totals"), b.report.totals, false, true);
            });
            break;
        }
        const RankedDepartment &r = ranking[i];
        const QString rank = r.rank > 0 ? QString::number(r.rank) : QString();
        const QString label = r.belowMinimum ? r.row.name + u" *"_s : r.row.name;
        addBlock(P::kRowHeight, [rank, label, figures = r.row.figures, shaded = i % 2 == 1](const Page &p, qreal top) {
            P::tableRow(p, top, rank, label, figures, shaded, false);
        });
    }
    const QString note = tr("* Fewer than %n completed ticket(s) in the period: shown, but not ranked. Departments "
                            "are ranked by on-time completion rate. The totals include tickets never dispatched, so "
                            "they are not the sum of the rows.",
                            nullptr, b.minCompleted);
    addBlock(12, [note](const Page &p, qreal top) { P::paragraph(p, top + 1.5, 10, note, 7); });

    // Charts: the ranking is as tall as its departments need (up to a page), the others share pages.
    const qsizetype bars = std::count_if(ranking.cbegin(), ranking.cend(),
                                         [](const RankedDepartment &r) { return r.row.figures.completed > 0; });
    const qreal rankingHeight = std::clamp(40 + 3.6 * qreal(bars), 90.0, kBottom - P::kMargin - P::kRunningHeadHeight);
    for (ReportCharts::Kind kind : ReportCharts::allKinds()) {
        const qreal h = kind == ReportCharts::Kind::OnTimeByDepartment ? rankingHeight : kChartHeight;
        addBlock(h, chartBlock(b, kind, h, kind == ReportCharts::Kind::OnTimeByDepartment ? bars : 0));
    }

    if (const QString corrected = ReportCorrections::summary(b.corrections); !corrected.isEmpty()) {
        addBlock(9, [corrected](const Page &p, qreal top) { P::paragraph(p, top + 2, 7, corrected, 10, true); });
        for (const ReportCorrection &c : b.corrections) {
            if (!ReportCorrections::isCorrection(c))
                continue; // first dispatches after the end: counted in the note, not listed
            const QString line
                = tr("%1 · %2 · %3")
                      .arg(c.number, DisplayNames::of(c.type),
                           QDateTime::fromMSecsSinceEpoch(c.atMs, b.zone).toString(u"yyyy-MM-dd HH:mm:ss"_s));
            addBlock(4.5, [line](const Page &p, qreal top) { P::paragraph(p, top, 4.5, line, 8); });
        }
    }
}

void ReportDocument::paintFrame(const Page &page, int index) const
{
    P::footer(page, m_bundle, index, pageCount());
}

bool ReportDocument::paint(QPagedPaintDevice *device, QString *error) const
{
    QPainter painter;
    if (!painter.begin(device)) {
        if (error)
            *error = tr("Cannot start drawing the report (is the file writable?).");
        return false;
    }
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    const Page page {&painter, device->logicalDpiX() / 25.4};
    for (int i = 0; i < m_pages.size(); ++i) {
        if (i > 0 && !device->newPage()) {
            if (error)
                *error = tr("Cannot start page %1 of the report.").arg(i + 1);
            return false;
        }
        for (const Placed &placed : m_pages[i]) {
            painter.save();
            placed.block(page, placed.topMm);
            painter.restore();
        }
        paintFrame(page, i);
    }
    return painter.end();
}

std::optional<QByteArray> ReportDocument::toPdf(QString *error) const
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    {
        QPdfWriter writer(&buffer);
        writer.setPageSize(QPageSize(QPageSize::A4));
        writer.setPageOrientation(QPageLayout::Portrait);
        writer.setPageMargins(QMarginsF(0, 0, 0, 0));
        writer.setResolution(300);
        writer.setCreator(u"Hotline Console"_s);
        writer.setTitle(tr("%1 — monthly report %2").arg(m_bundle.centreName, P::periodText(m_bundle)));
        if (!paint(&writer, error))
            return std::nullopt;
    } // the writer finishes the file when it goes
    // Qt maps some ideographs' glyphs back to look-alike radicals (⺠ for 民): make the text the characters printed.
    QString why;
    int remapped = 0;
    QElapsedTimer timer;
    timer.start();
    std::optional<QByteArray> fixed = PdfToUnicode::fix(buffer.data(), PdfToUnicode::reportFonts(), &why, &remapped);
    if (!fixed) {
        // Still a correct page, only its extracted text is off: print it rather than nothing.
        qCWarning(lcReports) << "PDF text map left as Qt wrote it:" << why;
        return buffer.data();
    }
    qCDebug(lcReports) << "PDF text map:" << remapped << "glyphs mapped from radicals to ideographs in"
                       << timer.elapsed() << "ms";
    return fixed;
}

bool ReportDocument::writePdf(const QString &path, QString *error) const
{
    const std::optional<QByteArray> pdf = toPdf(error);
    if (!pdf)
        return false;
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(*pdf) != pdf->size() || !file.commit()) {
        if (error)
            *error = tr("Cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

} // namespace hotline
