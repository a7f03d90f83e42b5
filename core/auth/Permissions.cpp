#include "auth/Permissions.h"

#include "domain/DisplayNames.h"

#include <QMetaEnum>

using namespace Qt::StringLiterals;

namespace hotline {
namespace {

constexpr Grant N = Grant::Denied;
constexpr Grant Y = Grant::Allowed;
constexpr Grant D = Grant::OwnDepartment;
constexpr Grant I = Grant::AtIntake;

struct Row
{
    Action action;
    const char *code;
    // call-taker, dispatcher, liaison, supervisor, administrator, system
    Grant cells[6];
};

// The table. Decisions (docs/PERMISSIONS.md says why):
// - a department's own acts (sign, reply, ask for an extension, return) belong to its liaison only; nobody else
//   may speak for a department, so the record shows who really did it;
// - supervision urges and reads everything, but does not handle tickets itself;
// - administrators run the system and stand in for intake and dispatch, but do not see callers in full.
constexpr Row kTable[] = {
    // action                      code                  CT DI LI SU AD SY
    {Action::Register,           "register",           {Y, Y, N, N, Y, Y}},
    {Action::Dispatch,           "dispatch",           {N, Y, N, N, Y, Y}},
    {Action::Sign,               "sign",               {N, N, D, N, N, Y}},
    {Action::Reply,              "reply",              {N, N, D, N, N, Y}},
    {Action::RequestExtension,   "extend",             {N, N, D, N, N, Y}},
    {Action::DecideExtension,    "approve",            {N, Y, N, N, Y, Y}},
    {Action::Return,             "return",             {N, N, D, N, N, Y}},
    {Action::Transfer,           "transfer",           {N, Y, N, N, Y, Y}},
    {Action::Urge,               "urge",               {N, N, N, Y, Y, Y}},
    {Action::Callback,           "callback",           {Y, Y, N, N, Y, Y}},
    {Action::Close,              "close",              {I, Y, N, N, Y, Y}},
    {Action::Reopen,             "reopen",             {N, Y, N, N, Y, Y}},
    {Action::ViewAllTickets,     "view-all-tickets",   {Y, Y, N, Y, Y, Y}},
    {Action::ViewCallerInFull,   "view-caller",        {Y, Y, D, Y, N, Y}},
    {Action::ViewAccountability, "view-accountability",{N, N, N, Y, Y, Y}},
    {Action::ViewReports,        "view-reports",       {N, N, D, Y, Y, Y}},
    {Action::Export,             "export",             {N, N, N, Y, Y, Y}},
    {Action::ManageUsers,        "manage-users",       {N, N, N, N, Y, Y}},
    {Action::ManageDepartments,  "manage-departments", {N, N, N, N, Y, Y}},
    {Action::ManageReference,    "manage-reference",   {N, N, N, N, Y, Y}},
    {Action::ManageCalendar,     "manage-calendar",    {N, N, N, N, Y, Y}},
    {Action::ManageConfig,       "manage-config",      {N, N, N, N, Y, Y}},
    {Action::ManageServer,       "manage-server",      {N, N, N, N, Y, Y}},
    {Action::ViewAccessLog,      "view-access-log",    {N, N, N, N, Y, Y}},
    {Action::ImportTickets,      "import-tickets",     {N, N, N, N, Y, Y}},
    {Action::ReviewConflicts,    "review-conflicts",   {N, Y, N, Y, Y, Y}},
    {Action::ViewAudit,          "view-audit",         {N, N, N, Y, Y, Y}},
    {Action::FollowUp,           "follow-up",          {Y, Y, N, Y, Y, Y}},
    {Action::Attach,             "attach",             {Y, Y, D, N, Y, Y}},
    {Action::Merge,              "merge",              {N, Y, N, N, Y, Y}},
    {Action::ManageIntake,       "manage-intake",      {N, N, N, N, Y, Y}},
    {Action::Renumber,           "renumber",           {N, Y, N, N, Y, Y}},
};

int column(Role role)
{
    switch (role) {
    case Role::CallTaker: return 0;
    case Role::Dispatcher: return 1;
    case Role::Liaison: return 2;
    case Role::Supervisor: return 3;
    case Role::Administrator: return 4;
    case Role::System: return 5;
    }
    return -1;
}

const Row *rowFor(Action action)
{
    for (const Row &r : kTable) {
        if (r.action == action)
            return &r;
    }
    return nullptr;
}

} // namespace

QString toCode(Action action)
{
    const Row *r = rowFor(action);
    return r ? QString::fromLatin1(r->code) : QString();
}

std::optional<Action> actionFromCode(QStringView code)
{
    for (const Row &r : kTable) {
        if (code == QLatin1StringView(r.code))
            return r.action;
    }
    return std::nullopt;
}

QList<Action> Permissions::allActions()
{
    QList<Action> out;
    for (const Row &r : kTable)
        out << r.action;
    return out;
}

QList<Role> Permissions::allRoles()
{
    return {Role::CallTaker, Role::Dispatcher, Role::Liaison, Role::Supervisor, Role::Administrator, Role::System};
}

Grant Permissions::grant(Role role, Action action)
{
    const Row *r = rowFor(action);
    const int c = column(role);
    if (!r || c < 0)
        return Grant::Denied; // anything unknown is refused
    return r->cells[c];
}

bool Permissions::check(const Actor &actor, Action action, QString *error)
{
    const Grant g = grant(actor.role, action);
    // A department-limited grant without a department to be limited to allows nothing.
    const bool ok = g == Grant::Allowed || g == Grant::AtIntake || (g == Grant::OwnDepartment && !actor.department.isEmpty());
    if (!ok && error) {
        *error = tr("%1 (%2) may not %3.")
                     .arg(actor.user.isEmpty() ? tr("This user") : actor.user, DisplayNames::of(actor.role),
                          DisplayNames::action(action));
    }
    return ok;
}

bool Permissions::allowsOn(const Actor &actor, Action action, TicketState state, const QString &ticketDepartment,
                           QString *error)
{
    const Grant g = grant(actor.role, action);
    bool ok = false;
    switch (g) {
    case Grant::Denied:
        break;
    case Grant::Allowed:
        ok = true;
        break;
    case Grant::OwnDepartment:
        ok = !actor.department.isEmpty() && ticketDepartment == actor.department;
        if (!ok && g != Grant::Denied && error) {
            *error = tr("%1 may %2 only tickets of their own department.")
                         .arg(actor.user.isEmpty() ? tr("This user") : actor.user, DisplayNames::action(action));
            return false;
        }
        break;
    case Grant::AtIntake:
        ok = state == TicketState::Registered || state == TicketState::Replied;
        if (!ok && error) {
            *error = tr("%1 may %2 only a ticket still at intake or answered by its department.")
                         .arg(actor.user.isEmpty() ? tr("This user") : actor.user, DisplayNames::action(action));
            return false;
        }
        break;
    }
    if (!ok)
        check(actor, action, error);
    return ok;
}

std::optional<Action> Permissions::actionFor(EventType type)
{
    switch (type) {
    case EventType::Registered: return Action::Register;
    case EventType::Dispatched: return Action::Dispatch;
    case EventType::Signed: return Action::Sign;
    case EventType::Replied: return Action::Reply;
    case EventType::ExtensionRequested: return Action::RequestExtension;
    case EventType::ExtensionApproved:
    case EventType::ExtensionRefused: return Action::DecideExtension;
    case EventType::Returned: return Action::Return;
    case EventType::Transferred: return Action::Transfer;
    case EventType::Urged: return Action::Urge;
    case EventType::Callback: return Action::Callback;
    case EventType::Closed: return Action::Close;
    case EventType::Reopened: return Action::Reopen;
    case EventType::DeadlineRedecided: return Action::ManageCalendar;
    case EventType::AdminChanged: return std::nullopt; // each write path checks its own Manage… action
    case EventType::FollowedUp: return Action::FollowUp;
    case EventType::Attached: return Action::Attach;
    case EventType::Merged: return Action::Merge;
    case EventType::CitizenSmsChanged: return Action::Register;
    case EventType::Renumbered: return Action::Renumber;
    case EventType::ReminderSent:
    case EventType::Overdue: return std::nullopt;
    }
    return std::nullopt;
}

QString Permissions::markdownTable()
{
    const auto cell = [](Grant g) -> QString {
        switch (g) {
        case Grant::Denied: return u"—"_s;
        case Grant::Allowed: return u"yes"_s;
        case Grant::OwnDepartment: return u"own department"_s;
        case Grant::AtIntake: return u"at intake / after reply"_s;
        }
        return {};
    };
    QString out = u"| action |"_s;
    for (Role r : allRoles())
        out += u' ' + toCode(r) + u" |"_s;
    out += u"\n|---|"_s;
    for (qsizetype i = 0; i < allRoles().size(); ++i)
        out += u"---|"_s;
    out += u'\n';
    for (Action a : allActions()) {
        out += u"| `"_s + toCode(a) + u"` |"_s;
        for (Role r : allRoles())
            out += u' ' + cell(grant(r, a)) + u" |"_s;
        out += u'\n';
    }
    return out;
}

} // namespace hotline
