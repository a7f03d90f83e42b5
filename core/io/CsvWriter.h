#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <initializer_list>

class QIODevice;

namespace hotline {

/**
 * Writes RFC 4180 CSV in UTF-8 to a QIODevice or appends it to a QString. A field is quoted when it holds a
 * comma, quote, CR or LF, or starts or ends with a space (which some readers would trim); quotes are
 * doubled. Rows end with CRLF by default (RFC 4180, what Excel writes).
 *
 * Device output is buffered: call flush() (the destructor does too) and check hasError().
 */
class CsvWriter
{
    Q_DECLARE_TR_FUNCTIONS(CsvWriter)

public:
    enum class LineEnding { CrLf, Lf };

    explicit CsvWriter(QIODevice *device, LineEnding ending = LineEnding::CrLf);
    explicit CsvWriter(QString *target, LineEnding ending = LineEnding::CrLf);
    ~CsvWriter();
    CsvWriter(const CsvWriter &) = delete;
    CsvWriter &operator=(const CsvWriter &) = delete;

    /** The UTF-8 byte order mark (U+FEFF in a QString) so that Excel reads Chinese text correctly; call first. */
    void writeBom();
    /** Appends one field to the current row. */
    void writeField(QStringView field);
    /** Ends the current row. */
    void endRow();
    void writeRow(const QStringList &fields);
    void writeRow(std::initializer_list<QStringView> fields);

    /** Writes buffered bytes to the device; false (see errorString()) if the device refused them. */
    bool flush();
    bool hasError() const { return !m_error.isEmpty(); }
    QString errorString() const { return m_error; }

    static bool needsQuotes(QStringView field);
    /** The field as it appears in a CSV file (quoted if needed). */
    static QString escape(QStringView field);
    /**
     * A cell made safe to open in a spreadsheet: one that starts like a formula (= + - @, tab or CR) gets a leading
     * apostrophe, which spreadsheets show as text and do not run. Every CSV hotlinectl and the console write for
     * people (reports, ticket exports) goes through this; formulaGuardRemoved() undoes it on import.
     */
    static QString neutralised(QStringView cell);
    /** The cell without the apostrophe neutralised() added (one before = + - @, tab or CR); others unchanged. */
    static QStringView formulaGuardRemoved(QStringView cell);

private:
    void put(QStringView text);

    QIODevice *m_device = nullptr;
    QString *m_target = nullptr;
    QString m_pending; // text of the current device buffer, converted to UTF-8 on flush
    QString m_lineEnd;
    int m_fieldsInRow = 0;
    bool m_lastFieldEmpty = false;
    QString m_error;
};

} // namespace hotline
