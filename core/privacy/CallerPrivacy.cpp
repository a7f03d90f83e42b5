#include "privacy/CallerPrivacy.h"

#include "domain/PhoneNumber.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace hotline {

QString CallerPrivacy::maskPhone(QStringView phone)
{
    phone = phone.trimmed();
    if (phone.isEmpty())
        return {};
    if (const auto parsed = PhoneNumber::parse(phone, nullptr, PhoneNumber::Any))
        return parsed->masked();
    // Not a number we know (typed without area code, foreign, garbled): show only digits, never more than a
    // parsed number of the same length would show.
    QString digits;
    for (const QChar c : phone) {
        if (c.isDigit())
            digits += QChar(u'0' + c.digitValue());
    }
    const qsizetype n = digits.size();
    if (n >= 11)
        return digits.left(3) + QString(n - 7, u'*') + digits.right(4); // like a mobile
    if (n >= 7)
        return QString(n - 4, u'*') + digits.right(4); // like a landline's subscriber number
    if (n >= 4)
        return QString(n - 2, u'*') + digits.right(2);
    return QString(std::max<qsizetype>(n, 1), u'*');
}

QString CallerPrivacy::maskName(QStringView name)
{
    const QStringView trimmed = name.trimmed();
    if (trimmed.isEmpty())
        return {};
    // Count characters, not UTF-16 units, so a name with a rare (surrogate pair) character keeps its length.
    const qsizetype first = trimmed.at(0).isHighSurrogate() && trimmed.size() > 1 ? 2 : 1;
    const qsizetype characters = trimmed.toUcs4().size();
    return trimmed.left(first).toString() + QString(std::max<qsizetype>(1, characters - 1), u'*');
}

QString CallerPrivacy::shownPhone(const QString &phone)
{
    return phone.trimmed().isEmpty() ? tr("—") : maskPhone(phone);
}

QString CallerPrivacy::shownName(const QString &name)
{
    return name.trimmed().isEmpty() ? tr("anonymous") : maskName(name);
}

QString CallerPrivacy::scrubPhoneNumbers(const QString &text)
{
    // Digits possibly grouped by spaces, dashes, dots or parentheses ("138 1234 5678", "0757-8628 0000",
    // "139.1234.5678", "(0757) 8628 0000"), with a country code ("+86 139-1234-5678", "86-139…"), ASCII or full
    // width. A leading parenthesis belongs to the number only around an area code.
    static const QRegularExpression digits(
        u"(?:[+＋]|[(（](?=[0０][0-9０-９]{2,3}[)）]))?[0-9０-９](?:[ \\-.()（）　]{0,2}[0-9０-９]){6,}"_s);
    static const QRegularExpression longRun(u"[0-9０-９]{7,}"_s);
    QString out;
    qsizetype last = 0;
    auto it = digits.globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        QString digitsOnly;
        for (const QChar c : m.capturedView()) {
            if (c.isDigit())
                digitsOnly += QChar(u'0' + c.digitValue());
        }
        const bool international = m.capturedView().front() == u'+' || m.capturedView().front() == u'＋';
        // +86 / 86 before a mobile (13 digits) or an area code and subscriber number (12-13 digits).
        QString national = digitsOnly;
        const bool country = digitsOnly.startsWith(u"86"_s) && digitsOnly.size() >= 12 && digitsOnly.size() <= 13;
        if (country) {
            national = digitsOnly.mid(2);
            if (!national.startsWith(u'1') && !national.startsWith(u'0'))
                national.prepend(u'0'); // +86 757 … is 0757 … at home
        }
        // A grouped run is a phone number when it has a long unbroken part (landline subscriber), a country code,
        // or the shape of a mobile or trunk-dialled number; "2025-03-03" and similar dates stay readable.
        const bool phoneLike = longRun.match(m.capturedView()).hasMatch() || country
            || (international && digitsOnly.size() >= 8)
            || (national.startsWith(u'1') && national.size() == 11)
            || (national.startsWith(u'0') && national.size() >= 10);
        if (!phoneLike)
            continue;
        out += QStringView(text).sliced(last, m.capturedStart() - last);
        out += maskPhone(national); // as in the caller column: 138****5678, 0757-****0000
        last = m.capturedEnd();
    }
    if (last == 0)
        return text;
    out += QStringView(text).sliced(last);
    return out;
}

} // namespace hotline
