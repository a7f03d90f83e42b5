#include "supervision/AccountabilityBanner.h"

#include "service/Workspace.h"
#include "storage/EventStore.h"
#include "support/ConsoleSession.h"

#include <QApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QTabWidget>

using namespace Qt::StringLiterals;

namespace hotline {
namespace {

/** Ticket numbers named in the banner; more are counted. */
constexpr int kNamed = 3;

} // namespace

AccountabilityBanner::AccountabilityBanner(ConsoleSession &session, QTabWidget *tabs, QWidget *page, QWidget *parent)
    : QFrame(parent)
    , m_session(session)
    , m_tabs(tabs)
    , m_page(page)
{
    setObjectName(u"accountabilityBanner"_s);
    setFrameShape(QFrame::StyledPanel);
    setStyleSheet(u"#accountabilityBanner { background: #fdecea; border: 1px solid #b00020; }"_s);
    auto *layout = new QHBoxLayout(this);
    m_text = new QLabel(this);
    m_text->setObjectName(u"accountabilityBannerText"_s);
    m_text->setWordWrap(true);
    auto *show = new QPushButton(tr("Show &records"), this);
    show->setObjectName(u"accountabilityBannerShow"_s);
    auto *dismiss = new QPushButton(tr("Dis&miss"), this);
    dismiss->setObjectName(u"accountabilityBannerDismiss"_s);
    layout->addWidget(m_text, 1);
    layout->addWidget(show);
    layout->addWidget(dismiss);
    hide();
    if (m_tabs && m_page)
        m_title = m_tabs->tabText(m_tabs->indexOf(m_page));
    connect(show, &QPushButton::clicked, this, [this] {
        if (m_tabs && m_page)
            m_tabs->setCurrentWidget(m_page); // markSeen follows from currentChanged
        markSeen();
    });
    connect(dismiss, &QPushButton::clicked, this, &QWidget::hide);
    connect(&session, &ConsoleSession::accountabilityOpened, this, &AccountabilityBanner::onOpened);
    if (m_tabs) {
        connect(m_tabs, &QTabWidget::currentChanged, this, [this] {
            if (m_tabs->currentWidget() == m_page && m_unseen > 0)
                markSeen();
        });
    }
}

QString AccountabilityBanner::message() const
{
    return m_text->text();
}

void AccountabilityBanner::onOpened(const QStringList &ticketIds)
{
    QStringList numbers;
    for (const QString &id : ticketIds.mid(0, kNamed)) {
        const QString number = m_session.workspace().events().ticket(id).number;
        numbers << (number.isEmpty() ? id : number);
    }
    if (ticketIds.size() > kNamed)
        numbers << tr("%n more", nullptr, int(ticketIds.size() - kNamed));
    m_text->setText(
        tr("%n ticket(s) went past the deadline; accountability records opened: %1", nullptr, int(ticketIds.size()))
            .arg(numbers.join(tr(", "))));
    // Someone already looking at the log sees the new rows arrive; the badge is for everyone else.
    const bool looking = m_tabs && m_page && m_tabs->currentWidget() == m_page && m_page->isVisible();
    if (!looking)
        m_unseen += int(ticketIds.size());
    updateBadge();
    show();
    if (window()->isVisible())
        QApplication::alert(window()); // taskbar highlight, never a modal box
}

void AccountabilityBanner::markSeen()
{
    m_unseen = 0;
    updateBadge();
    hide();
}

void AccountabilityBanner::updateBadge()
{
    if (!m_tabs || !m_page)
        return;
    const int index = m_tabs->indexOf(m_page);
    if (index < 0)
        return;
    m_tabs->setTabText(index, m_unseen > 0 ? tr("%1 (%2)").arg(m_title).arg(m_unseen) : m_title);
    m_tabs->setTabToolTip(index, m_unseen > 0 ? tr("%n new accountability record(s)", nullptr, m_unseen) : QString());
}

} // namespace hotline
