#include "dispatch/DispatchCallbackPage.h"

#include "department/DeskTable.h"
#include "auth/Permissions.h"
#include "domain/DisplayNames.h"
#include "privacy/CallerReveal.h"
#include "service/TicketQueries.h"
#include "service/TicketService.h"
#include "service/Workspace.h"
#include "storage/EventStore.h"
#include "support/ConsoleSession.h"
#include "support/Prompts.h"

#include <QHBoxLayout>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace hotline {
namespace {

QString latestReply(const QList<TicketEvent> &history)
{
    for (auto it = history.crbegin(); it != history.crend(); ++it) {
        if (it->type == EventType::Replied)
            return it->payload.value(Key::Text).toString();
    }
    return {};
}

} // namespace

DispatchCallbackPage::DispatchCallbackPage(ConsoleSession &session, QWidget *parent)
    : DispatchPage(session, parent)
    , m_replies(&latestReply)
{
    setObjectName(u"callbackPage"_s);
    m_model = new DispatchCallbackModel(this);
    m_table = new QTableView(this);
    m_table->setObjectName(u"awaitingCallback"_s);
    m_proxy = DeskTable::attach(m_table, m_model, DispatchCallbackModel::RawRole, DispatchCallbackModel::TicketIdRole);
    m_table->sortByColumn(DispatchCallbackModel::Replied, Qt::AscendingOrder);
    DeskTable::fitColumns(m_table,
                          {{DispatchCallbackModel::Number, DeskTable::sampleNumber()},
                           {DispatchCallbackModel::Department, DeskTable::sampleDepartment()},
                           {DispatchCallbackModel::Replied, DeskTable::sampleMinute()},
                           {DispatchCallbackModel::Caller, u"欧阳娜娜"_s},
                           {DispatchCallbackModel::Phone, u"0757-86280000"_s},
                           {DispatchCallbackModel::Summary, u"路灯不亮，晚上很黑，影响出行安全"_s}},
                          DispatchCallbackModel::Reply);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection); // one call at a time

    m_callback = new QPushButton(tr("Record &callback…"), this);
    m_callback->setObjectName(u"callbackButton"_s);
    m_callback->setToolTip(tr("Record the caller's satisfaction and close the ticket"));
    auto *buttons = new QHBoxLayout;
    if (Permissions::allows(session.actor(), Action::ViewCallerInFull)) {
        m_reveal = new QPushButton(tr("Show &number"), this);
        m_reveal->setObjectName(u"callbackRevealButton"_s);
        m_reveal->setToolTip(tr("Show the selected caller's full name and phone number to call them back. "
                                "Each view is recorded in the access log."));
        connect(m_reveal, &QPushButton::clicked, this, &DispatchCallbackPage::revealCurrent);
        buttons->addWidget(m_reveal);
    }
    m_caller = new QLabel(this);
    m_caller->setObjectName(u"callbackCaller"_s);
    m_caller->setTextFormat(Qt::PlainText);
    m_caller->setTextInteractionFlags(Qt::TextSelectableByMouse);
    buttons->addWidget(m_caller);
    buttons->addStretch();
    buttons->addWidget(m_callback);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_table, 1);
    layout->addLayout(buttons);

    connect(m_callback, &QPushButton::clicked, this, &DispatchCallbackPage::callBackCurrent);
    // A revealed number belongs to one ticket: another selection hides it again.
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] {
        if (DeskTable::currentId(m_table, DispatchCallbackModel::TicketIdRole) != m_revealedId) {
            m_revealedId.clear();
            m_caller->clear();
        }
    });
    connect(m_table, &QTableView::doubleClicked, this,
            [this](const QModelIndex &i) { openDetail(i.data(DispatchCallbackModel::TicketIdRole).toString()); });
}

