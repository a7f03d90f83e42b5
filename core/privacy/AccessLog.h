#pragma once

#include "auth/Actor.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <optional>

namespace hotline {

class Clock;
class Database;

/** One row of the access log: someone saw callers in full (one ticket on screen, or an unmasked export). */
struct AccessLogEntry
{
    enum class Kind { View, Export };

    qint64 id = 0;
    qint64 atMs = 0;
    Kind kind = Kind::View;
    QString user;         ///< sign-in name; for hotlinectl the operating-system user running it
    Role role = Role::System;
    QString console;      ///< console code
    QString ticketId;     ///< View: the ticket; empty for an export
    QString ticketNumber; ///< View: the ticket's number
    int tickets = 1;      ///< how many tickets' callers were seen (an export's row count)
    QString detail;       ///< Export: the period and the file
};

/** Filters of AccessLog::list(); empty ones match everything. */
struct AccessLogFilter
{
    QString user;                 ///< exact sign-in name
    QString ticket;               ///< ticket number (exact) or id
    std::optional<qint64> fromMs; ///< inclusive
    std::optional<qint64> toMs;   ///< exclusive
    int limit = 5000;             ///< newest first; a page never holds more
};

/**
 * Who saw which caller in full, kept in the console's own database (table access_log, schema 8), append-only
 * (triggers refuse UPDATE and DELETE). Rows are written by CallerReveal and the unmasked ticket export — never
 * by the UI directly — and read by administrators (Action::ViewAccessLog).
 */
class AccessLog final
{
    Q_DECLARE_TR_FUNCTIONS(AccessLog)

public:
    AccessLog(Database &db, const Clock &clock);

    /** Appends entry (its id and atMs are set here); false with error when it could not be stored. */
    bool record(AccessLogEntry entry, QString *error);
    /** The rows matching filter, newest first; refused (empty, error set) unless reader may ViewAccessLog. */
    QList<AccessLogEntry> list(const Actor &reader, const AccessLogFilter &filter, QString *error);

    static QString kindCode(AccessLogEntry::Kind kind);

private:
    Database &m_db;
    const Clock &m_clock;
};

} // namespace hotline
