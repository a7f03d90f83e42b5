#include "intake/IntakeService.h"

#include "domain/Ticket.h"
#include "service/Workspace.h"
#include "storage/Database.h"
#include "storage/EventStore.h"
#include "storage/TicketLookup.h"
#include "calendar/WorkCalendar.h"
#include "sla/SlaClock.h"
#include "util/Clock.h"

#include <QCryptographicHash>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace hotline {
namespace {

QString stageOf(TicketState s)
{
    switch (s) {
    case TicketState::Registered: return u"received"_s;
    case TicketState::Dispatched:
    case TicketState::Signed: return u"in_progress"_s;
    case TicketState::Replied: return u"answered"_s;
    case TicketState::Closed: return u"closed"_s;
    }
    return u"received"_s;
}

} // namespace

IntakeService::IntakeService(Workspace &ws) : m_ws(ws) {}

QString IntakeService::checkKey(const QString &key)
{
    if (key.isEmpty() || key.size() > kMaxKey)
        return tr("An Idempotency-Key is 1 to %1 characters.").arg(kMaxKey);
    for (const QChar c : key) {
        if (c.unicode() < 0x21 || c.unicode() > 0x7e)
            return tr("An Idempotency-Key is made of visible ASCII characters only (e.g. a UUID).");
    }
    return {};
}

Actor IntakeService::actorFor(const IntakeToken &token) const
{
    return Actor{u"intake:"_s + token.name, Role::System, QString(), m_ws.consoleCode()};
}

namespace {

/** The active entry of a reference table with this name, else with this code in any case; empty when none. */
QString activeNamed(Database &db, const QString &table, const QString &nameOrCode)
{
    QSqlQuery q(db.sql());
    q.prepare(u"SELECT name FROM %1 WHERE active = 1 AND (name = ? OR (code <> '' AND lower(code) = lower(?))) "
              "ORDER BY name = ? DESC LIMIT 1"_s.arg(table));
    const QString value = nameOrCode.trimmed();
    q.addBindValue(value);
    q.addBindValue(value);
    q.addBindValue(value);
    return q.exec() && q.next() ? q.value(0).toString() : QString();
}

} // namespace

QString IntakeService::categoryNamed(const QString &nameOrCode) const
{
    return activeNamed(m_ws.database(), u"categories"_s, nameOrCode);
}

QString IntakeService::townNamed(const QString &nameOrCode) const
{
    return activeNamed(m_ws.database(), u"towns"_s, nameOrCode);
}

QByteArray IntakeService::contentHash(const NewTicket &t)
{
    // Over the fields as understood, not the bytes: a retry whose JSON differs only in spacing or key order is
    // the same request.
    const QStringList parts{toCode(t.type), t.summary, t.details, t.callerName, t.callerPhone, t.category, t.town,
                            t.address, t.latitude ? QString::number(*t.latitude, 'g', 17) : QString(),
                            t.longitude ? QString::number(*t.longitude, 'g', 17) : QString()};
    return QCryptographicHash::hash(parts.join(QChar(0x1f)).toUtf8(), QCryptographicHash::Sha256).toHex();
}

std::optional<IntakeOutcome> IntakeService::earlier(const QString &tokenName, const QString &key, const QByteArray &hash) const
{
    QSqlQuery q(m_ws.database().sql());
    q.prepare(u"SELECT number, body_hash, ticket_id FROM intake_keys WHERE token_name = ? AND key = ?"_s);
    q.addBindValue(tokenName);
    q.addBindValue(key);
    if (!q.exec() || !q.next())
        return std::nullopt;
    IntakeOutcome o;
    o.number = q.value(0).toString();
    if (q.value(1).toString().toLatin1() != hash) {
        o.kind = IntakeOutcome::Kind::KeyReused;
        o.message = tr("The Idempotency-Key %1 was used for a different request (ticket %2); use a new key for a "
                       "new request.")
                        .arg(key, o.number);
        return o;
    }
    o.kind = IntakeOutcome::Kind::Replayed;
    o.status = toCode(m_ws.events().ticket(q.value(2).toString()).state);
    return o;
}

