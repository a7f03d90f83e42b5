#include "supervision/AuditPage.h"

#include "service/Workspace.h"
#include "storage/AdminAudit.h"
#include "storage/AdminLog.h"
#include "support/ConsoleSession.h"
#include "util/Clock.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDateTime>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QTimeZone>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace hotline {
namespace {

QString actionName(const QString &code)
{
    if (code == u"password_reset"_s)
        return AuditPage::tr("password reset");
    if (code == u"password_change"_s)
        return AuditPage::tr("password changed by its owner");
    if (code == u"role_change"_s)
        return AuditPage::tr("role changed");
    if (code == u"create"_s)
        return AuditPage::tr("account created");
    if (code == u"disable"_s)
        return AuditPage::tr("account disabled");
    if (code == u"enable"_s)
        return AuditPage::tr("account enabled");
    if (code == u"import"_s)
        return AuditPage::tr("imported from a file");
    if (code == u"baseline"_s)
        return AuditPage::tr("record starts");
    return code;
}

} // namespace

AuditPage::AuditPage(ConsoleSession &session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
{
    setObjectName(u"auditPage"_s);
    const QTimeZone zone = session.sla().calendar().timeZone();
    const QDate today = QDateTime::fromMSecsSinceEpoch(session.clock().nowMs(), zone).date();
    const auto dateEdit = [this](const QString &name, const QDate &date) {
        auto *edit = new QDateEdit(date, this);
        edit->setObjectName(name);
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(u"yyyy-MM-dd"_s);
        return edit;
    };
    m_from = dateEdit(u"auditFrom"_s, today.addDays(-30));
    m_to = dateEdit(u"auditTo"_s, today);
    m_entity = new QComboBox(this);
    m_entity->setObjectName(u"auditEntity"_s);
    m_entity->addItem(tr("Everything"), QString());
    for (AdminEntity e : AdminAudit::allEntities()) {
        const QString code = AdminAudit::entityCode(e);
        m_entity->addItem(AdminLog::entityName(code), code);
    }
    auto *apply = new QPushButton(tr("&Show"), this);
    apply->setObjectName(u"auditApply"_s);

    auto *filters = new QHBoxLayout;
    auto *dates = new QFormLayout;
    dates->addRow(tr("&From"), m_from);
    dates->addRow(tr("T&o"), m_to);
    auto *what = new QFormLayout;
    what->addRow(tr("&Changed"), m_entity);
    filters->addLayout(dates, 1);
    filters->addLayout(what, 1);
    filters->addWidget(apply, 0, Qt::AlignBottom);

    m_table = new QTableWidget(0, ColumnCount, this);
    m_table->setObjectName(u"auditTable"_s);
    m_table->setHorizontalHeaderLabels(
        {tr("Time"), tr("By"), tr("Console"), tr("What"), tr("Which"), tr("Before"), tr("After")});
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);

    m_count = new QLabel(this);
    m_count->setObjectName(u"auditCount"_s);
    auto *note = new QLabel(tr("Every change of a setting, calendar day, department, category, town or account is "
                               "recorded in the same tamper-evident log as the tickets, with who made it and the "
                               "values before and after. Secrets and passwords are never shown. This page cannot "
                               "change anything."),
                            this);
    note->setWordWrap(true);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(note);
    layout->addLayout(filters);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_count);

    connect(apply, &QPushButton::clicked, this, &AuditPage::refresh);
    connect(m_from, &QDateEdit::dateChanged, this, &AuditPage::refresh);
    connect(m_to, &QDateEdit::dateChanged, this, &AuditPage::refresh);
    connect(m_entity, &QComboBox::currentIndexChanged, this, &AuditPage::refresh);
    refresh();
}

void AuditPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    refresh(); // changes made since the tab was last open
}

void AuditPage::setFilter(const QDate &from, const QDate &to, const QString &entity)
{
    const QSignalBlocker a(m_from);
    const QSignalBlocker b(m_to);
    const QSignalBlocker c(m_entity);
    m_from->setDate(from.isValid() ? from : m_from->minimumDate());
    m_to->setDate(to.isValid() ? to : m_to->maximumDate());
    m_entity->setCurrentIndex(qMax(0, m_entity->findData(entity)));
    refresh();
}

void AuditPage::refresh()
{
    const QTimeZone zone = m_session.sla().calendar().timeZone();
    qint64 fromMs = 0, toMs = 0;
    if (m_from->date() > m_from->minimumDate())
        fromMs = QDateTime(m_from->date(), QTime(0, 0), zone).toMSecsSinceEpoch();
    if (m_to->date() < m_to->maximumDate())
        toMs = QDateTime(m_to->date().addDays(1), QTime(0, 0), zone).toMSecsSinceEpoch(); // "to" included
    QList<AdminChange> changes;
    QString error;
    AdminLog(m_session.workspace().database())
        .list(m_session.actor(), fromMs, toMs, m_entity->currentData().toString(), &changes, &error);
    std::reverse(changes.begin(), changes.end()); // newest first
    m_table->setRowCount(int(changes.size()));
    for (int r = 0; r < changes.size(); ++r) {
        const AdminChange &c = changes.at(r);
        QString which = c.isBaseline() ? tr("(the whole table)") : c.key;
        if (!c.action.isEmpty())
            which += u" — "_s + actionName(c.action);
        const QStringList cells{
            QDateTime::fromMSecsSinceEpoch(c.atMs, zone).toString(u"yyyy-MM-dd HH:mm:ss"_s),
            c.actor,
            c.console,
            AdminLog::entityName(c.entity),
            which,
            c.isBaseline() ? QString() : AdminLog::describe(c.oldValue),
            c.isBaseline() ? AdminLog::describeChange(c) : AdminLog::describe(c.newValue),
        };
        for (int col = 0; col < cells.size(); ++col) {
            auto *item = new QTableWidgetItem(cells.at(col));
            item->setToolTip(cells.at(col));
            m_table->setItem(r, col, item);
        }
    }
    m_table->resizeColumnsToContents();
    for (int col : {OldColumn, NewColumn})
        m_table->setColumnWidth(col, qMin(m_table->columnWidth(col), 420));
    m_count->setText(error.isEmpty() ? tr("%n change(s)", nullptr, int(changes.size())) : error);
}

} // namespace hotline
