#include "storage/LogStamp.h"

#include "domain/TextRules.h"
#include "storage/Database.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace hotline {

std::optional<LogStamp> LogStamp::read(Database &db, QString *error)
{
    QSqlQuery q(db.sql());
    // One statement, so the head and the count are read from the same state even without a transaction.
    if (!q.exec(u"SELECT (SELECT hash FROM events ORDER BY seq DESC LIMIT 1), (SELECT count(*) FROM events)"_s)
        || !q.next()) {
        if (error)
            *error = Database::describeError(q.lastError(), db.path());
        return std::nullopt;
    }
    LogStamp s;
    s.head = q.value(0).toString();
    s.events = q.value(1).toLongLong();
    return s;
}

QString LogStamp::text() const
{
    return tr("Event log: %1 events, head %2").arg(events).arg(head.isEmpty() ? tr("(empty)") : TextRules::visible(head));
}

QStringList LogStamp::csvCells() const
{
    return {tr("Event log"), head, QString::number(events)};
}

QString LogStamp::json() const
{
    // The head is hex unless somebody wrote the column by hand: quoted by Qt's JSON writer all the same.
    QString quoted = u"null"_s;
    if (!head.isEmpty()) {
        quoted = QString::fromUtf8(QJsonDocument(QJsonArray {head}).toJson(QJsonDocument::Compact));
        quoted = quoted.mid(1, quoted.size() - 2); // ["…"] without the brackets
    }
    return u"{\"head\": "_s + quoted + u", \"events\": "_s + QString::number(events) + u'}';
}

} // namespace hotline
