#include "service/TicketQueries.h"

#include "auth/Permissions.h"
#include "storage/Database.h"
#include "storage/EventStore.h"
#include "storage/TicketTable.h"

#include <QSet>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace hotline {
namespace {

constexpr qint64 kDuplicateWindowMs = 7LL * 24 * 3600 * 1000;
constexpr double kDuplicateSimilarity = 0.5;

bool seesEverything(const Actor &actor)
{
    return Permissions::allows(actor, Action::ViewAllTickets);
}

bool dispatchDesk(const Actor &actor)
{
    // Those who dispatch work the queues; supervision reads them.
    return Permissions::allows(actor, Action::Dispatch) || Permissions::allows(actor, Action::Urge);
}

QSet<QString> bigrams(const QString &s)
{
    QString text;
    for (const QChar c : s) {
        if (c.isLetterOrNumber())
            text += c.toLower();
    }
    QSet<QString> out;
    for (qsizetype i = 0; i + 1 < text.size(); ++i)
        out.insert(text.mid(i, 2));
    if (text.size() == 1)
        out.insert(text);
    return out;
}

} // namespace

TicketQueries::TicketQueries(Database &db, EventStore &store) : m_db(db), m_store(store) {}

bool TicketQueries::maySee(const Actor &actor, const Ticket &t)
{
    if (!t.exists())
        return false;
    return seesEverything(actor) || (!actor.department.isEmpty() && t.department == actor.department);
}

std::optional<Ticket> TicketQueries::ticket(const Actor &actor, const QString &ticketId)
{
    const Ticket t = m_store.ticket(ticketId);
    if (!maySee(actor, t))
        return std::nullopt;
    return t;
}

QList<TicketEvent> TicketQueries::history(const Actor &actor, const QString &ticketId)
{
    if (!ticket(actor, ticketId))
        return {};
    return m_store.history(ticketId);
}

QList<Ticket> TicketQueries::select(const QString &where, const QVariantList &values, const QString &order, int limit)
{
    QSqlQuery q(m_db.sql());
    q.setForwardOnly(true);
    q.prepare(u"SELECT "_s + TicketTable::columns() + u" FROM tickets WHERE "_s + where + u" ORDER BY "_s + order
              + (limit > 0 ? u" LIMIT "_s + QString::number(limit) : QString()));
    for (const QVariant &v : values)
        q.addBindValue(v);
    QList<Ticket> out;
    if (q.exec()) {
        while (q.next())
            out << TicketTable::fromQuery(q);
    }
    return out;
}

QList<Ticket> TicketQueries::dispatchQueue(const Actor &actor)
{
    if (!dispatchDesk(actor))
        return {};
    return select(u"state = 'registered' AND closed_ms IS NULL AND parent_id IS NULL"_s, {}, u"registered_ms, number"_s);
}

QString TicketQueries::returnReason(const QString &ticketId)
{
    const QList<TicketEvent> events = m_store.history(ticketId);
    for (auto it = events.crbegin(); it != events.crend(); ++it) {
        if (it->type == EventType::Returned)
            return it->payload.value(Key::Reason).toString();
        if (it->type == EventType::Dispatched || it->type == EventType::Registered || it->type == EventType::Reopened)
            return {};
    }
    return {};
}

QList<Ticket> TicketQueries::departmentTickets(const Actor &actor, const QString &code)
{
    if (!seesEverything(actor) && code != actor.department)
        return {};
    return select(u"department = ? AND closed_ms IS NULL"_s, {code}, u"deadline_s, number"_s);
}

QList<Ticket> TicketQueries::pendingExtensions(const Actor &actor)
{
    if (!dispatchDesk(actor))
        return {};
    return select(u"extension_pending = 1 AND closed_ms IS NULL"_s, {}, u"deadline_s, number"_s);
}

QList<Ticket> TicketQueries::awaitingCallback(const Actor &actor)
{
    if (!seesEverything(actor))
        return {};
    return select(u"state = 'replied' AND closed_ms IS NULL"_s, {}, u"replied_ms, number"_s);
}

QList<Ticket> TicketQueries::callerHistory(const Actor &actor, const QString &phone, int limit)
{
    if (phone.isEmpty() || !seesEverything(actor))
        return {};
    return select(u"caller_phone = ?"_s, {phone}, u"registered_ms DESC"_s, limit);
}

double TicketQueries::similarity(const QString &a, const QString &b)
{
    const QSet<QString> x = bigrams(a);
    const QSet<QString> y = bigrams(b);
    if (x.isEmpty() || y.isEmpty())
        return 0.0;
    const qsizetype shared = QSet<QString>(x).intersect(y).size();
    return double(shared) / double(std::min(x.size(), y.size()));
}

QList<Ticket> TicketQueries::likelyDuplicates(const Actor &actor, const QString &phone, const QString &summary, qint64 nowMs)
{
    if (phone.isEmpty() || summary.trimmed().isEmpty() || !seesEverything(actor))
        return {};
    QList<Ticket> out;
    const QList<Ticket> recent = select(u"caller_phone = ? AND registered_ms >= ?"_s, {phone, nowMs - kDuplicateWindowMs},
                                        u"registered_ms DESC"_s, 50);
    for (const Ticket &t : recent) {
        if (similarity(t.summary, summary) >= kDuplicateSimilarity)
            out << t;
    }
    return out;
}

QList<Department> TicketQueries::departments()
{
    QList<Department> out;
    QSqlQuery q(m_db.sql());
    if (q.exec(u"SELECT code, name, duty_phones, head_phone FROM departments ORDER BY code"_s)) {
        while (q.next())
            out << Department{q.value(0).toString(), q.value(1).toString(),
                              q.value(2).toString().split(u';', Qt::SkipEmptyParts), q.value(3).toString()};
    }
    return out;
}

QString TicketQueries::departmentName(const QString &code)
{
    QSqlQuery q(m_db.sql());
    q.prepare(u"SELECT name FROM departments WHERE code = ?"_s);
    q.addBindValue(code);
    return q.exec() && q.next() ? q.value(0).toString() : code;
}

QStringList TicketQueries::categories()
{
    QStringList out;
    QSqlQuery q(m_db.sql());
    if (q.exec(u"SELECT name FROM categories WHERE active = 1 ORDER BY name"_s)) {
        while (q.next())
            out << q.value(0).toString();
    }
    return out;
}

QStringList TicketQueries::towns()
{
    QStringList out;
    QSqlQuery q(m_db.sql());
    if (q.exec(u"SELECT name FROM towns WHERE active = 1 ORDER BY name"_s)) {
        while (q.next())
            out << q.value(0).toString();
    }
    return out;
}

QString TicketQueries::suggestedDepartment(const QString &category)
{
    QSqlQuery q(m_db.sql());
    q.prepare(u"SELECT department_code FROM categories WHERE name = ?"_s);
    q.addBindValue(category);
    return q.exec() && q.next() ? q.value(0).toString() : QString();
}

} // namespace hotline
