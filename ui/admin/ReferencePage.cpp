#include "admin/ReferencePage.h"

#include "admin/OpenPathPrompt.h"
#include "department/DeskText.h"
#include "dispatch/DepartmentChooser.h"
#include "domain/Enums.h"
#include "io/ReferenceImporter.h"
#include "service/ReferenceStore.h"
#include "service/TicketQueries.h"
#include "service/Workspace.h"
#include "support/ConsoleSession.h"
#include "support/Prompts.h"

#include <QCheckBox>
#include <QComboBox>
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

} // namespace

ReferencePage::ReferencePage(ConsoleSession &session, ReferenceKind kind, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_kind(kind)
{
    const bool isCategory = kind == ReferenceKind::Categories;
    setObjectName(isCategory ? u"categoriesPage"_s : u"townsPage"_s);
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(isCategory ? tr("Each category's usual department is what the dispatch queue suggests; "
                                             "its time-limit class decides the deadline (empty: the ticket type "
                                             "decides). Disabled categories are no longer offered at registration.")
                                        : tr("The towns offered at registration. Disabled towns are no longer "
                                             "offered; tickets keep the town they were registered with."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    const QStringList headers = isCategory
        ? QStringList {tr("Code"), tr("Name"), tr("Usual department"), tr("Time-limit class"), tr("Status")}
        : QStringList {tr("Code"), tr("Name"), tr("Status")};
    m_table = new QTableWidget(0, int(headers.size()), this);
    m_table->setObjectName(isCategory ? u"categoriesTable"_s : u"townsTable"_s);
    m_table->setHorizontalHeaderLabels(headers);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    layout->addWidget(m_table, 1);
    connect(m_table, &QTableWidget::currentCellChanged, this, &ReferencePage::showSelected);

    auto *form = new QFormLayout;
    m_code = new QLineEdit(this);
    m_code->setObjectName(name("Code"));
    m_name = new QLineEdit(this);
    m_name->setObjectName(name("Name"));
    const auto addRow = [&](const QString &text, QWidget *field) {
        auto *label = new QLabel(text, this);
        label->setBuddy(field);
        form->addRow(label, field);
    };
    addRow(tr("C&ode"), m_code);
    addRow(tr("&Name"), m_name);
    if (isCategory) {
        m_department = new DepartmentChooser(this);
        m_department->setObjectName(name("Department"));
        m_department->setToolTip(tr("Leave empty when the category has no usual department."));
        m_class = new QComboBox(this);
        m_class->setObjectName(name("Class"));
        m_class->addItem(tr("By ticket type"), QString());
        m_class->addItem(tr("Consultation (consult)"), toCode(SlaClass::Consult));
        m_class->addItem(tr("Handling (handling)"), toCode(SlaClass::Handling));
        addRow(tr("&Usual department"), m_department);
        addRow(tr("&Time-limit class"), m_class);
    }
    m_active = new QCheckBox(tr("&Offered at registration"), this);
    m_active->setObjectName(name("Active"));
    m_active->setChecked(true);
    form->addRow(QString(), m_active);
    layout->addLayout(form);

    m_message = new QLabel(this);
    m_message->setObjectName(isCategory ? u"categoriesMessage"_s : u"townsMessage"_s);
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_message);

    auto *buttons = new QHBoxLayout;
    auto *importButton = new QPushButton(tr("&Import CSV…"), this);
    importButton->setObjectName(isCategory ? u"importCategories"_s : u"importTowns"_s);
    auto *newButton = new QPushButton(isCategory ? tr("Ne&w category") : tr("Ne&w town"), this);
    newButton->setObjectName(isCategory ? u"newCategory"_s : u"newTown"_s);
    auto *saveButton = new QPushButton(isCategory ? tr("&Save category") : tr("&Save town"), this);
    saveButton->setObjectName(isCategory ? u"saveCategory"_s : u"saveTown"_s);
    buttons->addWidget(importButton);
    buttons->addStretch(1);
    buttons->addWidget(newButton);
    buttons->addWidget(saveButton);
    layout->addLayout(buttons);
    connect(importButton, &QPushButton::clicked, this, &ReferencePage::importCsv);
    connect(newButton, &QPushButton::clicked, this, &ReferencePage::newEntry);
    connect(saveButton, &QPushButton::clicked, this, &ReferencePage::saveEntry);
    connect(m_name, &QLineEdit::returnPressed, this, &ReferencePage::saveEntry);
    refresh();
}

QString ReferencePage::name(const char *what) const
{
    return (m_kind == ReferenceKind::Categories ? u"category"_s : u"town"_s) + QLatin1StringView(what);
}

void ReferencePage::showEvent(QShowEvent *event)
{
    refresh();
    QWidget::showEvent(event);
}

void ReferencePage::refresh()
{
    const bool isCategory = m_kind == ReferenceKind::Categories;
    TicketQueries &queries = m_session.workspace().queries();
    if (m_department)
        m_department->setDepartments(queries.departments());
    const QList<ReferenceEntry> entries = ReferenceStore(m_session.workspace().database()).all(m_kind);
    const QSignalBlocker blocker(m_table); // the form keeps what is being edited
    m_table->setRowCount(int(entries.size()));
    const int statusColumn = isCategory ? StatusColumn : NameColumn + 1;
    for (int r = 0; r < entries.size(); ++r) {
        const ReferenceEntry &e = entries.at(r);
        auto *code = new QTableWidgetItem(e.code);
        code->setData(Qt::UserRole, e.name);
        m_table->setItem(r, CodeColumn, code);
        m_table->setItem(r, NameColumn, new QTableWidgetItem(e.name));
        if (isCategory) {
            auto *department = new QTableWidgetItem(
                e.departmentCode.isEmpty()
                    ? QString()
                    : DeskText::department(queries.departmentName(e.departmentCode), e.departmentCode));
            department->setData(Qt::UserRole, e.departmentCode);
            m_table->setItem(r, DepartmentColumn, department);
            auto *cls = new QTableWidgetItem(m_class->itemText(std::max(0, m_class->findData(e.slaClass))));
            cls->setData(Qt::UserRole, e.slaClass);
            m_table->setItem(r, ClassColumn, cls);
        }
        auto *status = new QTableWidgetItem(e.active ? tr("Active") : tr("Disabled"));
        status->setData(Qt::UserRole, e.active);
        m_table->setItem(r, statusColumn, status);
        if (!m_originalName.isEmpty() && e.name == m_originalName)
            m_table->setCurrentCell(r, CodeColumn);
    }
    m_table->resizeColumnsToContents();
}

void ReferencePage::showSelected()
{
    const int r = m_table->currentRow();
    if (r < 0 || !m_table->item(r, CodeColumn))
        return;
    const bool isCategory = m_kind == ReferenceKind::Categories;
    m_originalName = m_table->item(r, CodeColumn)->data(Qt::UserRole).toString();
    m_code->setText(m_table->item(r, CodeColumn)->text());
    m_name->setText(m_table->item(r, NameColumn)->text());
    if (isCategory) {
        m_department->setCurrentCode(m_table->item(r, DepartmentColumn)->data(Qt::UserRole).toString());
        m_class->setCurrentIndex(std::max(0, m_class->findData(m_table->item(r, ClassColumn)->data(Qt::UserRole))));
    }
    m_active->setChecked(m_table->item(r, isCategory ? StatusColumn : NameColumn + 1)->data(Qt::UserRole).toBool());
    m_message->clear();
}

void ReferencePage::newEntry()
{
    const QSignalBlocker blocker(m_table);
    m_table->clearSelection();
    m_table->setCurrentCell(-1, -1);
    m_originalName.clear();
    m_code->clear();
    m_name->clear();
    if (m_department) {
        m_department->setCurrentCode(QString());
        m_class->setCurrentIndex(0);
    }
    m_active->setChecked(true);
    m_message->clear();
    m_code->setFocus();
}

bool ReferencePage::saveEntry()
{
    ReferenceEntry e;
    e.code = m_code->text().trimmed();
    e.name = m_name->text().trimmed();
    e.active = m_active->isChecked();
    if (m_department) {
        e.departmentCode = m_department->currentCode();
        if (e.departmentCode.isEmpty() && !m_department->currentText().trimmed().isEmpty()) {
            showMessage(tr("Not saved: “%1” is not a known department. Choose one from the list, or leave the field "
                           "empty.")
                            .arg(ReferenceText::shown(m_department->currentText().trimmed())),
                        true);
            m_department->setFocus();
            return false;
        }
        e.slaClass = m_class->currentData().toString();
    }
    QString error;
    if (!ReferenceStore(m_session.workspace().database()).save(m_session.actor(), m_kind, m_originalName, e, &error)) {
        showMessage(tr("Not saved: %1").arg(error), true);
        return false;
    }
    showMessage(e.code.isEmpty() ? tr("%1 saved.").arg(e.name) : tr("%1 (%2) saved.").arg(e.name, e.code), false);
    m_originalName = e.name;
    refresh();
    return true;
}

void ReferencePage::importCsv()
{
    const bool isCategory = m_kind == ReferenceKind::Categories;
    const QString title = isCategory ? tr("Import categories") : tr("Import towns");
    const std::optional<QString> path = OpenPathPrompt::ask(this, title, tr("CSV files (*.csv);;All files (*)"));
    if (!path)
        return;
    // The importer of `hotlinectl categories import` / `towns import`: a bad row anywhere imports nothing.
    const ReferenceImportResult r
        = ReferenceImporter(m_session.workspace().database(), m_session.actor()).importFile(m_kind, *path);
    if (!r.ok) {
        QStringList lines = r.errors.mid(0, kShownErrors);
        if (r.errors.size() > kShownErrors)
            lines << tr("… and %n more.", nullptr, int(r.errors.size() - kShownErrors));
        const QString text = tr("Nothing was imported (%1 bad of %2 rows).").arg(r.badRows).arg(r.rows);
        showMessage(text + u'\n' + lines.join(u'\n'), true);
        Prompts::warning(this, title, text + u"\n\n"_s + lines.join(u'\n'));
        return;
    }
    const QString text
        = tr("Imported %n row(s): %1 new, %2 updated.", nullptr, int(r.imported)).arg(r.added).arg(r.updated);
    showMessage(text, false);
    Prompts::information(this, title, text);
    refresh();
}

void ReferencePage::showMessage(const QString &text, bool isError)
{
    m_message->setStyleSheet(isError ? kErrorStyle : QString());
    m_message->setText(text);
}

} // namespace hotline
