#include "board/WallList.h"

#include "board/BoardColours.h"
#include "board/BoardModel.h"

#include <QLabel>
#include <QResizeEvent>

using namespace Qt::StringLiterals;

namespace hotline {
namespace {

enum Cell { NumberCell, DepartmentCell, TownCell, SummaryCell, RemainingCell, CellCount };
const QColor kText(0xf2, 0xf4, 0xf7);
const QColor kDim(0x9a, 0xa4, 0xb2);
const QColor kLineA(0x10, 0x15, 0x1c);
const QColor kLineB(0x17, 0x1e, 0x28);

void paint(QWidget *w, QPalette::ColorRole role, const QColor &c)
{
    QPalette p = w->palette();
    p.setColor(role, c);
    w->setPalette(p);
}

} // namespace

WallList::WallList(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(u"wallList"_s);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Ignored);
    m_rowFont = font();
    m_header = makeLine(this, true);
    const QStringList titles {tr("Number"), tr("Department"), tr("Town"), tr("Summary"), tr("Remaining")};
    for (int i = 0; i < CellCount; ++i)
        m_header.cells[i]->setText(titles[i]);
    m_empty = new QLabel(tr("No open tickets are counting down."), this);
    m_empty->setObjectName(u"wallEmpty"_s);
    m_empty->setAlignment(Qt::AlignCenter);
    paint(m_empty, QPalette::WindowText, kDim);
    m_empty->hide();
}

WallList::Line WallList::makeLine(QWidget *parent, bool header)
{
    Line line;
    line.box = new QWidget(parent);
    if (!header)
        line.box->setObjectName(u"wallRow%1"_s.arg(m_lines.size()));
    line.box->setAutoFillBackground(!header);
    line.bar = new QLabel(line.box);
    line.bar->setAutoFillBackground(true);
    if (header)
        line.bar->hide();
    static const QString names[CellCount] = {u"number"_s, u"department"_s, u"town"_s, u"summary"_s, u"remaining"_s};
    for (int i = 0; i < CellCount; ++i) {
        auto *cell = new QLabel(line.box);
        cell->setObjectName(names[i]);
        cell->setTextFormat(Qt::PlainText);
        cell->setAlignment((i == RemainingCell ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter);
        paint(cell, QPalette::WindowText, header ? kDim : kText);
        line.cells << cell;
    }
    line.box->show();
    return line;
}

int WallList::rowHeight() const
{
    return QFontMetrics(m_rowFont).height() * 3 / 2;
}

int WallList::headerHeight() const
{
    QFont f = m_rowFont;
    f.setPixelSize(std::max(10, m_rowFont.pixelSize() * 2 / 3));
    return QFontMetrics(f).height() * 3 / 2;
}

void WallList::setRowFont(const QFont &font)
{
    m_rowFont = font;
    QFont headerFont = font;
    headerFont.setPixelSize(std::max(10, font.pixelSize() * 2 / 3));
    headerFont.setBold(false);
    for (QLabel *cell : std::as_const(m_header.cells))
        cell->setFont(headerFont);
    m_empty->setFont(font);
    for (const Line &line : std::as_const(m_lines)) {
        for (QLabel *cell : line.cells)
            cell->setFont(font);
    }
    relayout();
}

void WallList::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    relayout();
}

void WallList::placeCells(const Line &line, int width, int height) const
{
    // Margins come from the line height, so the header's columns start where the lines' do.
    const int lineHeight = rowHeight();
    const int margin = std::max(6, lineHeight / 5);
    const int barWidth = std::max(6, lineHeight / 6);
    line.bar->setGeometry(0, std::max(0, (height - lineHeight) / 2) + margin / 2, barWidth,
                          std::min(height, lineHeight) - margin);
    // Number, town and remaining time get what their longest usual text needs in the lines' type; the
    // department a fifth of the rest; the summary what is left.
    const QFontMetrics fm(m_rowFont);
    const auto need = [&fm, margin](const QString &sample) { return fm.horizontalAdvance(sample) + margin; };
    int widths[CellCount];
    widths[NumberCell] = need(u"250303-01-000000"_s);
    widths[TownCell] = need(u"罗村街道"_s);
    widths[RemainingCell] = need(BoardModel::formatRemaining(-99 * 3600 - 59 * 60 - 59));
    const int x0 = barWidth + margin;
    const int usable = std::max(0, width - x0 - margin * CellCount);
    const int rest = std::max(0, usable - widths[NumberCell] - widths[TownCell] - widths[RemainingCell]);
    widths[DepartmentCell] = rest * 3 / 10;
    widths[SummaryCell] = rest - widths[DepartmentCell];
    int x = x0;
    for (int i = 0; i < CellCount; ++i) {
        line.cells[i]->setGeometry(x, 0, widths[i], height);
        x += widths[i] + margin;
    }
}

void WallList::relayout()
{
    const int line = std::max(1, rowHeight());
    const int head = headerHeight();
    const int fit = std::max(1, (height() - head) / line);
    m_header.box->setGeometry(0, 0, width(), head);
    placeCells(m_header, width(), head);
    while (m_lines.size() < fit)
        m_lines << makeLine(this, false);
    for (qsizetype i = 0; i < m_lines.size(); ++i) {
        const Line &l = m_lines[i];
        for (QLabel *cell : l.cells)
            cell->setFont(m_rowFont);
        paint(l.box, QPalette::Window, i % 2 ? kLineB : kLineA);
        l.box->setGeometry(0, head + int(i) * line, width(), line);
        placeCells(l, width(), line);
    }
    m_empty->setGeometry(0, head, width(), std::max(line, height() - head));
    const bool changed = fit != m_rowsPerPage;
    m_rowsPerPage = fit;
    setRows(m_rows);
    if (changed)
        Q_EMIT rowsPerPageChanged(fit);
}

void WallList::setRows(const QList<WallRow> &rows)
{
    m_rows = rows.mid(0, m_rowsPerPage);
    for (qsizetype i = 0; i < m_lines.size(); ++i) {
        const Line &l = m_lines[i];
        if (i >= m_rows.size()) {
            l.box->hide();
            for (QLabel *cell : l.cells)
                cell->clear();
            continue;
        }
        const WallRow &r = m_rows[i];
        const QColor colour = BoardColours::wall(r.colour);
        paint(l.bar, QPalette::Window, colour);
        l.cells[NumberCell]->setText(r.number);
        l.cells[DepartmentCell]->setText(r.department);
        l.cells[TownCell]->setText(r.town);
        QLabel *summary = l.cells[SummaryCell];
        summary->setText(summary->fontMetrics().elidedText(r.summary, Qt::ElideRight, std::max(0, summary->width())));
        l.cells[RemainingCell]->setText(r.remaining);
        paint(l.cells[RemainingCell], QPalette::WindowText, colour);
        l.box->show();
    }
    m_empty->setVisible(m_rows.isEmpty());
}

} // namespace hotline
