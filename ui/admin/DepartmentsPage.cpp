#include "admin/DepartmentsPage.h"

#include "admin/OpenPathPrompt.h"
#include "io/TicketImporter.h"
#include "notify/DepartmentContacts.h"
#include "service/Workspace.h"
#include "support/ConsoleSession.h"
#include "support/Prompts.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace hotline {
namespace {

const auto kErrorStyle = u"color: #b00020;"_s;

/** How many import errors the summary lists; the rest are counted. */
constexpr int kShownErrors = 15;

QLabel *errorLabel(const QString &objectName, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setStyleSheet(kErrorStyle);
    label->setWordWrap(true);
    label->hide();
    return label;
}

/** A line edit with its error under it, as one form field. */
QWidget *withError(QLineEdit *edit, QLabel *error, QWidget *parent)
{
    auto *field = new QWidget(parent);
    auto *column = new QVBoxLayout(field);
    column->setContentsMargins(0, 0, 0, 0);
    column->setSpacing(2);
    column->addWidget(edit);
    column->addWidget(error);
    return field;
}

} // namespace

DepartmentsPage::DepartmentsPage(ConsoleSession &session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
{
    setObjectName(u"departmentsPage"_s);
    auto *layout = new QVBoxLayout(this);
    m_table = new QTableWidget(0, ColumnCount, this);
    m_table->setObjectName(u"departmentsTable"_s);
    m_table->setHorizontalHeaderLabels(
        {tr("Code"), tr("Name"), tr("Duty phones (reminders)"), tr("Head's phone (urging)")});
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    layout->addWidget(m_table, 1);
    connect(m_table, &QTableWidget::currentCellChanged, this, &DepartmentsPage::showSelected);

    auto *form = new QFormLayout;
    m_code = new QLineEdit(this);
    m_code->setObjectName(u"departmentCode"_s);
    m_name = new QLineEdit(this);
    m_name->setObjectName(u"departmentName"_s);
    m_duty = new QLineEdit(this);
    m_duty->setObjectName(u"departmentDutyPhones"_s);
    m_duty->setPlaceholderText(tr("e.g. 13800000001; 0757-86280000"));
    m_head = new QLineEdit(this);
    m_head->setObjectName(u"departmentHeadPhone"_s);
    m_dutyError = errorLabel(u"departmentDutyError"_s, this);
    m_headError = errorLabel(u"departmentHeadError"_s, this);
    const auto addRow = [&](const QString &text, QLineEdit *edit, QWidget *field) {
        auto *label = new QLabel(text, this);
        label->setBuddy(edit);
        form->addRow(label, field);
    };
    addRow(tr("C&ode"), m_code, m_code);
    addRow(tr("&Name"), m_name, m_name);
    addRow(tr("&Duty phones (separate with ;)"), m_duty, withError(m_duty, m_dutyError, this));
    addRow(tr("&Head's phone"), m_head, withError(m_head, m_headError, this));
    layout->addLayout(form);
    connect(m_duty, &QLineEdit::editingFinished, this, &DepartmentsPage::checkPhones);
    connect(m_head, &QLineEdit::editingFinished, this, &DepartmentsPage::checkPhones);

    m_message = new QLabel(this);
    m_message->setObjectName(u"departmentsMessage"_s);
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_message);

    auto *buttons = new QHBoxLayout;
    auto *importButton = new QPushButton(tr("&Import CSV…"), this);
    importButton->setObjectName(u"importDepartments"_s);
    auto *newButton = new QPushButton(tr("Ne&w department"), this);
    newButton->setObjectName(u"newDepartment"_s);
    auto *saveButton = new QPushButton(tr("&Save department"), this);
    saveButton->setObjectName(u"saveDepartment"_s);
    buttons->addWidget(importButton);
    buttons->addStretch(1);
    buttons->addWidget(newButton);
    buttons->addWidget(saveButton);
    layout->addLayout(buttons);
    connect(importButton, &QPushButton::clicked, this, &DepartmentsPage::importCsv);
    connect(newButton, &QPushButton::clicked, this, &DepartmentsPage::newDepartment);
    connect(saveButton, &QPushButton::clicked, this, &DepartmentsPage::saveDepartment);
    connect(m_head, &QLineEdit::returnPressed, this, &DepartmentsPage::saveDepartment);

    setTabOrder(m_table, m_code);
    setTabOrder(m_code, m_name);
    setTabOrder(m_name, m_duty);
    setTabOrder(m_duty, m_head);
    setTabOrder(m_head, saveButton);
    setTabOrder(saveButton, newButton);
    setTabOrder(newButton, importButton);
    refresh();
}

