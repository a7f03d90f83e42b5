#include "board/BoardModel.h"

#include "auth/Permissions.h"
#include "board/BoardColours.h"
#include "domain/DisplayNames.h"
#include "domain/Ticket.h"
#include "service/Board.h"
#include "service/TicketQueries.h"
#include "service/Workspace.h"
#include "support/ConsoleSession.h"
#include "util/Clock.h"

#include <QBrush>
#include <QSet>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace hotline {
namespace {

bool keyLess(const BoardModel::Row &r, qint64 deadlineS, const QString &number)
{
    return r.deadlineS < deadlineS || (r.deadlineS == deadlineS && r.number < number);
}

} // namespace

BoardModel::BoardModel(ConsoleSession &session, QObject *parent)
    : QAbstractTableModel(parent)
    , m_session(session)
{
    const Actor &actor = session.actor();
    if (!Permissions::allows(actor, Action::ViewAllTickets)) { // a liaison: their own department's board
        m_scope = actor.department;
        m_seesNothing = actor.department.isEmpty();
    }
    connect(&session, &ConsoleSession::tick, this, &BoardModel::advanceTo);
    connect(&session, &ConsoleSession::ticketsChanged, this, &BoardModel::applyChanges);
    reload();
}

BoardModel::~BoardModel() = default;

int BoardModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int BoardModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

Colour BoardModel::colourAt(int r) const
{
    return r < m_redEnd ? Colour::Red : (r < m_yellowEnd ? Colour::Yellow : Colour::Green);
}

qint64 BoardModel::remainingAt(int r) const
{
    return m_sla.remaining(m_now, row(r).deadlineS);
}

QString BoardModel::formatRemaining(qint64 seconds)
{
    return DisplayNames::countdown(seconds);
}

QVariant BoardModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int r = index.row();
    const Row &e = row(r);
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case Dot:
            return QString();
        case Number:
            return e.number;
        case Department:
            return e.departmentName.isEmpty() ? e.departmentCode : e.departmentName;
        case Town:
            return e.town;
        case Type:
            return DisplayNames::of(e.type);
        case Summary:
            return e.summary.contains(u'\n') ? e.summary.simplified() : e.summary;
        case Deadline:
            if (e.deadlineText.isEmpty())
                e.deadlineText = m_sla.calendar().toLocal(e.deadlineS).toString(u"yyyy-MM-dd HH:mm"_s);
            return e.deadlineText;
        case Remaining:
            return formatRemaining(remainingAt(r));
        }
        return {};
    case Qt::ToolTipRole:
        switch (column) {
        case Dot:
            return DisplayNames::of(colourAt(r));
        case Summary:
            return e.summary;
        case Remaining:
            return DisplayNames::workingTime(remainingAt(r));
        }
        return {};
    case Qt::AccessibleTextRole:
        return column == Dot ? QVariant(DisplayNames::of(colourAt(r))) : QVariant();
    case Qt::DecorationRole:
        return column == Dot ? QVariant(BoardColours::dot(colourAt(r))) : QVariant();
    case Qt::BackgroundRole: {
        const QColor tint = BoardColours::rowTint(colourAt(r));
        return tint.isValid() ? QVariant(QBrush(tint)) : QVariant();
    }
    case Qt::ForegroundRole:
        return column == Remaining && colourAt(r) == Colour::Red ? QVariant(QBrush(BoardColours::dot(Colour::Red)))
                                                                 : QVariant();
    case Qt::TextAlignmentRole:
        if (column == Remaining || column == Deadline)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case SortRole:
        switch (column) {
        case Dot:
            return BoardColours::urgencyRank(colourAt(r));
        case Number:
            return e.number;
        case Department:
            return e.departmentName.isEmpty() ? e.departmentCode : e.departmentName;
        case Town:
            return e.town;
        case Type:
            return int(e.type);
        case Summary:
            return e.summary;
        case Deadline:
            return e.deadlineS;
        case Remaining:
            return remainingAt(r);
        }
        return {};
    case TicketIdRole:
        return e.ticketId;
    case ColourRole:
        return int(colourAt(r));
    case DeadlineRole:
        return e.deadlineS;
    case RemainingRole:
        return remainingAt(r);
    case DepartmentCodeRole:
        return e.departmentCode;
    case TownRole:
        return e.town;
    case TypeRole:
        return int(e.type);
    case NumberRole:
        return e.number;
    }
    return {};
}

QVariant BoardModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return {};
    if (role == Qt::ToolTipRole && section == Dot)
        return tr("Colour: red overdue, yellow due soon, green in time");
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Dot:
        return QString();
    case Number:
        return tr("Number");
    case Department:
        return tr("Department");
    case Town:
        return tr("Town");
    case Type:
        return tr("Type");
    case Summary:
        return tr("Summary");
    case Deadline:
        return tr("Deadline");
    case Remaining:
        return tr("Remaining");
    }
    return {};
}

int BoardModel::lowerBound(qint64 deadlineS, const QString &number) const
{
    const auto it = std::lower_bound(m_rows.cbegin(), m_rows.cend(), 0, [&](const std::unique_ptr<Row> &r, int) {
        return keyLess(*r, deadlineS, number);
    });
    return int(it - m_rows.cbegin());
}

