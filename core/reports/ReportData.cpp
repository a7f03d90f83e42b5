#include "reports/ReportData.h"

#include "auth/Permissions.h"

#include <QCoreApplication>
#include <QDateTime>

using namespace Qt::StringLiterals;

namespace hotline {

std::optional<qint64> percentHundredths(qint64 part, qint64 whole)
{
    if (whole <= 0 || part < 0)
        return std::nullopt;
    // round(part * 10000 / whole) half-up, in integers: floor((2 * part * 10000 + whole) / (2 * whole)).
    return (part * 20000 + whole) / (2 * whole);
}

std::optional<double> percent(qint64 part, qint64 whole)
{
    const std::optional<qint64> h = percentHundredths(part, whole);
    // h / 100.0 is the double nearest to the exact 2-decimal value, so printing it with 2 decimals gives h back.
    return h ? std::optional<double>(double(*h) / 100.0) : std::nullopt;
}

QString percentText(std::optional<qint64> hundredths)
{
    if (!hundredths)
        return {};
    return QString::number(*hundredths / 100) + u'.' + QString::number(*hundredths % 100).rightJustified(2, u'0');
}

QString ReportData::runningNote() const
{
    if (!runningAtMs)
        return {};
    if (*runningAtMs < from.startOfDay(zone).toMSecsSinceEpoch())
        return QCoreApplication::translate("ReportData", "The period has not begun: no open ticket counts as overdue.");
    return QCoreApplication::translate("ReportData",
                                       "The period is not over: overdue counts the open tickets past their deadline "
                                       "at %1, as the board does at that instant.")
        .arg(QDateTime::fromMSecsSinceEpoch(*runningAtMs, zone).toString(u"yyyy-MM-dd HH:mm:ss"_s));
}

ReportData ReportData::scopedTo(const QString &departmentCode) const
{
    ReportData scoped = *this;
    scoped.departments.clear();
    DepartmentReport own {departmentCode, departmentCode, {}};
    for (const DepartmentReport &d : departments) {
        if (d.code == departmentCode)
            own = d;
    }
    scoped.departments << own;
    scoped.totals = own.figures;
    return scoped;
}

std::optional<ReportData> ReportData::readableBy(const Actor &actor, QString *error) const
{
    if (!Permissions::check(actor, Action::ViewReports, error))
        return std::nullopt;
    if (Permissions::grant(actor.role, Action::ViewReports) == Grant::OwnDepartment)
        return scopedTo(actor.department);
    return *this;
}

} // namespace hotline
