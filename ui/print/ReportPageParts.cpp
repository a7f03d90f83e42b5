#include "print/ReportPageParts.h"

#include "charts/ReportCharts.h"

#include <QDateTime>
#include <QFontMetricsF>
#include <QPainter>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace hotline {
namespace {

// Column widths in mm: rank, department, the eleven §6 figures (the rates wider: "100.00"), then the department
// judged on its own clocks: breaches, returns, extensions, and the citizens' progress calls (催办) while they ran.
// The department column keeps ten ideographs at 7 pt (about 25 mm).
const QList<qreal> kWidths {6, 28, 10, 10.5, 10.5, 9.5, 11, 9.5, 9.5, 9.5, 10, 10.5, 11, 9, 8, 9, 8.5};

QString count(qint64 v)
{
    return QString::number(v);
}

QString rate(std::optional<qint64> hundredths)
{
    const QString t = percentText(hundredths);
    return t.isEmpty() ? u"–"_s : t;
}

QRectF box(const ReportDocument::Page &p, qreal left, qreal top, qreal width, qreal height)
{
    return QRectF(p.mm(left), p.mm(top), p.mm(width), p.mm(height));
}

} // namespace

QStringList ReportPageParts::columnTitles()
{
    return {tr("Rank"),
            tr("Department"),
            tr("Received"),
            tr("Dispatched"),
            tr("Completed"),
            tr("On time"),
            tr("On-time rate (%)"),
            tr("Overdue"),
            tr("Surveyed"),
            tr("Satisfied"),
            tr("Basically satisfied"),
            tr("Unsatisfied"),
            tr("Satisfaction rate (%)"),
            tr("Breaches"),
            tr("Returns"),
            tr("Extensions"),
            tr("Follow-ups")};
}

QString ReportPageParts::periodText(const ReportBundle &b)
{
    const QDate from = b.report.from;
    const QDate to = b.report.to;
    if (from.day() == 1 && to == from.addMonths(1))
        return tr("Month %1").arg(from.toString(u"yyyy-MM"_s));
    if (from.day() == 1 && from.month() == 1 && to == from.addYears(1))
        return tr("Year %1").arg(from.year());
    return tr("%1 to %2").arg(from.toString(Qt::ISODate), to.addDays(-1).toString(Qt::ISODate));
}

QString ReportPageParts::generatedText(const ReportBundle &b)
{
    const QDateTime at = QDateTime::fromMSecsSinceEpoch(b.generatedMs, b.zone);
    return tr("Generated %1 (%2)").arg(at.toString(u"yyyy-MM-dd HH:mm:ss"_s), QString::fromUtf8(b.zone.id()));
}

void ReportPageParts::title(const ReportDocument::Page &p, qreal top, const ReportBundle &b)
{
    QPainter &g = *p.painter;
    g.setPen(Qt::black);
    g.setFont(ReportCharts::font(16, true));
    g.drawText(box(p, kMargin, top, kBodyWidth, 9), Qt::AlignLeft | Qt::AlignVCenter, b.centreName);
    g.setFont(ReportCharts::font(12, true));
    g.drawText(box(p, kMargin, top + 10, kBodyWidth, 7), Qt::AlignLeft | Qt::AlignVCenter,
               tr("Monthly report on ticket completion — %1").arg(periodText(b)));
    g.setFont(ReportCharts::font(8.5));
    g.drawText(
        box(p, kMargin, top + 18, kBodyWidth, 5), Qt::AlignLeft | Qt::AlignVCenter,
        tr("Period %1 to %2 (inclusive) · %3")
            .arg(b.report.from.toString(Qt::ISODate), b.report.to.addDays(-1).toString(Qt::ISODate), generatedText(b)));
    g.setPen(QPen(Qt::black, p.mm(0.4)));
    g.drawLine(QPointF(p.mm(kMargin), p.mm(top + 25)), QPointF(p.mm(kMargin + kBodyWidth), p.mm(top + 25)));
}

