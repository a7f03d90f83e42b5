#include "TestSupport.h"

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QProcessEnvironment>

namespace hotline::test {

QString testDataDir()
{
    return QProcessEnvironment::systemEnvironment().value(QStringLiteral("HOTLINE_TEST_DATA"));
}

QString sharedDataDir()
{
    const QString dir = QProcessEnvironment::systemEnvironment().value(QStringLiteral("HOTLINE_SHARED_DATA"));
    return !dir.isEmpty() && QFileInfo(dir).isDir() ? QDir(dir).canonicalPath() : QString();
}

QString hotlinectlPath()
{
    return QProcessEnvironment::systemEnvironment().value(QStringLiteral("HOTLINECTL"));
}

CtlResult runCtl(const QStringList &args, int timeoutMs)
{
    return runCtl(args, QProcessEnvironment::systemEnvironment(), timeoutMs);
}

CtlResult runCtl(const QStringList &args, const QProcessEnvironment &environment, int timeoutMs)
{
    return runCtl(args, environment, QByteArray(), timeoutMs);
}

CtlResult runCtlWithInput(const QStringList &args, const QByteArray &input, int timeoutMs)
{
    return runCtl(args, QProcessEnvironment::systemEnvironment(), input, timeoutMs);
}

CtlResult runCtl(const QStringList &args, const QProcessEnvironment &environment, const QByteArray &input,
                 int timeoutMs)
{
    QProcess p;
    p.setProcessEnvironment(environment);
    p.start(hotlinectlPath(), args);
    CtlResult r;
    if (!p.waitForStarted(timeoutMs)) {
        r.err = "hotlinectl did not start: " + p.errorString().toUtf8();
        return r;
    }
    p.write(input);
    p.closeWriteChannel();
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        r.err = "hotlinectl timed out";
        return r;
    }
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
    return r;
}

} // namespace hotline::test
