#include "admin/UsersPage.h"

#include "auth/PasswordPolicy.h"
#include "auth/UserStore.h"
#include "domain/DisplayNames.h"
#include "service/TicketQueries.h"
#include "service/Workspace.h"
#include "support/ConsoleSession.h"

#include <QAction>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
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
    m_table = new QTableWidget(0, 5, this);
    m_table->setObjectName(u"usersTable"_s);
    m_table->setHorizontalHeaderLabels({tr("Sign-in name"), tr("Name"), tr("Role"), tr("Department"), tr("Status")});
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    layout->addWidget(m_table, 1);

    // What can be done to the selected user: buttons below the table, the same actions on its context menu
    // (the keyboard's menu key opens it too).
    auto *selectedBox = new QGroupBox(tr("Selected user"), this);
    auto *selectedLayout = new QFormLayout(selectedBox);
    m_selected = new QLabel(selectedBox);
    m_selected->setObjectName(u"selectedUser"_s);
    auto *stateRow = new QHBoxLayout;
    m_toggleDisabled = new QPushButton(tr("&Disable"), selectedBox);
    m_toggleDisabled->setObjectName(u"toggleDisabled"_s);
    m_unlock = new QPushButton(tr("Un&lock"), selectedBox);
    m_unlock->setObjectName(u"unlockUser"_s);
    stateRow->addWidget(m_selected, 1);
    stateRow->addWidget(m_toggleDisabled);
    stateRow->addWidget(m_unlock);
    selectedLayout->addRow(stateRow);
    auto *resetRow = new QHBoxLayout;
    m_resetField = new QLineEdit(selectedBox);
    m_resetField->setObjectName(u"resetPasswordField"_s);
    m_resetField->setEchoMode(QLineEdit::Password);
    m_resetField->setPlaceholderText(tr("to be changed at the next sign-in"));
    m_reset = new QPushButton(tr("&Reset password"), selectedBox);
    m_reset->setObjectName(u"resetPassword"_s);
    resetRow->addWidget(m_resetField, 1);
    resetRow->addWidget(m_reset);
    selectedLayout->addRow(tr("New password"), resetRow);
    auto *roleRow = new QHBoxLayout;
    m_changeRole = new QComboBox(selectedBox);
    m_changeRole->setObjectName(u"changeRoleCombo"_s);
    fillRoles(m_changeRole);
    m_changeDepartment = new QComboBox(selectedBox);
    m_changeDepartment->setObjectName(u"changeDepartmentCombo"_s);
    fillDepartments(m_changeDepartment);
    m_applyRole = new QPushButton(tr("C&hange role"), selectedBox);
    m_applyRole->setObjectName(u"changeRole"_s);
    roleRow->addWidget(m_changeRole, 1);
    roleRow->addWidget(m_changeDepartment, 1);
    roleRow->addWidget(m_applyRole);
    selectedLayout->addRow(tr("Role and department"), roleRow);
    layout->addWidget(selectedBox);

    m_toggleAction = new QAction(tr("Disable"), this);
    m_unlockAction = new QAction(tr("Unlock"), this);
    m_resetAction = new QAction(tr("Reset password…"), this);
    m_roleAction = new QAction(tr("Change role…"), this);
    m_table->addActions({m_toggleAction, m_unlockAction, m_resetAction, m_roleAction});
    m_table->setContextMenuPolicy(Qt::ActionsContextMenu);
    connect(m_toggleAction, &QAction::triggered, this, &UsersPage::toggleDisabled);
    connect(m_unlockAction, &QAction::triggered, this, &UsersPage::unlock);
    connect(m_resetAction, &QAction::triggered, m_resetField, [this] { m_resetField->setFocus(); });
    connect(m_roleAction, &QAction::triggered, m_changeRole, [this] { m_changeRole->setFocus(); });
    connect(m_toggleDisabled, &QPushButton::clicked, this, &UsersPage::toggleDisabled);
    connect(m_unlock, &QPushButton::clicked, this, &UsersPage::unlock);
    connect(m_reset, &QPushButton::clicked, this, &UsersPage::resetPassword);
    connect(m_resetField, &QLineEdit::returnPressed, this, &UsersPage::resetPassword);
    connect(m_applyRole, &QPushButton::clicked, this, &UsersPage::changeRole);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &UsersPage::updateActions);
    const auto roleDepartment = [this] {
        m_changeDepartment->setEnabled(Role(m_changeRole->currentData().toInt()) == Role::Liaison);
    };
    connect(m_changeRole, &QComboBox::currentIndexChanged, this, roleDepartment);

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
    fillRoles(m_role);
    m_department = new QComboBox(this);
    m_department->setObjectName(u"newUserDepartment"_s);
    fillDepartments(m_department);
    m_password = new QLineEdit(this);
    m_password->setObjectName(u"newUserPassword"_s);
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setToolTip(PasswordPolicy::rules());
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

void UsersPage::fillRoles(QComboBox *combo)
{
    for (Role r : {Role::CallTaker, Role::Dispatcher, Role::Liaison, Role::Supervisor, Role::Administrator})
        combo->addItem(DisplayNames::of(r), QVariant::fromValue(int(r)));
}

void UsersPage::fillDepartments(QComboBox *combo) const
{
    for (const Department &d : m_session.workspace().queries().departments())
        combo->addItem(u"%1 (%2)"_s.arg(d.name, d.code), d.code);
}

