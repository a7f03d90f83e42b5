#pragma once

#include <QCoreApplication>
#include <QString>

namespace hotline {

class Workspace;

/** What the demo data generator created. */
struct DemoSummary
{
    int departments = 0;
    int tickets = 0;
    int green = 0;
    int yellow = 0;
    int red = 0;
};

/** The demo accounts, one per role; the sign-in screen lists them on a demo database. */
struct DemoAccount
{
    const char16_t *name;
    const char16_t *displayName;
    const char16_t *role;
    const char16_t *department;
};

/**
 * A realistic data set for a district hotline (Nanhai: its towns and bureaus as departments, a few hundred
 * tickets at every stage over the last weeks) timed relative to the workspace clock's "now" so that the
 * board shows green, yellow and red at once. Everything goes through the ticket service, event by event,
 * exactly as operators would have produced it. Deterministic for a given "now".
 */
class DemoData final
{
    Q_DECLARE_TR_FUNCTIONS(DemoData)

public:
    static bool populate(Workspace &ws, DemoSummary *summary, QString *error);
    /** Every demo account signs in with this password. */
    static QString demoPassword();
    static QList<DemoAccount> accounts();
    /** Whether the database was filled by populate() (meta demo=1). */
    static bool isDemo(Workspace &ws);
    /** Only the reference data (departments, categories, towns), for a training database. */
    static bool seedReferenceData(Workspace &ws, QString *error);
};

} // namespace hotline
