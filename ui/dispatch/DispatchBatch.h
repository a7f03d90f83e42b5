#pragma once

#include "auth/Actor.h"

#include <QCoreApplication>
#include <QList>
#include <QObject>

namespace hotline {

class TicketService;

/**
 * Dispatches many tickets (a micro-interview batch of 1,800) through TicketService, one ticket per call so
 * that every ticket is checked and recorded exactly as a single dispatch would be. It works in slices on the
 * event loop: the window keeps painting and shows progress, the operator can cancel, and every failure is
 * kept with its ticket number and reason. A batch of one slice or less finishes before start() returns.
 */
class DispatchBatch final : public QObject
{
    Q_OBJECT

public:
    /** One ticket to send, or (with failure set) one that cannot be sent and is reported as failed. */
    struct Job
    {
        QString ticketId;
        QString number;
        QString department;
        QString failure;
    };

    /** A ticket that was not dispatched and why. */
    struct Failure
    {
        QString number;
        QString reason;
    };

    /** Tickets per slice: small enough to keep the window responsive, big enough to finish fast. */
    static constexpr int kSlice = 60;

    DispatchBatch(TicketService &service, Actor actor, QObject *parent = nullptr);

    /** Starts a batch (refused while one runs). */
    bool start(QList<Job> jobs);
    /** Stops after the current ticket; the rest stays in the queue and is reported as not attempted. */
    void cancel();

    bool isRunning() const { return m_running; }
    int total() const { return int(m_jobs.size()); }
    int done() const { return m_next; }
    int dispatched() const { return m_dispatched; }
    bool wasCancelled() const { return m_cancelled; }
    const QList<Failure> &failures() const { return m_failures; }
    /** "N dispatched, M failed: reasons…" for the last batch. */
    QString summary(int maxReasons = 3) const;

Q_SIGNALS:
    /** After each slice. */
    void progress(int done, int total);
    /** Once, when the batch ends (completed or cancelled). */
    void finished();

private:
    void runSlice();

    TicketService &m_service;
    Actor m_actor;
    QList<Job> m_jobs;
    QList<Failure> m_failures;
    int m_next = 0;
    int m_dispatched = 0;
    bool m_running = false;
    bool m_cancelled = false;
};

} // namespace hotline
