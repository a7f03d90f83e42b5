#pragma once

#include "reports/Assessment.h"

#include <QCoreApplication>

#include <optional>

QT_BEGIN_NAMESPACE
class QPagedPaintDevice;
QT_END_NAMESPACE

namespace hotline {

/**
 * The annual assessment on A4 for the officials: the centre and year (marked "to date" while the year runs), the
 * formula with the weights in force, the ranked table with its header repeated on every page, page numbers.
 */
class AssessmentDocument final
{
    Q_DECLARE_TR_FUNCTIONS(AssessmentDocument)

public:
    static bool paint(const Assessment &assessment, const QString &centreName, qint64 generatedMs,
                      QPagedPaintDevice *device, QString *error);
    static std::optional<QByteArray> toPdf(const Assessment &assessment, const QString &centreName,
                                           qint64 generatedMs, QString *error);
    /** Table rows on each page. */
    static constexpr int kRowsPerPage = 38;
};

} // namespace hotline
