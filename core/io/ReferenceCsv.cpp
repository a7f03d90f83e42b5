#include "io/ReferenceCsv.h"

#include "domain/Enums.h"

using namespace Qt::StringLiterals;

namespace hotline {
namespace {

enum Column { Code, Name, Department, Class };

/** Calls f with each code point of text; a lone surrogate half is passed as U+FFFF (a noncharacter). */
template<typename F> void forEachCodePoint(QStringView text, F f)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (c.isHighSurrogate() && i + 1 < text.size() && text[i + 1].isLowSurrogate()) {
            f(QChar::surrogateToUcs4(c, text[i + 1]));
            ++i;
        } else {
            f(c.isSurrogate() ? char32_t(0xFFFF) : char32_t(c.unicode()));
        }
    }
}

} // namespace

qsizetype ReferenceText::length(QStringView text)
{
    qsizetype n = 0;
    forEachCodePoint(text, [&n](char32_t) { ++n; });
    return n;
}

bool ReferenceText::isAllowed(char32_t c)
{
    if (QChar::isNonCharacter(c))
        return false;
    switch (QChar::category(c)) {
    case QChar::Other_Control: // NUL, ESC, DEL, C1
    case QChar::Other_Format: // bidi overrides, zero-width space/joiners, BOM
    case QChar::Other_Surrogate: // a lone half of a pair
    case QChar::Separator_Line: // U+2028
    case QChar::Separator_Paragraph: // U+2029
        return false;
    default:
        return true;
    }
}

QString ReferenceText::problem(QStringView value, const QString &field, qsizetype limit, bool isCode)
{
    if (value.isEmpty())
        return tr("%1 is empty").arg(field);
    if (length(value) > limit)
        return tr("%1 is longer than %2 characters").arg(field).arg(limit);
    bool forbidden = false;
    bool space = false;
    forEachCodePoint(value, [&](char32_t c) {
        forbidden |= !isAllowed(c);
        space |= isCode && QChar::isSpace(c);
    });
    if (forbidden)
        return tr("%1 “%2” contains control or invisible characters").arg(field, shown(value));
    if (space)
        return tr("%1 “%2” contains spaces").arg(field, shown(value));
    return {};
}

QString ReferenceText::shown(QStringView text)
{
    QString out;
    out.reserve(text.size());
    forEachCodePoint(text, [&out](char32_t c) {
        if (isAllowed(c))
            out += QString::fromUcs4(&c, 1);
        else
            out += u"\\u{"_s + QString::number(uint(c), 16).toUpper() + u'}';
    });
    return out;
}

QStringList ReferenceCsvReader::columns(ReferenceKind kind)
{
    if (kind == ReferenceKind::Categories)
        return {u"code"_s, u"name"_s, u"department"_s, u"class"_s};
    return {u"code"_s, u"name"_s};
}

ReferenceCsvReader::ReferenceCsvReader(ReferenceKind kind, QIODevice *device)
    : m_kind(kind)
    , m_table(device, columns(kind))
{
}

ReferenceCsvReader::ReferenceCsvReader(ReferenceKind kind, const QString &path)
    : m_kind(kind)
    , m_table(path, columns(kind))
{
}

bool ReferenceCsvReader::readRow(ReferenceCsvRow &row)
{
    row = ReferenceCsvRow {};
    switch (m_table.next(row.line, row.error)) {
    case CsvTableReader::Next::End:
        return false;
    case CsvTableReader::Next::Error:
        return true;
    case CsvTableReader::Next::Row:
        break;
    }
    validate(row);
    return true;
}

void ReferenceCsvReader::validate(ReferenceCsvRow &row)
{
    QStringList problems;
    const QStringView code = m_table.value(Code);
    if (QString why = ReferenceText::problem(code, u"code"_s, ReferenceLimits::Code, true); !why.isEmpty()) {
        problems << why;
    } else {
        row.code = code.toString();
        if (const qint64 first = m_codes.insert(row.code.toCaseFolded(), row.line))
            problems << tr("code “%1” already appears on line %2").arg(row.code).arg(first);
    }
    const QStringView name = m_table.value(Name);
    if (QString why = ReferenceText::problem(name, u"name"_s, ReferenceText::nameLimit(m_kind), false);
        !why.isEmpty()) {
        problems << why;
    } else {
        row.name = name.toString();
        if (const qint64 first = m_names.insert(row.name.toCaseFolded(), row.line))
            problems << tr("name “%1” already appears on line %2").arg(row.name).arg(first);
    }
    if (m_kind == ReferenceKind::Categories) {
        const QStringView department = m_table.value(Department);
        // A department is named by its code or its name (the importer resolves it), so the longer limit applies.
        if (!department.isEmpty()) {
            if (QString why = ReferenceText::problem(department, u"department"_s, ReferenceLimits::CategoryName, false);
                !why.isEmpty())
                problems << why;
            else
                row.department = department.toString();
        }
        const QString cls = m_table.value(Class).toString().toLower();
        if (!cls.isEmpty() && !slaClassFromCode(cls))
            problems << tr("class “%1” is not consult or handling (leave it empty to follow the ticket type)")
                            .arg(ReferenceText::shown(m_table.value(Class)));
        else
            row.slaClass = cls;
    }
    row.error = problems.join(u"; "_s);
}

} // namespace hotline
