#pragma once

#include "service/Workspace.h"
#include "util/Clock.h"

#include <QDateTime>
#include <QTemporaryDir>

#include <memory>

namespace hotline::test {

/** A real workspace on a fresh SQLite file in a temporary folder, with a manual clock. */
class TestWorkspace
{
public:
    explicit TestWorkspace(const QString &isoNow = QStringLiteral("2025-03-03T09:00:00+08:00"));
    ~TestWorkspace();

    bool isValid() const { return ws != nullptr; }
    QString path() const;
    /** Reopens the same file (e.g. after another process wrote to it). */
    void reopen();
    /** Sets the clock to an ISO 8601 instant with offset. */
    void setNow(const QString &iso);
    /** Adds a department directly (reference data, not an event). */
    void addDepartment(const QString &code, const QString &name);
    /** Adds a category that usually goes to departmentCode (reference data). */
    void addCategory(const QString &name, const QString &departmentCode);

    QTemporaryDir dir;
    ManualClock clock;
    std::unique_ptr<Workspace> ws;
    QString error;
};

/** Milliseconds since the epoch of an ISO 8601 instant with offset. */
qint64 ms(const QString &iso);
/** Seconds since the epoch of an ISO 8601 instant with offset. */
inline qint64 secs(const QString &iso) { return ms(iso) / 1000; }

} // namespace hotline::test
