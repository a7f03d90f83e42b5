#pragma once

#include "io/ReferenceCsv.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QTableWidget;

namespace hotline {

class ConsoleSession;
class DepartmentChooser;

/**
 * The administrator's categories (code, name, usual department, time-limit class) or towns (code, name): listed,
 * added, edited and disabled through ReferenceStore, and imported from the same CSV as `hotlinectl categories
 * import` / `towns import` (all rows or none). The usual department is what the dispatch queue suggests.
 */
class ReferencePage final : public QWidget
{
    Q_OBJECT

public:
    /** Table columns (towns have no department and class: Status follows Name). */
    enum Column { CodeColumn, NameColumn, DepartmentColumn, ClassColumn, StatusColumn };

    ReferencePage(ConsoleSession &session, ReferenceKind kind, QWidget *parent = nullptr);

    /** Reads the entries (and the departments offered) again. */
    void refresh();
    /** Saves the form (a new entry when none is selected); false with the reason shown under the form. */
    bool saveEntry();
    /** Asks for a CSV file and imports it. */
    void importCsv();
    /** Clears the form for a new entry. */
    void newEntry();

protected:
    /** Reads the entries again whenever the tab is shown: departments may have changed on their page or by sync. */
    void showEvent(QShowEvent *event) override;

private:
    void showSelected();
    void showMessage(const QString &text, bool isError);
    QString name(const char *what) const; ///< objectName: "category…" or "town…"

    ConsoleSession &m_session;
    ReferenceKind m_kind;
    QString m_originalName; ///< the entry being edited; empty for a new one
    QTableWidget *m_table = nullptr;
    QLineEdit *m_code = nullptr;
    QLineEdit *m_name = nullptr;
    DepartmentChooser *m_department = nullptr;
    QComboBox *m_class = nullptr;
    QCheckBox *m_active = nullptr;
    QLabel *m_message = nullptr;
};

} // namespace hotline
