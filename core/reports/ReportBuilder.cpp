#include "reports/ReportBuilder.h"

#include "domain/Enums.h"
#include "storage/Database.h"
#include "util/LogCategories.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QMap>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>
#include <functional>
#include <limits>

using namespace Qt::StringLiterals;

namespace hotline {
namespace {

struct Bounds
{
    qint64 fromMs = 0;
    qint64 toMs = 0;
    qint64 cutoffMs = 0; ///< open tickets are judged here: the earlier of toMs and now
    qint64 cutoffS = 0; ///< a deadline has passed at the cutoff when deadline_s < cutoffS
    bool begun = true; ///< now is after the period's start: there can be open tickets to judge
};

Bounds boundsOf(QDate from, QDate to, const QTimeZone &zone, qint64 nowMs)
{
    Bounds b;
    b.fromMs = ReportBuilder::startOfDayMs(from, zone);
    b.toMs = ReportBuilder::startOfDayMs(to, zone);
    b.cutoffMs = std::min(b.toMs, nowMs);
    b.begun = nowMs > b.fromMs;
    // At the period's end (a closed period): deadline_s * 1000 < toMs, ceiling because division truncates.
    // At now (a running period): red on the board, strictly after the deadline in whole seconds (SlaClock), so
    // deadline_s < floor(now / 1000). The two agree whenever the cutoff is a whole second.
    const qint64 toS = b.toMs / 1000 + (b.toMs % 1000 > 0 ? 1 : 0);
    b.cutoffS = nowMs < b.toMs ? nowMs / 1000 : toS;
    return b;
}

/** One grouped query: column 0 is the department code (NULL: no department), `add` reads the rest. */
struct GroupQuery
{
    QString sql;
    QVariantList binds;
    std::function<void(ReportFigures &, const QSqlQuery &)> add;
    bool overdue = false; ///< contributes to the overdue figure
};

qint64 count(const QSqlQuery &q, int column)
{
    return q.value(column).toLongLong();
}

// Every query is served by a range of one index (see the indexes of 001_initial.sql). "+department" keeps
// SQLite from walking the whole tickets_department index just to avoid sorting the groups, which it prefers
// when it has no statistics and the range has one open end.
QList<GroupQuery> groupQueries(const Bounds &b)
{
    return {
        {u"SELECT department, COUNT(*) FROM tickets WHERE registered_ms >= ? AND registered_ms < ? "
         "GROUP BY +department"_s,
         {b.fromMs, b.toMs},
         [](ReportFigures &f, const QSqlQuery &q) { f.received += count(q, 1); }},
        // Each department judged on the clocks it was given in the period (one row per dispatch or transfer,
        // kept by the fold), as of the cutoff, so that a closed period stays as it was at its end: a reply, return
        // or misroute counts once it happened before the cutoff; a breach once its deadline passed before it,
        // whether the fold recorded it (breached_s, a late reply, a return or transfer after the deadline) or the
        // clock was still running there, unless an extension asked in time is still undecided (it holds the breach
        // until decided). A misroute never costs the department anything.
        {u"SELECT department, COUNT(*), COUNT(CASE WHEN outcome = 'replied' AND ended_ms < ? THEN 1 END), "
         "COUNT(CASE WHEN outcome = 'replied' AND on_time = 1 AND ended_ms < ? THEN 1 END), "
         "COUNT(CASE WHEN outcome IS NOT 'misroute' AND COALESCE(breached_s, deadline_s) < ? "
         "AND (breached_s IS NOT NULL OR on_time = 0 "
         "OR (outcome IN ('returned', 'transferred') AND deadline_s < ended_ms / 1000) "
         "OR ((ended_ms IS NULL OR ended_ms >= ?) AND NOT (ended_ms IS NULL AND EXISTS ("
         "SELECT 1 FROM tickets t WHERE t.id = dispatches.ticket_id AND t.clock_id = dispatches.event_id "
         "AND t.extension_pending = 1)))) THEN 1 END), "
         "COUNT(CASE WHEN outcome = 'returned' AND ended_ms < ? THEN 1 END), "
         "COUNT(CASE WHEN outcome = 'misroute' AND ended_ms < ? THEN 1 END), "
         "TOTAL(extensions), TOTAL(follow_ups) FROM dispatches WHERE at_ms >= ? AND at_ms < ? GROUP BY department"_s,
         {b.cutoffMs, b.cutoffMs, b.begun ? b.cutoffS : std::numeric_limits<qint64>::min(), b.cutoffMs, b.cutoffMs,
          b.cutoffMs, b.fromMs, b.toMs},
         [](ReportFigures &f, const QSqlQuery &q) {
             f.dispatched += count(q, 1);
             f.replied += count(q, 2);
             f.repliedOnTime += count(q, 3);
             f.breaches += count(q, 4);
             f.returns += count(q, 5);
             f.misroutes += count(q, 6);
             f.extensions += qint64(q.value(7).toDouble());
             f.followUps += qint64(q.value(8).toDouble());
         }},
        // On time judges the ticket: none of its clocks breached (tickets.breached is permanent), and the reply in
        // force was on time (or it was closed at intake).
        {u"SELECT department, COUNT(*), COUNT(CASE WHEN on_time = 1 AND breached = 0 THEN 1 END) FROM tickets "
         "WHERE closed_ms >= ? AND closed_ms < ? GROUP BY +department"_s,
         {b.fromMs, b.toMs},
         [](ReportFigures &f, const QSqlQuery &q) {
             f.completed += count(q, 1);
             f.onTime += count(q, 2);
             f.overdue += count(q, 1) - count(q, 2); // completed late
         },
         true},
        // Open at the cutoff past the deadline in force without an on-time reply, in two parts so that each is
        // one index range: still open now (closed_ms IS NULL), and closed since the cutoff. The terms
        // "deadline_s IS NOT NULL AND reply_on_time IS NOT 1" match the partial index proposed for this. A period
        // that has not begun binds an empty deadline range (deadline_s < minimum), keeping the same plan.
        {u"SELECT department, COUNT(*) FROM tickets WHERE deadline_s IS NOT NULL AND reply_on_time IS NOT 1 "
         "AND closed_ms IS NULL AND deadline_s < ? AND dispatched_ms < ? GROUP BY +department"_s,
         {b.begun ? b.cutoffS : std::numeric_limits<qint64>::min(), b.cutoffMs},
         [](ReportFigures &f, const QSqlQuery &q) { f.overdue += count(q, 1); },
         true},
        {u"SELECT department, COUNT(*) FROM tickets WHERE deadline_s IS NOT NULL AND reply_on_time IS NOT 1 "
         "AND closed_ms >= ? AND deadline_s < ? AND dispatched_ms < ? GROUP BY +department"_s,
         {b.cutoffMs, b.begun ? b.cutoffS : std::numeric_limits<qint64>::min(), b.cutoffMs},
         [](ReportFigures &f, const QSqlQuery &q) { f.overdue += count(q, 1); },
         true},
        // Each callback carries the department that had the ticket when the caller answered (schema 2).
        {u"SELECT department, satisfaction, COUNT(*) FROM callbacks "
         "WHERE at_ms >= ? AND at_ms < ? GROUP BY +department, satisfaction"_s,
         {b.fromMs, b.toMs},
         [](ReportFigures &f, const QSqlQuery &q) {
             const std::optional<Satisfaction> answer = satisfactionFromCode(q.value(1).toString());
             if (!answer)
                 return; // the projection records known answers only; never guess one
             const qint64 n = count(q, 2);
             f.surveyed += n;
             switch (*answer) {
             case Satisfaction::Satisfied:
                 f.satisfied += n;
                 break;
             case Satisfaction::Basic:
                 f.basicallySatisfied += n;
                 break;
             case Satisfaction::Unsatisfied:
                 f.unsatisfied += n;
                 break;
             }
         }},
    };
}

bool execute(QSqlQuery &q, const QString &sql, const QVariantList &binds, QString *error)
{
    if (!q.prepare(sql)) {
        *error = q.lastError().text();
        return false;
    }
    for (const QVariant &v : binds)
        q.addBindValue(v);
    if (!q.exec()) {
        *error = q.lastError().text();
        return false;
    }
    return true;
}

/** A read transaction, so that all the queries see one snapshot even while other consoles write. */
class ReadSnapshot final
{
    Q_DISABLE_COPY_MOVE(ReadSnapshot)

public:
    explicit ReadSnapshot(QSqlDatabase db)
        : m_db(std::move(db))
        , m_active(m_db.transaction())
    {
    }
    // Nothing was written: ending with a rollback is the cheapest way out. Inside a caller's transaction
    // BEGIN fails and the caller's own snapshot applies.
    ~ReadSnapshot()
    {
        if (m_active)
            m_db.rollback();
    }

private:
    QSqlDatabase m_db;
    bool m_active;
};

} // namespace

ReportBuilder::ReportBuilder(Database &db, QTimeZone zone, qint64 nowMs)
    : m_db(db)
    , m_zone(std::move(zone))
    , m_nowMs(nowMs)
{
}

qint64 ReportBuilder::startOfDayMs(QDate date, const QTimeZone &zone)
{
    // startOfDay, not midnight: in a zone whose clocks jump at 00:00 the day starts at the first valid instant.
    return date.startOfDay(zone).toMSecsSinceEpoch();
}

std::optional<ReportData> ReportBuilder::build(QDate from, QDate to, QString *error) const
{
    QString scratch;
    QString &why = error ? *error : scratch;
    if (!from.isValid() || !to.isValid() || from >= to) {
        why = tr("The report period from %1 to %2 is empty.").arg(from.toString(Qt::ISODate), to.toString(Qt::ISODate));
        return std::nullopt;
    }
    QElapsedTimer timer;
    timer.start();

    const Bounds b = boundsOf(from, to, m_zone, m_nowMs);

    ReadSnapshot snapshot(m_db.sql());
    QSqlQuery q(m_db.sql());
    q.setForwardOnly(true);

    ReportData report;
    report.from = from;
    report.to = to;
    report.zone = m_zone;
    if (b.cutoffMs < b.toMs)
        report.runningAtMs = m_nowMs;
    QMap<QString, DepartmentReport> rows; // by code: the order of the report
    if (!execute(q, u"SELECT code, name FROM departments"_s, {}, &why)) {
        why = tr("Cannot read the departments: %1").arg(why);
        return std::nullopt;
    }
    while (q.next()) {
        const QString code = q.value(0).toString();
        rows.insert(code, DepartmentReport {code, q.value(1).toString(), {}});
    }

    for (const GroupQuery &g : groupQueries(b)) {
        if (!execute(q, g.sql, g.binds, &why)) {
            why = tr("Cannot compute the report: %1").arg(why);
            return std::nullopt;
        }
        while (q.next()) {
            g.add(report.totals, q);
            if (q.isNull(0))
                continue; // never dispatched, or back in the dispatch queue: totals only
            const QString code = q.value(0).toString();
            auto it = rows.find(code);
            if (it == rows.end())
                it = rows.insert(code, DepartmentReport {code, code, {}});
            g.add(it->figures, q);
        }
        qCDebug(lcReports) << timer.elapsed() << "ms after" << g.sql.left(60);
    }
    report.departments = rows.values();
    // In the same snapshot as the figures: the printed stamp names exactly the log they came from.
    report.log = LogStamp::read(m_db, &why);
    if (!report.log) {
        why = tr("Cannot compute the report: %1").arg(why);
        return std::nullopt;
    }
    qCDebug(lcReports) << "report" << from << to << "built in" << timer.elapsed() << "ms";
    return report;
}

std::optional<qint64> ReportBuilder::overdueTotal(QDate from, QDate to, QString *error) const
{
    QString scratch;
    QString &why = error ? *error : scratch;
    if (!from.isValid() || !to.isValid() || from >= to) {
        why = tr("The report period from %1 to %2 is empty.").arg(from.toString(Qt::ISODate), to.toString(Qt::ISODate));
        return std::nullopt;
    }
    ReadSnapshot snapshot(m_db.sql());
    QSqlQuery q(m_db.sql());
    q.setForwardOnly(true);
    ReportFigures totals;
    const QList<GroupQuery> queries = groupQueries(boundsOf(from, to, m_zone, m_nowMs));
    for (const GroupQuery &g : queries) {
        if (!g.overdue)
            continue;
        if (!execute(q, g.sql, g.binds, &why)) {
            why = tr("Cannot compute the report: %1").arg(why);
            return std::nullopt;
        }
        while (q.next())
            g.add(totals, q);
    }
    return totals.overdue;
}

QStringList ReportBuilder::queryPlans(QDate from, QDate to) const
{
    const Bounds b = boundsOf(from, to, m_zone, m_nowMs);
    QStringList plans;
    QSqlQuery q(m_db.sql());
    for (const GroupQuery &g : groupQueries(b)) {
        QString error;
        QStringList steps;
        if (execute(q, u"EXPLAIN QUERY PLAN "_s + g.sql, g.binds, &error)) {
            while (q.next())
                steps << q.value(3).toString();
        } else {
            steps << error;
        }
        plans << g.sql + u" => "_s + steps.join(u"; "_s);
    }
    return plans;
}

} // namespace hotline
