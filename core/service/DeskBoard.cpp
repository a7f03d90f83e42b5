#include "service/DeskBoard.h"

#include "calendar/WorkCalendar.h"
#include "domain/DisplayNames.h"
#include "domain/TextRules.h"
#include "notify/MessageIds.h"
#include "storage/Database.h"
#include "storage/Settings.h"
#include "storage/SqliteStatement.h"

#include <QHash>
#include <QJsonObject>
#include <QSqlQuery>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace hotline {

DeskSnapshot DeskBoard::load(Database &db, const DeskClock &clock, qint64 atS)
{
    DeskSnapshot desk;
    desk.atS = atS;
    desk.dutyPhones = int(Settings(db).dispatchDutyPhones().size());
    QHash<QString, QString> names;
    {
        QSqlQuery d(db.sql());
        if (d.exec(u"SELECT code, name FROM departments"_s)) {
            while (d.next())
                names.insert(d.value(0).toString(), d.value(1).toString());
        }
    }
    // The partial index holds exactly the open tickets waiting at the centre; closed ones are not in it.
    SqliteStatement q(db, "SELECT id, number, registered_ms, replied_ms, stage_since_ms, department, town, type, summary "
                          "FROM tickets INDEXED BY tickets_stage "
                          "WHERE stage_since_ms IS NOT NULL AND closed_ms IS NULL AND stage_since_ms <= ?");
    if (!q.isValid())
        return desk;
    q.bind(1, atS * 1000 + 999);
    SqliteStatement outbox(db, "SELECT state, sent_ms FROM sms_outbox WHERE id = ?");
    while (q.next()) {
        DeskEntry e;
        e.ticketId = q.text(0);
        e.number = q.text(1);
        const qint64 registeredMs = q.int64(2);
        e.stage = q.isNull(3) ? DeskStage::Dispatch : DeskStage::Callback;
        e.sinceMs = q.int64(4);
        e.again = e.stage == DeskStage::Dispatch && e.sinceMs != registeredMs;
        e.departmentCode = e.stage == DeskStage::Callback ? q.text(5) : QString();
        e.departmentName = names.value(e.departmentCode);
        e.town = q.text(6);
        e.type = ticketTypeFromCode(q.text(7)).value_or(TicketType::Complaint);
        e.summary = q.text(8);
        e.status = clock.status(e.stage, e.sinceMs / 1000, atS);
        switch (e.status.colour) {
        case DeskColour::Blue: ++desk.blue; break;
        case DeskColour::Amber: ++desk.amber; break;
        case DeskColour::Magenta: ++desk.magenta; break;
        }
        if (outbox.isValid()) {
            outbox.bind(1, MessageIds::messageId(MessageIds::deskEpisodeId(e.ticketId, toCode(e.stage), e.sinceMs), u"desk"_s));
            if (outbox.next()) {
                const bool sent = outbox.text(0) != u"pending"_s;
                e.reminder = sent ? DeskReminder::Sent : DeskReminder::Queued;
                if (sent && !outbox.isNull(1))
                    e.reminderSentMs = outbox.int64(1);
                outbox.reset();
            }
        }
        desk.entries << std::move(e);
    }
    // Most urgent first: the earliest limit (stages have different limits, so the index order is not enough).
    std::stable_sort(desk.entries.begin(), desk.entries.end(), [](const DeskEntry &a, const DeskEntry &b) {
        return a.status.deadlineS != b.status.deadlineS ? a.status.deadlineS < b.status.deadlineS : a.number < b.number;
    });
    return desk;
}

QJsonArray DeskBoard::toJson(const DeskSnapshot &desk, const DeskClock &clock)
{
    QJsonArray items;
    for (const DeskEntry &e : desk.entries) {
        QJsonObject o{
            {u"number"_s, e.number},
            {u"stage"_s, toCode(e.stage)},
            {u"again"_s, e.again},
            {u"since"_s, clock.calendar().toIsoLocal(e.sinceMs / 1000)},
            {u"deadline"_s, clock.calendar().toIsoLocal(e.status.deadlineS)},
            {u"colour"_s, toCode(e.status.colour)},
            {u"waited_seconds"_s, e.status.waitedSeconds},
            {u"remaining_seconds"_s, e.status.remainingSeconds},
            {u"reminder"_s, !desk.remindersOn() && e.reminder == DeskReminder::None ? u"off"_s
                            : e.reminder == DeskReminder::Sent                      ? u"sent"_s
                            : e.reminder == DeskReminder::Queued                    ? u"queued"_s
                                                                                    : u"none"_s},
        };
        if (e.stage == DeskStage::Callback)
            o.insert(u"department_code"_s, e.departmentCode);
        items.append(o);
    }
    return items;
}

QString DeskBoard::stageName(const DeskEntry &e)
{
    if (e.stage == DeskStage::Callback)
        return tr("Waiting for callback");
    return e.again ? tr("Waiting for re-dispatch") : tr("Waiting for dispatch");
}

QString DeskBoard::colourName(DeskColour colour)
{
    switch (colour) {
    case DeskColour::Blue: return tr("blue");
    case DeskColour::Amber: return tr("amber");
    case DeskColour::Magenta: return tr("magenta");
    }
    return {};
}

QString DeskBoard::toText(const DeskSnapshot &desk, const DeskClock &clock)
{
    QString out = tr("Dispatch desk: %1 magenta (past the limit), %2 amber, %3 blue\n")
                      .arg(desk.magenta)
                      .arg(desk.amber)
                      .arg(desk.blue);
    out += desk.remindersOn() ? tr("Reminders go to %n duty phone(s) of the dispatch desk.\n", nullptr, desk.dutyPhones)
                              : tr("Reminders are off: no duty phones are configured (dispatch.duty_phones).\n");
    for (const DeskEntry &e : desk.entries) {
        out += u"%1  %2  %3  %4  %5  %6\n"_s.arg(
            toCode(e.status.colour).leftJustified(8), e.number.leftJustified(16), toCode(e.stage).leftJustified(9),
            DisplayNames::clock(e.status.remainingSeconds).rightJustified(10), clock.calendar().toIsoLocal(e.status.deadlineS),
            TextRules::visible(stageName(e)));
    }
    return out;
}

} // namespace hotline
