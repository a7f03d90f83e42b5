#pragma once

#include <QStringView>
#include <QtGlobal>

#include <optional>

namespace hotline {

/** Why an ISO 8601 instant did not parse, so that messages can say what to fix. */
enum class IsoInstantError {
    None,
    Malformed, ///< not of the form YYYY-MM-DDTHH:MM[:SS[.fff]]±HH:MM
    NoOffset,  ///< a local date-time without Z or ±HH:MM: ambiguous, so refused
    BadDate,   ///< well formed but not a real calendar date (2023-02-29)
    BadTime,   ///< hour > 23, minute or second > 59
    BadOffset, ///< offset beyond ±18:00 or minutes > 59
};

/**
 * Parses an instant `YYYY-MM-DD(T|t| )HH:MM[:SS[(.|,)f…]](Z|z|±HH:MM|±HHMM|±HH)` to milliseconds since
 * the Unix epoch (UTC); fractions beyond milliseconds are truncated. Hand-written because it runs four
 * times per row of a million-row import, where QDateTime::fromString is far too slow. Leap seconds and
 * 24:00 are refused.
 */
std::optional<qint64> parseIsoInstantMs(QStringView text, IsoInstantError *error = nullptr);

/** Days since 1970-01-01 of a proleptic Gregorian date (month 1–12; no range check). */
qint64 daysFromCivil(int year, int month, int day);

} // namespace hotline
