#include "dispatch/DispatchQueuePage.h"

#include "department/DeskTable.h"
#include "domain/DisplayNames.h"
#include "dispatch/DepartmentChooser.h"
#include "dispatch/MergeIntoDialog.h"
#include "auth/Permissions.h"
#include "service/TicketService.h"
#include "storage/EventStore.h"
#include "service/TicketQueries.h"
#include "service/Workspace.h"
#include "storage/TicketLookup.h"
#include "calendar/WorkCalendar.h"
#include "sla/SlaClock.h"
#include "support/ConsoleSession.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace hotline {
namespace {

/** Why a ticket is back in the queue, from its history: the latest move decides. */
DispatchQueueNote queueNote(const QList<TicketEvent> &history)
{
    for (auto it = history.crbegin(); it != history.crend(); ++it) {
        switch (it->type) {
        case EventType::Returned: {
            DispatchQueueNote note {DispatchQueueNote::Kind::Returned, {}, it->payload.value(Key::Reason).toString()};
            for (auto before = it + 1; before != history.crend(); ++before) { // who had it when it came back
                if (before->type == EventType::Dispatched || before->type == EventType::Transferred) {
                    note.department = before->payload.value(Key::Department).toString();
                    break;
                }
            }
            return note;
        }
        case EventType::Reopened:
            return {DispatchQueueNote::Kind::Reopened, {}, it->payload.value(Key::Reason).toString()};
        case EventType::Registered:
        case EventType::Dispatched:
        case EventType::Transferred:
            return {};
        default:
            break;
        }
    }
    return {};
}

} // namespace

