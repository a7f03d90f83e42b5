#include "admin/UsersPage.h"

#include "auth/UserStore.h"
#include "domain/DisplayNames.h"
#include "service/TicketQueries.h"
#include "service/Workspace.h"
#include "support/ConsoleSession.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace hotline {

UsersPage::UsersPage(ConsoleSession &session, QWidget *parent) : QWidget(parent), m_session(session)
{
    setObjectName(u"usersPage"_s);
    auto *layout = new QVBoxLayout(this);
    m_table = new QTableWidget(0, 4, this);
    m_table->setObjectName(u"usersTable"_s);
    m_table->setHorizontalHeaderLabels({tr("Sign-in name"), tr("Name"), tr("Role"), tr("Department")});
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    layout->addWidget(m_table, 1);

    auto *title = new QLabel(tr("Add a user"), this);
    QFont bold = title->font();
    bold.setBold(true);
    title->setFont(bold);
    layout->addWidget(title);
    auto *form = new QFormLayout;
    m_name = new QLineEdit(this);
    m_name->setObjectName(u"newUserName"_s);
    m_displayName = new QLineEdit(this);
    m_displayName->setObjectName(u"newUserDisplayName"_s);
    m_role = new QComboBox(this);
    m_role->setObjectName(u"newUserRole"_s);
    for (Role r : {Role::CallTaker, Role::Dispatcher, Role::Liaison, Role::Supervisor, Role::Administrator})
        m_role->addItem(DisplayNames::of(r), QVariant::fromValue(int(r)));
    m_department = new QComboBox(this);
    m_department->setObjectName(u"newUserDepartment"_s);
    for (const Department &d : session.workspace().queries().departments())
        m_department->addItem(u"%1 (%2)"_s.arg(d.name, d.code), d.code);
    m_password = new QLineEdit(this);
    m_password->setObjectName(u"newUserPassword"_s);
    m_password->setEchoMode(QLineEdit::Password);
    form->addRow(tr("Sign-in name"), m_name);
    form->addRow(tr("Name"), m_displayName);
    form->addRow(tr("Role"), m_role);
    form->addRow(tr("Department (liaisons)"), m_department);
    form->addRow(tr("Initial password"), m_password);
    layout->addLayout(form);
    m_message = new QLabel(this);
    m_message->setObjectName(u"usersMessage"_s);
    m_message->setWordWrap(true);
    layout->addWidget(m_message);
    auto *add = new QPushButton(tr("&Add user"), this);
    add->setObjectName(u"addUser"_s);
    layout->addWidget(add, 0, Qt::AlignRight);
    connect(add, &QPushButton::clicked, this, &UsersPage::addUser);
    const auto liaisonOnly = [this] { m_department->setEnabled(Role(m_role->currentData().toInt()) == Role::Liaison); };
    connect(m_role, &QComboBox::currentIndexChanged, this, liaisonOnly);
    liaisonOnly();
    refresh();
}

void UsersPage::refresh()
{
    const QList<User> users = m_session.workspace().users().users();
    m_table->setRowCount(int(users.size()));
    for (int r = 0; r < users.size(); ++r) {
        const User &u = users.at(r);
        m_table->setItem(r, 0, new QTableWidgetItem(u.name));
        m_table->setItem(r, 1, new QTableWidgetItem(u.displayName));
        m_table->setItem(r, 2, new QTableWidgetItem(DisplayNames::of(u.role)));
        m_table->setItem(r, 3, new QTableWidgetItem(u.department.isEmpty() ? QString()
                                                                           : m_session.workspace().queries().departmentName(u.department)));
    }
}

void UsersPage::addUser()
{
    UserStore &users = m_session.workspace().users();
    const Role role = Role(m_role->currentData().toInt());
    const User user{m_name->text().trimmed(), m_displayName->text().trimmed(), role,
                    role == Role::Liaison ? m_department->currentData().toString() : QString()};
    QString error;
    // The core checks that the signed-in person is an administrator, whatever this page shows.
    if (!users.create(users.user(m_session.actor().user), user, m_password->text(), &error)) {
        m_message->setStyleSheet(u"color: #b00020;"_s);
        m_message->setText(error);
        return;
    }
    m_message->setStyleSheet(QString());
    m_message->setText(tr("%1 can now sign in as %2.").arg(user.displayName, user.name));
    m_name->clear();
    m_displayName->clear();
    m_password->clear();
    refresh();
}

} // namespace hotline
