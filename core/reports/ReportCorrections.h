#pragma once

#include "domain/Enums.h"

#include <QCoreApplication>
#include <QDate>
#include <QList>
#include <QTimeZone>

#include <optional>

namespace hotline {

class Database;

/** An event dated after the period's end that rewrites how one of the period's tickets is counted. */
struct ReportCorrection
{
    QString ticketId;
    QString number;
    EventType type = EventType::Reopened;
    qint64 atMs = 0;

    bool operator==(const ReportCorrection &) const = default;
};

/**
 * Says whether a closed period's figures may differ from what they were when it closed. The report is computed
 * from the current projection, so it is stable for a closed period unless an event dated at or after the end
 * moved one of the period's tickets: a reopen (a closure disappears), a transfer or return (another department,
 * another deadline), an approved extension (another deadline), or the first dispatch of a ticket registered in
 * the period (its department row). Tickets registered after the period or closed before it began (and not
 * reopened in it) cannot change the period and are left out. Every other event after the end (a reply, a
 * callback, a closure) is judged by its own instant and leaves the period alone.
 */
class ReportCorrections final
{
    Q_DECLARE_TR_FUNCTIONS(ReportCorrections)

public:
    ReportCorrections(Database &db, QTimeZone zone);

    /** The corrections of [from, to), by ticket number then instant; empty while the period is not over at nowMs. */
    std::optional<QList<ReportCorrection>> find(QDate from, QDate to, qint64 nowMs, QString *error = nullptr) const;

    /** A reopen, transfer, return or extension: the period's figures were corrected. A first dispatch after the
     *  end is not a correction, only the department row of a ticket that was waiting for dispatch at the end. */
    static bool isCorrection(const ReportCorrection &c) { return c.type != EventType::Dispatched; }
    /** "Corrected after the period closed: N tickets" (corrections only); empty when there is none. */
    static QString summary(const QList<ReportCorrection> &corrections);
    /** What the report's readers are told: the summary, and how many tickets were first dispatched after the
     *  end; empty when the period is as it was when it closed. */
    static QString note(const QList<ReportCorrection> &corrections);

private:
    Database &m_db;
    QTimeZone m_zone;
};

} // namespace hotline
