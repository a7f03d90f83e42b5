#include "board/TicketDetailDialog.h"

#include "board/AttachmentsPanel.h"
#include "board/CallerRevealPrompt.h"
#include "board/CitizenActions.h"
#include "board/BoardColours.h"
#include "board/BoardModel.h"
#include "board/EventDescriptions.h"
#include "board/UrgeAction.h"
#include "auth/Permissions.h"
#include "domain/DisplayNames.h"
#include "privacy/CallerPrivacy.h"
#include "service/TicketQueries.h"
#include "service/Workspace.h"
#include "storage/Database.h"
#include "support/ConsoleSession.h"
#include "support/Prompts.h"
#include "util/Clock.h"
#include "service/Followers.h"
#include "storage/EventStore.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSqlQuery>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace hotline {

TicketDetailDialog::TicketDetailDialog(ConsoleSession &session, const QString &ticketId, QWidget *parent)
    : QDialog(parent)
    , m_session(session)
    , m_ticketId(ticketId)
{
    setObjectName(u"ticketDetail"_s);
    setModal(false);
    resize(820, 780);

    auto *layout = new QVBoxLayout(this);
    m_number = new QLabel(this);
    m_number->setObjectName(u"detailNumber"_s);
    m_number->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont big = m_number->font();
    big.setPointSizeF(big.pointSizeF() * 1.6);
    big.setBold(true);
    m_number->setFont(big);
    layout->addWidget(m_number);

    m_form = new QFormLayout;
    m_form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    addField(u"detailState"_s, tr("State"));
    addField(u"detailCountdown"_s, tr("Countdown"));
    addField(u"detailDepartment"_s, tr("Department"));
    addField(u"detailDeadline"_s, tr("Deadline"));
    addField(u"detailChannel"_s, tr("Channel"));
    addField(u"detailType"_s, tr("Type"));
    addField(u"detailCategory"_s, tr("Category"));
    addField(u"detailTown"_s, tr("Town"));
    addField(u"detailCallerName"_s, tr("Caller"));
    addField(u"detailCallerPhone"_s, tr("Phone"));
    if (Permissions::allows(session.actor(), Action::ViewCallerInFull)) {
        m_revealButton = new QPushButton(tr("Show &number"), this);
        m_revealButton->setObjectName(u"detailRevealCaller"_s);
        m_revealButton->setToolTip(tr("Show the caller's full name and phone number. Each view is recorded in "
                                      "the access log."));
        connect(m_revealButton, &QPushButton::clicked, this, &TicketDetailDialog::revealCaller);
        m_form->addRow(QString(), m_revealButton);
    }
    addField(u"detailSummary"_s, tr("Summary"));
    addField(u"detailDetails"_s, tr("Details"));
    addField(u"detailPlace"_s, tr("Place"));
    addField(u"detailRegistered"_s, tr("Registered"));
    addField(u"detailDispatched"_s, tr("Dispatched"));
    addField(u"detailIncident"_s, tr("Same incident")); // merges: "follows N" or "followers: …"
    addField(u"detailFollowUps"_s, tr("Progress calls"));
    addField(u"detailCitizenSms"_s, tr("SMS to the caller"));
    layout->addLayout(m_form);

    // Photos and documents (issue 15): between the fields and the history.
    auto *filesLabel = new QLabel(tr("Photos and documents"), this);
    QFont filesFont = filesLabel->font();
    filesFont.setBold(true);
    filesLabel->setFont(filesFont);
    layout->addWidget(filesLabel);
    m_attachments = new AttachmentsPanel(session, ticketId, this);
    layout->addWidget(m_attachments);

    auto *historyLabel = new QLabel(tr("History"), this);
    QFont bold = historyLabel->font();
    bold.setBold(true);
    historyLabel->setFont(bold);
    layout->addWidget(historyLabel);

    m_timeline = new QTreeWidget(this);
    m_timeline->setObjectName(u"ticketTimeline"_s);
    m_timeline->setColumnCount(4);
    m_timeline->setHeaderLabels({tr("Time"), tr("Event"), tr("By"), tr("Details")});
    m_timeline->setRootIsDecorated(false);
    m_timeline->setUniformRowHeights(true);
    m_timeline->setSelectionMode(QAbstractItemView::SingleSelection);
    m_timeline->header()->setStretchLastSection(true);
    m_timeline->header()->resizeSection(TimeColumn, 150);
    m_timeline->header()->resizeSection(EventColumn, 170);
    m_timeline->header()->resizeSection(ActorColumn, 140);
    layout->addWidget(m_timeline, 1);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->button(QDialogButtonBox::Close)->setObjectName(u"detailCloseButton"_s);
    if (UrgeAction::offeredTo(session)) {
        m_urgeButton = buttons->addButton(tr("&Urge (督办)…"), QDialogButtonBox::ActionRole);
        m_urgeButton->setObjectName(u"detailUrgeButton"_s);
        m_urgeButton->setToolTip(tr("Urge the department to handle this ticket, with a note"));
        connect(m_urgeButton, &QPushButton::clicked, this, &TicketDetailDialog::urge);
    }
    if (CitizenActions::followUpOffered(session)) {
        m_followUpButton = buttons->addButton(tr("Record &progress call (催办)…"), QDialogButtonBox::ActionRole);
        m_followUpButton->setObjectName(u"detailFollowUpButton"_s);
        m_followUpButton->setToolTip(tr("The citizen called to ask about this ticket: record what they asked"));
        connect(m_followUpButton, &QPushButton::clicked, this, &TicketDetailDialog::recordFollowUp);
    }
    if (CitizenActions::smsToggleOffered(session)) {
        m_smsButton = buttons->addButton(QString(), QDialogButtonBox::ActionRole);
        m_smsButton->setObjectName(u"detailCitizenSmsButton"_s);
        connect(m_smsButton, &QPushButton::clicked, this, &TicketDetailDialog::toggleCitizenSms);
    }
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);

    connect(&session, &ConsoleSession::ticketsChanged, this, &TicketDetailDialog::onTicketsChanged);
    connect(&session, &ConsoleSession::tick, this, &TicketDetailDialog::updateCountdown);
    refresh();
}

