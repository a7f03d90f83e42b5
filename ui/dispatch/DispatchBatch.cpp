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
    const int end = std::min(int(m_jobs.size()), m_next + kSlice);
    for (; m_next < end && !m_cancelled; ++m_next) {
        const Job &job = m_jobs.at(m_next);
        QString error = job.failure;
        if (error.isEmpty() && m_service.dispatch(m_actor, job.ticketId, job.department, &error))
            ++m_dispatched;
        else
            m_failures << Failure {job.number, error.isEmpty() ? tr("refused without a reason") : error};
    }
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
