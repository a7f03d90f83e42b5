#include "storage/ReferenceVerifier.h"

#include "storage/AdminAudit.h"
#include "storage/AdminLog.h"
#include "storage/Database.h"
#include "storage/Settings.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

using namespace Qt::StringLiterals;

namespace hotline {
namespace {

QString oneLine(const QJsonValue &v)
{
    return v.isNull() || v.isUndefined() ? ReferenceVerifier::tr("no such row") : AdminLog::describe(v);
}

} // namespace

ReferenceFinding ReferenceVerifier::verify(Database &db)
{
    ReferenceFinding f;
    QList<AdminChange> changes;
    QString error;
    if (!AdminLog(db).all(&changes, &error)) {
        f.ok = false;
        f.message = tr("cannot read the administrative events: %1").arg(error);
        return f;
    }
    const QString console = db.meta(u"console.code"_s, u"01"_s);
    for (AdminEntity entity : AdminAudit::allEntities()) {
        if (!AdminAudit::isReplicated(entity))
            continue; // its events come from other consoles too, its rows are only the serving one's
        const QString code = AdminAudit::entityCode(entity);
        AdminRows expected;
        bool recorded = false;
        for (const AdminChange &c : std::as_const(changes)) {
            if (c.entity != code)
                continue;
            // A secret setting (the SMS token) lives on each console on its own: only this console's record of it
            // counts here (docs/DEPLOYMENT.md "Reference data").
            const bool ownConsole = c.console == console;
            if (c.isBaseline()) {
                // Consoles merge reference data by row: the first baseline sets the table, a later one (another
                // console's, made before it had pulled the first) only adds the rows not on the record yet.
                if (!recorded)
                    expected.clear();
                const QJsonObject rows = c.newValue.toObject();
                for (auto it = rows.begin(); it != rows.end(); ++it) {
                    if (entity == AdminEntity::Setting && Settings::isSecret(it.key()) && !ownConsole)
                        continue;
                    if (!recorded || !expected.contains(it.key()))
                        expected.insert(it.key(), it.value());
                }
                recorded = true;
            } else if (entity == AdminEntity::Setting && Settings::isSecret(c.key) && !ownConsole) {
                continue;
            } else if (c.newValue.isNull()) {
                expected.remove(c.key);
            } else {
                expected.insert(c.key, c.newValue);
            }
        }
        if (!recorded) {
            f.unrecorded << code;
            continue;
        }
        QString why;
        const AdminRows stored = AdminAudit::snapshot(db, entity, &why);
        if (!why.isEmpty()) {
            f.ok = false;
            f.message = tr("cannot read the %1 rows: %2").arg(code, why);
            return f;
        }
        QStringList keys = expected.keys() + stored.keys();
        keys.removeDuplicates();
        std::sort(keys.begin(), keys.end());
        for (const QString &key : std::as_const(keys)) {
            if (entity == AdminEntity::Setting && Settings::isSecret(key) && !expected.contains(key))
                continue; // set on this console before any record of it here (e.g. under its code before joining)
            ++f.checkedRows;
            const QJsonValue want = expected.contains(key)
                                        ? AdminAudit::comparable(entity, key, expected.value(key))
                                        : QJsonValue(QJsonValue::Null);
            const QJsonValue shown = stored.contains(key) ? AdminAudit::shown(entity, key, stored.value(key))
                                                          : QJsonValue(QJsonValue::Null);
            const QJsonValue have = shown.isNull() ? shown : AdminAudit::comparable(entity, key, shown);
            if (want == have)
                continue;
            f.ok = false;
            f.entity = code;
            f.key = key;
            f.expected = expected.value(key, QJsonValue::Null);
            f.stored = shown;
            f.message = tr("%1 “%2” differs from the administrative log: the log says %3, the table holds %4")
                            .arg(AdminLog::entityName(code), key, oneLine(f.expected), oneLine(f.stored));
            return f;
        }
    }
    f.message = tr("%n reference row(s) match the administrative log", nullptr, int(f.checkedRows));
    return f;
}

} // namespace hotline
