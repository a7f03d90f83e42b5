#pragma once

#include "auth/Actor.h"
#include "io/ReferenceCsv.h"
#include "io/TicketImporter.h"

#include <QCoreApplication>

namespace hotline {

class Database;

/** An ImportResult with how many entries were new and how many existing ones were updated. */
struct ReferenceImportResult : ImportResult
{
    qint64 added = 0;
    qint64 updated = 0;
};

/**
 * Imports a category (`code,name,department,class`) or town (`code,name`) file: all rows or none, every bad row
 * reported as `FILE:LINE: reason`. A row updates the entry with its code (ignoring case), else adopts an entry of
 * the same name that has no code yet (demo data, ticket import), else adds one; rows in the file are active, and
 * entries the file does not name are left as they are. Names may be exchanged between rows of one file.
 */
class ReferenceImporter final
{
    Q_DECLARE_TR_FUNCTIONS(ReferenceImporter)

public:
    ReferenceImporter(Database &db, const Actor &by)
        : m_db(db)
        , m_by(by)
    {
    }
    ReferenceImportResult importFile(ReferenceKind kind, const QString &path);

private:
    Database &m_db;
    Actor m_by;
};

} // namespace hotline
