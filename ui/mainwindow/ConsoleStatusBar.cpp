#include "mainwindow/ConsoleStatusBar.h"

#include "calendar/WorkCalendar.h"
#include "domain/DisplayNames.h"
#include "service/Workspace.h"
#include "storage/Database.h"
#include "support/ConsoleSession.h"
#include "util/Clock.h"

#include <QDir>
#include <QLabel>

using namespace Qt::StringLiterals;

namespace hotline {

ConsoleStatusBar::ConsoleStatusBar(ConsoleSession &session, QWidget *parent) : QStatusBar(parent), m_session(session)
{
    setObjectName(u"statusBar"_s);
    m_user = new QLabel(this);
    m_user->setObjectName(u"statusUser"_s);
    const Actor &actor = session.actor();
    m_user->setText(tr("%1 · %2").arg(actor.user, DisplayNames::of(actor.role)));
    m_database = new QLabel(this);
    m_database->setObjectName(u"statusDatabase"_s);
    m_database->setText(tr("Standalone: %1").arg(QDir::toNativeSeparators(session.workspace().database().path())));
    m_clock = new QLabel(this);
    m_clock->setObjectName(u"statusClock"_s);
    addWidget(m_user);
    addWidget(m_database, 1);
    addPermanentWidget(m_clock);
    connect(&session, &ConsoleSession::tick, this, &ConsoleStatusBar::showTime);
    showTime(session.clock().nowSecs());
}

void ConsoleStatusBar::showTime(qint64 nowSecs)
{
    const WorkCalendar calendar = m_session.sla().calendar();
    const QString time = calendar.toLocal(nowSecs).toString(u"yyyy-MM-dd HH:mm:ss"_s);
    const bool working = calendar.workingSecondsBetween(nowSecs, nowSecs + 1) > 0;
    m_clock->setText(working ? time : tr("%1 (outside working hours)").arg(time));
}

} // namespace hotline
