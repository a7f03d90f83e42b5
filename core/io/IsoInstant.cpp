#include "io/IsoInstant.h"

namespace hotline {
namespace {

// Reads exactly n ASCII digits at text[pos]; -1 if any is not a digit.
int digits(QStringView text, qsizetype pos, int n)
{
    if (pos + n > text.size())
        return -1;
    int v = 0;
    for (int i = 0; i < n; ++i) {
        const char16_t c = text[pos + i].unicode();
        if (c < u'0' || c > u'9')
            return -1;
        v = v * 10 + (c - u'0');
    }
    return v;
}

bool isLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int daysInMonth(int y, int m)
{
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && isLeap(y) ? 29 : kDays[m - 1];
}

} // namespace

// Howard Hinnant's days_from_civil.
qint64 daysFromCivil(int year, int month, int day)
{
    const qint64 y = year - (month <= 2 ? 1 : 0);
    const qint64 era = (y >= 0 ? y : y - 399) / 400;
    const qint64 yoe = y - era * 400;
    const qint64 doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    const qint64 doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

std::optional<qint64> parseIsoInstantMs(QStringView t, IsoInstantError *error)
{
    const auto fail = [error](IsoInstantError e) -> std::optional<qint64> {
        if (error)
            *error = e;
        return std::nullopt;
    };
    const auto at = [&t](qsizetype i) { return i < t.size() ? t[i].unicode() : u'\0'; };

    const int year = digits(t, 0, 4);
    const int month = digits(t, 5, 2);
    const int day = digits(t, 8, 2);
    const char16_t sep = at(10);
    const int hour = digits(t, 11, 2);
    const int minute = digits(t, 14, 2);
    if (year < 0 || at(4) != u'-' || month < 0 || at(7) != u'-' || day < 0
        || (sep != u'T' && sep != u't' && sep != u' ') || hour < 0 || at(13) != u':' || minute < 0)
        return fail(IsoInstantError::Malformed);
    qsizetype pos = 16;
    int second = 0;
    int millis = 0;
    if (at(pos) == u':') {
        second = digits(t, pos + 1, 2);
        if (second < 0)
            return fail(IsoInstantError::Malformed);
        pos += 3;
        if (at(pos) == u'.' || at(pos) == u',') {
            ++pos;
            int n = 0;
            while (pos < t.size() && t[pos].unicode() >= u'0' && t[pos].unicode() <= u'9') {
                if (n < 3)
                    millis = millis * 10 + (t[pos].unicode() - u'0');
                ++n;
                ++pos;
            }
            if (n == 0 || n > 9)
                return fail(IsoInstantError::Malformed);
            for (; n < 3; ++n)
                millis *= 10;
        }
    }

    int offsetMinutes = 0;
    const char16_t z = at(pos);
    if (pos >= t.size()) {
        return fail(IsoInstantError::NoOffset);
    } else if (z == u'Z' || z == u'z') {
        ++pos;
    } else if (z == u'+' || z == u'-') {
        const int oh = digits(t, pos + 1, 2);
        if (oh < 0)
            return fail(IsoInstantError::Malformed);
        pos += 3;
        int om = 0;
        if (at(pos) == u':') {
            om = digits(t, pos + 1, 2);
            pos += 3;
        } else if (pos < t.size()) {
            om = digits(t, pos, 2);
            pos += 2;
        }
        if (om < 0)
            return fail(IsoInstantError::Malformed);
        if (oh > 18 || om > 59 || (oh == 18 && om > 0))
            return fail(IsoInstantError::BadOffset);
        offsetMinutes = (oh * 60 + om) * (z == u'-' ? -1 : 1);
    } else {
        return fail(IsoInstantError::Malformed);
    }
    if (pos != t.size())
        return fail(IsoInstantError::Malformed);

    if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month))
        return fail(IsoInstantError::BadDate);
    if (hour > 23 || minute > 59 || second > 59)
        return fail(IsoInstantError::BadTime);

    if (error)
        *error = IsoInstantError::None;
    const qint64 secs = ((daysFromCivil(year, month, day) * 24 + hour) * 60 + minute) * 60 + second
                      - qint64(offsetMinutes) * 60;
    return secs * 1000 + millis;
}

} // namespace hotline
