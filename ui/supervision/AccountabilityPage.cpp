#include "supervision/AccountabilityPage.h"

#include "auth/Permissions.h"
#include "io/ExportFile.h"
#include "board/TicketDetailDialog.h"
#include "domain/DisplayNames.h"
#include "reports/SavePathPrompt.h"
#include "service/TicketQueries.h"
#include "service/Workspace.h"
#include "support/ConsoleSession.h"
#include "support/Prompts.h"
#include "util/Clock.h"

#include <QAction>
#include <QComboBox>
#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSet>
#include <QTableWidget>
#include <QTimeZone>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace hotline {
namespace {

QDate monthOf(qint64 ms, const QTimeZone &zone)
{
    const QDate d = QDateTime::fromMSecsSinceEpoch(ms, zone).date();
    return QDate(d.year(), d.month(), 1);
}

} // namespace

AccountabilityPage::AccountabilityPage(ConsoleSession &session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
{
    setObjectName(u"accountabilityPage"_s);
    auto *layout = new QVBoxLayout(this);
    auto *filters = new QHBoxLayout;
    m_department = new QComboBox(this);
    m_department->setObjectName(u"accountabilityDepartment"_s);
    m_month = new QComboBox(this);
    m_month->setObjectName(u"accountabilityMonth"_s);
    auto *departmentLabel = new QLabel(tr("&Department"), this);
    departmentLabel->setBuddy(m_department);
    auto *monthLabel = new QLabel(tr("&Month"), this);
    monthLabel->setBuddy(m_month);
    auto *exportButton = new QPushButton(tr("&Export CSV…"), this);
    exportButton->setObjectName(u"accountabilityExport"_s);
    filters->addWidget(departmentLabel);
    filters->addWidget(m_department, 1);
    filters->addWidget(monthLabel);
    filters->addWidget(m_month);
    filters->addStretch(1);
    filters->addWidget(exportButton);
    layout->addLayout(filters);

    m_table = new QTableWidget(0, ColumnCount, this);
    m_table->setObjectName(u"accountabilityTable"_s);
    m_table->setHorizontalHeaderLabels({tr("Ticket"), tr("Department"), tr("Deadline"), tr("Went red"), tr("Answered"),
                                        tr("Late (working time)"), tr("Urged")});
    m_table->horizontalHeader()->setSectionResizeMode(DepartmentColumn, QHeaderView::Stretch);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    m_table->setAlternatingRowColors(true);
    layout->addWidget(m_table, 1);
    m_summary = new QLabel(this);
    m_summary->setObjectName(u"accountabilitySummary"_s);
    layout->addWidget(m_summary);

    auto *open = new QAction(tr("Open ticket"), m_table);
    open->setShortcuts({QKeySequence(Qt::Key_Return), QKeySequence(Qt::Key_Enter)});
    open->setShortcutContext(Qt::WidgetShortcut);
    m_table->addAction(open);
    connect(open, &QAction::triggered, this, [this] { openTicket(m_table->currentRow()); });
    connect(m_table, &QTableWidget::cellDoubleClicked, this, [this](int row) { openTicket(row); });
    connect(exportButton, &QPushButton::clicked, this, &AccountabilityPage::exportCsv);
    connect(m_department, &QComboBox::currentIndexChanged, this, &AccountabilityPage::refresh);
    connect(m_month, &QComboBox::currentIndexChanged, this, &AccountabilityPage::refresh);

    connect(&session, &ConsoleSession::ticketsChanged, this, &AccountabilityPage::refreshSoon);
    connect(&session, &ConsoleSession::accountabilityOpened, this, &AccountabilityPage::refreshSoon);
    // "Late so far" grows while a record is unanswered: once a minute is enough for a log.
    connect(&session, &ConsoleSession::tick, this, [this](qint64 nowSecs) {
        if (nowSecs / 60 != m_lastMinute && isVisible())
            refresh();
    });
    setTabOrder(m_department, m_month);
    setTabOrder(m_month, exportButton);
    setTabOrder(exportButton, m_table);
    refresh();
}

void AccountabilityPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_dirty)
        refresh();
}

void AccountabilityPage::refreshSoon()
{
    // Hidden: once when shown. Shown: once per burst of changes (a batch of escalations emits several signals).
    if (!isVisible()) {
        m_dirty = true;
        return;
    }
    if (m_refreshQueued)
        return;
    m_refreshQueued = true;
    QTimer::singleShot(0, this, [this] {
        m_refreshQueued = false;
        refresh();
    });
}

void AccountabilityPage::fillMonths(const QList<AccountabilityRecord> &all)
{
    const QTimeZone zone = m_session.sla().calendar().timeZone();
    const QDate current = m_month->currentData().toDate();
    QSet<QDate> seen {monthOf(m_session.clock().nowMs(), zone)};
    if (current.isValid())
        seen.insert(current); // a chosen month stays offered even when it has no records
    for (const AccountabilityRecord &r : all)
        seen.insert(monthOf(r.redAtMs, zone));
    QList<QDate> months(seen.begin(), seen.end());
    std::sort(months.begin(), months.end(), std::greater<>());
    const QSignalBlocker blocker(m_month);
    m_month->clear();
    m_month->addItem(tr("All months"), QDate());
    for (const QDate &m : std::as_const(months))
        m_month->addItem(QLocale().toString(m, u"yyyy-MM"_s), m);
    m_month->setCurrentIndex(std::max(0, m_month->findData(current)));
}

