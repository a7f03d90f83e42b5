// Events from the shared server (another console's rows, possibly a newer or a broken one): decoding never crashes,
// a decoded payload has one canonical JSON text (the hash chain depends on it), and folding any sequence of decoded
// events into a ticket is total.
//
// Input: the whole input is first decoded as one payload; then each line `version<TAB>type<TAB>at_ms<TAB>payload`
// is decoded as a server row and folded, in order, into one ticket.
#include "FuzzSupport.h"

#include "domain/TicketFold.h"
#include "sync/SyncServer.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;
using namespace hotline;

namespace {

void checkCanonical(const ServerEvent &s, const QByteArray &input)
{
    const QByteArray first = s.event.payloadJson();
    const QJsonDocument again = QJsonDocument::fromJson(first);
    FUZZ_CHECK(again.isObject(), input);
    FUZZ_CHECK(QJsonDocument(again.object()).toJson(QJsonDocument::Compact) == first, input + " -> " + first);
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    hotline::fuzz::initApplication(argc, argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 64 * 1024)
        return 0;
    const QByteArray in = hotline::fuzz::bytes(data, size);
    const QString id = u"0190a6c1-0000-8000-8000-000000000001"_s;
    const QString ticketId = u"0190a6c1-0000-8000-8000-000000000002"_s;

    const ServerEvent whole = SyncServer::decode(1, SyncServer::kEventVersion, id, ticketId, u"registered"_s, 0,
                                                 u"op"_s, u"01"_s, in);
    if (whole.problem.isEmpty())
        checkCanonical(whole, in);

    Ticket ticket;
    ticket.id = ticketId;
    qint64 seq = 0;
    for (const QByteArray &line : in.split('\n')) {
        const QList<QByteArray> f = line.split('\t');
        if (f.size() < 4)
            continue;
        const QByteArray payload = line.mid(f[0].size() + f[1].size() + f[2].size() + 3);
        ++seq;
        const ServerEvent s = SyncServer::decode(seq, f[0].toInt(), id + QString::number(seq), ticketId,
                                                 QString::fromUtf8(f[1]), f[2].toLongLong(), u"op"_s, u"02"_s,
                                                 payload);
        if (!s.problem.isEmpty())
            continue;
        checkCanonical(s, in);
        TicketFold::apply(ticket, s.event);
        (void)TicketFold::check(ticket, s.event.type);
    }
    return 0;
}
