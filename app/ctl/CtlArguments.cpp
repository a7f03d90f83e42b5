#include "CtlArguments.h"

using namespace Qt::StringLiterals;

namespace hotline::ctl {
namespace {

const QStringList kValueOptions{u"--db"_s, u"-o"_s, u"--output"_s, u"--class"_s, u"--start"_s, u"--month"_s,
                                u"--from"_s, u"--to"_s, u"--format"_s, u"--at"_s, u"--url"_s, u"--server"_s,
                                u"--console-role"_s, u"--note"_s, u"--year"_s, u"--from-file"_s,
                                u"--entity"_s,
                                // ticket actions (TicketCommands.cpp)
                                u"--as"_s, u"--type"_s, u"--channel"_s, u"--summary"_s, u"--details"_s,
                                u"--category"_s, u"--town"_s, u"--caller-name"_s, u"--caller-phone"_s,
                                u"--department"_s, u"--reason"_s, u"--text"_s, u"--days"_s, u"--answer"_s,
                                // ticket merge (merge helper)
                                u"--into"_s,
                                // search (SearchCommand.cpp)
                                u"--limit"_s,
                                // intake service (IntakeCommands.cpp)
                                u"--listen"_s,
                                // places and attachments (issue 15)
                                u"--address"_s, u"--latitude"_s, u"--longitude"_s, u"--stage"_s,
                                // server add-console (issue 16)
                                u"--code"_s,
                                // a ticket among several of one number (issue 16, clash: ticket … --id PREFIX)
                                u"--id"_s};
const QStringList kFlags{u"--demo"_s, u"--once"_s, u"--help"_s, u"-h"_s, u"--version"_s, u"--unmasked"_s,
                         u"--force"_s, u"--stdin"_s, u"--all-errors"_s, u"--assessment"_s, u"--training"_s,
                         u"--approve"_s, u"--refuse"_s,
                         // SMS to the caller (TicketCommands.cpp: register --no-sms, sms --on|--off)
                         u"--no-sms"_s, u"--on"_s, u"--off"_s};

} // namespace

bool CtlArguments::parse(const QStringList &arguments, QString *error)
{
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        QString arg = arguments.at(i);
        QString inlineValue;
        bool hasInline = false;
        if (arg.startsWith(u"--"_s) && arg.contains(u'=')) {
            inlineValue = arg.section(u'=', 1);
            arg = arg.section(u'=', 0, 0);
            hasInline = true;
        }
        if (arg == u"-o"_s || arg == u"--output"_s)
            arg = u"-o"_s;
        if (kValueOptions.contains(arg)) {
            if (!hasInline && i + 1 >= arguments.size()) {
                *error = tr("Option %1 needs a value.").arg(arg);
                return false;
            }
            const QString value = hasInline ? inlineValue : arguments.at(++i);
            // An empty value is a script's unset variable: `-o "$OUT"` must not become standard output (an
            // unmasked export on the terminal), nor `--db "$DB"` an empty path. Only a note may be empty.
            if (value.isEmpty() && arg != u"--note"_s) {
                *error = tr("Option %1 needs a value.").arg(arg);
                return false;
            }
            m_values.insert(arg, value);
        } else if (kFlags.contains(arg) && !hasInline) {
            m_flags.insert(arg == u"-h"_s ? u"--help"_s : arg);
        } else if (arg.startsWith(u'-') && arg.size() > 1 && !arg.at(1).isDigit()) {
            // A negative number ("-1") is a value, so that `config set KEY -1` says why -1 is refused.
            *error = tr("Unknown option %1. See hotlinectl --help.").arg(arguments.at(i));
            return false;
        } else {
            words << arg;
        }
    }
    return true;
}

QStringList CtlArguments::given() const
{
    QStringList all = m_values.keys();
    for (const QString &f : m_flags)
        all << f;
    return all;
}

} // namespace hotline::ctl
