#pragma once

#include "charts/ReportCharts.h"

#include <QHash>
#include <QStringList>
#include <QWidget>

QT_BEGIN_NAMESPACE
class QChart;
class QChartView;
QT_END_NAMESPACE

namespace hotline {

/** The five report charts of one period on a page; a click on a department's bar names that department. */
class ReportChartsView final : public QWidget
{
    Q_OBJECT

public:
    explicit ReportChartsView(QWidget *parent = nullptr);

    /** Replaces every chart with those of bundle. */
    void setBundle(const ReportBundle &bundle);
    /** The chart shown for kind (owned by its view). */
    QChart *chart(ReportCharts::Kind kind) const;
    /** Department codes behind the bars of the on-time chart, bar index order. */
    QStringList departmentCodes() const { return m_codes; }
    /** As if the bar at index of the on-time chart was clicked. */
    void clickDepartmentBar(int index);

Q_SIGNALS:
    /** A bar of the on-time chart was clicked: the tickets of that department are wanted. */
    void departmentClicked(const QString &code);

private:
    QHash<ReportCharts::Kind, QChartView *> m_views;
    QStringList m_codes;
};

} // namespace hotline
