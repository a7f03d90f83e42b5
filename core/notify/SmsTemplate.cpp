#include "notify/SmsTemplate.h"

#include "storage/Settings.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace hotline {

QString SmsTemplate::check(const QString &text)
{
    if (text.trimmed().isEmpty())
        return tr("The SMS template is empty.");
    const QString why = Settings::validate(u"sms.template"_s, text);
    return why.isEmpty() ? QString() : tr("The SMS template cannot be used: %1").arg(why);
}

QString SmsTemplate::render(const QString &text, const Values &values, QString *error)
{
    const QString why = check(text);
    if (!why.isEmpty()) {
        *error = why;
        return {};
    }
    return fill(text, values);
}

QString SmsTemplate::checkCitizen(const QString &text)
{
    if (text.trimmed().isEmpty())
        return tr("The SMS template is empty.");
    const QString why = Settings::validate(u"sms.citizen.replied_template"_s, text);
    return why.isEmpty() ? QString() : tr("The SMS template cannot be used: %1").arg(why);
}

QString SmsTemplate::renderCitizen(const QString &text, const Values &values, QString *error)
{
    const QString why = checkCitizen(text);
    if (!why.isEmpty()) {
        *error = why;
        return {};
    }
    Values v = values;
    const QString reply = v.reply.simplified(); // one line: an SMS has no room for the reply's layout
    v.reply = reply.size() > kMaxReply ? reply.left(kMaxReply - 1) + u'…' : reply;
    return fill(text, v);
}

QString SmsTemplate::fill(const QString &text, const Values &values)
{
    // One pass, so a value that happens to contain "{deadline}" is never read as a placeholder itself.
    static const QRegularExpression placeholder(u"\\{([a-z]+)\\}"_s);
    QString out;
    qsizetype from = 0;
    auto it = placeholder.globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        out += QStringView(text).mid(from, m.capturedStart() - from);
        const QString name = m.captured(1);
        if (name == u"number"_s)
            out += values.number;
        else if (name == u"department"_s)
            out += values.department;
        else if (name == u"remaining"_s)
            out += values.remaining;
        else if (name == u"reply"_s)
            out += values.reply;
        else
            out += values.deadline; // check() admits no other name
        from = m.capturedEnd();
    }
    out += QStringView(text).mid(from);
    return out;
}

} // namespace hotline