void ReportPageParts::runningHead(const ReportDocument::Page &p, qreal top, const ReportBundle &b)
{
    QPainter &g = *p.painter;
    g.setPen(Qt::darkGray);
    g.setFont(ReportCharts::font(8));
    g.drawText(box(p, kMargin, top, kBodyWidth, 5), Qt::AlignLeft | Qt::AlignVCenter,
               tr("%1 · monthly report · %2").arg(b.centreName, periodText(b)));
    g.setPen(QPen(Qt::gray, p.mm(0.2)));
    g.drawLine(QPointF(p.mm(kMargin), p.mm(top + 6)), QPointF(p.mm(kMargin + kBodyWidth), p.mm(top + 6)));
}

void ReportPageParts::headline(const ReportDocument::Page &p, qreal top, const ReportFigures &t)
{
    const QList<std::pair<QString, QString>> items {
        {tr("Received"), count(t.received)},
        {tr("Completed"), count(t.completed)},
        {tr("On-time rate"), rate(t.onTimeRateHundredths()) + u" %"_s},
        {tr("Satisfaction rate"), rate(t.satisfactionRateHundredths()) + u" %"_s},
        {tr("Overdue"), count(t.overdue)},
    };
    QPainter &g = *p.painter;
    const qreal gap = 3;
    const qreal w = (kBodyWidth - gap * qreal(items.size() - 1)) / qreal(items.size());
    for (int i = 0; i < items.size(); ++i) {
        const qreal left = kMargin + qreal(i) * (w + gap);
        g.setPen(QPen(QColor(0x90, 0xa4, 0xae), p.mm(0.3)));
        g.setBrush(QColor(0xf3, 0xf6, 0xf8));
        g.drawRect(box(p, left, top, w, kHeadlineHeight - 4));
        g.setPen(Qt::black);
        g.setFont(ReportCharts::font(8));
        g.drawText(box(p, left, top + 1.5, w, 5), Qt::AlignHCenter | Qt::AlignVCenter, items[i].first);
        g.setFont(ReportCharts::font(15, true));
        g.drawText(box(p, left, top + 7, w, 10), Qt::AlignHCenter | Qt::AlignVCenter, items[i].second);
    }
    g.setBrush(Qt::NoBrush);
}

void ReportPageParts::tableHeader(const ReportDocument::Page &p, qreal top)
{
    QPainter &g = *p.painter;
    g.setPen(Qt::NoPen);
    g.setBrush(QColor(0x37, 0x47, 0x4f));
    g.drawRect(box(p, kMargin, top, kBodyWidth, kTableHeaderHeight));
    g.setBrush(Qt::NoBrush);
    g.setPen(Qt::white);
    const QStringList titles = columnTitles();
    qreal left = kMargin;
    for (int c = 0; c < titles.size(); ++c) {
        const Qt::Alignment align = (c == 1 ? Qt::AlignLeft : Qt::AlignHCenter) | Qt::AlignVCenter;
        const QRectF r = box(p, left + 0.6, top, kWidths[c] - 1.2, kTableHeaderHeight);
        // Lines wrap between words; a word longer than its column ("Dispatched") gets a smaller size instead of
        // being cut.
        QFont font = ReportCharts::font(6.5, true);
        for (qreal size = 6.5; size >= 4.5; size -= 0.25) {
            font.setPointSizeF(size);
            const QFontMetricsF metrics(font, g.device());
            const QStringList words = titles[c].split(u' ', Qt::SkipEmptyParts);
            if (std::all_of(words.cbegin(), words.cend(),
                            [&](const QString &w) { return metrics.horizontalAdvance(w) <= r.width(); }))
                break;
        }
        g.setFont(font);
        g.drawText(r, int(align) | Qt::TextWordWrap, titles[c]);
        left += kWidths[c];
    }
}

