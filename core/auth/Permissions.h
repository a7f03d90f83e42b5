#pragma once

#include "auth/Actor.h"
#include "domain/Enums.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <optional>

namespace hotline {

namespace Permissions_ {
Q_NAMESPACE
/** Everything a person can be allowed or refused to do (PRODUCT §1): one row of the permission table each. */
enum class Action {
    Register,          ///< register a call (and close a consultation answered at intake)
    Dispatch,          ///< route a registered or returned ticket to a department
    Sign,              ///< a department signs for a ticket
    Reply,             ///< a department replies
    RequestExtension,  ///< a department asks for more working days ("extend")
    DecideExtension,   ///< approve or refuse an extension ("approve")
    Return,            ///< a department sends a misrouted ticket back
    Transfer,          ///< move a ticket to another department
    Urge,              ///< supervision urges (督办) a ticket
    Callback,          ///< record the citizen's satisfaction
    Close,
    Reopen,
    ViewAllTickets,     ///< every department's tickets (a liaison sees only their own)
    ViewCallerInFull,   ///< a caller's name and phone number unmasked (each view is logged)
    ViewAccountability, ///< the accountability log (supervision, discipline office)
    ViewReports,        ///< reports and charts
    Export,             ///< reports and ticket lists written to files
    ManageUsers,
    ManageDepartments, ///< departments, their contacts and the SMS numbers
    ManageReference,   ///< categories (usual department, time-limit class) and towns
    ManageCalendar,    ///< the holiday calendar
    ManageConfig,      ///< settings (SLA, SMS gateway, idle lock, ...)
    ManageServer,      ///< join or leave the shared server
    ViewAccessLog,     ///< who viewed which caller's full number
    ImportTickets,     ///< load historical tickets from a CSV file
    ReviewConflicts,   ///< the list of actions that no longer applied after a sync
    ViewAudit,         ///< the administrative changes (settings, calendar, departments, users…): the audit page
    FollowUp,          ///< record a citizen's progress call (催办) on any ticket they can see
    Attach,            ///< attach a photo or document (a liaison: to their own department's tickets)
    Merge,             ///< make a ticket follow another one of the same incident
    ManageIntake,      ///< the electronic channels' integration tokens (hotlinectl intake token …)
    Renumber,          ///< give a ticket a new number when two consoles numbered alike (an audited event)
};
Q_ENUM_NS(Action)

/** One cell of the table. */
enum class Grant {
    Denied,
    Allowed,
    OwnDepartment, ///< only for tickets dispatched to the actor's own department
    AtIntake,      ///< only a ticket that never left intake, or one whose callback is done
};
Q_ENUM_NS(Grant)
} // namespace Permissions_
using Permissions_::Action;
using Permissions_::Grant;

/** Stable codes of the actions ("register", "dispatch", ...), used by hotlinectl and the docs. */
QString toCode(Action action);
std::optional<Action> actionFromCode(QStringView code);

/**
 * The one table of role × action (PRODUCT §1: "roles are enforced in core"). Services ask it before they act;
 * the UI asks it which pages, menus and buttons to offer, so the two cannot disagree.
 */
class Permissions final
{
    Q_DECLARE_TR_FUNCTIONS(Permissions)

public:
    static QList<Action> allActions();
    static QList<Role> allRoles(); ///< the people's roles and System (hotlinectl, the escalator)

    /** The table's cell. */
    static Grant grant(Role role, Action action);
    /** Whether the role may do this at all (some cells limit it further to a department or a state). */
    static bool allows(Role role, Action action) { return grant(role, action) != Grant::Denied; }
    static bool allows(const Actor &actor, Action action) { return allows(actor.role, action); }
    /**
     * Whether the actor may do this to a ticket in this state, dispatched to this department. On refusal sets
     * error (when given) to a translated reason naming the user and the action.
     */
    static bool allowsOn(const Actor &actor, Action action, TicketState state, const QString &ticketDepartment,
                         QString *error = nullptr);
    /** The same check without a ticket (users, departments, settings, exports ...). */
    static bool check(const Actor &actor, Action action, QString *error);

    /** The action an event of this type is (nullopt for the system's own: reminders, overdue). */
    static std::optional<Action> actionFor(EventType type);

    /** The whole table as Markdown, for docs/PERMISSIONS.md and `hotlinectl permissions`. */
    static QString markdownTable();
};

} // namespace hotline