void AccountabilityPage::refresh()
{
    m_dirty = false;
    m_lastMinute = m_session.clock().nowSecs() / 60;
    if (!Permissions::allows(m_session.actor(), Action::ViewAccountability))
        return; // the discipline log is for supervisors and officials only
    Accountability accountability(m_session.workspace());
    {
        const QString department = m_department->currentData().toString();
        const QSignalBlocker blocker(m_department);
        m_department->clear();
        m_department->addItem(tr("All departments"), QString());
        for (const Department &d : m_session.workspace().queries().departments())
            m_department->addItem(u"%1 (%2)"_s.arg(d.name, d.code), d.code);
        m_department->setCurrentIndex(std::max(0, m_department->findData(department)));
    }
    fillMonths(accountability.list(m_session.actor(), {}));
    const QTableWidgetItem *selected = m_table->item(m_table->currentRow(), NumberColumn);
    const QString currentTicket = selected ? selected->data(Qt::UserRole).toString() : QString();
    m_records = accountability.list(m_session.actor(), {m_department->currentData().toString(), m_month->currentData().toDate()});
    m_table->setRowCount(int(m_records.size()));
    int unanswered = 0;
    for (int r = 0; r < m_records.size(); ++r) {
        const AccountabilityRecord &a = m_records.at(r);
        unanswered += a.answeredMs ? 0 : 1;
        const QString late = DisplayNames::workingTime(a.lateWorkingSeconds);
        const QStringList cells {a.number,
                                 a.departmentName.isEmpty() ? a.department : a.departmentName,
                                 format(a.deadlineS * 1000),
                                 format(a.redAtMs),
                                 a.answeredMs ? format(*a.answeredMs) : tr("Not answered"),
                                 a.answeredMs ? late : tr("%1 so far").arg(late),
                                 a.urged > 0 ? QString::number(a.urged) : QString()};
        for (int c = 0; c < ColumnCount; ++c) {
            auto *item = new QTableWidgetItem(cells.at(c));
            if (!a.answeredMs && (c == AnsweredColumn || c == LateColumn))
                item->setForeground(QColor(0xb0, 0x00, 0x20));
            m_table->setItem(r, c, item);
        }
        m_table->item(r, NumberColumn)->setData(Qt::UserRole, a.ticketId);
        if (a.ticketId == currentTicket)
            m_table->setCurrentCell(r, NumberColumn);
    }
    m_table->resizeColumnsToContents();
    m_summary->setText(tr("%n record(s), %1 not answered yet.", nullptr, int(m_records.size())).arg(unanswered));
}

void AccountabilityPage::setDepartmentFilter(const QString &code)
{
    m_department->setCurrentIndex(std::max(0, m_department->findData(code)));
}

void AccountabilityPage::setMonthFilter(const QDate &month)
{
    const QDate first = month.isValid() ? QDate(month.year(), month.month(), 1) : QDate();
    int index = m_month->findData(first);
    if (index < 0) { // a month without records: offer it anyway, the list is simply empty
        m_month->addItem(QLocale().toString(first, u"yyyy-MM"_s), first);
        index = m_month->count() - 1;
    }
    m_month->setCurrentIndex(index);
}

bool AccountabilityPage::exportCsv()
{
    const QString title = tr("Export accountability records");
    const QDate month = m_month->currentData().toDate();
    const QString suggested
        = month.isValid() ? u"accountability-%1.csv"_s.arg(month.toString(u"yyyy-MM"_s)) : u"accountability.csv"_s;
    const std::optional<QString> path = SavePathPrompt::ask(this, title, suggested, tr("CSV for Excel (*.csv)"));
    if (!path)
        return false;
    const QByteArray bytes = Accountability::toCsv(m_records, m_session.sla().calendar().timeZone()).toUtf8();
    if (QString error; !ExportFile::write(m_session.actor(), *path, bytes, &error)) {
        Prompts::warning(this, title, error);
        return false;
    }
    m_summary->setText(tr("%n record(s) exported to %1.", nullptr, int(m_records.size())).arg(*path));
    return true;
}

TicketDetailDialog *AccountabilityPage::openTicket(int row)
{
    if (row < 0 || row >= m_records.size())
        return nullptr;
    const QString id = m_records.at(row).ticketId;
    auto *dialog = new TicketDetailDialog(m_session, id, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show(); // non-modal: the log and the board keep following changes
    Q_EMIT ticketOpened(id);
    return dialog;
}

QString AccountabilityPage::format(qint64 ms) const
{
    return QDateTime::fromMSecsSinceEpoch(ms, m_session.sla().calendar().timeZone()).toString(u"yyyy-MM-dd HH:mm"_s);
}

} // namespace hotline
