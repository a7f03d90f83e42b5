#pragma once

#include "domain/Ticket.h"

#include <QDialog>

class QComboBox;
class QLineEdit;

namespace hotline {

class ConsoleSession;

/**
 * "Merge into…" for a ticket in the dispatch queue: the parent is typed by number or chosen from the suggestions
 * of the same incident (DuplicateFinder), with an optional reason. The merge itself is the caller's
 * (TicketService::merge decides and explains a refusal).
 */
class MergeIntoDialog final : public QDialog
{
    Q_OBJECT

public:
    MergeIntoDialog(ConsoleSession &session, const Ticket &child, QWidget *parent = nullptr);

    /** The chosen parent's number (typed or from the list), trimmed. */
    QString parentNumber() const;
    QString reason() const;

private:
    QComboBox *m_parent = nullptr;
    QLineEdit *m_reason = nullptr;
};

} // namespace hotline
