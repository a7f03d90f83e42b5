#pragma once

#include <QDialog>

class QLabel;
class QLineEdit;
class QTableWidget;
class QTimer;

namespace hotline {

class ConsoleSession;
class TicketDetailDialog;

/**
 * Search everything (Ctrl+F in every workspace): a ticket number, a caller's phone number or words from the
 * summary, details, address or reply, over open and closed tickets the signed-in user may see (TicketSearch).
 * Keyboard first: type and press Enter, which searches and moves into the hits (typing alone searches after a
 * pause; Down moves into them too); Enter or a double click opens the ticket's detail with its timeline. Non-modal, so a call can go on beside it.
 */
class SearchDialog final : public QDialog
{
    Q_OBJECT

public:
    enum Column { NumberColumn, StatusColumn, RegisteredColumn, DepartmentColumn, SummaryColumn, ColumnCount };
    static constexpr int TicketIdRole = Qt::UserRole + 1;

    explicit SearchDialog(ConsoleSession &session, QWidget *parent = nullptr);

    QLineEdit *queryField() const { return m_query; }
    QTableWidget *results() const { return m_results; }
    QLabel *summaryLabel() const { return m_summary; }

public Q_SLOTS:
    /** Searches for the field's text now. */
    void search();
    /** Opens the current hit's detail; null when there is none. */
    TicketDetailDialog *openCurrent();
    /** Selects the whole query, ready for the next search (the shortcut again). */
    void focusQuery();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    ConsoleSession &m_session;
    QLineEdit *m_query = nullptr;
    QTableWidget *m_results = nullptr;
    QLabel *m_summary = nullptr;
    QTimer *m_typing = nullptr;
};

} // namespace hotline
