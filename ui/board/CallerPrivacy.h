#pragma once

#include "auth/Actor.h"

#include <QCoreApplication>
#include <QString>

namespace hotline {

/**
 * Who sees a caller's name and phone number in full (PRODUCT §8 "Private"). The rule, per role:
 * - call-taker: in full — they took the call and look the caller up by number;
 * - dispatcher: in full — they make the satisfaction callback;
 * - department liaison: in full, for their own department's tickets only (the only ones they can open) —
 *   the department has to contact the citizen to handle the request;
 * - supervisor: in full — supervision and the discipline office review everything;
 * - administrator: masked — reports, users and calendars need no caller identity;
 * - public displays (the wall) never show a caller at all, masked or not.
 */
class CallerPrivacy final
{
    Q_DECLARE_TR_FUNCTIONS(CallerPrivacy)

public:
    static bool showsCallerInFull(Role role);
    /** The phone number as this role may see it ("138****5678" when masked); "—" when there is none. */
    static QString phoneFor(Role role, const QString &phone);
    /** The name as this role may see it ("张*" when masked); "anonymous" when there is none. */
    static QString nameFor(Role role, const QString &name);
    /** Keeps the first character and stars the rest: 张三 → 张*, 欧阳娜娜 → 欧***. */
    static QString maskName(const QString &name);
    /** Masks every run of 7 or more digits (a phone number typed into a summary) for public displays. */
    static QString scrubPhoneNumbers(const QString &text);
};

} // namespace hotline
