#include "board/CallerPrivacy.h"

#include "domain/PhoneNumber.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace hotline {

bool CallerPrivacy::showsCallerInFull(Role role)
{
    switch (role) {
    case Role::CallTaker:
    case Role::Dispatcher:
    case Role::Liaison:
    case Role::Supervisor:
    case Role::System:
        return true;
    case Role::Administrator:
        return false;
    }
    return false;
}

QString CallerPrivacy::phoneFor(Role role, const QString &phone)
{
    if (phone.trimmed().isEmpty())
        return tr("—");
    return showsCallerInFull(role) ? phone : maskPhone(phone);
}

QString CallerPrivacy::nameFor(Role role, const QString &name)
{
    if (name.trimmed().isEmpty())
        return tr("anonymous");
    return showsCallerInFull(role) ? name : maskName(name);
}

QString CallerPrivacy::maskName(const QString &name)
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty())
        return {};
    // Count characters, not UTF-16 units, so a name with a rare (surrogate pair) character keeps its length.
    const qsizetype first = trimmed.at(0).isHighSurrogate() && trimmed.size() > 1 ? 2 : 1;
    const qsizetype characters = trimmed.toUcs4().size();
    return trimmed.left(first) + QString(std::max<qsizetype>(1, characters - 1), u'*');
}

QString CallerPrivacy::scrubPhoneNumbers(const QString &text)
{
    // Digits possibly grouped by spaces or dashes ("138 1234 5678", "0757-8628 0000"), ASCII or full width.
    static const QRegularExpression digits(u"[0-9０-９](?:[ \\-]?[0-9０-９]){6,}"_s);
    QString out;
    qsizetype last = 0;
    auto it = digits.globalMatch(text);
    static const QRegularExpression longRun(u"[0-9０-９]{7,}"_s);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        // A grouped run is a phone number when it has a long unbroken part (landline subscriber) or the
        // shape of a mobile or trunk-dialled number; "2025-03-03" and similar dates stay readable.
        QString digitsOnly;
        for (const QChar c : m.capturedView()) {
            if (c.isDigit())
                digitsOnly += QChar(u'0' + c.digitValue());
        }
        const bool phoneLike = longRun.match(m.capturedView()).hasMatch()
            || (digitsOnly.startsWith(u'1') && digitsOnly.size() == 11)
            || (digitsOnly.startsWith(u'0') && digitsOnly.size() >= 10);
        if (!phoneLike)
            continue;
        out += QStringView(text).sliced(last, m.capturedStart() - last);
        out += maskPhone(m.capturedView());
        last = m.capturedEnd();
    }
    if (out.isEmpty() && last == 0)
        return text;
    out += QStringView(text).sliced(last);
    return out;
}

} // namespace hotline
