#include "board/DeskModel.h"

#include "board/DeskColours.h"
#include "domain/DisplayNames.h"
#include "domain/TextRules.h"
#include "service/Workspace.h"
#include "storage/Settings.h"
#include "support/ConsoleSession.h"
#include "util/Clock.h"

#include <QDateTime>

using namespace Qt::StringLiterals;

namespace hotline {
namespace {

constexpr qint64 kReloadEveryS = 30; // reminder states and other consoles' changes without a ticketsChanged

} // namespace

DeskModel::DeskModel(ConsoleSession &session, QObject *parent) : QAbstractTableModel(parent), m_session(session)
{
    connect(&session, &ConsoleSession::ticketsChanged, this, [this] { reload(); });
    connect(&session, &ConsoleSession::tick, this, &DeskModel::onTick);
    reload();
}

void DeskModel::reload()
{
    beginResetModel();
    m_clock = DeskClock::fromSettings(m_session.sla(), m_session.workspace().settings());
    m_loadedAt = m_session.clock().nowSecs();
    m_desk = DeskBoard::load(m_session.workspace().database(), m_clock, m_loadedAt);
    endResetModel();
    Q_EMIT countsChanged(m_desk.magenta, m_desk.amber, m_desk.blue);
}

void DeskModel::onTick(qint64 nowSecs)
{
    if (nowSecs - m_loadedAt >= kReloadEveryS || nowSecs < m_loadedAt) {
        reload();
        return;
    }
    if (m_desk.entries.isEmpty() || nowSecs == m_desk.atS)
        return;
    // Colours and times move with working time only; the order (by limit) never changes between reloads.
    m_desk.atS = nowSecs;
    m_desk.blue = m_desk.amber = m_desk.magenta = 0;
    for (DeskEntry &e : m_desk.entries) {
        e.status = m_clock.status(e.stage, e.sinceMs / 1000, nowSecs);
        switch (e.status.colour) {
        case DeskColour::Blue: ++m_desk.blue; break;
        case DeskColour::Amber: ++m_desk.amber; break;
        case DeskColour::Magenta: ++m_desk.magenta; break;
        }
    }
    Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
    Q_EMIT countsChanged(m_desk.magenta, m_desk.amber, m_desk.blue);
}

int DeskModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_desk.entries.size());
}

int DeskModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString DeskModel::formatWorking(qint64 seconds, qint64 dayLengthSeconds)
{
    const qint64 a = seconds < 0 ? -seconds : seconds;
    const qint64 rest = dayLengthSeconds > 0 ? a % dayLengthSeconds : a;
    QString text = DisplayNames::workingTime(rest);
    if (dayLengthSeconds > 0 && a >= dayLengthSeconds) {
        const QString days = tr("%n working day(s)", nullptr, int(a / dayLengthSeconds));
        text = rest == 0 ? days : days + u' ' + text; // "1 working day", not "1 working day 0 h 00 min"
    }
    return seconds < 0 ? tr("overdue %1").arg(text) : text;
}

QString DeskModel::reminderText(const DeskEntry &e) const
{
    switch (e.reminder) {
    case DeskReminder::Sent:
        return e.reminderSentMs ? tr("sent %1").arg(QDateTime::fromMSecsSinceEpoch(*e.reminderSentMs, m_clock.calendar().timeZone())
                                                        .toString(u"MM-dd HH:mm"_s))
                                : tr("sent");
    case DeskReminder::Queued:
        return tr("queued");
    case DeskReminder::None:
        break;
    }
    // Never "sent" when nothing can be: without duty phones the reminders are off.
    if (!m_desk.remindersOn())
        return tr("off");
    return e.status.colour == DeskColour::Blue ? QString() : tr("due");
}

QVariant DeskModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const DeskEntry &e = m_desk.entries.at(index.row());
    const qint64 day = m_clock.calendar().dayLengthSeconds();
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Number: return e.number;
        case Stage: return DeskBoard::stageName(e);
        case Since:
            return QDateTime::fromMSecsSinceEpoch(e.sinceMs, m_clock.calendar().timeZone()).toString(u"yyyy-MM-dd HH:mm"_s);
        case Waited: return formatWorking(e.status.waitedSeconds, day);
        case Remaining:
            // Past the limit with no working time since (a night, a weekend): still say overdue.
            if (e.status.colour == DeskColour::Magenta && e.status.remainingSeconds >= 0)
                return tr("overdue %1").arg(formatWorking(0, day));
            return formatWorking(e.status.remainingSeconds, day);
        case Deadline:
            return QDateTime::fromSecsSinceEpoch(e.status.deadlineS, m_clock.calendar().timeZone()).toString(u"yyyy-MM-dd HH:mm"_s);
        case Reminder: return reminderText(e);
        case Summary: return TextRules::visible(e.summary).simplified();
        default: return {};
        }
    case Qt::ToolTipRole:
        if (index.column() == Dot)
            return DeskBoard::colourName(e.status.colour);
        if (index.column() == Stage && e.stage == DeskStage::Callback && !e.departmentName.isEmpty())
            return tr("Replied by %1").arg(e.departmentName);
        return {};
    case Qt::BackgroundRole: {
        const QColor tint = DeskColours::rowTint(e.status.colour);
        return tint.isValid() ? QVariant(tint) : QVariant();
    }
    case Qt::DecorationRole:
        return index.column() == Dot ? QVariant(DeskColours::dot(e.status.colour)) : QVariant();
    case Qt::TextAlignmentRole:
        return index.column() == Waited || index.column() == Remaining ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    case TicketIdRole: return e.ticketId;
    case ColourRole: return int(e.status.colour);
    case StageRole: return int(e.stage);
    case RemainingRole: return e.status.remainingSeconds;
    default: return {};
    }
}

QVariant DeskModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Dot: return QString();
    case Number: return tr("Number");
    case Stage: return tr("Waiting for");
    case Since: return tr("Since");
    case Waited: return tr("Waited (working time)");
    case Remaining: return tr("Time left");
    case Deadline: return tr("Limit");
    case Reminder: return tr("Reminder");
    case Summary: return tr("Summary");
    default: return {};
    }
}

} // namespace hotline
