#pragma once

#include "domain/Enums.h"

#include <QFont>
#include <QList>
#include <QWidget>

class QLabel;

namespace hotline {

/** One line of the wall's list: nothing that identifies a caller. */
struct WallRow
{
    Colour colour = Colour::Green;
    QString number;
    QString department;
    QString town;
    QString summary;
    QString remaining;
};

/**
 * The wall display's ticket list: a header and as many fixed-height lines as fit the widget's height
 * (rowsPerPage). Laid out by hand, so the page size follows the height and never the other way round.
 */
class WallList final : public QWidget
{
    Q_OBJECT

public:
    explicit WallList(QWidget *parent = nullptr);

    /** The type of the lines; the header uses a smaller weight of it. Recomputes the page size. */
    void setRowFont(const QFont &font);
    int rowsPerPage() const { return m_rowsPerPage; }
    /** Shows these lines (at most rowsPerPage; the rest are cut). */
    void setRows(const QList<WallRow> &rows);

Q_SIGNALS:
    /** The number of lines that fit changed (the widget or its type was resized). */
    void rowsPerPageChanged(int rows);

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    struct Line
    {
        QWidget *box = nullptr;
        QLabel *bar = nullptr;
        QList<QLabel *> cells; // number, department, town, summary, remaining
    };
    Line makeLine(QWidget *parent, bool header);
    void placeCells(const Line &line, int width, int height) const;
    void relayout();
    int rowHeight() const;
    int headerHeight() const;

    QFont m_rowFont;
    Line m_header;
    QList<Line> m_lines;
    QList<WallRow> m_rows;
    QLabel *m_empty = nullptr;
    int m_rowsPerPage = 1;
};

} // namespace hotline
