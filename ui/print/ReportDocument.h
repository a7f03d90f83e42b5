#pragma once

#include "reports/ReportBundle.h"

#include <QCoreApplication>
#include <QList>

#include <functional>
#include <optional>

QT_BEGIN_NAMESPACE
class QPagedPaintDevice;
class QPainter;
QT_END_NAMESPACE

namespace hotline {

/**
 * The printable monthly report on A4: a header with the centre, period and time generated; the headline figures;
 * the per-department table in ranking order with its header repeated on every page; the charts drawn as vectors;
 * the corrections of a closed period; page numbers and the log stamp (LogStamp) in every footer. Laid out once
 * in millimetres, so the same pages go to a PDF file, a printer or the print preview.
 */
class ReportDocument final
{
    Q_DECLARE_TR_FUNCTIONS(ReportDocument)
    Q_DISABLE_COPY_MOVE(ReportDocument) // the laid-out pages refer to m_bundle

public:
    explicit ReportDocument(ReportBundle bundle);

    int pageCount() const { return int(m_pages.size()); }
    /** Paints every page on device (A4 portrait, full page, no margins: the document has its own). */
    bool paint(QPagedPaintDevice *device, QString *error) const;
    /** The report as PDF bytes with embedded (subset) fonts, its text the characters printed (PdfToUnicode
     *  rewrites Qt's radical mappings). paint() on a QPrinter does not get that fix. */
    std::optional<QByteArray> toPdf(QString *error) const;
    /** Writes the report as a PDF file, atomically. */
    bool writePdf(const QString &path, QString *error) const;

    /** Rows of the department table that fit on the first page and on each later page. */
    static int rowsOnFirstPage(bool withCorrectionsNote);
    static int rowsPerPage();

    /** Paint context of one page, in millimetres converted to device pixels. */
    struct Page
    {
        QPainter *painter = nullptr;
        qreal pxPerMm = 1;
        qreal mm(qreal v) const { return v * pxPerMm; }
    };
    using Block = std::function<void(const Page &, qreal topMm)>;

private:
    void layout();
    void addBlock(qreal heightMm, Block block, bool keepOnPage = true);
    void newPage();
    void paintFrame(const Page &page, int index) const;

    ReportBundle m_bundle;
    struct Placed
    {
        qreal topMm;
        Block block;
    };
    QList<QList<Placed>> m_pages;
    qreal m_cursorMm = 0;
};

} // namespace hotline
