#include "board/BoardView.h"

#include "board/BoardColours.h"
#include "board/BoardDotDelegate.h"
#include "board/BoardFilterProxy.h"
#include "board/BoardModel.h"
#include "board/DeskPanel.h"
#include "board/TicketDetailDialog.h"
#include "board/UrgeAction.h"
#include "domain/DisplayNames.h"
#include "service/TicketQueries.h"
#include "service/Workspace.h"
#include "support/ConsoleSession.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSet>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace hotline {

BoardView::BoardView(ConsoleSession &session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
{
    setObjectName(u"boardView"_s);
    m_model = new BoardModel(session, this);
    m_proxy = new BoardFilterProxy(this);
    m_proxy->setSourceModel(m_model);

    auto *layout = new QVBoxLayout(this);

    auto *counts = new QHBoxLayout;
    counts->addWidget(makeCount(u"redCount"_s, tr("Red · overdue"), BoardColours::dot(Colour::Red), &m_red));
    counts->addWidget(
        makeCount(u"yellowCount"_s, tr("Yellow · due soon"), BoardColours::dot(Colour::Yellow), &m_yellow));
    counts->addWidget(makeCount(u"greenCount"_s, tr("Green · in time"), BoardColours::dot(Colour::Green), &m_green));
    counts->addStretch(1);
    layout->addLayout(counts);

    auto *filters = new QHBoxLayout;
    m_department = new QComboBox(this);
    m_department->setObjectName(u"departmentFilter"_s);
    m_department->setMinimumContentsLength(12);
    m_department->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_town = new QComboBox(this);
    m_town->setObjectName(u"townFilter"_s);
    m_type = new QComboBox(this);
    m_type->setObjectName(u"typeFilter"_s);
    m_search = new QLineEdit(this);
    m_search->setObjectName(u"numberSearch"_s);
    m_search->setPlaceholderText(tr("Find a number…"));
    m_search->setClearButtonEnabled(true);
    auto *departmentLabel = new QLabel(tr("&Department:"), this);
    departmentLabel->setBuddy(m_department);
    auto *townLabel = new QLabel(tr("&Town:"), this);
    townLabel->setBuddy(m_town);
    auto *typeLabel = new QLabel(tr("T&ype:"), this);
    typeLabel->setBuddy(m_type);
    filters->addWidget(departmentLabel);
    filters->addWidget(m_department);
    filters->addWidget(townLabel);
    filters->addWidget(m_town);
    filters->addWidget(typeLabel);
    filters->addWidget(m_type);
    filters->addWidget(m_search, 1);
    layout->addLayout(filters);

    m_table = new QTableView(this);
    m_table->setObjectName(u"boardTable"_s);
    m_table->setModel(m_proxy);
    m_table->setItemDelegateForColumn(BoardModel::Dot, new BoardDotDelegate(m_table));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setWordWrap(false);
    m_table->setTextElideMode(Qt::ElideRight);
    m_table->setShowGrid(false);
    m_table->setCornerButtonEnabled(false);
    // 100,000 rows: every row the same height and no column sized from its contents, so nothing ever
    // walks all rows to lay the table out.
    QHeaderView *rows = m_table->verticalHeader();
    rows->setVisible(false);
    rows->setSectionResizeMode(QHeaderView::Fixed);
    rows->setDefaultSectionSize(m_table->fontMetrics().height() + 10);
    QHeaderView *columns = m_table->horizontalHeader();
    columns->setSectionResizeMode(QHeaderView::Interactive);
    columns->setSectionResizeMode(BoardModel::Dot, QHeaderView::Fixed);
    columns->setSectionResizeMode(BoardModel::Summary, QHeaderView::Stretch);
    // Widths from typical contents, measured once (never by walking the rows).
    const QFontMetrics fm = m_table->fontMetrics();
    const auto widthOf
        = [&fm](const QString &sample) { return fm.horizontalAdvance(sample) + 2 * fm.averageCharWidth() + 8; };
    columns->resizeSection(BoardModel::Dot, std::max(28, fm.height() + 10));
    columns->resizeSection(BoardModel::Number, widthOf(u"250303-01-000000"_s));
    columns->resizeSection(BoardModel::Department, widthOf(u"城市管理和综合执法局"_s));
    columns->resizeSection(BoardModel::Town, widthOf(u"罗村街道"_s));
    columns->resizeSection(BoardModel::Type, widthOf(DisplayNames::of(TicketType::Suggestion)));
    columns->resizeSection(BoardModel::Deadline, widthOf(u"2025-03-03 17:30"_s));
    columns->resizeSection(BoardModel::Remaining, widthOf(BoardModel::formatRemaining(-99 * 3600 - 59 * 60 - 59)));
    columns->setMinimumSectionSize(24);
    // Sorting is explicit (the proxy does not re-sort on every tick); the board's own order is urgency.
    columns->setSectionsClickable(true);
    columns->setSortIndicatorShown(true);
    columns->setSortIndicator(BoardModel::Remaining, Qt::AscendingOrder);
    connect(columns, &QHeaderView::sortIndicatorChanged, this, &BoardView::applySort);
    if (DeskPanel::offeredTo(session)) {
        // The dispatch desk apart from the departments' countdown: the centre's own clocks, its own colours.
        auto *split = new QSplitter(Qt::Vertical, this);
        split->setObjectName(u"boardSplitter"_s);
        split->setChildrenCollapsible(false);
        split->addWidget(m_table);
        m_desk = new DeskPanel(session, split);
        split->addWidget(m_desk);
        split->setStretchFactor(0, 3);
        split->setStretchFactor(1, 2);
        connect(m_desk, &DeskPanel::ticketActivated, this, &BoardView::openTicket);
        layout->addWidget(split, 1);
    } else {
        layout->addWidget(m_table, 1);
    }

    auto *actions = new QHBoxLayout;
    m_shown = new QLabel(this);
    m_shown->setObjectName(u"boardShown"_s);
    actions->addWidget(m_shown, 1);
    m_open = new QPushButton(tr("&Open ticket"), this);
    m_open->setObjectName(u"boardOpenButton"_s);
    actions->addWidget(m_open);
    if (UrgeAction::offeredTo(session)) {
        m_urge = new QPushButton(tr("&Urge (督办)…"), this);
        m_urge->setObjectName(u"boardUrgeButton"_s);
        m_urge->setToolTip(tr("Urge the department to handle the selected ticket, with a note"));
        actions->addWidget(m_urge);
        connect(m_urge, &QPushButton::clicked, this, &BoardView::urgeCurrent);
    }
    layout->addLayout(actions);

    fillFilters();
    connect(m_department, &QComboBox::currentIndexChanged, this, &BoardView::applyFilters);
    connect(m_town, &QComboBox::currentIndexChanged, this, &BoardView::applyFilters);
    connect(m_type, &QComboBox::currentIndexChanged, this, &BoardView::applyFilters);
    connect(m_search, &QLineEdit::textChanged, this, &BoardView::applyFilters);

    // activated: Enter on the current row, or a double-click.
    connect(m_table, &QAbstractItemView::activated, this,
            [this](const QModelIndex &index) { openTicket(index.data(BoardModel::TicketIdRole).toString()); });
    connect(m_open, &QPushButton::clicked, this, [this] {
        if (const QString id = currentTicketId(); !id.isEmpty())
            openTicket(id);
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &BoardView::updateActions);
    connect(m_model, &BoardModel::countsChanged, this, &BoardView::updateCounts);
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, &BoardView::updateShown);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, &BoardView::updateShown);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &BoardView::updateShown);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &BoardView::updateShown);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &BoardView::updateActions);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, &BoardView::updateActions);

    updateCounts(m_model->redCount(), m_model->yellowCount(), m_model->greenCount());
    updateShown();
    updateActions();
    setFocusProxy(m_table);
}

