#include "lock/LockScreen.h"

#include "auth/UserStore.h"
#include "domain/DisplayNames.h"
#include "service/Workspace.h"
#include "support/ConsoleSession.h"

#include <QCloseEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QGuiApplication>
#include <QScreen>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace hotline {

LockScreen::LockScreen(ConsoleSession &session, QWidget *parent) : QWidget(parent, Qt::Window), m_session(session)
{
    setObjectName(u"lockScreen"_s);
    setWindowTitle(tr("Hotline Console — locked"));
    // Blocks every other window of the console, including a dialog that was open when it locked.
    setWindowModality(Qt::ApplicationModal);
    setAutoFillBackground(true);

    const Actor &actor = session.actor();
    const auto user = session.workspace().users().user(actor.user);
    const QString who = user ? u"%1 (%2)"_s.arg(user->displayName, user->name) : actor.user;

    auto *outer = new QVBoxLayout(this);
    outer->addStretch(1);
    auto *panel = new QWidget(this);
    panel->setMinimumWidth(360);
    panel->setMaximumWidth(480);
    auto *layout = new QVBoxLayout(panel);
    auto *title = new QLabel(tr("This console is locked."), panel);
    QFont big = title->font();
    big.setBold(true);
    big.setPointSizeF(big.pointSizeF() * 1.5);
    title->setFont(big);
    layout->addWidget(title);
    auto *signedIn = new QLabel(tr("Signed in: %1, %2").arg(who, DisplayNames::of(actor.role)), panel);
    signedIn->setObjectName(u"lockUser"_s);
    signedIn->setWordWrap(true);
    layout->addWidget(signedIn);
    auto *form = new QFormLayout;
    m_password = new QLineEdit(panel);
    m_password->setObjectName(u"lockPassword"_s);
    m_password->setEchoMode(QLineEdit::Password);
    form->addRow(tr("&Password"), m_password);
    layout->addLayout(form);
    m_message = new QLabel(panel);
    m_message->setObjectName(u"lockMessage"_s);
    m_message->setStyleSheet(u"color: #b00020;"_s);
    m_message->setWordWrap(true);
    layout->addWidget(m_message);
    auto *buttons = new QHBoxLayout;
    auto *signOut = new QPushButton(tr("Sign &out"), panel);
    signOut->setObjectName(u"lockSignOut"_s);
    auto *unlock = new QPushButton(tr("&Unlock"), panel);
    unlock->setObjectName(u"lockUnlock"_s);
    unlock->setDefault(true);
    buttons->addWidget(signOut);
    buttons->addStretch(1);
    buttons->addWidget(unlock);
    layout->addLayout(buttons);
    outer->addWidget(panel, 0, Qt::AlignHCenter);
    outer->addStretch(2);

    connect(m_password, &QLineEdit::returnPressed, this, &LockScreen::tryUnlock);
    connect(unlock, &QPushButton::clicked, this, &LockScreen::tryUnlock);
    connect(signOut, &QPushButton::clicked, this, &LockScreen::signOutRequested);
}

void LockScreen::present()
{
    m_dismissing = false;
    m_password->clear();
    m_message->clear();
    // Cover the screen even where no window manager honours "full screen" (kiosk X sessions, Xvfb).
    if (const QScreen *screen = QGuiApplication::primaryScreen())
        setGeometry(screen->geometry());
    showFullScreen();
    raise();
    activateWindow();
    m_password->setFocus();
}

void LockScreen::dismiss()
{
    m_dismissing = true;
    m_password->clear();
    hide();
}

void LockScreen::closeEvent(QCloseEvent *event)
{
    if (!m_dismissing)
        event->ignore(); // only the password or "Sign out" leave the lock screen
}

void LockScreen::tryUnlock()
{
    const QString name = m_session.actor().user;
    QString error;
    // The same check as signing in, so wrong passwords here count toward the lockout.
    const auto user = m_session.workspace().users().signIn(name, m_password->text(), &error);
    m_password->clear();
    if (user && user->mustChangePassword)
        error = tr("An administrator has reset your password. Sign out and sign in again to choose a new one.");
    if (!user || user->mustChangePassword) {
        m_message->setText(error);
        m_password->setFocus();
        return;
    }
    emit unlocked();
}

} // namespace hotline
