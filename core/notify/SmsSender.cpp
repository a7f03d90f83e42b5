#include "notify/SmsSender.h"

#include "domain/DisplayNames.h"
#include "notify/CitizenNotifier.h"
#include "notify/DepartmentContacts.h"
#include "notify/MessageClaims.h"
#include "notify/NotifyLog.h"
#include "notify/SmsTemplate.h"
#include "privacy/CallerPrivacy.h"
#include "service/DeskClock.h"
#include "service/Workspace.h"
#include "storage/EventStore.h"
#include "storage/Settings.h"
#include "util/Clock.h"

#include <QDateTime>
#include <QUuid>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace hotline {

SmsSender::SmsSender(Workspace &workspace, SmsOutbox &outbox, MessageClaims &claims, QObject *parent)
    : QObject(parent),
      m_ws(workspace),
      m_outbox(outbox),
      m_claims(claims),
      m_claimant(workspace.consoleCode() % u':' % QUuid::createUuid().toString(QUuid::Id128).left(12))
{
    connect(&m_gateway, &SmsGateway::finished, this, &SmsSender::onFinished);
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        sendDue();
        armTimer();
    });
}

void SmsSender::setAutomatic(bool on)
{
    m_automatic = on;
    if (on)
        armTimer();
    else
        m_timer.stop();
}

void SmsSender::armTimer()
{
    if (!m_automatic)
        return;
    const qint64 now = m_ws.clock().nowMs();
    const std::optional<qint64> next = m_outbox.nextAttemptMs();
    // Another process may queue messages in the same file: look again at least once a minute.
    const qint64 wait = std::clamp<qint64>(next ? *next - now : 60'000, 0, 60'000);
    m_timer.start(int(wait));
}

SmsSender::Prepared SmsSender::prepare(const OutboxMessage &m) const
{
    Prepared p;
    p.request.id = m.id;
    Settings &settings = m_ws.settings();
    p.problem = SmsGateway::checkUrl(settings.smsUrl());
    if (!p.problem.isEmpty())
        return p;
    if (m.audience == u"desk"_s)
        return prepareDesk(m, std::move(p));
    if (m.audience == u"citizen"_s)
        return prepareCitizen(m, std::move(p));
    const std::optional<DepartmentContact> dept = DepartmentContacts(m_ws.database()).find(m.department);
    p.request.to = !dept ? QStringList() : m.audience == u"head"_s ? QStringList{dept->headPhone} : dept->dutyPhones;
    p.request.to.removeAll(QString());
    if (p.request.to.isEmpty()) {
        p.problem = m.audience == u"head"_s
                        ? tr("Department %1 has no head's phone number; add it on the departments page.").arg(m.department)
                        : tr("Department %1 has no duty phone number; add one on the departments page.").arg(m.department);
        return p;
    }
    const Ticket t = m_ws.events().ticket(m.ticketId);
    const SlaClock sla = m_ws.sla();
    const qint64 now = m_ws.clock().nowSecs();
    SmsTemplate::Values v;
    v.number = t.number;
    v.department = dept->name;
    if (t.deadlineS) {
        v.remaining = DisplayNames::workingTime(sla.remaining(now, *t.deadlineS));
        v.deadline = QDateTime::fromSecsSinceEpoch(*t.deadlineS, sla.calendar().timeZone()).toString(u"yyyy-MM-dd HH:mm"_s);
    }
    if (m.kind == u"follow_up"_s) {
        // The citizen's progress call (CitizenNotifier): a fixed text, the templates speak of the deadline.
        p.request.text = v.remaining.isEmpty()
                             ? tr("Hotline ticket %1 (%2): the citizen called again to ask about progress.").arg(t.number, dept->name)
                             : tr("Hotline ticket %1 (%2): the citizen called again to ask about progress; %3 left.")
                                   .arg(t.number, dept->name, v.remaining);
        return p;
    }
    const QString text = m.kind == u"urge"_s ? settings.smsUrgeTemplate() : settings.smsTemplate();
    p.request.text = SmsTemplate::render(text, v, &p.problem);
    return p;
}

