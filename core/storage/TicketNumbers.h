#pragma once

#include <QString>
#include <QTimeZone>

namespace hotline {

class Database;

/**
 * Allocates ticket numbers YYMMDD-CC-NNNN: the centre's local date, the console's code and a daily
 * sequence kept in the console's own database, so consoles never need each other to stay unique.
 * Call inside the write transaction that records the registration.
 */
class TicketNumbers final
{
public:
    TicketNumbers(Database &db, QTimeZone zone);
    /** The next number, or an empty string if the database refused (error set). */
    QString next(qint64 nowMs, const QString &consoleCode, QString *error);

private:
    Database &m_db;
    QTimeZone m_zone;
};

} // namespace hotline
