#include "sync/ServerNumbers.h"

#include "domain/Ticket.h"
#include "domain/TicketEvent.h"
#include "storage/Database.h"
#include "sync/PgConnection.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace hotline {

bool ServerNumbers::clashing(PgConnection &pg, const QStringList &numbers, const QStringList &ticketIds,
                             QList<ServerClash> *out, QString *error)
{
    for (qsizetype from = 0; from < numbers.size(); from += kBatch) {
        QList<QByteArray> n, t;
        for (qsizetype i = from; i < qMin(numbers.size(), from + kBatch); ++i) {
            n << numbers.at(i).toUtf8();
            t << ticketIds.at(i).toUtf8();
        }
        const PgResult r = pg.exec("SELECT number, ticket_id, other_ticket_id, other_console "
                                   "FROM hotline_clashing_numbers($1::text[], $2::text[])",
                                   {PgConnection::textArray(n), PgConnection::textArray(t)});
        if (!r.ok()) {
            *error = tr("cannot ask the server about ticket numbers: %1").arg(r.error());
            return false;
        }
        for (int i = 0; i < r.rows(); ++i)
            *out << ServerClash{r.text(i, 0), r.text(i, 1), r.text(i, 2), r.text(i, 3)};
    }
    return true;
}

bool ServerNumbers::clashingIn(PgConnection &pg, const QList<TicketEvent> &events, QList<ServerClash> *out,
                               QString *error)
{
    QStringList numbers, ids;
    for (const TicketEvent &e : events) {
        if (e.type != EventType::Registered && e.type != EventType::Renumbered)
            continue;
        // The outbox hands events over as stored, unparsed: read the one field needed.
        const QJsonObject payload = e.payload.isEmpty() ? QJsonDocument::fromJson(e.payloadText).object() : e.payload;
        const QString number
            = payload.value(e.type == EventType::Registered ? Key::Number : Key::To).toString().trimmed();
        if (number.isEmpty())
            continue;
        numbers << number;
        ids << e.ticketId;
    }
    return numbers.isEmpty() || clashing(pg, numbers, ids, out, error);
}

bool ServerNumbers::clashingLocal(PgConnection &pg, Database &db, QList<ServerClash> *out, QString *error)
{
    QStringList numbers, ids;
    QSqlQuery q(db.sql());
    q.setForwardOnly(true);
    // The numbers the tickets have now: a number a ticket was renumbered away from is the server's to keep.
    if (!q.exec(u"SELECT number, id FROM tickets"_s)) {
        *error = Database::describeError(q.lastError(), db.path());
        return false;
    }
    while (q.next()) {
        numbers << q.value(0).toString();
        ids << q.value(1).toString();
    }
    return clashing(pg, numbers, ids, out, error);
}

QString ServerNumbers::summary(const QList<ServerClash> &clashes, int shown)
{
    QStringList numbers;
    QSet<QString> seen;
    for (const ServerClash &c : clashes) {
        if (!seen.contains(c.number)) {
            seen.insert(c.number);
            numbers << c.number;
        }
    }
    const qsizetype total = numbers.size();
    QString text = numbers.mid(0, shown).join(u", "_s);
    if (total > shown)
        text += tr(" (and %1 more: %2 in all)").arg(total - shown).arg(total);
    return text;
}

} // namespace hotline
