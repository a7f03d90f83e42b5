#include "notify/DepartmentContacts.h"

#include "storage/AdminAudit.h"

#include "auth/Permissions.h"

#include "domain/PhoneNumber.h"
#include "domain/TextRules.h"
#include "io/DepartmentCsv.h"
#include "storage/Database.h"

#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace hotline {
namespace {

DepartmentContact readRow(const QSqlQuery &q)
{
    return DepartmentContact{q.value(0).toString(), q.value(1).toString(),
                             q.value(2).toString().split(u';', Qt::SkipEmptyParts), q.value(3).toString()};
}

} // namespace

DepartmentContacts::DepartmentContacts(Database &db) : m_db(db) {}

QList<DepartmentContact> DepartmentContacts::all() const
{
    QList<DepartmentContact> out;
    QSqlQuery q(m_db.sql());
    if (q.exec(u"SELECT code, name, duty_phones, head_phone FROM departments ORDER BY code"_s)) {
        while (q.next())
            out << readRow(q);
    }
    return out;
}

std::optional<DepartmentContact> DepartmentContacts::find(const QString &code) const
{
    QSqlQuery q(m_db.sql());
    q.prepare(u"SELECT code, name, duty_phones, head_phone FROM departments WHERE code = ?"_s);
    q.addBindValue(code);
    if (q.exec() && q.next())
        return readRow(q);
    return std::nullopt;
}

QStringList DepartmentContacts::parsePhones(const QString &text, QString *error)
{
    QStringList out;
    QString copy = text;
    const QStringList parts = copy.replace(u'；', u';').split(u';', Qt::SkipEmptyParts);
    for (const QString &part : parts) {
        if (part.trimmed().isEmpty())
            continue;
        QString why;
        const auto phone = PhoneNumber::parse(part.trimmed(), &why);
        if (!phone) {
            *error = why; // already quotes the number
            return {};
        }
        if (!out.contains(phone->normalized()))
            out << phone->normalized();
    }
    return out;
}

bool DepartmentContacts::save(const Actor &by, const DepartmentContact &contact, QString *error)
{
    return Permissions::check(by, Action::ManageDepartments, error) && store(by, contact, error);
}

bool DepartmentContacts::save(const DepartmentContact &contact, QString *error)
{
    return store(Actor{u"system"_s, Role::System, QString(), QString()}, contact, error);
}

bool DepartmentContacts::store(const Actor &by, const DepartmentContact &c, QString *error)
{
    if (c.code.trimmed().isEmpty() || c.name.trimmed().isEmpty()) {
        *error = tr("A department needs a code and a name.");
        return false;
    }
    // The rules of the departments CSV (DATA-FORMATS.md "Text"): no invisible or control characters, lengths in
    // characters.
    if (const auto bad = TextRules::firstForbidden(c.name)) {
        *error = tr("The department's name contains the invisible or control character %1.").arg(TextRules::codePoint(*bad));
        return false;
    }
    if (const auto bad = TextRules::firstForbidden(c.code)) {
        *error = tr("The department's code contains the invisible or control character %1.").arg(TextRules::codePoint(*bad));
        return false;
    }
    if (TextRules::length(c.name.trimmed()) > DepartmentCsvLimits::Name
        || TextRules::length(c.code.trimmed()) > DepartmentCsvLimits::Code) {
        *error = tr("A department's name has at most %1 characters, its code at most %2.")
                     .arg(DepartmentCsvLimits::Name)
                     .arg(DepartmentCsvLimits::Code);
        return false;
    }
    QString why;
    const QStringList duty = parsePhones(c.dutyPhones.join(u';'), &why);
    const QStringList head = parsePhones(c.headPhone, &why);
    if (!why.isEmpty()) {
        *error = why;
        return false;
    }
    if (head.size() > 1) {
        *error = tr("Give one phone number for the department head.");
        return false;
    }
    // Never a null string: QtSql binds it as NULL, which the NOT NULL column refuses (a department may have no
    // duty phone yet).
    const QString dutyText = duty.isEmpty() ? u""_s : duty.join(u';');
    WriteTransaction tx(m_db);
    // The change and its administrative event commit together (snapshot taken inside the transaction).
    std::optional<AdminAudit> audit;
    if (tx.isActive())
        audit.emplace(m_db, QList<AdminEntity>{AdminEntity::Department});
    QSqlQuery q(m_db.sql());
    q.prepare(u"UPDATE departments SET name = ?, duty_phones = ?, head_phone = ? WHERE code = ?"_s);
    q.addBindValue(c.name.trimmed());
    q.addBindValue(dutyText);
    q.addBindValue(head.value(0, u""_s));
    q.addBindValue(c.code.trimmed());
    bool ok = tx.isActive() && q.exec();
    if (ok && q.numRowsAffected() == 0) {
        q.prepare(u"INSERT INTO departments(code, name, duty_phones, head_phone) VALUES(?, ?, ?, ?)"_s);
        q.addBindValue(c.code.trimmed());
        q.addBindValue(c.name.trimmed());
        q.addBindValue(dutyText);
        q.addBindValue(head.value(0, u""_s));
        ok = q.exec();
    }
    if (ok && !audit->record(by, error))
        return false;
    if (!ok || !tx.commit()) {
        *error = tr("Cannot save the department: %1").arg(tx.isActive() ? q.lastError().text() : tx.error());
        return false;
    }
    return true;
}

} // namespace hotline
