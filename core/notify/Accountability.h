#pragma once

#include "auth/Actor.h"

#include <QCoreApplication>
#include <QDate>
#include <QList>
#include <QString>

#include <optional>

namespace hotline {

class Workspace;

/** One accountability record (问责): a ticket that went past its deadline, against its department. */
struct AccountabilityRecord
{
    QString eventId;                 ///< the Overdue event that opened it
    QString ticketId;
    QString number;
    QString department;              ///< code
    QString departmentName;
    qint64 deadlineS = 0;
    qint64 redAtMs = 0;              ///< when it went red: one second after the deadline
    std::optional<qint64> answeredMs;///< the department's reply, if any came on this clock
    qint64 lateWorkingSeconds = 0;   ///< working time between the deadline and the reply (or now, while unanswered)
    int urged = 0;                   ///< times supervisors urged the ticket
};

/** Which records to list: a department (code, empty for all) and a month of the red instant (invalid for all). */
struct AccountabilityFilter
{
    QString department;
    QDate month; ///< any day of the month, in the centre's zone
};

/**
 * The accountability records supervisors and the discipline office see (PRODUCT §4). They are the Overdue
 * events, so every console derives the same list after sync; the reply is looked up in the ticket's history.
 */
class Accountability final
{
    Q_DECLARE_TR_FUNCTIONS(Accountability)

public:
    explicit Accountability(Workspace &workspace);

    /** Records matching filter, newest red first. */
    QList<AccountabilityRecord> list(const AccountabilityFilter &filter) const;
    /** The same for a person: nothing, and error set, unless the permission table lets them see the log. */
    QList<AccountabilityRecord> list(const Actor &by, const AccountabilityFilter &filter, QString *error = nullptr) const;
    /** Records opened after redAfterMs (exclusive), for notifications. */
    int countSince(qint64 redAfterMs) const;
    /** CSV (UTF-8 with BOM, as the reports) of records. */
    static QString toCsv(const QList<AccountabilityRecord> &records, const QTimeZone &zone);

private:
    Workspace &m_ws;
};

} // namespace hotline
