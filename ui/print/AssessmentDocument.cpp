#include "print/AssessmentDocument.h"

#include "charts/ReportCharts.h"
#include "print/PdfToUnicode.h"
#include "print/ReportPageParts.h"
#include "util/LogCategories.h"

#include <QBuffer>
#include <QDateTime>
#include <QFontMetricsF>
#include <QPagedPaintDevice>
#include <QPainter>
#include <QPdfWriter>

using namespace Qt::StringLiterals;

namespace hotline {
namespace {

using P = ReportPageParts;

// Rank, department, code, received, on-time rate, satisfaction rate, breaches, returns, score: 180 mm.
const QList<qreal> kWidths {12, 52, 18, 16, 18, 20, 14, 14, 16};
constexpr qreal kHeaderTop = P::kMargin + 34;

QRectF box(qreal pxPerMm, qreal left, qreal top, qreal width, qreal height)
{
    return QRectF(left * pxPerMm, top * pxPerMm, width * pxPerMm, height * pxPerMm);
}

} // namespace

bool AssessmentDocument::paint(const Assessment &a, const QString &centreName, qint64 generatedMs,
                               QPagedPaintDevice *device, QString *error)
{
    QPainter g;
    if (!g.begin(device)) {
        if (error)
            *error = tr("Cannot start drawing the assessment.");
        return false;
    }
    const qreal px = device->width() / P::kPageWidth;
    const QStringList titles = AssessmentWriter::columnTitles();
    const int pages = qMax(1, int((a.rows.size() + kRowsPerPage - 1) / kRowsPerPage));
    const QString generated = tr("Generated %1 (%2)")
                                  .arg(QDateTime::fromMSecsSinceEpoch(generatedMs, a.report.zone)
                                           .toString(u"yyyy-MM-dd HH:mm:ss"_s),
                                       QString::fromUtf8(a.report.zone.id()));
    for (int page = 0; page < pages; ++page) {
        if (page > 0)
            device->newPage();
        g.setPen(Qt::black);
        g.setFont(ReportCharts::font(15, true));
        g.drawText(box(px, P::kMargin, P::kMargin, P::kBodyWidth, 9), Qt::AlignLeft | Qt::AlignVCenter, centreName);
        g.setFont(ReportCharts::font(12, true));
        g.drawText(box(px, P::kMargin, P::kMargin + 9, P::kBodyWidth, 7), Qt::AlignLeft | Qt::AlignVCenter,
                   AssessmentWriter::title(a));
        g.setFont(ReportCharts::font(8));
        g.drawText(box(px, P::kMargin, P::kMargin + 17, P::kBodyWidth, 14),
                   Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, AssessmentWriter::formula(a.weights));
        // Header
        g.setPen(Qt::NoPen);
        g.setBrush(QColor(0x37, 0x47, 0x4f));
        g.drawRect(box(px, P::kMargin, kHeaderTop, P::kBodyWidth, P::kTableHeaderHeight));
        g.setBrush(Qt::NoBrush);
        g.setPen(Qt::white);
        g.setFont(ReportCharts::font(7, true));
        qreal left = P::kMargin;
        for (int c = 0; c < titles.size(); ++c) {
            g.drawText(box(px, left + 0.6, kHeaderTop, kWidths[c] - 1.2, P::kTableHeaderHeight),
                       (c == 1 || c == 2 ? Qt::AlignLeft : Qt::AlignHCenter) | Qt::AlignVCenter | Qt::TextWordWrap,
                       titles[c]);
            left += kWidths[c];
        }
        // Rows
        const QFont font = ReportCharts::font(8);
        g.setFont(font);
        const QFontMetricsF metrics(font, device);
        qreal top = kHeaderTop + P::kTableHeaderHeight;
        for (qsizetype i = qsizetype(page) * kRowsPerPage; i < qMin(a.rows.size(), qsizetype(page + 1) * kRowsPerPage);
             ++i) {
            const AssessmentRow &r = a.rows[i];
            if (i % 2 == 1) {
                g.setPen(Qt::NoPen);
                g.setBrush(QColor(0xf1, 0xf4, 0xf6));
                g.drawRect(box(px, P::kMargin, top, P::kBodyWidth, P::kRowHeight + 0.5));
                g.setBrush(Qt::NoBrush);
            }
            const QStringList cells = AssessmentWriter::cells(r, u"–"_s);
            g.setPen(Qt::black);
            left = P::kMargin;
            for (int c = 0; c < cells.size(); ++c) {
                const QRectF cell = box(px, left + 0.8, top, kWidths[c] - 1.6, P::kRowHeight + 0.5);
                const bool text = c == 1 || c == 2;
                g.drawText(cell, (text ? Qt::AlignLeft : Qt::AlignRight) | Qt::AlignVCenter,
                           text ? metrics.elidedText(cells[c], Qt::ElideRight, cell.width()) : cells[c]);
                left += kWidths[c];
            }
            top += P::kRowHeight + 0.5;
        }
        // Footer
        g.setPen(QPen(Qt::gray, 0.2 * px));
        g.drawLine(QPointF(P::kMargin * px, P::kFooterTop * px),
                   QPointF((P::kMargin + P::kBodyWidth) * px, P::kFooterTop * px));
        g.setPen(Qt::darkGray);
        g.setFont(ReportCharts::font(8));
        const QRectF foot = box(px, P::kMargin, P::kFooterTop + 1, P::kBodyWidth, 5);
        g.drawText(foot, Qt::AlignLeft | Qt::AlignVCenter, generated);
        g.drawText(foot, Qt::AlignRight | Qt::AlignVCenter, tr("Page %1 of %2").arg(page + 1).arg(pages));
        if (a.report.log) // every sheet can be matched with `hotlinectl verify` on its database
            P::logStamp(g, box(px, P::kMargin, P::kFooterTop + 5.5, P::kBodyWidth, 4), *a.report.log);
    }
    g.end();
    return true;
}

std::optional<QByteArray> AssessmentDocument::toPdf(const Assessment &a, const QString &centreName,
                                                    qint64 generatedMs, QString *error)
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
        writer.setTitle(tr("%1 — %2").arg(centreName, AssessmentWriter::title(a)));
        if (!paint(a, centreName, generatedMs, &writer, error))
            return std::nullopt;
    }
    // As the monthly report: the PDF's text is the characters printed, not look-alike radicals.
    QString why;
    std::optional<QByteArray> fixed = PdfToUnicode::fix(buffer.data(), PdfToUnicode::reportFonts(), &why);
    if (!fixed) {
        qCWarning(lcReports) << "PDF text map left as Qt wrote it:" << why;
        return buffer.data();
    }
    return fixed;
}

} // namespace hotline
