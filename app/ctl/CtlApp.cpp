#include "CtlApp.h"

#include "CtlContext.h"
#include "ExportCommands.h"
#include "io/OutputFile.h"
#include "service/Workspace.h"
#include "calendar/WorkCalendar.h"
#include "domain/TextRules.h"
#include "storage/CalendarStore.h"
#include "util/Clock.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QTimeZone>

#include <cstdio>

#ifdef Q_OS_WIN
#include <io.h>
#define isatty _isatty
#define STDOUT_FILENO 1
#else
#include <unistd.h>
#endif

using namespace Qt::StringLiterals;

namespace hotline::ctl {

int cmdUsers(CtlContext &ctx); // UserCommands.cpp
int cmdPermissions(CtlContext &ctx); // ViewCommands.cpp
int cmdCategories(CtlContext &ctx); // ReferenceCommands.cpp
int cmdTowns(CtlContext &ctx);      // ReferenceCommands.cpp
int cmdTicket(CtlContext &ctx);     // TicketCommands.cpp
int cmdSearch(CtlContext &ctx);     // SearchCommand.cpp
int cmdImportInterview(CtlContext &ctx); // ImportCommands.cpp
int cmdIntake(CtlContext &ctx);     // IntakeCommands.cpp
int cmdServe(CtlContext &ctx);      // IntakeCommands.cpp
int cmdAttachment(CtlContext &ctx); // AttachmentCommands.cpp
int cmdSyncConflicts(CtlContext &ctx); // SyncCommands.cpp
int cmdServerAddConsole(CtlContext &ctx);    // SyncCommands.cpp
int cmdServerRemoveConsole(CtlContext &ctx); // SyncCommands.cpp
int cmdServerConfig(CtlContext &ctx);        // SyncCommands.cpp
int cmdServerConsoles(CtlContext &ctx);      // SyncCommands.cpp

namespace {

struct Command
{
    QStringList words;
    int (*run)(CtlContext &);
};

const QList<Command> &commands()
{
    static const QList<Command> all{
        {{u"init"_s}, cmdInit},
        {{u"calendar"_s, u"import"_s}, cmdCalendarImport},
        {{u"calendar"_s, u"set"_s}, cmdCalendarSet},
        {{u"calendar"_s, u"list"_s}, cmdCalendarList},
        {{u"deadline"_s}, cmdDeadline},
        {{u"import"_s, u"tickets"_s}, cmdImportTickets},
        {{u"report"_s}, cmdReport},
        {{u"board"_s}, cmdBoard},
        {{u"server"_s, u"init"_s}, cmdServerInit},
        {{u"sync"_s, u"conflicts"_s}, cmdSyncConflicts}, // before "sync": the first match runs
        {{u"server"_s, u"add-console"_s}, cmdServerAddConsole},
        {{u"server"_s, u"remove-console"_s}, cmdServerRemoveConsole},
        {{u"server"_s, u"config"_s}, cmdServerConfig},
        {{u"server"_s, u"consoles"_s}, cmdServerConsoles},
        {{u"sync"_s}, cmdSync},
        {{u"departments"_s, u"import"_s}, cmdDepartmentsImport},
        {{u"categories"_s}, cmdCategories}, {{u"towns"_s}, cmdTowns},
        {{u"config"_s}, cmdConfig},
        {{u"escalate"_s}, cmdEscalate},
        {{u"verify"_s}, cmdVerify},
        {{u"rebuild"_s}, cmdRebuild},
        {{u"export"_s, u"tickets"_s}, cmdExportTickets}, {{u"access-log"_s}, cmdAccessLog},
        {{u"users"_s}, cmdUsers},
        {{u"permissions"_s}, cmdPermissions},
        {{u"audit"_s}, cmdAudit},
        {{u"ticket"_s}, cmdTicket},
        {{u"search"_s}, cmdSearch},
        {{u"import"_s, u"interview"_s}, cmdImportInterview},
        {{u"intake"_s}, cmdIntake},
        {{u"serve"_s}, cmdServe},
        {{u"attachment"_s}, cmdAttachment},
    };
    return all;
}

QString helpText()
{
    return CtlContext::tr(
        "Usage: hotlinectl [--db PATH] COMMAND [ARGS] [-o FILE]\n"
        "\n"
        "Administers a Hotline Console database. --db names the local SQLite file (default: the console's own).\n"
        "Output goes to stdout, or to FILE with -o; errors go to stderr with a non-zero exit code.\n"
        "\n"
        "Commands:\n"
        "  init [--demo | --training]            create or migrate the database; --demo adds demo data;\n"
        "                                        --training: a training database with training users\n"
        "  calendar import FILE...               import holiday-cn JSON calendars (all files or none)\n"
        "  calendar set DATE... off|workday|normal [--note TEXT]\n"
        "                                        mark dates as off days, make-up working days, or back to Mon-Fri\n"
        "  calendar list [--year YYYY]           the off days and make-up working days, and which notices are missing\n"
        "  deadline --class consult|handling --start ISO8601\n"
        "                                        print the deadline for a dispatch at that instant\n"
        "  import tickets FILE.csv [--all-errors]\n"
        "                                        import historical tickets (all rows or none); bad rows are\n"
        "                                        listed up to 1,000, all of them with --all-errors\n"
        "  import interview FILE [--type T] [--category NAME] [--town NAME]\n"
        "                                        a micro-interview's questions as new tickets numbered by this\n"
        "                                        console (one transaction); prints the numbers\n"
        "  report [--month YYYY-MM | --from DATE --to DATE] [--format text|csv|json|pdf]\n"
        "                                        completion-rate report; --to is exclusive\n"
        "                                        --at ISO8601: computed as at that instant (default month: its month)\n"
        "  report --year YYYY [--assessment] [--format text|csv|json|pdf]\n"
        "                                        a calendar year (to date while it runs); --assessment: the\n"
        "                                        departments' annual assessment, scored and ranked\n"
        "  board [--at ISO8601] [--format text|json]\n"
        "                                        open tickets with colour and remaining working time\n"
        "  departments import FILE.csv [--all-errors]\n"
        "                                        name,code,duty_phones,head_phone (all rows or none)\n"
        "  categories import FILE.csv            code,name,department,class (usual department, consult|handling)\n"
        "  categories list [--format text|json]  the categories and their routing\n"
        "  towns import FILE.csv | towns list [--format text|json]\n"
        "                                        code,name\n"
        "  export tickets [--month YYYY-MM | --from DATE --to DATE] [--unmasked]\n"
        "                                        historical ticket CSV; callers masked unless --unmasked (logged)\n"
        "  access-log [--from DATE --to DATE]    who saw callers in full (views and unmasked exports)\n"
        "  config get|set KEY [VALUE]            read or change a setting; 'config list' shows them all\n"
        "                                        (secrets as ••••); set KEY --stdin | --from-file PATH reads it\n"
        "  verify [--server URL]                 check the hash chain of the event log (or of the server's,\n"
        "                                        compared with --db's copy when given); names the first\n"
        "                                        altered, removed, reordered or truncated event\n"
        "                                        locally, then that the projection is what the events give\n"
        "                                        (names the first differing ticket); prints the log stamp;\n"
        "                                        --server also lists events whose console code or time\n"
        "                                        breaks the server's rules\n"
        "  rebuild                               derive the ticket projection again from the events\n"
        "  permissions                           the role × action permission table (Markdown)\n"
        "  users list | unlock NAME | enable NAME | reset-password NAME\n"
        "                                        accounts; reset-password reads the new one from stdin\n"
        "  server init --url URL [--console-role NAME]\n"
        "                                        create or migrate the shared PostgreSQL server's schema;\n"
        "                                        --console-role: the restricted login for consoles (password\n"
        "                                        from HOTLINE_CONSOLE_PASSWORD or stdin)\n"
        "  server add-console NAME --url URL [--code CC]\n"
        "                                        one login for one console (password from\n"
        "                                        HOTLINE_CONSOLE_PASSWORD or stdin); prints its console code\n"
        "  server remove-console NAME --url URL  end a console's login (its events stay)\n"
        "  server config --url URL [KEY [VALUE]] the server's settings (max_skew_seconds)\n"
        "  server consoles --url URL             every console code: its login, machine and last pass\n"
        "  sync [--server URL] [--once]          join the server and sync (--once: one push and pull, then exit;\n"
        "                                        without it: keep syncing until stopped, a headless replica)\n"
        "  sync conflicts [--format text|json]   reference data two consoles edited at once: the edit kept\n"
        "                                        everywhere and the one that lost (by whom, on which console)\n"
        "  escalate [--once] [--at ISO8601]      reminders (SMS) and accountability as if at that instant; --once: catch up,\n"
        "                                        send what is due, then exit; without it: keep escalating\n"
        "  audit [--from DATE --to DATE] [--entity NAME] [--format text|json]\n"
        "                                        administrative changes (settings, calendar, departments,\n"
        "                                        categories, towns, users) with actor, old and new value\n"
        "  ticket register|dispatch|sign|return|transfer|reply|extend|decide-extension|callback|close|reopen|show|\n"
        "         follow-up|sms\n"
        "                                        the console's ticket actions, as --as USER (password on stdin);\n"
        "                                        register prints the new number; see hotlinectl ticket for options\n"
        "                                        (on a training database: training users act, --at ISO8601 allowed)\n"
        "  ticket merge NUMBER --into NUMBER [--reason TEXT]\n"
        "                                        the same incident: NUMBER follows the other, answered with it\n"
        "  search TEXT [--format text|json] [--limit N]\n"
        "                                        find tickets, open or closed, by number, caller phone or text\n"
        "                                        (summary, details, address, reply), as --as USER sees them\n"
        "  ticket attach NUMBER FILE [--stage registration|before|after|document]\n"
        "                                        attach a photo or document (as --as USER)\n"
        "  attachment save HASH -o FILE          a ticket's file out of the database (the hash that\n"
        "                                        ticket show lists), for those who may see the ticket\n"
        "  ticket renumber NUMBER [--id PREFIX] [--reason TEXT]\n"
        "                                        a new number (printed) for a number two consoles gave alike;\n"
        "                                        --id PREFIX picks one ticket of several with one number\n"
        "  intake token add NAME --channel web|wechat|weibo|petition|interview\n"
        "                                        a token for one integration, printed once (administrators)\n"
        "  intake token list [--format text|json] | intake token revoke NAME\n"
        "                                        the integrations' tokens (never the token itself)\n"
        "  serve --listen HOST:PORT              the intake service for the electronic channels (HTTP API\n"
        "                                        and Open311 subset) until stopped; see docs/INTAKE.md\n"
        "\n"
        "Options:\n"
        "  --db PATH      the database file\n"
        "  -o FILE        write the output to FILE (whole or not at all) instead of stdout; -o - is stdout.\n"
        "                 Never the database; an existing file only if it is hotlinectl's unchanged earlier\n"
        "                 output (or empty)\n"
        "  --force        let -o replace any other existing file\n"
        "  --help         this help\n"
        "  --version      the program's version\n");
}

/** Commands that only read: on a missing database they say so and create nothing. */
bool readsOnly(const QStringList &words)
{
    static const QList<QStringList> readers{
        {u"verify"_s}, {u"report"_s}, {u"board"_s}, {u"export"_s}, {u"access-log"_s}, {u"deadline"_s},
        {u"config"_s, u"get"_s}, {u"config"_s, u"list"_s}, {u"users"_s, u"list"_s}, {u"categories"_s, u"list"_s},
        {u"towns"_s, u"list"_s}, {u"calendar"_s, u"list"_s}, {u"audit"_s}, {u"ticket"_s, u"show"_s},
        {u"search"_s},
        {u"intake"_s, u"token"_s, u"list"_s},
        {u"attachment"_s, u"save"_s},
        {u"sync"_s, u"conflicts"_s}};
    for (const QStringList &r : readers) {
        if (words.mid(0, r.size()) == r)
            return true;
    }
    return false;
}

/** Output that is not text: never to a terminal, and to standard output only when asked with -o -. */
bool writesBinary(const CtlArguments &args)
{
    return args.words.value(0) == u"report"_s && args.value(u"--format"_s) == u"pdf"_s;
}

void writeStdout(const QByteArray &bytes)
{
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
    std::fflush(stdout);
}

} // namespace

int run(const QStringList &arguments)
{
    CtlArguments args;
    QString error;
    SystemClock systemClock;
    if (!args.parse(arguments, &error)) {
        CtlContext ctx(args, systemClock);
        return ctx.fail(error, Usage);
    }
    if (args.has(u"--version"_s)) {
        writeStdout("hotlinectl " HOTLINE_VERSION "\n");
        return Ok;
    }
    if (args.has(u"--help"_s) || args.words.isEmpty()) {
        const QByteArray help = helpText().toUtf8();
        if (args.words.isEmpty() && !args.has(u"--help"_s)) {
            std::fwrite(help.constData(), 1, size_t(help.size()), stderr);
            return Usage;
        }
        writeStdout(help);
        return Ok;
    }

    const Command *match = nullptr;
    for (const Command &c : commands()) {
        if (args.words.mid(0, c.words.size()) == c.words) {
            match = &c;
            break;
        }
    }
    CtlContext ctx(args, systemClock);
    if (!match)
        return ctx.fail(CtlContext::tr("Unknown command \"%1\". See hotlinectl --help.").arg(args.words.join(u' ')), Usage);
    ctx.setReadOnly(readsOnly(args.words));
    ctx.args.words = args.words.mid(match->words.size());

    // Where the output goes is checked before the command runs: a refused -o costs no work and logs no export.
    const QString outputPath = args.value(u"-o"_s);
    const bool toStdout = outputPath.isEmpty() || outputPath == u"-"_s;
    const QString databasePath = args.value(u"--db"_s, Workspace::defaultDatabasePath());
    if (writesBinary(args)) {
        if (outputPath.isEmpty())
            return ctx.fail(CtlContext::tr("The PDF report is binary: give -o FILE (or -o - to send it to standard "
                                           "output that is not a terminal)."),
                            Usage);
        if (toStdout && ::isatty(STDOUT_FILENO))
            return ctx.fail(CtlContext::tr("Standard output is a terminal: the PDF report is not written there. "
                                           "Give -o FILE, or redirect standard output to a file."),
                            Usage);
    }
    const bool force = args.has(u"--force"_s);
    if (!toStdout) {
        const QString refused = OutputFile::refusal(outputPath, databasePath, force, OutputLedger::defaultPath());
        if (!refused.isEmpty())
            return ctx.fail(refused);
    }

    const int code = match->run(ctx);
    if (code != Ok)
        return code;
    if (toStdout) {
        writeStdout(ctx.out);
        return Ok;
    }
    // Checked again: the file may have appeared (or the database moved) while the command ran.
    const QString refused = OutputFile::refusal(outputPath, databasePath, force, OutputLedger::defaultPath());
    if (!refused.isEmpty())
        return ctx.fail(refused);
    // Written whole or not at all: a report half-written over an older one helps nobody.
    if (!OutputFile::write(outputPath, ctx.out, ctx.privateOutput, &error))
        return ctx.fail(error);
    if (!OutputLedger(OutputLedger::defaultPath()).remember(outputPath, ctx.out, &error)) {
        // The output is there; only a later -o over it will need --force.
        ctx.fail(CtlContext::tr("warning: %1 was written, but the list of hotlinectl's outputs could not be "
                                "updated: %2")
                     .arg(outputPath, error));
    }
    return Ok;
}

CtlContext::CtlContext(CtlArguments arguments, const Clock &clock) : args(std::move(arguments)), m_clock(clock) {}

CtlContext::~CtlContext() = default;

Workspace *CtlContext::workspace()
{
    if (m_workspace)
        return m_workspace.get();
    const QString path = args.value(u"--db"_s, Workspace::defaultDatabasePath());
    if (m_readOnly && !QFileInfo::exists(path)) {
        fail(tr("There is no database at %1; nothing was created. Create it with: hotlinectl --db %1 init")
                 .arg(QDir::toNativeSeparators(path)));
        m_databaseFailed = true;
        return nullptr;
    }
    // Opening migrates: a command that only reads must not turn an empty file (a script's mktemp, a log) or a
    // device into a database.
    if (const QFileInfo info(path); m_readOnly && (!info.isFile() || info.size() == 0)) {
        fail(tr("%1 is not a Hotline Console database (an empty file, a folder or a device); it was left untouched.")
                 .arg(QDir::toNativeSeparators(path)));
        m_databaseFailed = true;
        return nullptr;
    }
    QString error;
    m_workspace = Workspace::open(path, m_clock, &error);
    if (!m_workspace) {
        fail(error);
        m_databaseFailed = true;
    }
    return m_workspace.get();
}

int CtlContext::fail(const QString &message, int code) const
{
    // A database that cannot be opened is an operation failure (1), also when an argument needed it (an instant
    // without offset is read in the centre's zone): its reason is already printed.
    if (m_databaseFailed && code == Usage)
        code = Failed;
    if (message.isEmpty())
        return code;
    // Messages quote what the user typed (an unknown command, a bad --at, a setting's name): no control
    // character reaches the terminal raw, only the line breaks between the message's own lines.
    QStringList lines = message.split(u'\n');
    for (QString &line : lines)
        line = TextRules::visible(line);
    const QByteArray bytes = u"hotlinectl: "_s.toUtf8() + lines.join(u'\n').toUtf8() + '\n';
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stderr);
    return code;
}

