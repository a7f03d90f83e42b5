#include "io/TicketImporter.h"

#include "auth/Permissions.h"

#include "domain/Ticket.h"
#include "domain/TextRules.h"
#include "domain/TicketEvent.h"
#include "io/TicketCsv.h"
#include "service/Workspace.h"
#include "sla/SlaClock.h"
#include "storage/AdminAudit.h"
#include "storage/Database.h"
#include "storage/EventStore.h"
#include "util/LogCategories.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonObject>
#include <QHash>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

#include <atomic>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

using namespace Qt::StringLiterals;

namespace hotline {
namespace {

constexpr int kBatch = 500; // tickets per EventStore call: amortises its per-call work

/** Finds or creates departments, categories and towns by name within the import's transaction. */
class ReferenceData
{
public:
    /** How department names and codes are compared: ignoring case (PRODUCT §7, DATA-FORMATS.md). */
    static QString departmentKey(const QString &nameOrCode) { return nameOrCode.toCaseFolded(); }

    explicit ReferenceData(Database &db) : m_db(db)
    {
        // Names win over codes (a ticket file names its department): codes first, names over them.
        QList<std::pair<QString, QString>> departments;
        QSqlQuery q(db.sql());
        if (q.exec(u"SELECT code, name FROM departments"_s)) {
            while (q.next())
                departments.append({q.value(0).toString(), q.value(1).toString()});
        }
        for (const auto &[code, name] : std::as_const(departments))
            m_departments.insert(departmentKey(code), code);
        // Real codes given later to departments created by name (DepartmentImporter); own codes win.
        if (q.exec(u"SELECT alias, code FROM department_aliases"_s)) {
            while (q.next()) {
                const QString alias = departmentKey(q.value(0).toString());
                if (!m_departments.contains(alias))
                    m_departments.insert(alias, q.value(1).toString());
            }
        }
        for (const auto &[code, name] : std::as_const(departments))
            m_departments.insert(departmentKey(name), code);
        if (q.exec(u"SELECT name FROM categories"_s)) {
            while (q.next())
                m_categories.insert(q.value(0).toString());
        }
        if (q.exec(u"SELECT name FROM towns"_s)) {
            while (q.next())
                m_towns.insert(q.value(0).toString());
        }
    }

    /** Name or code (case-folded) → code, as known when the import started (for the preparing thread). */
    QHash<QString, QString> departmentCodes() const { return m_departments; }

    /**
     * Case-folded name → the stored spelling, for categories and towns: names are unique ignoring case (the
     * categories and towns imports), so "noise" in a ticket file is the existing category "Noise", not a new one.
     */
    static QHash<QString, QString> spellings(const QSet<QString> &names)
    {
        QStringList sorted(names.cbegin(), names.cend());
        sorted.sort(); // one fixed choice where an older database already holds two spellings
        QHash<QString, QString> out;
        for (const QString &name : std::as_const(sorted))
            out.insert(name.toCaseFolded(), name);
        return out;
    }
    QHash<QString, QString> categorySpellings() const { return spellings(m_categories); }
    QHash<QString, QString> townSpellings() const { return spellings(m_towns); }

    /** The department's code; an unknown name becomes a department whose code is its name. */
    QString department(const QString &name, QStringList *created, QString *error)
    {
        const auto it = m_departments.constFind(departmentKey(name));
        if (it != m_departments.constEnd())
            return it.value();
        if (!insert(u"INSERT INTO departments(code, name) VALUES(?, ?)"_s, {name, name}, error))
            return {};
        m_departments.insert(departmentKey(name), name);
        *created << TicketImporter::tr("Created the department %1.").arg(name);
        return name;
    }

    bool category(const QString &name, QStringList *created, QString *error)
    {
        if (name.isEmpty() || m_categories.contains(name))
            return true;
        m_categories.insert(name);
        *created << TicketImporter::tr("Created the category %1.").arg(name);
        return insert(u"INSERT INTO categories(name) VALUES(?)"_s, {name}, error);
    }

    bool town(const QString &name, QStringList *created, QString *error)
    {
        if (name.isEmpty() || m_towns.contains(name))
            return true;
        m_towns.insert(name);
        *created << TicketImporter::tr("Created the town %1.").arg(name);
        return insert(u"INSERT INTO towns(name) VALUES(?)"_s, {name}, error);
    }

private:
    bool insert(const QString &sql, const QStringList &values, QString *error)
    {
        QSqlQuery q(m_db.sql());
        q.prepare(sql);
        for (const QString &v : values)
            q.addBindValue(v);
        if (q.exec())
            return true;
        *error = q.lastError().text();
        return false;
    }

