#include "department/DepartmentDesk.h"

#include "auth/Permissions.h"
#include "board/BoardDotDelegate.h"
#include "board/TicketDetailDialog.h"
#include "department/DeskTable.h"
#include "department/DeskText.h"
#include "department/DeskTicketDetail.h"
#include "department/DeskTicketModel.h"
#include "domain/DisplayNames.h"
#include "service/TicketQueries.h"
#include "service/TicketService.h"
#include "service/Workspace.h"
#include "support/ConsoleSession.h"
#include "support/Prompts.h"
#include "util/Clock.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace hotline {
namespace {

constexpr int kDefaultExtensionDays = 5;

QPushButton *button(const QString &objectName, const QString &text, const QString &tip, QWidget *parent)
{
    auto *b = new QPushButton(text, parent);
    b->setObjectName(objectName);
    b->setToolTip(tip);
    return b;
}

} // namespace

DepartmentDesk::DepartmentDesk(ConsoleSession &session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
{
    setObjectName(u"departmentDesk"_s);
    m_stack = new QStackedWidget(this);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);

    if (!hasDesk()) {
        const Actor &actor = m_session.actor();
        auto *empty = new QLabel(m_stack);
        empty->setObjectName(u"deskEmptyState"_s);
        empty->setAlignment(Qt::AlignCenter);
        empty->setWordWrap(true);
        empty->setMargin(24);
        empty->setText(Permissions::grant(actor.role, Action::Reply) == Grant::OwnDepartment
                           ? tr("Your account is not bound to a department yet, so there is no desk to show. "
                                "Ask an administrator to set your department.")
                           : tr("The department desk shows a department's own tickets to its liaison. You are "
                                "signed in as %1 (%2), which has no department desk.")
                                 .arg(actor.user, DisplayNames::of(actor.role)));
        m_stack->addWidget(empty);
        return;
    }
    m_stack->addWidget(buildDesk());
    connect(&m_session, &ConsoleSession::ticketsChanged, this, &DepartmentDesk::refresh);
    connect(&m_session, &ConsoleSession::tick, m_model, &DeskTicketModel::setNow);
    refresh();
}

bool DepartmentDesk::hasDesk() const
{
    const Actor &actor = m_session.actor();
    return Permissions::grant(actor.role, Action::Reply) == Grant::OwnDepartment && !actor.department.isEmpty();
}