QWidget *BoardView::makeCount(const QString &objectName, const QString &caption, const QColor &colour, QLabel **number)
{
    auto *box = new QWidget(this);
    auto *v = new QVBoxLayout(box);
    v->setContentsMargins(12, 4, 24, 4);
    v->setSpacing(0);
    *number = new QLabel(u"0"_s, box);
    (*number)->setObjectName(objectName);
    QFont big = (*number)->font();
    big.setPointSizeF(big.pointSizeF() * 2.6);
    big.setBold(true);
    (*number)->setFont(big);
    QPalette p = (*number)->palette();
    p.setColor(QPalette::WindowText, colour);
    (*number)->setPalette(p);
    auto *label = new QLabel(caption, box);
    label->setBuddy(*number);
    v->addWidget(*number);
    v->addWidget(label);
    return box;
}

void BoardView::fillFilters()
{
    TicketQueries &queries = m_session.workspace().queries();
    const QString scope = m_model->departmentScope();
    m_department->addItem(tr("All departments"), QString());
    for (const Department &d : queries.departments()) {
        if (scope.isEmpty() || d.code == scope)
            m_department->addItem(d.name.isEmpty() ? d.code : d.name, d.code);
    }
    if (!scope.isEmpty()) {
        // A liaison's board holds only their department: nothing to choose.
        m_department->setCurrentIndex(std::max(0, m_department->findData(scope)));
        m_department->setEnabled(false);
    }
    // The town table plus any town on the board (imported tickets may name towns the table lacks).
    QStringList towns = queries.towns();
    QSet<QString> known(towns.cbegin(), towns.cend());
    for (int r = 0; r < m_model->rowCount(); ++r) {
        const QString &town = m_model->row(r).town;
        if (!town.isEmpty() && !known.contains(town)) {
            known.insert(town);
            towns << town;
        }
    }
    towns.sort();
    m_town->addItem(tr("All towns"), QString());
    for (const QString &town : std::as_const(towns))
        m_town->addItem(town, town);
    m_type->addItem(tr("All types"), -1);
    for (TicketType t :
         {TicketType::Consult, TicketType::Complaint, TicketType::Help, TicketType::Suggestion, TicketType::Report})
        m_type->addItem(DisplayNames::of(t), int(t));
}

