#include "sync/SyncServer.h"

#include "sync/PgConnection.h"

#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace hotline {

SyncServer::SyncServer(PgConnection &pg)
    : m_pg(pg)
{
}

QString SyncServer::join(const QString &installId, const QString &name, const QString &preferred, QString *error)
{
    auto fail = [&](const QString &why) {
        *error = why;
        m_pg.run("ROLLBACK");
        return QString();
    };
    if (!m_pg.run("BEGIN") || !m_pg.run("SELECT pg_advisory_xact_lock(7312346)"))
        return fail(m_pg.lastError());
    // A console login (server schema 7) has its code from the server's owner; the server binds this installation
    // to it, or refuses a second installation with the same login (hotline_join_console).
    PgResult login = m_pg.exec("SELECT hotline_login_console()");
    if (!login.ok())
        return fail(login.error());
    PgResult mine = login.isNull(0, 0)
        ? m_pg.exec("SELECT code FROM hotline_consoles WHERE install_id = $1", {installId.toUtf8()})
        : m_pg.exec("SELECT hotline_join_console($1, $2)", {installId.toUtf8(), name.toUtf8()});
    if (!mine.ok())
        return fail(mine.error());
    QString code;
    if (mine.rows() > 0) {
        code = mine.text(0, 0);
    } else {
        PgResult r = m_pg.exec(
            "INSERT INTO hotline_consoles(code, install_id, name) "
            "SELECT c, $1, $2 FROM (SELECT $3::text AS c, 0 AS o UNION ALL "
            "  SELECT to_char(n, 'FM00'), n FROM generate_series(1, 99) n) wanted "
            "WHERE c ~ '^[0-9]{2}$' AND c <> '00' AND NOT EXISTS (SELECT 1 FROM hotline_consoles k WHERE k.code = c) "
            "ORDER BY o LIMIT 1 RETURNING code",
            {installId.toUtf8(), name.toUtf8(), preferred.toUtf8()});
        if (!r.ok())
            return fail(r.error());
        if (r.rows() == 0)
            return fail(tr("the server has no free console code left (99 consoles joined)"));
        code = r.text(0, 0);
    }
    if (!m_pg.run("COMMIT"))
        return fail(m_pg.lastError());
    return code;
}

bool SyncServer::push(const QList<TicketEvent> &events, QHash<QString, qint64> *serverSeqs, QString *error)
{
    if (events.isEmpty())
        return true;
    QList<QByteArray> ids, tickets, types, at, actors, consoles, payloads, versions;
    for (const TicketEvent &e : events) {
        ids << e.id.toUtf8();
        tickets << e.ticketId.toUtf8();
        types << toCode(e.type).toUtf8();
        at << QByteArray::number(e.atMs);
        actors << e.actor.toUtf8();
        consoles << e.console.toUtf8();
        payloads << (e.payloadText.isEmpty() ? e.payloadJson() : e.payloadText);
        versions << QByteArray::number(kEventVersion);
    }
    PgResult r = m_pg.exec("SELECT id, server_seq FROM hotline_push($1::text[], $2::text[], $3::text[], $4::bigint[], "
                           "$5::text[], $6::text[], $7::text[], $8::smallint[])",
                           {PgConnection::textArray(ids), PgConnection::textArray(tickets),
                            PgConnection::textArray(types), PgConnection::textArray(at),
                            PgConnection::textArray(actors), PgConnection::textArray(consoles),
                            PgConnection::textArray(payloads), PgConnection::textArray(versions)});
    if (!r.ok()) {
        *error = r.error();
        return false;
    }
    serverSeqs->reserve(serverSeqs->size() + r.rows());
    for (int i = 0; i < r.rows(); ++i)
        serverSeqs->insert(r.text(i, 0), r.integer(i, 1));
    return true;
}

