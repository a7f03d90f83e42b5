// DepartmentImporter (declared in io/TicketImporter.h): `hotlinectl departments import` and the departments page.
#include "auth/Permissions.h"
#include "domain/TextRules.h"
#include "io/DepartmentCsv.h"
#include "io/TicketImporter.h"
#include "service/Workspace.h"
#include "storage/AdminAudit.h"
#include "storage/Database.h"
#include "util/LogCategories.h"

#include <QDir>
#include <QHash>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace hotline {
namespace {

/** A department as stored before the import. */
struct Existing
{
    QString code;
    QString name;
};

/** A valid row of the file and the line it came from. */
struct FileRow
{
    qint64 line = 0;
    DepartmentRow department;
};

/** Codes and names compare ignoring case, in the file and against the database (DATA-FORMATS.md). */
QString key(const QString &codeOrName)
{
    return codeOrName.toCaseFolded();
}

} // namespace

DepartmentImporter::DepartmentImporter(Workspace &ws)
    : m_ws(ws)
    , m_by(ws.systemActor())
{
}

ImportResult DepartmentImporter::importFile(const QString &path)
{
    ImportResult result;
    const QString shownPath = TextRules::visible(QDir::toNativeSeparators(path));
    auto report = [&](qint64 line, const QString &why) {
        ++result.badRows;
        m_errorPolicy.add(result, u"%1:%2: %3"_s.arg(shownPath).arg(line).arg(why));
    };
    if (QString refused; !Permissions::check(m_by, Action::ManageDepartments, &refused)) {
        result.errors << refused;
        return result;
    }
    DepartmentCsvReader reader(path);
    if (!reader.openError().isEmpty()) {
        result.errors << u"%1: %2"_s.arg(shownPath, TextRules::visible(reader.openError()));
        return result;
    }
    QList<FileRow> rows;
    DepartmentCsvResult row;
    while (reader.readRow(row)) {
        ++result.rows;
        if (row.isValid())
            rows << FileRow {row.line, row.department};
        else
            report(row.line, row.error);
    }
    if (result.badRows > 0)
        return result;

    Database &db = m_ws.database();
    WriteTransaction tx(db);
    if (!tx.isActive()) {
        result.errors << tr("%1: cannot start writing: %2").arg(shownPath, tx.error());
        return result;
    }
    AdminAudit audit(db, {AdminEntity::Department}); // one administrative event per department the file changes
    QList<Existing> existing;
    QHash<QString, qsizetype> byCode; // key(code) -> index in existing
    QHash<QString, qsizetype> byName; // key(name) -> index in existing
    {
        QSqlQuery q(db.sql());
        if (!q.exec(u"SELECT code, name FROM departments"_s)) {
            result.errors << tr("%1: cannot read the departments: %2").arg(shownPath, q.lastError().text());
            return result;
        }
        while (q.next()) {
            byCode.insert(key(q.value(0).toString()), existing.size());
            byName.insert(key(q.value(1).toString()), existing.size());
            existing.append({q.value(0).toString(), q.value(1).toString()});
        }
        // The real codes of departments that kept the code their history refers to; a department's own code wins.
        if (!q.exec(u"SELECT alias, code FROM department_aliases"_s)) {
            result.errors << tr("%1: cannot read the departments: %2").arg(shownPath, q.lastError().text());
            return result;
        }
        while (q.next()) {
            const qsizetype index = byCode.value(key(q.value(1).toString()), -1);
            if (index >= 0 && !byCode.contains(key(q.value(0).toString())))
                byCode.insert(key(q.value(0).toString()), index);
        }
    }

    // Which stored department each row updates (-1: a new one), decided for the whole file before writing, so
    // a conflict is reported at its line and nothing is written.
    QHash<qsizetype, qint64> claimedBy; // index in existing -> line of the row updating it
    QList<qsizetype> targets;
    for (const FileRow &r : std::as_const(rows)) {
        const DepartmentRow &d = r.department;
        qsizetype target = byCode.value(key(d.code), -1);
        if (target < 0)
            target = byName.value(key(d.name), -1);
        targets << target;
        if (target < 0)
            continue; // neither its code nor its name exists: the file itself has them unique
        const Existing &e = existing.at(target);
        if (const qint64 first = claimedBy.value(target, 0)) {
            report(r.line,
                   tr("line %1 already updates the department %2 (code %3); one department, one row")
                       .arg(first)
                       .arg(e.name, e.code));
            continue;
        }
        claimedBy.insert(target, r.line);
        const qsizetype holder = byName.value(key(d.name), -1);
        if (holder >= 0 && holder != target) {
            report(r.line,
                   tr("the name %1 belongs to the department with code %2; a name still in use cannot be "
                      "given to another department (to swap names, rename one of them in a separate "
                      "import first)")
                       .arg(existing.at(holder).name, existing.at(holder).code));
        }
    }
    if (result.badRows > 0)
        return result;

    QSqlQuery insert(db.sql());
    insert.prepare(u"INSERT INTO departments(code, name, duty_phones, head_phone) VALUES(?,?,?,?)"_s);
    QSqlQuery update(db.sql());
    update.prepare(u"UPDATE departments SET name = ?, duty_phones = ?, head_phone = ? WHERE code = ?"_s);
    for (qsizetype i = 0; i < rows.size(); ++i) {
        const DepartmentRow &d = rows.at(i).department;
        // Empty, never NULL: "no contact" is a value the SMS outbox reads.
        const QString duty = u""_s + d.dutyPhones.join(u';');
        const QString head = u""_s + d.headPhone;
        QSqlQuery &q = targets.at(i) < 0 ? insert : update;
        if (targets.at(i) < 0) {
            q.addBindValue(d.code);
            q.addBindValue(d.name);
            q.addBindValue(duty);
            q.addBindValue(head);
        } else {
            const Existing &e = existing.at(targets.at(i));
            q.addBindValue(d.name);
            q.addBindValue(duty);
            q.addBindValue(head);
            q.addBindValue(e.code);
        }
        if (!q.exec()) {
            result.errors << tr("%1:%2: cannot save the department %3 (%4): %5")
                                 .arg(shownPath)
                                 .arg(rows.at(i).line)
                                 .arg(d.name, d.code, q.lastError().databaseText());
            result.notes.clear();
            return result;
        }
    }
    // A department found by name keeps its code; the file's code becomes another code it is known by.
    QSqlQuery alias(db.sql());
    alias.prepare(u"INSERT OR REPLACE INTO department_aliases(alias, code) VALUES(?, ?)"_s);
    for (qsizetype i = 0; i < rows.size(); ++i) {
        if (targets.at(i) < 0)
            continue;
        const DepartmentRow &d = rows.at(i).department;
        const Existing &e = existing.at(targets.at(i));
        if (key(e.code) == key(d.code))
            continue;
        alias.addBindValue(d.code);
        alias.addBindValue(e.code);
        if (!alias.exec()) {
            result.errors << tr("%1:%2: cannot save the code %3 of the department %4: %5")
                                 .arg(shownPath)
                                 .arg(rows.at(i).line)
                                 .arg(d.code, d.name, alias.lastError().databaseText());
            result.notes.clear();
            return result;
        }
        result.notes << tr("%1 keeps its code %2, which its tickets' history refers to; later imports also find it "
                           "by %3.")
                            .arg(d.name, e.code, d.code);
    }
    if (QString why; !audit.record(m_by, &why, u"import"_s)) {
        result.errors << tr("%1: cannot save the departments: %2").arg(shownPath, why);
        result.notes.clear();
        return result;
    }
    if (!tx.commit()) {
        result.errors << tr("%1: cannot save the departments: %2").arg(shownPath, tx.error());
        result.notes.clear();
        return result;
    }
    result.ok = true;
    result.imported = rows.size();
    qCInfo(lcImport) << "imported" << result.imported << "departments from" << path;
    return result;
}

} // namespace hotline
