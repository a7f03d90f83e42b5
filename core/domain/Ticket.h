#pragma once

#include "domain/Enums.h"

#include <QLatin1StringView>
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
} // namespace Key

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
    qint64 lastSeq = 0;

    bool exists() const { return !id.isEmpty(); }
    bool isOpen() const { return exists() && !closedMs; }
    /** Dispatched, not replied, not closed: its countdown runs. */
    bool isCounting() const { return deadlineS.has_value() && !repliedMs && !closedMs; }

    bool operator==(const Ticket &) const = default;
};

} // namespace hotline
