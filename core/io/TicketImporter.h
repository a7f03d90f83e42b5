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
    QStringList errors;        ///< "FILE:LINE: reason": the first ImportErrorPolicy::maxErrors (none with a sink)
    qint64 unlisted = 0;       ///< bad rows past maxErrors, counted but not in errors
    QStringList created;       ///< one sentence per department, category or town created on the way
    QStringList notes;         ///< other things the user should know (e.g. a department that kept its code)
};

/**
 * How an importer lists bad rows: the first maxErrors go to ImportResult::errors and the rest are counted in
 * ImportResult::unlisted; with a sink, every one goes to it as found and errors stays empty (a file of a
 * million bad rows is then reported in full without being held in memory). Negative maxErrors: no limit.
 */
struct ImportErrorPolicy
{
    int maxErrors = 1000;
    std::function<void(const QString &)> sink;

    void add(ImportResult &r, const QString &message) const
    {
        if (sink)
            sink(message);
        else if (maxErrors < 0 || r.errors.size() < maxErrors)
            r.errors << message;
        else
            ++r.unlisted;
    }
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
    /** Stop listing errors after this many (the import fails either way); the rest are counted. */
    void setMaxErrors(int n) { m_errorPolicy.maxErrors = n; }
    /** Every bad row's "FILE:LINE: reason" goes to sink as soon as it is found, none to ImportResult::errors. */
    void setErrorSink(std::function<void(const QString &)> sink) { m_errorPolicy.sink = std::move(sink); }

    ImportResult importFile(const QString &path);

private:
    Workspace &m_ws;
    Actor m_by;
    std::function<void(qint64, qint64)> m_progress;
    ImportErrorPolicy m_errorPolicy;
};

/**
 * Imports `name,code,duty_phones,head_phone` (PRODUCT §7), all rows or none (DepartmentImporter.cpp). Each row
 * updates the department with its code (ignoring case), else the one with its name (ignoring case: e.g. one
 * `import tickets` created by name), else adds a department. A department found by name keeps the code its
 * tickets' history refers to, and the file's code becomes an alias (department_aliases) that later imports
 * match like a code. Two rows for one department, or a name still held by another department (two rows
 * swapping names), is a `FILE:LINE: reason`.
 */
class DepartmentImporter final
{
    Q_DECLARE_TR_FUNCTIONS(DepartmentImporter)

public:
    explicit DepartmentImporter(Workspace &ws);
    DepartmentImporter(Workspace &ws, const Actor &by) : m_ws(ws), m_by(by) {}
    void setMaxErrors(int n) { m_errorPolicy.maxErrors = n; }
    void setErrorSink(std::function<void(const QString &)> sink) { m_errorPolicy.sink = std::move(sink); }
    ImportResult importFile(const QString &path);

private:
    Workspace &m_ws;
    Actor m_by;
    ImportErrorPolicy m_errorPolicy;
};

} // namespace hotline
