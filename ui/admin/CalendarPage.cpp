#include "admin/CalendarPage.h"

#include "calendar/CalendarYears.h"
#include "calendar/WorkCalendar.h"
#include "service/TicketService.h"
#include "service/Workspace.h"
#include "storage/CalendarStore.h"
#include "support/ConsoleSession.h"
#include "util/Clock.h"

#include <QComboBox>
#include <QDateEdit>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSet>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace hotline {
namespace {

QTableWidget *table(const QString &objectName, const QStringList &headers, QWidget *parent)
{
    auto *t = new QTableWidget(0, int(headers.size()), parent);
    t->setObjectName(objectName);
    t->setHorizontalHeaderLabels(headers);
    t->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    t->horizontalHeader()->setStretchLastSection(true);
    t->setEditTriggers(QAbstractItemView::NoEditTriggers);
    t->setSelectionBehavior(QAbstractItemView::SelectRows);
    t->setSelectionMode(QAbstractItemView::ExtendedSelection);
    t->verticalHeader()->hide();
    return t;
}

QList<int> selectedRows(const QTableWidget *t)
{
    QSet<int> rows;
    for (const QTableWidgetItem *item : t->selectedItems())
        rows.insert(item->row());
    QList<int> out(rows.cbegin(), rows.cend());
    std::sort(out.begin(), out.end());
    return out;
}

} // namespace