DispatchQueuePage::DispatchQueuePage(ConsoleSession &session, QWidget *parent)
    : DispatchPage(session, parent)
    , m_notes(&queueNote)
{
    setObjectName(u"dispatchQueuePage"_s);
    m_model = new DispatchQueueModel(this);
    m_table = new QTableView(this);
    m_table->setObjectName(u"dispatchQueue"_s);
    m_proxy = DeskTable::attach(m_table, m_model, DispatchQueueModel::RawRole, DispatchQueueModel::TicketIdRole);
    m_table->sortByColumn(DispatchQueueModel::Registered, Qt::AscendingOrder); // oldest first
    DeskTable::fitColumns(m_table,
                          {{DispatchQueueModel::Number, DeskTable::sampleNumber()},
                           {DispatchQueueModel::Registered, DeskTable::sampleMinute()},
                           {DispatchQueueModel::Channel, DeskTable::sampleChannel()},
                           {DispatchQueueModel::Type, DeskTable::sampleType()},
                           {DispatchQueueModel::Town, u"罗村街道办"_s},
                           {DispatchQueueModel::Category, u"市容环境卫生管理"_s},
                           {DispatchQueueModel::Suggested, DeskTable::sampleDepartment()},
                           {DispatchQueueModel::BackReason, u"Returned by 城管局 (CG): 不属本单位"_s}},
                          DispatchQueueModel::Summary);
    m_table->installEventFilter(this);
    m_table->setToolTip(tr("Enter dispatches the selected tickets to the chosen department; Ctrl+A selects all."));

    m_chooser = new DepartmentChooser(this);
    m_chooser->setObjectName(u"departmentChoice"_s);
    auto *chooserLabel = new QLabel(tr("Send &to:"), this);
    chooserLabel->setBuddy(m_chooser);

    m_dispatch = new QPushButton(tr("&Dispatch selected"), this);
    m_dispatch->setObjectName(u"dispatchButton"_s);
    m_dispatch->setToolTip(tr("Dispatch every selected ticket to the chosen department (Enter)"));
    m_suggested = new QPushButton(tr("Dispatch each to its &suggestion"), this);
    m_suggested->setObjectName(u"dispatchSuggested"_s);
    m_suggested->setToolTip(tr("Dispatch every selected ticket to the department suggested for its category"));
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_cancel->setObjectName(u"dispatchCancel"_s);
    m_cancel->hide();
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(u"dispatchProgress"_s);
    m_progress->setFormat(tr("%v of %m"));
    m_progress->hide();

    m_count = new QLabel(this);
    m_count->setObjectName(u"queueCount"_s);
    m_result = new QLabel(this);
    m_result->setObjectName(u"dispatchResult"_s);
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_failures = new QPlainTextEdit(this);
    m_failures->setObjectName(u"dispatchFailures"_s);
    m_failures->setReadOnly(true);
    m_failures->setMaximumHeight(m_failures->fontMetrics().height() * 6);
    m_failures->hide();

    // Filters: the back office sorts a micro-interview's questions by channel and category before dispatching.
    m_channelFilter = new QComboBox(this);
    m_channelFilter->setObjectName(u"queueChannelFilter"_s);
    m_channelFilter->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_categoryFilter = new QComboBox(this);
    m_categoryFilter->setObjectName(u"queueCategoryFilter"_s);
    m_categoryFilter->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    fillFilterChoices();
    auto *channelLabel = new QLabel(tr("C&hannel:"), this);
    channelLabel->setBuddy(m_channelFilter);
    auto *categoryLabel = new QLabel(tr("Cate&gory:"), this);
    categoryLabel->setBuddy(m_categoryFilter);
    auto *filters = new QHBoxLayout;
    filters->addWidget(m_count, 1);
    filters->addWidget(channelLabel);
    filters->addWidget(m_channelFilter);
    filters->addWidget(categoryLabel);
    filters->addWidget(m_categoryFilter);
    connect(m_channelFilter, &QComboBox::activated, this, &DispatchQueuePage::applyFilter);
    connect(m_categoryFilter, &QComboBox::activated, this, &DispatchQueuePage::applyFilter);

    auto *actions = new QHBoxLayout;
    actions->addWidget(chooserLabel);
    actions->addWidget(m_chooser, 1);
    actions->addWidget(m_dispatch);
    actions->addWidget(m_suggested);
    actions->addWidget(m_progress);
    actions->addWidget(m_cancel);
    // Same incident, many callers: the current ticket follows another (dispatchers and administrators).
    m_mergeInto = new QPushButton(tr("&Merge into…"), this);
    m_mergeInto->setObjectName(u"mergeInto"_s);
    m_mergeInto->setToolTip(tr("The current ticket follows another one of the same incident and is answered with it"));
    m_mergeInto->setVisible(Permissions::allows(m_session.actor(), Action::Merge));
    actions->addWidget(m_mergeInto);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(filters);
    layout->addWidget(m_table, 1);
    layout->addLayout(actions);
    layout->addWidget(m_result);
    layout->addWidget(m_failures);

    m_batch = new DispatchBatch(m_session.workspace().tickets(), m_session.actor(), this);
    connect(m_batch, &DispatchBatch::progress, this, [this](int done, int total) {
        m_progress->setRange(0, total);
        m_progress->setValue(done);
    });
    connect(m_batch, &DispatchBatch::finished, this, &DispatchQueuePage::onBatchFinished);
    connect(m_dispatch, &QPushButton::clicked, this, &DispatchQueuePage::dispatchChosen);
    connect(m_suggested, &QPushButton::clicked, this, &DispatchQueuePage::dispatchSuggested);
    connect(m_cancel, &QPushButton::clicked, this, &DispatchQueuePage::cancelBatch);
    connect(m_mergeInto, &QPushButton::clicked, this, &DispatchQueuePage::mergeInto);
    connect(m_chooser, &QComboBox::activated, this, [this] { m_table->setFocus(); }); // then Enter dispatches
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &DispatchQueuePage::prefillChooser);
    connect(m_table, &QTableView::doubleClicked, this,
            [this](const QModelIndex &i) { openDetail(i.data(DispatchQueueModel::TicketIdRole).toString()); });
}

DispatchQueuePage::~DispatchQueuePage() = default;

bool DispatchQueuePage::isBusy() const
{
    return m_batch->isRunning();
}

