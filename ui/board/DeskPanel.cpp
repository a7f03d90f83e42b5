#include "board/DeskPanel.h"

#include "auth/Permissions.h"
#include "board/BoardDotDelegate.h"
#include "board/DeskColours.h"
#include "board/DeskModel.h"
#include "support/ConsoleSession.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace hotline {

bool DeskPanel::offeredTo(const ConsoleSession &session)
{
    const Role role = session.actor().role;
    return Permissions::allows(role, Action::Dispatch) || Permissions::allows(role, Action::ViewAccountability);
}

DeskPanel::DeskPanel(ConsoleSession &session, QWidget *parent) : QFrame(parent), m_session(session)
{
    setObjectName(u"deskPanel"_s);
    setFrameShape(QFrame::StyledPanel);
    m_model = new DeskModel(session, this);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 6, 8, 6);
    auto *head = new QHBoxLayout;
    auto *title = new QLabel(tr("调度台 / Dispatch desk"), this);
    title->setObjectName(u"deskTitle"_s);
    QFont bold = title->font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * 1.3);
    title->setFont(bold);
    head->addWidget(title);
    head->addSpacing(16);
    head->addWidget(makeCount(u"deskMagentaCount"_s, tr("Magenta · past the limit"), DeskColours::dot(DeskColour::Magenta), &m_magenta));
    head->addWidget(makeCount(u"deskAmberCount"_s, tr("Amber · limit near"), DeskColours::dot(DeskColour::Amber), &m_amber));
    head->addWidget(makeCount(u"deskBlueCount"_s, tr("Blue · in time"), DeskColours::dot(DeskColour::Blue), &m_blue));
    head->addStretch(1);
    layout->addLayout(head);

    const DeskClock &clock = m_model->clock();
    auto *legend = new QLabel(this);
    legend->setObjectName(u"deskLegend"_s);
    legend->setWordWrap(true);
    legend->setText(tr("The centre's own clocks, not a department's: a ticket may wait %1 of working time for "
                       "dispatch or re-dispatch and %2 for the callback after a reply. Blue: in time; amber: "
                       "within %3 (dispatch) or %4 (callback) of the limit; magenta: past the limit.")
                        .arg(DeskModel::formatWorking(clock.limitSeconds(DeskStage::Dispatch), clock.calendar().dayLengthSeconds()),
                             DeskModel::formatWorking(clock.limitSeconds(DeskStage::Callback), clock.calendar().dayLengthSeconds()),
                             DeskModel::formatWorking(clock.amberSeconds(DeskStage::Dispatch), 0),
                             DeskModel::formatWorking(clock.amberSeconds(DeskStage::Callback), 0)));
    layout->addWidget(legend);
    m_reminders = new QLabel(this);
    m_reminders->setObjectName(u"deskReminders"_s);
    m_reminders->setWordWrap(true);
    layout->addWidget(m_reminders);

    m_table = new QTableView(this);
    m_table->setObjectName(u"deskTable"_s);
    m_table->setModel(m_model);
    m_table->setItemDelegateForColumn(DeskModel::Dot, new BoardDotDelegate(m_table));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setWordWrap(false);
    m_table->setShowGrid(false);
    m_table->verticalHeader()->setVisible(false);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 10);
    QHeaderView *columns = m_table->horizontalHeader();
    columns->setSectionResizeMode(QHeaderView::Interactive);
    columns->setSectionResizeMode(DeskModel::Summary, QHeaderView::Stretch);
    const QFontMetrics fm = m_table->fontMetrics();
    const auto widthOf = [&fm](const QString &sample) { return fm.horizontalAdvance(sample) + 2 * fm.averageCharWidth() + 8; };
    columns->resizeSection(DeskModel::Dot, std::max(28, fm.height() + 10));
    columns->resizeSection(DeskModel::Number, widthOf(u"250303-01-000000"_s));
    columns->resizeSection(DeskModel::Stage, widthOf(tr("Waiting for re-dispatch")));
    columns->resizeSection(DeskModel::Since, widthOf(u"2025-03-03 17:30"_s));
    columns->resizeSection(DeskModel::Waited, widthOf(DeskModel::formatWorking(99 * 25200 + 6 * 3600, 25200)));
    columns->resizeSection(DeskModel::Remaining, widthOf(DeskModel::formatWorking(-99 * 25200 - 6 * 3600, 25200)));
    columns->resizeSection(DeskModel::Deadline, widthOf(u"2025-03-03 17:30"_s));
    columns->resizeSection(DeskModel::Reminder, widthOf(tr("sent 03-03 17:30")));
    layout->addWidget(m_table, 1);

    connect(m_table, &QAbstractItemView::activated, this,
            [this](const QModelIndex &index) { Q_EMIT ticketActivated(index.data(DeskModel::TicketIdRole).toString()); });
    connect(m_model, &DeskModel::countsChanged, this, &DeskPanel::updateCounts);
    updateCounts(m_model->snapshot().magenta, m_model->snapshot().amber, m_model->snapshot().blue);
}

QWidget *DeskPanel::makeCount(const QString &objectName, const QString &caption, const QColor &colour, QLabel **number)
{
    auto *box = new QWidget(this);
    auto *h = new QHBoxLayout(box);
    h->setContentsMargins(8, 0, 16, 0);
    *number = new QLabel(u"0"_s, box);
    (*number)->setObjectName(objectName);
    QFont big = (*number)->font();
    big.setPointSizeF(big.pointSizeF() * 1.8);
    big.setBold(true);
    (*number)->setFont(big);
    QPalette p = (*number)->palette();
    p.setColor(QPalette::WindowText, colour);
    (*number)->setPalette(p);
    auto *label = new QLabel(caption, box);
    label->setBuddy(*number);
    h->addWidget(*number);
    h->addWidget(label);
    return box;
}

void DeskPanel::updateCounts(int magenta, int amber, int blue)
{
    m_magenta->setText(QString::number(magenta));
    m_amber->setText(QString::number(amber));
    m_blue->setText(QString::number(blue));
    const DeskSnapshot &desk = m_model->snapshot();
    // Never claim a reminder that cannot be sent.
    m_reminders->setText(desk.remindersOn()
                             ? tr("Reminders: an SMS to the dispatch desk's %n duty phone(s) when a ticket turns amber, "
                                  "once per wait.", nullptr, desk.dutyPhones)
                             : tr("Reminders are off: no duty phones are configured for the dispatch desk "
                                  "(setting dispatch.duty_phones)."));
}

} // namespace hotline
