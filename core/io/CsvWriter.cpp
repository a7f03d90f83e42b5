#include "io/CsvWriter.h"

#include <QIODevice>

namespace hotline {
namespace {
constexpr qsizetype kFlushThreshold = 64 * 1024;
}

CsvWriter::CsvWriter(QIODevice *device, LineEnding ending)
    : m_device(device)
    , m_lineEnd(ending == LineEnding::CrLf ? QStringLiteral("\r\n") : QStringLiteral("\n"))
{
}

CsvWriter::CsvWriter(QString *target, LineEnding ending)
    : m_target(target)
    , m_lineEnd(ending == LineEnding::CrLf ? QStringLiteral("\r\n") : QStringLiteral("\n"))
{
}

CsvWriter::~CsvWriter()
{
    flush();
}

bool CsvWriter::needsQuotes(QStringView field)
{
    if (field.isEmpty())
        return false;
    if (field.front() == u' ' || field.back() == u' ')
        return true;
    for (QChar c : field) {
        if (c == u',' || c == u'"' || c == u'\n' || c == u'\r')
            return true;
    }
    return false;
}

QString CsvWriter::escape(QStringView field)
{
    if (!needsQuotes(field))
        return field.toString();
    QString out;
    out.reserve(field.size() + 2);
    out += u'"';
    for (QChar c : field) {
        if (c == u'"')
            out += u'"';
        out += c;
    }
    out += u'"';
    return out;
}

namespace {
bool startsLikeFormula(QStringView cell)
{
    return !cell.isEmpty() && QStringView(u"=+-@\t\r").contains(cell.front());
}
} // namespace

QString CsvWriter::neutralised(QStringView cell)
{
    return startsLikeFormula(cell) ? u'\'' + cell.toString() : cell.toString();
}

QStringView CsvWriter::formulaGuardRemoved(QStringView cell)
{
    return cell.size() > 1 && cell.front() == u'\'' && startsLikeFormula(cell.sliced(1)) ? cell.sliced(1) : cell;
}

void CsvWriter::put(QStringView text)
{
    if (m_target) {
        m_target->append(text);
        return;
    }
    m_pending.append(text);
    if (m_pending.size() >= kFlushThreshold)
        flush();
}

void CsvWriter::writeBom()
{
    put(u"\uFEFF");
}

void CsvWriter::writeField(QStringView field)
{
    if (m_fieldsInRow++ > 0)
        put(u",");
    m_lastFieldEmpty = field.isEmpty();
    if (needsQuotes(field))
        put(escape(field));
    else
        put(field);
}

void CsvWriter::endRow()
{
    // A row of one empty field would be a blank line, which readers skip: write it as "".
    if (m_fieldsInRow == 1 && m_lastFieldEmpty)
        put(u"\"\"");
    put(m_lineEnd);
    m_fieldsInRow = 0;
}

void CsvWriter::writeRow(const QStringList &fields)
{
    for (const QString &f : fields)
        writeField(f);
    endRow();
}

void CsvWriter::writeRow(std::initializer_list<QStringView> fields)
{
    for (QStringView f : fields)
        writeField(f);
    endRow();
}

bool CsvWriter::flush()
{
    if (!m_device || m_pending.isEmpty())
        return !hasError();
    const QByteArray bytes = m_pending.toUtf8();
    m_pending.resize(0);
    if (m_device->write(bytes) != bytes.size() && m_error.isEmpty())
        m_error = tr("could not write the CSV: %1").arg(m_device->errorString());
    return !hasError();
}

} // namespace hotline
