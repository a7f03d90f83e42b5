#pragma once

#include <QCoreApplication>
#include <QFlags>
#include <QString>
#include <QStringView>

#include <optional>

namespace hotline {

/**
 * A mainland China phone number, validated and in one canonical form.
 *
 * Accepted input (ASCII or full-width digits; spaces, dashes, dots and parentheses between groups):
 * - mobile: `1[3-9]` + 9 digits, optionally after `+86`, `0086` or `86` → `13812345678`;
 * - landline: trunk `0` + area code (`10` and `2x` are two digits, every other code three) + a 7–8 digit
 *   number not starting with 0, optionally an extension of 1–6 digits → `0757-86280000`, `020-12345678-123`.
 *   `+86 757 86280000` and `+86 (0)757 …` are accepted too. The extension is either marked (`转`, `分机`,
 *   `ext`, `x`, `#`) or the last group after a complete number (`0757-86280000-123`). A number without
 *   its area code is refused: it cannot be dialled back from another city or by the SMS gateway.
 * - service: emergency and directory `110 112 114 119 120 122`, five-digit `10xxx`/`12xxx` (10086, 12345…), `95xxx(x)`, `96xxx(x)`
 *   and `400`/`800` + 7 digits → digits only. Only where the caller asks for them: a citizen's callback
 *   number or a department's duty contact must be a line that reaches a person, not a switchboard.
 */
class PhoneNumber
{
    Q_DECLARE_TR_FUNCTIONS(PhoneNumber)

public:
    enum class Kind { Mobile = 0x1, Landline = 0x2, Service = 0x4 };
    Q_DECLARE_FLAGS(Kinds, Kind)

    /** Mobile or landline: what a callback number or a duty contact may be. */
    static constexpr Kinds Personal{Kind::Mobile, Kind::Landline};
    static constexpr Kinds Any{Kind::Mobile, Kind::Landline, Kind::Service};
    /** Longest input considered at all; anything longer is refused before parsing. */
    static constexpr qsizetype MaxInputLength = 40;

    PhoneNumber() = default;

    /**
     * Parses text; on failure returns nullopt and, if error is given, sets it to a translated reason
     * that quotes the input (e.g. "“1381234567” is not a mobile number: it has 10 digits, not 11").
     */
    static std::optional<PhoneNumber> parse(QStringView text, QString *error = nullptr,
                                            Kinds accepted = Personal);

    bool isValid() const { return !m_digits.isEmpty(); }
    Kind kind() const { return m_kind; }
    /** `13812345678`, `0757-86280000`, `0757-86280000-123`, `12345`. */
    QString normalized() const;
    /** Landline area code with its trunk 0 (`0757`); empty otherwise. */
    QString areaCode() const { return m_area; }
    /** The number without area code or extension (all digits for mobile and service numbers). */
    QString subscriber() const { return m_digits; }
    QString extension() const { return m_extension; }
    /** For privacy: `138****5678`, `0757-****0000`; service numbers are public and stay as they are. */
    QString masked() const;

    friend bool operator==(const PhoneNumber &a, const PhoneNumber &b)
    {
        return a.m_kind == b.m_kind && a.m_area == b.m_area && a.m_digits == b.m_digits
            && a.m_extension == b.m_extension;
    }

private:
    Kind m_kind = Kind::Mobile;
    QString m_area;
    QString m_digits;
    QString m_extension;
};

Q_DECLARE_OPERATORS_FOR_FLAGS(PhoneNumber::Kinds)

/**
 * Masks a phone number for displays and exports that must not show it whole: a number that parses is
 * masked as PhoneNumber::masked(); anything else keeps only its first 3 and last 4 digits when it has at
 * least 8, else only its last 2 digits — and never any non-digit text (it might be a name).
 */
QString maskPhone(QStringView text);

} // namespace hotline
