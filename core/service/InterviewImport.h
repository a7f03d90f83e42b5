#pragma once

#include "auth/Actor.h"
#include "domain/Enums.h"
#include "io/InterviewQuestions.h"

#include <QCoreApplication>
#include <QStringList>

namespace hotline {

class Workspace;
struct NewTicket;

/** What every ticket of one import gets (chosen in the import dialog or on the command line). */
struct InterviewDefaults
{
    TicketType type = TicketType::Consult;
    QString category; ///< optional: an active category, or empty for the dispatcher to sort
    QString town;     ///< optional: an active town
};

/** The outcome of an import: every ok question became a ticket, or none did. */
struct InterviewImportResult
{
    bool ok = false;
    QString error;       ///< why nothing was imported
    QStringList ticketIds;
    QStringList numbers; ///< the console's numbers, in the file's order
    int skipped = 0;     ///< questions with a problem or already imported, left out
};

/**
 * Turns a micro-interview's questions into tickets (channel interview) through TicketService::registerMany:
 * numbered by this console like any registration, registered now (the netizen's time is kept in the details,
 * never back-dated), the netizen as the caller, all questions of one import in one transaction. Each question's
 * key (InterviewQuestion::key) is remembered in the same transaction, so importing the same file twice, or a
 * corrected copy after fixing its bad rows, adds only questions not yet in this database.
 */
class InterviewImport final
{
    Q_DECLARE_TR_FUNCTIONS(InterviewImport)

public:
    explicit InterviewImport(Workspace &ws) : m_ws(ws) {}

    /** Marks the ok questions already imported into this database (state Imported, reason = ticket number). */
    void markImported(InterviewQuestionFile &file);
    /** Imports the ok questions of file (call markImported first; a question imported meanwhile fails the whole import). */
    InterviewImportResult run(const Actor &by, const InterviewQuestionFile &file, const InterviewDefaults &defaults);

    /** The ticket one question becomes. */
    static NewTicket ticketFor(const InterviewQuestion &q, const InterviewDefaults &defaults);

private:
    Workspace &m_ws;
};

} // namespace hotline
