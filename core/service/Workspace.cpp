#include "service/Workspace.h"

#include "auth/UserStore.h"
#include "service/Attachments.h"
#include "service/TicketQueries.h"
#include "service/TicketService.h"
#include "sla/SlaClock.h"
#include "storage/CalendarStore.h"
#include "storage/Database.h"
#include "storage/EventStore.h"
#include "storage/Settings.h"
#include "util/Clock.h"

#include <QDir>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace hotline {

Workspace::Workspace(std::unique_ptr<Database> db, const Clock &clock)
    : m_db(std::move(db)),
      m_clock(clock),
      m_events(std::make_unique<EventStore>(*m_db)),
      m_settings(std::make_unique<Settings>(*m_db)),
      m_calendar(std::make_unique<CalendarStore>(*m_db)),
      m_tickets(std::make_unique<TicketService>(*m_db, *m_events, m_clock, [this] { return sla(); })),
      m_queries(std::make_unique<TicketQueries>(*m_db, *m_events)),
      m_users(std::make_unique<UserStore>(*m_db, m_clock))
{
}

Workspace::~Workspace() = default;

QString Workspace::defaultDatabasePath()
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation);
    return QDir(dir).filePath(u"hotline-console/hotline.db"_s);
}

std::unique_ptr<Workspace> Workspace::open(const QString &path, const Clock &clock, QString *error)
{
    std::unique_ptr<Database> db = Database::open(path, error);
    if (!db)
        return nullptr;
    db->setClock(&clock); // administrative events are stamped by the workspace's clock
    std::unique_ptr<Workspace> ws(new Workspace(std::move(db), clock));
    if (ws->m_db->meta(u"calendar.seeded"_s).isEmpty()) {
        if (!ws->m_calendar->seedBuiltin(error) || !ws->m_db->setMeta(u"calendar.seeded"_s, u"1"_s))
            return nullptr;
    }
    if (ws->m_db->meta(u"console.code"_s).isEmpty())
        ws->m_db->setMeta(u"console.code"_s, u"01"_s);
    return ws;
}

SlaClock Workspace::sla() const
{
    const QString generation = m_db->meta(u"config.generation"_s, u"0"_s);
    if (!m_slaCache || generation != m_slaGeneration) {
        m_slaCache = std::make_unique<SlaClock>(m_calendar->loadSlaClock());
        m_slaGeneration = generation;
    }
    return *m_slaCache;
}

QString Workspace::consoleCode() const
{
    return m_db->meta(u"console.code"_s, u"01"_s);
}

Actor Workspace::systemActor() const
{
    return Actor{u"hotlinectl"_s, Role::System, QString(), consoleCode()};
}

Attachments &Workspace::attachments()
{
    if (!m_attachments)
        m_attachments = std::make_unique<Attachments>(*m_db, *m_events, m_clock);
    return *m_attachments;
}

} // namespace hotline
