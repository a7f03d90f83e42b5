#include "reports/ReportsPage.h"

#include "io/ExportFile.h"
#include "charts/ReportChartsView.h"
#include "print/ReportDocument.h"
#include "reports/PeriodPicker.h"
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

    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setWidget(m_charts);
    auto *ticketsBox = new QWidget(this);
    auto *ticketsLayout = new QVBoxLayout(ticketsBox);
    ticketsLayout->setContentsMargins(0, 0, 0, 0);
    ticketsLayout->addWidget(m_ticketsTitle);
    ticketsLayout->addWidget(m_tickets);
    m_ticketsTitle->setText(tr("Click a department's bar to list the tickets it completed in the period."));
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(scroll);
    split->addWidget(ticketsBox);
    split->setStretchFactor(0, 4);
    split->setStretchFactor(1, 1);

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

void ReportsPage::refresh()
{
    Workspace &ws = m_session.workspace();
    const QTimeZone zone = m_session.sla().calendar().timeZone();
    QString error;
    m_bundle = ReportBundleBuilder::build(ws.database(), zone, ws.settings().centreName(), m_period->from(),
                                          m_period->to(), m_session.clock().nowMs(), m_minCompleted->value(), &error);
    m_tickets->setRowCount(0);
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

void ReportsPage::showDepartmentTickets(const QString &code)
{
    if (!m_bundle)
        return;
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
