#pragma once

#include "domain/Enums.h"

#include <QLatin1StringView>
#include <QList>
#include <QString>

#include <optional>

namespace hotline {

/** Payload keys of ticket events, one spelling for writers and the fold. */
namespace Key {
inline constexpr QLatin1StringView Number{"number"};
inline constexpr QLatin1StringView Channel{"channel"};
inline constexpr QLatin1StringView Type{"type"};
inline constexpr QLatin1StringView SlaClass{"sla_class"};
inline constexpr QLatin1StringView Category{"category"};
inline constexpr QLatin1StringView Town{"town"};
inline constexpr QLatin1StringView CallerName{"caller_name"};
inline constexpr QLatin1StringView CallerPhone{"caller_phone"};
inline constexpr QLatin1StringView Summary{"summary"};
inline constexpr QLatin1StringView Details{"details"};
inline constexpr QLatin1StringView Department{"department"};
inline constexpr QLatin1StringView Deadline{"deadline"};   ///< seconds UTC, decided when the event was made
inline constexpr QLatin1StringView OldDeadline{"old_deadline"}; ///< seconds UTC, the deadline a re-decision replaced
inline constexpr QLatin1StringView Days{"days"};
inline constexpr QLatin1StringView Reason{"reason"};
inline constexpr QLatin1StringView Text{"text"};
inline constexpr QLatin1StringView Satisfaction{"satisfaction"};
/** On a return: true when it came within the misroute window after the dispatch (decided once, by the service). */
inline constexpr QLatin1StringView Misroute{"misroute"};
// Issue 15: places, intake, attachments, merges, the citizen's SMS.
inline constexpr QLatin1StringView Address{"address"};
inline constexpr QLatin1StringView Latitude{"latitude"};   ///< WGS-84 degrees, optional
inline constexpr QLatin1StringView Longitude{"longitude"}; ///< WGS-84 degrees, optional
inline constexpr QLatin1StringView CitizenSms{"citizen_sms"}; ///< false: the caller wants no SMS about this ticket
inline constexpr QLatin1StringView Source{"source"};       ///< on a Registered event: the intake token's name
inline constexpr QLatin1StringView Parent{"parent"};       ///< on Merged: the parent ticket's id
inline constexpr QLatin1StringView ParentNumber{"parent_number"};
inline constexpr QLatin1StringView Hash{"hash"};           ///< on Attached: SHA-256 hex of the content
inline constexpr QLatin1StringView FileName{"file_name"};
inline constexpr QLatin1StringView MimeType{"mime_type"};
inline constexpr QLatin1StringView Size{"size"};
inline constexpr QLatin1StringView Stage{"stage"};         ///< on Attached: registration | before | after | document
// Issue 16: renumbering a ticket whose number another console's ticket also has.
inline constexpr QLatin1StringView From{"from"};           ///< on Renumbered: the number it had
inline constexpr QLatin1StringView To{"to"};               ///< on Renumbered: its new number
} // namespace Key

/**
 * One department's clock: what it was given by one dispatch or transfer, and how that ended. Stored as the
 * `dispatches` row with the same event id. A clock only ever gains facts: once breachedS is set it stays, whatever
 * happens to the ticket afterwards (return, transfer, re-dispatch, extension, reopen).
 */
struct DepartmentClock
{
    QString id;                          ///< event id of the Dispatched/Transferred event that started it
    QString department;
    qint64 startMs = 0;
    std::optional<qint64> deadlineS;     ///< deadline in force (moved by approved extensions and re-decisions)
    std::optional<qint64> endedMs;       ///< reply, return or transfer away; none while running
    ClockOutcome outcome = ClockOutcome::Running;
    std::optional<bool> onTime;          ///< replied by this department by its deadline in force
    std::optional<qint64> breachedS;     ///< the deadline it passed without a reply, once the events show it
    int extensions = 0;                  ///< extensions approved on this clock
    int followUps = 0;                   ///< the citizen's progress calls while this clock ran

    bool isRunning() const { return outcome == ClockOutcome::Running; }
    bool operator==(const DepartmentClock &) const = default;
};

/** The current state of one ticket, derived by folding its events (see TicketFold). */
struct Ticket
{
    QString id;
    QString number;
    Channel channel = Channel::Phone;
    TicketType type = TicketType::Consult;
    SlaClass slaClass = SlaClass::Consult;
    QString category;
    QString town;
    QString callerName;
    QString callerPhone;
    QString summary;
    QString details;

    TicketState state = TicketState::Registered;
    QString department;                  ///< code of the latest dispatch, empty when in the dispatch queue
    qint64 registeredMs = 0;
    std::optional<qint64> dispatchedMs;  ///< start of the running clock
    std::optional<qint64> deadlineS;     ///< deadline in force, seconds UTC
    int extensionDays = 0;
    bool extensionPending = false;
    std::optional<qint64> extensionRequestedMs; ///< when the pending request was made (in time or not)
    std::optional<qint64> signedMs;
    std::optional<qint64> repliedMs;
    std::optional<bool> replyOnTime;
    std::optional<qint64> closedMs;
    std::optional<bool> onTime;          ///< set when closed
    std::optional<Domain::Satisfaction> satisfaction;
    bool reminderSent = false;
    bool overdueOpened = false;
    int urged = 0;
    QString clockId;                     ///< event id of the running (or last) clock's dispatch row
    bool breached = false;               ///< any of its clocks passed its deadline without a reply: permanent
    std::optional<qint64> stageSinceMs;  ///< waiting at the centre (for dispatch or for callback) since
    QString address;                     ///< the place of the matter
    std::optional<double> latitude;      ///< WGS-84, optional
    std::optional<double> longitude;
    QString replyText;                   ///< the department's latest reply
    QString parentId;                    ///< merged: this ticket follows that one
    bool citizenSms = true;              ///< the caller accepts SMS about this ticket
    int followUps = 0;                   ///< the citizen's progress calls
    int attachments = 0;
    qint64 lastSeq = 0;
    /** Every clock it was given, in fold order; the last one is clockId's. Loaded only by TicketTable::load*. */
    QList<DepartmentClock> clocks;

    bool exists() const { return !id.isEmpty(); }
    bool isOpen() const { return exists() && !closedMs; }
    /** Dispatched, not replied, not closed: its countdown runs. */
    bool isCounting() const { return deadlineS.has_value() && !repliedMs && !closedMs; }
    /** The department clock now running, or null (in the dispatch queue, replied, closed). */
    const DepartmentClock *runningClock() const
    {
        return !clocks.isEmpty() && clocks.constLast().isRunning() ? &clocks.constLast() : nullptr;
    }

    bool operator==(const Ticket &) const = default;
};

} // namespace hotline