SmsSender::Prepared SmsSender::prepareCitizen(const OutboxMessage &m, Prepared p) const
{
    // Decided again at sending: the caller may have declined, or the centre turned SMS off, since it was queued.
    const Ticket t = m_ws.events().ticket(m.ticketId);
    p.cancelled = CitizenNotifier::whyNoCitizenSms(m_ws, t);
    if (!p.cancelled.isEmpty())
        return p;
    p.request.to = {*CitizenNotifier::mobileOf(t.callerPhone)};
    SmsTemplate::Values v;
    v.number = t.number;
    const std::optional<DepartmentContact> dept = DepartmentContacts(m_ws.database()).find(m.department);
    v.department = dept ? dept->name : m.department;
    if (m.kind == u"citizen_replied"_s) {
        // The reply this SMS is about (a later reply has its own SMS), not merely the latest one.
        const QList<TicketEvent> history = m_ws.events().history(m.ticketId);
        for (const TicketEvent &e : history) {
            if (e.id == m.eventId)
                v.reply = e.payload.value(Key::Text).toString();
        }
    }
    const QString text = m.kind == u"citizen_registered"_s ? m_ws.settings().smsCitizenRegisteredTemplate()
                                                            : m_ws.settings().smsCitizenRepliedTemplate();
    p.request.text = SmsTemplate::renderCitizen(text, v, &p.problem);
    return p;
}

SmsSender::Prepared SmsSender::prepareDesk(const OutboxMessage &m, Prepared p) const
{
    // A reminder to the dispatch desk about the centre's own clock (DeskClock): to the duty phones, in a fixed
    // text (the configurable templates speak of a department's deadline).
    p.request.to = m_ws.settings().dispatchDutyPhones();
    if (p.request.to.isEmpty()) {
        p.problem = tr("The dispatch desk has no duty phone number; set dispatch.duty_phones in the settings.");
        return p;
    }
    const Ticket t = m_ws.events().ticket(m.ticketId);
    const DeskClock desk = DeskClock::fromSettings(m_ws.sla(), m_ws.settings());
    const std::optional<DeskStage> stage = DeskClock::stageOf(t);
    if (!stage) {
        // Dispatched or closed since it was queued: the reminder still goes out (it was due), saying so plainly.
        p.request.text = tr("Hotline ticket %1 waited too long at the dispatch desk.").arg(t.number);
        return p;
    }
    const DeskStatus st = desk.status(*stage, *t.stageSinceMs / 1000, m_ws.clock().nowSecs());
    const QString limit = QDateTime::fromSecsSinceEpoch(st.deadlineS, desk.calendar().timeZone()).toString(u"yyyy-MM-dd HH:mm"_s);
    p.request.text = *stage == DeskStage::Callback
                         ? tr("Hotline ticket %1 waits for the callback; limit %2 (%3).")
                               .arg(t.number, limit, DisplayNames::workingTime(st.remainingSeconds))
                         : tr("Hotline ticket %1 waits for dispatch; limit %2 (%3).")
                               .arg(t.number, limit, DisplayNames::workingTime(st.remainingSeconds));
    return p;
}

void SmsSender::defer(const OutboxMessage &m, const QString &outcome, const QString &detail, qint64 nextMs, bool counted)
{
    QString error;
    const SmsAttempt a{m.id, m_ws.clock().nowMs(), m_claimant, outcome, 0, detail};
    if (!m_outbox.recordFailure(a, nextMs, counted, &error))
        qCWarning(lcNotify) << error;
}

int SmsSender::sendDue()
{
    int posted = 0;
    const QList<OutboxMessage> due = m_outbox.due(m_ws.clock().nowMs());
    for (const OutboxMessage &m : due) {
        if (m_inFlight.contains(m.id))
            continue;
        attempt(m);
        posted += m_inFlight.contains(m.id) ? 1 : 0;
    }
    if (m_inFlight.isEmpty())
        Q_EMIT idle();
    return posted;
}

