// holiday-cn JSON (an administrator imports it; a shared server relays it): either a whole valid year or a
// translated reason and nothing.
#include "FuzzSupport.h"

#include "calendar/HolidayCnParser.h"

#include <QSet>

#include <cstdlib>

using namespace hotline;

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    hotline::fuzz::initApplication(argc, argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray in = hotline::fuzz::bytes(data, size);
    const HolidayCnFile file = HolidayCnParser::parse(in);
    if (!file.ok()) {
        FUZZ_CHECK(file.days.isEmpty(), in);
        return 0;
    }
    FUZZ_CHECK(file.year >= 1900 && file.year <= 2200, in);
    QSet<QDate> dates;
    for (const CalendarDay &day : file.days) {
        FUZZ_CHECK(day.date.isValid() && std::abs(day.date.year() - file.year) <= 1, in);
        FUZZ_CHECK(!dates.contains(day.date), in); // a repeat is dropped, so every date is decided once
        dates.insert(day.date);
    }
    return 0;
}
