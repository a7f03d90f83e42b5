#pragma once

#include "reports/Assessment.h"
#include "reports/ReportBundle.h"

#include <QWidget>

#include <optional>

class QLabel;
class QPrinter;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace hotline {

class ConsoleSession;
class PeriodPicker;
class ReportChartsView;

/**
 * The officials' page: the charts of a period (month, quarter or custom), the tickets behind a department's
 * bar, and the monthly report as CSV, JSON, PDF, print preview and print.
 */
class ReportsPage final : public QWidget
{
    Q_OBJECT

public:
    explicit ReportsPage(ConsoleSession &session, QWidget *parent = nullptr);

    PeriodPicker *periodPicker() const { return m_period; }
    ReportChartsView *charts() const { return m_charts; }
    /** What the page shows now; none when the last computation failed. */
    const std::optional<ReportBundle> &bundle() const { return m_bundle; }
    /** The annual assessment of the chosen year (Year period only); a liaison's holds their row alone. */
    const std::optional<Assessment> &assessment() const { return m_assessment; }

public Q_SLOTS:
    /** Computes the period again (figures, charts, corrections). */
    void refresh();
    void exportCsv();
    void exportJson();
    void exportPdf();
    void printPreview();
    void print();
    /** The annual assessment as a PDF for the officials (Year period). */
    void exportAssessmentPdf();
    /** Lists the tickets a department completed in the period (a click on its bar). */
    void showDepartmentTickets(const QString &code);

private:
    void saveBytes(const QString &title, const QString &suffix, const QString &filter, const QByteArray &bytes);
    void paintOn(QPrinter *printer);
    QString suggestedName(const QString &suffix) const;
    void showAssessment();
    /** A liaison's department: they see that row alone (PRODUCT §1); empty for everyone else. */
    QString ownDepartment() const;

    ConsoleSession &m_session;
    PeriodPicker *m_period;
    QSpinBox *m_minCompleted;
    QLabel *m_corrections;
    ReportChartsView *m_charts;
    QLabel *m_ticketsTitle;
    QTableWidget *m_tickets;
    std::optional<ReportBundle> m_bundle;
    QLabel *m_assessmentTitle;
    QTableWidget *m_assessmentTable;
    QPushButton *m_exportAssessment;
    std::optional<Assessment> m_assessment;
};

} // namespace hotline