QString UsersPage::statusText(const User &u) const
{
    QStringList parts{u.disabled ? tr("Disabled") : tr("Enabled")};
    if (m_session.workspace().users().isLocked(u.name))
        parts << tr("locked after failed sign-ins");
    if (u.mustChangePassword)
        parts << tr("must change password");
    return parts.join(u", "_s);
}

void UsersPage::refresh()
{
    const QString keep = selectedName();
    const QList<User> users = m_session.workspace().users().users();
    m_table->setRowCount(int(users.size()));
    for (int r = 0; r < users.size(); ++r) {
        const User &u = users.at(r);
        m_table->setItem(r, 0, new QTableWidgetItem(u.name));
        m_table->setItem(r, 1, new QTableWidgetItem(u.displayName));
        m_table->setItem(r, 2, new QTableWidgetItem(DisplayNames::of(u.role)));
        m_table->setItem(r, 3, new QTableWidgetItem(u.department.isEmpty() ? QString()
                                                                           : m_session.workspace().queries().departmentName(u.department)));
        m_table->setItem(r, 4, new QTableWidgetItem(statusText(u)));
    }
    if (keep.isEmpty() || !select(keep))
        updateActions();
}

bool UsersPage::select(const QString &name)
{
    for (int r = 0; r < m_table->rowCount(); ++r) {
        if (m_table->item(r, 0)->text() == name) {
            m_table->setCurrentCell(r, 0);
            m_table->selectRow(r);
            updateActions();
            return true;
        }
    }
    return false;
}

QString UsersPage::selectedName() const
{
    const QList<QTableWidgetItem *> items = m_table->selectedItems();
    return items.isEmpty() ? QString() : m_table->item(items.first()->row(), 0)->text();
}

void UsersPage::updateActions()
{
    const auto user = m_session.workspace().users().user(selectedName());
    for (QWidget *w : std::initializer_list<QWidget *>{m_toggleDisabled, m_unlock, m_resetField, m_reset, m_changeRole,
                                                       m_applyRole})
        w->setEnabled(user.has_value());
    for (QAction *a : {m_toggleAction, m_unlockAction, m_resetAction, m_roleAction})
        a->setEnabled(user.has_value());
    if (!user) {
        m_selected->setText(tr("Select a user in the list."));
        m_changeDepartment->setEnabled(false);
        return;
    }
    m_selected->setText(u"%1 (%2)"_s.arg(user->displayName, user->name));
    const QString toggle = user->disabled ? tr("&Enable") : tr("&Disable");
    m_toggleDisabled->setText(toggle);
    m_toggleAction->setText(user->disabled ? tr("Enable") : tr("Disable"));
    const bool locked = m_session.workspace().users().isLocked(user->name);
    m_unlock->setEnabled(locked);
    m_unlockAction->setEnabled(locked);
    m_changeRole->setCurrentIndex(m_changeRole->findData(int(user->role)));
    const int department = m_changeDepartment->findData(user->department);
    if (department >= 0)
        m_changeDepartment->setCurrentIndex(department);
    m_changeDepartment->setEnabled(Role(m_changeRole->currentData().toInt()) == Role::Liaison);
}

void UsersPage::report(bool ok, const QString &text)
{
    m_message->setStyleSheet(ok ? QString() : u"color: #b00020;"_s);
    m_message->setText(text);
    if (ok)
        refresh();
}

void UsersPage::toggleDisabled()
{
    const auto user = m_session.workspace().users().user(selectedName());
    if (!user)
        return;
    QString error;
    const bool ok = m_session.workspace().users().setDisabled(m_session.actor(), user->name, !user->disabled, &error);
    report(ok, !ok ? error : user->disabled ? tr("%1 can sign in again.").arg(user->name)
                                            : tr("%1 can no longer sign in.").arg(user->name));
}

void UsersPage::unlock()
{
    const QString name = selectedName();
    QString error;
    const bool ok = !name.isEmpty() && m_session.workspace().users().unlock(m_session.actor(), name, &error);
    report(ok, ok ? tr("%1 is unlocked.").arg(name) : error);
}

void UsersPage::resetPassword()
{
    const QString name = selectedName();
    if (name.isEmpty())
        return;
    QString error;
    const bool ok = m_session.workspace().users().resetPassword(m_session.actor(), name, m_resetField->text(), &error);
    if (ok)
        m_resetField->clear();
    report(ok, ok ? tr("%1 has a new password and must choose their own at the next sign-in.").arg(name) : error);
}

void UsersPage::changeRole()
{
    const QString name = selectedName();
    if (name.isEmpty())
        return;
    const Role role = Role(m_changeRole->currentData().toInt());
    const QString department = role == Role::Liaison ? m_changeDepartment->currentData().toString() : QString();
    QString error;
    const bool ok = m_session.workspace().users().changeRole(m_session.actor(), name, role, department, &error);
    report(ok, ok ? tr("%1 is now %2.").arg(name, DisplayNames::of(role)) : error);
}

void UsersPage::addUser()
{
    UserStore &users = m_session.workspace().users();
    const Role role = Role(m_role->currentData().toInt());
    const User user{m_name->text().trimmed(), m_displayName->text().trimmed(), role,
                    role == Role::Liaison ? m_department->currentData().toString() : QString()};
    QString error;
    // The core checks that the signed-in person may manage users, whatever this page shows.
    if (!users.create(users.user(m_session.actor().user), user, m_password->text(), &error)) {
        report(false, error);
        return;
    }
    m_name->clear();
    m_displayName->clear();
    m_password->clear();
    report(true, tr("%1 can now sign in as %2.").arg(user.displayName, user.name));
}

} // namespace hotline
