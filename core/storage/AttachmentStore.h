#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace hotline {

class Database;

/** One attached file as the projection (ticket_attachments) holds it. */
struct AttachmentRow
{
    QString eventId;   ///< the Attached event
    QString ticketId;
    QString hash;      ///< SHA-256 hex of the content
    QString fileName;
    QString mimeType;
    qint64 size = 0;
    QString stage;     ///< registration | before | after | document
    QString actor;
    qint64 atMs = 0;
    bool received = true; ///< the bytes are in this database (a synced console may have the event before them)
};

/**
 * The SQL of attachments: the bytes once per content hash (attachment_blobs, not projection: a rebuild never
 * touches it) and reads of the projected rows (ticket_attachments, written by TicketTable from Attached events).
 * Writes run inside the caller's transaction.
 */
class AttachmentStore final
{
public:
    explicit AttachmentStore(Database &db);

    /** SHA-256 of the content, lower-case hex: the key of a blob and the event's hash. */
    static QString hashOf(const QByteArray &bytes);

    /** Stores the bytes under their hash unless already there (the same photo twice is stored once). */
    bool putBlob(const QString &hash, const QByteArray &bytes, QString *error);
    bool hasBlob(const QString &hash) const;
    /** The bytes, or nothing when this database does not hold them (yet). */
    std::optional<QByteArray> blob(const QString &hash) const;

    /** A ticket's attachments in the order they came. */
    QList<AttachmentRow> forTicket(const QString &ticketId) const;
    /** The tickets that name this hash (for visibility of a download). */
    QStringList ticketsWith(const QString &hash) const;
    /** Hashes some ticket names whose bytes this database lacks (waiting for the shared server), at most limit. */
    QStringList missingBlobs(int limit) const;

private:
    Database &m_db;
};

} // namespace hotline
