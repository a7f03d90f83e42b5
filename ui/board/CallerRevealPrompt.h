#pragma once

#include "privacy/CallerReveal.h"

#include <QCoreApplication>

#include <optional>

class QWidget;

namespace hotline {

class ConsoleSession;

/** "Show number" in any dialog: asks core for one ticket's caller in full (which logs the view), or says why not. */
class CallerRevealPrompt final
{
    Q_DECLARE_TR_FUNCTIONS(CallerRevealPrompt)

public:
    static std::optional<RevealedCaller> reveal(QWidget *parent, ConsoleSession &session, const QString &ticketId);
};

} // namespace hotline
