#include "sync/BlobSync.h"

#include "domain/Ticket.h"
#include "storage/AttachmentStore.h"
#include "storage/Database.h"
#include "sync/PgConnection.h"
#include "util/LogCategories.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

using namespace Qt::StringLiterals;

namespace hotline {

BlobSync::BlobSync(PgConnection &pg, Database &db)
    : m_pg(pg), m_db(db)
{
}

bool BlobSync::pushFor(const QList<TicketEvent> &batch, BlobOutcome *outcome, QString *error)
{
    QList<QByteArray> hashes;
    for (const TicketEvent &e : batch) {
        if (e.type != EventType::Attached)
            continue;
        // Pending events carry their payload as stored (text); decode it only for the few that are attachments.
        const QJsonObject payload = e.payload.isEmpty() && !e.payloadText.isEmpty()
                                        ? QJsonDocument::fromJson(e.payloadText).object()
                                        : e.payload;
        const QByteArray hash = payload.value(Key::Hash).toString().toLatin1();
        if (!hash.isEmpty() && !hashes.contains(hash))
            hashes << hash;
    }
    if (hashes.isEmpty())
        return true;
    const PgResult there = m_pg.exec("SELECT hash FROM hotline_attachment_blobs WHERE hash = ANY($1::text[])",
                                     {PgConnection::textArray(hashes)});
    if (!there.ok()) {
        *error = there.error();
        return false;
    }
    QSet<QByteArray> present;
    for (int i = 0; i < there.rows(); ++i)
        present.insert(there.text(i, 0).toLatin1());
    AttachmentStore store(m_db);
    for (const QByteArray &hash : std::as_const(hashes)) {
        if (present.contains(hash))
            continue;
        const std::optional<QByteArray> bytes = store.blob(QString::fromLatin1(hash));
        if (!bytes) {
            // Only possible for an event this console did not write itself; the one that did will send the bytes.
            qCWarning(lcSync) << "attachment" << hash << "is not in this database; its event is pushed without it";
            continue;
        }
        // Hex text: one parameter path for every value (PgConnection speaks libpq's text format).
        const PgResult put = m_pg.exec("SELECT hotline_put_blob($1, decode($2, 'hex'))", {hash, bytes->toHex()});
        if (!put.ok()) {
            if (!m_pg.isUp()) {
                *error = put.error();
                return false;
            }
            // The server refused these bytes (they do not match their hash: the local copy was altered). The
            // event still goes up; other consoles will show the file as not received.
            qCWarning(lcSync) << "the server refused attachment" << hash << ":" << put.error();
            continue;
        }
        ++outcome->pushed;
    }
    return true;
}

bool BlobSync::fetchMissing(BlobOutcome *outcome, QString *error)
{
    AttachmentStore store(m_db);
    const QStringList missing = store.missingBlobs(kFetchPerPass);
    for (const QString &hash : missing) {
        // One at a time: a blob may be as large as the limit allows, twice that as hex.
        const PgResult r = m_pg.exec("SELECT encode(data, 'hex') FROM hotline_attachment_blobs WHERE hash = $1",
                                     {hash.toLatin1()});
        if (!r.ok()) {
            *error = r.error();
            return false;
        }
        if (r.rows() == 0) {
            ++outcome->waiting; // its console has not sent the bytes yet
            continue;
        }
        const QByteArray bytes = QByteArray::fromHex(QByteArray(r.raw(0, 0), r.length(0, 0)));
        if (AttachmentStore::hashOf(bytes) != hash) {
            // The server's copy was swapped: the chained event's hash says what the bytes must be.
            qCWarning(lcSync) << "attachment" << hash << "from the server does not match its hash; refused";
            ++outcome->refused;
            continue;
        }
        if (!store.putBlob(hash, bytes, error))
            return false;
        ++outcome->fetched;
        outcome->tickets += store.ticketsWith(hash);
    }
    return true;
}

} // namespace hotline
