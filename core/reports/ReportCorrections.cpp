#include "reports/ReportCorrections.h"

#include "reports/ReportBuilder.h"
#include "storage/Database.h"

#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace hotline {

ReportCorrections::ReportCorrections(Database &db, QTimeZone zone)
    : m_db(db)
    , m_zone(std::move(zone))
{
}

std::optional<QList<ReportCorrection>> ReportCorrections::find(QDate from, QDate to, qint64 nowMs, QString *error) const
{
    const qint64 fromMs = ReportBuilder::startOfDayMs(from, m_zone);
    const qint64 toMs = ReportBuilder::startOfDayMs(to, m_zone);
    if (nowMs < toMs)
        return QList<ReportCorrection> {}; // still running: nothing can be dated after its end yet
    const auto fail = [error](const QSqlQuery &q) {
        if (error)
            *error = q.lastError().text();
        return std::nullopt;
    };

    // Only a ticket that was open after the end can have been corrected after it (a reopen, transfer, return,
    // extension or dispatch needs an open ticket, and closing it again happens later still): so the candidates
    // are the tickets registered before the end that are open now or were closed since the end, two ranges of
    // tickets_closed; their events are then read through events_ticket. There is no index on events.at_ms to go
    // the other way round (see docs/REPORTS.md).
    QSqlQuery q(m_db.sql());
    q.setForwardOnly(true);
    q.prepare(u"WITH open_after(id, number, registered_ms) AS ("
              " SELECT id, number, registered_ms FROM tickets WHERE closed_ms >= ? AND registered_ms < ?"
              " UNION ALL"
              " SELECT id, number, registered_ms FROM tickets WHERE closed_ms IS NULL AND registered_ms < ?) "
              "SELECT e.ticket_id, t.number, e.type, e.at_ms FROM open_after t CROSS JOIN events e "
              "ON e.ticket_id = t.id WHERE e.at_ms >= ? "
              "AND (e.type IN (?, ?, ?, ?) OR (e.type = ? AND t.registered_ms >= ?)) "
              "ORDER BY t.number, e.at_ms, e.seq"_s);
    for (const QVariant &v : QVariantList {toMs, toMs, toMs, toMs, toCode(EventType::Reopened),
                                           toCode(EventType::Transferred), toCode(EventType::Returned),
                                           toCode(EventType::ExtensionApproved), toCode(EventType::Dispatched), fromMs})
        q.addBindValue(v);
    if (!q.exec())
        return fail(q);
    QList<ReportCorrection> candidates;
    while (q.next()) {
        const std::optional<EventType> type = eventTypeFromCode(q.value(2).toString());
        if (type)
            candidates.append({q.value(0).toString(), q.value(1).toString(), *type, q.value(3).toLongLong()});
    }

    // Leave out tickets that were closed for the whole period: their latest close/reopen before it is a close.
    QSet<QString> closedBefore;
    QSet<QString> checked;
    QSqlQuery state(m_db.sql());
    state.prepare(u"SELECT type FROM events WHERE ticket_id = ? AND at_ms < ? AND type IN (?, ?) "
                  "ORDER BY at_ms DESC, seq DESC LIMIT 1"_s);
    for (const ReportCorrection &c : std::as_const(candidates)) {
        if (checked.contains(c.ticketId))
            continue;
        checked.insert(c.ticketId);
        state.addBindValue(c.ticketId);
        state.addBindValue(fromMs);
        state.addBindValue(toCode(EventType::Closed));
        state.addBindValue(toCode(EventType::Reopened));
        if (!state.exec())
            return fail(state);
        if (state.next() && state.value(0).toString() == toCode(EventType::Closed))
            closedBefore.insert(c.ticketId);
    }
    QList<ReportCorrection> out;
    for (const ReportCorrection &c : std::as_const(candidates)) {
        if (!closedBefore.contains(c.ticketId))
            out.append(c);
    }
    return out;
}

namespace {

int ticketsWhere(const QList<ReportCorrection> &corrections, bool correction)
{
    QSet<QString> tickets;
    for (const ReportCorrection &c : corrections) {
        if (ReportCorrections::isCorrection(c) == correction)
            tickets.insert(c.ticketId);
    }
    return int(tickets.size());
}

} // namespace

QString ReportCorrections::summary(const QList<ReportCorrection> &corrections)
{
    const int n = ticketsWhere(corrections, true);
    return n == 0 ? QString() : tr("Corrected after the period closed: %n ticket(s)", nullptr, n);
}

QString ReportCorrections::note(const QList<ReportCorrection> &corrections)
{
    QStringList parts;
    if (const QString corrected = summary(corrections); !corrected.isEmpty())
        parts << corrected + u" — "_s
                + tr("the figures differ from those at the end of the period; the tickets are listed at the end "
                     "of the report.");
    if (const int n = ticketsWhere(corrections, false); n > 0)
        parts << tr("%n ticket(s) registered in the period were first dispatched after it and now count in their "
                    "department's row.",
                    nullptr, n);
    return parts.join(u' ');
}

} // namespace hotline
