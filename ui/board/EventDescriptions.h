#pragma once

#include "domain/TicketEvent.h"

#include <QCoreApplication>
#include <QString>

#include <functional>

namespace hotline {

class WorkCalendar;

/**
 * The human-readable details of a history event for a ticket's timeline: where it was sent, the deadline
 * set, the reason given, the reply, the caller's satisfaction. Never the caller's name or phone number
 * (the registration event carries them; the detail's fields show them with the role's masking).
 */
class EventDescriptions final
{
    Q_DECLARE_TR_FUNCTIONS(EventDescriptions)

public:
    using DepartmentName = std::function<QString(const QString &code)>;

    /** Details for the timeline's last column; empty when the event carries nothing worth showing. */
    static QString details(const TicketEvent &event, const WorkCalendar &calendar,
                           const DepartmentName &departmentName);
    /** Who and where: "alice · console 01". */
    static QString actor(const TicketEvent &event);
    /** An instant in the centre's zone, "2025-03-03 09:00:00". */
    static QString localTime(qint64 utcSecs, const WorkCalendar &calendar);
};

} // namespace hotline
