#include "io/TicketCsv.h"

#include "domain/PhoneNumber.h"
#include "domain/TextRules.h"
#include "io/IsoInstant.h"

#include <QMetaEnum>

namespace hotline {
namespace {

using namespace Qt::StringLiterals;

// "phone, weibo, …" from the enum itself, so a new channel or type shows up in messages by itself.
template<typename E>
QString allowedCodes()
{
    const QMetaEnum meta = QMetaEnum::fromType<E>();
    QStringList codes;
    for (int i = 0; i < meta.keyCount(); ++i)
        codes.append(toCode(E(meta.value(i))));
    return codes.join(u", ");
}

bool hasSpaceOrControl(QStringView s)
{
    for (QChar c : s) {
        if (c.isSpace() || c.category() == QChar::Other_Control || TextRules::isForbidden(c.unicode()))
            return true;
    }
    return false;
}

// A value as it may appear in a message: control characters escaped, never raw.
QString shown(QStringView v)
{
    return TextRules::visible(v);
}

} // namespace

const QStringList &TicketCsvReader::columns()
{
    static const QStringList kColumns{
        u"number"_s,      u"channel"_s,       u"type"_s,          u"category"_s,   u"town"_s,
        u"department"_s,  u"caller_name"_s,   u"caller_phone"_s,  u"summary"_s,    u"registered_at"_s,
        u"dispatched_at"_s, u"replied_at"_s,  u"closed_at"_s,     u"satisfaction"_s,
    };
    return kColumns;
}

TicketCsvReader::TicketCsvReader(QIODevice *device)
    : m_table(device, columns())
{
    m_table.setLimits(TicketCsvLimits::InputBytes, TicketCsvLimits::Rows);
}

TicketCsvReader::TicketCsvReader(const QString &path)
    : m_table(path, columns())
{
    m_table.setLimits(TicketCsvLimits::InputBytes, TicketCsvLimits::Rows);
}

bool TicketCsvReader::readRow(TicketCsvRow &row)
{
    row.ticket = HistoricalTicket{};
    row.error.clear();
    switch (m_table.next(row.line, row.error)) {
    case CsvTableReader::Next::End:
        return false;
    case CsvTableReader::Next::Error:
        return true;
    case CsvTableReader::Next::Row:
        break;
    }
    validate(row);
    return true;
}

// An empty value is nullopt without a problem; a bad one is nullopt with the reason added.
std::optional<qint64> TicketCsvReader::instant(Column c, QStringList &problems) const
{
    const QStringView v = value(c);
    if (v.isEmpty())
        return std::nullopt;
    IsoInstantError why = IsoInstantError::None;
    if (const auto ms = parseIsoInstantMs(v, &why))
        return ms;
    const QString column = columns().at(c);
    switch (why) {
    case IsoInstantError::NoOffset:
        problems.append(tr("%1 “%2” has no UTC offset; add Z or one like +08:00").arg(column, shown(v)));
        break;
    case IsoInstantError::BadDate:
        problems.append(tr("%1 “%2” is not a real calendar date").arg(column, shown(v)));
        break;
    case IsoInstantError::BadTime:
        problems.append(tr("%1 “%2” is not a valid time of day").arg(column, shown(v)));
        break;
    case IsoInstantError::BadOffset:
        problems.append(tr("%1 “%2” has an impossible UTC offset").arg(column, shown(v)));
        break;
    case IsoInstantError::None:
    case IsoInstantError::Malformed:
        problems.append(tr("%1 “%2” is not an ISO 8601 instant like 2024-03-01T09:15:00+08:00").arg(column, shown(v)));
        break;
    }
    return std::nullopt;
}

void TicketCsvReader::text(Column c, qsizetype limit, QString &out, QStringList &problems) const
{
    // Names are refused with an invisible or control character; the summary (free text) loses them.
    const QStringView raw = value(c);
    const bool freeText = c == Summary;
    if (!freeText) {
        if (const auto bad = TextRules::firstForbidden(raw)) {
            problems.append(tr("%1 “%2” contains the invisible or control character %3")
                                .arg(columns().at(c), shown(raw), TextRules::codePoint(*bad)));
            return;
        }
    }
    const QString v = freeText ? TextRules::stripped(raw, TextRules::Lines::Keep).trimmed() : raw.toString();
    if (const qsizetype length = TextRules::length(v); length > limit)
        problems.append(tr("%1 is longer than %2 characters (it has %3)").arg(columns().at(c)).arg(limit).arg(length));
    else
        out = v;
}

void TicketCsvReader::validate(TicketCsvRow &row)
{
    HistoricalTicket &t = row.ticket;
    QStringList problems;

    const QStringView number = value(Number);
    if (number.isEmpty()) {
        problems.append(tr("number is empty"));
    } else if (TextRules::length(number) > TicketCsvLimits::Number) {
        problems.append(tr("number is longer than %1 characters").arg(TicketCsvLimits::Number));
    } else if (hasSpaceOrControl(number)) {
        problems.append(tr("number “%1” contains spaces or control characters").arg(shown(number)));
    } else {
        t.number = number.toString();
        if (const qint64 first = m_numbers.insert(number, row.line))
            problems.append(tr("number “%1” already appears on line %2").arg(t.number).arg(first));
    }

    const QStringView channel = value(ChannelColumn);
    if (const auto c = channelFromCode(channel))
        t.channel = *c;
    else if (channel.isEmpty())
        problems.append(tr("channel is empty; allowed: %1").arg(allowedCodes<Channel>()));
    else
        problems.append(tr("unknown channel “%1”; allowed: %2").arg(shown(channel), allowedCodes<Channel>()));

    const QStringView type = value(Type);
    if (const auto ty = ticketTypeFromCode(type))
        t.type = *ty;
    else if (type.isEmpty())
        problems.append(tr("type is empty; allowed: %1").arg(allowedCodes<TicketType>()));
    else
        problems.append(tr("unknown type “%1”; allowed: %2").arg(shown(type), allowedCodes<TicketType>()));

    text(Category, TicketCsvLimits::Category, t.category, problems);
    text(Town, TicketCsvLimits::Town, t.town, problems);
    text(Department, TicketCsvLimits::Department, t.department, problems);
    text(CallerName, TicketCsvLimits::CallerName, t.callerName, problems);
    text(Summary, TicketCsvLimits::Summary, t.summary, problems);

    if (const QStringView phone = value(CallerPhone); !phone.isEmpty()) {
        QString why;
        if (const auto p = PhoneNumber::parse(phone, &why, PhoneNumber::Personal))
            t.callerPhone = p->normalized();
        else
            problems.append(tr("caller_phone: %1").arg(why));
    }

    // The lifecycle of PRODUCT §2: registered → (closed at intake) or dispatched → replied → closed.
    const bool hasDispatch = !value(DispatchedAt).isEmpty();
    const bool hasReply = !value(RepliedAt).isEmpty();
    const bool hasClose = !value(ClosedAt).isEmpty();
    const auto registered = instant(RegisteredAt, problems);
    const auto dispatched = instant(DispatchedAt, problems);
    const auto replied = instant(RepliedAt, problems);
    const auto closed = instant(ClosedAt, problems);
    if (value(RegisteredAt).isEmpty())
        problems.append(tr("registered_at is required"));
    const auto before = [&](const std::optional<qint64> &later, Column laterColumn,
                            const std::optional<qint64> &earlier, Column earlierColumn) {
        if (later && earlier && *later < *earlier)
            problems.append(tr("%1 (%2) is before %3 (%4)")
                                .arg(columns().at(laterColumn), shown(value(laterColumn)), columns().at(earlierColumn),
                                     shown(value(earlierColumn))));
    };
    before(dispatched, DispatchedAt, registered, RegisteredAt);
    // A reply without a dispatch is the call-taker's answer: a consultation answered at intake.
    if (hasReply && !hasDispatch && t.type != TicketType::Consult)
        problems.append(tr("replied_at is set but dispatched_at is empty: only a consultation can be answered "
                           "at intake; any other ticket gets its reply from a department"));
    before(replied, RepliedAt, dispatched, DispatchedAt);
    before(replied, RepliedAt, registered, RegisteredAt);
    before(closed, ClosedAt, registered, RegisteredAt);
    before(closed, ClosedAt, replied, RepliedAt);
    t.registeredAt = registered.value_or(0);
    t.dispatchedAt = dispatched;
    t.repliedAt = replied;
    t.closedAt = closed;

    if (hasDispatch && value(Department).isEmpty())
        problems.append(tr("department is required because dispatched_at is set"));
    if (!hasDispatch && !value(Department).isEmpty())
        problems.append(tr("department must be empty because dispatched_at is empty "
                           "(a ticket answered at intake goes to no department)"));
    if (hasReply && !hasDispatch && !hasClose)
        t.closedAt = replied; // answered at intake: closed by the answer, as the console does

    const QStringView satisfaction = value(SatisfactionColumn);
    if (!satisfaction.isEmpty()) {
        if (const auto s = satisfactionFromCode(satisfaction)) {
            if (hasClose)
                t.satisfaction = *s;
            else
                problems.append(tr("satisfaction is only allowed with closed_at: the callback answer is recorded "
                                   "when the ticket is closed"));
        } else {
            problems.append(tr("unknown satisfaction “%1”; allowed: %2 or empty")
                                .arg(shown(satisfaction), allowedCodes<Satisfaction>()));
        }
    }

    row.error = problems.join(tr("; "));
}

} // namespace hotline
