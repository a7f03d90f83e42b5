#pragma once

#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <stdexcept>

namespace hotline::bench {

/** A real failure (not a missed budget): the benchmark stops and exits non-zero. */
class BenchError : public std::runtime_error
{
public:
    explicit BenchError(const QString &message)
        : std::runtime_error(message.toStdString())
    {
    }
};

/** Command-line options (see docs/BENCHMARKS.md). */
struct BenchOptions
{
    bool quick = false;
    qint64 tickets = 1'000'000; ///< historical tickets imported for import_* and report_*
    qint64 openTickets = 100'000; ///< open dispatched unanswered tickets for board_ms
    int repeats = 7; ///< runs per short measurement; the median is reported
    QStringList only; ///< figure or group names; empty: everything
    QString keepDir; ///< keep generated files here; empty: a temporary folder
    int importCacheMb = 0; ///< experiment: SQLite page cache for the import's connection; 0: the core's
    QString workDir; ///< where the files go (keepDir or the temporary folder)
};

/** Sizes the budgets of docs/BENCHMARKS.md are stated for. */
inline constexpr qint64 kBudgetTickets = 1'000'000;
inline constexpr qint64 kBudgetOpenTickets = 100'000;

/**
 * Prints one "name value unit" line per figure as soon as it is measured, and remembers the budgets; the
 * "# budget …" lines come after all figures.
 */
class FigureSink
{
public:
    explicit FigureSink(QStringList only)
        : m_only(std::move(only))
    {
    }

    /** Whether a figure or group was asked for (everything when --only was not given). */
    bool wanted(const QString &name) const { return m_only.isEmpty() || m_only.contains(name); }
    /** Whether any of these figures (or the group) is wanted, i.e. whether the group must run. */
    bool anyWanted(const QString &group, const QStringList &figures) const;

    /** The group whose figures follow (sla, import, report, board): --only GROUP prints all of them. */
    void beginGroup(const QString &group) { m_group = group; }

    /** Prints the figure (if wanted) with `decimals` digits after the point. */
    void figure(const QString &name, double value, const QString &unit, int decimals = 0);

    enum class Direction { AtLeast, AtMost };
    /** A budget for a figure printed earlier; `applicable` false prints it as "n/a" with the reason. */
    void budget(const QString &name, Direction direction, double limit, const QString &unit, bool applicable = true,
                const QString &whyNot = {});
    /** Prints the "# budget …" lines; returns how many budgets were missed. */
    int printBudgets() const;

private:
    struct Budget
    {
        QString name;
        Direction direction;
        double limit;
        QString unit;
        bool applicable;
        QString whyNot;
        bool printed;
    };
    bool shown(const QString &name) const { return wanted(name) || m_only.contains(m_group); }

    QStringList m_only;
    QString m_group;
    QHash<QString, double> m_values;
    QList<Budget> m_budgets;
};

/** Median of the samples (mean of the two middle ones for an even count); 0 for none. */
double median(QList<double> samples);

/** Runs fn `repeats` times and returns each run's wall time in milliseconds. */
QList<double> timeRunsMs(int repeats, const std::function<void()> &fn);

/** Milliseconds elapsed on a timer, with sub-millisecond resolution. */
inline double elapsedMs(const QElapsedTimer &t)
{
    return double(t.nsecsElapsed()) / 1e6;
}

/** User and system CPU seconds this process has used so far (0, 0 where the platform does not say). */
struct CpuTimes
{
    double user = 0;
    double system = 0;
};
CpuTimes cpuTimes();

/** A progress note on stderr (stdout carries only figures). */
void note(const QString &message);

} // namespace hotline::bench
