#include "service/TicketSearch.h"

#include "auth/Permissions.h"
#include "domain/PhoneNumber.h"
#include "storage/Database.h"
#include "storage/TicketTable.h"

#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>

#include <optional>

using namespace Qt::StringLiterals;

namespace hotline {
namespace {

/** The ticket columns of TicketTable::fromQuery, qualified for a join with the index. */
QString ticketColumns()
{
    static const QString columns = [] {
        QStringList out;
        for (const QString &c : TicketTable::columns().split(u',')) {
            out << u"t."_s + c.trimmed();
        }
        return out.join(u", "_s);
    }();
    return columns;
}

/** One search's FROM, WHERE and ORDER BY, with its bound values. */
struct Plan
{
    QString from;
    QStringList where;
    QVariantList values;
    QString order;
};

/** The visibility rule of TicketQueries::maySee as SQL; false when the actor sees no ticket at all. */
bool restrictToVisible(const Actor &actor, Plan &plan)
{
    if (Permissions::allows(actor, Action::ViewAllTickets))
        return true;
    if (actor.department.isEmpty())
        return false;
    plan.where << u"t.department = ?"_s;
    plan.values << actor.department;
    return true;
}

/** A LIKE pattern that finds text as it is: % _ and the escape character itself are plain. */
QString containsPattern(const QString &text)
{
    QString escaped = text;
    escaped.replace(u'\\', u"\\\\"_s).replace(u'%', u"\\%"_s).replace(u'_', u"\\_"_s);
    return u'%' + escaped + u'%';
}

/** An FTS5 string: the word is a phrase, whatever operators or quotes it contains. */
QString ftsPhrase(const QString &word)
{
    QString quoted = word;
    quoted.replace(u'"', u"\"\""_s);
    return u'"' + quoted + u'"';
}

bool looksLikeNumber(const QString &q)
{
    static const QRegularExpression pattern(u"^[0-9A-Za-z-]+$"_s);
    return q.size() >= TicketSearch::MinNumberPrefix && pattern.match(q).hasMatch()
           && std::ranges::any_of(q, [](QChar c) { return c.isDigit(); });
}

} // namespace

TicketSearch::TicketSearch(Database &db) : m_db(db) {}

namespace {

/** How a page is counted: on to the cap (an index answers), or only whether there is more (a scan). */
enum class Count { UpToCap, PageOnly };

/** Runs the plan: at most limit tickets, then the count (up to the cap) when the page is full. */
bool run(Database &db, const Plan &plan, int limit, SearchResult &r, Count counting = Count::UpToCap)
{
    const QString where = plan.where.isEmpty() ? u"1"_s : plan.where.join(u" AND "_s);
    QSqlQuery q(db.sql());
    q.setForwardOnly(true);
    const int fetch = counting == Count::PageOnly ? limit + 1 : limit;
    q.prepare(u"SELECT "_s + ticketColumns() + u" FROM "_s + plan.from + u" WHERE "_s + where + u" ORDER BY "_s
              + plan.order + u" LIMIT "_s + QString::number(fetch));
    for (const QVariant &v : plan.values)
        q.addBindValue(v);
    if (!q.exec()) {
        r.error = TicketSearch::tr("The search failed: %1").arg(q.lastError().text());
        return false;
    }
    r.tickets.clear();
    while (q.next())
        r.tickets << TicketTable::fromQuery(q);
    r.total = r.tickets.size();
    r.more = false;
    if (counting == Count::PageOnly && r.tickets.size() > limit) {
        // A scan counting on would read on through every document: "more than" the page.
        r.tickets.removeLast();
        r.total = limit;
        r.more = true;
        return true;
    }
    if (r.tickets.size() < limit || counting == Count::PageOnly)
        return true; // the whole result is on the page: no count needed
    QSqlQuery count(db.sql());
    count.prepare(u"SELECT count(*) FROM (SELECT 1 FROM "_s + plan.from + u" WHERE "_s + where + u" LIMIT "_s
                  + QString::number(TicketSearch::CountCap + 1) + u')');
    for (const QVariant &v : plan.values)
        count.addBindValue(v);
    if (!count.exec() || !count.next()) {
        r.error = TicketSearch::tr("The search failed: %1").arg(count.lastError().text());
        return false;
    }
    r.total = std::max<qint64>(count.value(0).toLongLong(), r.tickets.size());
    if (r.total > TicketSearch::CountCap) {
        r.total = TicketSearch::CountCap;
        r.more = true;
    }
    return true;
}

} // namespace

SearchResult TicketSearch::search(const Actor &actor, const QString &query, int limit)
{
    SearchResult r;
    const QString text = query.trimmed();
    if (text.isEmpty()) {
        r.error = tr("Type a ticket number, a caller's phone number or words to search for.");
        return r;
    }
    if (text.size() > MaxQueryLength) {
        r.error = tr("The search is %1 characters long; at most %2 are searched.").arg(text.size()).arg(MaxQueryLength);
        return r;
    }
    limit = std::clamp(limit, 1, MaxLimit);

    Plan direct{u"tickets t"_s, {}, {}, u"t.registered_ms DESC, t.number DESC"_s};
    if (!restrictToVisible(actor, direct))
        return r; // a role that sees no ticket finds none
    const Plan visible = direct;

    // A caller's phone number, as the registration form stores it.
    if (const std::optional<PhoneNumber> phone = PhoneNumber::parse(text, nullptr, PhoneNumber::Any)) {
        Plan p = visible;
        p.where << u"t.caller_phone = ? AND t.caller_phone <> ''"_s; // the partial index tickets_caller
        p.values << phone->normalized();
        r.kind = SearchResult::Kind::Phone;
        if (!run(m_db, p, limit, r) || !r.tickets.isEmpty())
            return r;
    }
    // A ticket number, whole or its first characters (YYMMDD… : a day's tickets).
    if (looksLikeNumber(text)) {
        const QString number = text.toUpper();
        Plan p = visible;
        // Both tickets of a number two consoles gave alike; and a renumbered ticket by a number it had (exact).
        p.where << u"(t.number >= ? AND t.number < ? OR t.id IN (SELECT ticket_id FROM ticket_former_numbers WHERE number = ?))"_s;
        p.values << number << QString(number + QChar(0x7f)) << number;
        r.kind = SearchResult::Kind::Number;
        if (!run(m_db, p, limit, r) || !r.tickets.isEmpty())
            return r;
    }

    // The text: every word must occur.
    static const QRegularExpression spaces(u"\\s+"_s, QRegularExpression::UseUnicodePropertiesOption);
    QStringList phrases;
    Plan p = visible;
    p.from = u"ticket_search s CROSS JOIN tickets t ON t.id = s.ticket_id"_s;
    p.order = u"s.rowid DESC"_s;
    QStringList shortWords;
    for (const QString &word : text.split(spaces, Qt::SkipEmptyParts)) {
        // Trigrams need three characters (code points, as the tokenizer counts them).
        if (word.toUcs4().size() >= 3)
            phrases << ftsPhrase(word);
        else
            shortWords << word;
    }
    QStringList where;
    QVariantList values;
    if (!phrases.isEmpty()) {
        where << u"s.ticket_search MATCH ?"_s;
        values << phrases.join(u' ');
    }
    for (const QString &word : std::as_const(shortWords)) {
        where << u"s.body LIKE ? ESCAPE '\\'"_s;
        values << containsPattern(word);
    }
    if (phrases.isEmpty()) {
        // Only short words: a scan, newest first, of at most the newest ShortWordScan documents.
        QSqlQuery bound(m_db.sql());
        bound.prepare(u"SELECT id FROM ticket_search_content ORDER BY id DESC LIMIT 1 OFFSET ?"_s);
        bound.addBindValue(ShortWordScan - 1);
        if (bound.exec() && bound.next()) {
            where << u"s.rowid >= ?"_s;
            values << bound.value(0).toLongLong();
            r.newestOnly = ShortWordScan;
        }
    }
    // The index's own condition first, the visibility after.
    p.where = where + p.where;
    p.values = values + p.values;
    r.kind = SearchResult::Kind::Text;
    run(m_db, p, limit, r, phrases.isEmpty() ? Count::PageOnly : Count::UpToCap);
    return r;
}

} // namespace hotline
