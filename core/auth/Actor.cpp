#include "auth/Actor.h"

using namespace Qt::StringLiterals;

namespace hotline {

QString toCode(Role role)
{
    switch (role) {
    case Role::CallTaker: return u"calltaker"_s;
    case Role::Dispatcher: return u"dispatcher"_s;
    case Role::Liaison: return u"liaison"_s;
    case Role::Supervisor: return u"supervisor"_s;
    case Role::Administrator: return u"administrator"_s;
    case Role::System: return u"system"_s;
    }
    return {};
}

std::optional<Role> roleFromCode(QStringView code)
{
    for (Role r : {Role::CallTaker, Role::Dispatcher, Role::Liaison, Role::Supervisor, Role::Administrator}) {
        if (code == toCode(r))
            return r;
    }
    return std::nullopt;
}

} // namespace hotline
