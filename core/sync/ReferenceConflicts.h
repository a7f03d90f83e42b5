#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace hotline {

class Database;

/** Two consoles edited one reference row at once: the edit kept (the later one) and the one that lost. */
struct ReferenceConflict
{
    qint64 version = 0;       ///< the server's number for this record (pulled in this order)
    QString table;
    QString key;
    qint64 keptVersion = 0;
    QByteArray keptContent;   ///< null: the kept edit deleted the row
    qint64 keptEditedMs = 0;
    QString keptConsole;
    QString keptBy;
    QByteArray lostContent;   ///< null: the lost edit deleted the row
    qint64 lostEditedMs = 0;
    QString lostConsole;
    QString lostBy;
    bool seen = false;        ///< acknowledged on this console
};

/**
 * The reference conflicts pulled from the server (sync_reference_conflicts): the same list on every console, for
 * administrators (the sync conflicts dialog, `hotlinectl sync conflicts`). Nothing is undone automatically: the
 * kept edit is in force everywhere, and an administrator who prefers the lost one enters it again.
 */
class ReferenceConflicts final
{
    Q_DECLARE_TR_FUNCTIONS(ReferenceConflicts)

public:
    explicit ReferenceConflicts(Database &db) : m_db(db) {}

    bool store(const QList<ReferenceConflict> &conflicts, QString *error);
    /** Newest first. */
    bool list(QList<ReferenceConflict> *out, QString *error) const;
    qint64 unseenCount() const;
    bool markAllSeen(QString *error);
    /** The highest server version stored (where the next pull starts). */
    qint64 lastVersion() const;

    /** A row's content in one line for people ("name: 区水务局, duty_phones: …"), or "(deleted)". */
    static QString describe(const QByteArray &content);
    /** As JSON for `--format json`. */
    static QJsonObject toJson(const ReferenceConflict &c);

private:
    Database &m_db;
};

} // namespace hotline
