#include "reports/ReportsPage.h"

#include "io/ExportFile.h"
#include "charts/ReportChartsView.h"
#include "print/AssessmentDocument.h"
#include "print/ReportDocument.h"
#include "auth/Permissions.h"
#include "reports/PeriodPicker.h"
#include "reports/ReportBuilder.h"
#include "reports/ReportWriters.h"
#include "reports/SavePathPrompt.h"
#include "service/Workspace.h"
#include "storage/Settings.h"
#include "support/ConsoleSession.h"
#include "support/Prompts.h"
#include "util/Clock.h"

#include <QApplication>
#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPrintDialog>
#include <QPrintPreviewDialog>
#include <QPrinter>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace hotline {
namespace {

QPushButton *button(QWidget *parent, const QString &name, const QString &text)
{
    auto *b = new QPushButton(text, parent);
    b->setObjectName(name);
    return b;
}

} // namespace

ReportsPage::ReportsPage(ConsoleSession &session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_period(new PeriodPicker(this))
    , m_minCompleted(new QSpinBox(this))
    , m_corrections(new QLabel(this))
    , m_charts(new ReportChartsView(this))
    , m_ticketsTitle(new QLabel(this))
    , m_tickets(new QTableWidget(this))
    , m_assessmentTitle(new QLabel(this))
    , m_assessmentTable(new QTableWidget(this))
    , m_exportAssessment(button(this, u"exportAssessment"_s, tr("Assessment PDF…")))
{
    setObjectName(u"reportsPage"_s);
    m_minCompleted->setObjectName(u"minCompleted"_s);
    m_minCompleted->setRange(1, 1000);
    m_minCompleted->setValue(kDefaultMinCompletedForRank);
    m_minCompleted->setToolTip(tr("Departments with fewer completed tickets are shown but not ranked."));
    m_corrections->setObjectName(u"correctionsNote"_s);
    m_corrections->setWordWrap(true);
    m_corrections->setStyleSheet(u"color: #b71c1c; font-weight: bold;"_s);
    m_tickets->setObjectName(u"departmentTickets"_s);
    m_tickets->setColumnCount(4);
    m_tickets->setHorizontalHeaderLabels({tr("Number"), tr("Summary"), tr("Closed"), tr("On time")});
    m_tickets->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_tickets->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_tickets->verticalHeader()->hide();

    m_assessmentTitle->setObjectName(u"assessmentTitle"_s);
    m_assessmentTitle->setWordWrap(true);
    m_assessmentTable->setObjectName(u"assessmentTable"_s);
    m_assessmentTable->setColumnCount(int(AssessmentWriter::columnTitles().size()));
    m_assessmentTable->setHorizontalHeaderLabels(AssessmentWriter::columnTitles());
    m_assessmentTable->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_assessmentTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_assessmentTable->verticalHeader()->hide();
    m_exportAssessment->setToolTip(tr("The annual assessment table as a PDF (choose the Year period)."));

    auto *controls = new QHBoxLayout;
    controls->addWidget(m_period);
    controls->addWidget(new QLabel(tr("Rank from"), this));
    controls->addWidget(m_minCompleted);
    controls->addWidget(new QLabel(tr("completed tickets"), this));
    controls->addStretch();
    const QList<std::pair<QPushButton *, void (ReportsPage::*)()>> actions {
        {button(this, u"exportCsv"_s, tr("Export CSV…")), &ReportsPage::exportCsv},
        {button(this, u"exportJson"_s, tr("Export JSON…")), &ReportsPage::exportJson},
        {button(this, u"exportPdf"_s, tr("Export PDF…")), &ReportsPage::exportPdf},
        {button(this, u"printPreview"_s, tr("Print preview…")), &ReportsPage::printPreview},
        {button(this, u"print"_s, tr("Print…")), &ReportsPage::print},
    };
    for (const auto &[b, slot] : actions) {
        controls->addWidget(b);
        connect(b, &QPushButton::clicked, this, slot);
    }
    controls->addWidget(m_exportAssessment);
    connect(m_exportAssessment, &QPushButton::clicked, this, &ReportsPage::exportAssessmentPdf);

    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setWidget(m_charts);
    auto *ticketsBox = new QWidget(this);
    auto *ticketsLayout = new QVBoxLayout(ticketsBox);
    ticketsLayout->setContentsMargins(0, 0, 0, 0);
    ticketsLayout->addWidget(m_ticketsTitle);
    ticketsLayout->addWidget(m_tickets);
    m_ticketsTitle->setText(tr("Click a department's bar to list the tickets it completed in the period."));
    auto *assessmentBox = new QWidget(this);
    assessmentBox->setObjectName(u"assessmentBox"_s);
    auto *assessmentLayout = new QVBoxLayout(assessmentBox);
    assessmentLayout->setContentsMargins(0, 0, 0, 0);
    assessmentLayout->addWidget(m_assessmentTitle);
    assessmentLayout->addWidget(m_assessmentTable);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(assessmentBox);
    split->addWidget(scroll);
    split->addWidget(ticketsBox);
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 4);
    split->setStretchFactor(2, 1);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(controls);
    layout->addWidget(m_corrections);
    layout->addWidget(split, 1);

    // Default: the last closed month, the one a monthly report is about.
    const QTimeZone zone = m_session.sla().calendar().timeZone();
    const QDate today = QDateTime::fromMSecsSinceEpoch(m_session.clock().nowMs(), zone).date();
    m_period->setDates(QDate(today.year(), today.month(), 1).addMonths(-1));
    connect(m_period, &PeriodPicker::periodChanged, this, &ReportsPage::refresh);
    connect(m_minCompleted, &QSpinBox::valueChanged, this, &ReportsPage::refresh);
    connect(m_charts, &ReportChartsView::departmentClicked, this, &ReportsPage::showDepartmentTickets);
    refresh();
}

