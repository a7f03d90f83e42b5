#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringView>

namespace hotline {

/**
 * How a caller appears wherever the full identity is not needed (PRODUCT §8 "Private"): every list, table,
 * board, the wall display and masked exports. One set of rules so that a number looks the same everywhere:
 * - mobile `138****5678`; landline `0757-****0000` (area code and last four digits kept, extension kept);
 * - public service numbers (12345, 95xxx, 400…) stay as they are: they identify no person;
 * - anything that does not parse: 11+ digits keep the first 3 and last 4 (like a mobile), 7–10 digits only
 *   the last 4 (like a landline without area code), 4–6 digits the last 2, fewer are starred whole; letters
 *   are never shown (they might be a name);
 * - full-width digits count as digits; a name keeps its first character: 张三 → 张*, 欧阳娜娜 → 欧***.
 * Whether someone may see the caller in full is the permission table's ViewCallerInFull (see CallerReveal).
 */
class CallerPrivacy final
{
    Q_DECLARE_TR_FUNCTIONS(CallerPrivacy)

public:
    /** The masked phone number; empty for an empty one. */
    static QString maskPhone(QStringView phone);
    /** The masked name; empty for an empty one. */
    static QString maskName(QStringView name);
    /** For lists: the masked phone, or "—" when there is none. */
    static QString shownPhone(const QString &phone);
    /** For lists: the masked name, or "anonymous" when there is none. */
    static QString shownName(const QString &name);
    /** Masks every phone-like run of digits in free text (a number typed into a summary); dates stay. */
    static QString scrubPhoneNumbers(const QString &text);
};

} // namespace hotline
