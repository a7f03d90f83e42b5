#pragma once

#include "domain/Enums.h"
#include "reports/ReportData.h"

#include <QCoreApplication>
#include <QDate>
#include <QList>
#include <QTimeZone>

#include <optional>

namespace hotline {

class Database;

/** One week of the period (clipped to it) and the §6 overdue figure over that week. */
struct WeekOverdue
{
    QDate from;
    QDate to; ///< exclusive
    qint64 overdue = 0;

    bool operator==(const WeekOverdue &) const = default;
};

/** The figures behind the charts that the §6 report does not carry itself. */
struct ReportSeries
{
    QDate from;
    QDate to; ///< exclusive
    QList<QDate> days; ///< every date of the period
    QList<QList<qint64>> intakeByChannel; ///< [channel index in allChannels()][day index]: tickets registered
    QList<qint64> receivedByType; ///< [type index in allTicketTypes()]
    QList<WeekOverdue> overdueByWeek; ///< Monday-to-Sunday weeks, the first and last clipped to the period; a
                                      ///< week not over is judged now, a week not begun counts none

    static QList<Channel> allChannels();
    static QList<TicketType> allTicketTypes();
};

/** A ticket behind a bar of the on-time chart: completed by the department in the period. */
struct CompletedTicket
{
    QString number;
    QString summary;
    qint64 closedMs = 0;
    bool onTime = false;
};

/**
 * Computes the chart series over the same projection and with the same period bounds as ReportBuilder, so
 * that intake sums to `received` and each week's overdue is exactly that week's §6 report.
 */
class ReportSeriesBuilder final
{
    Q_DECLARE_TR_FUNCTIONS(ReportSeriesBuilder)

public:
    /** nowMs: the instant of the report (the workspace Clock), at which a running period's open tickets are judged. */
    ReportSeriesBuilder(Database &db, QTimeZone zone, qint64 nowMs);

    std::optional<ReportSeries> build(QDate from, QDate to, QString *error = nullptr) const;
    /** Tickets completed in [from, to) whose latest dispatch went to departmentCode, by closing time. */
    std::optional<QList<CompletedTicket>> completedTickets(QDate from, QDate to, const QString &departmentCode,
                                                           QString *error = nullptr) const;

private:
    Database &m_db;
    QTimeZone m_zone;
    qint64 m_nowMs;
};

} // namespace hotline
