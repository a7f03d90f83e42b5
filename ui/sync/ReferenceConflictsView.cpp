#include "sync/ReferenceConflictsView.h"

#include "service/Workspace.h"
#include "sla/SlaClock.h"
#include "storage/Database.h"
#include "support/ConsoleSession.h"
#include "support/Prompts.h"
#include "sync/ReferenceConflicts.h"

#include <QDateTime>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QTimeZone>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace hotline {

namespace {

QString tableName(const QString &table)
{
    if (table == u"departments"_s)
        return ReferenceConflictsView::tr("Department");
    if (table == u"categories"_s)
        return ReferenceConflictsView::tr("Category");
    if (table == u"towns"_s)
        return ReferenceConflictsView::tr("Town");
    if (table == u"calendar_days"_s)
        return ReferenceConflictsView::tr("Calendar day");
    if (table == u"settings"_s)
        return ReferenceConflictsView::tr("Setting");
    if (table == u"users"_s)
        return ReferenceConflictsView::tr("User");
    return table;
}

} // namespace

ReferenceConflictsView::ReferenceConflictsView(ConsoleSession &session, QWidget *parent)
    : QWidget(parent), m_session(session)
{
    setObjectName(u"referenceConflicts"_s);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *title = new QLabel(tr("<b>Reference data edited on two consoles at once</b> (administrators): the later "
                                "edit is in force on every console; enter the other again if it should win."),
                             this);
    title->setWordWrap(true);
    layout->addWidget(title);
    m_table = new QTableWidget(this);
    m_table->setObjectName(u"referenceConflictTable"_s);
    m_table->setColumnCount(6);
    m_table->setHorizontalHeaderLabels({tr("Data"), tr("Row"), tr("Kept (in force)"), tr("Kept: by, console, when"),
                                        tr("Lost"), tr("Lost: by, console, when")});
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();
    layout->addWidget(m_table);
    reload();
}

int ReferenceConflictsView::rowCount() const
{
    return m_table->rowCount();
}

void ReferenceConflictsView::reload()
{
    QList<ReferenceConflict> list;
    QString error;
    ReferenceConflicts(m_session.workspace().database()).list(&list, &error);
    m_table->setRowCount(0);
    const QTimeZone zone = m_session.sla().calendar().timeZone();
    auto who = [&](const QString &by, const QString &console, qint64 ms) {
        return tr("%1, console %2, %3")
            .arg(by, console, QDateTime::fromMSecsSinceEpoch(ms, zone).toString(u"yyyy-MM-dd HH:mm:ss"_s));
    };
    for (const ReferenceConflict &c : std::as_const(list)) {
        const int row = m_table->rowCount();
        m_table->insertRow(row);
        const QStringList cells{tableName(c.table),
                                c.key,
                                ReferenceConflicts::describe(c.keptContent),
                                who(c.keptBy, c.keptConsole, c.keptEditedMs),
                                ReferenceConflicts::describe(c.lostContent),
                                who(c.lostBy, c.lostConsole, c.lostEditedMs)};
        for (int col = 0; col < cells.size(); ++col) {
            auto *item = new QTableWidgetItem(cells.at(col));
            item->setToolTip(cells.at(col));
            if (!c.seen) {
                QFont bold = item->font();
                bold.setBold(true);
                item->setFont(bold);
            }
            m_table->setItem(row, col, item);
        }
    }
    m_table->resizeColumnsToContents();
}

bool ReferenceConflictsView::markAllSeen()
{
    QString error;
    if (!ReferenceConflicts(m_session.workspace().database()).markAllSeen(&error)) {
        Prompts::warning(this, tr("Reference conflicts"), error);
        return false;
    }
    reload();
    return true;
}

} // namespace hotline
