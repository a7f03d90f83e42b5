// hotlinectl escalate: the headless escalator of a centre's server (PRODUCT §4, §7).
#include "CtlContext.h"

#include "notify/NotifyService.h"
#include "notify/SmsGateway.h"
#include "notify/SmsTemplate.h"
#include "service/Workspace.h"
#include "storage/Settings.h"
#include "util/Clock.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QMap>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace hotline::ctl {
namespace {

/** The wall clock moved to start at a chosen instant: `escalate --at T` without --once keeps running from T. */
class ShiftedClock final : public Clock
{
public:
    explicit ShiftedClock(qint64 startMs) : m_offset(startMs - m_real.nowMs()) {}
    qint64 nowMs() const override { return m_real.nowMs() + m_offset; }

private:
    SystemClock m_real;
    qint64 m_offset;
};

void printErr(const QString &line)
{
    const QByteArray bytes = line.toUtf8() + '\n';
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stderr);
    std::fflush(stderr);
}

} // namespace

int cmdEscalate(CtlContext &ctx)
{
    if (!ctx.args.words.isEmpty())
        return ctx.fail(CtlContext::tr("Usage: hotlinectl escalate [--once] [--at ISO8601]"), Usage);
    const bool once = ctx.args.has(u"--once"_s);
    std::optional<qint64> at;
    if (ctx.args.has(u"--at"_s)) {
        QString error;
        at = ctx.parseInstant(ctx.args.value(u"--at"_s), &error);
        if (!at)
            return ctx.fail(error, Usage);
    }
    ManualClock manual(at.value_or(0));
    ShiftedClock shifted(at.value_or(0));
    SystemClock system;
    const Clock &clock = !at ? static_cast<const Clock &>(system) : once ? static_cast<const Clock &>(manual) : shifted;

    const QString path = ctx.args.value(u"--db"_s, Workspace::defaultDatabasePath());
    QString error;
    std::unique_ptr<Workspace> ws = Workspace::open(path, clock, &error);
    if (!ws)
        return ctx.fail(error);

    // Configuration problems do not stop the escalation: reminders are recorded and queued, and wait for the fix.
    QStringList problems;
    const QString urlProblem = SmsGateway::checkUrl(ws->settings().smsUrl());
    if (!urlProblem.isEmpty())
        problems << urlProblem;
    const QString templateProblem = SmsTemplate::check(ws->settings().smsTemplate());
    if (!templateProblem.isEmpty())
        problems << templateProblem;
    for (const QString &p : std::as_const(problems))
        printErr(p);

    NotifyService notify(*ws);
    int sent = 0;
    QMap<QString, QString> failures; // message id → latest reason
    QObject::connect(&notify.sender(), &SmsSender::messageSent, [&](const QString &id) {
        ++sent;
        failures.remove(id);
    });
    QObject::connect(&notify.sender(), &SmsSender::attemptFailed,
                     [&](const QString &id, const QString &reason) { failures.insert(id, reason); });
    if (!once) {
        QObject::connect(&notify.escalator(), &Escalator::failed, [](const QString &m) { printErr(m); });
        QObject::connect(&notify.sender(), &SmsSender::attemptFailed,
                         [](const QString &id, const QString &reason) { printErr(id + u": "_s + reason); });
    }
    const EscalationResult r = notify.start(!once);
    if (!r.error.isEmpty())
        return ctx.fail(r.error);
    if (!once) {
        printErr(CtlContext::tr("Escalating; %1 tickets watched. Stop with Ctrl+C.").arg(notify.escalator().scheduled()));
        return QCoreApplication::exec() == 0 ? Ok : Failed;
    }
    // The sender takes the outbox a page at a time: keep going until nothing is due at this instant (what was
    // deferred, held by another console or failed, waits for a later run).
    for (int page = 0;; ++page) {
        if (notify.sender().inFlight() > 0) {
            QEventLoop loop;
            QObject::connect(&notify.sender(), &SmsSender::idle, &loop, &QEventLoop::quit);
            loop.exec();
        }
        if (notify.outbox().due(clock.nowMs(), 1).isEmpty() || page > 100000)
            break;
        notify.sender().sendDue();
    }
    QString summary = CtlContext::tr("Reminders: %1, accountability records: %2, SMS sent: %3, SMS waiting: %4.")
                          .arg(r.reminders)
                          .arg(r.overdue)
                          .arg(sent)
                          .arg(notify.outbox().pendingCount());
    if (r.deskReminders > 0) // the centre's own clocks (DeskClock): said apart, never mixed with departments'
        summary += u'\n' + CtlContext::tr("Dispatch desk reminders: %1.").arg(r.deskReminders);
    if (!failures.isEmpty()) {
        QStringList reasons = failures.values();
        reasons.removeDuplicates();
        return ctx.fail(summary + u'\n'
                        + CtlContext::tr("%n SMS could not be sent and stay queued for a later attempt: %1", nullptr,
                                         int(failures.size()))
                              .arg(reasons.join(u"; "_s)));
    }
    ctx.print(summary);
    return Ok;
}

} // namespace hotline::ctl
