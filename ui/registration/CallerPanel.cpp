#include "registration/CallerPanel.h"

#include "domain/DisplayNames.h"
#include "registration/CallerHistoryModel.h"
#include "service/TicketQueries.h"
#include "service/Workspace.h"
#include "support/ConsoleSession.h"
#include "util/Clock.h"

#include <QDateTime>
#include <QFrame>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace hotline {

CallerPanel::CallerPanel(ConsoleSession &session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_zone(session.sla().calendar().timeZone())
    , m_model(new CallerHistoryModel(m_zone, this))
{
    m_title = new QLabel(this);
    m_title->setObjectName(u"callerHistoryTitle"_s);
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    m_title->setFont(titleFont);

    m_view = new QTableView(this);
    m_view->setObjectName(u"callerHistory"_s);
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setSectionResizeMode(CallerHistoryModel::Summary, QHeaderView::Stretch);
    m_view->setToolTip(tr("Double-click or press Enter on an earlier ticket to link the new one to it."));
    connect(m_view, &QAbstractItemView::activated, this, [this](const QModelIndex &index) {
        Q_EMIT linkRequested(m_model->data(m_model->index(index.row(), CallerHistoryModel::Number)).toString());
    });

    m_empty = new QLabel(this);
    m_empty->setObjectName(u"callerHistoryEmpty"_s);
    m_empty->setWordWrap(true);
    m_empty->setForegroundRole(QPalette::PlaceholderText);

    m_banner = new QFrame(this);
    m_banner->setObjectName(u"duplicateBanner"_s);
    m_banner->setFrameShape(QFrame::StyledPanel);
    m_banner->setAutoFillBackground(true);
    QPalette bannerPalette = m_banner->palette();
    bannerPalette.setColor(QPalette::Window, QColor(0xff, 0xf4, 0xd6));
    bannerPalette.setColor(QPalette::WindowText, QColor(0x5d, 0x40, 0x00));
    m_banner->setPalette(bannerPalette);
    m_hint = new QLabel(m_banner);
    m_hint->setObjectName(u"duplicateHint"_s);
    m_hint->setWordWrap(true);
    m_hint->setTextFormat(Qt::PlainText);
    m_link = new QPushButton(m_banner);
    m_link->setObjectName(u"linkDuplicate"_s);
    connect(m_link, &QPushButton::clicked, this, [this] {
        if (!m_linkTarget.isEmpty())
            Q_EMIT linkRequested(m_linkTarget);
    });
    auto *bannerLayout = new QVBoxLayout(m_banner);
    bannerLayout->addWidget(m_hint);
    auto *buttonRow = new QHBoxLayout;
    buttonRow->addStretch();
    buttonRow->addWidget(m_link);
    bannerLayout->addLayout(buttonRow);
    m_banner->hide();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_banner);
    layout->addWidget(m_title);
    // One of the two is shown; either takes the free height, so the title stays under the banner.
    m_empty->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    layout->addWidget(m_empty, 1);
    layout->addWidget(m_view, 1);

    queryHistory();
}

void CallerPanel::setCall(const QString &phone, const QString &summary, const QString &details)
{
    const bool phoneChanged = phone != m_phone;
    const bool summaryChanged = summary.trimmed() != m_summary;
    m_phone = phone;
    m_summary = summary.trimmed();
    m_details = details;
    if (phoneChanged)
        queryHistory();
    if (phoneChanged || summaryChanged)
        queryDuplicates();
    showDuplicates();
}

void CallerPanel::refresh()
{
    queryHistory();
    queryDuplicates();
    showDuplicates();
}

QString CallerPanel::dateText(qint64 ms) const
{
    return QDateTime::fromMSecsSinceEpoch(ms, m_zone).toString(u"yyyy-MM-dd HH:mm"_s);
}

void CallerPanel::queryHistory()
{
    const QList<Ticket> tickets = m_phone.isEmpty()
        ? QList<Ticket>()
        : m_session.workspace().queries().callerHistory(m_session.actor(), m_phone);
    m_model->setTickets(tickets);
    m_title->setText(m_phone.isEmpty() ? tr("Caller's earlier tickets")
                                       : tr("Earlier tickets of %1 (%2)").arg(m_phone).arg(tickets.size()));
    if (m_phone.isEmpty())
        m_empty->setText(tr("Type the caller's phone number to see their earlier tickets."));
    else if (tickets.isEmpty())
        m_empty->setText(tr("No earlier tickets from this number."));
    m_empty->setVisible(tickets.isEmpty());
    m_view->setVisible(!tickets.isEmpty());
}

void CallerPanel::queryDuplicates()
{
    m_duplicates = m_session.workspace().queries().likelyDuplicates(m_session.actor(), m_phone, m_summary,
                                                                    m_session.clock().nowMs());
}

void CallerPanel::showDuplicates()
{
    QList<Ticket> unlinked;
    QStringList linked;
    for (const Ticket &t : std::as_const(m_duplicates)) {
        if (m_details.contains(t.number))
            linked << t.number;
        else
            unlinked << t;
    }
    m_linkTarget.clear();
    if (!unlinked.isEmpty()) {
        const Ticket &t = unlinked.first();
        m_linkTarget = t.number;
        QString text = tr("Possible duplicate: this caller reported “%1” on %2 (ticket %3, %4).")
                           .arg(t.summary, dateText(t.registeredMs), t.number, DisplayNames::of(t.state));
        if (unlinked.size() > 1)
            text += u' ' + tr("%n more similar ticket(s) in the last 7 days.", nullptr, int(unlinked.size() - 1));
        if (!linked.isEmpty())
            text += u' ' + tr("Already linked: %1.").arg(linked.join(u", "_s));
        m_hint->setText(text);
        m_link->setText(tr("&Link to %1").arg(t.number));
        m_link->setToolTip(tr("Name ticket %1 in the new ticket's details as a related ticket.").arg(t.number));
        m_link->show();
    } else if (!linked.isEmpty()) {
        m_hint->setText(
            tr("Linked to ticket %1: the new ticket's details name it as related.").arg(linked.join(u", "_s)));
        m_link->hide();
    }
    m_banner->setVisible(!m_duplicates.isEmpty());
}

} // namespace hotline
