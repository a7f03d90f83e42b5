#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

namespace hotline {

class PgConnection;

/**
 * The restricted database role consoles log in with (docs/TAMPER-EVIDENCE.md): it reads events and adds them
 * only through hotline_push (SECURITY DEFINER), joins, syncs reference documents and claims SMS, and can do
 * nothing else: no UPDATE, DELETE or TRUNCATE on events, no DDL, not the owner. Applied by the owner
 * (`hotlinectl server init --console-role NAME`); running it again resets the role's grants to exactly these.
 */
class ConsoleRole final
{
    Q_DECLARE_TR_FUNCTIONS(ConsoleRole)

public:
    /** Creates the LOGIN role or updates its password, then sets its grants, in one transaction. */
    static bool apply(PgConnection &pg, const QString &name, const QByteArray &password, QString *error);
    /** Empty when the name is acceptable (lower-case letters, digits, underscore; at most 63). */
    static QString checkName(const QString &name);
};

} // namespace hotline