void DepartmentsPage::refresh()
{
    const QString current = m_code->text().trimmed();
    const QList<DepartmentContact> all = DepartmentContacts(m_session.workspace().database()).all();
    const QSignalBlocker blocker(m_table); // the form keeps what is being edited
    m_table->setRowCount(int(all.size()));
    for (int r = 0; r < all.size(); ++r) {
        const DepartmentContact &d = all.at(r);
        m_table->setItem(r, CodeColumn, new QTableWidgetItem(d.code));
        m_table->setItem(r, NameColumn, new QTableWidgetItem(d.name));
        m_table->setItem(r, DutyColumn, new QTableWidgetItem(d.dutyPhones.join(u"; "_s)));
        m_table->setItem(r, HeadColumn, new QTableWidgetItem(d.headPhone));
        if (d.code == current)
            m_table->setCurrentCell(r, CodeColumn);
    }
    m_table->resizeColumnsToContents();
}

void DepartmentsPage::showSelected()
{
    const int r = m_table->currentRow();
    if (r < 0)
        return;
    const auto text = [this, r](int column) -> QString {
        const QTableWidgetItem *item = m_table->item(r, column);
        return item ? item->text() : QString();
    };
    m_code->setText(text(CodeColumn));
    m_code->setReadOnly(true); // the code is the key tickets refer to: editing it here would add another department
    m_name->setText(text(NameColumn));
    m_duty->setText(text(DutyColumn));
    m_head->setText(text(HeadColumn));
    m_dutyError->hide();
    m_headError->hide();
}

void DepartmentsPage::newDepartment()
{
    const QSignalBlocker blocker(m_table);
    m_table->clearSelection();
    m_table->setCurrentCell(-1, -1);
    m_code->setReadOnly(false);
    for (QLineEdit *edit : {m_code, m_name, m_duty, m_head})
        edit->clear();
    m_dutyError->hide();
    m_headError->hide();
    m_message->clear();
    m_code->setFocus();
}

bool DepartmentsPage::checkPhones()
{
    QString dutyWhy;
    // At least one: reminders go to the duty phones, and a department without one would miss every reminder.
    if (DepartmentContacts::parsePhones(m_duty->text(), &dutyWhy).isEmpty() && dutyWhy.isEmpty())
        dutyWhy = tr("Give at least one duty phone: reminder SMS go to the duty phones.");
    QString headWhy;
    const QStringList head = DepartmentContacts::parsePhones(m_head->text(), &headWhy);
    if (headWhy.isEmpty() && head.size() > 1)
        headWhy = tr("Give one phone number for the department head.");
    m_dutyError->setText(dutyWhy);
    m_dutyError->setVisible(!dutyWhy.isEmpty());
    m_headError->setText(headWhy);
    m_headError->setVisible(!headWhy.isEmpty());
    return dutyWhy.isEmpty() && headWhy.isEmpty();
}

bool DepartmentsPage::saveDepartment()
{
    if (!checkPhones()) {
        showMessage(tr("The department was not saved: correct the phone numbers marked in red."), true);
        (m_dutyError->isVisibleTo(this) ? m_duty : m_head)->setFocus();
        return false;
    }
    QString why;
    const DepartmentContact contact {m_code->text().trimmed(), m_name->text().trimmed(),
                                     DepartmentContacts::parsePhones(m_duty->text(), &why), m_head->text().trimmed()};
    QString error;
    if (!DepartmentContacts(m_session.workspace().database()).save(m_session.actor(), contact, &error)) {
        showMessage(error, true);
        return false;
    }
    showMessage(tr("Department %1 (%2) saved.").arg(contact.name, contact.code), false);
    m_code->setReadOnly(true);
    refresh();
    return true;
}

void DepartmentsPage::importCsv()
{
    const QString title = tr("Import departments");
    const std::optional<QString> path = OpenPathPrompt::ask(this, title, tr("CSV files (*.csv);;All files (*)"));
    if (!path)
        return;
    // The importer of `hotlinectl departments import`: a bad row anywhere imports nothing.
    const ImportResult r = DepartmentImporter(m_session.workspace(), m_session.actor()).importFile(*path);
    if (!r.ok) {
        QStringList lines = r.errors.mid(0, kShownErrors);
        if (r.errors.size() > kShownErrors)
            lines << tr("… and %n more.", nullptr, int(r.errors.size() - kShownErrors));
        const QString text = tr("Nothing was imported (%1 bad of %2 rows).").arg(r.badRows).arg(r.rows);
        showMessage(text, true);
        Prompts::warning(this, title, text + u"\n\n"_s + lines.join(u'\n'));
        return;
    }
    const QString text = tr("Imported %n department(s).", nullptr, int(r.imported));
    showMessage(text, false);
    Prompts::information(this, title, text);
    refresh();
}

void DepartmentsPage::showMessage(const QString &text, bool isError)
{
    m_message->setStyleSheet(isError ? kErrorStyle : QString());
    m_message->setText(text);
}

} // namespace hotline
