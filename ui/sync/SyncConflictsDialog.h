#pragma once

#include <QDialog>

class QTableWidget;

namespace hotline {

class ConsoleSession;
class ReferenceConflictsView;
class NumberClashesPanel;

/**
 * Actions taken on this or another console that no longer applied once the shared server put every console's
 * actions in one order (two dispatchers dispatching the same ticket at once, say): listed for a dispatcher,
 * who decides what to do, and marked as seen on this console. Administrators also see the reference data edited
 * on two consoles at once (ReferenceConflictsView).
 */
class SyncConflictsDialog final : public QDialog
{
    Q_OBJECT

public:
    explicit SyncConflictsDialog(ConsoleSession &session, QWidget *parent = nullptr);

    int rowCount() const;
    /** The ticket numbers that name more than one ticket, with "Renumber…". */
    NumberClashesPanel *numberClashes() const { return m_numbers; }

public Q_SLOTS:
    void reload();
    void markAllSeen();

private:
    ConsoleSession &m_session;
    QTableWidget *m_table = nullptr;
    ReferenceConflictsView *m_reference = nullptr; ///< administrators only
    NumberClashesPanel *m_numbers = nullptr;
};

} // namespace hotline
