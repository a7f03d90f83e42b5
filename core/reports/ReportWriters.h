#pragma once

#include "reports/ReportData.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QStringList>

namespace hotline {

/** The report forms the core writes; the printable A4 PDF is drawn in ui/print. */
enum class ReportFormat { Text, Csv, Json };

/**
 * Renders a ReportData as terminal text, CSV for Excel or the JSON of PRODUCT §7, as UTF-8 bytes. A report read
 * from a database ends with its log stamp (LogStamp): the text's last line; in CSV an empty row, then the stamp
 * row; in JSON "log": {"head", "events"}.
 */
class ReportWriter final
{
    Q_DECLARE_TR_FUNCTIONS(ReportWriter)

public:
    /** An aligned table for a terminal (a CJK character takes two columns); "-" marks a rate with no divisor. */
    static QByteArray text(const ReportData &report);
    /** UTF-8 with BOM, CRLF, RFC 4180 quoting: a header row, one row per department, then the totals row. */
    static QByteArray csv(const ReportData &report);
    /**
     * {"period":{"from","to"},"totals":{…},"departments":[{"department":name,"code":…,…}]} with the §6 figures
     * in snake_case; rates are numbers with two decimals (95.76), null when there is nothing to divide by.
     */
    static QByteArray json(const ReportData &report);
    static QByteArray write(const ReportData &report, ReportFormat format);

    /** Translated headings of the text and CSV columns: department, code, then the §6 figures. */
    static QStringList columnTitles();
    /** Label of the totals row. */
    static QString totalsLabel();
};

} // namespace hotline