    Database &m_db;
    QHash<QString, QString> m_departments; // case-folded name or code -> code
    QSet<QString> m_categories;
    QSet<QString> m_towns;
};

/** The events an operator would have produced for this historical ticket. */
QList<TicketEvent> eventsFor(const HistoricalTicket &h, const QString &departmentCode, const SlaClock &sla,
                             const QString &console)
{
    const QString actor = u"import"_s;
    const QString id = newUuid();
    const SlaClass cls = sla.policy().classFor(h.type, h.category);
    QList<TicketEvent> events;
    events << TicketEvent::make(id, EventType::Registered, h.registeredAt, actor, console,
                                QJsonObject{
                                    {Key::Number, h.number},
                                    {Key::Channel, toCode(h.channel)},
                                    {Key::Type, toCode(h.type)},
                                    {Key::SlaClass, toCode(cls)},
                                    {Key::Category, h.category},
                                    {Key::Town, h.town},
                                    {Key::CallerName, h.callerName},
                                    {Key::CallerPhone, h.callerPhone},
                                    {Key::Summary, h.summary},
                                });
    if (h.dispatchedAt) {
        const qint64 deadline = sla.deadline(*h.dispatchedAt / 1000, cls);
        events << TicketEvent::make(id, EventType::Dispatched, *h.dispatchedAt, actor, console,
                                    QJsonObject{{Key::Department, departmentCode}, {Key::Deadline, deadline}});
    }
    // Without a dispatch, replied_at is the call-taker's answer: the ticket is closed at intake (closedAt).
    if (h.repliedAt && h.dispatchedAt)
        events << TicketEvent::make(id, EventType::Replied, *h.repliedAt, actor, console);
    if (h.closedAt) {
        if (h.satisfaction) {
            events << TicketEvent::make(id, EventType::Callback, *h.closedAt, actor, console,
                                        QJsonObject{{Key::Satisfaction, toCode(*h.satisfaction)}});
        }
        events << TicketEvent::make(id, EventType::Closed, *h.closedAt, actor, console);
    }
    return events;
}

/**
 * The preparing thread guessed the code of a department unknown when the import started from the row's own
 * spelling; a department created on an earlier row with other capitals has the code of that row.
 */
void useDepartmentCode(QList<TicketEvent> &events, const QString &code)
{
    for (TicketEvent &e : events) {
        if (e.type == EventType::Dispatched && e.payload.value(Key::Department).toString() != code) {
            e.payload.insert(Key::Department, code);
            e.payloadText = e.payloadJson();
        }
    }
}

/** One CSV row, validated and turned into events by the preparing thread. */
struct PreparedRow
{
    qint64 line = 0;
    QString error;
    HistoricalTicket ticket;
    QList<TicketEvent> events; // with payloadText filled in
};

/** A run of rows and how far into the file they reach. */
struct PreparedChunk
{
    QList<PreparedRow> rows;
    qint64 bytesConsumed = 0;
    bool last = false;
};

/**
 * Reads, validates and builds the events of the CSV on a second thread while the importing thread writes the
 * previous rows: parsing, JSON and event building then cost no wall time on a two-core machine. Chunks come in
 * file order through a small bounded queue.
 */
class RowPreparer
{
public:
    RowPreparer(TicketCsvReader &reader, SlaClock sla, QString console, QHash<QString, QString> departmentCodes,
                QHash<QString, QString> categories, QHash<QString, QString> towns)
        : m_reader(reader)
        , m_sla(std::move(sla))
        , m_console(std::move(console))
        , m_codes(std::move(departmentCodes))
        , m_categories(std::move(categories))
        , m_towns(std::move(towns))
    {
        m_thread = std::thread([this] { run(); });
    }

    ~RowPreparer()
    {
        stop();
        m_thread.join();
    }

    /** The next chunk in file order (blocks until it is ready). */
    PreparedChunk take()
    {
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [this] { return !m_queue.empty(); });
        PreparedChunk chunk = std::move(m_queue.front());
        m_queue.pop_front();
        m_changed.notify_all();
        return chunk;
    }

    /** Rows after a failure are only validated, not turned into events. */
    void skipEvents() { m_skipEvents = true; }

private:
    static constexpr int kChunkRows = 500;
    static constexpr size_t kMaxQueued = 8;