QWidget *DepartmentDesk::buildDesk()
{
    auto *page = new QWidget(m_stack);
    m_title = new QLabel(page);
    m_title->setObjectName(u"deskTitle"_s);
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.25);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_count = new QLabel(page);
    m_count->setObjectName(u"deskCount"_s);

    m_model = new DeskTicketModel(this);
    m_table = new QTableView(page);
    m_table->setObjectName(u"deskTable"_s);
    m_proxy = DeskTable::attach(m_table, m_model, DeskTicketModel::RawRole, DeskTicketModel::TicketIdRole);
    m_table->setItemDelegateForColumn(DeskTicketModel::Dot, new BoardDotDelegate(m_table));
    m_table->hideColumn(DeskTicketModel::Department); // it is always the liaison's own
    m_table->sortByColumn(DeskTicketModel::Remaining, Qt::AscendingOrder); // most urgent first
    DeskTable::fitColumns(m_table, DeskTicketModel::columnSamples(), DeskTicketModel::Summary, true);

    m_detail = new DeskTicketDetail(m_session, page);

    m_sign = button(u"signButton"_s, tr("&Sign for"),
                    tr("Confirm that the department has received the selected tickets"), page);
    m_reply = button(u"replyButton"_s, tr("&Reply…"), tr("Write the department's reply; the countdown stops"), page);
    m_extension
        = button(u"extensionButton"_s, tr("Request e&xtension…"), tr("Ask the dispatcher for more working days"), page);
    m_return = button(u"returnButton"_s, tr("Re&turn…"),
                      tr("Send a ticket that does not belong to this department back to dispatch"), page);
    connect(m_sign, &QPushButton::clicked, this, &DepartmentDesk::signSelected);
    connect(m_reply, &QPushButton::clicked, this, &DepartmentDesk::replyCurrent);
    connect(m_extension, &QPushButton::clicked, this, &DepartmentDesk::requestExtension);
    connect(m_return, &QPushButton::clicked, this, &DepartmentDesk::returnCurrent);
    m_files = button(u"filesButton"_s, tr("&Photos and files…"),
                     tr("The ticket in full, with its photos and documents: attach before and after photos"), page);
    connect(m_files, &QPushButton::clicked, this, [this] {
        if (const std::optional<Ticket> t = currentTicket()) {
            auto *dialog = new TicketDetailDialog(m_session, t->id, this);
            dialog->setAttribute(Qt::WA_DeleteOnClose);
            dialog->show();
        }
    });

    m_message = new QLabel(page);
    m_message->setObjectName(u"deskMessage"_s);
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_sign);
    buttons->addWidget(m_reply);
    buttons->addWidget(m_extension);
    buttons->addWidget(m_return);
    buttons->addWidget(m_files);
    buttons->addStretch();

    auto *left = new QWidget(page);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_table);
    leftLayout->addLayout(buttons);
    leftLayout->addWidget(m_message);

    auto *splitter = new QSplitter(Qt::Horizontal, page);
    splitter->addWidget(left);
    splitter->addWidget(m_detail);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({900, 340});

    auto *layout = new QVBoxLayout(page);
    auto *header = new QHBoxLayout;
    header->addWidget(m_title);
    header->addStretch();
    header->addWidget(m_count);
    layout->addLayout(header);
    layout->addWidget(splitter, 1);

    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] {
        updateDetail();
        updateActions();
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &DepartmentDesk::updateActions);
    return page;
}

