#include "charts/ReportCharts.h"

#include "domain/DisplayNames.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QDateTime>
#include <QGraphicsScene>
#include <QHorizontalStackedBarSeries>
#include <QPainter>
#include <QPieSeries>
#include <QStackedBarSeries>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace hotline {
namespace {

QChart *newChart(const QString &title)
{
    auto *chart = new QChart;
    chart->setTitle(title);
    chart->setTitleFont(ReportCharts::font(11, true));
    chart->legend()->setFont(ReportCharts::font(8));
    chart->setAnimationOptions(QChart::NoAnimation); // printed and grabbed as they are, never mid-animation
    chart->setBackgroundRoundness(0);
    chart->setMargins(QMargins(4, 4, 4, 4));
    return chart;
}

void styleAxis(QAbstractAxis *axis)
{
    axis->setLabelsFont(ReportCharts::font(7));
    axis->setTitleFont(ReportCharts::font(8));
}

QValueAxis *valueAxis(qreal max, const QString &title, bool integers)
{
    auto *axis = new QValueAxis;
    axis->setTitleText(title);
    styleAxis(axis);
    if (!integers) {
        axis->setRange(0, std::max<qreal>(max, 1));
        axis->setLabelFormat(u"%.0f"_s);
        return axis;
    }
    // Counts: whole-number ticks only (1, 2, 5 × 10^n apart, at most about six), never "0, 0, 1, 1, 2".
    qreal step = 1;
    for (qreal scale = 1;; scale *= 10) {
        if (max / scale <= 5) {
            step = scale;
            break;
        }
        if (max / (2 * scale) <= 5) {
            step = 2 * scale;
            break;
        }
        if (max / (5 * scale) <= 5) {
            step = 5 * scale;
            break;
        }
    }
    axis->setRange(0, (std::floor(max / step) + 1) * step); // a step of headroom above the tallest bar
    axis->setTickType(QValueAxis::TicksDynamic);
    axis->setTickAnchor(0);
    axis->setTickInterval(step);
    axis->setLabelFormat(u"%d"_s);
    return axis;
}

QChart *onTimeByDepartment(const ReportBundle &b, QStringList *codes)
{
    QChart *chart = newChart(ReportCharts::title(ReportCharts::Kind::OnTimeByDepartment));
    auto *ranked = new QBarSet(ReportCharts::tr("Ranked"));
    auto *few = new QBarSet(ReportCharts::tr("Fewer than %n completed (not ranked)", nullptr, b.minCompleted));
    ranked->setColor(QColor(0x2e, 0x7d, 0x32));
    few->setColor(QColor(0xbd, 0xbd, 0xbd));
    QStringList categories;
    const QList<RankedDepartment> ranking = b.ranking();
    // Horizontal bars are laid out bottom-up: walk the ranking backwards so the best one is at the top.
    for (auto it = ranking.crbegin(); it != ranking.crend(); ++it) {
        if (!it->row.figures.onTimeRate())
            continue; // nothing completed: no rate to draw
        const qreal rate = *it->row.figures.onTimeRate();
        const QString label = it->rank > 0 ? u"%1. %2"_s.arg(it->rank).arg(it->row.name) : it->row.name + u" *"_s;
        categories.append(label);
        if (codes)
            codes->append(it->row.code);
        ranked->append(it->belowMinimum ? 0.0 : rate);
        few->append(it->belowMinimum ? rate : 0.0);
    }
    auto *series = new QHorizontalStackedBarSeries;
    series->append(ranked);
    series->append(few);
    chart->addSeries(series);
    auto *axisY = new QBarCategoryAxis;
    axisY->append(categories);
    styleAxis(axisY);
    axisY->setTruncateLabels(false); // a department's name is the point of its bar; the plot gives way instead
    auto *axisX = valueAxis(100, ReportCharts::tr("On-time completion rate (%)"), false);
    axisX->setTickCount(6);
    chart->addAxis(axisY, Qt::AlignLeft);
    chart->addAxis(axisX, Qt::AlignBottom);
    series->attachAxis(axisY);
    series->attachAxis(axisX);
    chart->legend()->setAlignment(Qt::AlignBottom);
    return chart;
}

QChart *intakeByChannel(const ReportBundle &b)
{
    QChart *chart = newChart(ReportCharts::title(ReportCharts::Kind::IntakeByChannel));
    const ReportSeries &s = b.series;
    // A year of days does not read as bars (365 labels): a period longer than two months is binned by month.
    const bool monthly = s.days.size() > 62;
    if (monthly)
        chart->setTitle(ReportCharts::tr("Monthly intake by channel"));
    // …and a month that has not begun at the report's as-of instant gets no bar (not a zero that looks measured).
    std::optional<QDate> asOf;
    if (b.report.runningAtMs)
        asOf = QDateTime::fromMSecsSinceEpoch(*b.report.runningAtMs, b.report.zone).date();
    QStringList labels;
    QList<int> binOf(s.days.size(), -1);
    for (int d = 0; d < s.days.size(); ++d) {
        const QDate &day = s.days[d];
        if (monthly && asOf && QDate(day.year(), day.month(), 1) > *asOf)
            break;
        const QString label = monthly ? day.toString(u"yyyy-MM"_s)
                                      : (s.days.size() > 31 ? day.toString(u"MM-dd"_s) : QString::number(day.day()));
        if (labels.isEmpty() || labels.last() != label)
            labels << label;
        binOf[d] = int(labels.size()) - 1;
    }
    auto *series = new QStackedBarSeries;
    const QList<Channel> channels = ReportSeries::allChannels();
    QList<qint64> binTotals(labels.size(), 0);
    for (int c = 0; c < channels.size(); ++c) {
        QList<qint64> bins(labels.size(), 0);
        for (int d = 0; d < s.days.size(); ++d) {
            if (binOf[d] >= 0)
                bins[binOf[d]] += s.intakeByChannel[c][d];
        }
        auto *set = new QBarSet(DisplayNames::of(channels[c]));
        for (int i = 0; i < bins.size(); ++i) {
            set->append(qreal(bins[i]));
            binTotals[i] += bins[i];
        }
        series->append(set);
    }
    qint64 peak = 0;
    for (qint64 t : std::as_const(binTotals))
        peak = std::max(peak, t);
    chart->addSeries(series);
    auto *axisX = new QBarCategoryAxis;
    axisX->append(labels);
    styleAxis(axisX);
    axisX->setLabelsAngle(-90); // a month of day numbers only fits upright when turned
    axisX->setTruncateLabels(false);
    auto *axisY = valueAxis(qreal(peak), ReportCharts::tr("Tickets"), true);
    chart->addAxis(axisX, Qt::AlignBottom);
    chart->addAxis(axisY, Qt::AlignLeft);
    series->attachAxis(axisX);
    series->attachAxis(axisY);
    chart->legend()->setAlignment(Qt::AlignBottom); // leaves the days the whole width
    return chart;
}

QChart *shareByType(const ReportBundle &b)
{
    QChart *chart = newChart(ReportCharts::title(ReportCharts::Kind::ShareByType));
    auto *series = new QPieSeries;
    const QList<TicketType> types = ReportSeries::allTicketTypes();
    qint64 total = 0;
    for (qint64 n : b.series.receivedByType)
        total += n;
    for (int t = 0; t < types.size(); ++t) {
        const qint64 n = b.series.receivedByType[t];
        const QString share = percentText(percentHundredths(n, total));
        series->append(ReportCharts::tr("%1: %2 (%3 %)").arg(DisplayNames::of(types[t])).arg(n).arg(share), qreal(n));
    }
    series->setPieSize(0.75);
    chart->addSeries(series);
    chart->legend()->setAlignment(Qt::AlignRight); // the legend carries the figures: slice labels would collide
    return chart;
}

QChart *overdueByWeek(const ReportBundle &b)
{
    QChart *chart = newChart(ReportCharts::title(ReportCharts::Kind::OverdueByWeek));
    auto *set = new QBarSet(ReportCharts::tr("Overdue"));
    set->setColor(QColor(0xc6, 0x28, 0x28));
    auto *axisX = new QBarCategoryAxis;
    qint64 peak = 0;
    for (const WeekOverdue &w : b.series.overdueByWeek) {
        set->append(qreal(w.overdue));
        peak = std::max(peak, w.overdue);
        axisX->append(w.from.toString(u"MM-dd"_s));
    }
    auto *series = new QBarSeries;
    series->append(set);
    series->setLabelsVisible(true);
    chart->addSeries(series);
    styleAxis(axisX);
    axisX->setTitleText(ReportCharts::tr("Week starting"));
    auto *axisY = valueAxis(qreal(peak), ReportCharts::tr("Tickets"), true);
    chart->addAxis(axisX, Qt::AlignBottom);
    chart->addAxis(axisY, Qt::AlignLeft);
    series->attachAxis(axisX);
    series->attachAxis(axisY);
    chart->legend()->hide();
    return chart;
}

QChart *satisfaction(const ReportBundle &b)
{
    const ReportFigures &t = b.report.totals;
    QChart *chart = newChart(ReportCharts::title(ReportCharts::Kind::Satisfaction));
    auto *series = new QPieSeries;
    const QList<std::pair<Satisfaction, qint64>> answers {{Satisfaction::Satisfied, t.satisfied},
                                                          {Satisfaction::Basic, t.basicallySatisfied},
                                                          {Satisfaction::Unsatisfied, t.unsatisfied}};
    const QList<QColor> colours {QColor(0x2e, 0x7d, 0x32), QColor(0x9c, 0xcc, 0x65), QColor(0xc6, 0x28, 0x28)};
    for (int i = 0; i < answers.size(); ++i) {
        QPieSlice *slice
            = series->append(ReportCharts::tr("%1: %2").arg(DisplayNames::of(answers[i].first)).arg(answers[i].second),
                             qreal(answers[i].second));
        slice->setColor(colours[i]);
    }
    series->setHoleSize(0.35);
    series->setPieSize(0.75);
    chart->addSeries(series);
    const QString rate = percentText(t.satisfactionRateHundredths());
    chart->setTitle(ReportCharts::tr("%1 — satisfaction rate %2 %")
                        .arg(ReportCharts::title(ReportCharts::Kind::Satisfaction), rate.isEmpty() ? u"–"_s : rate));
    chart->legend()->setAlignment(Qt::AlignBottom);
    return chart;
}

} // namespace

