#include "reports/ReportSeries.h"

#include "reports/ReportBuilder.h"
#include "storage/Database.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace hotline {

QList<Channel> ReportSeries::allChannels()
{
    return {Channel::Phone,    Channel::Weibo,     Channel::WeChat, Channel::Web,
            Channel::Petition, Channel::Interview, Channel::WalkIn};
}

QList<TicketType> ReportSeries::allTicketTypes()
{
    return {TicketType::Consult, TicketType::Complaint, TicketType::Help, TicketType::Suggestion, TicketType::Report};
}

ReportSeriesBuilder::ReportSeriesBuilder(Database &db, QTimeZone zone, qint64 nowMs)
    : m_db(db)
    , m_zone(std::move(zone))
    , m_nowMs(nowMs)
{
}

std::optional<ReportSeries> ReportSeriesBuilder::build(QDate from, QDate to, QString *error) const
{
    QString scratch;
    QString &why = error ? *error : scratch;
    if (!from.isValid() || !to.isValid() || from >= to) {
        why = tr("The report period from %1 to %2 is empty.").arg(from.toString(Qt::ISODate), to.toString(Qt::ISODate));
        return std::nullopt;
    }
    ReportSeries s;
    s.from = from;
    s.to = to;
    // Day starts in UTC ms, computed per date so that a zone with daylight saving still buckets correctly.
    QList<qint64> starts;
    for (QDate d = from; d < to; d = d.addDays(1)) {
        s.days.append(d);
        starts.append(ReportBuilder::startOfDayMs(d, m_zone));
    }
    const qint64 endMs = ReportBuilder::startOfDayMs(to, m_zone);
    const QList<Channel> channels = ReportSeries::allChannels();
    const QList<TicketType> types = ReportSeries::allTicketTypes();
    s.intakeByChannel = QList<QList<qint64>>(channels.size(), QList<qint64>(s.days.size(), 0));
    s.receivedByType = QList<qint64>(types.size(), 0);

    // One pass over the tickets registered in the period (an index range), bucketed here.
    QSqlQuery q(m_db.sql());
    q.setForwardOnly(true);
    q.prepare(u"SELECT registered_ms, channel, type FROM tickets WHERE registered_ms >= ? AND registered_ms < ?"_s);
    q.addBindValue(starts.first());
    q.addBindValue(endMs);
    if (!q.exec()) {
        why = tr("Cannot compute the chart figures: %1").arg(q.lastError().text());
        return std::nullopt;
    }
    while (q.next()) {
        const qint64 atMs = q.value(0).toLongLong();
        const auto day = std::upper_bound(starts.cbegin(), starts.cend(), atMs) - starts.cbegin() - 1;
        if (const auto channel = channelFromCode(q.value(1).toString()); channel && day >= 0)
            ++s.intakeByChannel[channels.indexOf(*channel)][day];
        if (const auto type = ticketTypeFromCode(q.value(2).toString()))
            ++s.receivedByType[types.indexOf(*type)];
    }

    // Each week's overdue is that of a §6 report over the week, so the chart can never disagree with one.
    const ReportBuilder reports(m_db, m_zone, m_nowMs);
    for (QDate weekFrom = from; weekFrom < to;) {
        const QDate nextMonday = weekFrom.addDays(8 - weekFrom.dayOfWeek());
        const QDate weekTo = std::min(nextMonday, to);
        const std::optional<qint64> overdue = reports.overdueTotal(weekFrom, weekTo, &why);
        if (!overdue)
            return std::nullopt;
        s.overdueByWeek.append(WeekOverdue {weekFrom, weekTo, *overdue});
        weekFrom = weekTo;
    }
    return s;
}

std::optional<QList<CompletedTicket>>
ReportSeriesBuilder::completedTickets(QDate from, QDate to, const QString &departmentCode, QString *error) const
{
    QSqlQuery q(m_db.sql());
    q.setForwardOnly(true);
    q.prepare(u"SELECT number, summary, closed_ms, on_time FROM tickets "
              "WHERE closed_ms >= ? AND closed_ms < ? AND department = ? ORDER BY closed_ms, number"_s);
    q.addBindValue(ReportBuilder::startOfDayMs(from, m_zone));
    q.addBindValue(ReportBuilder::startOfDayMs(to, m_zone));
    q.addBindValue(departmentCode);
    if (!q.exec()) {
        if (error)
            *error = q.lastError().text();
        return std::nullopt;
    }
    QList<CompletedTicket> out;
    while (q.next())
        out.append(CompletedTicket {q.value(0).toString(), q.value(1).toString(), q.value(2).toLongLong(),
                                    q.value(3).toInt() == 1});
    return out;
}

} // namespace hotline
