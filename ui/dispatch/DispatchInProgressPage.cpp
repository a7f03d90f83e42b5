#include "dispatch/DispatchInProgressPage.h"

#include "board/BoardDotDelegate.h"
#include "department/DeskTable.h"
#include "department/DeskText.h"
#include "department/DeskTicketModel.h"
#include "dispatch/DispatchTransfer.h"
#include "service/TicketQueries.h"
#include "service/Workspace.h"
#include "support/ConsoleSession.h"
#include "util/Clock.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace hotline {

DispatchInProgressPage::DispatchInProgressPage(ConsoleSession &session, QWidget *parent)
    : DispatchPage(session, parent)
{
    setObjectName(u"inProgressPage"_s);
    m_model = new DeskTicketModel(this);
    m_table = new QTableView(this);
    m_table->setObjectName(u"inProgress"_s);
    m_proxy = DeskTable::attach(m_table, m_model, DeskTicketModel::RawRole, DeskTicketModel::TicketIdRole);
    m_table->setItemDelegateForColumn(DeskTicketModel::Dot, new BoardDotDelegate(m_table));
    m_table->sortByColumn(DeskTicketModel::Remaining, Qt::AscendingOrder);
    DeskTable::fitColumns(m_table, DeskTicketModel::columnSamples(), DeskTicketModel::Summary, true);

    m_department = new QComboBox(this);
    m_department->setObjectName(u"inProgressDepartment"_s);
    m_department->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    auto *filterLabel = new QLabel(tr("&Department:"), this);
    filterLabel->setBuddy(m_department);
    m_transfer = new QPushButton(tr("&Transfer…"), this);
    m_transfer->setObjectName(u"transferButton"_s);
    m_transfer->setToolTip(tr("Hand the current ticket to another department with a new time limit"));

    auto *top = new QHBoxLayout;
    top->addWidget(filterLabel);
    top->addWidget(m_department);
    top->addStretch();
    top->addWidget(m_transfer);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_table, 1);

    connect(m_transfer, &QPushButton::clicked, this, &DispatchInProgressPage::transferCurrent);
    connect(m_department, &QComboBox::currentIndexChanged, this, &DispatchInProgressPage::refresh);
    connect(&m_session, &ConsoleSession::tick, m_model, &DeskTicketModel::setNow);
    connect(m_table, &QTableView::doubleClicked, this,
            [this](const QModelIndex &i) { openDetail(i.data(DeskTicketModel::TicketIdRole).toString()); });
}

void DispatchInProgressPage::refresh()
{
    TicketQueries &queries = m_session.workspace().queries();
    const Actor &actor = m_session.actor();
    const QList<Department> departments = queries.departments();

    // The filter: all departments, then each one; keep the choice across refreshes.
    const QString chosen = m_department->currentData().toString();
    {
        const QSignalBlocker blocker(m_department);
        m_department->clear();
        m_department->addItem(tr("All departments"), QString());
        for (const Department &d : departments)
            m_department->addItem(DeskText::department(d.name, d.code), d.code);
        m_department->setCurrentIndex(std::max(0, m_department->findData(chosen)));
    }

    QHash<QString, QString> names;
    QList<Ticket> tickets;
    for (const Department &d : departments) {
        names.insert(d.code, d.name);
        if (!chosen.isEmpty() && d.code != chosen)
            continue;
        for (Ticket &t : queries.departmentTickets(actor, d.code)) {
            if (t.state == TicketState::Dispatched || t.state == TicketState::Signed) // not yet replied
                tickets << std::move(t);
        }
    }
    const DeskTable::Selection saved = DeskTable::save(m_table, DeskTicketModel::TicketIdRole);
    m_model->setTickets(std::move(tickets), std::move(names), m_session.sla(), m_session.clock().nowSecs());
    DeskTable::restore(m_table, saved, DeskTicketModel::TicketIdRole);
    if (!m_table->currentIndex().isValid() && m_proxy->rowCount() > 0)
        m_table->selectionModel()->setCurrentIndex(m_proxy->index(0, 0),
                                                   QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_transfer->setEnabled(m_proxy->rowCount() > 0);
}

void DispatchInProgressPage::transferCurrent()
{
    const DispatchTransfer::Outcome outcome
        = DispatchTransfer::run(this, m_session, DeskTable::currentId(m_table, DeskTicketModel::TicketIdRole));
    if (!outcome.cancelled)
        Q_EMIT message(outcome.message, outcome.error);
}

} // namespace hotline