std::optional<CtlPeriod> CtlContext::period(const QTimeZone &zone, bool wholeHistoryByDefault, int *code)
{
    const bool hasMonth = args.has(u"--month"_s);
    const bool hasRange = args.has(u"--from"_s) || args.has(u"--to"_s);
    *code = Usage;
    if (hasMonth && hasRange) {
        fail(tr("Give either --month or --from/--to, not both."), Usage);
        return std::nullopt;
    }
    CtlPeriod p;
    if (hasMonth) {
        static const QRegularExpression monthPattern(u"^\\d{4}-\\d{2}$"_s);
        const QString month = args.value(u"--month"_s);
        p.from = monthPattern.match(month).hasMatch() ? QDate::fromString(month + u"-01"_s, Qt::ISODate) : QDate();
        if (!p.from.isValid()) {
            fail(tr("\"%1\" is not a month like 2025-03.").arg(month), Usage);
            return std::nullopt;
        }
        p.to = p.from.addMonths(1);
        p.text = month;
    } else if (hasRange) {
        p.from = QDate::fromString(args.value(u"--from"_s), Qt::ISODate);
        p.to = QDate::fromString(args.value(u"--to"_s), Qt::ISODate);
        if (!p.from.isValid() || !p.to.isValid() || p.from >= p.to) {
            fail(tr("--from and --to must both be dates (YYYY-MM-DD) with --from before --to; "
                                    "--to is exclusive."),
                     Usage);
            return std::nullopt;
        }
        p.text = p.from.toString(Qt::ISODate) + u".."_s + p.to.toString(Qt::ISODate);
    } else if (wholeHistoryByDefault) {
        p.text = u"all"_s;
    } else {
        // Default: the current calendar month in the centre's zone.
        const QDate today = QDateTime::fromMSecsSinceEpoch(clock().nowMs(), zone).date();
        p.from = QDate(today.year(), today.month(), 1);
        p.to = p.from.addMonths(1);
        p.text = p.from.toString(u"yyyy-MM"_s);
    }
    *code = Ok;
    return p;
}

