#include "notify/CitizenNotifier.h"

#include "domain/PhoneNumber.h"
#include "domain/Ticket.h"
#include "notify/MessageIds.h"
#include "notify/NotifyLog.h"
#include "notify/SmsOutbox.h"
#include "service/Workspace.h"
#include "storage/Database.h"
#include "storage/EventStore.h"
#include "storage/Settings.h"
#include "util/Clock.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace hotline {
namespace {

// History that was never news: the CSV importer's and the demo data's actors (TicketImporter, DemoData).
bool isHistory(const QString &actor)
{
    return actor == u"import"_s || actor.startsWith(u"demo-"_s);
}

} // namespace

QString CitizenNotifier::markKey()
{
    return u"notify.event_seq"_s;
}

CitizenNotifier::CitizenNotifier(Workspace &workspace, SmsOutbox &outbox, QObject *parent)
    : QObject(parent), m_ws(workspace), m_outbox(outbox)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        processNew();
        if (m_automatic)
            m_timer.start(30'000);
    });
    // After the writer's transaction has ended (the signal may come from inside someone's commit path).
    connect(&m_ws.events(), &EventStore::ticketsChanged, this, [this] {
        if (m_automatic)
            m_timer.start(0);
    });
}

void CitizenNotifier::setAutomatic(bool on)
{
    m_automatic = on;
    if (on)
        m_timer.start(30'000);
    else
        m_timer.stop();
}

std::optional<QString> CitizenNotifier::mobileOf(const QString &phone)
{
    if (phone.trimmed().isEmpty())
        return std::nullopt;
    const std::optional<PhoneNumber> p = PhoneNumber::parse(phone, nullptr, PhoneNumber::Kind::Mobile);
    if (!p)
        return std::nullopt;
    return p->normalized();
}

QString CitizenNotifier::whyNoCitizenSms(Workspace &workspace, const Ticket &t)
{
    if (!workspace.settings().smsCitizenEnabled())
        return tr("SMS to callers are turned off for the centre (sms.citizen.enabled).");
    if (!t.citizenSms)
        return tr("The caller declined SMS about this ticket.");
    if (t.callerPhone.trimmed().isEmpty())
        return tr("The caller left no phone number.");
    if (!mobileOf(t.callerPhone))
        return tr("The caller's number is not a mobile number.");
    return {};
}

CitizenSmsResult CitizenNotifier::processNew()
{
    CitizenSmsResult result;
    if (m_running)
        return result;
    qint64 mark = m_ws.database().meta(markKey(), u"0"_s).toLongLong();
    {
        // Nothing new: no write lock taken (this runs after every local change and every 30 s).
        QSqlQuery q(m_ws.database().sql());
        if (q.exec(u"SELECT COALESCE(MAX(seq), 0) FROM events"_s) && q.next() && q.value(0).toLongLong() <= mark)
            return result;
    }
    m_running = true;
    bool more = true;
    while (more) {
        if (!writeBatch(mark, result, &more)) {
            qCWarning(lcNotify) << result.error;
            Q_EMIT failed(result.error);
            break;
        }
    }
    m_running = false;
    if (result.citizen + result.followUpAlerts > 0)
        Q_EMIT queued(result.citizen + result.followUpAlerts);
    return result;
}

bool CitizenNotifier::writeBatch(qint64 &mark, CitizenSmsResult &result, bool *more)
{
    *more = false;
    WriteTransaction tx(m_ws.database());
    if (!tx.isActive()) {
        result.error = tr("Cannot queue SMS about new events: %1").arg(tx.error());
        return false;
    }
    // Read the mark again inside the transaction: another process on this file may have done the work.
    mark = m_ws.database().meta(markKey(), u"0"_s).toLongLong();
    QSqlQuery q(m_ws.database().sql());
    q.setForwardOnly(true);
    if (!q.exec(u"SELECT COALESCE(MAX(seq), 0) FROM events"_s) || !q.next()) {
        result.error = tr("Cannot read the event log: %1").arg(q.lastError().text());
        return false;
    }
    const qint64 top = q.value(0).toLongLong();
    if (top <= mark)
        return true;
    q.prepare(u"SELECT seq, id, ticket_id, type, at_ms, actor, payload FROM events WHERE seq > ? AND seq <= ? "
              "AND type IN ('registered', 'replied', 'followed_up') ORDER BY seq LIMIT ?"_s);
    q.addBindValue(mark);
    q.addBindValue(top);
    q.addBindValue(kBatch);
    if (!q.exec()) {
        result.error = tr("Cannot read the event log: %1").arg(q.lastError().text());
        return false;
    }
    struct Row
    {
        qint64 seq;
        QString id, ticketId, type, actor;
        qint64 atMs;
        QJsonObject payload;
    };
    QList<Row> rows;
    while (q.next())
        rows << Row{q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString(),
                    q.value(5).toString(), q.value(4).toLongLong(),
                    QJsonDocument::fromJson(q.value(6).toString().toUtf8()).object()};
    q.finish();
    const qint64 newMark = rows.size() == kBatch ? rows.last().seq : top;
    *more = rows.size() == kBatch;

    const qint64 now = m_ws.clock().nowMs();
    const bool citizenOn = m_ws.settings().smsCitizenEnabled();
    QList<OutboxMessage> messages;
    int citizen = 0;
    for (const Row &r : std::as_const(rows)) {
        if (isHistory(r.actor) || r.atMs < now - kFreshMs)
            continue;
        OutboxMessage m;
        m.ticketId = r.ticketId;
        m.eventId = r.id;
        m.createdMs = now;
        m.nextAttemptMs = now;
        if (r.type == u"followed_up"_s) {
            // The department whose clock ran hears that the citizen asked again (none: nobody to tell).
            const QString department = r.payload.value(Key::Department).toString();
            if (department.isEmpty())
                continue;
            m.id = MessageIds::messageId(r.id, u"duty"_s);
            m.kind = u"follow_up"_s;
            m.department = department;
            m.audience = u"duty"_s;
            messages << m;
            continue;
        }
        if (!citizenOn)
            continue;
        const Ticket t = m_ws.events().ticket(r.ticketId);
        if (!t.citizenSms || !mobileOf(t.callerPhone))
            continue; // declined, no number or a landline: the ticket detail says why (whyNoCitizenSms)
        m.id = MessageIds::messageId(r.id, u"citizen"_s);
        m.kind = r.type == u"registered"_s ? u"citizen_registered"_s : u"citizen_replied"_s;
        m.department = t.department.isEmpty() ? u""_s : t.department; // NOT NULL: never a null string
        m.audience = u"citizen"_s;
        messages << m;
        ++citizen;
    }
    for (const OutboxMessage &m : std::as_const(messages)) {
        if (!m_outbox.enqueueWithin(m, &result.error)) {
            result.error = tr("Cannot queue SMS about new events: %1").arg(result.error);
            return false;
        }
    }
    if (!m_ws.database().setMeta(markKey(), QString::number(newMark))) {
        result.error = tr("Cannot queue SMS about new events: the progress mark cannot be stored.");
        return false;
    }
    if (!tx.commit()) {
        result.error = tr("Cannot queue SMS about new events: %1").arg(tx.error());
        return false;
    }
    mark = newMark;
    result.citizen += citizen;
    result.followUpAlerts += int(messages.size()) - citizen;
    if (!messages.isEmpty())
        qCInfo(lcNotify) << "queued" << citizen << "SMS to callers and" << messages.size() - citizen
                         << "progress-call alerts up to event" << newMark;
    return true;
}

} // namespace hotline
