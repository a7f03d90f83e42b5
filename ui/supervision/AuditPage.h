#pragma once

#include <QWidget>

class QComboBox;
class QDateEdit;
class QLabel;
class QTableWidget;

namespace hotline {

class ConsoleSession;

/**
 * The administrative changes for supervisors (the discipline office) and administrators (docs/USER-GUIDE.md
 * "Audit"): who changed which setting, calendar day, department, category, town or account, when, from which
 * console, and the old and new value, read from the hash-chained event log. Read-only; filters by period (both
 * dates included) and by what was changed. The core refuses it to roles without Action::ViewAudit.
 */
class AuditPage final : public QWidget
{
    Q_OBJECT

public:
    enum Column { AtColumn, ActorColumn, ConsoleColumn, EntityColumn, KeyColumn, OldColumn, NewColumn, ColumnCount };

    explicit AuditPage(ConsoleSession &session, QWidget *parent = nullptr);

    /** Reads the changes again with the current filters. */
    void refresh();
    /** Sets the period (an invalid date leaves that end open) and the entity code (empty: all), then refreshes. */
    void setFilter(const QDate &from, const QDate &to, const QString &entity);
    QTableWidget *table() const { return m_table; }

protected:
    void showEvent(QShowEvent *event) override;

private:
    ConsoleSession &m_session;
    QDateEdit *m_from = nullptr;
    QDateEdit *m_to = nullptr;
    QComboBox *m_entity = nullptr;
    QTableWidget *m_table = nullptr;
    QLabel *m_count = nullptr;
};

} // namespace hotline
