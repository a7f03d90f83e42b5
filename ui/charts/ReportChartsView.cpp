#include "charts/ReportChartsView.h"

#include <QAbstractBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QGridLayout>

using namespace Qt::StringLiterals;

namespace hotline {

ReportChartsView::ReportChartsView(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(u"reportCharts"_s);
    auto *grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    // The ranking (a bar per department) takes the left column; the daily intake and the weekly overdue need
    // width, the two pies sit side by side between them.
    const QHash<ReportCharts::Kind, QList<int>> cells {{ReportCharts::Kind::OnTimeByDepartment, {0, 0, 3, 1}},
                                                       {ReportCharts::Kind::IntakeByChannel, {0, 1, 1, 2}},
                                                       {ReportCharts::Kind::ShareByType, {1, 1, 1, 1}},
                                                       {ReportCharts::Kind::Satisfaction, {1, 2, 1, 1}},
                                                       {ReportCharts::Kind::OverdueByWeek, {2, 1, 1, 2}}};
    for (ReportCharts::Kind kind : ReportCharts::allKinds()) {
        auto *view = new QChartView(this);
        view->setObjectName(u"chart%1"_s.arg(int(kind)));
        view->setRenderHint(QPainter::Antialiasing);
        view->setMinimumHeight(300);
        m_views.insert(kind, view);
        const QList<int> &c = cells[kind];
        grid->addWidget(view, c[0], c[1], c[2], c[3]);
    }
    grid->setColumnStretch(0, 4);
    grid->setColumnStretch(1, 3);
    grid->setColumnStretch(2, 3);
}

void ReportChartsView::setBundle(const ReportBundle &bundle)
{
    for (auto it = m_views.cbegin(); it != m_views.cend(); ++it) {
        QStringList codes;
        QChart *chart = ReportCharts::create(it.key(), bundle, &codes);
        QChart *old = it.value()->chart();
        it.value()->setChart(chart); // takes ownership of the new chart; the old one is ours to delete
        delete old;
        if (it.key() != ReportCharts::Kind::OnTimeByDepartment)
            continue;
        m_codes = codes;
        // One bar per department, at least 16 px high, so a hundred departments stay readable (scrolled).
        it.value()->setMinimumHeight(std::max(300, 16 * int(codes.size()) + 120));
        for (QAbstractSeries *s : chart->series()) {
            if (auto *bars = qobject_cast<QAbstractBarSeries *>(s))
                connect(bars, &QAbstractBarSeries::clicked, this,
                        [this](int index, QBarSet *) { clickDepartmentBar(index); });
        }
    }
}

QChart *ReportChartsView::chart(ReportCharts::Kind kind) const
{
    QChartView *view = m_views.value(kind);
    return view ? view->chart() : nullptr;
}

void ReportChartsView::clickDepartmentBar(int index)
{
    if (index >= 0 && index < m_codes.size())
        Q_EMIT departmentClicked(m_codes.at(index));
}

} // namespace hotline