ServerEvent SyncServer::decode(qint64 serverSeq, int version, const QString &id, const QString &ticketId,
                               const QString &type, qint64 atMs, const QString &actor, const QString &console,
                               const QByteArray &payload)
{
    ServerEvent s;
    s.serverSeq = serverSeq;
    s.version = version;
    s.rawType = type;
    TicketEvent &e = s.event;
    e.id = id;
    e.ticketId = ticketId;
    e.atMs = atMs;
    e.actor = actor;
    e.console = console;
    e.payloadText = payload;
    if (version != kEventVersion) {
        s.problem = tr("event format version %1 is unknown to this program (it knows %2); update the program")
                        .arg(version)
                        .arg(kEventVersion);
        return s;
    }
    const auto eventType = eventTypeFromCode(type);
    if (!eventType) {
        s.problem = tr("unknown event type \"%1\"").arg(type);
        return s;
    }
    e.type = *eventType;
    if (id.isEmpty() || ticketId.isEmpty()) {
        s.problem = tr("event without an id or a ticket");
        return s;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(payload, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        s.problem = tr("payload is not a JSON object: %1").arg(parseError.errorString());
        return s;
    }
    e.payload = doc.object();
    return s;
}

bool SyncServer::pull(qint64 after, int limit, QList<ServerEvent> *out, QString *error)
{
    PgResult r = m_pg.exec("SELECT server_seq, version, id, ticket_id, type, at_ms, actor, console, payload "
                           "FROM hotline_events WHERE server_seq > $1 ORDER BY server_seq LIMIT $2",
                           {QByteArray::number(after), QByteArray::number(limit)});
    if (!r.ok()) {
        *error = r.error();
        return false;
    }
    out->reserve(out->size() + r.rows());
    for (int i = 0; i < r.rows(); ++i) {
        *out << decode(r.integer(i, 0), int(r.integer(i, 1)), r.text(i, 2), r.text(i, 3), r.text(i, 4),
                       r.integer(i, 5), r.text(i, 6), r.text(i, 7), QByteArray(r.raw(i, 8), r.length(i, 8)));
    }
    return true;
}

bool SyncServer::mayPush(bool *allowed, QString *error)
{
    const PgResult r = m_pg.exec("SELECT hotline_login_console() IS NOT NULL OR coalesce(hotline_session_is_owner(), "
                                 "false)");
    if (!r.ok() || r.rows() != 1) {
        *error = r.error();
        return false;
    }
    *allowed = r.text(0, 0) == u"t"_s;
    return true;
}

bool SyncServer::advanceFloor(qint64 floorMs, QString *error)
{
    // Only a console login has a floor (and the right to call the function); the owner's and the old shared
    // role's pushes are not checked against one.
    PgResult login = m_pg.exec("SELECT hotline_login_console()");
    if (login.ok() && login.isNull(0, 0))
        return true;
    if (login.ok())
        login = m_pg.exec("SELECT hotline_console_floor($1)", {QByteArray::number(floorMs)});
    if (!login.ok()) {
        *error = login.error();
        return false;
    }
    return true;
}

qint64 SyncServer::lastSequence(QString *error)
{
    PgResult r = m_pg.exec("SELECT last FROM hotline_sequence WHERE id = 1");
    if (!r.ok() || r.rows() != 1) {
        *error = r.error();
        return -1;
    }
    return r.integer(0, 0);
}

bool SyncServer::listen(QString *error)
{
    if (!m_pg.run("LISTEN " + QByteArray(kChannel.data(), kChannel.size()))) {
        *error = m_pg.lastError();
        return false;
    }
    return true;
}

bool SyncServer::pullReferenceRows(qint64 after, int limit, QList<ReferenceRow> *out, QString *error)
{
    PgResult r = m_pg.exec("SELECT tbl, key, version, content, edited_ms, console, updated_by FROM hotline_reference_rows "
                           "WHERE version > $1 ORDER BY version LIMIT $2",
                           {QByteArray::number(after), QByteArray::number(limit)});
    if (!r.ok()) {
        *error = r.error();
        return false;
    }
    for (int i = 0; i < r.rows(); ++i) {
        ReferenceRow row;
        row.table = r.text(i, 0);
        row.key = r.text(i, 1);
        row.version = r.integer(i, 2);
        row.content = r.isNull(i, 3) ? QByteArray() : QByteArray(r.raw(i, 3), r.length(i, 3));
        row.editedMs = r.integer(i, 4);
        row.console = r.text(i, 5);
        row.by = r.text(i, 6);
        out->append(row);
    }
    return true;
}

bool SyncServer::referenceKeys(QHash<QString, QStringList> *keysByTable, QString *error)
{
    PgResult r = m_pg.exec("SELECT tbl, key FROM hotline_reference_rows WHERE content IS NOT NULL");
    if (!r.ok()) {
        *error = r.error();
        return false;
    }
    for (int i = 0; i < r.rows(); ++i)
        (*keysByTable)[r.text(i, 0)].append(r.text(i, 1));
    return true;
}

bool SyncServer::putReferenceRow(const ReferenceRow &row, const QString &console, ReferencePutResult *answer,
                                 QString *error, QByteArray *sqlState)
{
    PgResult r = m_pg.exec("SELECT outcome, version, content FROM hotline_put_reference_row($1, $2, $3::bigint, $4, "
                           "$5::bigint, $6, $7)",
                           {row.table.toUtf8(), row.key.toUtf8(), QByteArray::number(row.version), row.content,
                            QByteArray::number(row.editedMs), row.by.toUtf8(), console.toUtf8()});
    if (!r.ok() || r.rows() != 1) {
        *error = r.ok() ? tr("the server gave no answer for the %1 row %2").arg(row.table, row.key) : r.error();
        if (sqlState)
            *sqlState = r.sqlState();
        return false;
    }
    answer->outcome = r.text(0, 0);
    answer->version = r.integer(0, 1);
    answer->content = r.isNull(0, 2) ? QByteArray() : QByteArray(r.raw(0, 2), r.length(0, 2));
    return true;
}

bool SyncServer::pullReferenceConflicts(qint64 after, QList<ReferenceConflict> *out, QString *error)
{
    PgResult r = m_pg.exec("SELECT version, tbl, key, kept_version, kept_content, kept_edited_ms, kept_console, kept_by, "
                           "lost_content, lost_edited_ms, lost_console, lost_by FROM hotline_reference_conflicts "
                           "WHERE version > $1 ORDER BY version",
                           {QByteArray::number(after)});
    if (!r.ok()) {
        *error = r.error();
        return false;
    }
    auto content = [&](int i, int c) {
        return r.isNull(i, c) ? QByteArray() : QByteArray(r.raw(i, c), r.length(i, c));
    };
    for (int i = 0; i < r.rows(); ++i) {
        ReferenceConflict c;
        c.version = r.integer(i, 0);
        c.table = r.text(i, 1);
        c.key = r.text(i, 2);
        c.keptVersion = r.integer(i, 3);
        c.keptContent = content(i, 4);
        c.keptEditedMs = r.integer(i, 5);
        c.keptConsole = r.text(i, 6);
        c.keptBy = r.text(i, 7);
        c.lostContent = content(i, 8);
        c.lostEditedMs = r.integer(i, 9);
        c.lostConsole = r.text(i, 10);
        c.lostBy = r.text(i, 11);
        out->append(c);
    }
    return true;
}

} // namespace hotline