QLabel *TicketDetailDialog::addField(const QString &objectName, const QString &label)
{
    auto *value = new QLabel(this);
    value->setObjectName(objectName);
    value->setWordWrap(true);
    value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    value->setTextFormat(Qt::PlainText);
    m_form->addRow(label, value);
    m_fields.insert(objectName, value);
    return value;
}

void TicketDetailDialog::onTicketsChanged(const QStringList &ids)
{
    if (ids.contains(m_ticketId))
        refresh();
}

void TicketDetailDialog::refresh()
{
    TicketQueries &queries = m_session.workspace().queries();
    const Actor &actor = m_session.actor();
    m_sla = m_session.sla();
    const WorkCalendar &calendar = m_sla.calendar();
    const std::optional<Ticket> t = queries.ticket(actor, m_ticketId);
    m_found = t.has_value();
    m_timeline->clear();
    if (!t) {
        m_number->setText(tr("Ticket not found"));
        setWindowTitle(tr("Ticket"));
        for (QLabel *l : std::as_const(m_fields))
            l->clear();
        if (m_urgeButton)
            m_urgeButton->setEnabled(false);
        for (QPushButton *b : {m_followUpButton, m_smsButton}) {
            if (b)
                b->setEnabled(false);
        }
        if (m_revealButton)
            m_revealButton->hide();
        m_revealed.reset();
        m_deadlineS.reset();
        return;
    }
    setWindowTitle(tr("Ticket %1").arg(t->number));
    // A renumbered ticket (two consoles gave its number alike) shows the numbers it had: a caller may read one.
    QStringList former;
    {
        QSqlQuery q(m_session.workspace().database().sql());
        q.prepare(u"SELECT number FROM ticket_former_numbers WHERE ticket_id = ? ORDER BY at_ms, event_id"_s);
        q.addBindValue(t->id);
        if (q.exec()) {
            while (q.next())
                former << q.value(0).toString();
        }
    }
    m_number->setText(former.isEmpty() ? t->number : tr("%1 (formerly %2)").arg(t->number, former.join(u", "_s)));
    const auto set = [this](const QString &name, const QString &text) { m_fields.value(name)->setText(text); };
    const auto when = [&calendar](std::optional<qint64> ms) -> QString {
        return ms ? EventDescriptions::localTime(*ms / 1000, calendar) : QString();
    };
    const auto departmentName = [&queries](const QString &code) -> QString {
        const QString name = queries.departmentName(code);
        return name.isEmpty() ? code : name;
    };

    set(u"detailState"_s, DisplayNames::of(t->state));
    set(u"detailDepartment"_s, t->department.isEmpty() ? tr("(in the dispatch queue)") : departmentName(t->department));
    set(u"detailDeadline"_s, t->deadlineS ? EventDescriptions::localTime(*t->deadlineS, calendar) : QString());
    set(u"detailChannel"_s, DisplayNames::of(t->channel));
    set(u"detailType"_s, tr("%1 · %2").arg(DisplayNames::of(t->type), DisplayNames::of(t->slaClass)));
    set(u"detailCategory"_s, t->category);
    set(u"detailTown"_s, t->town);
    // Full only as revealed (and logged) in this dialog, and only while the table still allows it.
    const bool offered = CallerReveal::offered(actor, *t);
    if (!offered)
        m_revealed.reset();
    if (m_revealed) {
        set(u"detailCallerName"_s, m_revealed->name.isEmpty() ? tr("anonymous") : m_revealed->name);
        set(u"detailCallerPhone"_s, m_revealed->phone.isEmpty() ? tr("—") : m_revealed->phone);
    } else {
        set(u"detailCallerName"_s, CallerPrivacy::shownName(t->callerName));
        set(u"detailCallerPhone"_s, CallerPrivacy::shownPhone(t->callerPhone));
    }
    if (m_revealButton) {
        m_revealButton->setVisible(offered);
        m_revealButton->setEnabled(!m_revealed);
    }
    set(u"detailSummary"_s, t->summary);
    set(u"detailDetails"_s, t->details);
    QString place = t->address;
    if (t->latitude && t->longitude)
        place += (place.isEmpty() ? QString() : u"  "_s)
                 + tr("(%1, %2)").arg(QString::number(*t->latitude, 'f', 6), QString::number(*t->longitude, 'f', 6));
    set(u"detailPlace"_s, place);
    if (m_attachments)
        m_attachments->refresh();
    set(u"detailRegistered"_s, when(t->registeredMs));
    set(u"detailDispatched"_s, when(t->dispatchedMs));
    {
        // Same incident, many callers: the ticket this one follows, or the ones following it.
        QStringList followers;
        for (const Ticket &f : Followers::direct(m_session.workspace().database(), t->id))
            followers << f.number;
        const QString parent = t->parentId.isEmpty() ? QString() : m_session.workspace().events().ticket(t->parentId).number;
        set(u"detailIncident"_s, !parent.isEmpty() ? tr("follows %1 (answered with it)").arg(parent)
                                 : !followers.isEmpty() ? tr("followers: %1").arg(followers.join(tr(", ")))
                                                        : QString());
        if (!parent.isEmpty() && t->department.isEmpty())
            set(u"detailDepartment"_s, tr("(follows %1)").arg(parent));
    }
    set(u"detailFollowUps"_s, t->followUps == 0 ? tr("none") : tr("%n call(s)", nullptr, t->followUps));
    set(u"detailCitizenSms"_s, CitizenActions::smsSummary(m_session.workspace(), *t));
    if (m_followUpButton)
        m_followUpButton->setEnabled(true);
    if (m_smsButton) {
        m_smsButton->setEnabled(true);
        m_smsButton->setText(t->citizenSms ? tr("Caller declines &SMS") : tr("Caller accepts &SMS again"));
    }

    m_deadlineS.reset();
    if (t->isCounting()) {
        m_deadlineS = t->deadlineS;
        updateCountdown(m_session.clock().nowSecs());
    } else if (t->repliedMs) {
        const QString on = t->replyOnTime.value_or(true) ? tr("on time") : tr("late");
        set(u"detailCountdown"_s, tr("Replied %1 (%2)").arg(when(t->repliedMs), on));
    } else {
        set(u"detailCountdown"_s, t->closedMs ? tr("Closed %1").arg(when(t->closedMs)) : tr("Not counting"));
    }
    if (m_urgeButton)
        m_urgeButton->setEnabled(t->isOpen());

    const QList<TicketEvent> events = queries.history(actor, m_ticketId);
    QList<QTreeWidgetItem *> items;
    items.reserve(events.size());
    for (const TicketEvent &e : events) {
        const QString details = EventDescriptions::details(e, calendar, departmentName);
        auto *item = new QTreeWidgetItem({EventDescriptions::localTime(e.atMs / 1000, calendar),
                                          DisplayNames::of(e.type), EventDescriptions::actor(e), details});
        item->setToolTip(DetailsColumn, details);
        item->setData(EventColumn, Qt::UserRole, int(e.type));
        items << item;
    }
    m_timeline->addTopLevelItems(items);
}

