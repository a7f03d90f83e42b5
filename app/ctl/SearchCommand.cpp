// hotlinectl search TEXT: the console's search (number, caller phone, full text) as a table or JSON, within what
// the acting user may see (--as USER with the password on standard input, as `ticket show`).
#include "CtlContext.h"
#include "TicketActor.h"

#include "calendar/WorkCalendar.h"
#include "domain/DisplayNames.h"
#include "domain/Ticket.h"
#include "privacy/CallerPrivacy.h"
#include "service/TicketSearch.h"
#include "service/Workspace.h"
#include "sla/SlaClock.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace hotline::ctl {
namespace {

QString kindCode(SearchResult::Kind kind)
{
    switch (kind) {
    case SearchResult::Kind::Number:
        return u"number"_s;
    case SearchResult::Kind::Phone:
        return u"phone"_s;
    case SearchResult::Kind::Text:
        break;
    }
    return u"text"_s;
}

/** One line of a table cell: the summary without its line breaks. */
QString oneLine(const QString &text)
{
    QString s = text.simplified();
    return s.size() > 40 ? s.left(39) + u'…' : s;
}

} // namespace

int cmdSearch(CtlContext &ctx)
{
    const QString usage = CtlContext::tr("Usage: hotlinectl search TEXT [--format text|json] [--limit N] --as USER");
    const QString format = ctx.args.value(u"--format"_s, u"text"_s);
    if (ctx.args.words.isEmpty() || (format != u"text"_s && format != u"json"_s))
        return ctx.fail(usage, Usage);
    int limit = TicketSearch::DefaultLimit;
    if (ctx.args.has(u"--limit"_s)) {
        bool ok = false;
        limit = ctx.args.value(u"--limit"_s).toInt(&ok);
        if (!ok || limit < 1 || limit > TicketSearch::MaxLimit)
            return ctx.fail(CtlContext::tr("--limit is a number from 1 to %1.").arg(TicketSearch::MaxLimit), Usage);
    }
    // Several words on the command line are one search (all must occur), as typed in the console.
    const QString query = ctx.args.words.join(u' ');
    Workspace *ws = ctx.workspace();
    if (!ws)
        return Failed;
    int code = Ok;
    const std::optional<Actor> actor = ticketActor(ctx, *ws, Action::ViewAllTickets, Ticket{}, &code);
    if (!actor)
        return code;
    const SearchResult r = TicketSearch(ws->database()).search(*actor, query, limit);
    if (!r.ok())
        return ctx.fail(r.error, Usage);

    const QTimeZone zone = ws->sla().calendar().timeZone();
    const auto iso = [&](qint64 ms) { return QDateTime::fromMSecsSinceEpoch(ms, zone).toString(Qt::ISODate); };
    if (format == u"json"_s) {
        QJsonArray tickets;
        for (const Ticket &t : r.tickets) {
            // Callers masked, as in every list: their full number is for `ticket show --unmasked` (logged).
            tickets.append(QJsonObject{
                {u"number"_s, t.number},
                {u"status"_s, toCode(t.state)},
                {u"summary"_s, t.summary},
                {u"department"_s, t.department},
                {u"registered"_s, iso(t.registeredMs)},
                {u"closed"_s, t.closedMs ? QJsonValue(iso(*t.closedMs)) : QJsonValue()},
                {u"category"_s, t.category},
                {u"town"_s, t.town},
                {u"address"_s, t.address},
                {u"caller_phone"_s, CallerPrivacy::maskPhone(t.callerPhone)},
                {u"reply"_s, t.replyText},
            });
        }
        const QJsonObject o{{u"query"_s, query},
                            {u"matched_as"_s, kindCode(r.kind)},
                            {u"total"_s, r.total},
                            {u"more"_s, r.more},
                            {u"newest_only"_s, r.newestOnly ? QJsonValue(r.newestOnly) : QJsonValue()},
                            {u"tickets"_s, tickets}};
        ctx.out += QJsonDocument(o).toJson(QJsonDocument::Indented);
        return Ok;
    }
    ctx.print(CtlContext::tr("number\tstatus\tregistered\tdepartment\tsummary"));
    for (const Ticket &t : r.tickets) {
        ctx.print(u"%1\t%2\t%3\t%4\t%5"_s.arg(t.number, DisplayNames::of(t.state),
                                             QDateTime::fromMSecsSinceEpoch(t.registeredMs, zone)
                                                 .toString(u"yyyy-MM-dd HH:mm"_s),
                                             t.department.isEmpty() ? CtlContext::tr("—") : t.department,
                                             oneLine(t.summary)));
    }
    ctx.print(r.more ? CtlContext::tr("%1 shown of more than %2 tickets.").arg(r.tickets.size()).arg(r.total)
                     : CtlContext::tr("%1 shown of %2 tickets.").arg(r.tickets.size()).arg(r.total));
    if (r.newestOnly)
        ctx.print(CtlContext::tr("Words of one or two characters alone are looked for in the newest %1 tickets; add a "
                                 "longer word to search them all.")
                      .arg(r.newestOnly));
    return Ok;
}

} // namespace hotline::ctl
