#include "admin/AccessLogPage.h"

#include "domain/DisplayNames.h"
#include "privacy/AccessLog.h"
#include "service/Workspace.h"
#include "support/ConsoleSession.h"
#include "util/Clock.h"

#include <QDateEdit>
#include <QDateTime>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QTimeZone>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace hotline {

AccessLogPage::AccessLogPage(ConsoleSession &session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
{
    setObjectName(u"accessLogPage"_s);
    const QTimeZone zone = session.sla().calendar().timeZone();
    const QDate today = QDateTime::fromMSecsSinceEpoch(session.clock().nowMs(), zone).date();

    m_user = new QLineEdit(this);
    m_user->setObjectName(u"accessLogUser"_s);
    m_user->setPlaceholderText(tr("any user"));
    m_user->setClearButtonEnabled(true);
    m_ticket = new QLineEdit(this);
    m_ticket->setObjectName(u"accessLogTicket"_s);
    m_ticket->setPlaceholderText(tr("any ticket"));
    m_ticket->setClearButtonEnabled(true);
    const auto dateEdit = [this](const QString &name, const QDate &date) {
        auto *edit = new QDateEdit(date, this);
        edit->setObjectName(name);
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(u"yyyy-MM-dd"_s);
        return edit;
    };
    m_from = dateEdit(u"accessLogFrom"_s, today.addDays(-30));
    m_to = dateEdit(u"accessLogTo"_s, today);
    auto *apply = new QPushButton(tr("&Show"), this);
    apply->setObjectName(u"accessLogApply"_s);

    auto *filters = new QHBoxLayout;
    auto *form = new QFormLayout;
    form->addRow(tr("&User"), m_user);
    form->addRow(tr("&Ticket number"), m_ticket);
    auto *dates = new QFormLayout;
    dates->addRow(tr("&From"), m_from);
    dates->addRow(tr("T&o"), m_to);
    filters->addLayout(form, 2);
    filters->addLayout(dates, 1);
    filters->addWidget(apply, 0, Qt::AlignBottom);

    m_table = new QTableWidget(0, ColumnCount, this);
    m_table->setObjectName(u"accessLogTable"_s);
    m_table->setHorizontalHeaderLabels({tr("Time"), tr("User"), tr("Role"), tr("Console"), tr("What"),
                                        tr("Ticket"), tr("Tickets"), tr("Details")});
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);

    m_count = new QLabel(this);
    m_count->setObjectName(u"accessLogCount"_s);
    auto *note = new QLabel(tr("Every time someone is shown a caller's full name and number, and every unmasked "
                               "export, is recorded here. The log cannot be edited."),
                            this);
    note->setWordWrap(true);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(note);
    layout->addLayout(filters);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_count);

    connect(apply, &QPushButton::clicked, this, &AccessLogPage::refresh);
    connect(m_user, &QLineEdit::returnPressed, this, &AccessLogPage::refresh);
    connect(m_ticket, &QLineEdit::returnPressed, this, &AccessLogPage::refresh);
    connect(m_from, &QDateEdit::dateChanged, this, &AccessLogPage::refresh);
    connect(m_to, &QDateEdit::dateChanged, this, &AccessLogPage::refresh);
    refresh();
}

void AccessLogPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    refresh(); // views made since the tab was last open
}

void AccessLogPage::setFilter(const QString &user, const QString &ticket, const QDate &from, const QDate &to)
{
    const QSignalBlocker a(m_from);
    const QSignalBlocker b(m_to);
    m_user->setText(user);
    m_ticket->setText(ticket);
    m_from->setDate(from.isValid() ? from : m_from->minimumDate());
    m_to->setDate(to.isValid() ? to : m_to->maximumDate());
    refresh();
}

void AccessLogPage::refresh()
{
    const QTimeZone zone = m_session.sla().calendar().timeZone();
    AccessLogFilter filter;
    filter.user = m_user->text();
    filter.ticket = m_ticket->text();
    if (m_from->date() > m_from->minimumDate())
        filter.fromMs = QDateTime(m_from->date(), QTime(0, 0), zone).toMSecsSinceEpoch();
    if (m_to->date() < m_to->maximumDate())
        filter.toMs = QDateTime(m_to->date().addDays(1), QTime(0, 0), zone).toMSecsSinceEpoch(); // "to" included
    Workspace &ws = m_session.workspace();
    QString error;
    const QList<AccessLogEntry> entries = AccessLog(ws.database(), ws.clock()).list(m_session.actor(), filter, &error);
    m_table->setSortingEnabled(false);
    m_table->setRowCount(int(entries.size()));
    for (int r = 0; r < entries.size(); ++r) {
        const AccessLogEntry &e = entries.at(r);
        const bool isExport = e.kind == AccessLogEntry::Kind::Export;
        const QStringList cells {
            QDateTime::fromMSecsSinceEpoch(e.atMs, zone).toString(u"yyyy-MM-dd HH:mm:ss"_s),
            e.user,
            DisplayNames::of(e.role),
            e.console,
            isExport ? tr("Unmasked export") : tr("Viewed caller"),
            e.ticketNumber,
            QString::number(e.tickets),
            e.detail,
        };
        for (int c = 0; c < cells.size(); ++c)
            m_table->setItem(r, c, new QTableWidgetItem(cells.at(c)));
    }
    m_table->resizeColumnsToContents();
    m_count->setText(error.isEmpty() ? tr("%n entry(s)", nullptr, int(entries.size())) : error);
}

} // namespace hotline
