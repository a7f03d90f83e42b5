#pragma once

#include "auth/Actor.h"
#include "domain/Enums.h"
#include "domain/Ticket.h"
#include "domain/TicketEvent.h"
#include "service/Attachments.h"

#include <QCoreApplication>
#include <QObject>

#include <functional>
#include <optional>

namespace hotline {

class Clock;
class Database;
class EventStore;
class SlaClock;
struct TicketEvent;

/** What a call-taker enters to register a ticket. */
struct NewTicket
{
    Channel channel = Channel::Phone;
    TicketType type = TicketType::Consult;
    QString category;
    QString town;
    QString callerName;
    QString callerPhone;
    QString summary;
    QString details;
    QString address;                  ///< where the matter is (a street, a building), optional
    std::optional<double> latitude;   ///< WGS-84 degrees; both or neither
    std::optional<double> longitude;
    bool citizenSms = true;           ///< false: the caller wants no SMS about this ticket
    QString source;                   ///< the intake integration (token name) that filed it, empty at a console
    QList<AttachmentFile> files;      ///< photos and documents, recorded with the ticket (stage: registration)
};

/** One ticket to dispatch in a batch. */
struct DispatchOrder
{
    QString ticketId;
    QString department;
};

/** A problem with one field of a NewTicket, for forms and imports. */
struct FieldError
{
    QString field; ///< "caller_phone", "summary", ...
    QString message;
};

/**
 * The operator actions on tickets (PRODUCT §2): each validates its input and the ticket's state, checks the
 * actor's role, and appends the resulting events. Deadlines are decided here, at the moment of dispatch,
 * and recorded in the event, so every console and every rebuild agrees on them.
 */
class TicketService final
{
    Q_DECLARE_TR_FUNCTIONS(TicketService)

public:
    /** Supplies the SLA arithmetic in force (it changes when the calendar or settings are edited). */
    using SlaSource = std::function<SlaClock()>;

    TicketService(Database &db, EventStore &store, const Clock &clock, SlaSource sla);

    static constexpr int kMaxSummary = 500;
    static constexpr int kMaxDetails = 5000;
    static constexpr int kMaxName = 50;
    static constexpr int kMaxAddress = 200;
    static constexpr int kMaxNote = 1000; ///< a progress call's note
    static QList<FieldError> validate(const NewTicket &t);

    /** Registers a ticket; returns its id (number via store) or an empty string with error set. */
    QString registerTicket(const Actor &actor, const NewTicket &input, QString *error);
    /**
     * Work that must commit with the registration or not at all (the intake service's idempotency key): called
     * inside the registration's transaction with the new ticket's id and number; false rolls everything back.
     */
    using WithRegistration = std::function<bool(const QString &ticketId, const QString &number, QString *error)>;
    QString registerTicket(const Actor &actor, const NewTicket &input, const WithRegistration &within, QString *error);
    /** Registers and closes at once, in one transaction: a consultation answered at intake. */
    QString registerAndClose(const Actor &actor, const NewTicket &input, const QString &answer, QString *error);
    /** Work done inside registerMany's transaction with the new ids; false (with *error) rolls everything back. */
    using WithinRegistration = std::function<bool(const QStringList &ticketIds, const QStringList &numbers, QString *error)>;
    /**
     * Registers many tickets (a micro-interview's questions) in one write transaction, numbered as registerTicket
     * numbers them, all or none: one invalid input, a refused write or a failing `within` leaves nothing behind
     * (not even a used number). Returns the ids in input order (numbers in *numbers), or an empty list with *error.
     */
    QStringList registerMany(const Actor &actor, const QList<NewTicket> &inputs, QStringList *numbers, QString *error,
                             const WithinRegistration &within = {});

