#include "io/CsvTableReader.h"

#include "domain/TextRules.h"

#include <QFile>

namespace hotline {

CsvTableReader::CsvTableReader(QIODevice *device, QStringList columns)
    : m_columns(std::move(columns))
    , m_device(device)
    , m_csv(std::make_unique<CsvReader>(device))
{
}

CsvTableReader::CsvTableReader(const QString &path, QStringList columns)
    : m_columns(std::move(columns))
    , m_file(std::make_unique<QFile>(path))
{
    if (!m_file->open(QIODevice::ReadOnly)) {
        m_openError = tr("cannot open %1: %2").arg(path, m_file->errorString());
        return;
    }
    m_device = m_file.get();
    m_csv = std::make_unique<CsvReader>(m_device);
}

CsvTableReader::~CsvTableReader() = default;

void CsvTableReader::setLimits(qint64 maxBytes, qint64 maxRows)
{
    if (m_csv)
        m_csv->setMaxInputBytes(maxBytes);
    m_maxRows = maxRows;
}

qint64 CsvTableReader::totalBytes() const
{
    return m_device && !m_device->isSequential() ? m_device->size() : 0;
}

CsvTableReader::Next CsvTableReader::next(qint64 &line, QString &error)
{
    if (m_finished || !m_csv)
        return Next::End;
    if (!m_headerDone) {
        m_headerDone = true;
        if (!readHeader(line, error)) {
            m_finished = true;
            return Next::Error;
        }
    }
    if (!m_csv->readRecord(m_record)) {
        m_finished = true;
        return Next::End;
    }
    line = m_record.line;
    if (m_maxRows > 0 && ++m_rows > m_maxRows) {
        m_finished = true;
        error = tr("the file has more than %1 data rows, the most this command reads; nothing after that was read")
                    .arg(m_maxRows);
        return Next::Error;
    }
    if (!m_record.isValid()) {
        error = m_record.error;
        return Next::Error;
    }
    if (m_record.fieldCount() != m_columns.size()) {
        error = tr("expected %1 fields but found %2").arg(m_columns.size()).arg(m_record.fieldCount());
        return Next::Error;
    }
    return Next::Row;
}

bool CsvTableReader::readHeader(qint64 &line, QString &error)
{
    if (!m_csv->readRecord(m_record)) {
        line = 1;
        error = tr("the file is empty; its first line must be the header %1").arg(m_columns.join(u','));
        return false;
    }
    line = m_record.line;
    if (!m_record.isValid()) {
        error = tr("header: %1").arg(m_record.error);
        return false;
    }
    const auto index = mapHeader(m_record, m_columns, &error);
    if (!index)
        return false;
    m_index = *index;
    return true;
}

std::optional<QList<int>> CsvTableReader::mapHeader(const CsvRecord &header, const QStringList &expected,
                                                    QString *error)
{
    QList<int> index(expected.size(), -1);
    QStringList unknown;
    QStringList repeated;
    for (qsizetype f = 0; f < header.fieldCount(); ++f) {
        const QStringView name = header.field(f).trimmed();
        const qsizetype column = expected.indexOf(name);
        if (column < 0)
            unknown.append(name.isEmpty() ? tr("(empty)") : TextRules::visible(name)); // never raw controls
        else if (index[column] >= 0)
            repeated.append(name.toString());
        else
            index[column] = int(f);
    }
    QStringList missing;
    for (qsizetype c = 0; c < expected.size(); ++c) {
        if (index[c] < 0)
            missing.append(expected[c]);
    }
    if (missing.isEmpty() && unknown.isEmpty() && repeated.isEmpty())
        return index;

    if (error) {
        const QString separator = tr(", ");
        QStringList problems;
        if (!missing.isEmpty())
            problems.append(tr("missing column(s) %1").arg(missing.join(separator)));
        if (!unknown.isEmpty())
            problems.append(tr("unknown column(s) %1").arg(unknown.join(separator)));
        if (!repeated.isEmpty())
            problems.append(tr("repeated column(s) %1").arg(repeated.join(separator)));
        *error = tr("bad header: %1; the first line must name the columns %2")
                     .arg(problems.join(tr("; ")), expected.join(u','));
    }
    return std::nullopt;
}

} // namespace hotline
