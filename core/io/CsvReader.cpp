#include "io/CsvReader.h"

#include "io/StrictUtf8.h"

#include <QIODevice>

#include <algorithm>
#include <array>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace hotline {
namespace {

// Bytes that end a run of plain text in an unquoted field.
constexpr std::array<bool, 256> kSpecial = [] {
    std::array<bool, 256> t{};
    t[uchar(',')] = t[uchar('\n')] = t[uchar('\r')] = t[uchar('"')] = true;
    return t;
}();

constexpr char kCarriageReturn = '\r';

// First byte in [p, end) that ends a run of unquoted text, or end. Sixteen bytes at a time where possible.
const char *findSpecial(const char *p, const char *end)
{
#if defined(__SSE2__)
    const __m128i comma = _mm_set1_epi8(',');
    const __m128i lf = _mm_set1_epi8('\n');
    const __m128i cr = _mm_set1_epi8('\r');
    const __m128i quote = _mm_set1_epi8('"');
    while (end - p >= 16) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p));
        const __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, comma), _mm_cmpeq_epi8(v, lf)),
                                         _mm_or_si128(_mm_cmpeq_epi8(v, cr), _mm_cmpeq_epi8(v, quote)));
        if (const int mask = _mm_movemask_epi8(hit))
            return p + __builtin_ctz(unsigned(mask));
        p += 16;
    }
#endif
    while (p < end && !kSpecial[uchar(*p)])
        ++p;
    return p;
}

} // namespace

QStringList CsvRecord::fields() const
{
    QStringList list;
    list.reserve(fieldCount());
    for (qsizetype i = 0; i < fieldCount(); ++i)
        list.append(field(i).toString());
    return list;
}

CsvReader::CsvReader(QIODevice *device, qsizetype chunkSize)
    : m_device(device)
    , m_chunkSize(std::max<qsizetype>(chunkSize, 1))
{
}

// Drops the consumed bytes and appends the next chunk; false when nothing more came.
bool CsvReader::fill()
{
    if (m_eof)
        return false;
    if (m_pos > 0) {
        m_consumedBefore += m_pos;
        m_buf.remove(0, m_pos);
        m_pos = 0;
    }
    qsizetype want = m_chunkSize;
    if (m_maxInputBytes > 0) {
        // Read at most one byte past the limit: enough to know the input is too large.
        const qint64 left = m_maxInputBytes + 1 - (m_consumedBefore + m_buf.size());
        if (left <= 0) {
            m_eof = true;
            m_ioError = tr("it is larger than %1 bytes, the most this command reads; nothing after that was read")
                            .arg(m_maxInputBytes);
            return false;
        }
        want = qsizetype(std::min<qint64>(want, left));
    }
    const qsizetype old = m_buf.size();
    m_buf.resize(old + want);
    const qint64 n = m_device ? m_device->read(m_buf.data() + old, want) : -1;
    m_buf.resize(old + std::max<qint64>(n, 0));
    if (n <= 0) {
        m_eof = true;
        if (n < 0)
            m_ioError = m_device ? m_device->errorString() : tr("no input device");
        return false;
    }
    return true;
}

// m_buf[m_pos] is a CR: is it the first half of a CRLF? May refill (and so move) the buffer.
bool CsvReader::nextIsLineFeed()
{
    if (m_pos + 1 >= m_buf.size())
        fill();
    return m_pos + 1 < m_buf.size() && m_buf.at(m_pos + 1) == '\n';
}

void CsvReader::append(const char *begin, const char *end)
{
    if (begin == end || m_tooLong)
        return;
    const qsizetype n = end - begin;
    if (m_rawSize + n > m_maxRecordBytes) {
        // A record this long is no CSV row (a binary file, an endless line, an unclosed quote): stop reading.
        m_tooLong = true;
        m_stopped = true;
        fail(
            tr("the record is longer than %1 bytes; reading stopped here (is this a CSV file?)").arg(m_maxRecordBytes));
        return;
    }
    if (m_rawSize + n > m_raw.size())
        m_raw.resize(std::max(m_raw.size() * 2, m_rawSize + n + 4096));
    std::memcpy(m_raw.data() + m_rawSize, begin, size_t(n));
    m_rawSize += n;
}

void CsvReader::endField()
{
    m_rawEnds.push_back(m_rawSize);
}

void CsvReader::fail(const QString &reason)
{
    if (m_error.isEmpty())
        m_error = reason;
}

bool CsvReader::finishRecord(CsvRecord &out)
{
    out.m_ends.clear();
    out.m_text.resize(0);
    if (!m_ioError.isEmpty() && !m_ioReported) {
        m_ioReported = true;
        m_error = tr("could not read the input: %1").arg(m_ioError);
    }
    if (!m_error.isEmpty()) {
        out.error = m_error;
        return true;
    }
    out.error.clear();
    // UTF-16 never needs more units than UTF-8 has bytes, so one resize is enough.
    out.m_text.resize(m_rawSize);
    auto *dst = reinterpret_cast<char16_t *>(out.m_text.data());
    qsizetype begin = 0;
    qsizetype written = 0;
    for (size_t i = 0; i < m_rawEnds.size(); ++i) {
        const qsizetype end = m_rawEnds[i];
        qsizetype badAt = 0;
        const qsizetype n = decodeStrictUtf8(m_raw.constData() + begin, end - begin, dst + written, &badAt);
        if (n < 0) {
            out.m_ends.clear();
            out.m_text.resize(0);
            out.error = tr("field %1 is not valid UTF-8 (byte 0x%2 at position %3 of the field); save the file as UTF-8")
                            .arg(i + 1)
                            .arg(uint(uchar(m_raw.at(begin + badAt))), 2, 16, QLatin1Char('0'))
                            .arg(badAt + 1);
            return true;
        }
        written += n;
        out.m_ends.push_back(written);
        begin = end;
    }
    out.m_text.resize(written);
    return true;
}

