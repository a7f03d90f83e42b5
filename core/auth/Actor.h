#pragma once

#include <QObject>
#include <QString>

#include <optional>

namespace hotline {

namespace Roles {
Q_NAMESPACE
/** The roles of PRODUCT §1. */
enum class Role { CallTaker, Dispatcher, Liaison, Supervisor, Administrator, System };
Q_ENUM_NS(Role)
} // namespace Roles
using Roles::Role;

/** Stable codes of the people's roles ("calltaker", "dispatcher", "liaison", "supervisor", "administrator"). */
QString toCode(Role role);
std::optional<Role> roleFromCode(QStringView code);

/** Who is acting, in which role, from which console: recorded on every event and checked by services. */
struct Actor
{
    QString user;
    Role role = Role::System;
    QString department; ///< the liaison's department code
    QString console;    ///< console code, part of ticket numbers
};

} // namespace hotline
