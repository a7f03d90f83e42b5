#pragma once

#include <QByteArray>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

namespace hotline::test {

/** Folder of the project's own test data (tests/data), set by CTest. */
QString testDataDir();
/** ../shared/data beside the project, or an empty string where it does not exist (a user's fresh clone). */
QString sharedDataDir();
/** Path of the hotlinectl executable built with the tests. */
QString hotlinectlPath();

/** Result of running hotlinectl. */
struct CtlResult
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};
/** Runs hotlinectl with the arguments and waits for it (at most timeoutMs). */
CtlResult runCtl(const QStringList &args, int timeoutMs = 120000);
/** The same with a changed environment (e.g. another language). */
CtlResult runCtl(const QStringList &args, const QProcessEnvironment &environment, int timeoutMs = 120000);
/** The same with bytes on its standard input (e.g. the password of --as). */
CtlResult runCtlWithInput(const QStringList &args, const QByteArray &input, int timeoutMs = 120000);
/** Both: a changed environment and bytes on standard input. */
CtlResult runCtl(const QStringList &args, const QProcessEnvironment &environment, const QByteArray &input,
                 int timeoutMs = 120000);

} // namespace hotline::test