QString ReportsPage::ownDepartment() const
{
    const Actor &actor = m_session.actor();
    return Permissions::grant(actor.role, Action::ViewReports) == Grant::OwnDepartment ? actor.department : QString();
}

void ReportsPage::refresh()
{
    Workspace &ws = m_session.workspace();
    const QTimeZone zone = m_session.sla().calendar().timeZone();
    const qint64 nowMs = m_session.clock().nowMs();
    const bool year = m_period->mode() == PeriodPicker::Mode::Year;
    QString error;
    m_assessment.reset();
    m_tickets->setRowCount(0);
    if (year && nowMs < ReportBuilder::startOfDayMs(m_period->from(), zone)) {
        // Never a figure for a period that has not happened.
        m_bundle.reset();
        error = AssessmentBuilder::tr("The year %1 has not begun: there are no figures for it yet.")
                    .arg(m_period->from().year());
    } else {
        m_bundle = ReportBundleBuilder::build(ws.database(), zone, ws.settings().centreName(), m_period->from(),
                                              m_period->to(), nowMs, m_minCompleted->value(), &error);
    }
    if (m_bundle && year) {
        m_assessment = AssessmentBuilder::assess(m_period->from().year(), m_bundle->report,
                                                 AssessmentWeights::fromSettings(ws.settings()));
    }
    if (m_bundle) {
        // A liaison reads their own department's figures: its row, and totals that are that row.
        std::optional<ReportData> readable = m_bundle->report.readableBy(m_session.actor(), &error);
        if (!readable) {
            m_bundle.reset();
            m_assessment.reset();
        } else {
            m_bundle->report = std::move(*readable);
            if (const QString own = ownDepartment(); m_assessment && !own.isEmpty())
                m_assessment = m_assessment->scopedTo(own);
        }
    }
    showAssessment();
    if (!m_bundle) {
        m_corrections->setText(tr("Cannot compute the report: %1").arg(error));
        m_corrections->show();
        return;
    }
    // A running period says at which instant its open tickets were judged; a closed one, what changed since.
    QStringList notes {m_bundle->report.runningNote(), ReportCorrections::note(m_bundle->corrections)};
    notes.removeAll(QString());
    m_corrections->setText(notes.join(u'\n'));
    m_corrections->setVisible(!m_corrections->text().isEmpty());
    m_charts->setBundle(*m_bundle);
}

void ReportsPage::showAssessment()
{
    m_exportAssessment->setEnabled(m_assessment.has_value());
    m_assessmentTitle->parentWidget()->setVisible(m_period->mode() == PeriodPicker::Mode::Year);
    m_assessmentTable->setRowCount(0);
    if (!m_assessment) {
        m_assessmentTitle->setText(tr("No assessment for this year."));
        return;
    }
    m_assessmentTitle->setText(AssessmentWriter::title(*m_assessment) + u'\n'
                               + AssessmentWriter::formula(m_assessment->weights));
    QList<QStringList> rows;
    for (const AssessmentRow &r : m_assessment->rows)
        rows << AssessmentWriter::cells(r, u"–"_s);
    m_assessmentTable->setRowCount(int(rows.size()));
    for (int r = 0; r < rows.size(); ++r) {
        for (int c = 0; c < rows[r].size(); ++c) {
            auto *item = new QTableWidgetItem(rows[r][c]);
            if (c != 1 && c != 2)
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            m_assessmentTable->setItem(r, c, item);
        }
    }
    m_assessmentTable->resizeColumnsToContents();
    m_assessmentTable->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
}

