#include "privacy/TicketExport.h"

#include "auth/Permissions.h"
#include "io/CsvWriter.h"
#include "io/TicketCsv.h"
#include "privacy/AccessLog.h"
#include "privacy/CallerPrivacy.h"
#include "service/TicketQueries.h"
#include "service/Workspace.h"
#include "storage/Database.h"
#include "storage/TicketTable.h"

#include <QBuffer>
#include <QDateTime>
#include <QHash>
#include <QSqlError>
#include <QSqlQuery>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace hotline {

std::optional<TicketExportResult> TicketExport::run(Workspace &workspace, const Actor &by,
                                                    const TicketExportRequest &request, QString *error)
{
    if (!Permissions::check(by, Action::Export, error))
        return std::nullopt;
    // Whole files of callers: only for roles that see every caller in full, not a department's share.
    if (request.unmasked && Permissions::grant(by.role, Action::ViewCallerInFull) != Grant::Allowed) {
        *error = tr("%1 may not export callers unmasked.").arg(by.user);
        return std::nullopt;
    }
    if (request.toMs <= request.fromMs) {
        *error = tr("The period is empty: its end must come after its start.");
        return std::nullopt;
    }

    QHash<QString, QString> departmentNames;
    for (const Department &d : workspace.queries().departments())
        departmentNames.insert(d.code, d.name.isEmpty() ? d.code : d.name);
    const QTimeZone zone = workspace.sla().calendar().timeZone();
    const auto instant = [&zone](const std::optional<qint64> &ms, bool applies = true) -> QString {
        return applies && ms ? QDateTime::fromMSecsSinceEpoch(*ms, zone).toString(Qt::ISODate) : QString();
    };

    QSqlQuery q(workspace.database().sql());
    q.setForwardOnly(true);
    q.prepare(u"SELECT "_s + TicketTable::columns()
              + u" FROM tickets WHERE registered_ms >= ? AND registered_ms < ? ORDER BY registered_ms, number"_s);
    q.addBindValue(request.fromMs);
    q.addBindValue(request.toMs);
    if (!q.exec()) {
        *error = tr("Cannot read the tickets: %1").arg(q.lastError().text());
        return std::nullopt;
    }

    TicketExportResult result;
    QBuffer buffer(&result.csv);
    buffer.open(QIODevice::WriteOnly);
    CsvWriter w(&buffer);
    w.writeBom();
    w.writeRow(TicketCsvReader::columns());
    while (q.next()) {
        const Ticket t = TicketTable::fromQuery(q);
        // Keep the row importable: a ticket back in the dispatch queue has no department, so no dispatch;
        // the callback answer belongs to a closed ticket only.
        const bool dispatched = !t.department.isEmpty() && t.dispatchedMs.has_value();
        const QString satisfaction = t.closedMs && t.satisfaction ? toCode(*t.satisfaction) : QString();
        QStringList row {
            t.number, toCode(t.channel), toCode(t.type), t.category, t.town,
            dispatched ? departmentNames.value(t.department, t.department) : QString(),
            request.unmasked ? t.callerName : CallerPrivacy::maskName(t.callerName),
            request.unmasked ? t.callerPhone : CallerPrivacy::maskPhone(t.callerPhone),
            request.unmasked ? t.summary : CallerPrivacy::scrubPhoneNumbers(t.summary),
            instant(t.registeredMs), instant(t.dispatchedMs, dispatched), instant(t.repliedMs, dispatched),
            instant(t.closedMs), satisfaction};
        // Names and summaries come from callers and imports: a cell that starts like a formula must not run.
        for (QString &cell : row)
            cell = CsvWriter::neutralised(cell);
        w.writeRow(row);
        ++result.tickets;
    }
    if (!w.flush()) {
        *error = w.errorString();
        return std::nullopt;
    }

    if (request.unmasked) {
        AccessLogEntry entry;
        entry.kind = AccessLogEntry::Kind::Export;
        entry.user = by.user;
        entry.role = by.role;
        entry.console = by.console;
        entry.tickets = result.tickets;
        entry.detail = u"%1 → %2"_s.arg(request.period, request.target); // data, not a sentence: any language reads it
        if (!AccessLog(workspace.database(), workspace.clock()).record(entry, error))
            return std::nullopt;
    }
    return result;
}

} // namespace hotline
