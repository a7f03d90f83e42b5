#include "dispatch/DispatchExtensionPage.h"

#include "department/DeskTable.h"
#include "dispatch/DispatchTransfer.h"
#include "service/TicketQueries.h"
#include "service/TicketService.h"
#include "service/Workspace.h"
#include "support/ConsoleSession.h"
#include "support/Prompts.h"

#include <QHBoxLayout>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace hotline {
namespace {

DispatchExtensionRequest latestRequest(const QList<TicketEvent> &history)
{
    for (auto it = history.crbegin(); it != history.crend(); ++it) {
        if (it->type == EventType::ExtensionRequested)
            return {it->payload.value(Key::Days).toInt(), it->payload.value(Key::Reason).toString(), it->atMs,
                    it->actor};
    }
    return {};
}

} // namespace

DispatchExtensionPage::DispatchExtensionPage(ConsoleSession &session, QWidget *parent)
    : DispatchPage(session, parent)
    , m_requests(&latestRequest)
{
    setObjectName(u"extensionRequestsPage"_s);
    m_model = new DispatchExtensionModel(this);
    m_table = new QTableView(this);
    m_table->setObjectName(u"extensionRequests"_s);
    m_proxy
        = DeskTable::attach(m_table, m_model, DispatchExtensionModel::RawRole, DispatchExtensionModel::TicketIdRole);
    m_table->sortByColumn(DispatchExtensionModel::Deadline, Qt::AscendingOrder);
    DeskTable::fitColumns(m_table,
                          {{DispatchExtensionModel::Number, DeskTable::sampleNumber()},
                           {DispatchExtensionModel::Department, DeskTable::sampleDepartment()},
                           {DispatchExtensionModel::Days, tr("%n working day(s)", nullptr, 30)},
                           {DispatchExtensionModel::Requested, DeskTable::sampleMinute()},
                           {DispatchExtensionModel::Deadline, DeskTable::sampleMinute()},
                           {DispatchExtensionModel::Summary, u"路灯不亮，晚上很黑，影响出行安全"_s}},
                          DispatchExtensionModel::Reason);

    m_approve = new QPushButton(tr("&Approve"), this);
    m_approve->setObjectName(u"approveExtension"_s);
    m_approve->setToolTip(tr("Give the selected tickets the extra working days asked for"));
    m_refuse = new QPushButton(tr("&Refuse…"), this);
    m_refuse->setObjectName(u"refuseExtension"_s);
    m_refuse->setToolTip(tr("Refuse the request, with a reason for the department"));
    m_transfer = new QPushButton(tr("&Transfer…"), this);
    m_transfer->setObjectName(u"extensionTransfer"_s);
    m_transfer->setToolTip(tr("Hand the ticket to another department with a new time limit"));

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_approve);
    buttons->addWidget(m_refuse);
    buttons->addWidget(m_transfer);
    buttons->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_table, 1);
    layout->addLayout(buttons);

    connect(m_approve, &QPushButton::clicked, this, &DispatchExtensionPage::approveSelected);
    connect(m_refuse, &QPushButton::clicked, this, &DispatchExtensionPage::refuseCurrent);
    connect(m_transfer, &QPushButton::clicked, this, &DispatchExtensionPage::transferCurrent);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &DispatchExtensionPage::updateActions);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &DispatchExtensionPage::updateActions);
    connect(m_table, &QTableView::doubleClicked, this,
            [this](const QModelIndex &i) { openDetail(i.data(DispatchExtensionModel::TicketIdRole).toString()); });
    updateActions();
}

void DispatchExtensionPage::refresh()
{
    TicketQueries &queries = m_session.workspace().queries();
    const Actor &actor = m_session.actor();
    QHash<QString, QString> names;
    for (const Department &d : queries.departments())
        names.insert(d.code, d.name);
    QList<DispatchExtensionModel::Row> rows;
    m_requests.begin();
    for (const Ticket &t : queries.pendingExtensions(actor))
        rows << DispatchExtensionModel::Row {t, names.value(t.department), m_requests.get(queries, actor, t)};
    m_requests.end();
    const DeskTable::Selection saved = DeskTable::save(m_table, DispatchExtensionModel::TicketIdRole);
    m_model->setRows(std::move(rows), m_session.sla().calendar());
    DeskTable::restore(m_table, saved, DispatchExtensionModel::TicketIdRole);
    if (!m_table->currentIndex().isValid() && m_proxy->rowCount() > 0)
        m_table->selectionModel()->setCurrentIndex(m_proxy->index(0, 0),
                                                   QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    updateActions();
}

void DispatchExtensionPage::updateActions()
{
    const bool any = m_table->currentIndex().isValid() || m_table->selectionModel()->hasSelection();
    m_approve->setEnabled(any);
    m_refuse->setEnabled(m_table->currentIndex().isValid());
    m_transfer->setEnabled(m_table->currentIndex().isValid());
}

void DispatchExtensionPage::approveSelected()
{
    QStringList ids = DeskTable::selectedIds(m_table, DispatchExtensionModel::TicketIdRole);
    if (ids.isEmpty() && m_table->currentIndex().isValid())
        ids << DeskTable::currentId(m_table, DispatchExtensionModel::TicketIdRole);
    if (ids.isEmpty()) {
        Q_EMIT message(tr("Select the requests to approve."), true);
        return;
    }
    TicketService &service = m_session.workspace().tickets();
    QStringList done;
    QStringList errors;
    for (const QString &id : std::as_const(ids)) {
        const Ticket t = m_session.workspace().queries().ticket(m_session.actor(), id).value_or(Ticket {});
        QString error;
        if (service.decideExtension(m_session.actor(), id, true, QString(), &error))
            done << t.number;
        else
            errors << error;
    }
    if (errors.isEmpty())
        Q_EMIT message(tr("Extension approved for %1; the new deadline is in force.").arg(done.join(u", "_s)), false);
    else
        Q_EMIT message(tr("%1 approved, %2 refused by the system: %3")
                           .arg(done.size())
                           .arg(errors.size())
                           .arg(errors.join(u"; "_s)),
                       true);
}

void DispatchExtensionPage::refuseCurrent()
{
    const QString id = DeskTable::currentId(m_table, DispatchExtensionModel::TicketIdRole);
    if (id.isEmpty()) {
        Q_EMIT message(tr("Select the request to refuse."), true);
        return;
    }
    const QString number = m_table->currentIndex().siblingAtColumn(DispatchExtensionModel::Number).data().toString();
    const std::optional<QString> reason
        = Prompts::askText(this, tr("Refuse the extension for ticket %1").arg(number),
                           tr("Why is the extension refused? The department sees this reason."));
    if (!reason)
        return;
    if (reason->trimmed().isEmpty()) {
        Q_EMIT message(tr("Give the reason for refusing; the request for ticket %1 is still waiting.").arg(number),
                       true);
        return;
    }
    QString error;
    if (m_session.workspace().tickets().decideExtension(m_session.actor(), id, false, reason->trimmed(), &error))
        Q_EMIT message(tr("Extension for ticket %1 refused; the deadline stays.").arg(number), false);
    else
        Q_EMIT message(error, true);
}

void DispatchExtensionPage::transferCurrent()
{
    const DispatchTransfer::Outcome outcome
        = DispatchTransfer::run(this, m_session, DeskTable::currentId(m_table, DispatchExtensionModel::TicketIdRole));
    if (!outcome.cancelled)
        Q_EMIT message(outcome.message, outcome.error);
}

} // namespace hotline
