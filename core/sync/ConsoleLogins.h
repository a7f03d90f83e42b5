#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QPair>
#include <QString>

namespace hotline {

class PgConnection;

/**
 * One server login per console (resources/server/007_console_logins.sql, docs/DEPLOYMENT.md): the owner adds a
 * LOGIN role with ConsoleRole's rights and binds it to one console code, which the server then stamps and checks
 * on every event that login pushes. Removing a login ends it (NOLOGIN, rights revoked); its events stay.
 */
/** One console code on the server with the login bound to it, for `hotlinectl server consoles`. */
struct ConsoleEntry
{
    QString code;
    QString login;        ///< empty: joined without a console login (before server schema 7): may not push
    QString installation; ///< the machine name it joined with; empty: reserved, not joined yet
    bool removed = false; ///< the login was removed (its events stay)
    qint64 floorMs = 0;   ///< 0: no completed pass yet
};

class ConsoleLogins final
{
    Q_DECLARE_TR_FUNCTIONS(ConsoleLogins)

public:
    /**
     * Creates the login (or resets an existing console login's password) and returns its console code: the one it
     * already has, else `code` when given (a free code is reserved; the code of a console that joined before
     * binds the login to that installation), else the lowest free code. Empty on failure.
     */
    static QString add(PgConnection &pg, const QString &name, const QByteArray &password, const QString &code,
                       QString *error);
    /** Ends a console login: NOLOGIN, every right revoked, its sessions ended. Returns its code; empty on failure. */
    static QString remove(PgConnection &pg, const QString &name, QString *error);

    /** Every console code with its login (several when logins were removed and the code bound again), by code. */
    static bool list(PgConnection &pg, QList<ConsoleEntry> *out, QString *error);

    /** The server's settings (`hotlinectl server config`), key and value, by key. */
    static bool settings(PgConnection &pg, QList<QPair<QString, QString>> *out, QString *error);
    /** Sets one (validated: max_skew_seconds is a whole number of seconds from 1 to 604800). */
    static bool setSetting(PgConnection &pg, const QString &key, const QString &value, QString *error);
};

} // namespace hotline
