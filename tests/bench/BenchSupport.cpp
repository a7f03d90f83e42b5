#include "BenchSupport.h"

#include <QTextStream>

#include <algorithm>
#include <cstdio>

#ifdef Q_OS_UNIX
#include <sys/resource.h>
#endif

using namespace Qt::StringLiterals;

namespace hotline::bench {

bool FigureSink::anyWanted(const QString &group, const QStringList &figures) const
{
    if (m_only.isEmpty() || m_only.contains(group))
        return true;
    return std::any_of(figures.cbegin(), figures.cend(), [this](const QString &f) { return m_only.contains(f); });
}

void FigureSink::figure(const QString &name, double value, const QString &unit, int decimals)
{
    m_values.insert(name, value);
    if (!shown(name))
        return;
    const QString line = name + u' ' + QString::number(value, 'f', decimals) + u' ' + unit + u'\n';
    std::fputs(line.toUtf8().constData(), stdout);
    std::fflush(stdout);
}

void FigureSink::budget(const QString &name, Direction direction, double limit, const QString &unit, bool applicable,
                        const QString &whyNot)
{
    if (!m_values.contains(name))
        return; // not measured in this run
    m_budgets.append(Budget {name, direction, limit, unit, applicable, whyNot, shown(name)});
}

int FigureSink::printBudgets() const
{
    int missed = 0;
    for (const Budget &b : m_budgets) {
        if (!b.printed)
            continue;
        const double value = m_values.value(b.name);
        const QString op = b.direction == Direction::AtLeast ? u">="_s : u"<="_s;
        QString verdict;
        if (!b.applicable) {
            verdict = u"n/a ("_s + b.whyNot + u')';
        } else {
            const bool ok = b.direction == Direction::AtLeast ? value >= b.limit : value <= b.limit;
            verdict = ok ? u"ok"_s : u"FAIL"_s;
            if (!ok) {
                ++missed;
                const double factor = b.direction == Direction::AtLeast ? b.limit / value : value / b.limit;
                verdict += u" (missed by a factor of "_s + QString::number(factor, 'f', 2) + u')';
            }
        }
        const QString line = u"# budget "_s + b.name + u' ' + op + u' ' + QString::number(b.limit, 'f', 0) + u' '
            + b.unit + u": "_s + verdict + u'\n';
        std::fputs(line.toUtf8().constData(), stdout);
    }
    std::fflush(stdout);
    return missed;
}

double median(QList<double> samples)
{
    if (samples.isEmpty())
        return 0;
    std::sort(samples.begin(), samples.end());
    const qsizetype n = samples.size();
    return n % 2 ? samples.at(n / 2) : (samples.at(n / 2 - 1) + samples.at(n / 2)) / 2;
}

QList<double> timeRunsMs(int repeats, const std::function<void()> &fn)
{
    QList<double> runs;
    runs.reserve(repeats);
    for (int i = 0; i < repeats; ++i) {
        QElapsedTimer timer;
        timer.start();
        fn();
        runs.append(elapsedMs(timer));
    }
    return runs;
}

CpuTimes cpuTimes()
{
#ifdef Q_OS_UNIX
    rusage usage {};
    if (getrusage(RUSAGE_SELF, &usage) == 0) {
        return CpuTimes {double(usage.ru_utime.tv_sec) + double(usage.ru_utime.tv_usec) / 1e6,
                         double(usage.ru_stime.tv_sec) + double(usage.ru_stime.tv_usec) / 1e6};
    }
#endif
    return {};
}

void note(const QString &message)
{
    const QString line = u"hotline-bench: "_s + message + u'\n';
    std::fputs(line.toUtf8().constData(), stderr);
    std::fflush(stderr);
}

} // namespace hotline::bench
