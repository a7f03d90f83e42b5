#pragma once

#include "domain/Enums.h"
#include "service/DeskClock.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QList>
#include <QString>

#include <optional>

namespace hotline {

class Database;

/** Whether the dispatch desk was reminded of one desk item (its SMS in the outbox). */
enum class DeskReminder {
    None,   ///< nothing queued (still blue, or reminders are off)
    Queued, ///< queued, not yet accepted by the gateway
    Sent,   ///< accepted by the gateway (here or by another console)
};

/** One ticket waiting at the centre. */
struct DeskEntry
{
    QString ticketId;
    QString number;
    DeskStage stage = DeskStage::Dispatch;
    bool again = false;        ///< dispatch stage after a return or reopening, not since registration
    qint64 sinceMs = 0;
    QString departmentCode;    ///< callback stage: the department that replied
    QString departmentName;
    QString town;
    TicketType type = TicketType::Consult;
    QString summary;
    DeskStatus status;
    DeskReminder reminder = DeskReminder::None;
    std::optional<qint64> reminderSentMs;
};

/** The dispatch desk at one instant: every open ticket waiting at the centre, most urgent first. */
struct DeskSnapshot
{
    qint64 atS = 0;
    int blue = 0;
    int amber = 0;
    int magenta = 0;
    int dutyPhones = 0; ///< configured dispatch.duty_phones; none: reminders are off
    QList<DeskEntry> entries;

    bool remindersOn() const { return dutyPhones > 0; }
};

/**
 * Reads the dispatch desk (the centre's stage clocks) from the projection through the partial index
 * tickets_stage (open tickets with stage_since_ms only: closed tickets are never read). Like Board, "at" an
 * instant shows today's projection as it stands then, leaving out what began waiting later.
 */
class DeskBoard final
{
    Q_DECLARE_TR_FUNCTIONS(DeskBoard)

public:
    static DeskSnapshot load(Database &db, const DeskClock &clock, qint64 atS);
    /** The "desk" array of `hotlinectl board --format json`. */
    static QJsonArray toJson(const DeskSnapshot &desk, const DeskClock &clock);
    /** The desk section of the text board. */
    static QString toText(const DeskSnapshot &desk, const DeskClock &clock);
    /** "Waiting for dispatch", "Waiting for re-dispatch", "Waiting for callback" (translated). */
    static QString stageName(const DeskEntry &e);
    /** "blue", "amber", "magenta" as shown to people (translated). */
    static QString colourName(DeskColour colour);
};

} // namespace hotline
