#include "service/InterviewImport.h"

#include "service/TicketQueries.h"
#include "service/TicketService.h"
#include "service/Workspace.h"
#include "storage/Database.h"
#include "util/Clock.h"
#include "util/LogCategories.h"

#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace hotline {

static_assert(InterviewQuestions::kSummaryChars == TicketService::kMaxSummary);

NewTicket InterviewImport::ticketFor(const InterviewQuestion &q, const InterviewDefaults &defaults)
{
    NewTicket t;
    t.channel = Channel::Interview;
    t.type = defaults.type;
    t.category = defaults.category;
    t.town = defaults.town;
    t.callerName = q.netizen;
    t.summary = q.summary();
    // The netizen's time goes into the details: the ticket is registered now, so its clocks are honest.
    QStringList details;
    if (!q.askedAt.isEmpty())
        details << tr("Micro-interview question asked at %1.").arg(q.askedAt);
    else
        details << tr("Micro-interview question.");
    if (q.shortened())
        details << q.text;
    t.details = details.join(u"\n\n"_s);
    return t;
}

void InterviewImport::markImported(InterviewQuestionFile &file)
{
    QSqlQuery q(m_ws.database().sql());
    q.prepare(u"SELECT number FROM interview_questions WHERE key = ?"_s);
    for (InterviewQuestion &question : file.questions) {
        if (question.state != InterviewQuestion::State::Ok)
            continue;
        q.addBindValue(question.key);
        if (q.exec() && q.next()) {
            question.state = InterviewQuestion::State::Imported;
            question.reason = q.value(0).toString();
        }
        q.finish();
    }
}

InterviewImportResult InterviewImport::run(const Actor &by, const InterviewQuestionFile &file,
                                           const InterviewDefaults &defaults)
{
    InterviewImportResult result;
    if (!file.error.isEmpty()) {
        result.error = file.error;
        return result;
    }
    // Only what registration offers: a misspelt category would never reach its department's suggestion.
    TicketQueries &queries = m_ws.queries();
    if (!defaults.category.isEmpty() && !queries.categories().contains(defaults.category)) {
        result.error = tr("There is no active category \"%1\".").arg(defaults.category);
        return result;
    }
    if (!defaults.town.isEmpty() && !queries.towns().contains(defaults.town)) {
        result.error = tr("There is no active town \"%1\".").arg(defaults.town);
        return result;
    }
    QList<NewTicket> tickets;
    QStringList keys;
    for (const InterviewQuestion &q : file.questions) {
        if (q.state != InterviewQuestion::State::Ok) {
            ++result.skipped;
            continue;
        }
        tickets << ticketFor(q, defaults);
        keys << q.key;
    }
    if (tickets.isEmpty()) {
        result.error = tr("There is no question left to import.");
        return result;
    }
    Database &db = m_ws.database();
    const qint64 now = m_ws.clock().nowMs();
    auto remember = [&](const QStringList &ids, const QStringList &numbers, QString *error) {
        QSqlQuery insert(db.sql());
        insert.prepare(u"INSERT INTO interview_questions(key, ticket_id, number, imported_ms) VALUES(?, ?, ?, ?)"_s);
        for (qsizetype i = 0; i < ids.size(); ++i) {
            insert.addBindValue(keys.at(i));
            insert.addBindValue(ids.at(i));
            insert.addBindValue(numbers.at(i));
            insert.addBindValue(now);
            if (!insert.exec()) {
                // The primary key: someone imported this question between the preview and now.
                *error = tr("A question of this file was imported meanwhile; open the file again to see which.");
                qCWarning(lcImport) << "interview import refused:" << insert.lastError().text();
                return false;
            }
        }
        return true;
    };
    QString error;
    result.ticketIds = m_ws.tickets().registerMany(by, tickets, &result.numbers, &error, remember);
    if (result.ticketIds.isEmpty()) {
        result.error = error;
        result.numbers.clear();
        return result;
    }
    result.ok = true;
    qCInfo(lcImport) << "imported" << result.numbers.size() << "micro-interview questions";
    return result;
}

} // namespace hotline
