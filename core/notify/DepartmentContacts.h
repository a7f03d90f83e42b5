#pragma once

#include "auth/Actor.h"

#include <QCoreApplication>
#include <QList>
#include <QStringList>

#include <optional>

namespace hotline {

class Database;

/** A department's SMS contacts: the duty mobiles (reminders) and the head's (urging). */
struct DepartmentContact
{
    QString code;
    QString name;
    QStringList dutyPhones;
    QString headPhone;
};

/** Reads and edits departments' contacts (the administrator's departments page). */
class DepartmentContacts final
{
    Q_DECLARE_TR_FUNCTIONS(DepartmentContacts)

public:
    explicit DepartmentContacts(Database &db);

    QList<DepartmentContact> all() const;
    std::optional<DepartmentContact> find(const QString &code) const;
    /** Validates (name and code required, every phone a valid number) and saves; false with error otherwise. */
    bool save(const DepartmentContact &contact, QString *error);
    /** The same, on behalf of a person: refused unless the permission table lets them manage departments. */
    bool save(const Actor &by, const DepartmentContact &contact, QString *error);
    /** Splits "a;b；c" and normalises each number; unknown numbers are named in error. */
    static QStringList parsePhones(const QString &text, QString *error);

private:
    bool store(const Actor &by, const DepartmentContact &contact, QString *error);
    Database &m_db;
};

} // namespace hotline
