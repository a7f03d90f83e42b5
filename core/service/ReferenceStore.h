#pragma once

#include "auth/Actor.h"
#include "io/ReferenceCsv.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <optional>

namespace hotline {

class Database;

/** A category or a town as administered. Towns use only code, name and active. */
struct ReferenceEntry
{
    QString code; ///< empty for a row created before codes (demo data, ticket import) until one is given
    QString name; ///< what tickets store and registration offers
    QString departmentCode; ///< categories: the usual department (the dispatch suggestion), or empty
    QString slaClass; ///< categories: "consult", "handling", or empty (the ticket type decides)
    bool active = true; ///< offered at registration

    friend bool operator==(const ReferenceEntry &, const ReferenceEntry &) = default;
};

/**
 * Categories (usual department, time-limit class) and towns, read by anyone and changed by administrators only
 * (Action::ManageReference). Every write is one transaction; the tables' triggers (migration 5) mark them for
 * the shared server, and a category change moves the configuration generation so SLA clocks are rebuilt.
 */
class ReferenceStore final
{
    Q_DECLARE_TR_FUNCTIONS(ReferenceStore)

public:
    explicit ReferenceStore(Database &db)
        : m_db(db)
    {
    }

    static QString tableName(ReferenceKind kind);

    /** Every entry, disabled ones too: by code (entries without one last), then name. */
    QList<ReferenceEntry> all(ReferenceKind kind) const;
    std::optional<ReferenceEntry> byName(ReferenceKind kind, const QString &name) const;

    /**
     * Adds an entry (originalName empty) or changes the one named originalName (renaming it when the name
     * differs; tickets keep the name they were registered with). An entry that has no code yet may keep none;
     * every other needs one. Checks the permission, the texts
     * (ReferenceText), that the code and name are no other entry's (ignoring case) and that the department
     * exists; on refusal sets error and changes nothing.
     */
    bool save(const Actor &by, ReferenceKind kind, const QString &originalName, const ReferenceEntry &entry,
              QString *error);

    /**
     * The code of the department value names, ignoring case: its code, another code of it (department_aliases)
     * or its name, in that order; empty when none does.
     */
    QString resolveDepartment(const QString &value) const;

    /** Checks an entry's texts and class (not uniqueness); a translated reason or empty. */
    static QString validate(ReferenceKind kind, const ReferenceEntry &entry, bool codeOptional = false);

private:
    Database &m_db;
};

} // namespace hotline
