#include "domain/PhoneNumber.h"

#include "domain/TextRules.h"

#include <string_view>

namespace hotline {
namespace {

using namespace std::string_view_literals;

int digitValue(char16_t c)
{
    if (c >= u'0' && c <= u'9')
        return c - u'0';
    if (c >= u'\uFF10' && c <= u'\uFF19') // full-width digits from Chinese input methods
        return c - u'\uFF10';
    return -1;
}

bool isSeparator(char16_t c)
{
    switch (c) {
    case u' ': case u'\t': case u'\u3000': case u'\u00A0':
    case u'-': case u'\uFF0D': case u'\u2010': case u'\u2011': case u'\u2012': case u'\u2013': case u'\u2014':
    case u'.': case u'(': case u')': case u'\uFF08': case u'\uFF09':
        return true;
    default:
        return false;
    }
}

// Length of an extension marker at text[i] (转, 分机, ext, x, #), or 0.
qsizetype extensionMarkerAt(QStringView text, qsizetype i)
{
    const QStringView rest = text.mid(i);
    if (rest.startsWith(u"分机"))
        return 2;
    if (rest.startsWith(u"ext", Qt::CaseInsensitive))
        return 3;
    const char16_t c = rest.front().unicode();
    return (c == u'转' || c == u'x' || c == u'X' || c == u'#' || c == u'\uFF03') ? 1 : 0;
}

bool allDigits(std::string_view s)
{
    for (char c : s) {
        if (c < '0' || c > '9')
            return false;
    }
    return true;
}

// Public short numbers: emergency, carriers, government hotlines, bank/utility 95xxx, local 96xxx, 400/800.
bool isServiceNumber(std::string_view d)
{
    switch (d.size()) {
    case 3:
        return d == "110"sv || d == "112"sv || d == "114"sv || d == "119"sv || d == "120"sv || d == "122"sv;
    case 5:
        return d.starts_with("10"sv) || d.starts_with("12"sv) || d.starts_with("95"sv) || d.starts_with("96"sv);
    case 6:
        return d.starts_with("95"sv) || d.starts_with("96"sv);
    case 10:
        return d.starts_with("400"sv) || d.starts_with("800"sv);
    default:
        return false;
    }
}

QString latin1(std::string_view s)
{
    return QString::fromLatin1(s.data(), qsizetype(s.size()));
}

// The digits of the input, with where each group of digits starts, and a marked extension if any.
struct Scan
{
    char digits[48] = {};
    int count = 0;
    int groupStarts[48] = {};
    int groups = 0;
    char extension[48] = {};
    int extensionCount = 0;
    bool extensionMarked = false;
    bool plus = false;
};

} // namespace

std::optional<PhoneNumber> PhoneNumber::parse(QStringView text, QString *error, Kinds accepted)
{
    const QStringView input = text.trimmed();
    const auto fail = [&](const QString &reason) -> std::optional<PhoneNumber> {
        if (error)
            *error = reason;
        return std::nullopt;
    };
    // Never echo control characters raw: the message may go to a terminal.
    const auto quoted = [&] { return TextRules::visible(input); };
    if (input.isEmpty())
        return fail(tr("the phone number is empty"));
    if (TextRules::length(input) > MaxInputLength)
        return fail(tr("the phone number is longer than %1 characters").arg(MaxInputLength));

    Scan s;
    bool inGroup = false;
    for (qsizetype i = 0; i < input.size();) {
        const char16_t c = input.at(i).unicode();
        const int d = digitValue(c);
        if (d >= 0) {
            if (s.extensionMarked) {
                s.extension[s.extensionCount++] = char('0' + d);
            } else {
                if (!inGroup)
                    s.groupStarts[s.groups++] = s.count;
                s.digits[s.count++] = char('0' + d);
                inGroup = true;
            }
            ++i;
            continue;
        }
        inGroup = false;
        if ((c == u'+' || c == u'\uFF0B') && s.count == 0 && !s.plus) {
            s.plus = true;
            ++i;
        } else if (isSeparator(c)) {
            ++i;
        } else if (const qsizetype m = extensionMarkerAt(input, i); m > 0 && s.count > 0 && !s.extensionMarked) {
            s.extensionMarked = true;
            i += m;
        } else {
            return fail(tr("“%1” contains “%2”, which cannot be part of a phone number")
                            .arg(quoted(), TextRules::visible(input.mid(i, QChar::isHighSurrogate(c) ? 2 : 1))));
        }
    }
    if (s.count == 0)
        return fail(tr("“%1” contains no digits").arg(quoted()));
    if (s.extensionMarked && s.extensionCount == 0)
        return fail(tr("“%1” marks an extension but gives no extension digits").arg(quoted()));

    // Strip the country code. A bare "86" only counts before a complete mobile number: "86280000" is local.
    std::string_view all(s.digits, size_t(s.count));
    int offset = 0;
    bool international = false;
    if (s.plus) {
        if (!all.starts_with("86"sv))
            return fail(tr("“%1” is not a mainland China number (+86)").arg(quoted()));
        offset = 2;
        international = true;
    } else if (all.starts_with("0086"sv)) {
        offset = 4;
        international = true;
    } else if (all.size() == 13 && all.starts_with("861"sv)) {
        offset = 2;
    }
    // After +86 a landline drops its trunk 0 ("+86 757 …", "+86 10 …" for Beijing, while no mobile starts
    // with 10); put it back. "+86 (0)757 …" keeps it.
    char national[49] = {};
    int nationalCount = 0;
    int groupShift = -offset;
    const bool mobileAhead = offset + 1 < s.count && s.digits[offset] == '1' && s.digits[offset + 1] != '0';
    if (international && offset < s.count && s.digits[offset] != '0' && !mobileAhead) {
        national[nationalCount++] = '0';
        ++groupShift;
    }
    for (int k = offset; k < s.count; ++k)
        national[nationalCount++] = s.digits[k];
    const std::string_view d(national, size_t(nationalCount));
    // Start of the last digit group, in d's coordinates (0 when there is only one group).
    const int lastGroup = s.groups > 0 ? std::max(0, s.groupStarts[s.groups - 1] + groupShift) : 0;
    if (d.empty())
        return fail(tr("“%1” has only a country code").arg(quoted()));

    PhoneNumber result;
    const auto accept = [&](Kind kind) -> std::optional<PhoneNumber> {
        if (!accepted.testFlag(kind)) {
            switch (kind) {
            case Kind::Service:
                return fail(tr("“%1” is a service number (such as 12345 or 95588); a mobile or landline number "
                               "is needed here").arg(quoted()));
            case Kind::Mobile:
                return fail(tr("“%1” is a mobile number; a landline number is needed here").arg(quoted()));
            case Kind::Landline:
                return fail(tr("“%1” is a landline number; a mobile number is needed here").arg(quoted()));
            }
        }
        result.m_kind = kind;
        return result;
    };

    if (!international && !s.extensionMarked && isServiceNumber(d)) {
        result.m_digits = latin1(d);
        return accept(Kind::Service);
    }

    if (d[0] == '1') {
        if (s.extensionMarked || d.size() != 11 || d[1] < '3') {
            if (d.size() != 11)
                return fail(tr("“%1” is not a valid mobile number: it has %2 digits, a mobile number has 11")
                                .arg(quoted())
                                .arg(d.size()));
            if (d[1] < '3')
                return fail(tr("“%1” is not a valid mobile number: mobile numbers start with 13 to 19")
                                .arg(quoted()));
            return fail(tr("“%1”: a mobile number has no extension").arg(quoted()));
        }
        result.m_digits = latin1(d);
        return accept(Kind::Mobile);
    }

    if (d[0] == '0') {
        if (d.size() >= 2 && d[1] == '0')
            return fail(tr("“%1” is an international number; only mainland China numbers are accepted").arg(quoted()));
        // Area codes 010 and 02x are short; every other area code has four digits with the trunk 0.
        const bool bigCity = d.size() >= 2 && (d[1] == '1' || d[1] == '2');
        const size_t areaLength = bigCity ? 3 : 4;
        if (d.size() < areaLength || (d[1] == '1' && d[2] != '0'))
            return fail(tr("“%1” has no valid area code (010, 02x, or four digits such as 0757)").arg(quoted()));
        const std::string_view area = d.substr(0, areaLength);
        const std::string_view rest = d.substr(areaLength);
        const size_t minLength = bigCity ? 8 : 7; // the big cities all have eight-digit numbers
        const auto fits = [&](std::string_view n) { return n.size() >= minLength && n.size() <= 8; };
        std::string_view number = rest;
        std::string_view extension;
        if (s.extensionMarked) {
            extension = std::string_view(s.extension, size_t(s.extensionCount));
        } else if (lastGroup > int(areaLength) && fits(d.substr(areaLength, size_t(lastGroup) - areaLength))) {
            // A last group after an already complete number is an extension: 0757-86280000-123.
            number = d.substr(areaLength, size_t(lastGroup) - areaLength);
            extension = d.substr(size_t(lastGroup));
        }
        if (!fits(number)) {
            return fail(bigCity ? tr("“%1” is not a valid landline number: after the area code %2 it needs 8 digits")
                                      .arg(quoted(), latin1(area))
                                : tr("“%1” is not a valid landline number: after the area code %2 it needs 7 or 8 digits")
                                      .arg(quoted(), latin1(area)));
        }
        if (number[0] == '0')
            return fail(tr("“%1” is not a valid landline number: the number after the area code cannot start with 0")
                            .arg(quoted()));
        if (extension.size() > 6 || !allDigits(extension))
            return fail(tr("“%1”: an extension has at most 6 digits").arg(quoted()));
        result.m_area = latin1(area);
        result.m_digits = latin1(number);
        result.m_extension = latin1(extension);
        return accept(Kind::Landline);
    }

    if (!international && (d.size() == 7 || d.size() == 8) && !s.extensionMarked)
        return fail(tr("“%1” has no area code; write it like 0757-%2").arg(quoted(), latin1(d)));
    return fail(tr("“%1” is not a mainland China phone number (mobile like 13812345678 or landline like "
                   "0757-86280000)").arg(quoted()));
}

QString PhoneNumber::normalized() const
{
    if (m_kind != Kind::Landline)
        return m_digits;
    QString s = m_area + u'-' + m_digits;
    if (!m_extension.isEmpty())
        s += u'-' + m_extension;
    return s;
}

QString PhoneNumber::masked() const
{
    switch (m_kind) {
    case Kind::Mobile:
        return m_digits.left(3) + QStringLiteral("****") + m_digits.right(4);
    case Kind::Landline: {
        QString s = m_area + u'-' + QString(m_digits.size() - 4, u'*') + m_digits.right(4);
        if (!m_extension.isEmpty())
            s += u'-' + m_extension;
        return s;
    }
    case Kind::Service:
        break;
    }
    return m_digits;
}

QString maskPhone(QStringView text)
{
    if (const auto phone = PhoneNumber::parse(text, nullptr, PhoneNumber::Any))
        return phone->masked();
    QString digits;
    for (QChar c : text) {
        if (const int d = digitValue(c.unicode()); d >= 0)
            digits += QChar(u'0' + d);
    }
    const qsizetype n = digits.size();
    if (n >= 8)
        return digits.left(3) + QString(n - 7, u'*') + digits.right(4);
    if (n >= 4)
        return QString(n - 2, u'*') + digits.right(2);
    return QString(n, u'*');
}

} // namespace hotline