void ReportPageParts::tableRow(const ReportDocument::Page &p, qreal top, const QString &rank, const QString &label,
                               const ReportFigures &f, bool shaded, bool bold)
{
    QPainter &g = *p.painter;
    if (shaded) {
        g.setPen(Qt::NoPen);
        g.setBrush(QColor(0xf1, 0xf4, 0xf6));
        g.drawRect(box(p, kMargin, top, kBodyWidth, kRowHeight));
        g.setBrush(Qt::NoBrush);
    }
    const QStringList cells {rank,
                             label,
                             count(f.received),
                             count(f.dispatched),
                             count(f.completed),
                             count(f.onTime),
                             rate(f.onTimeRateHundredths()),
                             count(f.overdue),
                             count(f.surveyed),
                             count(f.satisfied),
                             count(f.basicallySatisfied),
                             count(f.unsatisfied),
                             rate(f.satisfactionRateHundredths()),
                             count(f.breaches),
                             count(f.returns),
                             count(f.extensions),
                             count(f.followUps)};
    // 7 pt: seventeen columns on A4 portrait, and a department's name of ten ideographs still whole.
    const QFont font = ReportCharts::font(7, bold);
    g.setFont(font);
    g.setPen(Qt::black);
    const QFontMetricsF metrics(font, g.device());
    qreal left = kMargin;
    for (int c = 0; c < cells.size(); ++c) {
        const QRectF r = box(p, left + 0.8, top, kWidths[c] - 1.6, kRowHeight);
        const QString text = c == 1 ? metrics.elidedText(cells[c], Qt::ElideRight, r.width()) : cells[c];
        g.drawText(r, (c == 1 ? Qt::AlignLeft : Qt::AlignRight) | Qt::AlignVCenter, text);
        left += kWidths[c];
    }
    g.setPen(QPen(QColor(0xcf, 0xd8, 0xdc), p.mm(0.15)));
    g.drawLine(QPointF(p.mm(kMargin), p.mm(top + kRowHeight)),
               QPointF(p.mm(kMargin + kBodyWidth), p.mm(top + kRowHeight)));
}

void ReportPageParts::paragraph(const ReportDocument::Page &p, qreal top, qreal height, const QString &text, qreal pt,
                                bool bold)
{
    QPainter &g = *p.painter;
    g.setPen(Qt::black);
    g.setFont(ReportCharts::font(pt, bold));
    g.drawText(box(p, kMargin, top, kBodyWidth, height), Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, text);
}

void ReportPageParts::footer(const ReportDocument::Page &p, const ReportBundle &b, int index, int count)
{
    QPainter &g = *p.painter;
    g.setPen(QPen(Qt::gray, p.mm(0.2)));
    g.drawLine(QPointF(p.mm(kMargin), p.mm(kFooterTop)), QPointF(p.mm(kMargin + kBodyWidth), p.mm(kFooterTop)));
    g.setPen(Qt::darkGray);
    g.setFont(ReportCharts::font(8));
    const QRectF r = box(p, kMargin, kFooterTop + 1, kBodyWidth, 5);
    g.drawText(r, Qt::AlignLeft | Qt::AlignVCenter, generatedText(b));
    g.drawText(r, Qt::AlignRight | Qt::AlignVCenter, tr("Page %1 of %2").arg(index + 1).arg(count));
    // On every page, so that any sheet of a paper copy can be matched with `hotlinectl verify` on the database.
    if (b.report.log)
        logStamp(g, box(p, kMargin, kFooterTop + 5.5, kBodyWidth, 4), *b.report.log);
}

void ReportPageParts::logStamp(QPainter &g, const QRectF &r, const LogStamp &stamp)
{
    // A monospaced face: DejaVu Sans sets "ff" in a hash as one ligature, which reads (and copies) as another
    // character; the Chinese words of the stamp still come from Noto Sans CJK.
    QFont stampFont = ReportCharts::font(7);
    stampFont.setFamilies({u"DejaVu Sans Mono"_s, u"Noto Sans CJK SC"_s});
    stampFont.setStyleHint(QFont::Monospace);
    g.setFont(stampFont);
    g.drawText(r, Qt::AlignLeft | Qt::AlignVCenter, stamp.text());
}

} // namespace hotline
