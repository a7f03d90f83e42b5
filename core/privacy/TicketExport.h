#pragma once

#include "auth/Actor.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

#include <optional>

namespace hotline {

class Workspace;

/** What to export: tickets registered in [fromMs, toMs), masked unless unmasked is set. */
struct TicketExportRequest
{
    qint64 fromMs = 0;
    qint64 toMs = 0;
    bool unmasked = false;
    QString period; ///< as the user gave it ("2025-03", "2025-03-01..2025-03-15"), for the access log
    QString target; ///< the file written ("stdout" when none), for the access log
};

struct TicketExportResult
{
    QByteArray csv; ///< UTF-8 with BOM, CRLF rows
    int tickets = 0;
};

/**
 * The historical ticket CSV of PRODUCT §7 for tickets registered in a period (centre's zone, instants with
 * offset), the same format `import tickets` reads. By default callers are masked (CallerPrivacy) and phone
 * numbers typed into summaries are scrubbed: such a file can be handed on, but not imported again (a masked
 * number is not a number). An unmasked export needs Export and an unrestricted ViewCallerInFull, and writes one
 * access-log row (who, how many tickets, period, file) before any data is returned: no log, no export.
 */
class TicketExport final
{
    Q_DECLARE_TR_FUNCTIONS(TicketExport)

public:
    static std::optional<TicketExportResult> run(Workspace &workspace, const Actor &by,
                                                 const TicketExportRequest &request, QString *error);
};

} // namespace hotline
