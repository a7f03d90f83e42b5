#pragma once

#include <QCoreApplication>
#include <QString>

namespace hotline {

/** The text of a reminder or urging SMS: a configurable template with {number} {department} {remaining} {deadline};
 *  or of an SMS to the caller, with {number} {department} {reply}. */
class SmsTemplate final
{
    Q_DECLARE_TR_FUNCTIONS(SmsTemplate)

public:
    /** What the placeholders stand for in one message. */
    struct Values
    {
        QString number;     ///< ticket number
        QString department; ///< department name
        QString remaining;  ///< remaining working time, "overdue …" past the deadline
        QString deadline;   ///< local date and time of the deadline
        QString reply;      ///< the department's reply (SMS to the caller only)
    };

    /** Empty when text can be used as a template, otherwise the reason (same rules as `config set sms.template`). */
    static QString check(const QString &text);
    /** Fills the placeholders; a null string with error set when the template is not usable. */
    static QString render(const QString &text, const Values &values, QString *error);

    /** The same for an SMS to the caller ({number} {department} {reply}, `sms.citizen.*_template`). */
    static QString checkCitizen(const QString &text);
    static QString renderCitizen(const QString &text, const Values &values, QString *error);
    /** A reply shortened for an SMS: at most this many characters, the cut marked with "…". */
    static constexpr int kMaxReply = 200;

private:
    static QString fill(const QString &text, const Values &values);
};

} // namespace hotline