void TicketDetailDialog::updateCountdown(qint64 nowSecs)
{
    if (!m_deadlineS)
        return;
    const SlaClock &sla = m_sla;
    const Colour colour = sla.colour(nowSecs, *m_deadlineS);
    QLabel *label = m_fields.value(u"detailCountdown"_s);
    label->setText(
        tr("%1 · %2").arg(DisplayNames::of(colour), BoardModel::formatRemaining(sla.remaining(nowSecs, *m_deadlineS))));
    QPalette p = label->palette();
    p.setColor(QPalette::WindowText, BoardColours::dot(colour));
    label->setPalette(p);
}

bool TicketDetailDialog::revealCaller()
{
    std::optional<RevealedCaller> caller = CallerRevealPrompt::reveal(this, m_session, m_ticketId);
    if (!caller)
        return false;
    m_revealed = std::move(caller);
    refresh();
    return true;
}

void TicketDetailDialog::recordFollowUp()
{
    CitizenActions::recordFollowUp(this, m_session, m_ticketId); // the timeline follows through ticketsChanged
}

void TicketDetailDialog::toggleCitizenSms()
{
    CitizenActions::toggleCitizenSms(this, m_session, m_ticketId);
}

void TicketDetailDialog::urge()
{
    UrgeAction::run(this, m_session, m_ticketId); // the timeline follows through ticketsChanged
}

} // namespace hotline
