#pragma once

#include "io/CsvTableReader.h"
#include "io/UniqueKeyIndex.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

class QIODevice;

namespace hotline {

/** Which reference table a file or an entry is about. */
enum class ReferenceKind { Categories, Towns };

/** Longest accepted values, in characters (Unicode code points, not UTF-16 units). */
namespace ReferenceLimits {
inline constexpr qsizetype Code = 32;
inline constexpr qsizetype CategoryName = 100; // same as TicketCsvLimits::Category: tickets refer to it by name
inline constexpr qsizetype TownName = 50; // same as TicketCsvLimits::Town
} // namespace ReferenceLimits

/**
 * The checks every category and town code and name passes, in a file or typed in the console: not empty, not
 * longer than the limit in characters, no control or invisible formatting characters (NUL, ESC, bidi overrides,
 * zero-width spaces, line separators), and for codes no spaces either.
 */
class ReferenceText final
{
    Q_DECLARE_TR_FUNCTIONS(ReferenceText)

public:
    /** Characters (code points) in text. */
    static qsizetype length(QStringView text);
    /** Whether the code point may stand in a name: not Cc, Cf, Zl, Zp, a surrogate half or a noncharacter. */
    static bool isAllowed(char32_t c);
    /** A translated reason the value is not acceptable as field, or empty. */
    static QString problem(QStringView value, const QString &field, qsizetype limit, bool isCode);
    /** The text with every character that isAllowed() refuses written as \u{XXXX}: safe for messages and terminals. */
    static QString shown(QStringView text);
    static qsizetype nameLimit(ReferenceKind kind)
    {
        return kind == ReferenceKind::Categories ? ReferenceLimits::CategoryName : ReferenceLimits::TownName;
    }
};

/** One data row of a category or town file: the values as given, or the reasons they are not usable. */
struct ReferenceCsvRow
{
    qint64 line = 0; ///< 1-based line where the row starts
    QString error; ///< reasons only ("; "-separated); empty when the row is valid
    QString code;
    QString name;
    QString department; ///< categories: a department's code or name as written (resolved by the importer); may be empty
    QString slaClass; ///< categories: "consult", "handling" or empty (the ticket type decides)

    bool isValid() const { return error.isEmpty(); }
};

/**
 * Streams `code,name,department,class` (categories) or `code,name` (towns), header required, columns in any
 * order (CsvTableReader): one result per data row, reading goes on after a bad row. Codes and names are each
 * unique in the file ignoring case.
 */
class ReferenceCsvReader
{
    Q_DECLARE_TR_FUNCTIONS(ReferenceCsvReader)

public:
    static QStringList columns(ReferenceKind kind);

    ReferenceCsvReader(ReferenceKind kind, QIODevice *device);
    ReferenceCsvReader(ReferenceKind kind, const QString &path);

    QString openError() const { return m_table.openError(); }
    /** Fills row with the next data row; false when there are no more. */
    bool readRow(ReferenceCsvRow &row);

private:
    void validate(ReferenceCsvRow &row);

    ReferenceKind m_kind;
    CsvTableReader m_table;
    UniqueKeyIndex m_codes;
    UniqueKeyIndex m_names;
};

} // namespace hotline
