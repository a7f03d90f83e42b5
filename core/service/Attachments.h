#pragma once

#include "auth/Actor.h"
#include "domain/TicketEvent.h"
#include "storage/AttachmentStore.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <optional>

namespace hotline {

class Clock;
class Database;
class EventStore;

/** A file someone wants to attach: what they picked, its bytes and why it is there. */
struct AttachmentFile
{
    QString fileName;
    QByteArray bytes;
    QString stage; ///< registration | before | after | document (empty: document; at registration: registration)
};

/** An accepted file, ready to be recorded: its event and the bytes that go with it. */
struct PreparedAttachment
{
    TicketEvent event;
    QByteArray bytes;
    QString hash;
};

/**
 * Photos and documents on tickets (PRODUCT §2): each file is checked (size limit `attachments.max_mb`, images,
 * PDF, office documents and plain text by their content; programs refused), its bytes stored once per SHA-256
 * and an Attached event recorded in the same transaction. The event carries the hash, so the tamper-evident log
 * vouches for the bytes too.
 */
class Attachments final
{
    Q_DECLARE_TR_FUNCTIONS(Attachments)

public:
    Attachments(Database &db, EventStore &store, const Clock &clock);

    /** The stage codes, in the order forms offer them. */
    static QStringList stages();
    static bool isStage(const QString &code);
    /** The translated name of a stage ("Before handling"). */
    static QString stageName(const QString &code);

    /**
     * Checks one file; on success fills the event (payload: hash, file name, MIME type, size, stage) for ticketId
     * and returns true, otherwise says why in *error (the file's name first).
     */
    static bool prepare(const AttachmentFile &file, qint64 maxBytes, const QString &ticketId, const Actor &actor,
                        qint64 atMs, PreparedAttachment *out, QString *error);

    /** The refusal of a file of this size over the limit (empty when it fits): a caller may check before reading. */
    static QString sizeProblem(const QString &fileName, qint64 size, qint64 maxBytes);

    /** Attaches a file to a ticket; returns the content hash, or empty with *error (nothing written). */
    QString attach(const Actor &actor, const QString &ticketId, const AttachmentFile &file, QString *error);

    /** A ticket's attachments; empty when the actor may not see the ticket. */
    QList<AttachmentRow> list(const Actor &actor, const QString &ticketId);
    /** The bytes of a file the actor may see (on a ticket visible to them), or nothing with *error. */
    std::optional<QByteArray> content(const Actor &actor, const QString &hash, QString *error);

    /** Writes the bytes of prepared files (inside the caller's transaction). */
    static bool storeBlobs(Database &db, const QList<PreparedAttachment> &files, QString *error);

private:
    Database &m_db;
    EventStore &m_store;
    const Clock &m_clock;
};

} // namespace hotline
