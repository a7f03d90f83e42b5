#pragma once

#include "intake/IntakeTokens.h"
#include "service/TicketService.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <optional>

namespace hotline {

class Workspace;

/** What became of one request from an integration. */
struct IntakeOutcome
{
    enum class Kind {
        Created,   ///< a new ticket, committed
        Replayed,  ///< the same token and key as an earlier request with the same content: that ticket
        Invalid,   ///< a field is wrong (errors)
        KeyReused, ///< the same token and key as an earlier request with other content: refused
        Failed,    ///< storage refused (message)
    };
    Kind kind = Kind::Failed;
    QString number;
    QString status; ///< the ticket's state code
    QList<FieldError> errors;
    QString message;
};

/** The public progress of a ticket: nothing about the caller. */
struct PublicProgress
{
    QString number;
    QString status;         ///< TicketState code
    QString stage;          ///< received | in_progress | answered | closed
    QString stageText;      ///< the same for people, translated
    QString departmentName; ///< the department handling it, or that handled it last
    std::optional<qint64> deadlineS; ///< while a department's clock runs
    QString reply;          ///< the department's reply, once answered
    QString category;
    QString summary;
    QString address;
    std::optional<double> latitude;
    std::optional<double> longitude;
    qint64 registeredMs = 0;
    qint64 updatedMs = 0;
    bool closed = false;
    QString formerly;       ///< the number asked for, when it is one the ticket had before a renumbering
};

/** One of several tickets a number names (two consoles gave it alike), as the public may see it. */
struct PublicCandidate
{
    QString idPrefix;       ///< ask again with ?id=PREFIX for this one
    QString console;
    qint64 registeredMs = 0;
    QString summary;
};

/**
 * The intake service's logic without HTTP (hotlinectl serve is the thin glue): authenticates tokens, maps a
 * request to a NewTicket (category and town by name or code), registers it through TicketService as the system
 * actor "intake:NAME" with the token's channel and name as source, and makes retries safe: an Idempotency-Key is
 * stored with the ticket in the registration's own transaction, so a retry, even racing the first, gets the
 * same number and never a second ticket.
 */
class IntakeService final
{
    Q_DECLARE_TR_FUNCTIONS(IntakeService)

public:
    explicit IntakeService(Workspace &ws);

    static constexpr int kMaxKey = 200;
    /** Empty when key is a usable Idempotency-Key (1–200 visible ASCII characters), else why not. */
    static QString checkKey(const QString &key);

    /** The actor an integration's tickets are registered by. */
    Actor actorFor(const IntakeToken &token) const;
    /** The active category with this name or code (any case); empty when none. */
    QString categoryNamed(const QString &nameOrCode) const;
    QString townNamed(const QString &nameOrCode) const;

    /** Registers input for token (channel and source set here); key may be empty (no idempotency). */
    IntakeOutcome submit(const IntakeToken &token, NewTicket input, const QString &key);
    /**
     * The public progress of the ticket with this number (now, or before a renumbering: formerly is set). When the
     * number names several tickets (two consoles gave it alike), idPrefix (the first characters of a ticket's id)
     * picks one; without it nothing is returned and *ambiguity lists them (registration time, console, summary).
     */
    std::optional<PublicProgress> progress(const QString &number, const QString &idPrefix = {},
                                           QList<PublicCandidate> *ambiguity = nullptr) const;

private:
    static QByteArray contentHash(const NewTicket &t);
    std::optional<IntakeOutcome> earlier(const QString &tokenName, const QString &key, const QByteArray &hash) const;

    Workspace &m_ws;
};

} // namespace hotline