int BoardModel::rowOfTicket(const QString &ticketId) const
{
    const auto key = m_keys.constFind(ticketId);
    if (key == m_keys.cend())
        return -1;
    // Two tickets may share a number (two consoles gave it alike) and a deadline: look along that run.
    for (int r = lowerBound(key->deadlineS, key->number); r < int(m_rows.size()); ++r) {
        const Row &row = *m_rows[size_t(r)];
        if (row.ticketId == ticketId)
            return r;
        if (row.deadlineS != key->deadlineS || row.number != key->number)
            break;
    }
    return -1;
}

QString BoardModel::intern(const QString &s)
{
    const auto it = m_strings.constFind(s);
    if (it != m_strings.cend())
        return *it;
    m_strings.insert(s, s);
    return s;
}

QString BoardModel::departmentName(const QString &code)
{
    const auto it = m_departmentNames.constFind(code);
    if (it != m_departmentNames.cend())
        return *it;
    const QString name = intern(m_session.workspace().queries().departmentName(code));
    m_departmentNames.insert(code, name);
    return name;
}

void BoardModel::reload()
{
    beginResetModel();
    m_sla = m_session.sla();
    m_now = m_session.clock().nowSecs();
    m_rows.clear();
    m_keys.clear();
    m_strings.clear();
    m_departmentNames.clear();
    for (const hotline::Department &d : m_session.workspace().queries().departments())
        m_departmentNames.insert(d.code, intern(d.name));
    if (!m_seesNothing) {
        BoardSnapshot board = Board::load(m_session.workspace().database(), m_sla, m_now, m_scope);
        m_rows.reserve(size_t(board.entries.size()));
        m_keys.reserve(board.entries.size());
        for (BoardEntry &e : board.entries) {
            auto r = std::make_unique<Row>();
            r->ticketId = std::move(e.ticketId);
            r->number = std::move(e.number);
            r->departmentCode = intern(e.departmentCode);
            r->departmentName = intern(e.departmentName);
            r->town = intern(e.town);
            r->summary = std::move(e.summary);
            r->deadlineS = e.deadlineS;
            r->type = e.type;
            m_keys.insert(r->ticketId, Key {r->deadlineS, r->number});
            m_rows.push_back(std::move(r));
        }
        const auto less = [](const std::unique_ptr<Row> &a, const std::unique_ptr<Row> &b) {
            return keyLess(*a, b->deadlineS, b->number);
        };
        // Board::load orders by (deadline, number) already; SQLite's and QString's text order agree on
        // ticket numbers, but the invariant matters too much to trust that silently.
        if (!std::is_sorted(m_rows.cbegin(), m_rows.cend(), less))
            std::stable_sort(m_rows.begin(), m_rows.end(), less);
    }
    int evaluations = 0;
    locateBoundaries(&evaluations);
    updateNextChanges(&evaluations);
    endResetModel();
    emitCountsIfChanged();
}

void BoardModel::locateBoundaries(int *evaluations)
{
    const qint64 now = m_now;
    // Red: strictly past the deadline. A plain comparison, no calendar arithmetic.
    const auto redEnd = std::partition_point(m_rows.cbegin(), m_rows.cend(),
                                             [now](const std::unique_ptr<Row> &r) { return r->deadlineS < now; });
    const qint64 threshold = m_sla.policy().yellowThresholdSeconds();
    const auto yellowEnd = std::partition_point(redEnd, m_rows.cend(), [&](const std::unique_ptr<Row> &r) {
        ++*evaluations;
        return m_sla.remaining(now, r->deadlineS) <= threshold;
    });
    m_redEnd = int(redEnd - m_rows.cbegin());
    m_yellowEnd = int(yellowEnd - m_rows.cbegin());
}

void BoardModel::updateNextChanges(int *evaluations)
{
    m_nextRedAt = m_redEnd < m_yellowEnd ? m_rows[size_t(m_redEnd)]->deadlineS + 1 : kNever;
    m_nextYellowAt = kNever;
    if (m_yellowEnd < int(m_rows.size())) {
        ++*evaluations;
        m_nextYellowAt = m_sla.nextChange(m_now, m_rows[size_t(m_yellowEnd)]->deadlineS).value_or(kNever);
    }
}

void BoardModel::emitRowsChanged(int first, int last)
{
    if (first <= last)
        Q_EMIT dataChanged(index(first, 0), index(last, ColumnCount - 1));
}

