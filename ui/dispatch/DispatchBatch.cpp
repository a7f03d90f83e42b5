#include "dispatch/DispatchBatch.h"

#include "service/TicketService.h"

#include <QStringList>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace hotline {

DispatchBatch::DispatchBatch(TicketService &service, Actor actor, QObject *parent)
    : QObject(parent)
    , m_service(service)
    , m_actor(std::move(actor))
{
}

bool DispatchBatch::start(QList<Job> jobs)
{
    if (m_running)
        return false;
    m_jobs = std::move(jobs);
    m_failures.clear();
    m_next = 0;
    m_dispatched = 0;
    m_cancelled = false;
    m_running = true;
    runSlice();
    return true;
}

void DispatchBatch::cancel()
{
    if (m_running)
        m_cancelled = true;
}

void DispatchBatch::runSlice()
{
    if (m_cancelled) {
        m_running = false;
        Q_EMIT finished();
        return;
    }
    // One transaction and one change notification per slice, not per ticket.
    const int end = std::min(int(m_jobs.size()), m_next + kSlice);
    QList<DispatchOrder> orders;
    QList<int> jobOfOrder;
    for (int i = m_next; i < end; ++i) {
        const Job &job = m_jobs.at(i);
        if (!job.failure.isEmpty()) {
            m_failures << Failure {job.number, job.failure};
            continue;
        }
        orders << DispatchOrder {job.ticketId, job.department};
        jobOfOrder << i;
    }
    const QStringList reasons = m_service.dispatchMany(m_actor, orders);
    for (qsizetype k = 0; k < reasons.size(); ++k) {
        if (reasons.at(k).isEmpty())
            ++m_dispatched;
        else
            m_failures << Failure {m_jobs.at(jobOfOrder.at(k)).number, reasons.at(k)};
    }
    m_next = end;
    Q_EMIT progress(m_next, total());
    if (m_next < total() && !m_cancelled) {
        QTimer::singleShot(0, this, &DispatchBatch::runSlice);
        return;
    }
    m_running = false;
    Q_EMIT finished();
}

QString DispatchBatch::summary(int maxReasons) const
{
    QString text = tr("%1 dispatched, %2 failed").arg(m_dispatched).arg(m_failures.size());
    if (m_cancelled)
        text += tr(", %1 not attempted (cancelled; they stay in the queue)").arg(total() - m_next);
    if (m_failures.isEmpty())
        return text;
    QStringList reasons;
    for (int i = 0; i < m_failures.size() && i < maxReasons; ++i)
        reasons << tr("%1: %2").arg(m_failures.at(i).number, m_failures.at(i).reason);
    text += tr(": %1").arg(reasons.join(u"; "_s));
    if (m_failures.size() > maxReasons)
        text += tr(" … and %1 more (listed below)").arg(m_failures.size() - maxReasons);
    return text;
}

} // namespace hotline
