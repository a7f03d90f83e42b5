#include "dispatch/DepartmentChooser.h"

#include "department/DeskText.h"

#include <QCompleter>
#include <QLineEdit>

using namespace Qt::StringLiterals;

namespace hotline {

DepartmentChooser::DepartmentChooser(QWidget *parent)
    : QComboBox(parent)
{
    setEditable(true);
    setInsertPolicy(QComboBox::NoInsert);
    setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    setMinimumContentsLength(18);
    completer()->setCompletionMode(QCompleter::PopupCompletion);
    completer()->setFilterMode(Qt::MatchContains);
    completer()->setCaseSensitivity(Qt::CaseInsensitive);
    lineEdit()->setPlaceholderText(tr("Department name or code"));
    lineEdit()->setClearButtonEnabled(true);
}

void DepartmentChooser::setDepartments(const QList<Department> &departments)
{
    bool same = departments.size() == m_departments.size();
    for (qsizetype i = 0; same && i < departments.size(); ++i)
        same = departments.at(i).code == m_departments.at(i).code && departments.at(i).name == m_departments.at(i).name;
    if (same)
        return; // do not disturb what the operator is typing
    const QString chosen = currentCode();
    const QString typed = currentText();
    m_departments = departments;
    const QSignalBlocker blocker(this);
    clear();
    for (const Department &d : departments)
        addItem(DeskText::department(d.name, d.code), d.code);
    if (!chosen.isEmpty())
        setCurrentCode(chosen);
    else
        setEditText(typed);
}

QString DepartmentChooser::currentCode() const
{
    const QString text = currentText().trimmed();
    if (text.isEmpty())
        return {};
    const int exact = findText(text, Qt::MatchFixedString); // case-insensitive, whole text
    if (exact >= 0)
        return itemData(exact).toString();
    for (const Department &d : m_departments) {
        if (d.code.compare(text, Qt::CaseInsensitive) == 0 || d.name == text)
            return d.code;
    }
    return {};
}

void DepartmentChooser::setCurrentCode(const QString &code)
{
    const int i = code.isEmpty() ? -1 : findData(code);
    setCurrentIndex(i);
    if (i < 0)
        setEditText(QString());
}

} // namespace hotline
