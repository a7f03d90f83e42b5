#pragma once

#include "auth/Actor.h"
#include "sla/SlaClock.h"

#include <QCoreApplication>
#include <QString>

#include <memory>

namespace hotline {

class Attachments;
class CalendarStore;
class Clock;
class Database;
class EventStore;
class Settings;
class TicketQueries;
class TicketService;
class UserStore;

/**
 * The composition root of the core for one database: opens it, seeds what a new database needs (built-in
 * calendar, console code) and wires the services. hotlinectl and the console each create one.
 */
class Workspace final
{
    Q_DECLARE_TR_FUNCTIONS(Workspace)

public:
    /** Opens (creating/migrating) the database at path; null with error set when it cannot. */
    static std::unique_ptr<Workspace> open(const QString &path, const Clock &clock, QString *error);
    ~Workspace();

    /** The database a console uses when none is given: the per-user application data folder. */
    static QString defaultDatabasePath();

    Database &database() { return *m_db; }
    EventStore &events() { return *m_events; }
    Settings &settings() { return *m_settings; }
    CalendarStore &calendar() { return *m_calendar; }
    TicketService &tickets() { return *m_tickets; }
    TicketQueries &queries() { return *m_queries; }
    UserStore &users() { return *m_users; }
    /** Photos and documents on tickets (made when first asked for). */
    Attachments &attachments();
    const Clock &clock() const { return m_clock; }
    /** SLA arithmetic as currently configured. */
    SlaClock sla() const;

    /** This console's code (part of ticket numbers); "01" for a standalone database. */
    QString consoleCode() const;
    /** The actor for hotlinectl and other system work on this console. */
    Actor systemActor() const;

private:
    Workspace(std::unique_ptr<Database> db, const Clock &clock);

    std::unique_ptr<Database> m_db;
    const Clock &m_clock;
    std::unique_ptr<EventStore> m_events;
    std::unique_ptr<Settings> m_settings;
    std::unique_ptr<CalendarStore> m_calendar;
    std::unique_ptr<TicketService> m_tickets;
    std::unique_ptr<TicketQueries> m_queries;
    std::unique_ptr<UserStore> m_users;
    // The SLA clock is rebuilt only when the configuration generation in the database moves on.
    mutable std::unique_ptr<SlaClock> m_slaCache;
    mutable QString m_slaGeneration;
    std::unique_ptr<Attachments> m_attachments;
};

} // namespace hotline