void DispatchQueuePage::refresh()
{
    if (isBusy())
        return;
    TicketQueries &queries = m_session.workspace().queries();
    const Actor &actor = m_session.actor();
    const QList<Department> departments = queries.departments();
    QHash<QString, QString> names;
    for (const Department &d : departments)
        names.insert(d.code, d.name);
    m_chooser->setDepartments(departments);

    const QList<Ticket> tickets = queries.dispatchQueue(actor);
    QHash<QString, QString> suggestions; // category -> known department code ("" when none)
    QList<DispatchQueueModel::Row> rows;
    rows.reserve(tickets.size());
    int back = 0;
    m_notes.begin();
    for (const Ticket &t : tickets) {
        auto s = suggestions.constFind(t.category);
        if (s == suggestions.cend()) {
            const QString code = t.category.isEmpty() ? QString() : queries.suggestedDepartment(t.category);
            s = suggestions.insert(t.category, names.contains(code) ? code : QString());
        }
        DispatchQueueModel::Row row {t, *s, names.value(*s), {}, m_notes.get(queries, actor, t)};
        row.backDepartmentName = names.value(row.note.department);
        if (row.note.kind != DispatchQueueNote::Kind::None)
            ++back;
        rows << std::move(row);
    }
    m_notes.end();

    m_allRows = std::move(rows);
    m_back = back;
    fillFilterChoices();
    applyFilter();
}

void DispatchQueuePage::fillFilterChoices()
{
    // The choices are what the queue holds (plus the current choice, so a filter never silently resets).
    const QVariant channel = m_channelFilter->currentData();
    const QVariant category = m_categoryFilter->currentData();
    QList<Channel> channels;
    QStringList categories;
    bool uncategorised = false;
    for (const DispatchQueueModel::Row &row : std::as_const(m_allRows)) {
        if (!channels.contains(row.ticket.channel))
            channels << row.ticket.channel;
        if (row.ticket.category.isEmpty())
            uncategorised = true;
        else if (!categories.contains(row.ticket.category))
            categories << row.ticket.category;
    }
    std::sort(channels.begin(), channels.end());
    categories.sort();
    m_channelFilter->clear();
    m_channelFilter->addItem(tr("All channels"));
    for (Channel c : std::as_const(channels))
        m_channelFilter->addItem(DisplayNames::of(c), int(c));
    if (channel.isValid() && m_channelFilter->findData(channel) < 0)
        m_channelFilter->addItem(DisplayNames::of(Channel(channel.toInt())), channel);
    m_channelFilter->setCurrentIndex(std::max(0, channel.isValid() ? m_channelFilter->findData(channel) : 0));
    m_categoryFilter->clear();
    m_categoryFilter->addItem(tr("All categories"));
    if (uncategorised || (category.isValid() && category.toString().isEmpty()))
        m_categoryFilter->addItem(tr("(no category)"), QString(u""_s));
    for (const QString &c : std::as_const(categories))
        m_categoryFilter->addItem(c, c);
    if (category.isValid() && m_categoryFilter->findData(category) < 0)
        m_categoryFilter->addItem(category.toString(), category);
    m_categoryFilter->setCurrentIndex(std::max(0, category.isValid() ? m_categoryFilter->findData(category) : 0));
}

void DispatchQueuePage::setChannelFilter(std::optional<Channel> channel)
{
    if (channel && m_channelFilter->findData(int(*channel)) < 0)
        m_channelFilter->addItem(DisplayNames::of(*channel), int(*channel));
    m_channelFilter->setCurrentIndex(channel ? m_channelFilter->findData(int(*channel)) : 0);
    applyFilter();
}

void DispatchQueuePage::setCategoryFilter(const QString &category)
{
    if (!category.isNull() && m_categoryFilter->findData(category) < 0)
        m_categoryFilter->addItem(category.isEmpty() ? tr("(no category)") : category, category);
    m_categoryFilter->setCurrentIndex(category.isNull() ? 0 : m_categoryFilter->findData(category));
    applyFilter();
}