std::optional<qint64> CtlContext::parseInstant(const QString &text, QString *error)
{
    QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!t.isValid())
        t = QDateTime::fromString(text, Qt::ISODate);
    if (!t.isValid()) {
        *error = tr("\"%1\" is not an ISO 8601 date and time (e.g. 2025-03-03T09:00:00+08:00).").arg(text);
        return std::nullopt;
    }
    if (t.timeSpec() == Qt::LocalTime) {
        // No offset given: the centre's zone, not this machine's.
        Workspace *ws = workspace();
        if (!ws) {
            error->clear(); // workspace() said why
            return std::nullopt;
        }
        t = QDateTime(t.date(), t.time(), ws->calendar().loadCalendar().timeZone());
    }
    // 9999-12-31T23:59:59Z is year 10000 in the centre's zone: no month, no report period, no calendar day.
    if (const int year = t.toUTC().date().year(); year < 1900 || year > 2200) {
        *error = tr("\"%1\" is outside the years 1900 to 2200.").arg(text);
        return std::nullopt;
    }
    return t.toMSecsSinceEpoch();
}

int cmdNotYetAvailable(CtlContext &ctx)
{
    return ctx.fail(CtlContext::tr("This command needs the shared server and reminders, which this version does not have yet."));
}

} // namespace hotline::ctl
