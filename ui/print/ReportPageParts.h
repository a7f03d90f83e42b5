#pragma once

#include "print/ReportDocument.h"
#include "storage/LogStamp.h"

#include <QCoreApplication>
#include <QRectF>
#include <QStringList>

namespace hotline {

/** The pieces the report pages are made of: header, headline figures, table rows, text. Sizes in millimetres. */
class ReportPageParts final
{
    Q_DECLARE_TR_FUNCTIONS(ReportPageParts)

public:
    static constexpr qreal kPageWidth = 210;
    static constexpr qreal kPageHeight = 297;
    static constexpr qreal kMargin = 15;
    static constexpr qreal kBodyWidth = kPageWidth - 2 * kMargin;
    static constexpr qreal kFooterTop = kPageHeight - kMargin - 6;
    static constexpr qreal kTitleHeight = 30;
    static constexpr qreal kRunningHeadHeight = 9;
    static constexpr qreal kHeadlineHeight = 24;
    static constexpr qreal kTableHeaderHeight = 10;
    static constexpr qreal kRowHeight = 5.5;

    static QString periodText(const ReportBundle &b);
    static QString generatedText(const ReportBundle &b);

    static void title(const ReportDocument::Page &p, qreal top, const ReportBundle &b);
    static void runningHead(const ReportDocument::Page &p, qreal top, const ReportBundle &b);
    static void headline(const ReportDocument::Page &p, qreal top, const ReportFigures &totals);
    static void tableHeader(const ReportDocument::Page &p, qreal top);
    /** One table row: rank (empty: none), label, figures; marked rows get an asterisk, totals are bold. */
    static void tableRow(const ReportDocument::Page &p, qreal top, const QString &rank, const QString &label,
                         const ReportFigures &f, bool shaded, bool bold);
    static void paragraph(const ReportDocument::Page &p, qreal top, qreal height, const QString &text, qreal pt,
                          bool bold = false);
    static void footer(const ReportDocument::Page &p, const ReportBundle &b, int index, int count);
    /** The log stamp line of a footer (every page of every printed form), in a monospaced face. */
    static void logStamp(QPainter &g, const QRectF &r, const LogStamp &stamp);

    static QStringList columnTitles();
};

} // namespace hotline
