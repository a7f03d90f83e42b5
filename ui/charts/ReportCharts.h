#pragma once

#include "reports/ReportBundle.h"

#include <QCoreApplication>
#include <QFont>
#include <QStringList>

QT_BEGIN_NAMESPACE
class QChart;
class QPainter;
class QRectF;
QT_END_NAMESPACE

namespace hotline {

/** The charts of the report, built from a ReportBundle for the charts page and the printed report alike. */
class ReportCharts final
{
    Q_DECLARE_TR_FUNCTIONS(ReportCharts)

public:
    enum class Kind { OnTimeByDepartment, IntakeByChannel, ShareByType, OverdueByWeek, Satisfaction };
    static QList<Kind> allKinds();

    /** A new chart (the caller owns it). For OnTimeByDepartment, departmentCodes gets the code behind each bar
     *  index of both bar sets; the best-ranked department is drawn at the top. */
    static QChart *create(Kind kind, const ReportBundle &bundle, QStringList *departmentCodes = nullptr);
    static QString title(Kind kind);

    /** The values a chart shows, in bar (or slice) order: what tests compare with the report. */
    static QList<qreal> values(const QChart *chart);

    /** Draws chart into target of painter as vector graphics (no pixmap), e.g. onto a PDF page. */
    static void paint(QChart *chart, QPainter *painter, const QRectF &target, const QSizeF &logicalSize);

    /** The report's typeface: DejaVu Sans for Latin, Noto Sans CJK for Chinese, both embedded in PDFs. */
    static QFont font(qreal pointSize, bool bold = false);
};

} // namespace hotline
