#include "mainwindow/ConsoleStatusBar.h"

#include "auth/Permissions.h"
#include "calendar/WorkCalendar.h"
#include "domain/DisplayNames.h"
#include "service/Workspace.h"
#include "storage/Database.h"
#include "support/ConsoleSession.h"
#include "sync/SyncWorker.h"
#include "util/Clock.h"

#include <QDir>
#include <QLabel>

#include <climits>

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
    m_clock = new QLabel(this);
    m_clock->setObjectName(u"statusClock"_s);
    m_database->setTextFormat(Qt::RichText);
    connect(m_database, &QLabel::linkActivated, this, &ConsoleStatusBar::conflictsRequested);
    addWidget(m_user);
    addWidget(m_database, 1);
    addPermanentWidget(m_clock);
    connect(&session, &ConsoleSession::tick, this, &ConsoleStatusBar::showTime);
    connect(&session, &ConsoleSession::syncStatusChanged, this, &ConsoleStatusBar::showSync);
    showTime(session.clock().nowSecs());
    showSync(session.syncStatus());
}

void ConsoleStatusBar::showSync(const SyncStatus &status)
{
    if (!status.configured) {
        m_database->setStyleSheet(QString());
        m_database->setText(tr("Standalone: %1").arg(QDir::toNativeSeparators(m_session.workspace().database().path()))
                                .toHtmlEscaped());
        return;
    }
    const QString last = status.lastSyncMs > 0
                             ? m_session.sla().calendar().toLocal(status.lastSyncMs / 1000).toString(u"HH:mm:ss"_s)
                             : tr("never");
    QString text = status.online ? tr("Online · last sync %1 · pending %n", nullptr, int(qMin<qint64>(status.pending, INT_MAX))).arg(last)
                                 : tr("OFFLINE · last sync %1 · pending %n", nullptr, int(qMin<qint64>(status.pending, INT_MAX))).arg(last);
    text = text.toHtmlEscaped();
    if (status.conflicts > 0) {
        QString conflicts = tr("%n conflict(s)", nullptr, int(status.conflicts));
        if (status.numberClashes > 0)
            conflicts += tr(" (%n number clash(es))", nullptr, int(status.numberClashes));
        text += u" · <a href=\"conflicts\">"_s + conflicts.toHtmlEscaped() + u"</a>"_s;
    }
    // Reference data is the administrators' (the same dialog lists it for them).
    const bool administers = Permissions::allows(m_session.actor().role, Action::ManageConfig);
    if (administers && status.referenceConflicts > 0)
        text += u" · <a href=\"conflicts\">"_s
                + tr("%n reference conflict(s)", nullptr, int(status.referenceConflicts)).toHtmlEscaped() + u"</a>"_s;
    if (administers && !status.refused.isEmpty())
        text += u" · "_s + tr("%n value(s) from the server refused", nullptr, int(status.refused.size())).toHtmlEscaped();
    m_database->setText(text);
    QString tip = status.online ? status.server : tr("%1\n%2").arg(status.server, status.error);
    if (administers && !status.refused.isEmpty())
        tip += u"\n"_s + tr("Refused (the local value is kept):") + u"\n"_s + status.refused.join(u'\n');
    m_database->setToolTip(tip);
    // Offline must be obvious from across the room: white on red.
    m_database->setStyleSheet(status.online ? QString() : u"QLabel { background: #c62828; color: white; padding: 0 6px; }"_s);
}

void ConsoleStatusBar::showTime(qint64 nowSecs)
{
    const WorkCalendar calendar = m_session.sla().calendar();
    const QString time = calendar.toLocal(nowSecs).toString(u"yyyy-MM-dd HH:mm:ss"_s);
    const bool working = calendar.workingSecondsBetween(nowSecs, nowSecs + 1) > 0;
    m_clock->setText(working ? time : tr("%1 (outside working hours)").arg(time));
}

} // namespace hotline
