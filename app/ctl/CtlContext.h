#pragma once

#include "CtlArguments.h"

#include <QByteArray>
#include <QDate>
#include <QCoreApplication>
#include <QString>

#include <memory>
#include <optional>

class QTimeZone;

namespace hotline {
class Clock;
class WorkCalendar;
class Workspace;
} // namespace hotline

namespace hotline::ctl {

/** Exit codes of hotlinectl: 0 success, 1 the operation failed (bad data, refused database), 2 bad usage. */
enum ExitCode { Ok = 0, Failed = 1, Usage = 2 };

/** What a command works with: its arguments, the clock, the lazily opened database and its output. */
/** A period of days from the command line. */
struct CtlPeriod
{
    QDate from; ///< invalid for the whole history
    QDate to;   ///< exclusive
    QString text; ///< "2025-03", "2025-03-01..2025-03-15" or "all"
};

class CtlContext final
{
    Q_DECLARE_TR_FUNCTIONS(CtlContext)

public:
    CtlContext(CtlArguments args, const Clock &clock);
    ~CtlContext();

    CtlArguments args;
    QByteArray out; ///< written to stdout, or to -o FILE, when the command succeeds
    bool privateOutput = false; ///< out names callers in full: -o FILE is made readable by its owner only

    /** A command that only reads: workspace() refuses a missing database instead of creating it. */
    void setReadOnly(bool readOnly) { m_readOnly = readOnly; }

    /** Opens the --db database (or the default one); null after printing the reason. */
    Workspace *workspace();
    const Clock &clock() const { return m_clock; }

    /** Prints a message on stderr (UTF-8, newline added) and returns code. */
    int fail(const QString &message, int code = Failed) const;
    void print(const QString &line) { out += line.toUtf8() + '\n'; }

    /**
     * The period of --month YYYY-MM or --from DATE --to DATE (--to exclusive); without either, the whole history
     * when wholeHistoryByDefault, else the current month in zone. Null after printing why (code says which exit).
     */
    std::optional<CtlPeriod> period(const QTimeZone &zone, bool wholeHistoryByDefault, int *code);
    /** An instant given as ISO 8601; without an offset it is read in the centre's zone. */
    std::optional<qint64> parseInstant(const QString &text, QString *error);

private:
    const Clock &m_clock;
    std::unique_ptr<Workspace> m_workspace;
    bool m_readOnly = false;
    bool m_databaseFailed = false; ///< workspace() failed and said why
};

// The commands (PRODUCT §7). Each returns an ExitCode.
int cmdInit(CtlContext &ctx);
int cmdVerify(CtlContext &ctx);
int cmdRebuild(CtlContext &ctx);
int cmdConfig(CtlContext &ctx);
int cmdCalendarImport(CtlContext &ctx);
int cmdDeadline(CtlContext &ctx);
int cmdCalendarSet(CtlContext &ctx);
int cmdCalendarList(CtlContext &ctx);
/** Prints on stderr the warning of CalendarYears::missingNotice at that instant, if any. */
void warnMissingNotice(CtlContext &ctx, const WorkCalendar &calendar, qint64 atUtcSecs);
int cmdImportTickets(CtlContext &ctx);
int cmdDepartmentsImport(CtlContext &ctx);
int cmdReport(CtlContext &ctx);
int cmdBoard(CtlContext &ctx);
int cmdServerInit(CtlContext &ctx);
int cmdSync(CtlContext &ctx);
int cmdEscalate(CtlContext &ctx);
int cmdNotYetAvailable(CtlContext &ctx);
/** `audit [--from DATE --to DATE] [--entity NAME] [--format text|json]`: the administrative changes. */
int cmdAudit(CtlContext &ctx);

} // namespace hotline::ctl