void DispatchCallbackPage::refresh()
{
    TicketQueries &queries = m_session.workspace().queries();
    const Actor &actor = m_session.actor();
    QHash<QString, QString> names;
    for (const Department &d : queries.departments())
        names.insert(d.code, d.name);
    QList<DispatchCallbackModel::Row> rows;
    m_replies.begin();
    for (const Ticket &t : queries.awaitingCallback(actor)) {
        // A follower answered by its parent's reply reads "follows 2026…".
        const QString parent = t.parentId.isEmpty() ? QString() : m_session.workspace().events().ticket(t.parentId).number;
        rows << DispatchCallbackModel::Row {t, names.value(t.department), m_replies.get(queries, actor, t), parent};
    }
    m_replies.end();
    const DeskTable::Selection saved = DeskTable::save(m_table, DispatchCallbackModel::TicketIdRole);
    m_model->setRows(std::move(rows), m_session.sla().calendar());
    DeskTable::restore(m_table, saved, DispatchCallbackModel::TicketIdRole);
    if (!m_table->currentIndex().isValid() && m_proxy->rowCount() > 0)
        m_table->selectionModel()->setCurrentIndex(m_proxy->index(0, 0),
                                                   QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_callback->setEnabled(m_proxy->rowCount() > 0);
    if (m_reveal)
        m_reveal->setEnabled(m_proxy->rowCount() > 0);
    if (DeskTable::currentId(m_table, DispatchCallbackModel::TicketIdRole) != m_revealedId) {
        m_revealedId.clear();
        m_caller->clear();
    }
}

bool DispatchCallbackPage::revealCurrent()
{
    const QString id = DeskTable::currentId(m_table, DispatchCallbackModel::TicketIdRole);
    if (id.isEmpty()) {
        Q_EMIT message(tr("Select the ticket whose caller you want to call."), true);
        return false;
    }
    QString error;
    const std::optional<RevealedCaller> caller = CallerReveal::reveal(m_session.workspace(), m_session.actor(), id,
                                                                      &error);
    if (!caller) {
        Q_EMIT message(error, true);
        return false;
    }
    m_revealedId = id;
    const QString name = caller->name.isEmpty() ? tr("anonymous") : caller->name;
    m_caller->setText(caller->phone.isEmpty() ? tr("%1 left no number").arg(name)
                                              : tr("Call %1 on %2").arg(name, caller->phone));
    return true;
}

void DispatchCallbackPage::callBackCurrent()
{
    const QString id = DeskTable::currentId(m_table, DispatchCallbackModel::TicketIdRole);
    if (id.isEmpty()) {
        Q_EMIT message(tr("Select the ticket you are calling back about."), true);
        return;
    }
    const QString number = m_table->currentIndex().siblingAtColumn(DispatchCallbackModel::Number).data().toString();
    const QList<Satisfaction> answers {Satisfaction::Satisfied, Satisfaction::Basic, Satisfaction::Unsatisfied};
    QStringList items;
    for (Satisfaction s : answers)
        items << DisplayNames::of(s);
    const std::optional<int> choice = Prompts::askChoice(this, tr("Callback for ticket %1").arg(number),
                                                         tr("How satisfied is the caller with the handling?"), items);
    if (!choice)
        return;
    if (*choice < 0 || *choice >= answers.size()) {
        Q_EMIT message(tr("Choose one of the answers offered."), true);
        return;
    }
    const Satisfaction answer = answers.at(*choice);
    TicketService &service = m_session.workspace().tickets();
    const Actor &actor = m_session.actor();
    QString error;
    if (!service.callback(actor, id, answer, QString(), &error)) {
        Q_EMIT message(error, true);
        return;
    }
    if (!service.close(actor, id, QString(), &error)) {
        Q_EMIT message(
            tr("The callback for ticket %1 is recorded, but the ticket could not be closed: %2").arg(number, error),
            true);
        return;
    }
    if (answer != Satisfaction::Unsatisfied) {
        Q_EMIT message(tr("Ticket %1 closed: %2.").arg(number, DisplayNames::of(answer)), false);
        return;
    }
    if (!Prompts::confirm(this, tr("Reopen ticket %1?").arg(number),
                          tr("The caller is unsatisfied. Reopen the ticket and send it back to the dispatch queue?"))) {
        Q_EMIT message(tr("Ticket %1 closed: the caller is unsatisfied.").arg(number), false);
        return;
    }
    if (!service.reopen(actor, id, tr("caller unsatisfied"), &error)) {
        Q_EMIT message(tr("Ticket %1 is closed but could not be reopened: %2").arg(number, error), true);
        return;
    }
    Q_EMIT message(tr("Ticket %1 reopened: it is back in the dispatch queue.").arg(number), false);
}

} // namespace hotline
