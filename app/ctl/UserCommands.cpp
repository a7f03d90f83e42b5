// hotlinectl users: list the accounts, unlock one, reset a password. The recovery path of an administrator
// who locked themselves out: whoever can run this on the machine already holds the database file.
#include "CtlContext.h"

#include "auth/UserStore.h"
#include "service/Workspace.h"
#include "util/Clock.h"

#include <QDateTime>
#include <QFile>

#include <cstdio>

#ifdef Q_OS_UNIX
#include <termios.h>
#include <unistd.h>
#endif

using namespace Qt::StringLiterals;

namespace hotline::ctl {

int cmdUsers(CtlContext &ctx);

namespace {

const Actor kCtlActor{u"hotlinectl"_s, Role::System, QString(), QString()};

/** Hides the typed characters while a password is read from a terminal. */
class EchoOff
{
public:
    EchoOff()
    {
#ifdef Q_OS_UNIX
        m_active = isatty(STDIN_FILENO) && tcgetattr(STDIN_FILENO, &m_saved) == 0;
        if (m_active) {
            termios quiet = m_saved;
            quiet.c_lflag &= ~tcflag_t(ECHO);
            tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
        }
#endif
    }
    ~EchoOff()
    {
#ifdef Q_OS_UNIX
        if (m_active)
            tcsetattr(STDIN_FILENO, TCSANOW, &m_saved);
#endif
    }
    EchoOff(const EchoOff &) = delete;
    EchoOff &operator=(const EchoOff &) = delete;
    bool terminal() const { return m_active; }

private:
    bool m_active = false;
#ifdef Q_OS_UNIX
    termios m_saved{};
#endif
};

void prompt(const QString &text)
{
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stderr);
    std::fflush(stderr);
}

/** One line of standard input without its line end; nullopt at end of input. */
std::optional<QString> readLine(QFile &in)
{
    QByteArray line = in.readLine();
    if (line.isEmpty())
        return std::nullopt;
    while (line.endsWith('\n') || line.endsWith('\r'))
        line.chop(1);
    return QString::fromUtf8(line);
}

QString status(const User &u, const LockState &lock, const Clock &clock)
{
    QStringList parts;
    parts << (u.disabled ? CtlContext::tr("disabled") : CtlContext::tr("enabled"));
    if (lock.locked(clock.nowMs())) {
        parts << CtlContext::tr("locked until %1")
                     .arg(QDateTime::fromMSecsSinceEpoch(lock.lockedUntilMs).toString(u"yyyy-MM-dd HH:mm"_s));
    } else if (lock.failures > 0) {
        parts << CtlContext::tr("%n failed sign-in(s)", nullptr, lock.failures);
    }
    if (u.mustChangePassword)
        parts << CtlContext::tr("must change password");
    return parts.join(u", "_s);
}

int list(CtlContext &ctx, Workspace &ws)
{
    for (const User &u : ws.users().users()) {
        ctx.print(u"%1\t%2\t%3\t%4\t%5"_s.arg(u.name, u.displayName, toCode(u.role), u.department,
                                              status(u, ws.users().lockState(u.name), ctx.clock())));
    }
    return Ok;
}

int unlock(CtlContext &ctx, Workspace &ws, const QString &name)
{
    QString error;
    if (!ws.users().user(name))
        return ctx.fail(CtlContext::tr("There is no user %1.").arg(name));
    if (!ws.users().unlock(kCtlActor, name, &error))
        return ctx.fail(error);
    ctx.print(CtlContext::tr("%1 is unlocked.").arg(name));
    return Ok;
}

int resetPassword(CtlContext &ctx, Workspace &ws, const QString &name)
{
    if (!ws.users().user(name))
        return ctx.fail(CtlContext::tr("There is no user %1.").arg(name));
    // From standard input only: a password in argv would be visible to every user of the machine (ps).
    QFile in;
    if (!in.open(stdin, QIODevice::ReadOnly))
        return ctx.fail(CtlContext::tr("Cannot read the new password from standard input."));
    std::optional<QString> password;
    {
        EchoOff quiet;
        if (quiet.terminal())
            prompt(CtlContext::tr("New password for %1: ").arg(name));
        password = readLine(in);
        if (quiet.terminal() && password) {
            prompt(CtlContext::tr("\nThe same again: "));
            const auto again = readLine(in);
            prompt(u"\n"_s);
            if (again != password)
                return ctx.fail(CtlContext::tr("The two passwords differ; nothing was changed."));
        }
    }
    if (!password || password->isEmpty())
        return ctx.fail(CtlContext::tr("Give the new password on standard input, e.g. from a file: "
                                       "hotlinectl users reset-password NAME < FILE"), Usage);
    QString error;
    if (!ws.users().resetPassword(kCtlActor, name, *password, &error))
        return ctx.fail(CtlContext::tr("The password was not changed: %1").arg(error));
    ctx.print(CtlContext::tr("%1 has a new password and must choose another at the next sign-in; the account is unlocked.")
                  .arg(name));
    return Ok;
}

int enable(CtlContext &ctx, Workspace &ws, const QString &name)
{
    QString error;
    if (!ws.users().setDisabled(kCtlActor, name, false, &error))
        return ctx.fail(error);
    ctx.print(CtlContext::tr("%1 is enabled.").arg(name));
    return Ok;
}

} // namespace

int cmdUsers(CtlContext &ctx)
{
    const QStringList &w = ctx.args.words;
    const QString verb = w.value(0);
    const bool known = (verb == u"list"_s && w.size() == 1)
        || ((verb == u"unlock"_s || verb == u"reset-password"_s || verb == u"enable"_s) && w.size() == 2);
    if (!known)
        return ctx.fail(CtlContext::tr("Usage: hotlinectl users list | unlock NAME | enable NAME | reset-password NAME "
                                       "(the new password on standard input)"),
                        Usage);
    Workspace *ws = ctx.workspace();
    if (!ws)
        return Failed;
    if (verb == u"list"_s)
        return list(ctx, *ws);
    if (verb == u"unlock"_s)
        return unlock(ctx, *ws, w.at(1));
    if (verb == u"enable"_s)
        return enable(ctx, *ws, w.at(1));
    return resetPassword(ctx, *ws, w.at(1));
}

} // namespace hotline::ctl
