#include "search/SearchDialog.h"

#include "board/TicketDetailDialog.h"
#include "domain/DisplayNames.h"
#include "service/TicketQueries.h"
#include "service/TicketSearch.h"
#include "service/Workspace.h"
#include "support/ConsoleSession.h"

#include <QDateTime>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace hotline {
namespace {

/** Searching while typing waits for a pause: a 1,000,000-ticket index is not asked at every keystroke. */
constexpr int kTypingPauseMs = 400;

} // namespace

SearchDialog::SearchDialog(ConsoleSession &session, QWidget *parent) : QDialog(parent), m_session(session)
{
    setObjectName(u"searchDialog"_s);
    setWindowTitle(tr("Search tickets"));
    auto *layout = new QVBoxLayout(this);
    auto *hint = new QLabel(tr("A ticket number (or its first 6 characters), a caller's phone number, or words from "
                               "the summary, details, address or reply. Open and closed tickets."),
                            this);
    hint->setWordWrap(true);
    layout->addWidget(hint);

    m_query = new QLineEdit(this);
    m_query->setObjectName(u"searchQuery"_s);
    m_query->setPlaceholderText(tr("Search: number, phone or words"));
    m_query->setClearButtonEnabled(true);
    m_query->setMaxLength(TicketSearch::MaxQueryLength);
    m_query->installEventFilter(this);
    layout->addWidget(m_query);

    m_results = new QTableWidget(0, ColumnCount, this);
    m_results->setObjectName(u"searchResults"_s);
    m_results->setHorizontalHeaderLabels(
        {tr("Number"), tr("Status"), tr("Registered"), tr("Department"), tr("Summary")});
    m_results->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_results->setSelectionMode(QAbstractItemView::SingleSelection);
    m_results->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_results->setTabKeyNavigation(false);
    m_results->verticalHeader()->hide();
    m_results->horizontalHeader()->setStretchLastSection(true);
    m_results->installEventFilter(this);
    layout->addWidget(m_results, 1);

    m_summary = new QLabel(this);
    m_summary->setObjectName(u"searchSummary"_s);
    layout->addWidget(m_summary);

    m_typing = new QTimer(this);
    m_typing->setSingleShot(true);
    m_typing->setInterval(kTypingPauseMs);
    connect(m_typing, &QTimer::timeout, this, &SearchDialog::search);
    connect(m_query, &QLineEdit::textEdited, m_typing, qOverload<>(&QTimer::start));
    // Enter searches and moves into the hits (the newest selected), so a second Enter opens it.
    connect(m_query, &QLineEdit::returnPressed, this, [this] {
        search();
        if (m_results->rowCount() > 0)
            m_results->setFocus(Qt::TabFocusReason);
    });
    connect(m_results, &QTableWidget::cellDoubleClicked, this, [this] { openCurrent(); });
    resize(900, 520);
}

void SearchDialog::focusQuery()
{
    m_query->setFocus(Qt::ShortcutFocusReason);
    m_query->selectAll();
}

void SearchDialog::search()
{
    m_typing->stop();
    const QString text = m_query->text().trimmed();
    m_results->setRowCount(0);
    if (text.isEmpty()) {
        m_summary->clear();
        return;
    }
    Workspace &ws = m_session.workspace();
    const SearchResult r = TicketSearch(ws.database()).search(m_session.actor(), text);
    if (!r.ok()) {
        m_summary->setText(r.error);
        return;
    }
    QHash<QString, QString> departmentNames;
    for (const Department &d : ws.queries().departments())
        departmentNames.insert(d.code, d.name);
    const QTimeZone zone = m_session.sla().calendar().timeZone();
    m_results->setRowCount(int(r.tickets.size()));
    for (int row = 0; row < r.tickets.size(); ++row) {
        const Ticket &t = r.tickets.at(row);
        const QStringList cells{
            t.number,
            DisplayNames::of(t.state),
            QDateTime::fromMSecsSinceEpoch(t.registeredMs, zone).toString(u"yyyy-MM-dd HH:mm"_s),
            t.department.isEmpty() ? QString() : departmentNames.value(t.department, t.department),
            t.summary.simplified(),
        };
        for (int c = 0; c < ColumnCount; ++c) {
            auto *item = new QTableWidgetItem(cells.at(c));
            item->setData(TicketIdRole, t.id);
            m_results->setItem(row, c, item);
        }
        m_results->item(row, SummaryColumn)->setToolTip(t.summary);
    }
    // The summary takes the rest of the width (the last section stretches).
    for (int c = 0; c < SummaryColumn; ++c)
        m_results->resizeColumnToContents(c);
    if (m_results->rowCount() > 0)
        m_results->setCurrentCell(0, 0);
    if (r.tickets.isEmpty())
        m_summary->setText(tr("No ticket found."));
    else if (r.more)
        m_summary->setText(tr("%1 shown of more than %2 tickets, newest first. Add a word to narrow the search.")
                               .arg(r.tickets.size())
                               .arg(r.total));
    else
        m_summary->setText(tr("%1 shown of %2 tickets, newest first.").arg(r.tickets.size()).arg(r.total));
    if (r.newestOnly)
        m_summary->setText(m_summary->text() + u' '
                           + tr("Words of one or two characters alone are looked for in the newest %1 tickets.")
                                 .arg(r.newestOnly));
}

TicketDetailDialog *SearchDialog::openCurrent()
{
    const int row = m_results->currentRow();
    if (row < 0)
        return nullptr;
    const QString id = m_results->item(row, NumberColumn)->data(TicketIdRole).toString();
    auto *dialog = new TicketDetailDialog(m_session, id, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
    return dialog;
}

bool SearchDialog::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (watched == m_query && key->key() == Qt::Key_Down && m_results->rowCount() > 0) {
            m_results->setFocus(Qt::TabFocusReason);
            if (m_results->currentRow() < 0)
                m_results->setCurrentCell(0, 0);
            return true;
        }
        if (watched == m_results && (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter)) {
            openCurrent();
            return true;
        }
        if (watched == m_results && key->key() == Qt::Key_Up && m_results->currentRow() <= 0) {
            focusQuery();
            return true;
        }
    }
    return QDialog::eventFilter(watched, event);
}

} // namespace hotline
