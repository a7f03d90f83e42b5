#pragma once

#include "io/CsvTableReader.h"
#include "io/UniqueKeyIndex.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>


class QIODevice;

namespace hotline {

/** One validated row of the department CSV (`hotlinectl departments import`, PRODUCT §7). */
struct DepartmentRow
{
    QString name;
    QString code;
    QStringList dutyPhones; ///< normalised, duplicates removed, in file order; may be empty
    QString headPhone;      ///< normalised, or empty
};

/** Longest accepted values, in characters (Unicode code points). */
namespace DepartmentCsvLimits {
inline constexpr qsizetype Name = 100; // same as TicketCsvLimits::Department: tickets refer to it by name
inline constexpr qsizetype Code = 32;
inline constexpr qsizetype DutyPhones = 20;
/** The most a department file may hold: far more than any centre's member units. */
inline constexpr qint64 InputBytes = 16 << 20;
inline constexpr qint64 Rows = 10'000;
} // namespace DepartmentCsvLimits

/** What DepartmentCsvReader yields for each data row: a department, or the reason it is not one. */
struct DepartmentCsvResult
{
    qint64 line = 0;          ///< 1-based line where the row starts
    QString error;            ///< reasons only ("; "-separated); empty when department is valid
    DepartmentRow department; ///< meaningful only when error is empty

    bool isValid() const { return error.isEmpty(); }
};

/**
 * Streams `name,code,duty_phones,head_phone` (header required, columns in any order, see
 * CsvTableReader) like TicketCsvReader: one result per data row, errors as reasons only, reading goes on
 * after a bad row. Duty phones are separated by `;` (or the full-width `；`), each a mobile or landline
 * number; the list and the head's phone may be empty. Codes are unique in the file ignoring case, and so
 * are names, because ticket files name their department.
 */
class DepartmentCsvReader
{
    Q_DECLARE_TR_FUNCTIONS(DepartmentCsvReader)

public:
    static const QStringList &columns();

    explicit DepartmentCsvReader(QIODevice *device);
    explicit DepartmentCsvReader(const QString &path);

    QString openError() const { return m_table.openError(); }
    /** Fills result with the next data row; false when there are no more. */
    bool readRow(DepartmentCsvResult &result);
    /** Overrides DepartmentCsvLimits::InputBytes and Rows (see CsvTableReader::setLimits). */
    void setLimits(qint64 maxBytes, qint64 maxRows) { m_table.setLimits(maxBytes, maxRows); }

private:
    enum Column { Name, Code, DutyPhones, HeadPhone };

    void validate(DepartmentCsvResult &result);
    QStringView value(Column c) const { return m_table.value(c); }

    CsvTableReader m_table;
    UniqueKeyIndex m_codes;
    UniqueKeyIndex m_names;
};

} // namespace hotline