void BoardView::applyFilters()
{
    const QString department
        = m_model->departmentScope().isEmpty() ? m_department->currentData().toString() : QString();
    m_proxy->setDepartment(department);
    m_proxy->setTown(m_town->currentData().toString());
    const int type = m_type->currentData().toInt();
    m_proxy->setType(type < 0 ? std::nullopt : std::optional<TicketType>(TicketType(type)));
    m_proxy->setNumberSearch(m_search->text());
    updateShown();
    updateActions();
}

void BoardView::applySort(int column, Qt::SortOrder order)
{
    // Ascending by colour, deadline or remaining time is the board's own urgency order: no sorting needed.
    const bool urgency = column == BoardModel::Dot || column == BoardModel::Deadline || column == BoardModel::Remaining;
    if (urgency && order == Qt::AscendingOrder)
        m_proxy->sort(-1);
    else
        m_proxy->sort(column, order);
}

void BoardView::updateCounts(int red, int yellow, int green)
{
    m_red->setText(QString::number(red));
    m_yellow->setText(QString::number(yellow));
    m_green->setText(QString::number(green));
    updateShown();
}

void BoardView::updateShown()
{
    m_shown->setText(tr("Showing %1 of %2 tickets").arg(m_proxy->rowCount()).arg(m_model->rowCount()));
}

void BoardView::updateActions()
{
    const bool any = !currentTicketId().isEmpty();
    m_open->setEnabled(any);
    if (m_urge)
        m_urge->setEnabled(any);
}

QString BoardView::currentTicketId() const
{
    const QModelIndex current = m_table->currentIndex();
    return current.isValid() ? current.data(BoardModel::TicketIdRole).toString() : QString();
}

TicketDetailDialog *BoardView::openTicket(const QString &ticketId)
{
    if (ticketId.isEmpty())
        return nullptr;
    auto *dialog = new TicketDetailDialog(m_session, ticketId, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
    Q_EMIT ticketOpened(ticketId);
    return dialog;
}

void BoardView::urgeCurrent()
{
    if (const QString id = currentTicketId(); !id.isEmpty())
        UrgeAction::run(this, m_session, id);
}

} // namespace hotline