void DepartmentDesk::refresh()
{
    if (!hasDesk())
        return;
    const Actor &actor = m_session.actor();
    TicketQueries &queries = m_session.workspace().queries();
    const QString name = queries.departmentName(actor.department);
    m_title->setText(tr("Open tickets of %1").arg(DeskText::department(name, actor.department)));
    const DeskTable::Selection saved = DeskTable::save(m_table, DeskTicketModel::TicketIdRole);
    m_model->setTickets(queries.departmentTickets(actor, actor.department), {{actor.department, name}}, m_session.sla(),
                        m_session.clock().nowSecs());
    DeskTable::restore(m_table, saved, DeskTicketModel::TicketIdRole);
    if (!m_table->currentIndex().isValid() && m_proxy->rowCount() > 0)
        m_table->selectionModel()->setCurrentIndex(m_proxy->index(0, 0),
                                                   QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    updateCount();
    updateDetail();
    updateActions();
}

std::optional<Ticket> DepartmentDesk::currentTicket() const
{
    const QModelIndex current = m_table->currentIndex();
    if (!current.isValid())
        return std::nullopt;
    return m_model->ticketAt(m_proxy->mapToSource(current).row());
}

void DepartmentDesk::showMessage(const QString &text, bool error)
{
    m_message->setText(text);
    m_message->setStyleSheet(error ? u"color: #b71c1c; font-weight: bold;"_s : QString());
}

void DepartmentDesk::refused(const QString &error)
{
    // The ticket may have moved on meanwhile (another console transferred it, say): show the desk as it is now.
    refresh();
    showMessage(error, true);
}

void DepartmentDesk::updateCount()
{
    int waiting = 0;
    for (int r = 0; r < m_model->rowCount(); ++r) {
        if (m_model->ticketAt(r).state == TicketState::Dispatched)
            ++waiting;
    }
    m_count->setText(tr("%1 open, %2 waiting to be signed for").arg(m_model->rowCount()).arg(waiting));
}

void DepartmentDesk::updateDetail()
{
    const std::optional<Ticket> t = currentTicket();
    if (!t) {
        m_detail->showNothing();
        return;
    }
    TicketQueries &queries = m_session.workspace().queries();
    m_detail->showTicket(*t, queries.history(m_session.actor(), t->id), m_session.sla(),
                         [&queries](const QString &code) { return queries.departmentName(code); });
}

void DepartmentDesk::updateActions()
{
    const std::optional<Ticket> t = currentTicket();
    const bool withUs = t && (t->state == TicketState::Dispatched || t->state == TicketState::Signed);
    bool anyToSign = false;
    for (const QModelIndex &i : m_table->selectionModel()->selectedRows()) {
        if (m_model->ticketAt(m_proxy->mapToSource(i).row()).state == TicketState::Dispatched)
            anyToSign = true;
    }
    m_sign->setEnabled(anyToSign);
    m_reply->setEnabled(withUs);
    m_extension->setEnabled(withUs && !t->extensionPending);
    m_return->setEnabled(withUs);
    m_files->setEnabled(t.has_value());
}

void DepartmentDesk::signSelected()
{
    const QStringList ids = DeskTable::selectedIds(m_table, DeskTicketModel::TicketIdRole);
    TicketService &service = m_session.workspace().tickets();
    QStringList failures;
    int signedFor = 0;
    for (const QString &id : ids) {
        QString error;
        if (service.sign(m_session.actor(), id, &error))
            ++signedFor;
        else
            failures << error;
    }
    if (failures.isEmpty())
        showMessage(tr("Signed for %n ticket(s).", nullptr, signedFor), false);
    else
        refused(tr("Signed for %n ticket(s); %1 refused: %2", nullptr, signedFor)
                    .arg(failures.size())
                    .arg(failures.join(u"; "_s)));
}

void DepartmentDesk::replyCurrent()
{
    const std::optional<Ticket> t = currentTicket();
    if (!t) {
        showMessage(tr("Select the ticket to reply to."), true);
        return;
    }
    const std::optional<QString> text
        = Prompts::askText(this, tr("Reply to ticket %1").arg(t->number),
                           tr("What the department did and the result, for the callback to the citizen:"), true);
    if (!text)
        return;
    QString error;
    if (m_session.workspace().tickets().reply(m_session.actor(), t->id, *text, &error))
        showMessage(tr("Ticket %1 replied; its countdown has stopped.").arg(t->number), false);
    else
        refused(error);
}

void DepartmentDesk::requestExtension()
{
    const std::optional<Ticket> t = currentTicket();
    if (!t) {
        showMessage(tr("Select the ticket that needs more time."), true);
        return;
    }
    const std::optional<int> days = Prompts::askNumber(this, tr("Extension for ticket %1").arg(t->number),
                                                       tr("Extra working days (1–30):"), kDefaultExtensionDays, 1, 30);
    if (!days)
        return;
    const std::optional<QString> reason = Prompts::askText(this, tr("Extension for ticket %1").arg(t->number),
                                                           tr("Why does the department need more time?"), true);
    if (!reason)
        return;
    QString error;
    if (m_session.workspace().tickets().requestExtension(m_session.actor(), t->id, *days, *reason, &error))
        showMessage(tr("Extension of %n working day(s) requested for ticket %1; the dispatcher decides.", nullptr, *days)
                        .arg(t->number),
                    false);
    else
        refused(error);
}

void DepartmentDesk::returnCurrent()
{
    const std::optional<Ticket> t = currentTicket();
    if (!t) {
        showMessage(tr("Select the ticket to return."), true);
        return;
    }
    const std::optional<QString> reason = Prompts::askText(
        this, tr("Return ticket %1").arg(t->number),
        tr("Why does this ticket not belong to your department? It goes back to the dispatch queue with this reason."),
        true);
    if (!reason)
        return;
    QString error;
    if (m_session.workspace().tickets().returnTicket(m_session.actor(), t->id, *reason, &error))
        showMessage(tr("Ticket %1 returned to the dispatch queue.").arg(t->number), false);
    else
        refused(error);
}

} // namespace hotline
