#include "domain/TextRules.h"

using namespace Qt::StringLiterals;

namespace hotline::TextRules {
namespace {

// Calls f(codePoint, firstUnit, unitCount) for each code point of s.
template<typename F> void forEachCodePoint(QStringView s, F &&f)
{
    for (qsizetype i = 0; i < s.size();) {
        const QChar c = s[i];
        if (c.isHighSurrogate() && i + 1 < s.size() && s[i + 1].isLowSurrogate()) {
            f(QChar::surrogateToUcs4(c, s[i + 1]), i, qsizetype(2));
            i += 2;
        } else {
            f(char32_t(c.unicode()), i, qsizetype(1));
            ++i;
        }
    }
}

bool isLineSpace(char32_t c)
{
    return c == u'\t' || c == u'\n' || c == u'\r';
}

} // namespace

qsizetype length(QStringView s)
{
    qsizetype n = 0;
    forEachCodePoint(s, [&](char32_t, qsizetype, qsizetype) { ++n; });
    return n;
}

bool isForbidden(char32_t c)
{
    if (c < 0x20 || (c >= 0x7F && c <= 0x9F))
        return true;
    switch (c) {
    case 0x061C: // arabic letter mark
    case 0x200B:
    case 0x200C:
    case 0x200D: // zero-width space, non-joiner, joiner
    case 0x200E:
    case 0x200F: // left-to-right and right-to-left marks
    case 0x202A:
    case 0x202B:
    case 0x202C:
    case 0x202D:
    case 0x202E: // bidi embeddings and overrides
    case 0x2060: // word joiner
    case 0x2066:
    case 0x2067:
    case 0x2068:
    case 0x2069: // bidi isolates
    case 0xFEFF: // zero-width no-break space (byte order mark)
        return true;
    default:
        return false;
    }
}

std::optional<char32_t> firstForbidden(QStringView s)
{
    // Plain text (the usual case) is checked without decoding surrogate pairs: none of them is forbidden.
    for (QChar c : s) {
        if (isForbidden(c.unicode()))
            return char32_t(c.unicode());
    }
    return std::nullopt;
}

QString stripped(QStringView s, Lines lines)
{
    if (!firstForbidden(s))
        return s.toString();
    QString out;
    out.reserve(s.size());
    for (QChar c : s) {
        const char32_t u = c.unicode();
        if (!isForbidden(u) || (lines == Lines::Keep && isLineSpace(u)))
            out.append(c);
    }
    return out;
}

QString codePoint(char32_t c)
{
    return u"U+%1"_s.arg(uint(c), 4, 16, QLatin1Char('0')).toUpper();
}

QString visible(QStringView s)
{
    if (!firstForbidden(s))
        return s.toString();
    QString out;
    out.reserve(s.size() + 16);
    for (QChar c : s) {
        if (isForbidden(c.unicode()))
            out += u"\\u"_s + QString::number(c.unicode(), 16).toUpper().rightJustified(4, u'0');
        else
            out.append(c);
    }
    return out;
}

} // namespace hotline::TextRules