CalendarPage::CalendarPage(ConsoleSession &session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
{
    setObjectName(u"calendarPage"_s);
    auto *layout = new QVBoxLayout(this);

    auto *top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Year:"), this));
    m_year = new QSpinBox(this);
    m_year->setObjectName(u"calendarYear"_s);
    m_year->setRange(1900, 2200);
    m_year->setValue(session.workspace().calendar().loadCalendar().toLocal(session.clock().nowSecs()).date().year());
    top->addWidget(m_year);
    m_status = new QLabel(this);
    m_status->setObjectName(u"calendarNoticeStatus"_s);
    m_status->setWordWrap(true);
    top->addWidget(m_status, 1);
    layout->addLayout(top);

    m_days = table(u"calendarDays"_s, {tr("Date"), tr("Kind"), tr("Note")}, this);
    layout->addWidget(m_days, 2);
    connect(m_days, &QTableWidget::itemSelectionChanged, this, &CalendarPage::showSelectedDay);

    auto *form = new QFormLayout;
    m_date = new QDateEdit(this);
    m_date->setObjectName(u"calendarDate"_s);
    m_date->setDisplayFormat(u"yyyy-MM-dd"_s);
    m_date->setCalendarPopup(true);
    m_date->setDateRange(QDate(1900, 1, 1), QDate(2200, 12, 31));
    m_kind = new QComboBox(this);
    m_kind->setObjectName(u"calendarKind"_s);
    m_kind->addItem(tr("Off day (holiday)"), true);
    m_kind->addItem(tr("Make-up working day (调休)"), false);
    m_note = new QLineEdit(this);
    m_note->setObjectName(u"calendarNote"_s);
    m_note->setMaxLength(CalendarStore::kMaxNote);
    m_note->setPlaceholderText(tr("e.g. 春节"));
    form->addRow(tr("Date:"), m_date);
    form->addRow(tr("Kind:"), m_kind);
    form->addRow(tr("Note:"), m_note);
    layout->addLayout(form);
    auto *buttons = new QHBoxLayout;
    auto *save = new QPushButton(tr("&Save day"), this);
    save->setObjectName(u"calendarSaveDay"_s);
    auto *remove = new QPushButton(tr("&Remove selected days (back to Monday–Friday)"), this);
    remove->setObjectName(u"calendarRemoveDays"_s);
    buttons->addWidget(save);
    buttons->addWidget(remove);
    buttons->addStretch(1);
    layout->addLayout(buttons);
    m_message = new QLabel(this);
    m_message->setObjectName(u"calendarMessage"_s);
    m_message->setWordWrap(true);
    layout->addWidget(m_message);

    m_changesTitle = new QLabel(this);
    m_changesTitle->setObjectName(u"calendarChangesTitle"_s);
    m_changesTitle->setWordWrap(true);
    layout->addWidget(m_changesTitle);
    m_changesTable
        = table(u"calendarChanges"_s,
                {tr("Ticket"), tr("Department"), tr("Deadline in force"), tr("Deadline by the calendar now")}, this);
    layout->addWidget(m_changesTable, 1);
    auto *redecideRow = new QHBoxLayout;
    m_reason = new QLineEdit(this);
    m_reason->setObjectName(u"calendarRedecideReason"_s);
    m_reason->setPlaceholderText(tr("Reason, e.g. the 2027 holiday notice was entered late"));
    m_redecide = new QPushButton(tr("Re-&decide selected deadlines"), this);
    m_redecide->setObjectName(u"calendarRedecide"_s);
    redecideRow->addWidget(new QLabel(tr("Reason:"), this));
    redecideRow->addWidget(m_reason, 1);
    redecideRow->addWidget(m_redecide);
    layout->addLayout(redecideRow);

    connect(m_year, &QSpinBox::valueChanged, this, &CalendarPage::refresh);
    connect(save, &QPushButton::clicked, this, &CalendarPage::saveDay);
    connect(remove, &QPushButton::clicked, this, &CalendarPage::removeSelectedDays);
    connect(m_redecide, &QPushButton::clicked, this, &CalendarPage::redecideSelected);
    connect(&session, &ConsoleSession::ticketsChanged, this, &CalendarPage::refresh);
    refresh();
}

int CalendarPage::year() const
{
    return m_year->value();
}

void CalendarPage::setYear(int year)
{
    m_year->setValue(year);
}

void CalendarPage::refresh()
{
    if (m_redeciding)
        return; // once at the end, not once per event
    Workspace &ws = m_session.workspace();
    const WorkCalendar calendar = ws.calendar().loadCalendar();
    const int y = year();
    m_days->setRowCount(0);
    for (const CalendarDay &d : calendar.days()) {
        if (d.date.year() != y)
            continue;
        const int row = m_days->rowCount();
        m_days->insertRow(row);
        // QLocale, not QDate::toString: the weekday in the console's language, not always in English.
        auto *date = new QTableWidgetItem(QLocale().toString(d.date, u"yyyy-MM-dd ddd"_s));
        date->setData(Qt::UserRole, d.date);
        m_days->setItem(row, DateColumn, date);
        m_days->setItem(row, KindColumn, new QTableWidgetItem(d.isOffDay ? tr("Off day") : tr("Make-up working day")));
        m_days->setItem(row, NoteColumn, new QTableWidgetItem(d.name));
    }
    if (CalendarYears::hasNotice(calendar, y))
        m_status->setText(tr("The holiday notice for %1 is entered.").arg(y));
    else if (y <= CalendarYears::knownUntil(calendar).year())
        m_status->setText(tr("No holiday notice for %1: only weekends count as off days that year.").arg(y));
    else
        m_status->setText(
            tr("No holiday notice for %1: no deadline can fall in that year until the notices up to it are entered.")
                .arg(y));
    if (!m_date->date().isValid() || m_date->date().year() != y)
        m_date->setDate(QDate(y, 1, 1));

    m_changes = DeadlineReview::find(ws.database(), ws.events(), ws.tickets());
    m_changesTable->setRowCount(0);
    for (const DeadlineChange &c : std::as_const(m_changes)) {
        const int row = m_changesTable->rowCount();
        m_changesTable->insertRow(row);
        m_changesTable->setItem(row, NumberColumn, new QTableWidgetItem(c.number));
        m_changesTable->setItem(row, DepartmentColumn, new QTableWidgetItem(c.department));
        m_changesTable->setItem(row, OldDeadlineColumn,
                                new QTableWidgetItem(calendar.toLocal(c.oldDeadline).toString(u"yyyy-MM-dd HH:mm"_s)));
        m_changesTable->setItem(
            row, NewDeadlineColumn,
            new QTableWidgetItem(c.newDeadline ? calendar.toLocal(*c.newDeadline).toString(u"yyyy-MM-dd HH:mm"_s)
                                               : c.problem));
    }
    m_changesTitle->setText(
        m_changes.isEmpty() ? tr("No open ticket's deadline differs from what the calendar in force gives it.")
                            : tr("%n open ticket(s) would get another deadline from the calendar in force. They keep "
                                 "the deadline in force until you re-decide them:",
                                 nullptr, int(m_changes.size())));
    m_redecide->setEnabled(!m_changes.isEmpty());
    m_reason->setEnabled(!m_changes.isEmpty());
}

void CalendarPage::showSelectedDay()
{
    const QList<int> rows = selectedRows(m_days);
    if (rows.size() != 1)
        return;
    const QDate date = m_days->item(rows.first(), DateColumn)->data(Qt::UserRole).toDate();
    const std::optional<CalendarDay> day = m_session.workspace().calendar().loadCalendar().day(date);
    if (!day)
        return;
    m_date->setDate(day->date);
    m_kind->setCurrentIndex(day->isOffDay ? 0 : 1);
    m_note->setText(day->name);
}

bool CalendarPage::saveDay()
{
    const CalendarDay day {m_date->date(), m_kind->currentData().toBool(), m_note->text().trimmed()};
    QString error;
    if (!m_session.workspace().calendar().editDays(m_session.actor(), {day}, {}, &error)) {
        showMessage(tr("The day was not saved: %1").arg(error), true);
        return false;
    }
    showMessage(tr("%1 saved as %2.")
                    .arg(day.date.toString(Qt::ISODate), day.isOffDay ? tr("an off day") : tr("a make-up working day")),
                false);
    if (day.date.year() != year())
        setYear(day.date.year()); // refreshes
    else
        refresh();
    Q_EMIT calendarChanged();
    return true;
}

bool CalendarPage::removeSelectedDays()
{
    QList<QDate> dates;
    for (int row : selectedRows(m_days))
        dates << m_days->item(row, DateColumn)->data(Qt::UserRole).toDate();
    if (dates.isEmpty()) {
        showMessage(tr("Select the days to remove first."), true);
        return false;
    }
    QString error;
    if (!m_session.workspace().calendar().editDays(m_session.actor(), {}, dates, &error)) {
        showMessage(tr("Nothing was removed: %1").arg(error), true);
        return false;
    }
    showMessage(tr("%n day(s) follow the Monday–Friday rule again.", nullptr, int(dates.size())), false);
    refresh();
    Q_EMIT calendarChanged();
    return true;
}

bool CalendarPage::redecideSelected()
{
    QList<int> rows = selectedRows(m_changesTable);
    if (rows.isEmpty()) {
        for (int i = 0; i < m_changes.size(); ++i)
            rows << i;
    }
    if (rows.isEmpty())
        return false;
    const QString reason = m_reason->text().trimmed();
    if (reason.isEmpty()) {
        showMessage(tr("Say why the deadlines are re-decided."), true);
        return false;
    }
    QStringList problems;
    int done = 0;
    const QList<DeadlineChange> changes = m_changes;
    m_redeciding = true; // each event announces ticketsChanged, which would refresh the page
    for (int row : std::as_const(rows)) {
        const DeadlineChange &c = changes.at(row);
        QString error;
        if (m_session.workspace().tickets().redecideDeadline(m_session.actor(), c.ticketId, reason, &error))
            ++done;
        else
            problems << tr("%1: %2").arg(c.number, error);
    }
    m_redeciding = false;
    if (problems.isEmpty()) {
        showMessage(tr("%n deadline(s) re-decided.", nullptr, done), false);
        m_reason->clear();
    } else {
        showMessage(tr("%n deadline(s) re-decided.", nullptr, done) + u'\n' + problems.join(u'\n'), true);
    }
    refresh();
    return problems.isEmpty();
}

void CalendarPage::showMessage(const QString &text, bool isError)
{
    m_message->setStyleSheet(isError ? u"color: #b00020;"_s : u"color: #1b5e20;"_s);
    m_message->setText(text);
}

} // namespace hotline