void SmsSender::attempt(const OutboxMessage &m)
{
    const qint64 now = m_ws.clock().nowMs();
    const Prepared p = prepare(m);
    if (!p.cancelled.isEmpty()) {
        QString error;
        if (!m_outbox.recordCancelled(SmsAttempt{m.id, now, m_claimant, u"cancelled"_s, 0, p.cancelled}, &error))
            qCWarning(lcNotify) << error;
        return;
    }
    if (!p.problem.isEmpty()) {
        // Said once per problem, not once per message: a missing URL would otherwise repeat for every reminder.
        if (p.problem != m_lastProblem)
            qCWarning(lcNotify) << "SMS waits:" << p.problem;
        m_lastProblem = p.problem;
        defer(m, u"config"_s, p.problem, now + kConfigRetryMs, false);
        Q_EMIT problem(p.problem);
        Q_EMIT attemptFailed(m.id, p.problem);
        return;
    }
    const int timeoutMs = std::max(1, m_ws.settings().smsTimeoutSeconds()) * 1000;
    // The lease outlives the request, so no other sender can post this id while this POST may still arrive.
    const Claim c = m_claims.claim(m.id, m_claimant, now, 2LL * timeoutMs + 30'000);
    switch (c.result) {
    case ClaimResult::AlreadySent: {
        QString error;
        const SmsAttempt a{m.id, now, m_claimant, u"sent_elsewhere"_s, 0, tr("Already sent by %1.").arg(c.holder)};
        if (!m_outbox.recordSent(a, QString(), QString(), true, &error))
            qCWarning(lcNotify) << error;
        return;
    }
    case ClaimResult::HeldElsewhere:
        defer(m, u"held_elsewhere"_s, tr("Being sent by %1.").arg(c.holder), c.leaseUntilMs + 1000, false);
        return;
    case ClaimResult::Unavailable:
        defer(m, u"claim_unavailable"_s, tr("Cannot claim the message: %1").arg(c.error),
              now + SmsOutbox::backoffMs(m.attempts + 1), false);
        return;
    case ClaimResult::Granted:
        break;
    }
    m_inFlight.insert(m.id, m);
    m_posted.insert(m.id, p.request);
    m_gateway.post(QUrl(m_ws.settings().smsUrl()), m_ws.settings().smsToken(), timeoutMs, p.request);
}

void SmsSender::onFinished(const SmsResult &r)
{
    const OutboxMessage m = m_inFlight.take(r.id);
    const SmsRequest posted = m_posted.take(r.id);
    const qint64 now = m_ws.clock().nowMs();
    QString error;
    if (r.ok) {
        m_lastProblem.clear();
        if (!m_claims.markSent(r.id, m_claimant, now, &error))
            qCWarning(lcNotify) << "sent" << r.id << "but cannot record the claim:" << error;
        const SmsAttempt a{r.id, now, m_claimant, r.outcome, r.httpStatus, QString()};
        // A caller's number is kept masked in the SMS log (the ticket holds it for those who may see it).
        const QString recipients = m.audience == u"citizen"_s ? CallerPrivacy::maskPhone(posted.to.join(u';'))
                                                              : posted.to.join(u';');
        if (!m_outbox.recordSent(a, recipients, posted.text, false, &error))
            qCWarning(lcNotify) << error;
        Q_EMIT messageSent(r.id);
    } else {
        m_claims.release(r.id, m_claimant);
        const SmsAttempt a{r.id, now, m_claimant, r.outcome, r.httpStatus, r.detail};
        if (!m_outbox.recordFailure(a, now + SmsOutbox::backoffMs(m.attempts + 1), true, &error))
            qCWarning(lcNotify) << error;
        Q_EMIT attemptFailed(r.id, r.detail);
    }
    if (m_inFlight.isEmpty()) {
        armTimer();
        Q_EMIT idle();
    }
}

} // namespace hotline
