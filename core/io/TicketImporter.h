#pragma once

#include "auth/Actor.h"

#include <QCoreApplication>
#include <QStringList>

#include <functional>

namespace hotline {

class Workspace;

/** The outcome of an import: either every row went in, or none did and errors says why. */
struct ImportResult
{
    bool ok = false;
    qint64 rows = 0;           ///< data rows read
    qint64 imported = 0;       ///< tickets written (0 unless ok)
    qint64 badRows = 0;        ///< rows with at least one problem
    QStringList errors;        ///< "FILE:LINE: reason", every bad row
    QStringList created;       ///< one sentence per department, category or town created on the way
};

/**
 * Imports the historical ticket CSV (PRODUCT §7) atomically: the rows stream into one write transaction as
 * the same events an operator would have produced (registered, dispatched with its deadline, replied,
 * callback, closed); one bad row anywhere rolls everything back, and reading goes on so every bad row is
 * reported. Departments are matched by name, then code; unknown departments, categories and towns are
 * created.
 */
class TicketImporter final
{
    Q_DECLARE_TR_FUNCTIONS(TicketImporter)

public:
    /** Imports as hotlinectl (the system); the second form on behalf of a person, checked against the permission table. */
    explicit TicketImporter(Workspace &ws);
    TicketImporter(Workspace &ws, const Actor &by);

    /** Called now and then with bytes read and the file's size. */
    void setProgress(std::function<void(qint64, qint64)> progress) { m_progress = std::move(progress); }
    /** Stop listing errors after this many (the import fails either way). */
    void setMaxErrors(int n) { m_maxErrors = n; }

    ImportResult importFile(const QString &path);

private:
    Workspace &m_ws;
    Actor m_by;
    std::function<void(qint64, qint64)> m_progress;
    int m_maxErrors = 1000;
};

/** Imports `name,code,duty_phones,head_phone` (PRODUCT §7): all rows or none; existing codes are updated. */
class DepartmentImporter final
{
    Q_DECLARE_TR_FUNCTIONS(DepartmentImporter)

public:
    explicit DepartmentImporter(Workspace &ws);
    DepartmentImporter(Workspace &ws, const Actor &by) : m_ws(ws), m_by(by) {}
    ImportResult importFile(const QString &path);

private:
    Workspace &m_ws;
    Actor m_by;
};

} // namespace hotline