    void stop()
    {
        std::lock_guard lock(m_mutex);
        m_stopped = true;
        m_changed.notify_all();
    }

    void put(PreparedChunk chunk)
    {
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [this] { return m_queue.size() < kMaxQueued || m_stopped; });
        m_queue.push_back(std::move(chunk));
        m_changed.notify_all();
    }

    void run()
    {
        PreparedChunk chunk;
        TicketCsvRow row;
        while (!m_stopped && m_reader.readRow(row)) {
            PreparedRow p{row.line, row.error, row.ticket, {}};
            // The first spelling met (in the database, else in the file) for every ticket of a category or town.
            for (auto [name, known] : {std::pair {&p.ticket.category, &m_categories}, {&p.ticket.town, &m_towns}}) {
                if (name->isEmpty())
                    continue;
                const QString key = name->toCaseFolded();
                if (const auto it = known->constFind(key); it != known->constEnd())
                    *name = it.value();
                else
                    known->insert(key, *name);
            }
            const HistoricalTicket &h = p.ticket;
            if (p.error.isEmpty() && h.dispatchedAt && h.closedAt && !h.repliedAt) {
                p.error = TicketImporter::tr("closed_at is set but replied_at is empty: a dispatched ticket is closed "
                                             "after the department's reply");
            }
            if (p.error.isEmpty() && !m_skipEvents) {
                // An unknown department will be created with its name as code (ReferenceData::department).
                const QString code = h.dispatchedAt
                                         ? m_codes.value(ReferenceData::departmentKey(h.department), h.department)
                                         : QString();
                p.events = eventsFor(h, code, m_sla, m_console);
                for (TicketEvent &e : p.events)
                    e.payloadText = e.payloadJson();
            }
            chunk.rows << std::move(p);
            if (chunk.rows.size() >= kChunkRows) {
                chunk.bytesConsumed = m_reader.bytesConsumed();
                put(std::exchange(chunk, {}));
            }
        }
        chunk.bytesConsumed = m_reader.bytesConsumed();
        chunk.last = true;
        put(std::move(chunk));
    }

    TicketCsvReader &m_reader;
    const SlaClock m_sla;
    const QString m_console;
    const QHash<QString, QString> m_codes;
    QHash<QString, QString> m_categories; // case-folded name -> spelling used (this thread only)
    QHash<QString, QString> m_towns;
    std::atomic<bool> m_skipEvents{false};
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<PreparedChunk> m_queue;
    bool m_stopped = false;
    std::thread m_thread;
};

} // namespace

TicketImporter::TicketImporter(Workspace &ws) : m_ws(ws), m_by(ws.systemActor()) {}

TicketImporter::TicketImporter(Workspace &ws, const Actor &by) : m_ws(ws), m_by(by) {}

