#include "sync/SyncConflictsDialog.h"

#include "domain/DisplayNames.h"
#include "domain/Enums.h"
#include "service/Workspace.h"
#include "storage/Database.h"
#include "support/ConsoleSession.h"
#include "support/Prompts.h"
#include "sync/NumberClashesPanel.h"
#include "auth/Permissions.h"
#include "sync/ReferenceConflictsView.h"

#include <QDateTime>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QPushButton>
#include <QSqlQuery>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace hotline {

SyncConflictsDialog::SyncConflictsDialog(ConsoleSession &session, QWidget *parent)
    : QDialog(parent), m_session(session)
{
    setObjectName(u"syncConflictsDialog"_s);
    setWindowTitle(tr("Sync conflicts"));
    auto *layout = new QVBoxLayout(this);
    m_table = new QTableWidget(this);
    m_table->setObjectName(u"conflictTable"_s);
    m_table->setColumnCount(6);
    m_table->setHorizontalHeaderLabels(
        {tr("Ticket"), tr("Action"), tr("By"), tr("Console"), tr("When"), tr("Why it did not apply")});
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();
    layout->addWidget(m_table);
    // Ticket numbers two consoles gave alike (issue 16): listed until one ticket of each is renumbered.
    m_numbers = new NumberClashesPanel(session, this);
    layout->addWidget(m_numbers);
    // Reference data edited on two consoles at once: for those who administer it.
    if (Permissions::allows(session.actor().role, Action::ManageConfig)) {
        m_reference = new ReferenceConflictsView(session, this);
        layout->addWidget(m_reference);
    }
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton *seen = buttons->addButton(tr("&Mark all as seen"), QDialogButtonBox::ActionRole);
    seen->setObjectName(u"conflictsSeen"_s);
    connect(seen, &QPushButton::clicked, this, &SyncConflictsDialog::markAllSeen);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(m_reference ? 1400 : 900, m_reference ? 600 : 400); // the reference rows need the width
    reload();
}

int SyncConflictsDialog::rowCount() const
{
    return m_table->rowCount();
}

void SyncConflictsDialog::reload()
{
    QSqlQuery q(m_session.workspace().database().sql());
    q.exec(u"SELECT coalesce(t.number, c.ticket_id), c.type, c.actor, c.console, c.at_ms, c.reason, c.seen "
           u"FROM sync_conflicts c LEFT JOIN tickets t ON t.id = c.ticket_id ORDER BY c.at_ms DESC"_s);
    m_table->setRowCount(0);
    const QTimeZone zone = m_session.sla().calendar().timeZone();
    while (q.next()) {
        const int row = m_table->rowCount();
        m_table->insertRow(row);
        const auto type = eventTypeFromCode(q.value(1).toString());
        const QString when = QDateTime::fromMSecsSinceEpoch(q.value(4).toLongLong(), zone).toString(u"yyyy-MM-dd HH:mm:ss"_s);
        const QStringList cells{q.value(0).toString(), type ? DisplayNames::of(*type) : q.value(1).toString(),
                                q.value(2).toString(), q.value(3).toString(), when, q.value(5).toString()};
        for (int c = 0; c < cells.size(); ++c) {
            auto *item = new QTableWidgetItem(cells.at(c));
            if (q.value(6).toInt() == 0) {
                QFont bold = item->font();
                bold.setBold(true);
                item->setFont(bold);
            }
            m_table->setItem(row, c, item);
        }
    }
    m_table->resizeColumnsToContents();
    if (m_numbers)
        m_numbers->reload();
}

void SyncConflictsDialog::markAllSeen()
{
    QString error;
    if (!m_session.workspace().database().exec(u"UPDATE sync_conflicts SET seen = 1 WHERE seen = 0"_s, &error)) {
        Prompts::warning(this, windowTitle(), error);
        return;
    }
    if (m_reference && !m_reference->markAllSeen())
        return;
    m_session.syncNow(); // the status bar's count comes from the next pass
    reload();
}

} // namespace hotline