    bool dispatch(const Actor &actor, const QString &ticketId, const QString &department, QString *error);
    /**
     * Dispatches several tickets in one transaction with one change notification (a micro-interview's batch).
     * Returns one entry per order: empty when dispatched, otherwise why not. A refused order does not stop the
     * others.
     */
    QStringList dispatchMany(const Actor &actor, const QList<DispatchOrder> &orders);
    bool transfer(const Actor &actor, const QString &ticketId, const QString &department, const QString &reason, QString *error);
    bool sign(const Actor &actor, const QString &ticketId, QString *error);
    bool reply(const Actor &actor, const QString &ticketId, const QString &text, QString *error);
    /** Refused after the clock's deadline in force (the breach has happened); one made in time holds it until decided. */
    bool requestExtension(const Actor &actor, const QString &ticketId, int days, const QString &reason, QString *error);
    bool decideExtension(const Actor &actor, const QString &ticketId, bool approve, const QString &reason, QString *error);
    /**
     * Returns the ticket to the dispatch queue; a reason is required. Within sla.misroute_hours working hours of
     * the clock's start the return is recorded as a misroute (payload "misroute": true), which costs the
     * department nothing; a later one counts against it (and breaches if its deadline had passed).
     */
    bool returnTicket(const Actor &actor, const QString &ticketId, const QString &reason, QString *error);
    bool urge(const Actor &actor, const QString &ticketId, const QString &note, QString *error);
    bool callback(const Actor &actor, const QString &ticketId, Satisfaction answer, const QString &note, QString *error);
    /**
     * Records the citizen's progress call (催办) with what they said: a followed_up event naming the department
     * whose clock runs (empty when none does), counted on the ticket and on that running clock (reports).
     */
    bool followUp(const Actor &actor, const QString &ticketId, const QString &note, QString *error);
    /** The caller opts out of (on = false) or back into SMS about this ticket; refused when nothing changes. */
    bool setCitizenSms(const Actor &actor, const QString &ticketId, bool on, QString *error);
    bool close(const Actor &actor, const QString &ticketId, const QString &note, QString *error);
    bool reopen(const Actor &actor, const QString &ticketId, const QString &reason, QString *error);
    /**
     * Makes childId follow parentId (same incident, many callers; docs/USER-GUIDE.md "Duplicates"): a merged
     * event on the child naming the root of the parent's chain. Refused for the ticket itself or a cycle, a closed
     * or already replied parent, and a child that is not waiting for dispatch (return it first). The child leaves
     * the dispatch desk; the parent's reply answers it (see reply()).
     */
    bool merge(const Actor &actor, const QString &childId, const QString &parentId, const QString &reason, QString *error);
    /**
     * Gives the ticket a new number from this console's own sequence (TicketServiceRenumber.cpp): a renumbered
     * event (from, to, reason), for a number two consoles gave alike (NumberClashes) or one that clashes with the
     * shared server's at join. The old number keeps finding the ticket (TicketLookup). Dispatchers and
     * administrators (renumber). Returns the new number, or an empty string with *error.
     */
    QString renumber(const Actor &actor, const QString &ticketId, const QString &reason, QString *error);

    /**
     * The deadline the calendar in force gives a counting ticket (its dispatch plus its class and approved
     * extension days), or nothing with *error (no countdown, or a year the calendar cannot know).
     */
    std::optional<qint64> calendarDeadline(const Ticket &t, QString *error) const;
    /**
     * After a calendar change: records a deadline_redecided event (old deadline, new deadline from
     * calendarDeadline, reason) for a counting ticket. Administrators only (manage-calendar); refused without a
     * reason or when the deadline would not change. The only way a calendar change reaches a ticket's deadline.
     */
    bool redecideDeadline(const Actor &actor, const QString &ticketId, const QString &reason, QString *error);

    /** Whether a department with this code exists. */
    bool departmentExists(const QString &code) const;

private:
    /** Registers; a non-null closingAnswer closes the ticket in the same transaction. */
    QString registerImpl(const Actor &actor, const NewTicket &input, const QString &closingAnswer, QString *error,
                         const WithRegistration &within = {});
    /** The Registered event of a validated input under a number already taken. */
    static TicketEvent registeredEvent(const Actor &actor, const NewTicket &input, const SlaClock &sla, qint64 now,
                                       const QString &number);
    bool act(const Actor &actor, const QString &ticketId, EventType type, QJsonObject payload, QString *error);
    /** The same reply on every open follower of the replied ticket (TicketServiceMerge.cpp). */
    QList<TicketEvent> followerReplies(const Ticket &parent, const TicketEvent &reply) const;
    /** False with *error when the ticket has open followers its closing would leave unanswered. */
    bool refuseCloseWithWaitingFollowers(const QString &ticketId, QString *error) const;
    bool permitted(const Actor &actor, EventType type, const Ticket &t, QString *error) const;

    Database &m_db;
    EventStore &m_store;
    const Clock &m_clock;
    SlaSource m_sla;
};

} // namespace hotline
