#include "service/Training.h"

#include "auth/UserStore.h"
#include "domain/Ticket.h"
#include "service/DemoData.h"
#include "service/Workspace.h"
#include "domain/DisplayNames.h"
#include "storage/Database.h"

#include <QRandomGenerator>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace hotline {
namespace {

/** Twelve characters from an alphabet without look-alikes (0/O, 1/l/I), always with letters and digits. */
QString randomPassword()
{
    static const QString letters = u"abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ"_s;
    static const QString digits = u"23456789"_s;
    QRandomGenerator *rng = QRandomGenerator::system();
    QString p;
    for (int i = 0; i < 12; ++i) {
        // Every third character a digit: the policy wants both kinds, and the result stays easy to read aloud.
        const QString &from = i % 3 == 2 ? digits : letters;
        p += from.at(int(rng->bounded(quint32(from.size()))));
    }
    return p;
}

bool isEmpty(Database &db)
{
    QSqlQuery q(db.sql());
    const bool noEvents = q.exec(u"SELECT count(*) FROM events"_s) && q.next() && q.value(0).toLongLong() == 0;
    const bool noUsers = q.exec(u"SELECT count(*) FROM users"_s) && q.next() && q.value(0).toLongLong() == 0;
    return noEvents && noUsers;
}

} // namespace

bool Training::isTraining(Database &db)
{
    return db.meta(metaKey()) == u"1"_s;
}

QString Training::joinRefusal(Database &db)
{
    if (!isTraining(db))
        return {};
    return tr("This is a training database: it never joins a shared server, so that no drill reaches the "
              "centre's real record. Use a real database to join.");
}

QString Training::userName(Role role, const QString &department)
{
    if (role == Role::Liaison)
        return u"train.liaison."_s + department;
    if (role == Role::Administrator)
        return u"train.admin"_s;
    return u"train."_s + toCode(role);
}

bool Training::create(Workspace &ws, QString *password, QStringList *userNames, QString *error)
{
    Database &db = ws.database();
    if (isTraining(db)) {
        *error = tr("This is already a training database; its training users keep their password.");
        return false;
    }
    if (!isEmpty(db)) {
        *error = tr("This database already holds tickets or users; a training database starts empty. "
                    "Give a new file with --db.");
        return false;
    }
    // The mark comes last: a failure half-way leaves an unmarked database that a second attempt refuses (it
    // holds users), never a training database without its users. The services below keep their own
    // transactions (and their own audit records), so no transaction is wrapped around them.
    const auto fail = [error] {
        *error = tr("The training database could not be made (%1); delete the file and try again.").arg(*error);
        return false;
    };
    if (!DemoData::seedReferenceData(ws, error))
        return fail();
    *password = randomPassword();
    QList<User> people{
        {userName(Role::Administrator), tr("Training administrator"), Role::Administrator, QString()},
        {userName(Role::CallTaker), tr("Training call-taker"), Role::CallTaker, QString()},
        {userName(Role::Dispatcher), tr("Training dispatcher"), Role::Dispatcher, QString()},
        {userName(Role::Supervisor), tr("Training supervisor"), Role::Supervisor, QString()},
    };
    QSqlQuery q(db.sql());
    if (!q.exec(u"SELECT code FROM departments ORDER BY code"_s)) {
        *error = tr("Cannot read the departments.");
        return fail();
    }
    while (q.next()) {
        const QString code = q.value(0).toString();
        people << User{userName(Role::Liaison, code), tr("Training liaison %1").arg(code), Role::Liaison, code};
    }
    std::optional<User> admin;
    userNames->clear();
    for (const User &u : std::as_const(people)) {
        if (!ws.users().create(admin, u, *password, error))
            return fail();
        if (!admin)
            admin = u;
        *userNames << u.name;
    }
    if (!db.setMeta(metaKey(), u"1"_s)) {
        *error = tr("cannot write to the database");
        return fail();
    }
    return true;
}

std::optional<Actor> Training::actorFor(Workspace &ws, Action action, const Ticket &ticket, QString *error)
{
    const QList<Role> order{Role::CallTaker, Role::Dispatcher, Role::Liaison, Role::Supervisor, Role::Administrator};
    for (const Role role : order) {
        const QString department = role == Role::Liaison ? ticket.department : QString();
        if (role == Role::Liaison && department.isEmpty())
            continue;
        const Actor actor{userName(role, department), role, department, ws.consoleCode()};
        if (!Permissions::allowsOn(actor, action, ticket.state, ticket.department))
            continue;
        const std::optional<User> user = ws.users().user(actor.user);
        if (!user || user->disabled)
            continue;
        return actor;
    }
    *error = ticket.exists() ? tr("No training user may do this to ticket %1 (%2) now: %3.")
                                   .arg(ticket.number, DisplayNames::of(ticket.state), DisplayNames::action(action))
                             : tr("No training user may do this: %1.").arg(DisplayNames::action(action));
    return std::nullopt;
}

} // namespace hotline
