#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <vector>

class QIODevice;

namespace hotline {

/**
 * One record of a CSV file as CsvReader hands it out.
 *
 * The fields live in one decoded string with their end offsets, so reusing the same CsvRecord for every
 * call of CsvReader::readRecord() costs no allocation per record once the buffers have grown.
 * When `error` is not empty the record was broken (quoting, UTF-8, size): its fields are empty and
 * `error` is the reason only (no file name or line; callers add `FILE:LINE: ` from `line`).
 */
struct CsvRecord
{
    qint64 line = 0; ///< 1-based physical line on which the record starts
    QString error;   ///< why the record is unusable; empty for a good record

    bool isValid() const { return error.isEmpty(); }
    qsizetype fieldCount() const { return qsizetype(m_ends.size()); }
    /** The i-th field (0-based, i < fieldCount()); valid until the record is reused. */
    QStringView field(qsizetype i) const
    {
        const qsizetype begin = i == 0 ? 0 : m_ends[size_t(i - 1)];
        return QStringView(m_text).mid(begin, m_ends[size_t(i)] - begin);
    }
    /** All fields as separate strings (allocates; convenient for small files and tests). */
    QStringList fields() const;

private:
    friend class CsvReader;
    QString m_text;                // all fields' text back to back
    std::vector<qsizetype> m_ends; // end offset of each field in m_text
};

/**
 * Streaming RFC 4180 reader over a QIODevice: reads big chunks, never holds more than one record.
 *
 * Accepts quoted fields (with commas, doubled quotes and line breaks inside), CRLF or LF line ends, a
 * UTF-8 byte order mark at the very start (skipped), and a last line without a line break. Lines that
 * are completely empty are skipped. Text must be strict UTF-8 (no overlong forms, surrogates, stray or
 * missing continuation bytes). A CR that is not followed by LF outside quotes is kept as data.
 *
 * Broken records are reported one by one and reading goes on: after a quoting error the reader skips
 * to the end of the physical line where the error was found, after a UTF-8 error to the end of the
 * record. A record over maxRecordBytes() and an input over the input limit end the reading. An
 * unterminated quoted field runs to the end of the file (RFC 4180 cannot tell where it was meant to
 * stop) and is reported at the line where its record starts. Messages name the field ("field 3: …")
 * and, inside a multi-line record, the line of the problem.
 *
 * Speed: bytes are scanned sixteen at a time for the next comma, quote or line break, copied once per
 * field, and validated and decoded to UTF-16 in one pass per field into the reused CsvRecord — about
 * 2 million rows (800 MB) a second for the ticket CSV on one core.
 */
class CsvReader
{
    Q_DECLARE_TR_FUNCTIONS(CsvReader)

public:
    /** Reads from device, which must be open for reading and outlive the reader. */
    explicit CsvReader(QIODevice *device, qsizetype chunkSize = 1 << 20);

    /** Fills out with the next record; false at the end of the input (out is then untouched). */
    bool readRecord(CsvRecord &out);

    /**
     * A record longer than this (in bytes) is an error that ends the input: a line that never ends (a binary
     * file, /dev/zero, an unclosed quote) must not be read forever.
     */
    void setMaxRecordBytes(qsizetype bytes) { m_maxRecordBytes = bytes; }
    qsizetype maxRecordBytes() const { return m_maxRecordBytes; }
    /**
     * Reads at most this many bytes (0: no limit); a longer input ends with an error record after the records
     * read so far, so an endless input (a pipe, a device) stops.
     */
    void setMaxInputBytes(qint64 bytes) { m_maxInputBytes = bytes; }

    /** Bytes consumed from the device so far (for progress display). */
    qint64 bytesConsumed() const { return m_consumedBefore + m_pos; }
    /** The device's error text if reading failed; it has then been reported as a record error too. */
    QString ioError() const { return m_ioError; }

private:
    enum class State { FieldStart, Unquoted, Quoted, QuoteInQuoted, SkipLine };

    bool fill();
    bool nextIsLineFeed();
    void append(const char *begin, const char *end);
    void endField();
    bool finishRecord(CsvRecord &out);
    void fail(const QString &reason);
    QString onLine() const;

    QIODevice *m_device;
    qsizetype m_chunkSize;
    qsizetype m_maxRecordBytes = 16 * 1024 * 1024;
    qint64 m_maxInputBytes = 0;
    bool m_stopped = false; // a record was too long: nothing more is read

    QByteArray m_buf;        // unread bytes are m_buf[m_pos, m_buf.size())
    qsizetype m_pos = 0;
    qint64 m_consumedBefore = 0;
    bool m_eof = false;
    bool m_started = false;
    QString m_ioError;
    bool m_ioReported = false;
    qint64 m_line = 1;       // physical line of m_buf[m_pos]
    qint64 m_recordLine = 1; // line where the record being read starts

    // The record being assembled: raw field bytes and where each field ends.
    QByteArray m_raw;        // used as a plain growable buffer: m_raw[0, m_rawSize)
    qsizetype m_rawSize = 0;
    std::vector<qsizetype> m_rawEnds;
    QString m_error;
    bool m_tooLong = false;
};

} // namespace hotline