QList<ReportCharts::Kind> ReportCharts::allKinds()
{
    return {Kind::OnTimeByDepartment, Kind::IntakeByChannel, Kind::ShareByType, Kind::OverdueByWeek,
            Kind::Satisfaction};
}

QString ReportCharts::title(Kind kind)
{
    switch (kind) {
    case Kind::OnTimeByDepartment:
        return tr("On-time completion rate by department");
    case Kind::IntakeByChannel:
        return tr("Daily intake by channel");
    case Kind::ShareByType:
        return tr("Share by type");
    case Kind::OverdueByWeek:
        return tr("Overdue per week");
    case Kind::Satisfaction:
        return tr("Satisfaction");
    }
    return {};
}

QChart *ReportCharts::create(Kind kind, const ReportBundle &bundle, QStringList *departmentCodes)
{
    switch (kind) {
    case Kind::OnTimeByDepartment:
        return onTimeByDepartment(bundle, departmentCodes);
    case Kind::IntakeByChannel:
        return intakeByChannel(bundle);
    case Kind::ShareByType:
        return shareByType(bundle);
    case Kind::OverdueByWeek:
        return overdueByWeek(bundle);
    case Kind::Satisfaction:
        return satisfaction(bundle);
    }
    return nullptr;
}

QList<qreal> ReportCharts::values(const QChart *chart)
{
    QList<qreal> out;
    for (QAbstractSeries *s : chart->series()) {
        if (auto *bars = qobject_cast<QAbstractBarSeries *>(s)) {
            const QList<QBarSet *> sets = bars->barSets();
            // Stacked sets: one value per bar (the sum); side-by-side: every set's values in turn.
            const bool stacked = qobject_cast<QStackedBarSeries *>(s) || qobject_cast<QHorizontalStackedBarSeries *>(s);
            const int n = sets.isEmpty() ? 0 : int(sets.first()->count());
            if (stacked) {
                for (int i = 0; i < n; ++i) {
                    qreal sum = 0;
                    for (const QBarSet *set : sets)
                        sum += set->at(i);
                    out.append(sum);
                }
            } else {
                for (const QBarSet *set : sets) {
                    for (int i = 0; i < set->count(); ++i)
                        out.append(set->at(i));
                }
            }
        } else if (auto *pie = qobject_cast<QPieSeries *>(s)) {
            for (const QPieSlice *slice : pie->slices())
                out.append(slice->value());
        }
    }
    return out;
}

void ReportCharts::paint(QChart *chart, QPainter *painter, const QRectF &target, const QSizeF &logicalSize)
{
    // The chart is laid out at a screen-like size so that its fonts and margins keep their proportions, then
    // the scene is rendered into the target: QGraphicsScene::render draws paths and text, never a pixmap.
    QGraphicsScene scene;
    scene.addItem(chart);
    chart->setGeometry(QRectF(QPointF(0, 0), logicalSize));
    scene.setSceneRect(QRectF(QPointF(0, 0), logicalSize));
    scene.render(painter, target, scene.sceneRect(), Qt::KeepAspectRatio);
    scene.removeItem(chart);
}

QFont ReportCharts::font(qreal pointSize, bool bold)
{
    // Latin text and digits from DejaVu Sans: with Noto Sans CJK, Qt's PDF engine loses the text of digits set
    // among Latin letters (pdftotext and copy-paste see nothing), while the Chinese comes from Noto Sans CJK.
    QFont f;
    f.setFamilies({u"DejaVu Sans"_s, u"Noto Sans CJK SC"_s});
    f.setPointSizeF(pointSize);
    f.setBold(bold);
    f.setStyleHint(QFont::SansSerif);
    return f;
}

} // namespace hotline