void BoardModel::advanceTo(qint64 nowSecs)
{
    // An administrator may change the calendar or the yellow threshold (here or on another console): look
    // once a minute, and start over with the new arithmetic when it changed.
    if (++m_ticksSinceSlaCheck >= kSlaCheckTicks) {
        m_ticksSinceSlaCheck = 0;
        const SlaClock current = m_session.sla();
        if (!(current.calendar() == m_sla.calendar()) || !(current.policy() == m_sla.policy())) {
            reload();
            return;
        }
    }
    TickStats stats;
    if (nowSecs == m_now) {
        m_lastTick = stats;
        return;
    }
    const qint64 previous = m_now;
    m_now = nowSecs;
    const bool colourDue = nowSecs < previous || nowSecs >= m_nextRedAt || nowSecs >= m_nextYellowAt;
    if (colourDue) {
        const int oldRed = m_redEnd;
        const int oldYellow = m_yellowEnd;
        locateBoundaries(&stats.colourEvaluations);
        // The rows that changed colour are those between an old and a new boundary: two intervals.
        int a1 = std::min(oldRed, m_redEnd), b1 = std::max(oldRed, m_redEnd);
        int a2 = std::min(oldYellow, m_yellowEnd), b2 = std::max(oldYellow, m_yellowEnd);
        if (a1 < b1 && a2 < b2 && a2 <= b1) { // they touch or overlap: one range
            b1 = std::max(b1, b2);
            a2 = b2 = 0;
        }
        stats.rowsRecomputed = (b1 - a1) + (b2 - a2);
        emitRowsChanged(a1, b1 - 1);
        emitRowsChanged(a2, b2 - 1);
        updateNextChanges(&stats.colourEvaluations);
    }
    // Remaining time only moves while the centre works: at night, at weekends and on holidays the
    // countdown cells stay as they are and the views repaint nothing.
    if (!m_rows.empty() && m_sla.calendar().workingSecondsBetween(previous, nowSecs) != 0) {
        stats.countdownAdvanced = true;
        Q_EMIT dataChanged(index(0, Remaining), index(int(m_rows.size()) - 1, Remaining),
                           {Qt::DisplayRole, Qt::ToolTipRole, SortRole, RemainingRole});
    }
    m_lastTick = stats;
    if (colourDue)
        emitCountsIfChanged();
}

void BoardModel::applyChanges(const QStringList &ticketIds)
{
    if (ticketIds.size() > kBulkChangeLimit) {
        reload();
        return;
    }
    QSet<QString> seen;
    for (const QString &id : ticketIds) {
        if (!seen.contains(id)) {
            seen.insert(id);
            applyOne(id);
        }
    }
    int evaluations = 0;
    updateNextChanges(&evaluations);
    emitCountsIfChanged();
}

std::unique_ptr<BoardModel::Row> BoardModel::makeRow(const Ticket &t)
{
    auto r = std::make_unique<Row>();
    r->ticketId = t.id;
    r->number = t.number;
    r->departmentCode = intern(t.department);
    r->departmentName = departmentName(t.department);
    r->town = intern(t.town);
    r->summary = t.summary;
    r->deadlineS = t.deadlineS.value_or(0);
    r->type = t.type;
    return r;
}

void BoardModel::applyOne(const QString &ticketId)
{
    std::optional<Ticket> t;
    if (!m_seesNothing)
        t = m_session.workspace().queries().ticket(m_session.actor(), ticketId);
    const bool onBoard = t && t->isCounting() && (m_scope.isEmpty() || t->department == m_scope);
    const int old = rowOfTicket(ticketId);
    if (old >= 0 && onBoard) {
        Row &r = *m_rows[size_t(old)];
        if (r.deadlineS == *t->deadlineS && r.number == t->number && r.departmentCode == t->department
            && r.town == t->town && r.type == t->type) {
            // Same place in the order and the same filter fields: refresh the row where it is.
            r.summary = t->summary;
            r.departmentName = departmentName(t->department);
            emitRowsChanged(old, old);
            return;
        }
    }
    // A new deadline (transfer, extension) or other filter fields: take it out and put it back in place,
    // so proxies filter it again.
    if (old >= 0)
        removeRowAt(old);
    if (onBoard)
        insertRow(makeRow(*t));
}

void BoardModel::removeRowAt(int r)
{
    beginRemoveRows({}, r, r);
    m_keys.remove(m_rows[size_t(r)]->ticketId);
    m_rows.erase(m_rows.begin() + r);
    if (r < m_redEnd)
        --m_redEnd;
    if (r < m_yellowEnd)
        --m_yellowEnd;
    endRemoveRows();
}

void BoardModel::insertRow(std::unique_ptr<Row> row)
{
    // The colours at m_now are runs in deadline order, so a row inserted at its deadline position falls
    // into the run of its own colour: only that run's end moves.
    const int r = lowerBound(row->deadlineS, row->number);
    const Colour colour = m_sla.colour(m_now, row->deadlineS);
    beginInsertRows({}, r, r);
    m_keys.insert(row->ticketId, Key {row->deadlineS, row->number});
    m_rows.insert(m_rows.begin() + r, std::move(row));
    if (colour == Colour::Red)
        ++m_redEnd;
    if (colour != Colour::Green)
        ++m_yellowEnd;
    endInsertRows();
}

void BoardModel::emitCountsIfChanged()
{
    const int red = redCount(), yellow = yellowCount(), green = greenCount();
    if (red == m_shownRed && yellow == m_shownYellow && green == m_shownGreen)
        return;
    m_shownRed = red;
    m_shownYellow = yellow;
    m_shownGreen = green;
    Q_EMIT countsChanged(red, yellow, green);
}

} // namespace hotline