ImportResult TicketImporter::importFile(const QString &path)
{
    ImportResult result;
    const QString shownPath = TextRules::visible(QDir::toNativeSeparators(path));
    auto report = [&](qint64 line, const QString &why) {
        ++result.badRows;
        m_errorPolicy.add(result, u"%1:%2: %3"_s.arg(shownPath).arg(line).arg(why));
    };
    if (QString refused; !Permissions::check(m_by, Action::ImportTickets, &refused)) {
        result.errors << refused;
        return result;
    }

    TicketCsvReader reader(path);
    if (!reader.openError().isEmpty()) {
        result.errors << u"%1: %2"_s.arg(shownPath, TextRules::visible(reader.openError()));
        return result;
    }
    Database &db = m_ws.database();
    WriteTransaction tx(db);
    if (!tx.isActive()) {
        result.errors << tr("%1: cannot start writing: %2").arg(shownPath, tx.error());
        return result;
    }
    // Departments, categories and towns the file names but the database lacks are created with the tickets: on
    // the administrative record once a table's record has begun (AdminAudit).
    AdminAudit audit(db, {AdminEntity::Department, AdminEntity::Category, AdminEntity::Town});
    const SlaClock sla = m_ws.sla();
    const QString console = m_ws.consoleCode();
    ReferenceData reference(db);
    EventStore &store = m_ws.events();

    // Numbers already in the database are refused (importing the same file twice adds nothing).
    QSqlQuery existing(db.sql());
    const bool checkExisting = existing.exec(u"SELECT 1 FROM tickets LIMIT 1"_s) && existing.next();
    existing.finish();
    // Also a number a ticket had before it was renumbered (two consoles gave it alike): importing that file again
    // must not bring the clash back. The answer names the ticket that has (or had) it, and how many do.
    existing.prepare(u"SELECT t.number, count(*) OVER () FROM tickets t WHERE t.number = ? "
                     "UNION ALL SELECT t.number, 1 FROM ticket_former_numbers f JOIN tickets t ON t.id = f.ticket_id "
                     "WHERE f.number = ? LIMIT 1"_s);

    QList<TicketEvent> batch;
    int batchTickets = 0;
    bool failed = false;
    QString error;
    bool marked = false;
    auto flush = [&] {
        // Before the first imported event, in the same transaction: the administrator's import marker, which the
        // shared server requires before it takes events dated before this console's last push (issue 16).
        if (!failed && !batch.isEmpty() && !marked) {
            marked = true;
            const QJsonObject what{{u"file"_s, QFileInfo(path).fileName()}};
            if (!audit.recordMarker(m_by, u"tickets"_s, u"import"_s, what, &error)) {
                failed = true;
                result.errors << tr("%1: cannot write the tickets: %2").arg(shownPath, error);
            }
        }
        if (!failed && !batch.isEmpty() && !store.appendNewTickets(batch, &error)) {
            failed = true;
            result.errors << tr("%1: cannot write the tickets: %2").arg(shownPath, error);
        }
        batch.clear();
        batchTickets = 0;
    };
    auto fail = [&](qint64 line, const QString &why) {
        failed = true;
        report(line, why);
    };

    const qint64 totalBytes = reader.totalBytes(); // asked before the reader moves to the preparing thread
    RowPreparer preparer(reader, sla, console, reference.departmentCodes(), reference.categorySpellings(),
                         reference.townSpellings());
    for (bool last = false; !last;) {
        PreparedChunk chunk = preparer.take();
        last = chunk.last;
        for (PreparedRow &p : chunk.rows) {
            ++result.rows;
            if (!p.error.isEmpty()) {
                fail(p.line, p.error);
                continue;
            }
            const HistoricalTicket &h = p.ticket;
            if (checkExisting) {
                existing.addBindValue(h.number);
                existing.addBindValue(h.number);
                const bool taken = existing.exec() && existing.next();
                const QString holder = taken ? existing.value(0).toString() : QString();
                const qint64 holders = taken ? existing.value(1).toLongLong() : 0;
                existing.finish();
                if (taken) {
                    fail(p.line, holder != h.number
                                     ? tr("ticket number %1 is already in the database (the former number of ticket %2)")
                                           .arg(h.number, holder)
                                     : holders > 1 ? tr("ticket number %1 is already in the database (%2 tickets have it)")
                                                         .arg(h.number, QString::number(holders))
                                                   : tr("ticket number %1 is already in the database").arg(h.number));
                    continue;
                }
            }
            if (failed)
                continue; // keep validating to report every bad row; nothing will be written
            if (h.dispatchedAt) {
                const QString code = reference.department(h.department, &result.created, &error);
                if (code.isEmpty()) {
                    fail(p.line, error);
                    continue;
                }
                useDepartmentCode(p.events, code);
            }
            if (!reference.category(h.category, &result.created, &error) || !reference.town(h.town, &result.created, &error)) {
                fail(p.line, error);
                continue;
            }
            batch += std::move(p.events);
            ++result.imported;
            if (++batchTickets >= kBatch)
                flush();
        }
        if (failed)
            preparer.skipEvents();
        if (m_progress)
            m_progress(chunk.bytesConsumed, totalBytes);
    }
    flush();
    if (failed || !result.errors.isEmpty()) {
        tx.rollback();
        result.imported = 0;
        result.created.clear();
        return result;
    }
    if (QString why; !audit.record(m_by, &why, u"import"_s, AdminAudit::Origin::Seeding)) {
        result.errors << tr("%1: cannot save the import: %2").arg(shownPath, why);
        result.imported = 0;
        result.created.clear();
        return result;
    }
    if (!tx.commit()) {
        result.errors << tr("%1: cannot save the import: %2").arg(shownPath, tx.error());
        result.imported = 0;
        result.created.clear();
        return result;
    }
    result.ok = true;
    qCInfo(lcImport) << "imported" << result.imported << "tickets from" << path;
    return result;
}

} // namespace hotline
