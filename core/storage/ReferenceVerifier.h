#pragma once

#include <QCoreApplication>
#include <QJsonValue>
#include <QString>
#include <QStringList>

namespace hotline {

class Database;

/** What ReferenceVerifier found: ok, or the first stored reference row that is not what the log says. */
struct ReferenceFinding
{
    bool ok = true;
    qint64 checkedRows = 0;     ///< rows compared (of tables whose record has begun)
    QStringList unrecorded;     ///< entity codes whose record has not begun (no administrative change yet)
    QString entity;             ///< the first difference: entity code…
    QString key;                ///< … the row's key …
    QJsonValue expected;        ///< … what the administrative events say (null: no such row) …
    QJsonValue stored;          ///< … and what the table holds (null: missing)
    QString message;            ///< translated, one line; also set when the log could not be read
};

/**
 * Checks the reference tables against the administrative events (docs/TAMPER-EVIDENCE.md): each audited table's
 * expected rows are folded from its events (the first baseline sets the whole table, a later one from another
 * console adds the rows not on the record yet, each change sets or removes a row), then compared with the stored rows, in entity order and key order. A row changed, added or removed
 * behind the log's back (sqlite3) is named. A table with no administrative event yet is listed as unrecorded
 * and not checked. Secrets are compared only as set or empty, and only against this console's own record (each
 * console keeps its own SMS token); passwords not at all.
 */
class ReferenceVerifier final
{
    Q_DECLARE_TR_FUNCTIONS(ReferenceVerifier)

public:
    static ReferenceFinding verify(Database &db);
};

} // namespace hotline
