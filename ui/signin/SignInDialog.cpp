#include "signin/SignInDialog.h"

#include "auth/PasswordPolicy.h"
#include "domain/DisplayNames.h"
#include "service/DemoData.h"
#include "service/Workspace.h"

#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace hotline {

SignInDialog::SignInDialog(Workspace &workspace, QWidget *parent) : QDialog(parent), m_workspace(workspace)
{
    setObjectName(u"signInDialog"_s);
    m_firstRun = !m_workspace.users().hasUsers();
    setWindowTitle(m_firstRun ? tr("Hotline Console — create the administrator") : tr("Hotline Console — sign in"));
    auto *layout = new QVBoxLayout(this);
    m_title = new QLabel(m_firstRun ? tr("This database has no users yet. Create the administrator, who then adds "
                                         "the call-takers, dispatchers, liaisons and supervisors.")
                                    : tr("Sign in to the hotline console."),
                         this);
    m_title->setObjectName(u"signInTitle"_s);
    m_title->setWordWrap(true);
    layout->addWidget(m_title);

    auto *form = new QFormLayout;
    m_name = new QLineEdit(this);
    m_name->setObjectName(u"signInName"_s);
    form->addRow(tr("Sign-in name"), m_name);
    if (m_firstRun) {
        m_displayName = new QLineEdit(this);
        m_displayName->setObjectName(u"signInDisplayName"_s);
        form->addRow(tr("Full name"), m_displayName);
    }
    m_password = new QLineEdit(this);
    m_password->setObjectName(u"signInPassword"_s);
    m_password->setEchoMode(QLineEdit::Password);
    form->addRow(tr("Password"), m_password);
    if (m_firstRun) {
        m_confirm = new QLineEdit(this);
        m_confirm->setObjectName(u"signInConfirm"_s);
        m_confirm->setEchoMode(QLineEdit::Password);
        form->addRow(tr("Password again"), m_confirm);
    }
    layout->addLayout(form);
    if (m_firstRun) {
        auto *rules = new QLabel(PasswordPolicy::rules(), this);
        rules->setWordWrap(true);
        layout->addWidget(rules);
    } else {
        // Hidden until needed: after an administrator's reset, or when the user asks to change their password.
        m_newPasswordBox = new QWidget(this);
        auto *newForm = new QFormLayout(m_newPasswordBox);
        newForm->setContentsMargins(0, 0, 0, 0);
        m_newPassword = new QLineEdit(m_newPasswordBox);
        m_newPassword->setObjectName(u"signInNewPassword"_s);
        m_newPassword->setEchoMode(QLineEdit::Password);
        newForm->addRow(tr("&New password"), m_newPassword);
        m_newConfirm = new QLineEdit(m_newPasswordBox);
        m_newConfirm->setObjectName(u"signInNewConfirm"_s);
        m_newConfirm->setEchoMode(QLineEdit::Password);
        newForm->addRow(tr("New password &again"), m_newConfirm);
        auto *rules = new QLabel(PasswordPolicy::rules(), m_newPasswordBox);
        rules->setWordWrap(true);
        newForm->addRow(rules);
        m_newPasswordBox->hide();
        layout->addWidget(m_newPasswordBox);
        m_changeLink = new QPushButton(tr("&Change my password"), this);
        m_changeLink->setObjectName(u"signInChangePassword"_s);
        m_changeLink->setFlat(true);
        layout->addWidget(m_changeLink, 0, Qt::AlignLeft);
        connect(m_changeLink, &QPushButton::clicked, this, [this] { askForNewPassword(false); });
    }

    if (!m_firstRun && DemoData::isDemo(m_workspace)) {
        auto *hint = new QLabel(tr("Demo database: choose an account (password %1).").arg(DemoData::demoPassword()), this);
        layout->addWidget(hint);
        m_demoAccounts = new QListWidget(this);
        m_demoAccounts->setObjectName(u"demoAccounts"_s);
        for (const User &u : m_workspace.users().users()) {
            auto *item = new QListWidgetItem(u"%1 — %2 (%3)"_s.arg(DisplayNames::of(u.role), u.displayName, u.name), m_demoAccounts);
            item->setData(Qt::UserRole, u.name);
        }
        connect(m_demoAccounts, &QListWidget::currentItemChanged, this, [this](QListWidgetItem *item) {
            if (!item)
                return;
            m_name->setText(item->data(Qt::UserRole).toString());
            m_password->setText(DemoData::demoPassword());
        });
        connect(m_demoAccounts, &QListWidget::itemActivated, this, [this] { signIn(); });
        layout->addWidget(m_demoAccounts);
    }

    m_message = new QLabel(this);
    m_message->setObjectName(u"signInMessage"_s);
    m_message->setStyleSheet(u"color: #b00020;"_s);
    m_message->setWordWrap(true);
    layout->addWidget(m_message);
    m_submit = new QPushButton(m_firstRun ? tr("Create and sign in") : tr("Sign in"), this);
    m_submit->setObjectName(u"signInButton"_s);
    m_submit->setDefault(true);
    layout->addWidget(m_submit);
    connect(m_submit, &QPushButton::clicked, this, [this] {
        if (m_firstRun)
            createAdministrator();
        else if (m_changing)
            changePassword();
        else
            signIn();
    });
    setMinimumWidth(420);
}

void SignInDialog::signIn()
{
    QString error;
    m_user = m_workspace.users().signIn(m_name->text(), m_password->text(), &error);
    if (!m_user) {
        m_message->setText(error);
        m_password->selectAll();
        m_password->setFocus();
        return;
    }
    if (m_user->mustChangePassword) {
        // The administrator knows this password: the console opens only after the user chose their own.
        askForNewPassword(true);
        return;
    }
    accept();
}

void SignInDialog::askForNewPassword(bool forced)
{
    m_changing = true;
    m_title->setText(forced ? tr("An administrator has reset your password. Choose a new one to continue.")
                            : tr("Enter your sign-in name and current password, then the new password."));
    m_message->clear();
    if (forced) {
        m_name->setReadOnly(true);
        m_password->setReadOnly(true);
    }
    if (m_demoAccounts)
        m_demoAccounts->setEnabled(false);
    m_changeLink->hide();
    m_newPasswordBox->show();
    m_submit->setText(tr("Change password and sign in"));
    (forced || !m_name->text().isEmpty() ? m_newPassword : m_name)->setFocus();
}

void SignInDialog::changePassword()
{
    if (m_newPassword->text() != m_newConfirm->text()) {
        m_message->setText(tr("The two new passwords differ."));
        m_newConfirm->selectAll();
        m_newConfirm->setFocus();
        return;
    }
    UserStore &users = m_workspace.users();
    QString error;
    // The core checks the current password again (and counts a wrong one toward the lockout).
    if (!users.changePassword(m_name->text(), m_password->text(), m_newPassword->text(), &error)) {
        m_message->setText(error);
        m_newPassword->selectAll();
        m_newPassword->setFocus();
        return;
    }
    m_user = users.signIn(m_name->text(), m_newPassword->text(), &error);
    if (!m_user || m_user->mustChangePassword) {
        m_message->setText(error);
        return;
    }
    accept();
}

void SignInDialog::createAdministrator()
{
    if (m_password->text() != m_confirm->text()) {
        m_message->setText(tr("The two passwords differ."));
        return;
    }
    const User admin{m_name->text().trimmed(), m_displayName->text().trimmed(), Role::Administrator, QString()};
    QString error;
    if (!m_workspace.users().create(std::nullopt, admin, m_password->text(), &error)) {
        m_message->setText(error);
        return;
    }
    signIn();
}

} // namespace hotline