void DispatchQueuePage::applyFilter()
{
    if (isBusy())
        return;
    const QVariant channel = m_channelFilter->currentData();
    const QVariant category = m_categoryFilter->currentData();
    QList<DispatchQueueModel::Row> shown;
    shown.reserve(m_allRows.size());
    for (const DispatchQueueModel::Row &row : std::as_const(m_allRows)) {
        if (channel.isValid() && int(row.ticket.channel) != channel.toInt())
            continue;
        if (category.isValid() && row.ticket.category != category.toString())
            continue;
        shown << row;
    }
    const DeskTable::Selection saved = DeskTable::save(m_table, DispatchQueueModel::TicketIdRole);
    m_model->setRows(std::move(shown), m_session.sla().calendar());
    DeskTable::restore(m_table, saved, DispatchQueueModel::TicketIdRole);
    if (!m_table->currentIndex().isValid() && m_proxy->rowCount() > 0)
        m_table->selectionModel()->setCurrentIndex(m_proxy->index(0, 0),
                                                   QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    prefillChooser();
    const QString count = tr("%1 waiting for dispatch, %2 of them came back from a department or a callback")
                              .arg(m_allRows.size())
                              .arg(m_back);
    m_count->setText(m_model->rowCount() == m_allRows.size()
                         ? count
                         : tr("%1; %2 shown").arg(count).arg(m_model->rowCount()));
}

void DispatchQueuePage::prefillChooser()
{
    if (isBusy())
        return;
    const QModelIndex current = m_table->currentIndex();
    // Only ever the suggestion for this ticket, or nothing: never the previous row's department by accident.
    m_chooser->setCurrentCode(current.isValid() ? current.data(DispatchQueueModel::SuggestedCodeRole).toString()
                                                : QString());
}

QList<int> DispatchQueuePage::selectedSourceRows() const
{
    QList<int> rows;
    const QModelIndexList selected = m_table->selectionModel()->selectedRows();
    if (selected.isEmpty() && m_table->currentIndex().isValid())
        rows << m_proxy->mapToSource(m_table->currentIndex()).row();
    QList<int> proxyRows;
    proxyRows.reserve(selected.size());
    for (const QModelIndex &i : selected)
        proxyRows << i.row();
    std::sort(proxyRows.begin(), proxyRows.end()); // in the order the operator sees them
    for (int r : std::as_const(proxyRows))
        rows << m_proxy->mapToSource(m_proxy->index(r, 0)).row();
    return rows;
}

void DispatchQueuePage::dispatchChosen()
{
    if (isBusy())
        return;
    const QList<int> rows = selectedSourceRows();
    if (rows.isEmpty()) {
        showResult(tr("Select the tickets to dispatch."), true);
        return;
    }
    const QString code = m_chooser->currentCode();
    if (code.isEmpty()) {
        showResult(m_chooser->currentText().trimmed().isEmpty()
                       ? tr("Choose the department first (type its name or code).")
                       : tr("There is no department \"%1\"; choose one from the list.").arg(m_chooser->currentText()),
                   true);
        m_chooser->setFocus();
        return;
    }
    QList<DispatchBatch::Job> jobs;
    jobs.reserve(rows.size());
    for (int r : rows) {
        const Ticket &t = m_model->rowAt(r).ticket;
        jobs << DispatchBatch::Job {t.id, t.number, code, {}};
    }
    startBatch(std::move(jobs));
}

void DispatchQueuePage::dispatchSuggested()
{
    if (isBusy())
        return;
    const QList<int> rows = selectedSourceRows();
    if (rows.isEmpty()) {
        showResult(tr("Select the tickets to dispatch (Ctrl+A selects all)."), true);
        return;
    }
    QList<DispatchBatch::Job> jobs;
    jobs.reserve(rows.size());
    for (int r : rows) {
        const DispatchQueueModel::Row &row = m_model->rowAt(r);
        const QString failure = row.suggestedCode.isEmpty()
            ? tr("no department is suggested for the category \"%1\"; choose one").arg(row.ticket.category)
            : QString();
        jobs << DispatchBatch::Job {row.ticket.id, row.ticket.number, row.suggestedCode, failure};
    }
    startBatch(std::move(jobs));
}

void DispatchQueuePage::mergeInto()
{
    const QList<int> rows = selectedSourceRows();
    if (isBusy() || rows.isEmpty()) {
        showResult(tr("Select the ticket that follows another one."), true);
        return;
    }
    MergeIntoDialog dialog(m_session, m_model->rowAt(rows.first()).ticket, this);
    if (dialog.exec() == QDialog::Accepted)
        mergeCurrentInto(dialog.parentNumber(), dialog.reason());
}

bool DispatchQueuePage::mergeCurrentInto(const QString &parentNumber, const QString &reason)
{
    const QList<int> rows = selectedSourceRows();
    if (rows.isEmpty())
        return false;
    const Ticket child = m_model->rowAt(rows.first()).ticket;
    Workspace &ws = m_session.workspace();
    // A number may name two tickets (two consoles gave it alike): then say so, listing both, instead of guessing.
    const TicketMatch match = TicketLookup(ws.database()).resolve(parentNumber.trimmed(), QString(),
                                                                   m_session.sla().calendar().timeZone());
    if (!match.ok()) {
        showResult(match.outcome == TicketMatch::Outcome::Ambiguous
                       ? match.message + u'\n' + tr("Renumber one of them first (File › Sync conflicts…).")
                       : tr("There is no ticket %1.").arg(parentNumber.trimmed()),
                   true);
        return false;
    }
    const Ticket parent = match.found.ticket;
    QString error;
    if (!ws.tickets().merge(m_session.actor(), child.id, parent.id, reason, &error)) {
        showResult(tr("Ticket %1 was not merged: %2").arg(child.number, error), true);
        return false;
    }
    // The root of the parent's chain, which the merge followed to.
    const QString root = ws.events().ticket(ws.events().ticket(child.id).parentId).number;
    showResult(tr("Ticket %1 now follows %2 and is answered with it.").arg(child.number, root), false);
    refresh();
    return true;
}

void DispatchQueuePage::cancelBatch()
{
    m_batch->cancel();
}

void DispatchQueuePage::startBatch(QList<DispatchBatch::Job> jobs)
{
    const int count = int(jobs.size());
    m_failures->hide();
    m_failures->clear();
    showResult(tr("Dispatching %n ticket(s)…", nullptr, int(count)), false);
    m_dispatch->setEnabled(false);
    m_suggested->setEnabled(false);
    if (count > DispatchBatch::kSlice) {
        m_progress->setRange(0, count);
        m_progress->setValue(0);
        m_progress->show();
        m_cancel->show();
    }
    Q_EMIT busyChanged(true);
    m_batch->start(std::move(jobs));
}

void DispatchQueuePage::onBatchFinished()
{
    m_progress->hide();
    m_cancel->hide();
    m_dispatch->setEnabled(true);
    m_suggested->setEnabled(true);
    const QList<DispatchBatch::Failure> &failures = m_batch->failures();
    showResult(m_batch->summary(), !failures.isEmpty() || m_batch->wasCancelled());
    if (!failures.isEmpty()) {
        QStringList lines;
        lines.reserve(failures.size());
        for (const DispatchBatch::Failure &f : failures)
            lines << tr("%1: %2").arg(f.number, f.reason);
        m_failures->setPlainText(lines.join(u'\n'));
        m_failures->show();
    }
    Q_EMIT busyChanged(false);
}

void DispatchQueuePage::showResult(const QString &text, bool error)
{
    m_result->setText(text);
    m_result->setStyleSheet(error ? u"color: #b71c1c; font-weight: bold;"_s : QString());
}

bool DispatchQueuePage::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_table && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        const Qt::KeyboardModifiers mods = key->modifiers() & ~Qt::KeypadModifier;
        if ((key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) && mods == Qt::NoModifier) {
            dispatchChosen();
            return true;
        }
    }
    return DispatchPage::eventFilter(watched, event);
}

} // namespace hotline
