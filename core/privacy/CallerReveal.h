#pragma once

#include "auth/Actor.h"
#include "domain/Ticket.h"

#include <QCoreApplication>
#include <QString>

#include <optional>

namespace hotline {

class Workspace;

/** A caller in full, as CallerReveal hands it out. */
struct RevealedCaller
{
    QString ticketId;
    QString name;  ///< may be empty (anonymous)
    QString phone; ///< may be empty
};

/**
 * The only way to a caller's full name and number on screen. Lists always show callers masked
 * (CallerPrivacy); a person whose role the permission table allows (Action::ViewCallerInFull: call-takers,
 * dispatchers, supervisors, a liaison for their own department's tickets) may ask for one ticket's caller with
 * "Show number". reveal() checks the table, writes the access-log row and only then returns the caller, so no
 * screen can show a full number without it being logged. A refused request writes nothing and returns nothing.
 */
class CallerReveal final
{
    Q_DECLARE_TR_FUNCTIONS(CallerReveal)

public:
    /** Whether to offer "Show number" for this ticket: the table allows it and there is a caller to show. */
    static bool offered(const Actor &actor, const Ticket &ticket);
    /** Whether the table would allow it at all (for the ticket's state and department). */
    static bool permitted(const Actor &actor, const Ticket &ticket, QString *error = nullptr);

    /**
     * Reads the ticket as actor may see it, checks the table, logs the view and returns the caller; nullopt
     * with a translated error when refused, when the ticket is unknown or has no caller, or when the log
     * could not be written (no log, no number).
     */
    static std::optional<RevealedCaller> reveal(Workspace &workspace, const Actor &actor, const QString &ticketId,
                                                QString *error);
};

} // namespace hotline
