#pragma once

#include "io/CsvReader.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

class QFile;
class QIODevice;

namespace hotline {

/**
 * A CSV file with a header row naming known columns: the shared part of the import formats.
 *
 * Columns may come in any order (a user who reorders columns in a spreadsheet still has a valid file) but
 * each must appear exactly once, with no others; names are compared exactly after trimming spaces.
 * An empty file, a bad header or an unreadable file is one error that ends the table, since no row could
 * be read correctly after it; a broken record is an error for that record only.
 */
class CsvTableReader
{
    Q_DECLARE_TR_FUNCTIONS(CsvTableReader)

public:
    /** Reads from device, which must be open and outlive the reader. */
    CsvTableReader(QIODevice *device, QStringList columns);
    /** Opens the file at path itself; see openError(). */
    CsvTableReader(const QString &path, QStringList columns);
    ~CsvTableReader();
    CsvTableReader(const CsvTableReader &) = delete;
    CsvTableReader &operator=(const CsvTableReader &) = delete;

    /** Translated reason the file could not be opened; empty when it is open. */
    QString openError() const { return m_openError; }

    /**
     * Limits that make an endless or enormous input (a device, a pipe, a wrong file) end with an error instead
     * of reading forever: the whole input in bytes, and the data rows (past the limit one error row ends the
     * table). 0 means no limit.
     */
    void setLimits(qint64 maxBytes, qint64 maxRows);

    enum class Next {
        End,    ///< no more rows
        Error,  ///< line and error are set; the row (or, for a header problem, the whole table) is unusable
        Row,    ///< line is set and value() gives the row's fields, which match the header in number
    };
    Next next(qint64 &line, QString &error);

    /** The trimmed value of column c (index into the columns given) of the current row. */
    QStringView value(int c) const { return m_record.field(m_index[c]).trimmed(); }
    const QStringList &columns() const { return m_columns; }

    qint64 bytesConsumed() const { return m_csv ? m_csv->bytesConsumed() : 0; }
    /** The input's size, or 0 when unknown (pipes). */
    qint64 totalBytes() const;

    /**
     * For each expected column, the index of the field that holds it; nullopt and a translated reason
     * (naming the missing, unknown and repeated columns and the full expected header) otherwise.
     */
    static std::optional<QList<int>> mapHeader(const CsvRecord &header, const QStringList &expected,
                                               QString *error);

private:
    bool readHeader(qint64 &line, QString &error);

    QStringList m_columns;
    std::unique_ptr<QFile> m_file;
    QIODevice *m_device = nullptr;
    std::unique_ptr<CsvReader> m_csv;
    QString m_openError;
    CsvRecord m_record;
    QList<int> m_index;
    qint64 m_maxRows = 0;
    qint64 m_rows = 0;
    bool m_headerDone = false;
    bool m_finished = false;
};

} // namespace hotline
