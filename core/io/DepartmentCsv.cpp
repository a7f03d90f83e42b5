#include "io/DepartmentCsv.h"

#include "domain/PhoneNumber.h"
#include "domain/TextRules.h"

namespace hotline {
namespace {

using namespace Qt::StringLiterals;

bool hasSpaceOrControl(QStringView s)
{
    for (QChar c : s) {
        if (c.isSpace() || c.category() == QChar::Other_Control || TextRules::isForbidden(c.unicode()))
            return true;
    }
    return false;
}

} // namespace

const QStringList &DepartmentCsvReader::columns()
{
    static const QStringList kColumns{u"name"_s, u"code"_s, u"duty_phones"_s, u"head_phone"_s};
    return kColumns;
}

DepartmentCsvReader::DepartmentCsvReader(QIODevice *device)
    : m_table(device, columns())
{
    m_table.setLimits(DepartmentCsvLimits::InputBytes, DepartmentCsvLimits::Rows);
}

DepartmentCsvReader::DepartmentCsvReader(const QString &path)
    : m_table(path, columns())
{
    m_table.setLimits(DepartmentCsvLimits::InputBytes, DepartmentCsvLimits::Rows);
}

bool DepartmentCsvReader::readRow(DepartmentCsvResult &result)
{
    result.department = DepartmentRow{};
    result.error.clear();
    switch (m_table.next(result.line, result.error)) {
    case CsvTableReader::Next::End:
        return false;
    case CsvTableReader::Next::Error:
        return true;
    case CsvTableReader::Next::Row:
        break;
    }
    validate(result);
    return true;
}

void DepartmentCsvReader::validate(DepartmentCsvResult &result)
{
    DepartmentRow &d = result.department;
    QStringList problems;

    const QStringView name = value(Name);
    if (name.isEmpty()) {
        problems.append(tr("name is empty"));
    } else if (const auto bad = TextRules::firstForbidden(name)) {
        problems.append(tr("name “%1” contains the invisible or control character %2")
                            .arg(TextRules::visible(name), TextRules::codePoint(*bad)));
    } else if (TextRules::length(name) > DepartmentCsvLimits::Name) {
        problems.append(tr("name is longer than %1 characters").arg(DepartmentCsvLimits::Name));
    } else {
        d.name = name.toString();
        if (const qint64 first = m_names.insert(d.name.toCaseFolded(), result.line))
            problems.append(tr("name “%1” already appears on line %2").arg(d.name).arg(first));
    }

    const QStringView code = value(Code);
    if (code.isEmpty()) {
        problems.append(tr("code is empty"));
    } else if (hasSpaceOrControl(code)) {
        problems.append(tr("code “%1” contains spaces or control characters").arg(TextRules::visible(code)));
    } else if (TextRules::length(code) > DepartmentCsvLimits::Code) {
        problems.append(tr("code is longer than %1 characters").arg(DepartmentCsvLimits::Code));
    } else {
        d.code = code.toString();
        if (const qint64 first = m_codes.insert(d.code.toCaseFolded(), result.line))
            problems.append(tr("code “%1” already appears on line %2").arg(d.code).arg(first));
    }

    // "a; b；c;" — empty pieces (a trailing separator) are ignored, repeats dropped.
    const QStringView duty = value(DutyPhones);
    qsizetype start = 0;
    for (qsizetype i = 0; i <= duty.size(); ++i) {
        if (i < duty.size() && duty[i] != u';' && duty[i] != u'；')
            continue;
        const QStringView piece = duty.mid(start, i - start).trimmed();
        start = i + 1;
        if (piece.isEmpty())
            continue;
        QString why;
        if (const auto phone = PhoneNumber::parse(piece, &why, PhoneNumber::Personal)) {
            const QString normalized = phone->normalized();
            if (!d.dutyPhones.contains(normalized))
                d.dutyPhones.append(normalized);
        } else {
            problems.append(tr("duty_phones: %1").arg(why));
        }
    }
    if (d.dutyPhones.size() > DepartmentCsvLimits::DutyPhones)
        problems.append(tr("duty_phones lists more than %1 numbers").arg(DepartmentCsvLimits::DutyPhones));

    if (const QStringView head = value(HeadPhone); !head.isEmpty()) {
        QString why;
        if (const auto phone = PhoneNumber::parse(head, &why, PhoneNumber::Personal))
            d.headPhone = phone->normalized();
        else
            problems.append(tr("head_phone: %1").arg(why));
    }

    result.error = problems.join(tr("; "));
}

} // namespace hotline
