#pragma once

#include "auth/Actor.h"
#include "auth/Permissions.h"
#include "domain/Enums.h"

#include <QCoreApplication>
#include <QString>

namespace hotline {

/** Translated names of the domain's codes for people to read (lists, forms, reports). */
class DisplayNames final
{
    Q_DECLARE_TR_FUNCTIONS(DisplayNames)

public:
    static QString of(Channel v);
    static QString of(TicketType v);
    static QString of(SlaClass v);
    static QString of(Colour v);
    static QString of(Satisfaction v);
    static QString of(TicketState v);
    static QString of(EventType v);
    static QString of(Role v);
    /** What the action does, as a verb phrase that completes "may not …" ("dispatch tickets"). */
    static QString action(Action v);
    /** Working time as "2 h 05 min", or "overdue 1 h 10 min" when negative (hours may exceed a day). */
    static QString workingTime(qint64 seconds);
    /** "12:05:09" (hours may exceed a day), with a minus sign when negative. */
    static QString clock(qint64 seconds);
    /** A countdown cell: "12:05:09", or "overdue 1:10:00" past the deadline (working time). */
    static QString countdown(qint64 seconds);
};

} // namespace hotline
