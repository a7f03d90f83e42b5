#pragma once

#include <QObject>
#include <QString>

#include <optional>

namespace hotline {

/** The vocabulary of the domain, with the stable codes used in the database, CSV and JSON. */
namespace Domain {
Q_NAMESPACE

/** Where a request came in (PRODUCT §2). */
enum class Channel { Phone, Weibo, WeChat, Web, Petition, Interview, WalkIn };
Q_ENUM_NS(Channel)

/** What kind of request it is (PRODUCT §2). */
enum class TicketType { Consult, Complaint, Help, Suggestion, Report };
Q_ENUM_NS(TicketType)

/** Which time limit applies: consult = 1 working day, handling = 5 by default (PRODUCT §3). */
enum class SlaClass { Consult, Handling };
Q_ENUM_NS(SlaClass)

/** The countdown dot of a dispatched, unanswered ticket. */
enum class Colour { Green, Yellow, Red };
Q_ENUM_NS(Colour)

/** The caller's answer at callback. */
enum class Satisfaction { Satisfied, Basic, Unsatisfied };
Q_ENUM_NS(Satisfaction)

/** Where a ticket stands, derived from its events. */
enum class TicketState { Registered, Dispatched, Signed, Replied, Closed };
Q_ENUM_NS(TicketState)

/** Every kind of event in a ticket's append-only history (PRODUCT §2). */
enum class EventType {
    Registered,
    Dispatched,
    Signed,
    Replied,
    ExtensionRequested,
    ExtensionApproved,
    ExtensionRefused,
    Returned,
    Transferred,
    Urged,
    ReminderSent,
    Overdue,
    Callback,
    Closed,
    Reopened,
    DeadlineRedecided, ///< an administrator re-decided the deadline after a calendar change (reason, old, new)
    AdminChanged, ///< not a ticket's: an administrative change (setting, calendar day, department, user…) in the admin stream
    FollowedUp,   ///< the citizen called to ask about progress (催办); counts against the department whose clock runs
    Attached,     ///< a file (photo, document) was attached: hash, file name, size, MIME type, stage
    Merged,       ///< this ticket follows another one (same incident): parent id and number
    CitizenSmsChanged, ///< the caller opted out of (or back into) SMS about this ticket
    Renumbered,   ///< a dispatcher gave the ticket a new number (two consoles numbered alike): from, to, reason
};
Q_ENUM_NS(EventType)

/** How one department's clock (one dispatch or transfer) ended; Running while it has not. */
enum class ClockOutcome { Running, Replied, Returned, Misroute, Transferred };
Q_ENUM_NS(ClockOutcome)
} // namespace Domain

using Domain::Channel;
using Domain::ClockOutcome;
using Domain::Colour;
using Domain::EventType;
using Domain::Satisfaction;
using Domain::SlaClass;
using Domain::TicketState;
using Domain::TicketType;

// Stable lower-case codes ("phone", "consult", "extension_requested", ...). fromCode returns nullopt for
// anything it does not know, so callers can report bad input instead of guessing.
QString toCode(Channel v);
QString toCode(TicketType v);
QString toCode(SlaClass v);
QString toCode(Colour v);
QString toCode(Satisfaction v);
QString toCode(TicketState v);
QString toCode(EventType v);
/** "replied", "returned", "misroute", "transferred"; empty for Running (NULL in the projection). */
QString toCode(ClockOutcome v);
std::optional<Channel> channelFromCode(QStringView code);
std::optional<TicketType> ticketTypeFromCode(QStringView code);
std::optional<SlaClass> slaClassFromCode(QStringView code);
std::optional<Colour> colourFromCode(QStringView code);
std::optional<Satisfaction> satisfactionFromCode(QStringView code);
std::optional<TicketState> ticketStateFromCode(QStringView code);
std::optional<EventType> eventTypeFromCode(QStringView code);
/** Running for an empty code. */
std::optional<ClockOutcome> clockOutcomeFromCode(QStringView code);

/** The reserved ticket_id of the administrative stream (AdminChanged events): no ticket has it, folds skip it. */
inline constexpr QLatin1StringView kAdminStream{"admin"};

/** Consultations are class consult, everything else handling (a category may override). */
inline SlaClass defaultSlaClass(TicketType t) { return t == TicketType::Consult ? SlaClass::Consult : SlaClass::Handling; }

} // namespace hotline