IntakeOutcome IntakeService::submit(const IntakeToken &token, NewTicket input, const QString &key)
{
    IntakeOutcome out;
    input.channel = token.channel;
    input.source = token.name;
    out.errors = TicketService::validate(input);
    if (!out.errors.isEmpty()) {
        out.kind = IntakeOutcome::Kind::Invalid;
        out.message = out.errors.first().message;
        return out;
    }
    const QByteArray hash = contentHash(input);
    if (!key.isEmpty()) {
        if (std::optional<IntakeOutcome> seen = earlier(token.name, key, hash))
            return *seen;
    }
    Database &db = m_ws.database();
    const qint64 now = m_ws.clock().nowMs();
    TicketService::WithRegistration within;
    if (!key.isEmpty()) {
        within = [&](const QString &ticketId, const QString &number, QString *error) {
            QSqlQuery q(db.sql());
            q.prepare(u"INSERT INTO intake_keys (token_name, key, ticket_id, number, created_ms, body_hash) "
                      "VALUES (?, ?, ?, ?, ?, ?)"_s);
            q.addBindValue(token.name);
            q.addBindValue(key);
            q.addBindValue(ticketId);
            q.addBindValue(number);
            q.addBindValue(now);
            q.addBindValue(QString::fromLatin1(hash));
            if (!q.exec()) {
                *error = Database::describeError(q.lastError(), db.path());
                return false;
            }
            return true;
        };
    }
    QString error;
    const QString id = m_ws.tickets().registerTicket(actorFor(token), input, within, &error);
    if (id.isEmpty()) {
        // Another process registered the same key first (its row made ours fail and roll back): that ticket.
        if (!key.isEmpty()) {
            if (std::optional<IntakeOutcome> seen = earlier(token.name, key, hash))
                return *seen;
        }
        out.kind = IntakeOutcome::Kind::Failed;
        out.message = error;
        return out;
    }
    const Ticket t = m_ws.events().ticket(id);
    out.kind = IntakeOutcome::Kind::Created;
    out.number = t.number;
    out.status = toCode(t.state);
    return out;
}

std::optional<PublicProgress> IntakeService::progress(const QString &number, const QString &idPrefix,
                                                      QList<PublicCandidate> *ambiguity) const
{
    if (number.isEmpty() || number.size() > 64 || idPrefix.size() > 64)
        return std::nullopt;
    const TicketMatch match = TicketLookup(m_ws.database()).resolve(number, idPrefix, m_ws.sla().calendar().timeZone());
    if (match.outcome == TicketMatch::Outcome::Ambiguous && ambiguity) {
        for (const TicketCandidate &c : match.candidates)
            *ambiguity << PublicCandidate{TicketLookup::idPrefix(c.ticket.id, match.candidates), c.console, c.ticket.registeredMs,
                                          c.ticket.summary};
    }
    // By number only: a ticket id is not something the public is given.
    if (!match.ok() || (match.found.ticket.number != number && !match.found.formerNumber))
        return std::nullopt;
    const Ticket &t = match.found.ticket;
    PublicProgress p;
    p.number = t.number;
    if (match.found.formerNumber)
        p.formerly = number;
    p.status = toCode(t.state);
    p.stage = stageOf(t.state);
    switch (t.state) {
    case TicketState::Registered: p.stageText = tr("Received; waiting to be passed to a department"); break;
    case TicketState::Dispatched:
    case TicketState::Signed: p.stageText = tr("Being handled by the department"); break;
    case TicketState::Replied: p.stageText = tr("Answered by the department"); break;
    case TicketState::Closed: p.stageText = tr("Closed"); break;
    }
    if (!t.department.isEmpty()) {
        QSqlQuery q(m_ws.database().sql());
        q.prepare(u"SELECT name FROM departments WHERE code = ?"_s);
        q.addBindValue(t.department);
        p.departmentName = q.exec() && q.next() ? q.value(0).toString() : t.department;
    }
    if (t.isCounting())
        p.deadlineS = t.deadlineS;
    if (t.state == TicketState::Replied || t.state == TicketState::Closed)
        p.reply = t.replyText;
    p.category = t.category;
    p.summary = t.summary;
    p.address = t.address;
    p.latitude = t.latitude;
    p.longitude = t.longitude;
    p.registeredMs = t.registeredMs;
    p.closed = t.closedMs.has_value();
    p.updatedMs = t.registeredMs;
    for (const std::optional<qint64> &at : {t.dispatchedMs, t.signedMs, t.repliedMs, t.closedMs, t.stageSinceMs}) {
        if (at && *at > p.updatedMs)
            p.updatedMs = *at;
    }
    return p;
}

} // namespace hotline
