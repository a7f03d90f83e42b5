#pragma once

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace hotline {

class Database;

/** A draft as stored: when it was saved and the form's fields (RegistrationDraft::toJson()). */
struct StoredDraft
{
    qint64 savedMs = 0;
    QJsonObject content;
};

/**
 * The `drafts` table: one unfinished registration form per user of this database, written as the
 * operator types so that it survives a crash or a power cut, and read back when the form opens.
 */
class DraftStore final
{
    Q_DECLARE_TR_FUNCTIONS(DraftStore)

public:
    explicit DraftStore(Database &db);

    /** The user's draft, or nullopt when there is none (or it cannot be read as a JSON object). */
    std::optional<StoredDraft> load(const QString &user) const;
    /** Inserts or replaces the user's draft in one write transaction. */
    bool save(const QString &user, qint64 savedMs, const QJsonObject &content, QString *error);
    /** Removes the user's draft (no draft is not an error). */
    bool clear(const QString &user, QString *error);

private:
    Database &m_db;
};

} // namespace hotline
