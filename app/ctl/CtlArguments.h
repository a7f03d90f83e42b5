#pragma once

#include <QCoreApplication>
#include <QHash>
#include <QSet>
#include <QStringList>

namespace hotline::ctl {

/**
 * hotlinectl's command line: words (the command and its arguments) and options, which may stand anywhere
 * (`--db PATH`, `-o FILE`, `--format json` …). Every option is known in advance, so a typo is an error,
 * never silently a positional argument.
 */
class CtlArguments final
{
    Q_DECLARE_TR_FUNCTIONS(CtlArguments)

public:
    /** Parses arguments (without the program name); false with error set on an unknown or incomplete option. */
    bool parse(const QStringList &arguments, QString *error);

    QStringList words;
    bool has(const QString &option) const { return m_values.contains(option) || m_flags.contains(option); }
    QString value(const QString &option, const QString &fallback = {}) const { return m_values.value(option, fallback); }
    /** Options given but not used by the command that ran (reported as errors). */
    QStringList given() const;

private:
    QHash<QString, QString> m_values;
    QSet<QString> m_flags;
};

} // namespace hotline::ctl
