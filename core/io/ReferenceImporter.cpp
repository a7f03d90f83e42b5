#include "io/ReferenceImporter.h"

#include "auth/Permissions.h"
#include "service/ReferenceStore.h"
#include "storage/AdminAudit.h"
#include "storage/Database.h"
#include "util/LogCategories.h"

#include <QDir>
#include <QHash>
#include <QSet>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace hotline {
namespace {

/** A valid row with its department resolved to a code. */
struct FileRow
{
    qint64 line = 0;
    ReferenceEntry entry;
};

} // namespace

ReferenceImportResult ReferenceImporter::importFile(ReferenceKind kind, const QString &path)
{
    ReferenceImportResult result;
    const QString shownPath = QDir::toNativeSeparators(path);
    if (QString refused; !Permissions::check(m_by, Action::ManageReference, &refused)) {
        result.errors << refused;
        return result;
    }
    ReferenceCsvReader reader(kind, path);
    if (!reader.openError().isEmpty()) {
        result.errors << u"%1: %2"_s.arg(shownPath, reader.openError());
        return result;
    }
    const ReferenceStore store(m_db);
    // Every bad row, in line order at the end: the file's own problems and conflicts with the table alike.
    QList<std::pair<qint64, QString>> problems;
    const auto bad = [&](qint64 line, const QString &why) {
        ++result.badRows;
        problems.append({line, u"%1:%2: %3"_s.arg(shownPath).arg(line).arg(why)});
    };
    QList<FileRow> rows;
    ReferenceCsvRow row;
    while (reader.readRow(row)) {
        ++result.rows;
        QString error = row.error;
        ReferenceEntry e {row.code, row.name, QString(), row.slaClass, true};
        if (!row.department.isEmpty()) {
            e.departmentCode = store.resolveDepartment(row.department);
            if (e.departmentCode.isEmpty()) {
                const QString why = tr("department “%1” is not a known department (code or name)")
                                        .arg(ReferenceText::shown(row.department));
                error = error.isEmpty() ? why : error + u"; "_s + why;
            }
        }
        if (error.isEmpty())
            rows << FileRow {row.line, e};
        else
            bad(row.line, error);
    }
    if (result.rows == 0) {
        result.errors << tr("%1: the file has no data rows").arg(shownPath);
        return result;
    }

    WriteTransaction tx(m_db);
    if (!tx.isActive()) {
        result.errors << tr("%1: cannot save the import: %2").arg(shownPath, tx.error());
        return result;
    }
    // One administrative event per entry the file changes, in this transaction.
    AdminAudit audit(m_db, {kind == ReferenceKind::Categories ? AdminEntity::Category : AdminEntity::Town});
    // The table as it will be: existing entries, each replaced by the row that names it, plus new ones.
    QList<ReferenceEntry> table = store.all(kind);
    const QList<ReferenceEntry> before = table;
    QHash<QString, qsizetype> byCode, byName;
    for (qsizetype i = 0; i < table.size(); ++i) {
        if (!table.at(i).code.isEmpty())
            byCode.insert(table.at(i).code.toCaseFolded(), i);
        byName.insert(table.at(i).name.toCaseFolded(), i);
    }
    QList<std::pair<qsizetype, qint64>> assigned; // index in table, line of the row that sets it; file order
    QSet<qsizetype> changed;
    for (const FileRow &r : std::as_const(rows)) {
        qsizetype i = byCode.value(r.entry.code.toCaseFolded(), -1);
        if (i < 0) {
            const qsizetype sameName = byName.value(r.entry.name.toCaseFolded(), -1);
            if (sameName >= 0 && table.at(sameName).code.isEmpty())
                i = sameName; // an entry from before codes: this row gives it its code
        }
        if (i < 0) {
            i = table.size();
            table << r.entry;
            ++result.added;
        } else {
            if (table.at(i) != r.entry)
                ++result.updated;
            table[i] = r.entry;
        }
        assigned.append({i, r.line});
        changed.insert(i);
    }
    // A name the file gives must not stay another entry's (one the file leaves alone).
    QHash<QString, qsizetype> finalNames;
    for (qsizetype i = 0; i < table.size(); ++i) {
        if (!changed.contains(i))
            finalNames.insert(table.at(i).name.toCaseFolded(), i);
    }
    for (const auto &[index, line] : std::as_const(assigned)) {
        const ReferenceEntry &e = table.at(index);
        const qsizetype other = finalNames.value(e.name.toCaseFolded(), -1);
        if (other >= 0) {
            const ReferenceEntry &kept = table.at(other);
            bad(line,
                kept.code.isEmpty() ? tr("name “%1” is already another entry's").arg(e.name)
                                    : tr("name “%1” is already the name of %2, which this file does not change")
                                          .arg(e.name, kept.code));
        }
    }
    if (!problems.isEmpty()) {
        std::stable_sort(problems.begin(), problems.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
        for (const auto &p : std::as_const(problems))
            result.errors << p.second;
        result.added = result.updated = 0;
        return result;
    }
    // Delete the entries the file changes, then insert their new values: names may move between rows.
    const bool isCategory = kind == ReferenceKind::Categories;
    QSqlQuery remove(m_db.sql());
    remove.prepare(u"DELETE FROM "_s + ReferenceStore::tableName(kind) + u" WHERE name = ?"_s);
    QSqlQuery insert(m_db.sql());
    insert.prepare(isCategory
                       ? u"INSERT INTO categories(code, name, active, department_code, sla_class) VALUES(?,?,1,?,?)"_s
                       : u"INSERT INTO towns(code, name, active) VALUES(?,?,1)"_s);
    const auto failed = [&](const QSqlQuery &q) {
        result.errors
            << tr("%1: cannot save the import: %2").arg(shownPath, Database::describeError(q.lastError(), m_db.path()));
        result.added = result.updated = 0;
        return result;
    };
    for (const auto &[index, line] : std::as_const(assigned)) {
        if (index < before.size()) {
            remove.addBindValue(before.at(index).name);
            if (!remove.exec())
                return failed(remove);
        }
    }
    for (const auto &[index, line] : std::as_const(assigned)) {
        const ReferenceEntry &e = table.at(index);
        insert.addBindValue(e.code);
        insert.addBindValue(e.name);
        if (isCategory) {
            insert.addBindValue(e.departmentCode.isEmpty() ? QVariant(QMetaType::fromType<QString>())
                                                           : QVariant(e.departmentCode));
            insert.addBindValue(e.slaClass.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(e.slaClass));
        }
        if (!insert.exec())
            return failed(insert);
    }
    if (QString why; !audit.record(m_by, &why, u"import"_s)) {
        result.errors << tr("%1: cannot save the import: %2").arg(shownPath, why);
        result.added = result.updated = 0;
        return result;
    }
    if ((isCategory && !m_db.bumpConfigGeneration()) || !tx.commit()) {
        result.errors << tr("%1: cannot save the import: %2").arg(shownPath, tx.error());
        result.added = result.updated = 0;
        return result;
    }
    result.ok = true;
    result.imported = rows.size();
    qCInfo(lcImport) << "imported" << result.imported << ReferenceStore::tableName(kind) << "from" << path;
    return result;
}

} // namespace hotline
