#include "service/ReferenceStore.h"

#include "auth/Permissions.h"
#include "domain/Enums.h"
#include "storage/AdminAudit.h"
#include "storage/Database.h"

#include <QSqlQuery>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace hotline {

QString ReferenceStore::tableName(ReferenceKind kind)
{
    return kind == ReferenceKind::Categories ? u"categories"_s : u"towns"_s;
}

QList<ReferenceEntry> ReferenceStore::all(ReferenceKind kind) const
{
    QList<ReferenceEntry> out;
    QSqlQuery q(m_db.sql());
    const QString columns = kind == ReferenceKind::Categories ? u"code, name, active, department_code, sla_class"_s
                                                              : u"code, name, active"_s;
    if (!q.exec(u"SELECT "_s + columns + u" FROM "_s + tableName(kind)
                + u" ORDER BY code IS NULL, code COLLATE NOCASE, name"_s))
        return out;
    while (q.next()) {
        ReferenceEntry e;
        e.code = q.value(0).toString();
        e.name = q.value(1).toString();
        e.active = q.value(2).toInt() != 0;
        if (kind == ReferenceKind::Categories) {
            e.departmentCode = q.value(3).toString();
            e.slaClass = q.value(4).toString();
        }
        out << e;
    }
    return out;
}

std::optional<ReferenceEntry> ReferenceStore::byName(ReferenceKind kind, const QString &name) const
{
    for (const ReferenceEntry &e : all(kind)) {
        if (e.name == name)
            return e;
    }
    return std::nullopt;
}

QString ReferenceStore::resolveDepartment(const QString &value) const
{
    const QString wanted = value.trimmed().toCaseFolded();
    if (wanted.isEmpty())
        return {};
    QSqlQuery q(m_db.sql());
    QString byName;
    if (q.exec(u"SELECT code, name FROM departments"_s)) {
        while (q.next()) {
            if (q.value(0).toString().toCaseFolded() == wanted)
                return q.value(0).toString(); // a code wins over another department's name
            if (q.value(1).toString().toCaseFolded() == wanted)
                byName = q.value(0).toString();
        }
    }
    // Another code of a department that kept the code of its history (departments import, DATA-FORMATS.md):
    // the centre's real code, which its categories file uses.
    if (q.exec(u"SELECT alias, code FROM department_aliases"_s)) {
        while (q.next()) {
            if (q.value(0).toString().toCaseFolded() == wanted)
                return q.value(1).toString();
        }
    }
    return byName;
}

QString ReferenceStore::validate(ReferenceKind kind, const ReferenceEntry &entry, bool codeOptional)
{
    QStringList problems;
    if (codeOptional && entry.code.isEmpty()) {
        // an entry from before codes may keep having none
    } else if (QString why = ReferenceText::problem(entry.code, tr("code"), ReferenceLimits::Code, true);
               !why.isEmpty())
        problems << why;
    if (QString why = ReferenceText::problem(entry.name, tr("name"), ReferenceText::nameLimit(kind), false);
        !why.isEmpty())
        problems << why;
    if (kind == ReferenceKind::Categories && !entry.slaClass.isEmpty() && !slaClassFromCode(entry.slaClass))
        problems << tr("class “%1” is not consult or handling").arg(ReferenceText::shown(entry.slaClass));
    return problems.join(u"; "_s);
}

bool ReferenceStore::save(const Actor &by, ReferenceKind kind, const QString &originalName, const ReferenceEntry &entry,
                          QString *error)
{
    if (!Permissions::check(by, Action::ManageReference, error))
        return false;
    // An entry from before codes (demo data, ticket import) may be changed or disabled without giving it a code.
    const std::optional<ReferenceEntry> original = originalName.isEmpty() ? std::nullopt : byName(kind, originalName);
    if (QString why = validate(kind, entry, original && original->code.isEmpty()); !why.isEmpty()) {
        *error = why;
        return false;
    }
    ReferenceEntry e = entry;
    if (kind == ReferenceKind::Categories && !e.departmentCode.isEmpty()) {
        const QString code = resolveDepartment(e.departmentCode);
        if (code.isEmpty()) {
            *error = tr("department “%1” is not a known department (code or name)")
                         .arg(ReferenceText::shown(e.departmentCode));
            return false;
        }
        e.departmentCode = code;
    }
    WriteTransaction tx(m_db);
    if (!tx.isActive()) {
        *error = tx.error();
        return false;
    }
    AdminAudit audit(m_db, {kind == ReferenceKind::Categories ? AdminEntity::Category : AdminEntity::Town});
    // Read inside the transaction, so that a concurrent console's change is seen before deciding.
    const QList<ReferenceEntry> entries = all(kind);
    if (!originalName.isEmpty() && std::none_of(entries.cbegin(), entries.cend(), [&](const ReferenceEntry &o) {
            return o.name == originalName;
        })) {
        *error = tr("“%1” no longer exists (changed on another console?)").arg(ReferenceText::shown(originalName));
        return false;
    }
    for (const ReferenceEntry &other : entries) {
        if (other.name == originalName)
            continue;
        if (!other.code.isEmpty() && !e.code.isEmpty() && other.code.toCaseFolded() == e.code.toCaseFolded()) {
            *error = tr("code “%1” is already used by “%2”").arg(e.code, other.name);
            return false;
        }
        if (other.name.toCaseFolded() == e.name.toCaseFolded()) {
            *error = tr("“%1” already exists").arg(other.name);
            return false;
        }
    }
    QSqlQuery q(m_db.sql());
    const QString table = tableName(kind);
    const bool isCategory = kind == ReferenceKind::Categories;
    if (originalName.isEmpty()) {
        q.prepare(isCategory
                      ? u"INSERT INTO categories(code, name, active, department_code, sla_class) VALUES(?,?,?,?,?)"_s
                      : u"INSERT INTO towns(code, name, active) VALUES(?,?,?)"_s);
    } else {
        q.prepare(isCategory ? u"UPDATE categories SET code = ?, name = ?, active = ?, department_code = ?, "
                               "sla_class = ? WHERE name = ?"_s
                             : u"UPDATE towns SET code = ?, name = ?, active = ? WHERE name = ?"_s);
    }
    q.addBindValue(e.code.isEmpty() ? QVariant(QMetaType::fromType<QString>())
                                    : QVariant(e.code)); // codes are unique when given
    q.addBindValue(e.name);
    q.addBindValue(e.active ? 1 : 0);
    if (isCategory) {
        // NULL, not empty: the SLA policy and the dispatch suggestion read NULL as "none".
        q.addBindValue(e.departmentCode.isEmpty() ? QVariant(QMetaType::fromType<QString>())
                                                  : QVariant(e.departmentCode));
        q.addBindValue(e.slaClass.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(e.slaClass));
    }
    if (!originalName.isEmpty())
        q.addBindValue(originalName);
    if (!q.exec()) {
        *error = Database::describeError(q.lastError(), m_db.path());
        return false;
    }
    if (!audit.record(by, error))
        return false;
    // A category's class changes deadlines: every cached SLA clock is rebuilt.
    if (isCategory && !m_db.bumpConfigGeneration()) {
        *error = tr("cannot record the change of %1").arg(table);
        return false;
    }
    if (!tx.commit()) {
        *error = tx.error();
        return false;
    }
    return true;
}

} // namespace hotline