void ReportsPage::exportAssessmentPdf()
{
    if (!m_assessment)
        return;
    QString error;
    const std::optional<QByteArray> pdf = AssessmentDocument::toPdf(
        *m_assessment, m_session.workspace().settings().centreName(), m_session.clock().nowMs(), &error);
    if (!pdf) {
        Prompts::warning(this, tr("Export PDF"), error);
        return;
    }
    saveBytes(tr("Export PDF"), u"pdf"_s, tr("PDF (*.pdf)"), *pdf);
}

void ReportsPage::showDepartmentTickets(const QString &code)
{
    if (!m_bundle)
        return;
    if (const QString own = ownDepartment(); !own.isEmpty() && code != own)
        return; // a liaison lists their own department's tickets only
    QString error;
    const QTimeZone zone = m_session.sla().calendar().timeZone();
    const auto tickets = ReportSeriesBuilder(m_session.workspace().database(), zone, m_bundle->generatedMs)
                             .completedTickets(m_bundle->report.from, m_bundle->report.to, code, &error);
    if (!tickets) {
        Prompts::warning(this, tr("Tickets"), tr("Cannot list the tickets: %1").arg(error));
        return;
    }
    QString name = code;
    for (const DepartmentReport &d : m_bundle->report.departments) {
        if (d.code == code)
            name = d.name;
    }
    m_ticketsTitle->setText(tr("%1: %n ticket(s) completed in the period", nullptr, int(tickets->size())).arg(name));
    m_tickets->setRowCount(int(tickets->size()));
    for (int r = 0; r < tickets->size(); ++r) {
        const CompletedTicket &t = tickets->at(r);
        const QStringList cells {t.number, t.summary,
                                 QDateTime::fromMSecsSinceEpoch(t.closedMs, zone).toString(u"yyyy-MM-dd HH:mm"_s),
                                 t.onTime ? tr("yes") : tr("late")};
        for (int c = 0; c < cells.size(); ++c)
            m_tickets->setItem(r, c, new QTableWidgetItem(cells[c]));
    }
    m_tickets->resizeColumnToContents(0);
}

QString ReportsPage::suggestedName(const QString &suffix) const
{
    const QString period = m_bundle ? m_bundle->report.from.toString(u"yyyy-MM-dd"_s) : QString();
    return u"hotline-report-%1.%2"_s.arg(period, suffix);
}

void ReportsPage::saveBytes(const QString &title, const QString &suffix, const QString &filter, const QByteArray &bytes)
{
    const std::optional<QString> path = SavePathPrompt::ask(this, title, suggestedName(suffix), filter);
    if (!path)
        return;
    if (QString error; !ExportFile::write(m_session.actor(), *path, bytes, &error))
        Prompts::warning(this, title, error);
}

void ReportsPage::exportCsv()
{
    if (m_bundle)
        saveBytes(tr("Export CSV"), u"csv"_s, tr("CSV for Excel (*.csv)"), ReportWriter::csv(m_bundle->report));
}

void ReportsPage::exportJson()
{
    if (m_bundle)
        saveBytes(tr("Export JSON"), u"json"_s, tr("JSON (*.json)"), ReportWriter::json(m_bundle->report));
}

void ReportsPage::exportPdf()
{
    if (!m_bundle)
        return;
    QString error;
    const std::optional<QByteArray> pdf = ReportDocument(*m_bundle).toPdf(&error);
    if (!pdf) {
        Prompts::warning(this, tr("Export PDF"), error);
        return;
    }
    saveBytes(tr("Export PDF"), u"pdf"_s, tr("PDF (*.pdf)"), *pdf);
}

void ReportsPage::paintOn(QPrinter *printer)
{
    printer->setPageSize(QPageSize(QPageSize::A4));
    printer->setPageOrientation(QPageLayout::Portrait);
    printer->setFullPage(true); // the document draws its own margins
    QString error;
    if (m_bundle && !ReportDocument(*m_bundle).paint(printer, &error))
        Prompts::warning(this, tr("Print"), error);
}

void ReportsPage::printPreview()
{
    if (!m_bundle)
        return;
    QPrinter printer(QPrinter::HighResolution);
    QPrintPreviewDialog dialog(&printer, this);
    dialog.setWindowTitle(tr("Print preview — monthly report"));
    connect(&dialog, &QPrintPreviewDialog::paintRequested, this, &ReportsPage::paintOn);
    dialog.exec();
}

void ReportsPage::print()
{
    if (!m_bundle)
        return;
    QPrinter printer(QPrinter::HighResolution);
    QPrintDialog dialog(&printer, this);
    if (dialog.exec() == QDialog::Accepted)
        paintOn(&printer);
}

} // namespace hotline
