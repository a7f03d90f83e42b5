#include "Benches.h"
#include "calendar/BuiltinCalendar.h"
#include "sla/SlaClock.h"

#include <QList>

#include <random>

using namespace Qt::StringLiterals;

namespace hotline::bench {
namespace {

/** 2024-01-01T00:00:00+08:00 and 2027-01-01T00:00:00+08:00: the start instants span 2024–2026. */
constexpr qint64 kFrom = 1704038400;
constexpr qint64 kTo = 1798732800;

} // namespace

void runSlaBench(const BenchOptions &options, FigureSink &sink)
{
    sink.beginGroup(u"sla"_s);
    const SlaClock sla(builtinWorkCalendar(), SlaPolicy());
    const qsizetype n = options.quick ? (1 << 17) : (1 << 20);

    // Inputs are drawn before timing: uniform instants over three years (so working time, nights, weekends
    // and holidays all occur) and both classes; for status, an instant up to ten days after the start.
    std::mt19937_64 rng(42);
    std::uniform_int_distribution<qint64> instant(kFrom, kTo - 1);
    std::uniform_int_distribution<qint64> later(0, 10 * 86400);
    QList<qint64> starts(n);
    QList<SlaClass> classes(n);
    QList<qint64> deadlines(n);
    QList<qint64> instants(n);
    for (qsizetype i = 0; i < n; ++i) {
        starts[i] = instant(rng);
        classes[i] = (rng() & 1) ? SlaClass::Handling : SlaClass::Consult;
        deadlines[i] = sla.deadline(starts[i], classes[i]); // also builds the calendar's table before timing
        instants[i] = starts[i] + later(rng);
    }

    // Results are accumulated and checked against an untimed pass, so nothing can be optimised away.
    qint64 expected = 0;
    for (qsizetype i = 0; i < n; ++i)
        expected += deadlines[i];
    bool consistent = true;
    const QList<double> deadlineRuns = timeRunsMs(options.repeats, [&] {
        qint64 sum = 0;
        for (qsizetype i = 0; i < n; ++i)
            sum += sla.deadline(starts[i], classes[i]);
        consistent = consistent && sum == expected;
    });
    if (!consistent)
        throw BenchError(u"SlaClock::deadline gave different results for the same inputs"_s);
    sink.figure(u"deadline_rate"_s, double(n) / (median(deadlineRuns) / 1000.0), u"per_s"_s);

    qint64 statusCheck = -1;
    const QList<double> statusRuns = timeRunsMs(options.repeats, [&] {
        qint64 sum = 0;
        for (qsizetype i = 0; i < n; ++i) {
            const SlaStatus s = sla.status(instants[i], deadlines[i]);
            sum += s.remainingSeconds + qint64(s.colour) + s.nextChange.value_or(0);
        }
        if (statusCheck != -1 && statusCheck != sum)
            consistent = false;
        statusCheck = sum;
    });
    if (!consistent)
        throw BenchError(u"SlaClock::status gave different results for the same inputs"_s);
    sink.figure(u"status_rate"_s, double(n) / (median(statusRuns) / 1000.0), u"per_s"_s);
    note(u"sla: %1 inputs, %2 runs each (checksums %3, %4)"_s.arg(n)
             .arg(options.repeats)
             .arg(expected)
             .arg(statusCheck));

    sink.budget(u"deadline_rate"_s, FigureSink::Direction::AtLeast, 2'000'000, u"per_s"_s);
}

} // namespace hotline::bench
