#include "signin/SignInDialog.h"

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
    auto *title = new QLabel(m_firstRun ? tr("This database has no users yet. Create the administrator, who then adds "
                                             "the call-takers, dispatchers, liaisons and supervisors.")
                                        : tr("Sign in to the hotline console."),
                             this);
    title->setWordWrap(true);
    layout->addWidget(title);

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
    connect(m_submit, &QPushButton::clicked, this, [this] { m_firstRun ? createAdministrator() : signIn(); });
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