QString CsvReader::onLine() const
{
    // A quoting problem deep inside a multi-line record is easier to find with its own line number.
    return m_line == m_recordLine ? QString() : tr(" (line %1)").arg(m_line);
}

bool CsvReader::readRecord(CsvRecord &out)
{
    if (m_stopped)
        return false;
    if (!m_started) {
        m_started = true;
        while (m_buf.size() - m_pos < 3 && fill()) {
        }
        if (m_buf.startsWith("\xEF\xBB\xBF"))
            m_pos = 3;
    }
    // Completely empty lines carry no record (typically trailing blank lines).
    for (;;) {
        if (m_pos >= m_buf.size() && !fill()) {
            if (m_ioError.isEmpty() || m_ioReported)
                return false;
            m_recordLine = m_line;
            out.line = m_line;
            m_error.clear();
            return finishRecord(out);
        }
        const char c = m_buf.at(m_pos);
        if (c == '\n') {
            ++m_pos;
            ++m_line;
        } else if (c == '\r' && nextIsLineFeed()) {
            m_pos += 2;
            ++m_line;
        } else {
            break;
        }
    }

    m_recordLine = m_line;
    out.line = m_line;
    m_rawSize = 0;
    m_rawEnds.clear();
    m_error.clear();
    m_tooLong = false;
    State state = State::FieldStart;
    qint64 quoteLine = 0;
    for (;;) {
        if (m_stopped)
            return finishRecord(out);
        if (m_pos >= m_buf.size() && !fill()) {
            // The input ends inside this record: fine unless a quoted field is still open.
            if (state == State::Quoted)
                fail(tr("field %1: the quoted field opened on line %2 is never closed")
                         .arg(m_rawEnds.size() + 1)
                         .arg(quoteLine));
            else if (state != State::SkipLine)
                endField();
            return finishRecord(out);
        }
        const char *const base = m_buf.constData();
        const char *const p = base + m_pos;
        const char *const end = base + m_buf.size();
        switch (state) {
        case State::FieldStart:
            if (*p == '"') {
                quoteLine = m_line;
                state = State::Quoted;
                ++m_pos;
                break;
            }
            state = State::Unquoted;
            [[fallthrough]];
        case State::Unquoted: {
            const char *const q = findSpecial(p, end);
            append(p, q);
            m_pos = q - base;
            if (q == end)
                break;
            if (*q == ',') {
                endField();
                ++m_pos;
                state = State::FieldStart;
            } else if (*q == '\n') {
                endField();
                ++m_pos;
                ++m_line;
                return finishRecord(out);
            } else if (*q == '\r') {
                if (nextIsLineFeed()) {
                    endField();
                    m_pos += 2;
                    ++m_line;
                    return finishRecord(out);
                }
                append(&kCarriageReturn, &kCarriageReturn + 1);
                ++m_pos;
            } else { // a quote
                fail(tr("field %1: a quote inside a field that does not start with a quote%2 "
                        "(enclose the whole field in quotes and double the quote)")
                         .arg(m_rawEnds.size() + 1)
                         .arg(onLine()));
                state = State::SkipLine;
            }
            break;
        }
        case State::Quoted: {
            const void *found = std::memchr(p, '"', size_t(end - p));
            const char *q = found ? static_cast<const char *>(found) : end;
            m_line += std::count(p, q, '\n');
            append(p, q);
            m_pos = q - base;
            if (found) {
                ++m_pos;
                state = State::QuoteInQuoted;
            }
            break;
        }
        case State::QuoteInQuoted:
            // Either the first half of a doubled quote or the closing quote, which must end the field.
            if (*p == '"') {
                append(p, p + 1);
                ++m_pos;
                state = State::Quoted;
                break;
            }
            if (*p == ',') {
                endField();
                ++m_pos;
                state = State::FieldStart;
                break;
            }
            if (*p == '\n' || (*p == '\r' && nextIsLineFeed())) {
                endField();
                m_pos += m_buf.at(m_pos) == '\r' ? 2 : 1;
                ++m_line;
                return finishRecord(out);
            }
            fail(tr("field %1: text after the closing quote%2").arg(m_rawEnds.size() + 1).arg(onLine()));
            state = State::SkipLine;
            break;
        case State::SkipLine: {
            const void *found = std::memchr(p, '\n', size_t(end - p));
            if (!found) {
                m_pos = m_buf.size();
                break;
            }
            m_pos = static_cast<const char *>(found) - base + 1;
            ++m_line;
            return finishRecord(out);
        }
        }
    }
}

} // namespace hotline
