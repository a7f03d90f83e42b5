#pragma once

#include "auth/Actor.h"
#include "auth/Permissions.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <optional>

namespace hotline {

class Database;
class Workspace;
struct Ticket;

/**
 * A training database (`hotlinectl init --training`): a place to train call-takers and rehearse procedures
 * where nothing counts. It is marked in meta (training=1) once, at creation, and the mark is never removed:
 * only there may hotlinectl back-date an action (--at) or act as a training user without a password, the
 * console shows a TRAINING banner, and it never joins a shared server, so a drill cannot reach a real record.
 */
class Training final
{
    Q_DECLARE_TR_FUNCTIONS(Training)

public:
    static QString metaKey() { return QStringLiteral("training"); }
    static bool isTraining(Database &db);

    /** Why a training database does not join a shared server; empty for any other database. */
    static QString joinRefusal(Database &db);

    /**
     * Makes ws a training database: the mark, the demo reference data (departments, categories, towns) and
     * one training user per role and per department, all with one new random password (set in *password).
     * Refused on a database that already holds events or users: a real record is never turned into a drill.
     */
    static bool create(Workspace &ws, QString *password, QStringList *userNames, QString *error);

    /** The training user's sign-in name for a role (a liaison's carries its department code). */
    static QString userName(Role role, const QString &department = {});

    /**
     * The training user who may take this action on this ticket (Ticket{} for a registration), trying the
     * roles in the order of the centre's work: call-taker, dispatcher, the ticket department's liaison,
     * supervisor, administrator. nullopt with a reason when none may (the table refuses every role).
     */
    static std::optional<Actor> actorFor(Workspace &ws, Action action, const Ticket &ticket, QString *error);
};

} // namespace hotline
