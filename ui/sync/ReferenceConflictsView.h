#pragma once

#include <QWidget>

class QTableWidget;

namespace hotline {

class ConsoleSession;

/**
 * Reference data two consoles edited at once (core/sync/ReferenceConflicts): which row, the edit kept on every
 * console, and the one that lost, each with who made it, on which console and when. For administrators, in the
 * sync conflicts dialog; the same list on every console, "seen" marked on this one.
 */
class ReferenceConflictsView final : public QWidget
{
    Q_OBJECT

public:
    explicit ReferenceConflictsView(ConsoleSession &session, QWidget *parent = nullptr);

    int rowCount() const;

public Q_SLOTS:
    void reload();
    /** False (with a warning shown) when the mark could not be written. */
    bool markAllSeen();

private:
    ConsoleSession &m_session;
    QTableWidget *m_table = nullptr;
};

} // namespace hotline
