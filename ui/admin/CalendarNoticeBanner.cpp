#include "admin/CalendarNoticeBanner.h"

#include "auth/Permissions.h"
#include "calendar/CalendarYears.h"
#include "service/Workspace.h"
#include "storage/CalendarStore.h"
#include "support/ConsoleSession.h"
#include "util/Clock.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

using namespace Qt::StringLiterals;

namespace hotline {

CalendarNoticeBanner::CalendarNoticeBanner(ConsoleSession &session, QWidget *parent)
    : QFrame(parent)
    , m_session(session)
{
    setObjectName(u"calendarNoticeBanner"_s);
    setFrameShape(QFrame::StyledPanel);
    setStyleSheet(u"#calendarNoticeBanner { background: #fff4e5; border: 1px solid #b26a00; }"_s);
    auto *layout = new QHBoxLayout(this);
    m_text = new QLabel(this);
    m_text->setObjectName(u"calendarNoticeBannerText"_s);
    m_text->setWordWrap(true);
    layout->addWidget(m_text, 1);
    m_open = new QPushButton(tr("Open the &calendar"), this);
    m_open->setObjectName(u"calendarNoticeBannerOpen"_s);
    m_open->setVisible(Permissions::allows(session.actor().role, Action::ManageCalendar));
    layout->addWidget(m_open);
    connect(m_open, &QPushButton::clicked, this, &CalendarNoticeBanner::calendarRequested);
    hide();
    // The date only matters to the minute; the tick is once a second.
    connect(&session, &ConsoleSession::tick, this, [this](qint64 nowSecs) {
        if (nowSecs - m_lastLook >= 60)
            refresh();
    });
    refresh();
}

QString CalendarNoticeBanner::message() const
{
    return m_year ? CalendarYears::missingNoticeWarning(*m_year) : QString();
}

void CalendarNoticeBanner::refresh()
{
    m_lastLook = m_session.clock().nowSecs();
    m_year = CalendarYears::missingNotice(m_session.workspace().calendar().loadCalendar(), m_lastLook);
    m_text->setText(message());
    setVisible(m_year.has_value());
}

} // namespace hotline
