#pragma once

#include "auth/Actor.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QMap>
#include <QString>

#include <optional>

namespace hotline {

class Database;

/** What an administrative change touched: one table of reference data each (docs/TAMPER-EVIDENCE.md). */
enum class AdminEntity { Setting, CalendarDay, Department, Category, Town, User, IntakeToken };

/** The rows of one audited table as the log records them: key → value (settings: text, others: an object). */
using AdminRows = QMap<QString, QJsonValue>;

/**
 * Records administrative changes as `admin_changed` events in the same hash-chained log as tickets, in the
 * caller's write transaction, so a change and its record are committed (or rolled back) together.
 *
 * A write path takes a snapshot of the tables it may change right after BEGIN, makes its change, then calls
 * record(): one event per row that differs (added, changed or removed), with actor, time, console and the
 * row's old and new value. Secrets never reach the log: a password hash is left out (the event says the
 * password changed), a secret setting shows "(changed)".
 *
 * The record of a table starts with a baseline: before the first change of a table is recorded, one event with
 * key "*" (actor `system`) carries the whole table as it stood, so ReferenceVerifier can derive every row.
 */
class AdminAudit final
{
    Q_DECLARE_TR_FUNCTIONS(AdminAudit)

public:
    /** How the caller's change came about; seeding (first start, demo data) is recorded only once a baseline exists. */
    enum class Origin { Person, Seeding };

    /** Takes the "before" snapshot; construct it inside the write transaction. */
    AdminAudit(Database &db, QList<AdminEntity> entities);

    /**
     * Appends an event for every row that changed since the snapshot, as `by`. action names what the person did
     * when the rows alone do not say it ("password_reset", "import"); empty otherwise. False with error set on a
     * storage failure: the caller must not commit.
     */
    bool record(const Actor &by, QString *error, const QString &action = {}, Origin origin = Origin::Person);
    int recorded() const { return m_recorded; }
    /**
     * One event on the administrative record that no table row stands for, as `by` (entity and action name it,
     * value is its "new"): e.g. the marker of a history import, which lets the server take that import's old dates
     * (resources/server/007_console_logins.sql). False with error set on a storage failure.
     */
    bool recordMarker(const Actor &by, const QString &entity, const QString &action, const QJsonValue &value,
                      QString *error);

    static QString entityCode(AdminEntity entity);
    static std::optional<AdminEntity> entityFromCode(QStringView code);
    static QList<AdminEntity> allEntities();
    /**
     * Whether the table travels to every console through the shared server. Intake tokens stay in the serving
     * database (core/intake), so their events are recorded everywhere but their rows are compared nowhere.
     */
    static bool isReplicated(AdminEntity entity) { return entity != AdminEntity::IntakeToken; }
    /** The key of a baseline event (the whole table). */
    static QString baselineKey() { return QStringLiteral("*"); }

    /** The rows of a table as stored now, secrets included (the caller masks them with shown()). */
    static AdminRows snapshot(Database &db, AdminEntity entity, QString *error = nullptr);
    /** A row's value as the log may show it: no password hash, a secret setting only as set or empty. */
    static QJsonValue shown(AdminEntity entity, const QString &key, const QJsonValue &value);
    /** The part of a shown value that a later check can compare (a secret's content cannot be). */
    static QJsonValue comparable(AdminEntity entity, const QString &key, const QJsonValue &shownValue);

    /** The name recorded as actor: the signed-in user, or for hotlinectl the operating-system account too. */
    static QString actorName(const Actor &by);

private:
    bool appendEvent(const QString &actor, const QString &console, const QJsonObject &payload, QString *error);
    bool hasBaseline(AdminEntity entity, bool *has, QString *error);

    Database &m_db;
    QList<std::pair<AdminEntity, AdminRows>> m_before;
    int m_recorded = 0;
};

} // namespace hotline
